"""Name-flag figures of a corpus's changes cases, on a dev / held-out split by document.

    python bench/name_flags.py [CORPUS ...] [--json FILE] [--dev-only] [--show-dev]

The NTREX changes cases are what the name-flag constants were tuned on, so they are split by a
hash of each case's document id: two thirds "dev" (tuned on), one third "heldout" (only measured).
Any other corpus given (the hard corpus's edited cases, built from the same documents) is split the
same way: its "dev" part shares documents with the tuning cases, its "heldout" part does not. For each part:
precision, recall and false alarms per 100 unaltered sentences of the flags shown by default and
of all flags (``--all-flags``). Uses the translation cache (run the evaluation once first).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from provenance.evaluation.evaluate import evaluate  # noqa: E402
from provenance.evaluation.metrics import changes_metrics  # noqa: E402
from provenance.translate.factory import make_translator  # noqa: E402


def split_of(case_id: str) -> str:
    """'dev' for two documents in three, 'heldout' for the third, by a hash of the document id."""
    document = case_id.rsplit("/", 1)[-1]  # changes/bbc.381790, edited/changes/bbc.381790
    return "heldout" if int(hashlib.sha1(document.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpora", nargs="*", default=["corpora/ntrex"])
    parser.add_argument("--json", dest="json_path", default=None, help="Also write the figures here.")
    parser.add_argument("--dev-only", action="store_true", help="Only the dev parts (while tuning: no held-out figure).")
    parser.add_argument("--show-dev", action="store_true",
                        help="Also print each dev false alarm and miss: the texts and every flag (never held-out).")
    args = parser.parse_args()
    translator = make_translator(progress=False)
    figures = {}
    for index, corpus in enumerate(args.corpora):
        result = evaluate(corpus, translator, tasks=("changes",))
        parts: dict[str, list[dict]] = {}
        for case in result.cases:
            part = split_of(case.id)
            parts.setdefault(part, []).append(case.outcome)
        if args.dev_only:
            parts.pop("heldout", None)
        else:
            parts["all"] = [case.outcome for case in result.cases]
        for part, outcomes in sorted(parts.items()):
            metrics = changes_metrics(outcomes)["name_mismatch"]
            figures[f"{corpus} {part}"] = {"cases": len(outcomes), **metrics}
    print(f"{'corpus part':40} {'cases':>5}  {'shown: P':>8} {'R':>6} {'FA/100':>6}   {'all: P':>6} {'R':>6} {'FA/100':>6}")
    for key, f in figures.items():
        a = f.get("all_flags", f)
        print(f"{key:40} {f['cases']:5d}  {f['precision']:8.3f} {f['recall']:6.3f} {f['false_alarms_per_100']:6.2f}"
              f"   {a['precision']:6.3f} {a['recall']:6.3f} {a['false_alarms_per_100']:6.2f}")
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    if args.show_dev:
        for corpus in args.corpora:
            show_dev_errors(corpus, translator)


def show_dev_errors(corpus: str, translator) -> None:
    """Each dev pair whose shown name flag disagrees with the gold, with its texts and all its flags."""
    from provenance.compare.check import check
    from provenance.evaluation.corpus import load_corpus
    from provenance.text.document import load_text

    for case in load_corpus(corpus).cases:
        if case.task != "changes" or split_of(case.id) != "dev":
            continue
        article = load_text(case.article, one_per_line=True)
        candidate = check(article, [load_text(case.candidates[0].path, one_per_line=True)], translator=translator,
                          with_chain=False).candidates[0]
        names, altered = set(case.gold.get("name_mismatch", [])), set(case.gold.get("number_mismatch", []))
        for pair in candidate.score.pairs:
            if not (pair.english and pair.source):
                continue
            shown, gold = "name_mismatch" in pair.flags, bool(set(pair.english) & names)
            if shown == gold or (shown and set(pair.english) & altered):
                continue
            print(f"{'false alarm' if shown else 'miss'}: {case.id} English {list(pair.english)}")
            print("  EN :", " ".join(article.sentence_texts[i] for i in pair.english))
            print("  SRC:", " ".join(candidate.text.sentence_texts[j] for j in pair.source))
            print("  MT :", " ".join(candidate.translations[j] for j in pair.source))
            for flag in pair.name_flags:
                print(f"  flag {flag.confidence:.3f}: {flag.english!r} / {flag.source!r}")


if __name__ == "__main__":
    main()

"""Name-flag figures of a corpus's changes cases, on a dev / held-out split by document.

    python bench/name_flags.py [CORPUS ...] [--json FILE] [--dev-only]

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


if __name__ == "__main__":
    main()

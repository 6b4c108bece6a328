"""Validate the real attribution gold (corpora/attribution-real) against the shared data and count it.

The gold holds no text (the DSL sentences' licence forbids committing them): every unit names a shared
file, its lines and the sha1 of their text. This checks every gold file listed in the manifest: the
hashes, every span found in the (transformed) text, edges' ends among the unit's sources, the split
rule, ids in order and each shared line used once; then prints the counts per language and split.

    python scripts/build_real_attribution.py [corpora/attribution-real]

Exit status 0 when everything holds, 2 with one line per problem otherwise. The shared root is
../shared of the repository unless PROVENANCE_SHARED says otherwise.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provenance.evaluation.attribution_gold import load_gold, shared_root  # noqa: E402
from provenance.evaluation.corpus import load_corpus  # noqa: E402
from provenance.errors import ProvenanceError  # noqa: E402


def validate(corpus_dir: Path) -> tuple[list[str], Counter, Counter]:
    """(problems, units per (language, split), units without any source per (language, split))."""
    corpus = load_corpus(corpus_dir)
    problems: list[str] = []
    counts: Counter = Counter()
    empty: Counter = Counter()
    used: dict[tuple[str, int], str] = {}
    for case in (c for c in corpus.cases if c.task == "attribution"):
        path = case.root / case.gold["units"]
        units = load_gold(path, shared_root((case.root / case.gold["shared_root"]).resolve()))
        raws = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        ids = [u.id for u in units]
        if ids != sorted(ids, key=_id_order) or len(set(ids)) != len(ids):
            problems.append(f"{path.name}: ids must be unique and sorted (by file stem, then line)")
        for raw, unit in zip(raws, units):
            stem = Path(raw["file"]).stem
            if len(raw["lines"]) == 1 and unit.id != f"{stem}:{raw['lines'][0]}":
                problems.append(f"{path.name}: unit {unit.id}: a sentence's id is '<file stem>:<line>'")
            for line in raw["lines"]:
                other = used.setdefault((raw["file"], line), unit.id)
                if other != unit.id:
                    problems.append(f"{path.name}: {raw['file']} line {line} is in both {other} and {unit.id}")
            counts[(unit.language, unit.split)] += 1
            empty[(unit.language, unit.split)] += not unit.sources
    return problems, counts, empty


def _id_order(unit_id: str):
    stem, _, rest = unit_id.rpartition(":")
    return (stem, int(rest)) if rest.isdigit() else (unit_id, 0)


def main(argv: list[str]) -> int:
    corpus_dir = Path(argv[0]) if argv else ROOT / "corpora" / "attribution-real"
    try:
        problems, counts, empty = validate(corpus_dir)
    except ProvenanceError as err:
        print(f"build_real_attribution: error: {err}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"build_real_attribution: {problem}", file=sys.stderr)
    languages = sorted({lang for lang, _ in counts})
    print(f"{'language':10} {'dev':>5} {'heldout':>8} {'total':>6} {'no source':>10}")
    for lang in languages + ["all"]:
        row = [sum(n for (l, s), n in counts.items() if (lang == "all" or l == lang) and s == split)
               for split in ("dev", "heldout")]
        none = sum(n for (l, _s), n in empty.items() if lang == "all" or l == lang)
        print(f"{lang:10} {row[0]:>5} {row[1]:>8} {sum(row):>6} {none:>10}")
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

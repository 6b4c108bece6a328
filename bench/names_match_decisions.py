"""rapidfuzz against difflib in anchors.names_match: every skeleton pair that reaches the similarity
test while evaluating a corpus task, decided both ways, and the task's figures both ways.

    python bench/names_match_decisions.py [CORPUS] [--task changes]

Uses the translation cache (run the evaluation once first). Prints each pair decided differently.
"""
from __future__ import annotations

import argparse
import json
import sys
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from provenance.compare import anchors  # noqa: E402
from provenance.evaluation.evaluate import evaluate  # noqa: E402
from provenance.translate.factory import make_translator  # noqa: E402


def difflib_similar(a: str, b: str, percent: int) -> bool:
    return SequenceMatcher(None, a, b).ratio() >= percent / 100


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="corpora/ntrex")
    parser.add_argument("--task", default="changes")
    args = parser.parse_args()
    rapid_similar = anchors._similar
    seen: dict[tuple[str, str, int], None] = {}

    def recording(a: str, b: str, percent: int) -> bool:
        seen[(a, b, percent)] = None
        return rapid_similar(a, b, percent)

    figures = {}
    for name, similar in (("rapidfuzz", recording), ("difflib", difflib_similar)):
        anchors._similar = similar
        anchors._keys_match.cache_clear()
        anchors.canonical_keys.cache_clear()
        result = evaluate(args.corpus, make_translator(progress=False), tasks=(args.task,))
        figures[name] = {k: v for k, v in result.metrics[args.task].items() if k != "seconds_per_case"}
    anchors._similar = rapid_similar
    differing = [(a, b, p, rapid_similar(a, b, p), difflib_similar(a, b, p)) for a, b, p in seen
                 if rapid_similar(a, b, p) != difflib_similar(a, b, p)]
    print(f"{len(seen)} distinct skeleton pairs reached the similarity test; {len(differing)} decided differently")
    for a, b, p, rapid, diff in differing:
        print(f"  {a!r} ~ {b!r} at {p}%: rapidfuzz {rapid} (LCS ratio "
              f"{(len(a) + len(b) - anchors.Indel.distance(a, b)) / (len(a) + len(b)):.3f}), "
              f"difflib {diff} ({SequenceMatcher(None, a, b).ratio():.3f})")
    same = figures["rapidfuzz"] == figures["difflib"]
    print(f"{args.task} figures identical: {same}")
    if not same:
        print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()

"""The cached paths, whole process, side by side: code trees (e.g. main and a branch) interleaved round by round.

    python bench/cached_paths.py --tree ../main --tree . [--rounds 3] [--skip-ntrex] [--seed-rounds 5]

Each run is a fresh `provenance` process with PYTHONPATH at the tree, on the translation cache in use
(warm it first: one `provenance evaluate corpora/ntrex` and one seed check per tree). Measured: the seed
check of the README quick start, and `provenance evaluate corpora/ntrex`; wall seconds and CPU seconds
(user + system) of each, the medians over rounds, the load average before and after, and whether the
trees' evaluation figures agree (the JSON, with every timing left out).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(tree: Path, args: list[str]) -> tuple[float, float]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "provenance.cli", *args], cwd=tree, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _figures(path: Path) -> dict:
    def strip(value):
        if isinstance(value, dict):
            # (and "model": the shipped model's path, which names the tree)
            return {k: strip(v) for k, v in value.items() if "seconds" not in k and k not in ("translation", "model")}
        return [strip(v) for v in value] if isinstance(value, list) else value
    return strip(json.loads(path.read_text(encoding="utf-8")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", type=Path, action="append", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed-rounds", type=int, default=5)
    parser.add_argument("--skip-ntrex", action="store_true")
    args = parser.parse_args()
    trees = [t.resolve() for t in args.tree]
    seed = ["check", "corpora/seed/texts/article.en.txt",
            *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "corpora/seed/texts").glob("*-*.txt"))]
    load_before = os.getloadavg()[0]
    timings: dict[tuple[str, Path], list[tuple[float, float]]] = {}
    out = Path(tempfile.mkdtemp(prefix="cached-paths-"))
    for round_ in range(max(args.seed_rounds, 0 if args.skip_ntrex else args.rounds)):
        for k, tree in enumerate(trees if round_ % 2 == 0 else list(reversed(trees))):
            if round_ < args.seed_rounds:
                timings.setdefault(("seed check", tree), []).append(run(tree, seed))
            if not args.skip_ntrex and round_ < args.rounds:
                json_out = out / f"ntrex-{trees.index(tree)}.json"
                timings.setdefault(("evaluate ntrex", tree), []).append(
                    run(tree, ["evaluate", "corpora/ntrex", "--json", "--cases", "-q", "-o", str(json_out)]))
    load_after = os.getloadavg()[0]
    print(f"load average {load_before:.1f} -> {load_after:.1f}; medians over rounds\n")
    print("| run | tree | wall s | CPU s | × first tree (wall) | × first tree (CPU) |\n|---|---|---|---|---|---|")
    for what in dict.fromkeys(w for w, _t in timings):
        base_wall = statistics.median(w for w, _c in timings[(what, trees[0])])
        base_cpu = statistics.median(c for _w, c in timings[(what, trees[0])])
        for tree in trees:
            wall = statistics.median(w for w, _c in timings[(what, tree)])
            cpu = statistics.median(c for _w, c in timings[(what, tree)])
            print(f"| {what} | {tree.name} | {wall:.2f} | {cpu:.2f} | {wall / base_wall:.2f} | {cpu / base_cpu:.2f} |")
    if not args.skip_ntrex and len(trees) > 1:
        figures = [_figures(out / f"ntrex-{k}.json") for k in range(len(trees))]
        print(f"\nNTREX figures and cases identical across trees: {all(f == figures[0] for f in figures)}")


if __name__ == "__main__":
    main()

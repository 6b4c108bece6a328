"""Serbian Cyrillic: translate it as written, or transliterated to Latin first? Side by side in one process.

    python bench/cyrillic_twins.py [--start 300] [--lines 200] [--beams 2]

NTREX's Serbian Cyrillic lines (never news-pairs: the model was trained on those) are translated as
written and transliterated (lexicon/script.to_latin), with the default backend and no cache, in
alternating order; corpus chrF (sacrebleu) against the NTREX English, sentences/s of each. It also
counts the Cyrillic lines whose transliteration is NTREX's own Serbian Latin line: those the
translator need not translate twice once Cyrillic goes in transliterated.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
NTREX = ROOT.parent / "shared" / "data" / "ntrex"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=300)
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--beams", type=int, default=None)
    args = parser.parse_args()
    import sacrebleu

    from provenance.lexicon.script import to_latin
    from provenance.translate.factory import make_translator

    read = lambda name: (NTREX / f"newstest2019-{name}.txt").read_text(encoding="utf-8").splitlines()
    stop = args.start + args.lines
    english, cyrillic, latin = read("src.eng")[args.start:stop], read("ref.srp-Cyrl")[args.start:stop], \
        read("ref.srp-Latn")[args.start:stop]
    translator = make_translator(cache_path=False, progress=False, num_beams=args.beams)
    translator.translate(["Dobar dan."])  # loads the model
    runs = {"as written": cyrillic, "transliterated": [to_latin(s) for s in cyrillic]}
    results = {name: {"seconds": 0.0, "cpu": 0.0} for name in runs}
    for round_ in range(2):  # alternate, so that load changes hit both alike
        for name in (runs if round_ == 0 else reversed(list(runs))):
            translator.cache._memory.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            out = translator.translate(runs[name])
            results[name]["seconds"] += time.perf_counter() - wall
            results[name]["cpu"] += time.process_time() - cpu
            results[name]["chrf"] = sacrebleu.corpus_chrf(out, [english]).score
    twins = sum(to_latin(c) == l for c, l in zip(cyrillic, latin))
    print(f"NTREX srp-Cyrl lines {args.start}-{stop - 1}, {translator.fingerprint}")
    print("| input | chrF | sent/s | CPU s (2 rounds) |\n|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['chrf']:.2f} | {2 * len(cyrillic) / r['seconds']:.1f} | {r['cpu']:.1f} |")
    print(f"\n{twins} of {len(cyrillic)} transliterated lines are NTREX's Serbian Latin line word for word")


if __name__ == "__main__":
    main()

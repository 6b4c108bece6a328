"""Sentences per second of the variant model, next to langdetect (which runs on every text beside it)
in the same run, on the NTREX sentences of the four variants (the dictionary and weights loaded first).

    python bench/bench_variant.py [N]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from provenance.text.language import _run_langdetect  # noqa: E402
from provenance.text.variant_model import default_model  # noqa: E402


def main(limit: int = 4000) -> None:
    texts = Path(__file__).resolve().parents[1] / "corpora" / "ntrex" / "texts"
    sentences = [line for path in sorted(texts.glob("*.[bhs]*.txt")) if not path.name.endswith(".en.txt")
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    model = default_model()
    model.sentence(sentences[0])
    _run_langdetect(sentences[0])  # loads its profiles before timing
    timings, cpu = {}, {}
    for name, run in (("variant model", lambda s: model.sentence(s)),
                      ("variant model, no evidence", lambda s: model.sentence(s, evidence=0)),
                      ("langdetect", _run_langdetect)):
        started, started_cpu = time.perf_counter(), time.process_time()
        for sentence in sentences:
            run(sentence)
        timings[name] = time.perf_counter() - started
        cpu[name] = time.process_time() - started_cpu
    base = timings["langdetect"]
    # CPU time says what one free core would do; wall time is what this run got on a shared machine.
    for name, seconds in timings.items():
        print(f"{name:28s} {len(sentences) / cpu[name]:8.0f} sentences per CPU-second, {len(sentences) / seconds:8.0f} "
              f"per wall second ({seconds / base:.2f}x langdetect's time)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)

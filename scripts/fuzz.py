"""The long fuzz run: N examples (default 10,000) per target of tests/fuzz_targets.py, each call
under a time limit that catches hangs and regex backtracking.

    python scripts/fuzz.py [--examples 10000] [--target attribution ...] [--seed 0]

The per-call limit is PROVENANCE_FUZZ_LIMIT_S seconds (default 5; 1 on an idle machine is plenty).

Prints examples and seconds per target; exits 1 with the failing input on the first failure.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from fuzz_targets import TARGETS  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--target", action="append", choices=sorted(TARGETS))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    failed = False
    for name in args.target or sorted(TARGETS):
        target, strategy = TARGETS[name]
        calls = [0]

        def counted(value):
            calls[0] += 1
            TARGETS[name][0](value)

        run = settings(max_examples=args.examples, deadline=None, database=None,
                       suppress_health_check=list(HealthCheck))(seed(args.seed)(given(strategy)(counted)))
        started = time.perf_counter()
        try:
            run()
            status = "ok"
        except Exception as err:  # noqa: BLE001 - report and go on to the next target
            status = f"FAILED: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
            failed = True
        print(f"{name:16} {calls[0]:7d} calls {time.perf_counter() - started:8.1f} s  {status}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

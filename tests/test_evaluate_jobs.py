"""Evaluation over worker processes (evaluation/workers.py): the figures, the cases and their order are
those of one process, and Ctrl-C stops the workers and the run cleanly."""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import ROOT

from provenance.evaluation.evaluate import evaluate

ATTRIBUTION = ROOT / "corpora" / "attribution"
NTREX = ROOT / "corpora" / "ntrex"
CASES = 6000


def _without_timings(result) -> dict:
    """The result as JSON less its timings and the translator's running totals (compared on their own)."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if "seconds" not in k and k != "translation"}
        return [strip(v) for v in value] if isinstance(value, list) else value
    return strip(result.as_dict())


def _evaluate_both_ways(corpus, translator, **options):
    return evaluate(corpus, translator, jobs=1, **options), evaluate(corpus, translator, jobs=2, **options)


def test_two_processes_give_the_figures_and_cases_of_one(translator):
    one, two = _evaluate_both_ways(ATTRIBUTION, translator)
    assert len(one.cases) == 64 and one.metrics["chain"]["recall"] > 0.5
    assert _without_timings(two) == _without_timings(one)  # every case's outcome, in the same order
    variants_one, variants_two = _evaluate_both_ways(NTREX, translator, tasks=("variant",), limit=12)
    assert [c.id for c in variants_one.cases] == [c.id for c in variants_two.cases]
    assert _without_timings(variants_two) == _without_timings(variants_one)
    assert len({c.outcome["predicted"] for c in variants_one.cases}) >= 2


@pytest.mark.slow
def test_two_processes_give_the_translated_figures_of_one(translator):
    """Source, alignment and changes cases: the workers look the translations up in the cache (the
    translator's statistics of the second run count their look-ups), never translate."""
    options = {"tasks": ("source", "alignment", "changes"), "limit": 10}
    evaluate(NTREX, translator, jobs=1, **options)  # the translations in the cache
    before = translator.stats.as_dict()
    one = evaluate(NTREX, translator, jobs=1, **options)
    middle = translator.stats.as_dict()
    two = evaluate(NTREX, translator, jobs=2, **options)
    after = translator.stats.as_dict()
    assert _without_timings(two) == _without_timings(one)
    for key in ("requested", "cached"):
        assert after[key] - middle[key] == middle[key] - before[key] > 0
    assert after["translated"] == middle["translated"]
    assert one.metrics["source"]["top1_accuracy"] >= 0.9


def _start_many_cases(tmp_path):
    """A run of many chain cases on two processes, once the workers are well into them."""
    texts = sorted((ATTRIBUTION / "texts").rglob("*.txt"))
    cases = [{"id": f"chain/{n}", "task": "chain", "texts": [str(texts[(n + k) % len(texts)]) for k in range(4)],
              "gold": {"language": "en", "edges": []}} for n in range(CASES)]  # enough to be interrupted
    (tmp_path / "manifest.json").write_text(json.dumps({"name": "many", "cases": cases}), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROVENANCE_CACHE=str(tmp_path / "cache" / "translations.sqlite3"),
               PROVENANCE_PROGRESS_SECONDS="0.1")
    run = subprocess.Popen([sys.executable, "-m", "provenance.cli", "evaluate", str(tmp_path), "--jobs", "2"],
                           env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True,
                           # a terminal's default: under nohup (as some CI runners start) SIGINT is inherited ignored
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    done = 0
    while done < 100:  # the progress lines: the workers are well into the cases
        line = run.stderr.readline()
        assert line, "the run ended before it was interrupted"
        found = re.search(rf"evaluating (\d+)/{CASES}", line)
        done = int(found.group(1)) if found else done
    workers = subprocess.run(["pgrep", "-P", str(run.pid)], capture_output=True, text=True).stdout.split()
    assert len(workers) == 2
    return run, workers


def _gone(pids) -> bool:
    deadline = time.monotonic() + 5
    while any(os.path.exists(f"/proc/{pid}") for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not any(os.path.exists(f"/proc/{pid}") for pid in pids)


LINUX_ONLY = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


@LINUX_ONLY
def test_interrupt_stops_the_workers_and_keeps_what_they_finished(tmp_path):
    run, workers = _start_many_cases(tmp_path)
    os.killpg(run.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    out, err = run.communicate(timeout=60)
    assert run.returncode == 130, err
    assert err.strip().endswith("provenance: interrupted") and "Traceback" not in err
    assert out == ""  # no figures from a part of the cases
    assert _gone(workers)
    with sqlite3.connect(tmp_path / "cache" / "memo.sqlite3") as db:  # what the workers extracted is kept, intact
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM attributions").fetchone()[0] > 0


@LINUX_ONLY
def test_a_killed_worker_ends_the_run_with_an_error_not_a_wait(tmp_path):
    run, workers = _start_many_cases(tmp_path)
    os.kill(int(workers[0]), signal.SIGKILL)  # as the out-of-memory killer would
    out, err = run.communicate(timeout=60)
    assert run.returncode == 1 and out == ""
    assert "provenance: error: an evaluation process ended abruptly" in err and "--jobs 1" in err, err
    assert "Traceback" not in err
    assert _gone(workers)

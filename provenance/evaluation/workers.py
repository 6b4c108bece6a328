"""Evaluation cases over worker processes: ``function(0) ... function(count - 1)`` in order, on ``jobs``
processes forked after the run's texts are loaded and translated.

Forked workers inherit the loaded texts and the translator instead of loading them again. What must
not cross the fork are SQLite connections (the translation cache and the memos): they are closed
before it and each process opens its own. The workers translate nothing (every sentence a case needs
was translated before, in this process); what their translator looked up is added to this process's
statistics, so the figures and the statistics are those of one process. Ctrl-C is this process's: the
workers ignore it and end with the cases they are at, and the interrupt goes on as in one process; a
worker killed ends the run with an error. Without fork (outside Linux) the cases run in this process.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import fields
from typing import Callable, Iterator

from .. import memo
from ..errors import WorkerError
from ..translate.translator import TranslationStats, Translator

MAX_DEFAULT_JOBS = 8
_CHUNK = 4  # cases a worker takes at a time: small enough to balance, large enough to cost little

_inherited: tuple[Callable[[int], object], Translator] | None = None  # what the forked workers run


def _can_fork() -> bool:
    # (fork is Linux's own; on macOS system libraries may crash in a forked child)
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    """One process per CPU this process may use, at most ``MAX_DEFAULT_JOBS``; 1 where fork is missing."""
    if not _can_fork():
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_DEFAULT_JOBS))


@contextmanager
def ordered_map(function: Callable[[int], object], count: int, jobs: int,
                translator: Translator) -> Iterator[Iterator[object]]:
    """``with ordered_map(f, n, jobs, translator) as results: for r in results: ...`` yields f(0) ... f(n - 1)
    in order; with ``jobs`` > 1 the workers are forked on entering (before a progress bar starts its thread)."""
    jobs = min(jobs, count)
    if jobs <= 1 or not _can_fork():
        yield (function(index) for index in range(count))
        return
    global _inherited
    _inherited = (function, translator)
    translator.cache.close()
    memo.close_all()
    executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_worker_started)
    try:
        with _sigint_ignored(), warnings.catch_warnings():
            # (Python 3.12 warns of fork in a process with threads: the workers use none of theirs)
            warnings.filterwarnings("ignore", message=r".*fork\(\) may lead to deadlocks", category=DeprecationWarning)
            results = executor.map(_run_inherited, range(count), chunksize=_CHUNK)  # forks the workers
    except BaseException:
        executor.shutdown(cancel_futures=True)
        _inherited = None
        raise
    finally:
        translator.cache.reopen()
    broken = False
    try:
        yield _merged(results, translator)
    except BrokenProcessPool as err:  # a worker killed (out of memory?): an error, never a wait for it
        broken = True
        raise WorkerError(f"an evaluation process ended abruptly ({err}); rerun with --jobs 1") from None
    finally:
        # after an interrupt or an error the cases not begun are dropped; those running end first. A broken
        # pool's own thread fails every case and ends the other workers: cancelling them as well races with
        # it (CPython's InvalidStateError on a cancelled future kills that thread, and the workers then
        # wait for work for ever)
        executor.shutdown(cancel_futures=not broken)
        _inherited = None


def _merged(results: Iterator[tuple[object, TranslationStats]], translator: Translator) -> Iterator[object]:
    for result, stats in results:
        for field in fields(TranslationStats):
            setattr(translator.stats, field.name, getattr(translator.stats, field.name) + getattr(stats, field.name))
        yield result


@contextmanager
def _sigint_ignored():
    """The workers are forked ignoring SIGINT (Ctrl-C reaches the whole process group; this process
    handles it); this process's own handler is back at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _worker_started() -> None:
    _function, translator = _inherited
    translator.cache.reopen()
    translator._translate_uncached = _not_translated_before


def _not_translated_before(sentences: list[str]) -> dict[str, str]:
    # The parent's translation engine does not work across fork (its threads stay behind).
    raise RuntimeError(f"an evaluation worker was asked to translate {len(sentences)} sentences that were "
                       f"not translated before the cases ran (rerun with --jobs 1)")


def _run_inherited(index: int) -> tuple[object, TranslationStats]:
    function, translator = _inherited
    before = TranslationStats(**{f.name: getattr(translator.stats, f.name) for f in fields(TranslationStats)})
    result = function(index)
    stats = TranslationStats(**{f.name: getattr(translator.stats, f.name) - getattr(before, f.name)
                                for f in fields(TranslationStats)})
    return result, stats

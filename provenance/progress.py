"""Progress bars on stderr for long runs (translation, evaluation)."""
from __future__ import annotations

import os
import sys
import time

_PROGRESS_MIN = 8  # below this many sentences a progress bar is only noise


class ProgressBar:
    """Progress on stderr, only when there is real work: a rich bar on a terminal; elsewhere (a log,
    a pipe, a CI job) a short line every few seconds, so that a long run is seen to be alive.

    ``with ProgressBar(n, None, "translating") as advance: advance(k)``; ``enabled=False`` (``--quiet``)
    silences both.
    """

    def __init__(self, total: int, enabled: bool | None, label: str):
        self.enabled = enabled is not False and total >= _PROGRESS_MIN
        self.on_terminal = sys.stderr.isatty()
        self.total = total
        self.label = label

    def __enter__(self):
        if not self.enabled:
            return lambda n: None
        if not self.on_terminal:
            self._lines = _ProgressLines(self.total, self.label)
            return self._lines.advance
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                             console=Console(stderr=True), transient=True)
        self._bar.start()
        task = self._bar.add_task(self.label, total=self.total)
        return lambda n: self._bar.advance(task, n)

    def __exit__(self, *exc):
        if self.enabled and self.on_terminal:
            self._bar.stop()
        elif self.enabled:
            self._lines.stop()
        return False


PROGRESS_SECONDS_ENV = "PROVENANCE_PROGRESS_SECONDS"


class _ProgressLines:
    """'provenance: translating 1200/5000 (24%), 85 s, about 4 min left' every few seconds, from a
    thread: one batch can take longer than the interval, and a log should still show the run alive."""

    def __init__(self, total: int, label: str):
        import threading

        self.total, self.label, self.done, self.printed = total, label, 0, False
        self.every = float(os.environ.get(PROGRESS_SECONDS_ENV) or 5)
        self.started = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, name="provenance-progress", daemon=True)
        self._thread.start()

    def advance(self, n: int) -> None:
        self.done += n

    def _tick(self) -> None:
        while not self._stop.wait(self.every):
            self._line()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        if self.printed:  # the log says it finished; a run shorter than the interval says nothing
            self._line()

    def _line(self) -> None:
        self.printed = True
        elapsed, done = time.monotonic() - self.started, min(self.done, self.total)
        left = f", about {_duration(elapsed / done * (self.total - done))} left" if 0 < done < self.total else ""
        print(f"provenance: {self.label} {done}/{self.total} ({done / self.total:.0%}), {_duration(elapsed)}{left}",
              file=sys.stderr, flush=True)


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"

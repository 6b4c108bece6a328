"""Progress bars on stderr for long runs (translation, evaluation)."""
from __future__ import annotations

import sys

_PROGRESS_MIN = 8  # below this many sentences a progress bar is only noise


class ProgressBar:
    """A rich progress bar on stderr, only when there is real work and someone to see it.

    ``with ProgressBar(n, None, "translating") as advance: advance(k)``
    """

    def __init__(self, total: int, enabled: bool | None, label: str):
        if enabled is None:
            enabled = sys.stderr.isatty()
        self.enabled = enabled and total >= _PROGRESS_MIN
        self.total = total
        self.label = label

    def __enter__(self):
        if not self.enabled:
            return lambda n: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                             console=Console(stderr=True), transient=True)
        self._bar.start()
        task = self._bar.add_task(self.label, total=self.total)
        return lambda n: self._bar.advance(task, n)

    def __exit__(self, *exc):
        if self.enabled:
            self._bar.stop()
        return False

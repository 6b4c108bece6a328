"""The on-disk translation cache: (backend fingerprint, source sentence) -> English, in SQLite."""
from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import Iterable, Sequence

CACHE_ENV = "PROVENANCE_CACHE"


def default_cache_path() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "provenance" / "translations.sqlite3"


BUSY_TIMEOUT_S = 30


class TranslationCache:
    """SQLite store of translations: (model fingerprint, source sentence) -> English."""

    def __init__(self, path: str | Path | None):
        self.path = Path(path) if path else None
        self._memory: dict[tuple[str, str], str] = {}
        self._db: sqlite3.Connection | None = None
        self._open()
        self._usable = self._db is not None  # (a file that failed to open is not tried again)

    def _open(self) -> None:
        if self.path is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # Concurrent runs share the file: WAL lets readers go on while one writes, and a writer
                # waits for another's commit instead of failing with "database is locked".
                self._db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS translations (model TEXT NOT NULL, source TEXT NOT NULL, "
                    "target TEXT NOT NULL, PRIMARY KEY (model, source))"
                )
                self._db.commit()
            except (OSError, sqlite3.Error) as err:
                # A cache that cannot be opened costs time, never the result.
                print(f"provenance: warning: translation cache {self.path} unusable ({err}); not caching",
                      file=sys.stderr)
                self._db = None

    def get_many(self, model: str, sources: Sequence[str]) -> dict[str, str]:
        found = {s: self._memory[(model, s)] for s in sources if (model, s) in self._memory}
        missing = [s for s in sources if s not in found]
        if self._db is not None:
            for start in range(0, len(missing), 500):
                chunk = missing[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT source, target FROM translations WHERE model = ? AND source IN ({marks})",
                    [model, *chunk],
                )
                found.update(rows.fetchall())
        return found

    def put_many(self, model: str, pairs: Iterable[tuple[str, str]]) -> None:
        pairs = list(pairs)
        for source, target in pairs:
            self._memory[(model, source)] = target
        if self._db is not None and pairs:
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (model, source, target) VALUES (?, ?, ?)",
                [(model, s, t) for s, t in pairs],
            )
            self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def reopen(self) -> None:
        """A connection of this process's own, after ``close`` (an SQLite connection must not cross a fork:
        the process that forks closes it first, and each process then reopens it). An unusable cache stays off."""
        if self._db is None and self._usable:
            self._open()

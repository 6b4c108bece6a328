"""Results that cost more to compute than to look up, remembered on disk across runs.

A cached re-run should cost what reading its inputs costs: langdetect's answer for a text and the
territory-name index built from CLDR take seconds to make (profiles and locale data to load) and
are the same every time, so they are kept beside the translation cache. A result is keyed by
everything it depends on; a store that cannot be opened only costs the time to compute again.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
from pathlib import Path
from functools import lru_cache
from typing import Callable


def _memo_dir() -> Path:
    """The translation cache's folder (a leaf module: it reads the same variables rather than import it)."""
    if os.environ.get("PROVENANCE_CACHE"):
        return Path(os.environ["PROVENANCE_CACHE"]).parent
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "provenance"


def digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class TextMemo:
    """key -> JSON value in an SQLite table (safe for concurrent processes; ``close_all`` before a fork)."""

    def __init__(self, table: str):
        self.table = table
        self._db: sqlite3.Connection | None = None
        self._opened = False

    def close(self) -> None:
        """Close the connection; the next look-up opens a new one."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db, self._opened = None, False

    def _connect(self) -> sqlite3.Connection | None:
        if not self._opened:
            self._opened = True
            try:
                path = _memo_dir() / "memo.sqlite3"
                path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(str(path), timeout=30)
                try:  # a commit per result costs no disk flush (a memo lost to a power cut is only recomputed)
                    self._db.execute("PRAGMA journal_mode=WAL")
                    self._db.execute("PRAGMA synchronous=NORMAL")
                except sqlite3.Error:
                    pass
                self._db.execute(f"CREATE TABLE IF NOT EXISTS {self.table} (key TEXT PRIMARY KEY, value TEXT)")
                self._db.commit()
            except (OSError, sqlite3.Error):
                self._db = None
        return self._db

    def get(self, key: str):
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute(f"SELECT value FROM {self.table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return json.loads(row[0]) if row else None

    def put(self, key: str, value) -> None:
        db = self._connect()
        if db is None:
            return
        try:
            db.execute(f"INSERT OR REPLACE INTO {self.table} (key, value) VALUES (?, ?)", (key, json.dumps(value)))
            db.commit()
        except sqlite3.Error:
            pass


_TABLES: dict[str, TextMemo] = {}


def table(name: str) -> TextMemo:
    """This process's memo ``name``: one connection for the run, opened on the first look-up."""
    if name not in _TABLES:
        _TABLES[name] = TextMemo(name)
    return _TABLES[name]


def close_all() -> None:
    """Close every memo's connection (each reopens on its next look-up, where the cache variables then
    point): an SQLite connection must not cross a fork, so a process closes them before it forks
    workers, and each process opens its own."""
    for memo in _TABLES.values():
        memo.close()


def pickled(name: str, key: str, build: Callable[[], object]):
    """``build()``, or its result from an earlier run with the same ``key``."""
    path = _memo_dir() / f"{name}-{key[:16]}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value


@lru_cache(maxsize=None)
def source_stamp(*modules: str) -> str:
    """Where ``modules`` are installed and when they changed, found without importing them."""
    from importlib.util import find_spec

    parts = []
    for module in modules:
        spec = find_spec(module)
        origin = spec.origin if spec and spec.origin else module
        try:
            parts.append(f"{origin}:{os.stat(origin).st_mtime_ns}")
        except OSError:
            parts.append(origin)
    return digest(*parts)

"""The seam for translation engines: what a backend must offer the cached translator.

A backend turns a batch of source sentences into English. Everything else (deduplication, the
on-disk cache, batching by length, statistics, progress) is the cached translator's job, so a new
engine (transformers, CTranslate2, ...) is one class with these three members and one line in
``translate.factory.BACKENDS``.

A backend may also offer ``token_count(sentence) -> int``: batches are then sized in its own
tokens (the cached translator falls back to characters / 4).
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Protocol


class TranslationBackend(Protocol):
    name: str                                   # "transformers", "ctranslate2", ...
    def fingerprint(self) -> str: ...           # model hash + backend + compute type + decoding settings: cache key
    def translate_batch(self, sentences: list[str]) -> list[str]: ...


def model_fingerprint(model_dir: Path, settings: dict) -> str:
    """A short hash of the model's files and decoding settings: the cache key for its translations."""
    return f"{model_dir.name}@{directory_digest(model_dir, settings)}"


def directory_digest(model_dir: Path, settings: dict) -> str:
    """sha256 of ``settings`` and the model's files, remembered by their sizes and mtimes: a model of
    1 GB is read once, not on every run."""
    from .cache import default_cache_path

    files = [p for p in sorted(model_dir.iterdir())
             if p.is_file() and p.suffix in {".json", ".spm", ".safetensors", ".bin"} and p.name != "README.md"]
    stamp = json.dumps([str(model_dir.resolve()), settings,
                        [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files]], sort_keys=True)
    store = default_cache_path().parent / "fingerprints.json"
    try:
        known = json.loads(store.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    key = hashlib.sha256(stamp.encode()).hexdigest()
    if key in known:
        return known[key]
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    for path in files:
        digest.update(path.name.encode())
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    known[key] = digest.hexdigest()[:16]
    try:  # written whole or not at all; losing the race to another process costs one more hash
        store.parent.mkdir(parents=True, exist_ok=True)
        tmp = store.with_name(f".{store.name}.{os.getpid()}")
        tmp.write_text(json.dumps(known), encoding="utf-8")
        os.replace(tmp, store)
    except OSError:
        pass
    return known[key]

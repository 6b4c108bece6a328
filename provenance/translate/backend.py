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
from pathlib import Path
from typing import Protocol


class TranslationBackend(Protocol):
    name: str                                   # "transformers", "ctranslate2", ...
    def fingerprint(self) -> str: ...           # model hash + backend + compute type + decoding settings: cache key
    def translate_batch(self, sentences: list[str]) -> list[str]: ...


def model_fingerprint(model_dir: Path, settings: dict) -> str:
    """A short hash of the model's files and decoding settings: the cache key for its translations."""
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    for path in sorted(model_dir.iterdir()):
        if path.is_file() and path.suffix in {".json", ".spm", ".safetensors", ".bin"} and path.name != "README.md":
            digest.update(path.name.encode())
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return f"{model_dir.name}@{digest.hexdigest()[:16]}"

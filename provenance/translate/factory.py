"""Making a translator: the defaults (model, cache, backend) read in one place."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import ModelError
from .backend import TranslationBackend
from .cache import TranslationCache, default_cache_path
from .marian import DEFAULT_MODEL_DIR, MarianBackend
from .translator import Translator

MODEL_ENV = "PROVENANCE_MODEL"
DEFAULT_BACKEND = "transformers"
# name -> class taking (model, num_beams=...): a new backend is one more line here
BACKENDS = {"transformers": MarianBackend}


def default_model() -> str:
    return os.environ.get(MODEL_ENV) or str(DEFAULT_MODEL_DIR)


def make_translator(model: str | None = None, backend: str | TranslationBackend | None = None,
                    cache_path: str | Path | None | bool = True, progress: bool | None = None,
                    num_beams: int = 1) -> Translator:
    """A cached translator over ``backend`` (a name in ``BACKENDS`` or a backend object; default
    transformers) for ``model`` (default: the shipped model or $PROVENANCE_MODEL), with the on-disk
    cache (``cache_path=True``: the default location; False: none)."""
    model = model or default_model()
    if backend is None or isinstance(backend, str):
        name = backend or DEFAULT_BACKEND
        if name not in BACKENDS:
            raise ModelError(f"backend {name!r}: unknown (one of {', '.join(BACKENDS)})")
        backend = BACKENDS[name](model, num_beams=num_beams)
    if cache_path is True:
        cache_path = default_cache_path()
    return Translator(backend, model, cache=TranslationCache(cache_path or None), progress=progress)

"""Making a translator: the defaults (model, cache, backend) read in one place."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import ModelError
from .backend import TranslationBackend
from .cache import TranslationCache, default_cache_path
from .ctranslate2 import CTranslate2Backend
from .marian import DEFAULT_MODEL_DIR, MarianBackend
from .translator import Translator

MODEL_ENV = "PROVENANCE_MODEL"
BACKEND_ENV = "PROVENANCE_BACKEND"
DEFAULT_BACKEND = "ctranslate2"  # int8, beam 2: docs/figures.md, "Speed and translation backends"
# name -> class taking (model, num_beams=...): a new backend is one more line here
BACKENDS = {"ctranslate2": CTranslate2Backend, "transformers": MarianBackend}


def default_model() -> str:
    return os.environ.get(MODEL_ENV) or str(DEFAULT_MODEL_DIR)


def make_translator(model: str | None = None, backend: str | TranslationBackend | None = None,
                    cache_path: str | Path | None | bool = True, progress: bool | None = None,
                    num_beams: int | None = None, device: str = "cpu", threads: int | None = None) -> Translator:
    """A cached translator over ``backend`` (a name in ``BACKENDS`` or a backend object; default
    $PROVENANCE_BACKEND or ctranslate2) for ``model`` (default: the shipped model or $PROVENANCE_MODEL),
    with the on-disk cache (``cache_path=True``: the default location; False: none). ``num_beams``
    None takes the backend's default (ctranslate2: 2, transformers: 1); ``device`` "cuda" is for
    ctranslate2 (float16); ``threads`` its CPU threads (None: one per core)."""
    model = model or default_model()
    if backend is None or isinstance(backend, str):
        name = backend or os.environ.get(BACKEND_ENV) or DEFAULT_BACKEND
        if name not in BACKENDS:
            raise ModelError(f"backend {name!r}: unknown (one of {', '.join(BACKENDS)})")
        if name == "ctranslate2":
            backend = CTranslate2Backend(model, num_beams=num_beams, device=device, threads=threads)
        elif device != "cpu":
            raise ModelError(f"--device {device} is for the ctranslate2 backend; transformers runs on the CPU")
        else:
            backend = BACKENDS[name](model, num_beams=num_beams or 1)
    if cache_path is True:
        cache_path = default_cache_path()
    return Translator(backend, model, cache=TranslationCache(cache_path or None), progress=progress)

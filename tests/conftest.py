"""Shared fixtures. Tests never touch the user's translation cache: each session gets its own."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "texts"
SEED_ARTICLE = SEED / "article.en.txt"
SEED_SOURCE = SEED / "bs-anadolu.txt"
SEED_CANDIDATES = [SEED / n for n in ("bs-anadolu.txt", "sr-Latn-nova.txt", "sr-Cyrl-budzet.txt", "hr-migranti.txt",
                                      "bs-tramvaj.txt")]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    path = tmp_path_factory.mktemp("cache") / "translations.sqlite3"
    old = os.environ.get("PROVENANCE_CACHE")
    os.environ["PROVENANCE_CACHE"] = str(path)
    os.environ.pop("PROVENANCE_MODEL", None)
    yield path
    if old is None:
        os.environ.pop("PROVENANCE_CACHE", None)
    else:
        os.environ["PROVENANCE_CACHE"] = old


@pytest.fixture(scope="session")
def translator(private_cache):
    """The real shipped compact model, with the session's cache (never mocked)."""
    from provenance.translate.factory import make_translator

    return make_translator(cache_path=private_cache, progress=False)


@pytest.fixture(scope="session")
def seed_result(translator):
    from provenance.compare.check import check

    return check(SEED_ARTICLE, SEED_CANDIDATES, translator=translator)

"""A text's attributions, remembered on disk across runs.

Compiling the extractor's grammar costs more than everything else a cached ``check`` does (a quarter
of a second for the forward patterns alone); the attributions of a text are the same on every run
until the extractor or its tables change. So they are kept in ``memo.sqlite3`` (``provenance.memo``),
keyed by the text, its sentences and ``extractor_signature()``: a digest of the extractor's code and
every table it reads (the attribution package, the lexicon package with its data, babel's CLDR and
the Python version), so that any change to a pattern, cue table or lexicon computes afresh.
The document's name is not part of the key: it is put back into the evidence on the way out.
"""
from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .. import __version__
from .. import memo as _memo
from ..memo import digest, source_stamp
from .records import Attribution, attribution_data, attribution_from_data

_PACKAGE = Path(__file__).resolve().parent
_EXTRACTOR_DIRS = (_PACKAGE, _PACKAGE.parent / "lexicon")  # (the lexicon's data folder included)


@lru_cache(maxsize=1)
def extractor_signature() -> str:
    """A digest of everything the extractor's result depends on besides its input."""
    files = hashlib.sha256()
    for folder in _EXTRACTOR_DIRS:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            files.update(f"\x00{path.relative_to(_PACKAGE.parent)}\x00".encode())
            files.update(path.read_bytes())
    return digest(__version__, f"python{sys.version_info[0]}.{sys.version_info[1]}", source_stamp("babel"),
                  files.hexdigest())


def attributions(text: str, sentences: Sequence, document: str) -> tuple[list[Attribution], list[Attribution]]:
    """``extract.extract_attributions(text, sentences, document)``, from the memo when it was computed before
    (the extractor is imported only when it is not)."""
    memo = _memo.table("attributions")
    key = digest(extractor_signature(), text, *(f"{s.start}:{s.end}:{s.text}" for s in sentences))
    found = memo.get(key)
    if found is not None:
        return ([attribution_from_data(a, document) for a in found[0]],
                [attribution_from_data(a, document) for a in found[1]])
    result = _extract(text, sentences, document)
    memo.put(key, [[attribution_data(a) for a in part] for part in result])
    return result


def _extract(text: str, sentences: Sequence, document: str) -> tuple[list[Attribution], list[Attribution]]:
    from .extract import extract_attributions  # lazy: the grammar compiles on import and first use

    return extract_attributions(text, sentences, document)

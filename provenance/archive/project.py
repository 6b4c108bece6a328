"""Everything this package takes from the rest of provenance, imported here and nowhere else, so
that a move of those modules changes this one file."""
from __future__ import annotations

from .. import __version__
from ..anchors import canonical_keys, extract_names, number_values
from ..check import Text, check, load_text, make_translator
from ..errors import EXIT_NO_SOURCE, EXIT_SOURCE_FOUND, InputError, ProvenanceError
from ..io import document_from_text, read_document
from ..script import to_latin
from ..translate import ProgressBar

__all__ = ["__version__", "canonical_keys", "extract_names", "number_values", "Text", "check",
           "load_text", "make_translator", "EXIT_NO_SOURCE", "EXIT_SOURCE_FOUND", "InputError", "ProvenanceError", "document_from_text", "read_document",
           "to_latin", "ProgressBar"]

"""Everything this package takes from the rest of provenance, imported here and nowhere else, so
that a move of those modules changes this one file."""
from __future__ import annotations

from .. import __version__
from ..compare.anchors import extract_names, number_values
from ..compare.check import check
from ..errors import EXIT_NO_SOURCE, EXIT_SOURCE_FOUND, InputError, ProvenanceError
from ..lexicon.places import canonical_keys
from ..lexicon.script import to_latin
from ..progress import ProgressBar
from ..text.document import Text, load_text, translation_input
from ..text.io import document_from_bytes, document_from_text, read_bytes
from ..translate.factory import make_translator

__all__ = ["__version__", "canonical_keys", "extract_names", "number_values", "Text", "check",
           "load_text", "make_translator", "EXIT_NO_SOURCE", "EXIT_SOURCE_FOUND", "InputError", "ProvenanceError",
           "document_from_bytes", "document_from_text", "read_bytes", "to_latin", "translation_input",
           "ProgressBar"]

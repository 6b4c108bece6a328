"""A text ready for comparison: the document read, its sentences, its language."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Union

from .io import Document, read_document
from ..lexicon.script import to_latin
from .language import LanguageId, identify_language
from .segment import Sentence, split_sentences

__all__ = ["Document", "Sentence", "Text", "TextInput", "load_text", "translation_input"]

TextInput = Union[str, Path, Document]
TRANSLITERATED_FOR_TRANSLATION = "sr-Cyrl"


@dataclass(frozen=True)
class Text:
    """A document split into sentences, with its language."""

    document: Document
    sentences: list[Sentence]
    language: LanguageId

    @property
    def name(self) -> str:
        return self.document.name

    @property
    def sentence_texts(self) -> list[str]:
        return [s.text for s in self.sentences]

    @property
    def translation_input(self) -> list[str]:
        """The sentences as the translator is given them: Serbian Cyrillic in its Latin transliteration,
        which the model translates better (NTREX: chrF 35.0 against 32.7 as written, bench/cyrillic_twins.py),
        and which a Cyrillic text shares with its Latin twin, so that both are translated once."""
        return translation_input(self.sentence_texts, self.language.code)


def translation_input(sentences: list[str], language: str) -> list[str]:
    """``sentences`` of a text in ``language`` as the translator is given them (see ``Text.translation_input``):
    for callers that hold sentences without their Text, such as an archive index."""
    if language == TRANSLITERATED_FOR_TRANSLATION:
        return [to_latin(s) for s in sentences]
    return sentences



def load_text(item: "TextInput | Text", one_per_line: bool = False, encoding: str | None = None) -> Text:
    """Read, segment and identify a text (a ``Text`` passes through unchanged)."""
    if isinstance(item, Text):
        return item
    document = item if isinstance(item, Document) else read_document(item, encoding=encoding)
    sentences = split_sentences(document.text, one_per_line=one_per_line)
    return Text(document, sentences, identify_language(document.text, [s.text for s in sentences]))

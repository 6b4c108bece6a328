"""Sentence segmentation for English and Serbian/Bosnian/Croatian (Latin and Cyrillic).

A rule-based splitter: a sentence ends at ``. ! ? …`` (plus closing quotes or brackets)
followed by white space and something that can start a sentence, unless the word before
the stop is an abbreviation, an initial, or an ordinal number followed by lower case.
Line breaks always end a sentence: wire copy puts one paragraph per line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.languages import all_abbreviations, all_month_stems

# Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
ABBREVIATIONS = all_abbreviations()
_OPEN_QUOTES = "\"'„“”«»‘‚‹›([–—-"
_CLOSERS = "\"'”“»«’‘›‹)]"
# Candidate sentence end: terminator(s), optional closers, then white space.
_END = re.compile(r"([.!?…]+)([" + re.escape(_CLOSERS) + r"]*)(\s+)")
_WORD_BEFORE = re.compile(r"(\S+)$")


@dataclass(frozen=True)
class Sentence:
    """A sentence and where it lies in its document (character offsets, end exclusive)."""

    text: str
    start: int
    end: int


def split_sentences(text: str, one_per_line: bool = False) -> list[Sentence]:
    """Split ``text`` into sentences with their offsets.

    With ``one_per_line`` each non-empty line is one sentence (pre-segmented input).
    """
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans = [(0, len(line.strip()))] if one_per_line else _split_line(line.strip())
            for start, end in spans:
                s, e = offset + lead + start, offset + lead + end
                sentences.append(Sentence(text[s:e], s, e))
        offset += len(line) + 1
    return sentences


def sentence_texts(text: str, one_per_line: bool = False) -> list[str]:
    return [s.text for s in split_sentences(text, one_per_line)]


def _split_line(line: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _END.finditer(line):
        cut = match.start(3)  # end of the sentence, before the white space
        nxt = match.end()
        if nxt >= len(line):
            continue
        if _is_boundary(line, start, match, nxt):
            spans.append((start, cut))
            start = nxt
    if start < len(line):
        spans.append((start, len(line)))
    return [(s, e) for s, e in spans if line[s:e].strip()]


def _is_boundary(line: str, start: int, match: re.Match, nxt: int) -> bool:
    terminator = match.group(1)
    following = line[nxt:]
    first = following[0]
    if not (first.isupper() or first.isdigit() or first in _OPEN_QUOTES):
        return False  # lower case (or punctuation) continues the sentence
    if terminator != ".":
        return True
    before = _WORD_BEFORE.search(line[start : match.start(1)])
    if not before:
        return True
    word = before.group(1).lstrip(_OPEN_QUOTES)
    low = word.lower()
    if low in ABBREVIATIONS:
        return False
    if re.fullmatch(r"(\w\.)*\w", word) and len(word.replace(".", "")) <= 3 and word[0].isupper():
        # Initials and dotted acronyms: "D.", "D.I", "U.S" — even before a capital word
        # (handled above), a stop after one to three capitals is an initial far more often than an
        # end, so "correspondent D.I. Next" is not split; "U.S. President" must not be.
        return False
    if word.isdigit():
        # "27. novembra", "2025. godine": ordinals are followed by lower case (handled above).
        # A number then a capital is an ordinal only before a capitalised month or a digit.
        return not first.isdigit() and not _MONTH.match(following)
    return True


_MONTH = re.compile("(" + "|".join(all_month_stems()) + ")", re.I)

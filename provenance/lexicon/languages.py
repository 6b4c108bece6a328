"""One profile per language the tool reads: number words, abbreviations, month names, CLDR locales.

The tables are data (``data/languages.json``); a new language or variant is a new entry there,
picked up by segmentation (abbreviations, months), number anchors (number words) and place names
(locales). Serbian, Bosnian and Croatian share one profile because every rule reads them alike;
variant markers live with the variant model (``text/language.py``) and attribution cues in
``attribution/cues.py``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .script import to_cyrillic

_PATH = Path(__file__).parent / "data" / "languages.json"


@dataclass(frozen=True)
class LanguageProfile:
    key: str
    name: str
    codes: tuple[str, ...]  # the language codes of text.language that this profile covers
    cldr_locales: tuple[str, ...]  # babel locales whose territory names are read
    number_words: dict[str, int]  # spelled-out numbers (Latin; Cyrillic forms are derived)
    abbreviations: frozenset[str]  # lower case, without the final dot: a stop after them ends no sentence
    month_stems: tuple[str, ...]  # openings of month names: "27. novembra" is a date, not a sentence end


@lru_cache(maxsize=1)
def profiles() -> dict[str, LanguageProfile]:
    raw = json.loads(_PATH.read_text(encoding="utf-8"))
    return {key: LanguageProfile(key, p["name"], tuple(p["codes"]), tuple(p["cldr_locales"]), p["number_words"],
                                 frozenset(p["abbreviations"]), tuple(p["month_stems"])) for key, p in raw.items()}


def profile_for(code: str) -> LanguageProfile:
    """The profile of a language code (en, sr-Latn, sr-Cyrl, bs, hr)."""
    return next(p for p in profiles().values() if code in p.codes)


def number_words(code: str) -> dict[str, int]:
    """Spelled-out numbers of a language, in Latin and, for languages written in both, Cyrillic."""
    words = profile_for(code).number_words
    cyrillic = {to_cyrillic(w): v for w, v in words.items()} if "sr-Cyrl" in profile_for(code).codes else {}
    return {**words, **cyrillic}


def all_abbreviations() -> frozenset[str]:
    return frozenset().union(*(p.abbreviations for p in profiles().values()))


def all_month_stems() -> tuple[str, ...]:
    return tuple(stem for p in profiles().values() for stem in p.month_stems)


def all_cldr_locales() -> tuple[str, ...]:
    return tuple(locale for p in profiles().values() for locale in p.cldr_locales)

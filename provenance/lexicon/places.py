"""Places and other names that translation changes beyond recognition: canonical keys.

Countries and regions come from the Unicode CLDR (via babel) in English, Serbian (both
scripts), Bosnian and Croatian; a few cities, bodies and events are listed here by hand.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from .languages import all_cldr_locales
from .media import media_in
from .script import NAME_TOKEN as _TOKEN
from .script import fold, skeleton

# Names that translation changes beyond recognition, folded, each with one canonical key.
_ALIASES = [
    (re.compile(r"\b(u\.?s\.?a?|united states|america|american|sad|sjedinjen\w* (americk\w* )?drzav\w*|"
                r"sjedinjen\w* drz\w*|amerik\w*|americk\w*)\b"), "=usa"),
    (re.compile(r"\b(eu|european union|evropsk\w* unij\w*|europsk\w* unij\w*)\b"), "=eu"),
    (re.compile(r"\b(bih|bosnia and herzegovina|bosn\w* i hercegovin\w*|bosnia)\b"), "=bih"),
    (re.compile(r"\b(un|united nations|ujedinjen\w* nacij\w*|un-a|oun)\b"), "=un"),
    (re.compile(r"\b(white house|bel\w* kuc\w*|bijel\w* kuc\w*)\b"), "=whitehouse"),
    (re.compile(r"\b(state department|stejt department\w*|state department\w*|stejt dipartment\w*)\b"), "=statedept"),
    (re.compile(r"\b(u\.k\.?|uk|great britain|britain|velik\w* britanij\w*|britanij\w*)(?!\w)"), "=GB"),
    (re.compile(r"\b(new york\w*|njujork\w*)\b"), "=newyork"),
    (re.compile(r"\b(pacific|tih\w* okean\w*|tih\w* ocean\w*)\b"), "=pacific"),
    (re.compile(r"\b(atlantic|atlantsk\w* okean\w*|atlantik\w*)\b"), "=atlantic"),
    (re.compile(r"\b(beijing|peking\w*)\b"), "=beijing"),
    (re.compile(r"\b(vienna|bec|beca|becu|becom)\b"), "=vienna"),
    (re.compile(r"\b(cologne|keln\w*|kolonj\w*)\b"), "=cologne"),
    (re.compile(r"\b(olympics|olympic games|olimpijad\w*|olimpijsk\w* igr\w*)\b"), "=olympics"),
]


@lru_cache(maxsize=65536)  # the same sentences are compared with every candidate
def canonical_keys(text: str, lower_case_too: bool = False) -> frozenset[str]:
    """Canonical keys of the names in ``text`` that translation changes beyond recognition: the aliases
    above and the names of countries and regions in English, Serbian (both scripts), Bosnian and
    Croatian from the Unicode CLDR (Germany = Njemačka = Немачка -> '=DE'). ``lower_case_too`` also
    reads lower-case words, as Serbian writes the adjectives (indonezijski = Indonesian)."""
    low = fold(text)
    keys = {canonical for pattern, canonical in _ALIASES if pattern.search(low)}
    keys |= {"=media:" + name for name in media_in(text)}  # Der Spiegel = Шпигл, Anadolu Agency = Anadolija
    words = [w for w in (m.group() for m in _TOKEN.finditer(text)) if len(w) >= 2]
    if words:
        keys |= set(territories_in(words, lower_case_too))
    return frozenset(keys)


def territories_in(words: list[str], lower_case_too: bool = False) -> dict[str, set[int]]:
    """Territory keys found among ``words``, each with the positions of the words that name it."""
    found: dict[str, set[int]] = {}
    for start, word in enumerate(words):
        if not (lower_case_too or word[0].isupper()):
            continue
        for name_words, code in _territories_opened_by(word):
            following = words[start + 1:start + len(name_words)]
            if len(following) == len(name_words) - 1 and all(
                    _territory_word_matches(w, n) for w, n in zip(following, name_words[1:])):
                found.setdefault(code, set()).update(range(start, start + len(name_words)))
    return found


@lru_cache(maxsize=65536)
def _territories_opened_by(word: str) -> tuple:
    """The territory names whose first word ``word`` is (in some case form)."""
    key = skeleton(word)
    index = _territory_index()
    return tuple((name_words, code) for first in {key, key[:-1], key[:-2]} for name_words, code in index.get(first, ())
                 if _territory_word_matches(word, name_words[0]))


def _territory_word_matches(word: str, name_word: tuple[str, str]) -> bool:
    """A word of the text against a word of a territory's name in the same language (folded, skeleton),
    case endings allowed: the spellings must open alike, the index does the translating."""
    folded_name, key = name_word
    folded = fold(word)
    shared = len(os.path.commonprefix([folded, folded_name]))
    if shared < min(4, len(folded_name) - 1):
        return False  # Kingdom is no Kongo, German no Jermenija, Cannot no Canada
    if shared >= 4 and shared >= len(folded_name) - 1:
        return True  # an ending on the whole name: Korean / Korea, sirijski / Sirija, Njemačkoj / Njemačka
    word_key = skeleton(word)
    # otherwise the consonants must agree, endings aside (Grčkoj / Grčka, Kini / Kina)
    return word_key == key or (len(key) >= 3 and word_key.startswith(key) and len(word_key) - len(key) <= 2)


@lru_cache(maxsize=1)
def _territory_index() -> dict[str, list[tuple[tuple[tuple[str, str], ...], str]]]:
    """Territory names by the skeleton of their first capitalised word."""
    from babel import Locale  # lazy: CLDR data loads only when names are compared

    index: dict[str, list] = {}
    for locale in all_cldr_locales():
        for code, name in Locale.parse(locale).territories.items():
            words = tuple((fold(w), skeleton(w)) for w in (m.group() for m in _TOKEN.finditer(name))
                          if len(w) >= 2 and skeleton(w))
            if words and len(words[0][1]) >= 2:
                index.setdefault(words[0][1], []).append((words, f"={code}"))
    return index

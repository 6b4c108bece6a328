"""Language-independent anchors: numbers and names, compared across languages and scripts.

Numbers are parsed by each language's conventions (``500.000`` and ``5,75`` in Serbian,
``500,000`` and ``5.75`` in English, ``half a million`` = ``pola miliona``) into values.
Names are compared by a consonant skeleton of their folded Latin form, which survives
transliteration (``Кушнер``/``Kušner``/``Kushner``) and case endings (``Trampa``/``Trump``).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from .script import fold, to_latin

_MULTIPLIERS = [
    (re.compile(r"(thousand|hiljad\w*|tisuć\w*|хиљад\w*|тисућ\w*)", re.I), 1e3),
    (re.compile(r"(million|milion\w*|milijun\w*|милион\w*|mil\.|mln)", re.I), 1e6),
    (re.compile(r"(billion|milijard\w*|милијард\w*|mlrd\.?|млрд\.?)", re.I), 1e9),
]
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(\s*(?:thousand|million|billion|hiljad\w*|tisuć\w*|milion\w*|milijun\w*|milijard\w*|mil\.|mlrd\.?"
    r"|хиљад\w*|тисућ\w*|милион\w*|милијард\w*|млрд\.?))?",
    re.I,
)
_HALF = re.compile(
    r"\b(half a (million|billion)|pola (miliona|milijuna|milijarde)|пола (милиона|милијарде))\b", re.I
)
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "dva": 2, "dve": 2, "dvije": 2, "tri": 3, "četiri": 4, "pet": 5, "šest": 6,
    "sedam": 7, "osam": 8, "devet": 9, "deset": 10, "jedanaest": 11, "dvanaest": 12,
    "два": 2, "две": 2, "три": 3, "четири": 4, "пет": 5, "шест": 6, "седам": 7, "осам": 8, "девет": 9, "десет": 10,
}
_WORD_NUMBER = re.compile(r"\b(" + "|".join(_WORD_NUMBERS) + r")\b", re.I)


@dataclass(frozen=True)
class Number:
    value: float
    text: str


def extract_numbers(text: str, english: bool) -> list[Number]:
    """Numbers in ``text`` with their values; ``english`` picks the digit-grouping convention."""
    found: list[Number] = []
    for match in _HALF.finditer(text):
        scale = 1e9 if re.search(r"billion|milijard|милијард", match.group(0), re.I) else 1e6
        found.append(Number(scale / 2, match.group(0)))
    for match in _NUMBER.finditer(text):
        value = _parse_digits(match.group(1), english)
        if value is None:
            continue
        if match.group(2):
            for pattern, scale in _MULTIPLIERS:
                if pattern.search(match.group(2)):
                    value *= scale
                    break
        found.append(Number(round(value, 6), match.group(0).strip()))
    for match in _WORD_NUMBER.finditer(text):
        found.append(Number(float(_WORD_NUMBERS[match.group(1).lower()]), match.group(1)))
    return found


def _parse_digits(raw: str, english: bool) -> float | None:
    """Value of a written number. A separator before exactly three digits groups thousands in the
    text's own convention (500.000 in Serbian, 500,000 in English); the other one marks decimals."""
    raw = raw.replace("\u202f", "")
    group, decimal = (",", ".") if english else (".", ",")
    seps = re.findall(r"[.,]", raw)
    if not seps:
        return float(raw)
    if len(seps) > 1:
        if len(set(seps)) == 1:
            return float(raw.replace(seps[0], ""))  # 1.000.000
        whole, frac = raw.rsplit(seps[-1], 1)
        return float(re.sub(r"[.,]", "", whole) + "." + frac)  # 1.234,5
    whole, frac = raw.split(seps[0])
    if seps[0] == decimal:
        return float(f"{whole}.{frac}")
    if seps[0] == group or len(frac) == 3:
        return float(whole + frac) if len(frac) == 3 else float(f"{whole}.{frac}")
    return float(f"{whole}.{frac}")


def number_values(text: str, english: bool) -> set[float]:
    return {n.value for n in extract_numbers(text, english)}


# --- names ---------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]", re.UNICODE)
_NOT_NAMES = set(
    """
    i a an the this that these those he she it we they you his her its our their mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    rep sen gov gen col lt sgt capt st
    """.split()
)


@dataclass(frozen=True)
class Name:
    text: str  # as written
    keys: tuple[str, ...]  # skeletons of its words


def extract_names(text: str) -> list[Name]:
    """Runs of capitalised words that are not sentence-initial (the first word is capitalised anyway)."""
    names: list[Name] = []
    run: list[str] = []
    tokens = list(_TOKEN.finditer(text))
    words = [t.group() for t in tokens if len(t.group()) > 3]
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.85 * len(words):
        return []  # a headline in Title Case or CAPITALS: capitals say nothing about names there
    for index, match in enumerate(tokens):
        word = match.group().strip(".'’-")
        starts_sentence = index == 0 or re.search(r"[.!?:\"„“”«»–—]\s*$", text[tokens[index - 1].end(): match.start()] or "")
        is_name = (word[:1].isupper() and not starts_sentence and word.lower() not in _NOT_NAMES and len(word) > 1)
        if is_name:
            run.append(word)
            continue
        if run:
            names.append(_make_name(run))
            run = []
    if run:
        names.append(_make_name(run))
    return names


@lru_cache(maxsize=1)
def _english_common_words() -> frozenset[str]:
    from importlib.resources import files

    text = files("provenance").joinpath("data/english_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_common_english(name: Name) -> bool:
    """Is this capitalised English run made of common words only ("Navy", "Treasury", "Power")?
    Institutions capitalise them, translations turn them into common nouns."""
    words = re.findall(r"[A-Za-z]+", name.text)
    return bool(words) and all(w.lower() in _english_common_words() for w in words)


def _make_name(words: list[str]) -> Name:
    text = " ".join(words)
    keys = tuple(k for k in (skeleton(w) for w in words) if len(k) >= 2)
    return Name(text, tuple(sorted(canonical_keys(text))) + keys)


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
    (re.compile(r"\b(vienna|bec\w*)\b"), "=vienna"),
    (re.compile(r"\b(olympics|olympic games|olimpijad\w*|olimpijsk\w* igr\w*)\b"), "=olympics"),
]


def canonical_keys(text: str) -> set[str]:
    """Canonical keys of the names in ``text`` that translation changes beyond recognition: the aliases
    above and the names of countries and regions in English, Serbian (both scripts), Bosnian and
    Croatian from the Unicode CLDR (Germany = Njemačka = Немачка -> '=DE')."""
    low = fold(text)
    keys = {canonical for pattern, canonical in _ALIASES if pattern.search(low)}
    words = [w for w in (m.group() for m in _TOKEN.finditer(text)) if len(w) >= 2]
    if any(w[0].isupper() for w in words):
        keys |= _territories_in(words)
    return keys


def _territories_in(words: list[str]) -> set[str]:
    index = _territory_index()
    found = set()
    for start, word in enumerate(words):
        if not word[0].isupper():
            continue
        key = skeleton(word)
        for first in {key, key[:-1], key[:-2]}:
            for name_words, code in index.get(first, ()):
                following = words[start:start + len(name_words)]
                if len(following) == len(name_words) and all(
                        _territory_word_matches(w, n) for w, n in zip(following, name_words)):
                    found.add(code)
    return found


def _territory_word_matches(word: str, name_word: tuple[str, str]) -> bool:
    """A word of the text against a word of a territory's name in the same language (folded, skeleton),
    case endings allowed: the spellings must open alike, the index does the translating."""
    folded_name, key = name_word
    folded = fold(word)
    if len(os.path.commonprefix([folded, folded_name])) < min(4, len(folded_name) - 1):
        return False  # Kingdom is no Kongo, German no Jermenija, Cannot no Canada
    word_key = skeleton(word)
    if word_key == key:
        return True
    if len(key) >= 3 and word_key.startswith(key) and len(word_key) - len(key) <= 2:
        return True  # Njemačkoj / Njemačka, Germans / Germany
    return len(folded_name) >= 4 and folded.startswith(folded_name)  # Korean / Korea


@lru_cache(maxsize=1)
def _territory_index() -> dict[str, list[tuple[tuple[tuple[str, str], ...], str]]]:
    """Territory names by the skeleton of their first capitalised word."""
    from babel import Locale

    index: dict[str, list] = {}
    for locale in ("en", "sr", "sr_Latn", "bs", "hr"):
        for code, name in Locale.parse(locale).territories.items():
            words = tuple((fold(w), skeleton(w)) for w in (m.group() for m in _TOKEN.finditer(name))
                          if len(w) >= 2 and skeleton(w))
            if words and len(words[0][1]) >= 2:
                index.setdefault(words[0][1], []).append((words, f"={code}"))
    return index


_SPELLINGS = (("dzh", "j"), ("zh", "j"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("th", "t"), ("ph", "f"),
              ("ck", "k"), ("dz", "j"), ("dj", "j"), ("w", "v"), ("q", "k"), ("x", "ks"), ("y", "j"))
_VOICING = str.maketrans("gzdbc", "kstpk")  # Brexit/Bregzit, Paris/Pariz, Rosenberg/Rozenberg


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of a word that survives transliteration and case endings:
    Trump/Tramp/Трамп -> 'trmp', Kushner/Kušner -> 'ksnr', Farage/Фараж -> 'fr', Garcia/Гарсија -> 'krs'.

    Voiced and voiceless consonants are merged, English soft c and g are read as Serbian s and dž,
    and j, h and the vowels count only as the first letter.
    """
    w = to_latin(word).lower().replace("dž", "dzh").replace("ž", "zh")
    w = re.sub(r"[^a-z]", "", fold(w))
    w = w[:1] + w[1:].replace("gh", "")  # Willoughby/Viloubi, Pittsburgh/Pitsburg; Ghana keeps its G
    for a, b in _SPELLINGS:
        w = w.replace(a, b)
    w = re.sub(r"c(?=[eij])", "s", w)  # Grace/Grejs, Garcia/Garsija
    w = re.sub(r"g(?=[ei])", "j", w)  # George/Džordž, Gerrard/Džerard
    w = w.translate(_VOICING)
    if not w:
        return ""
    out = w[0] + re.sub(r"[aeiouhj]", "", w[1:])
    return re.sub(r"(.)\1+", r"\1", out)


def names_match(a: Name, b_keys: set[str] | tuple[str, ...]) -> bool:
    """Does any word of name ``a`` match one of the skeletons ``b_keys`` (allowing case endings)?"""
    for key in a.keys:
        for other in b_keys:
            if _keys_match(key, other):
                return True
    return False


@lru_cache(maxsize=262144)
def _keys_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.startswith("=") or b.startswith("="):
        return False  # canonical alias keys match only exactly
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True  # case endings and possessives: Trmp / Trmpm / Trmpv
    if len(short) == 2 and long_.startswith(short) and len(long_) <= 4:
        return True  # short names take endings too: Korea / Korejom (kr / krm)
    if len(short) >= 3 and a[:3] == b[:3]:
        return True  # same opening consonants: Srbija / Serbian
    return len(short) >= 4 and SequenceMatcher(None, a, b).ratio() >= 0.75


def name_keys(text: str, capitalised_only: bool = True) -> set[str]:
    """Skeletons of the (capitalised) words in ``text``: names of the other side are looked up here.
    Multi-word aliases such as "United States" / "Sjedinjene Američke Države" add their canonical key."""
    words = [m.group() for m in _TOKEN.finditer(text)]
    keys = {skeleton(w) for w in words if not capitalised_only or w[0].isupper()}
    keys |= canonical_keys(text)
    return {k for k in keys if len(k) >= 2}

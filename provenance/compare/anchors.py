"""Language-independent anchors: numbers and names, compared across languages and scripts.

Numbers are parsed by each language's conventions (``500.000`` and ``5,75`` in Serbian,
``500,000`` and ``5.75`` in English, ``half a million`` = ``pola miliona``) into values.
Names are compared by a consonant skeleton of their folded Latin form, which survives
transliteration (``Кушнер``/``Kušner``/``Kushner``) and case endings (``Trampa``/``Trump``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, wraps

from rapidfuzz.distance import Indel

from ..lexicon.places import canonical_keys, territories_in
from ..lexicon.script import NAME_TOKEN as _TOKEN
from ..lexicon.languages import number_words
from ..lexicon.script import fold, skeleton

_MULTIPLIERS = [
    (re.compile(r"(thousand|hiljad\w*|tisuć\w*|хиљад\w*|тисућ\w*)", re.I), 1e3),
    (re.compile(r"(million|milion\w*|milijun\w*|милион\w*|mil\.|mln|mn)", re.I), 1e6),
    (re.compile(r"(billion|bn|milijard\w*|милијард\w*|mlrd\.?|млрд\.?)", re.I), 1e9),
]
_NUMBER = re.compile(
    r"(?<!\w)(?<!\d[.,])(\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?![\d])(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(\s*(?:thousand|million|billion|bn\b|mn\b|hiljad\w*|tisuć\w*|milion\w*|milijun\w*|milijard\w*|mil\.|mln"
    r"|mlrd\.?|хиљад\w*|тисућ\w*|милион\w*|милијард\w*|млрд\.?))?",
    re.I,
)
_CURRENCY_MILLIONS = re.compile(r"[$£€]\s?(\d+(?:[.,]\d+)?)\s?m\b")  # £5m, $3.6m
_HALF = re.compile(
    r"\b(half a (million|billion)|pola (miliona|milijuna|milijarde)|пола (милиона|милијарде))\b", re.I
)
# Clock times, as minutes after midnight: 2pm = 14 sati, 7.55am = 7:55, 11:15 = 11.15 (Serbian dot).
_TIME_EN = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s?([ap])(?:\.\s?m\.|\s?m\b)|\b(\d{1,2}):(\d{2})\b", re.I)
_TIME_LOCAL = re.compile(
    r"\b(\d{1,2})[:.](\d{2})\b(?![.,]\d)"
    r"|\b(?:u|do|od|oko|у|до|од|око)\s(\d{1,2})\s?(?:h|sati|časova|х|сати|часова)\b"
    r"|\b(\d{1,2})\s(?:sati\s|сати\s)?(ujutr?o|ujutru|ујутр?о|ујутру|prije podne|пре подне|prijepodne"
    r"|popodne|поподне|poslijepodne|uveče|uvečer|navečer|увече|noću|ноћу)\b", re.I)
_AFTERNOON = re.compile(r"popodne|поподне|poslijepodne|uveče|uvečer|navečer|увече|noću|ноћу", re.I)
# Imperial measures in English and the factors to the metric units a translation gives them in.
_UNITS = {
    "mph": (r"mph|miles? (?:an|per) hour", (1.609344,)),
    "mile": (r"miles?", (1.609344,)),
    "pound": (r"pounds?|lbs?\b", (0.45359237,)),
    "inch": (r"inch(?:es)?", (2.54, 0.0254)),
    "foot": (r"feet|foot|ft\b", (0.3048, 30.48)),
    "yard": (r"yards?", (0.9144,)),
    "ounce": (r"ounces?|oz\b", (28.349523, 0.028349523)),
    "gallon": (r"gallons?", (3.785411,)),
    "acre": (r"acres?", (0.404686, 4046.86)),
    "fahrenheit": (r"(?:°\s?|degrees? )F(?:ahrenheit)?\b|fahrenheit", ()),
}
_UNIT = re.compile(r"\s?-?(?:" + "|".join(f"(?P<{name}>{pattern})" for name, (pattern, _) in _UNITS.items()) + ")",
                   re.I)
_RANGE_REST = re.compile(r"\s?(?:to|-|–|or|and)\s?\d+(?:[.,]\d+)?")
_HEIGHT = re.compile(r"\b(\d)(?:-foot-| ?ft ?| feet )(\d{1,2})\b(?:\s?(?:inch(?:es)?|in\b))?", re.I)
_WORD_NUMBERS_EN = number_words("en")
_WORD_NUMBERS_LOCAL = number_words("sr-Latn")  # Serbian, Bosnian and Croatian, both scripts
_WORD_NUMBER_EN = re.compile(r"\b(" + "|".join(_WORD_NUMBERS_EN) + r")\b", re.I)
_WORD_NUMBER_LOCAL = re.compile(r"\b(" + "|".join(_WORD_NUMBERS_LOCAL) + r")\b", re.I)


def _remembered(copy):
    """Cache a pure function of sentences (each is compared with many candidates and groups); callers get
    a ``copy`` of the cached value, so none can change what the next caller sees."""
    def decorate(function):
        cached = lru_cache(maxsize=65536)(function)

        @wraps(function)
        def call(*args, **kwargs):
            return copy(cached(*args, **kwargs))
        return call
    return decorate


@dataclass(frozen=True)
class Number:
    value: float
    text: str
    kind: str = "number"  # "number"; "word" (spelled out: two, dvojica); "time" (minutes after midnight)
    converted: tuple[float, ...] = ()  # metric values of an imperial measure (550 pounds -> 249.5 kg)

    @property
    def key(self) -> tuple[str, float]:
        return ("time" if self.kind == "time" else "number", self.value)


@_remembered(list)
def extract_numbers(text: str, english: bool) -> list[Number]:
    """Numbers in ``text`` with their values; ``english`` picks the digit-grouping convention, the
    clock-time forms and the number words."""
    found: list[Number] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match) -> bool:
        return not any(a < match.end() and match.start() < b for a, b in taken)

    for match in (_TIME_EN if english else _TIME_LOCAL).finditer(text):
        minutes = _clock_minutes(match, english)
        if minutes is not None:
            found.append(Number(minutes, match.group(0).strip(), "time"))
            taken.append(match.span())
    if english:
        for match in _HEIGHT.finditer(text):
            if free(match):
                cm = int(match.group(1)) * 30.48 + int(match.group(2)) * 2.54
                found.append(Number(float(match.group(1)), match.group(0), converted=(cm, cm / 100)))
                taken.append(match.span())
    for match in _CURRENCY_MILLIONS.finditer(text):
        if free(match):
            found.append(Number(round(_parse_digits(match.group(1), english) * 1e6, 6), match.group(0)))
            taken.append(match.span())
    for match in _HALF.finditer(text):
        scale = 1e9 if re.search(r"billion|milijard|милијард", match.group(0), re.I) else 1e6
        found.append(Number(scale / 2, match.group(0)))
    for match in _NUMBER.finditer(text):
        if not free(match):
            continue
        value = _parse_digits(match.group(1), english)
        if match.group(2):
            for pattern, scale in _MULTIPLIERS:
                if pattern.search(match.group(2)):
                    value *= scale
                    break
        found.append(Number(round(value, 6), match.group(0).strip(),
                            converted=_metric(value, text, match.end()) if english else ()))
    if not english:
        for word in re.findall(r"[^\W\d_]{8,}", text):
            match = _AGE_WORD.fullmatch(fold(word))
            age = _compound_number(match.group(1)) if match else None
            if age is not None:
                found.append(Number(float(age), word, "word"))
    words, pattern = (_WORD_NUMBERS_EN, _WORD_NUMBER_EN) if english else (_WORD_NUMBERS_LOCAL, _WORD_NUMBER_LOCAL)
    for match in pattern.finditer(text):
        found.append(Number(float(words[match.group(1).lower()]), match.group(1), "word"))
    return found


# Ages written as one word: četrdesetčetverogodišnjakinja (44), tridesetdvogodišnji (32), desetogodišnji (10)
_AGE_WORD = re.compile(r"([a-z]{2,20}?)godisnj[a-z]*")
_TENS = {"dvadeset": 20, "trideset": 30, "cetrdeset": 40, "pedeset": 50, "sezdeset": 60, "sedamdeset": 70,
         "osamdeset": 80, "devedeset": 90}
_UNITS_IN_COMPOUNDS = {"jedn": 1, "dv": 2, "tr": 3, "cetvor": 4, "cetver": 4, "pet": 5, "sest": 6, "sedm": 7,
                       "osm": 8, "devet": 9, "deset": 10, "jedanaest": 11, "dvanaest": 12, "trinaest": 13,
                       "cetrnaest": 14, "petnaest": 15, "sesnaest": 16, "sedamnaest": 17, "osamnaest": 18,
                       "devetnaest": 19}


def _compound_number(prefix: str) -> int | None:
    """The number a compound's first part names (folded): 'cetrdesetcetvero' -> 44, 'dvo' -> 2."""
    if prefix in ("sto", "stot"):
        return 100
    tens = next((t for t in _TENS if prefix.startswith(t)), None)
    value, rest = (_TENS[tens], prefix[len(tens):]) if tens else (0, prefix)
    rest = rest[:-1] if rest.endswith(("o", "e")) else rest
    if not rest:
        return value or None
    return value + _UNITS_IN_COMPOUNDS[rest] if rest in _UNITS_IN_COMPOUNDS else None


def _clock_minutes(match: re.Match, english: bool) -> float | None:
    groups = match.groups()
    if english and groups[0] is not None:  # 2pm, 7.55am
        hour, minute = int(groups[0]) % 12, int(groups[1] or 0)
        hour += 12 if groups[2].lower() == "p" else 0
    elif english:
        hour, minute = int(groups[3]), int(groups[4])
    elif groups[0] is not None:
        hour, minute = int(groups[0]), int(groups[1])
    elif groups[2] is not None:
        hour, minute = int(groups[2]), 0
    else:  # 7 ujutro, 7 uveče
        hour, minute = int(groups[3]), 0
        hour += 12 if _AFTERNOON.fullmatch(groups[4]) and hour < 12 else 0
    if hour > 23 or minute > 59:
        return None
    return float(hour * 60 + minute)


def _metric(value: float, text: str, end: int) -> tuple[float, ...]:
    """Metric values of the number that ends at ``end`` when an imperial unit follows it."""
    unit = _UNIT.match(text, end)
    if not unit:  # the first number of a range takes the unit of the second: 1 to 4 inches
        rest = _RANGE_REST.match(text, end)
        unit = _UNIT.match(text, rest.end()) if rest else None
    if not unit:
        return ()
    if unit.lastgroup == "fahrenheit":
        return (round((value - 32) * 5 / 9, 2),)
    return tuple(round(value * factor, 4) for factor in _UNITS[unit.lastgroup][1])


def _parse_digits(raw: str, english: bool) -> float:
    """Value of a written number. A separator before exactly three digits groups thousands in the
    text's own convention (500.000 in Serbian, 500,000 in English); the other one marks decimals."""
    raw = re.sub(r"[\u202f\u00a0 ]", "", raw)
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


@_remembered(set)
def number_values(text: str, english: bool) -> set[tuple[str, float]]:
    return {n.key for n in extract_numbers(text, english)}


# --- names ---------------------------------------------------------------------------------------

_NOT_NAMES = set(
    """
    i a an the this that these those he she it we they you his her its our their mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    rep sen gov gen col lt sgt capt st jr sr
    """.split()
)


@dataclass(frozen=True)
class Name:
    text: str  # as written
    keys: tuple[str, ...]  # skeletons of its words


@_remembered(list)
def extract_names(text: str) -> list[Name]:
    """Runs of capitalised words that are not sentence-initial (the first word is capitalised anyway)."""
    names: list[Name] = []
    run: list[str] = []
    tokens = list(_TOKEN.finditer(text))
    words = [t.group() for t in tokens if len(t.group()) > 3]
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.85 * len(words):
        return []  # a headline in Title Case or CAPITALS: capitals say nothing about names there
    for index, match in enumerate(tokens):
        word = re.sub(r"['’]s$", "", match.group().strip(".'’-"))  # Trump's -> Trump
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

    text = files("provenance.lexicon").joinpath("data/english_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_common_english(name: Name) -> bool:
    """Is this capitalised English run made of common words only ("Navy", "Treasury", "Power")?
    Institutions capitalise them, translations turn them into common nouns."""
    words = re.findall(r"[A-Za-z]+", name.text)
    return bool(words) and all(is_common_english_word(w) for w in words)


def is_common_english_word(word: str) -> bool:
    return word.lower() in _english_common_words()


def _make_name(words: list[str]) -> Name:
    text = " ".join(words)
    canonical = tuple(sorted(canonical_keys(text)))
    territories = territories_in(words)
    if territories and set().union(*territories.values()) == set(range(len(words))):
        return Name(text, canonical)  # a country is known by its key alone: Germany is no Jermenija
    return Name(text, canonical + tuple(k for k in (skeleton(w) for w in words) if len(k) >= 2))



def names_match(a: Name, b_keys: set[str] | tuple[str, ...], lenient: bool = False) -> bool:
    """Does any word of name ``a`` match one of the skeletons ``b_keys`` (allowing case endings)?

    ``lenient`` also accepts looser likenesses (same first three consonants, 75 % similar skeletons):
    right for deciding that a name is *missing*, where a false alarm costs the reader's trust; the
    alignment uses the strict test, where a false match pulls sentences together.
    """
    for key in a.keys:
        for other in b_keys:
            if _keys_match(key, other, lenient):
                return True
    return False


@lru_cache(maxsize=262144)
def _keys_match(a: str, b: str, lenient: bool = False) -> bool:
    if a == b:
        return True
    if a.startswith("=") or b.startswith("="):
        return False  # canonical alias keys match only exactly
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True  # case endings and possessives: Trmp / Trmpm / Trmpv
    if len(short) == 2 and long_.startswith(short) and len(long_) <= (4 if lenient else 3):
        return True  # short names take endings too: Korea / Korejom (kr / krm)
    opening = 3 if lenient else 4
    if len(short) >= opening and a[:opening] == b[:opening]:
        return True  # same opening consonants: Srbija / Serbian
    return len(short) >= 4 and _similar(a, b, 75 if lenient else 80)


def _similar(a: str, b: str, percent: int) -> bool:
    """2·LCS / (len a + len b) >= percent %, in integers (rapidfuzz's Indel distance = the characters
    outside the longest common subsequence): difflib's ratio, but on the true LCS, not its greedy blocks."""
    return 100 * Indel.distance(a, b) <= (100 - percent) * (len(a) + len(b))


@_remembered(set)
def name_keys(text: str, capitalised_only: bool = True) -> set[str]:
    """Skeletons of the (capitalised) words in ``text``: names of the other side are looked up here.
    Multi-word aliases such as "United States" / "Sjedinjene Američke Države" add their canonical key."""
    words = [m.group() for m in _TOKEN.finditer(text)]
    keys = {skeleton(w) for w in words if not capitalised_only or w[0].isupper()}
    keys |= canonical_keys(text, lower_case_too=not capitalised_only)
    return {k for k in keys if len(k) >= 2}

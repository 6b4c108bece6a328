"""Language-independent fingerprints of an article: what survives translation unchanged in meaning.

A fingerprint is a short key shared by an English article and its Serbian, Bosnian or Croatian
source whatever the script or case ending:

- ``n:`` numbers by value (``500.000`` = ``500,000``, ``pola miliona`` = ``half a million``), ``t:`` clock times;
- ``d:`` day-and-month dates (``12. marta`` = ``12. ožujka`` = ``March 12``);
- ``s:`` names by the first three consonants of their skeleton (``Trampa``/``Трамп``/``Trump`` -> ``trm``),
  so that case endings, which add consonants at the end, do not change the key;
- ``c:`` canonical keys of places and media known to the lexicon (``Njemačka`` = ``Germany``, ``Anadolija`` =
  ``Anadolu Agency``).

The extractors are provenance's own (numbers and names of the anchors, the media registry); this
module only turns their output into keys that an inverted index can look up exactly.
"""
from __future__ import annotations

import re

from .project import canonical_keys, extract_names, number_values, to_latin

FINGERPRINT_VERSION = "fp1"
NAME_PREFIX = 3  # consonants of a name's skeleton kept in its key: endings add consonants after these

# Month names, folded to ASCII, in English, Serbian and Bosnian (both scripts fold alike) and Croatian,
# with the case forms dates take ("12. marta", "12. ožujka", "u julu").
MONTHS = {
    1: r"january|jan|januar[a-z]*|sijecanj|sijecnj[a-z]*",
    2: r"february|feb|februar[a-z]*|veljac[a-z]*",
    3: r"march|mar|mart[a-z]*|ozujak|ozujk[a-z]*",
    4: r"april[a-z]*|apr|travanj|travnj[a-z]*",
    5: r"may|maj[a-z]*|svibanj|svibnj[a-z]*",
    6: r"june|jun|jun[iua]|junom|lipanj|lipnj[a-z]*",
    7: r"july|jul|jul[iua]|julom|srpanj|srpnj[a-z]*",
    8: r"august[a-z]*|aug|avgust[a-z]*|kolovoz[a-z]*",
    9: r"september|sept?|septemb[a-z]*|rujan|rujn[a-z]*",
    10: r"october|oct|oktob[a-z]*|listopad[a-z]*",
    11: r"november|nov|novemb[a-z]*|studen[a-z]*",
    12: r"december|dec|decemb[a-z]*|prosin[a-z]*",
}
_MONTH_OF = [(re.compile(rf"(?:{pattern})\Z"), month) for month, pattern in MONTHS.items()]
_MONTH_WORD = r"[a-z]{3,12}\.?"
_DAY_MONTH = re.compile(rf"\b([0-3]?\d)(?:\.|st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_WORD})")
_MONTH_DAY = re.compile(rf"\b({_MONTH_WORD})\s+([0-3]?\d)(?:st|nd|rd|th)?\b(?!\.\d|,\d)")
_ASCII = str.maketrans("čćžšđ", "cczsd")


def fingerprints(sentences: list[str], english: bool) -> dict[str, str]:
    """Fingerprint keys of an article, each with the text it was read from (for explaining matches)."""
    keys: dict[str, str] = {}
    for sentence in sentences:
        for kind, value in number_values(sentence, english):
            keys.setdefault(f"{'t' if kind == 'time' else 'n'}:{value:g}", _number_text(kind, value))
        for key, shown in _dates(sentence):
            keys.setdefault(key, shown)
        for name in extract_names(sentence):
            for key in name.keys:
                if key.startswith("="):
                    keys.setdefault("c:" + key, name.text)
                elif len(key) >= NAME_PREFIX:
                    keys.setdefault("s:" + key[:NAME_PREFIX], name.text)
        for key in canonical_keys(sentence):
            keys.setdefault("c:" + key, key.removeprefix("=media:").lstrip("="))
    return keys


def _number_text(kind: str, value: float) -> str:
    if kind == "time":
        return f"{int(value) // 60:02d}:{int(value) % 60:02d}"
    return f"{value:.10g}"


def _dates(sentence: str):
    """(key, text) of the day-and-month dates in ``sentence``."""
    folded = to_latin(sentence).lower().translate(_ASCII)
    for match in _DAY_MONTH.finditer(folded):
        month = _month(match.group(2))
        if month and 1 <= int(match.group(1)) <= 31:
            yield f"d:{month:02d}-{int(match.group(1)):02d}", match.group(0)
    for match in _MONTH_DAY.finditer(folded):
        month = _month(match.group(1))
        if month and 1 <= int(match.group(2)) <= 31:
            yield f"d:{month:02d}-{int(match.group(2)):02d}", match.group(0)


def _month(word: str) -> int | None:
    word = word.rstrip(".")
    return next((month for pattern, month in _MONTH_OF if pattern.match(word)), None)

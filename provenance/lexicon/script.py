"""Script conversion and folding, so that names and numbers compare across Latin and Cyrillic."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i",
    "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}
_TABLE = {}
for cyr, lat in _CYR_TO_LAT.items():
    _TABLE[ord(cyr)] = lat
    _TABLE[ord(cyr.upper())] = lat[0].upper() + lat[1:]

_LAT_TO_CYR = {lat: cyr for cyr, lat in _CYR_TO_LAT.items() if len(lat) == 1}


def to_cyrillic(word: str) -> str:
    """Serbian Cyrillic of a lower-case Latin word without digraphs (lj, nj, dž): for word lists."""
    return "".join(_LAT_TO_CYR.get(ch, ch) for ch in word)


_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_FOREIGN = re.compile(r"[qwxyQWXY\d]|\w\.\w")  # foreign names, codes, domains stay Latin (N1, nova.rs)


def latin_to_cyrillic(text: str) -> str:
    """Serbian Cyrillic of Serbian Latin running text: capitals and the digraphs lj, nj, dž; words with
    q, w, x, y, digits or inner dots are left in Latin, as Cyrillic papers print them."""
    def word(match: re.Match) -> str:
        token = match.group()
        if _FOREIGN.search(token):
            return token
        out, i = [], 0
        while i < len(token):
            pair = token[i:i + 2]
            cyr = _DIGRAPHS.get(pair.lower())
            if cyr:
                out.append(cyr.upper() if pair[0].isupper() else cyr)
                i += 2
                continue
            ch = token[i]
            low = _LAT_TO_CYR.get(ch.lower(), ch)
            out.append(low.upper() if ch.isupper() else low)
            i += 1
        return "".join(out)

    return re.sub(r"\w+(?:\.\w+)*", word, text)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def to_latin(text: str) -> str:
    """Transliterate Serbian Cyrillic to Serbian Latin (other characters unchanged)."""
    return text.translate(_TABLE)


@lru_cache(maxsize=65536)  # names and sentences are folded again for every pair they are compared in
def fold(text: str) -> str:
    """Lower-case ASCII skeleton of a word: 'Кушнер', 'Kušner' and 'Kushner' -> 'kusner'/'kushner'."""
    text = to_latin(text).lower().replace("đ", "dj")
    if text.isascii():
        return text  # nothing to decompose (most of the English)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def script_of(text: str) -> str:
    """'Cyrl', 'Latn' or 'mixed'/'none' by counting letters."""
    cyr = len(_CYRILLIC.findall(text))
    lat = len(_LATIN.findall(text))
    if cyr == lat == 0:
        return "none"
    if cyr > 4 * lat:
        return "Cyrl"
    if lat > 4 * cyr:
        return "Latn"
    return "mixed"


# Latin letters that look like Cyrillic ones. Texts typed on mixed keyboards (NTREX's Serbian
# Cyrillic among them) carry "je", "o", "a" in Latin inside Cyrillic words, which breaks the
# translator's vocabulary and every word match.
_LATIN_TO_CYRILLIC = str.maketrans("aeopcxyjAEOPCXYJBKMHT", "аеорсхујАЕОРСХУЈВКМНТ")
_HOMOGLYPHS = set("aeopcxyjAEOPCXYJBKMHT")
_WORD = re.compile(r"[^\W\d_]+")


def repair_homoglyphs(text: str) -> str:
    """Write Latin look-alike letters in Cyrillic inside Cyrillic words and Cyrillic-dominant lines.

    Character offsets do not change: each letter is replaced by one letter.
    """
    if not _CYRILLIC.search(text):
        return text
    return "\n".join(_repair_line(line) for line in text.split("\n"))


def _repair_line(line: str) -> str:
    cyr = len(_CYRILLIC.findall(line))
    lat = len(_LATIN.findall(line))
    if cyr == 0 or lat == 0:
        return line
    distinctly_latin = sum(1 for ch in _LATIN.findall(line) if ch not in _HOMOGLYPHS)
    cyrillic_line = cyr > 2 * distinctly_latin

    def fix(match: re.Match) -> str:
        word = match.group()
        if not any(ch in _HOMOGLYPHS for ch in word):
            return word
        has_cyr = bool(_CYRILLIC.search(word))
        only_lookalikes = all(ch in _HOMOGLYPHS for ch in word if not _CYRILLIC.match(ch))
        if only_lookalikes and (has_cyr or cyrillic_line):
            return word.translate(_LATIN_TO_CYRILLIC)
        return word

    return _WORD.sub(fix, line)


# Words as names are written: Trump's, al-Assad, U.S.; no digits.
NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]", re.UNICODE)

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

"""How a name is written in English and in Serbian, Bosnian and Croatian: case endings, respellings, titles.

The tables live in ``data/name_forms.json``; this module only reads them. Words are folded first
(``fold``: lower-case ASCII), so one table serves both scripts.
"""
from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib.resources import files

from .script import fold


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(files("provenance.lexicon").joinpath("data/name_forms.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def case_endings(language: str | None) -> tuple[str, ...]:
    """The endings a name takes in ``language``'s declension (sr-Latn, sr-Cyrl, bs, hr; any other:
    all of them), longest first."""
    endings = _table()["endings"]
    code = (language or "").split("-")[0]
    chosen = set(endings["_shared"])
    for lang, own in endings.items():
        if lang != "_shared" and (code == lang or code not in endings):
            chosen |= set(own)
    return tuple(sorted(chosen, key=lambda e: (-len(e), e)))


@lru_cache(maxsize=262144)
def local_stems(word: str, language: str | None = None) -> tuple[str, ...]:
    """The folded word and what is left of it without each case ending it may carry (stems of at
    least three letters): 'Trampom' -> ('trampom', 'tramp', 'trampo'); 'Џонсона' -> ('dzonsona', 'dzonson', ...);
    a stem the ending softened is given back its consonant: 'Aljasci' -> 'aljask' (Aljaska)."""
    folded = fold(word)
    stems = [folded]
    for ending in case_endings(language):
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            stems.append(folded[: -len(ending)])
    for ending, stem_end in _table()["softened"]:  # na Aljasci: Aljaska (k softened to c before -i)
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            stems.append(folded[: -len(ending)] + stem_end)
    return tuple(dict.fromkeys(stems))


@lru_cache(maxsize=1)
def _english_rules() -> tuple[tuple[str, str], ...]:
    rules = [tuple(rule) for rule in _table()["english_spellings"]]
    return tuple(sorted(rules, key=lambda r: -len(r[0])))  # longest spelling first at each position


@lru_cache(maxsize=65536)
def english_respelled(word: str) -> str:
    """An English name as local spelling would write it, roughly: 'Shehu' -> 'sehu',
    'Jones' -> 'dzones', 'Gjoka' -> 'djoka' (folded, one left-to-right pass)."""
    folded = fold(word)
    rules = _english_rules()
    out, i = [], 0
    while i < len(folded):
        for spelled, local in rules:
            if folded.startswith(spelled, i):
                out.append(local)
                i += len(spelled)
                break
        else:
            out.append(folded[i])
            i += 1
    return "".join(out)


@lru_cache(maxsize=1)
def _english_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(pattern), local) for pattern, local in _table()["english_patterns"])


@lru_cache(maxsize=65536)
def english_forms(word: str) -> frozenset[str]:
    """How local spelling may write an English name (folded): as it is, respelled sound by sound, and
    with the sounds spelling does not show: Kate -> 'kejt', Utah -> 'jutah', Haley -> 'hejli'."""
    respelled = english_respelled(word)
    forms = {fold(word), respelled}
    for pattern, local in _english_patterns():
        forms.add(pattern.sub(local, respelled))
    return frozenset(forms)


@lru_cache(maxsize=1)
def english_sounds() -> dict[str, tuple[str, ...]]:
    """English letter groups and the (folded) local spellings each may take: 'ow' -> ('au', 'ov', 'o')
    (Browne: Braun), 'j' -> ('dz', 'z', 'h') (Jordan: Džordan, Jean: Žan, Jose: Hoze)."""
    return {group: tuple(local) for group, local in _table()["english_sounds"]}


@lru_cache(maxsize=65536)
def sound_groups(word: str) -> tuple[tuple[tuple[int, tuple[str, ...]], ...], ...]:
    """For each position of the folded English ``word``: the (end, local spellings) of every letter group
    that starts there, the letter itself included; a final e after a consonant may also be silent (Browne: Braun)."""
    folded, sounds = fold(word), english_sounds()
    groups = []
    for i, letter in enumerate(folded):
        own = tuple(s for s in sounds.get(letter, ()) if s or i > 0)  # a silent h, but not the first letter (Hoze)
        silent_e = letter == "e" and i == len(folded) - 1 and i > 1 and folded[i - 1] not in "aeiou"
        here = [(i + 1, (letter,) + own + (("",) if silent_e else ()))]
        here += [(i + len(g), local) for g, local in sounds.items() if len(g) > 1 and folded.startswith(g, i)]
        groups.append(tuple(here))
    return tuple(groups)


@lru_cache(maxsize=2)
def titles(side: str) -> frozenset[str]:
    """Titles and honorifics (folded) written beside names: ``side`` is 'en' or 'local'."""
    return frozenset(_table()["titles"][side])


def is_title(word: str, side: str) -> bool:
    return fold(word).strip(".") in titles(side)


@lru_cache(maxsize=2)
def _word_list(name: str) -> frozenset[str]:
    data = files("provenance.lexicon").joinpath(f"data/{name}").read_bytes()
    lines = gzip.decompress(data).decode("utf-8").split("\n")
    header = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    # the builder writes its comments (source, licences) above the words only: no test per word, on the check's path
    return frozenset(lines[header:]) - {""}


def is_english_word(word: str) -> bool:
    """Is this (capitalised) English word also a common English word (Navy, Coastguard, Rangers)?
    Lower-case lemmas of Hunspell's en_GB, with their regular inflections."""
    words = _word_list("english_dictionary.txt.gz")
    folded = fold(word)
    return folded in words or any(folded.endswith(ending) and folded[: len(folded) - len(ending)] + lemma in words
                                  for ending, lemma in _INFLECTIONS)


# English inflections and the lemma ending each leaves: Rangers/ranger, Sailing/sail, United/unite, Specially/special
_INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("d", ""), ("ied", "y"),
               ("ly", ""), ("ily", "y"))  # Specially/special, Happily/happy


@lru_cache(maxsize=65536)
def is_common_local(word: str, language: str | None = None) -> bool:
    """Is this source word, without its case ending, a common word of the language (Odbora, Zapad,
    Mreže)? Hunspell lemmas that two of bs, hr and sr list (``scripts/build_name_lexicon.py``)."""
    common = _word_list("common_words.txt.gz")
    for stem in local_stems(word, language):
        if stem in common or (len(stem) >= 4 and any(stem + vowel in common for vowel in "aeio")):
            return True  # the lemma itself, or the stem of a noun in -a, -e, -i, -o (Mreže: mreža)
        if len(stem) >= 4 and stem[-1] in "cklmnrt" and stem[-2] not in "aeiou" and stem[:-1] + "a" + stem[-1] in common:
            return True  # the a that declension drops: Kupcima (kupac), Pisca (pisac), Vjetra (vjetar)
    return False

"""The registry of news agencies and outlets, and finding them in a text in any script or case.

Used by attribution (a source's type) and by name comparison (Der Spiegel = Шпигл).
"""
from __future__ import annotations

from functools import lru_cache

from .script import fold, to_latin

# (canonical name, type, aliases). Aliases are folded Latin; Cyrillic forms are transliterated
# before matching, so "Агенција Анадолија" meets "anadolija". Aliases of three letters or fewer
# match only as a whole capitalised word (AA, AP, N1).
REGISTRY: list[tuple[str, str, tuple[str, ...]]] = [
    ("Anadolu Agency", "agency", ("anadolu agency", "anadolu", "anadolija", "anadolu ajansi", "AA")),
    ("Bloomberg", "agency", ("bloomberg", "blumberg")),
    ("Reuters", "agency", ("reuters", "rojters", "rojtersa")),
    ("Associated Press", "agency", ("associated press", "asosijeted pres", "AP")),
    ("AFP", "agency", ("agence france-presse", "france-presse", "frans pres", "AFP")),
    ("Tanjug", "agency", ("tanjug",)),
    ("Beta", "agency", ("beta", "bete", "beti")),
    ("FoNet", "agency", ("fonet",)),
    ("Fena", "agency", ("fena",)),
    ("Hina", "agency", ("hina",)),
    ("Srna", "agency", ("srna",)),
    ("TASS", "agency", ("TASS", "tass")),
    ("N1", "outlet", ("N1",)),
    ("nova.rs", "outlet", ("nova.rs",)),
    ("RTS", "outlet", ("RTS", "radio-televizija srbije", "radio televizija srbije")),
    ("Klix.ba", "outlet", ("klix.ba", "klix")),
    ("The Wall Street Journal", "outlet", ("wall street journal", "volstrit dzurnal", "vol strit dzurnal",
                                           "vol strit dzornal", "volstrit dzornal", "WSJ")),
    ("The New York Times", "outlet", ("new york times", "njujork tajms", "NYT")),
    ("The Washington Post", "outlet", ("washington post", "vasington post")),
    ("Financial Times", "outlet", ("financial times", "fajnensel tajms")),
    ("The Guardian", "outlet", ("guardian", "gardijan")),
    ("BBC", "outlet", ("BBC", "bi-bi-si")),
    ("CNN", "outlet", ("CNN", "si-en-en")),
    ("Al Jazeera", "outlet", ("al jazeera", "al dzazira", "al jazeera balkans")),
    ("Politico", "outlet", ("politico",)),
    ("Axios", "outlet", ("axios", "aksios")),
    ("Danas", "outlet", ("danas",)),
    ("Politika", "outlet", ("politika", "politike", "politici")),
    ("Blic", "outlet", ("blic",)),
    ("Kurir", "outlet", ("kurir",)),
    ("Vreme", "outlet", ("vreme",)),
    ("Oslobođenje", "outlet", ("oslobodjenje",)),
    ("Dnevni avaz", "outlet", ("dnevni avaz", "avaz")),
    ("Jutarnji list", "outlet", ("jutarnji list", "jutarnjeg lista", "jutarnjem listu")),
    ("Večernji list", "outlet", ("vecernji list", "vecernjeg lista", "vecernjem listu")),
    ("Index.hr", "outlet", ("index.hr",)),
    ("Voice of America", "outlet", ("voice of america", "glas amerike", "VOA")),
    ("RTL", "outlet", ("RTL",)),
    ("Radio Slobodna Evropa", "outlet", ("radio slobodna evropa", "radio slobodna europa", "slobodna evropa",
                                         "radio free europe", "RSE")),
    ("Der Spiegel", "outlet", ("spiegel", "spigl")),
]

MEDIA_TYPES = ("agency", "outlet")


def lookup_media(text: str) -> tuple[str, str] | None:
    """(canonical name, type) of a known agency or outlet named in ``text``, if any."""
    return next(_media_named(text), None)


def media_in(text: str) -> set[str]:
    """Canonical names of every known agency or outlet named in ``text``."""
    return {canonical for canonical, _kind in _media_named(text)}


_WORD_PUNCTUATION = ".,;:()'\"’"


def _media_named(text: str):
    """(canonical, kind) of the registry's media named in ``text``, in registry order."""
    words = fold(text).replace("’", "'").split()
    raw_words = to_latin(text).split()
    by_opening, with_short_alias = _registry_index()
    openings = {w.strip(_WORD_PUNCTUATION)[:3] for w in words}
    for entry in sorted({i for o in openings for i in by_opening.get(o, ())} | with_short_alias):
        canonical, kind, aliases = REGISTRY[entry]
        for alias in aliases:
            if _is_short_alias(alias):
                if any(w.strip(_WORD_PUNCTUATION) in (alias, alias.upper()) and w.strip(_WORD_PUNCTUATION).isupper()
                       or w.strip(_WORD_PUNCTUATION) == alias for w in raw_words if w[:1].isupper()):
                    yield canonical, kind
                    break
                continue
            if _words_match(alias.split(), words):
                yield canonical, kind
                break


def _is_short_alias(alias: str) -> bool:
    """AA, N1, RTS: matched as whole capitalised words, never by inflection."""
    return len(alias) <= 3 or alias.isupper()


@lru_cache(maxsize=1)
def _registry_index() -> tuple[dict[str, set[int]], frozenset[int]]:
    """Registry entries by the first three letters of their long aliases (a text is only tested
    against the media whose names could start in it), and the entries with a short alias."""
    by_opening: dict[str, set[int]] = {}
    for entry, (_canonical, _kind, aliases) in enumerate(REGISTRY):
        for alias in aliases:
            if not _is_short_alias(alias):
                by_opening.setdefault(alias.split()[0][:3], set()).add(entry)
    with_short_alias = frozenset(entry for entry, (_c, _k, aliases) in enumerate(REGISTRY)
                                 if any(_is_short_alias(alias) for alias in aliases))
    return by_opening, with_short_alias


def _words_match(alias: list[str], words: list[str]) -> bool:
    initial = alias[0][:1]
    for start in range(len(words) - len(alias) + 1):
        if words[start].lstrip(_WORD_PUNCTUATION)[:1] != initial:
            continue  # a quick no before the inflection test
        if all(_inflected(a, w.strip(_WORD_PUNCTUATION)) for a, w in zip(alias, words[start:start + len(alias)])):
            return True
    return False


def _inflected(alias_word: str, word: str) -> bool:
    """'bloomberga' is 'bloomberg', 'anadolije' is 'anadolija', 'tanjuga' is 'tanjug'."""
    if word == alias_word:
        return True
    if word.startswith(alias_word) and len(word) - len(alias_word) <= 3 and "." not in alias_word:
        return True
    stem = alias_word[:-1] if alias_word[-1] in "aeiou" else alias_word
    if len(stem) >= 4:
        return word.startswith(stem) and len(word) - len(stem) <= 3
    return len(stem) == 3 and word.startswith(stem) and word[3:] in ("a", "e", "i", "u", "om", "oj")  # Betu, Fenom

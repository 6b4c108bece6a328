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
    ("B92", "outlet", ("B92",)),
    ("Nova", "outlet", ("nova s", "nova tv", "nova bh", "nova",)),
    ("Vijesti", "outlet", ("vijesti",)),
    ("Pink", "outlet", ("rtv pink", "tv pink", "televizija pink")),
    ("Prva", "outlet", ("prva televizija", "tv prva")),
    ("Hayat", "outlet", ("hayat", "hajat")),
    ("Face TV", "outlet", ("face tv",)),
    ("BHRT", "outlet", ("BHRT", "BHT1", "BHT", "bh radio 1")),
    ("FTV", "outlet", ("FTV", "RTVFBiH")),
    ("RTRS", "outlet", ("RTRS",)),
    ("HRT", "outlet", ("HRT", "hrvatska radiotelevizija", "hrvatska televizija", "HTV")),
    ("RTCG", "outlet", ("RTCG",)),
    ("RTV", "outlet", ("RTV", "radio-televizija vojvodine", "radio televizija vojvodine")),
    ("Večernje novosti", "outlet", ("vecernje novosti", "vecernjih novosti", "vecernjim novostima", "novosti")),
    ("Informer", "outlet", ("informer",)),
    ("Alo", "outlet", ("alo!",)),
    ("Telegraf", "outlet", ("telegraf",)),
    ("NIN", "outlet", ("NIN",)),
    ("Nedeljnik", "outlet", ("nedeljnik",)),
    ("Mondo", "outlet", ("mondo",)),
    ("Insajder", "outlet", ("insajder",)),
    ("KRIK", "outlet", ("KRIK",)),
    ("BIRN", "outlet", ("BIRN", "balkan insight", "balkaninsight", "detektor")),
    ("Istinomer", "outlet", ("istinomer",)),
    ("Nezavisne novine", "outlet", ("nezavisne novine", "nezavisnih novina", "nezavisnim novinama")),
    ("Glas Srpske", "outlet", ("glas srpske",)),
    ("Dnevni list", "outlet", ("dnevni list", "dnevnog lista", "dnevnom listu")),
    ("Slobodna Dalmacija", "outlet", ("slobodna dalmacija", "slobodne dalmacije", "slobodnoj dalmaciji")),
    ("Novi list", "outlet", ("novi list", "novog lista", "novom listu")),
    ("24sata", "outlet", ("24sata", "24 sata")),
    ("Jutarnji.hr", "outlet", ("jutarnji.hr", "jutarnji")),
    ("Radio Sarajevo", "outlet", ("radio sarajevo", "radiosarajevo.ba")),
    ("Istraga", "outlet", ("istraga.ba",)),
    ("Žurnal", "outlet", ("zurnal",)),
    ("Patria", "agency", ("patria",)),
    ("MINA", "agency", ("MINA",)),
    ("Pobjeda", "outlet", ("pobjeda", "pobjede", "pobjedi")),
    ("Dan", "outlet", ("dnevnik dan",)),
    ("Deutsche Welle", "outlet", ("deutsche welle", "dojce vele", "dojc vele", "DW")),
    ("Sputnik", "outlet", ("sputnik",)),
    ("RT", "outlet", ("russia today", "raša tudej")),
    ("Euronews", "outlet", ("euronews", "juronjuz")),
    ("dpa", "agency", ("dpa", "DPA")),
    ("EFE", "agency", ("EFE",)),
    ("ANSA", "agency", ("ANSA",)),
    ("Xinhua", "agency", ("xinhua", "sinhua", "sinhuа")),
    ("RIA Novosti", "agency", ("ria novosti", "RIA")),
    ("Interfax", "agency", ("interfax", "interfaks")),
    ("Sky News", "outlet", ("sky news", "skaj njuz")),
    ("Fox News", "outlet", ("fox news", "foks njuz")),
    ("NBC", "outlet", ("NBC",)),
    ("CBS", "outlet", ("CBS",)),
    ("ABC", "outlet", ("ABC",)),
    ("NPR", "outlet", ("NPR",)),
    ("The Telegraph", "outlet", ("telegraph",)),
    ("The Independent", "outlet", ("independent", "indipendent")),
    ("Le Monde", "outlet", ("le monde", "le mond")),
    ("Le Figaro", "outlet", ("figaro",)),
    ("Bild", "outlet", ("bild",)),
    ("Süddeutsche Zeitung", "outlet", ("suddeutsche zeitung", "sueddeutsche zeitung", "zidojce cajtung")),
    ("Frankfurter Allgemeine Zeitung", "outlet", ("frankfurter allgemeine", "FAZ")),
    ("Die Welt", "outlet", ("die welt", "di velt")),
    ("Corriere della Sera", "outlet", ("corriere della sera", "korijere dela sera")),
    ("La Repubblica", "outlet", ("la repubblica", "repubblica")),
    ("El País", "outlet", ("el pais",)),
    ("Kommersant", "outlet", ("kommersant", "komersant")),
    ("Izvestia", "outlet", ("izvestia", "izvestija")),
    ("Hürriyet", "outlet", ("hurriyet", "hurijet")),
    ("Sabah", "outlet", ("sabah",)),
    ("Haaretz", "outlet", ("haaretz", "harec")),
    ("Newsweek", "outlet", ("newsweek", "njuzvik")),
    ("Time", "outlet", ("time magazine",)),
    ("The Economist", "outlet", ("economist", "ekonomist")),
    ("Foreign Policy", "outlet", ("foreign policy",)),
    ("Los Angeles Times", "outlet", ("los angeles times",)),
    ("USA Today", "outlet", ("usa today",)),
    ("Radio Free Europe/Radio Liberty", "outlet", ("radio liberty", "RFE/RL", "RFE")),
    ("SETimes", "outlet", ("setimes", "southeast european times", "jugoistocna evropa", "jugoistocna europa")),
    ("Getty Images", "agency", ("getty images", "geti imidzis", "getty")),
    ("Mediaite", "outlet", ("mediaite",)),
    ("Breitbart", "outlet", ("breitbart",)),
    ("BuzzFeed", "outlet", ("buzzfeed",)),
    ("CNBC", "outlet", ("CNBC",)),
    ("MSNBC", "outlet", ("MSNBC",)),
    ("ESPN", "outlet", ("ESPN",)),
    ("TMZ", "outlet", ("TMZ",)),
    ("Forbes", "outlet", ("forbes",)),
    ("HuffPost", "outlet", ("huffpost", "huffington post")),
    ("Yonhap", "agency", ("yonhap", "jonhap")),
    ("Kyodo", "agency", ("kyodo", "kjodo")),
    ("KCNA", "agency", ("KCNA",)),
    ("Antara", "agency", ("antara",)),
    ("Die Zeit", "outlet", ("die zeit", "cajt")),
    ("Daily Mail", "outlet", ("daily mail", "dejli mejl")),
    ("Variety", "outlet", ("variety",)),
    ("Washington Examiner", "outlet", ("washington examiner",)),
]

# Media named by a common word ("danas" = today, "politika" = politics, "vreme" = time): a name only
# with evidence, that is, a capital letter (the sentence's first word needs a cue or a medium word).
AMBIGUOUS_ALIASES = frozenset({"danas", "blic", "vijesti", "kurir", "nova", "vreme", "politika", "politike",
                               "politici", "beta", "bete", "beti", "srna", "dan", "novosti", "pink", "prva",
                               "telegraf", "informer", "mondo", "insajder", "patria", "pobjeda", "pobjede",
                               "pobjedi", "sabah", "independent", "economist", "ekonomist", "jutarnji", "zurnal",
                               "detektor", "istinomer", "nedeljnik", "sputnik", "tajms", "bild", "variety"})

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
    joined = " ".join(words)
    # every test below wants the alias's key at the start of a word (after opening punctuation): keys
    # found inside words ("the" of "other", "dan" of "godina") name nothing and are not tested
    present = {entry for end, (length, entries) in _alias_automaton().iter(joined)
               if _starts_word(joined, end - length + 1) for entry in entries}
    for entry in sorted(present):
        canonical, kind, aliases = REGISTRY[entry]
        for alias in aliases:
            if _is_short_alias(alias):
                if any(w.strip(_WORD_PUNCTUATION) in (alias, alias.upper()) and w.strip(_WORD_PUNCTUATION).isupper()
                       or w.strip(_WORD_PUNCTUATION) == alias for w in raw_words if w[:1].isupper()):
                    yield canonical, kind
                    break
                continue
            if alias in AMBIGUOUS_ALIASES:
                if _ambiguous_named(alias, words, raw_words):
                    yield canonical, kind
                    break
                continue
            if _words_match(alias.split(), words, raw_words):
                yield canonical, kind
                break


def _ambiguous_named(alias: str, words: list[str], raw_words: list[str]) -> bool:
    """A common-word name ("Danas", "Politika") with evidence: a capital letter, and either not the
    text's first word or a text that is nothing but the name and medium words ("list Danas")."""
    media_words = _media_word_parts()
    for position, (word, raw) in enumerate(zip(words, raw_words)):
        if not (raw[:1].isupper() and _inflected(alias, word.strip(_WORD_PUNCTUATION))):
            continue
        others = [w.strip(_WORD_PUNCTUATION) for k, w in enumerate(words) if k != position]
        if position > 0 or all(w in media_words for w in others):
            return True
    return False


@lru_cache(maxsize=1)
def _media_word_parts() -> frozenset[str]:
    from .attribution_cues import words as cue_words

    return frozenset(part for w in cue_words("media_words") for part in fold(w).split()) | {"the"}


def _is_short_alias(alias: str) -> bool:
    """AA, N1, RTS: matched as whole capitalised words, never by inflection."""
    return len(alias) <= 3 or alias.isupper()


@lru_cache(maxsize=1)
def _alias_automaton():
    """One Aho-Corasick automaton over what every alias must leave at the start of a word of the folded
    text: a short alias itself, a long one the longest of its words' stems ('anadolij' of 'anadolija',
    'welt' of 'die welt': the word tests below allow endings only after a stem, and after a stem shorter
    than three letters none). One pass over a text finds the few media worth testing."""
    import ahocorasick

    keys: dict[str, set[int]] = {}
    for entry, (_canonical, _kind, aliases) in enumerate(REGISTRY):
        for alias in aliases:
            key = alias.lower() if _is_short_alias(alias) else max(map(_required_start, alias.split()), key=len)
            keys.setdefault(key, set()).add(entry)
    automaton = ahocorasick.Automaton()
    for key, entries in keys.items():
        automaton.add_word(key, (len(key), tuple(sorted(entries))))
    automaton.make_automaton()
    return automaton


def _required_start(alias_word: str) -> str:
    """What every word that ``_inflected`` accepts for ``alias_word`` starts with."""
    stem = alias_word[:-1] if alias_word[-1] in "aeiou" else alias_word
    return stem if len(stem) >= 3 else alias_word


def _starts_word(joined: str, start: int) -> bool:
    """Does position ``start`` of the space-joined words open a word, once its punctuation is stripped?"""
    before = joined[:start].rpartition(" ")[2]
    return all(ch in _WORD_PUNCTUATION for ch in before)


def _words_match(alias: list[str], words: list[str], raw_words: list[str]) -> bool:
    initial = alias[0][:1]
    for start in range(len(words) - len(alias) + 1):
        if words[start].lstrip(_WORD_PUNCTUATION)[:1] != initial:
            continue  # a quick no before the inflection test
        if (raw_words[start].lstrip(_WORD_PUNCTUATION)[:1].islower() and "." not in alias[0]
                and (words[start].strip(_WORD_PUNCTUATION) != alias[0] or len(alias) > 1 and alias[0] not in ("the", "al"))):
            continue  # a name has its capital: "političke" is not Politico, "dnevnom listu" not Dnevni list
        if all(_inflected(a, w.strip(_WORD_PUNCTUATION)) for a, w in zip(alias, words[start:start + len(alias)])):
            return True
    return False


def _inflected(alias_word: str, word: str) -> bool:
    """'bloomberga' is 'bloomberg', 'anadolije' is 'anadolija', 'tanjuga' is 'tanjug'."""
    if word == alias_word:
        return True
    if "." in word and "." not in alias_word:
        return False  # "nova.rs" is not "nova"
    if word.startswith(alias_word) and len(word) - len(alias_word) <= 3 and "." not in alias_word:
        return True
    stem = alias_word[:-1] if alias_word[-1] in "aeiou" else alias_word
    if len(stem) >= 4:
        return word.startswith(stem) and len(word) - len(stem) <= 3
    return len(stem) == 3 and word.startswith(stem) and word[3:] in ("a", "e", "i", "u", "om", "oj")  # Betu, Fenom

"""Attributions: who is said to have reported or said what, in English and Serbian/Bosnian/Croatian.

Each sentence is matched against cue patterns (``according to X``, ``as reported by X``,
``X reported``, ``reports X``, ``citing X``; ``prema pisanju X``, ``kako prenosi X``,
``javlja X``, ``navodi X``, ``pozivajući se na X``, ``izjavio je X`` …), bylines
(``Written by …``, ``Piše: …``, ``Autor: …``), agency datelines (``BEOGRAD, 27. novembra
(Tanjug) –``) and non-sources (``declined to comment``, ``nije odgovorio``). Cyrillic is read
through a Latin transliteration with an offset map, so every span points into the original
text. Each attribution keeps its evidence: sentence, cue, source span and content span.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass

from .attribution_cues import SOUTH_SLAVIC, alternation, words as cue_words
from .script import fold

# --- registry of media --------------------------------------------------------------------------

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
_MEDIA_WORD_ALTERNATION = alternation("media_words")

_ANONYMOUS = re.compile(
    r"\b(sources?|izvor\w*|official who|officials who|people familiar|person familiar|neimenovan\w*|"
    r"anonymous|anonimn\w*|sagovornik\w*|people with (?:direct )?knowledge|people briefed|"
    r"(?:two|three|four|five|six|several|some|many|\d+) (?:people|persons|individuals|current|former|senior)|"
    r"nesluzben\w* informacij\w*|nezvanicn\w* informacij\w*|unofficial information)\b",
    re.I)
_OFFICIAL = re.compile(
    r"\b(ministry|ministarstv\w*|minister\w*|government|vlad[aeiu]\b|vlade|white house|bela kuca|bijela kuca|"
    r"bel[eo]j kuc\w*|bijel[eo]j kuc\w*|state department|stejt department\w*|police|policij\w*|mup\w*|office|kabinet\w*|"
    r"ured\w*|court|sud\b|suda\b|tuzilast\w*|tuzitelj\w*|tuziocu|prosecutor\w*|parliament|skupstin\w*|sabor\w*|"
    r"council|vijec\w*|savet\w*|zavod\w*|institute|uprav\w*|commission|komisij\w*|embassy|ambasad\w*|"
    r"veleposlanstv\w*|presidency|predsj?edni[sš]tv\w*|army|vojsk\w*|nato|kremlj\w*|kremlin|spokes\w*|"
    r"portparol\w*|glasnogovorni\w*|agencij\w* za|sindikat\w*|union\b|narodna banka|narodn\w* bank\w*|national bank|"
    r"central bank|centraln\w* bank\w*|military|militar\w*|assembly|authorities|investigators?)", re.I)
# Roles: "Finance Minister Siniša Mali", "portparol Kremlja Dmitrij Peskov" are people, not bodies.
_ROLE = re.compile(r"\b(spokes\w*|portparol\w*|glasnogovorni\w*|minister|ministar|ministark\w*|predsedni\w*|"
                   r"predsjedni\w*|president|premijer\w*|prime minister|guvern\w*|governor|direktor\w*|director|"
                   r"secretary|sekretar\w*|high representative|visoki predstavnik|ambasador\w*|ambassador|chief|sef\w*|"
                   r"gradonacelni\w*|mayor|chairman|ceo|member|clan\w*|lawmaker|senator|deputy|zastupni\w*|"
                   r"poslani\w*|dekan\w*|profesor\w*|analiti\w*|strucnja\w*|savjetni\w*|savetni\w*|koordinator\w*|"
                   r"komandant\w*|general|predstavni\w*|izvjestitelj\w*|izvestilac\w*|advisor|adviser|analyst|"
                   r"professor|veleposlani\w*|potpredsjedni\w*|potpredsedni\w*|zamjeni\w*|zameni\w*|kancelar\w*)\b",
                   re.I)
# Unnamed officials and diplomats are anonymous sources: "two U.S. officials", "francuske dužnosnike".
_UNNAMED = re.compile(r"\b(officials|diplomat\w*|duznosni\w*|zvanicni\w*|funkcioner\w*|insajder\w*|insiders?)\b|"
                      r"\bofficial$")  # "a senior EU official": an official without a name
_BYLINE_ROLE = re.compile(r"\b(our|nas|nasa|special|specijaln\w*|correspondent|dopisni\w*|reporter\w*|novinar\w*|"
                          r"autor\w*|urednik\w*|editor)\b", re.I)


@dataclass(frozen=True)
class Node:
    """A source in a chain: its key (for merging and comparing), name and type."""

    key: str
    name: str
    type: str  # agency, outlet, person, anonymous, official, unknown

    @property
    def is_media(self) -> bool:
        return self.type in MEDIA_TYPES


def lookup_media(text: str) -> tuple[str, str] | None:
    """(canonical name, type) of a known agency or outlet named in ``text``, if any."""
    return next(_media_named(text), None)


def media_in(text: str) -> set[str]:
    """Canonical names of every known agency or outlet named in ``text``."""
    return {canonical for canonical, _kind in _media_named(text)}


_WORD_PUNCTUATION = ".,;:()'\"’"


def _media_named(text: str):
    """(canonical, kind) of the registry's media named in ``text``, in registry order."""
    from .script import to_latin

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
            if alias in AMBIGUOUS_ALIASES:
                if _ambiguous_named(alias, words, raw_words):
                    yield canonical, kind
                    break
                continue
            if _words_match(alias.split(), words):
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
    if "." in word and "." not in alias_word:
        return False  # "nova.rs" is not "nova"
    if word.startswith(alias_word) and len(word) - len(alias_word) <= 3 and "." not in alias_word:
        return True
    stem = alias_word[:-1] if alias_word[-1] in "aeiou" else alias_word
    if len(stem) >= 4:
        return word.startswith(stem) and len(word) - len(stem) <= 3
    return len(stem) == 3 and word.startswith(stem) and word[3:] in ("a", "e", "i", "u", "om", "oj")  # Betu, Fenom


_TITLES = re.compile(r"^(the|a|an|our|its|his|her|their|nas|nasa|nase|mr|mrs|ms|dr|gospodin|gospodja|president|"
                     r"predsednik\w*|predsjednik\w*|premijer\w*|minister|ministar\w*|ministark\w*|spokesman|"
                     r"spokeswoman|portparol\w*|glasnogovorni\w*|direktor\w*|director|head|sef\w*)$")


def make_node(text: str, kind_hint: str | None = None) -> Node:
    """Type and key a source mention: documents and media in general, the registry, then anonymous,
    official, person."""
    clean = text.strip(" ,;:\"'„“”«»()")
    if clean.endswith(".") and not re.search(r"\b[A-ZА-Я]\.$", clean):
        clean = clean[:-1]  # keep the dot of an initial (D.I.), drop a full stop
    first = fold(clean).split()[:1]
    issuer = _ISSUED_BY.search(clean)
    if issuer and first and first[0] in _document_words() | {"news", "release", "poll", "records", "papers"}:
        return make_node(issuer.group(1))  # "a news release from the Newport Police Department": the police's
    if first and first[0] in _document_words() and kind_hint != "byline":
        from .script import to_latin

        issuer = _GENITIVE_ISSUER.match(to_latin(clean))
        if issuer:  # "podacima Agencije za statistiku BiH": the agency's figures, keyed as the agency
            node = make_node(issuer.group(1) or issuer.group(2))
            return Node(node.key, node.name, node.type)
        return Node("document:" + _name_key(fold(clean)), clean, "document")
    if fold(clean) in _generic_media():
        return Node("media", "media", "outlet")  # "mediji prenose": media in general
    media = lookup_media(text)
    if media:
        return Node(fold(media[0]), media[0], media[1])
    if kind_hint == "medium" or _media_headed(clean):  # an outlet the registry does not know: "portal Istraga", "B92"
        if kind_hint != "medium" or not (_ANONYMOUS.search(fold(clean)) or _OFFICIAL.search(fold(clean))
                                         or _ROLE.search(fold(clean))):
            return Node(fold(_MEDIA_PREFIX.sub("", clean)), _MEDIA_PREFIX.sub("", clean) or clean, "outlet")
    if kind_hint == "byline":
        return Node("byline:" + _name_key(_BYLINE_ROLE.sub(" ", fold(clean))), _byline_name(clean), "person")
    folded = fold(clean)
    words = clean.split()
    unnamed = _UNNAMED.search(folded) and not (len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]))
    if _ANONYMOUS.search(folded) or unnamed:
        return Node("anonymous", "anonymous sources", "anonymous")
    named = len(words) >= 3 and all(w[:1].isupper() for w in words[-2:]) and not _OFFICIAL.search(fold(" ".join(words[-2:])))
    if named and _ROLE.search(folded):
        return Node("person:" + _name_key(folded).split()[-1], clean, "person")
    if _OFFICIAL.search(folded):
        return Node("official:" + _official_key(clean), clean, "official")
    if any(w[:1].isupper() for w in clean.split()):
        # people are named in full once and by surname later, in any case: key on the surname
        return Node("person:" + _name_key(fold(clean)).split()[-1], clean, "person")
    return Node("unknown:" + _name_key(fold(clean)), clean, "unknown")


def _media_headed(name: str) -> bool:
    """"Guiyang Evening News", "The Hill", "ABC News": a capitalised name whose last word is a medium's."""
    words = name.replace("’", "'").split()
    return (len(words) >= 2 and all(w[:1].isupper() or w.lower() in ("the", "of") for w in words)
            and fold(words[-1]) in _media_heads())


@lru_cache(maxsize=1)
def _media_heads() -> frozenset[str]:
    return frozenset(fold(w) for w in cue_words("media_heads"))


@lru_cache(maxsize=1)
def _document_words() -> frozenset[str]:
    return frozenset(fold(w) for w in cue_words("documents") if " " not in w)


@lru_cache(maxsize=1)
def _generic_media() -> frozenset[str]:
    return frozenset(fold(w) for w in cue_words("generic_media"))


_GENITIVE_ISSUER = re.compile(r"^\S+\s+(?:(?-i:[a-zčćžšđ])\S*\s+){0,2}((?-i:[A-ZČĆŽŠĐ]).*)$|^\S+\s+((?:ministarstv|vlad|policij|"
                              r"vojsk|tužilaštv|tuzilastv|sud|ambasad|agencij|zavod|komisij|ured|kabinet|"
                              r"predsjedništv|predsedništv)\w*.*)$")
_ISSUED_BY = re.compile(r"\b(?:from|by|of)\s+(?:the\s+)?(.+)$")
_MEDIA_PREFIX = re.compile(rf"^{_MEDIA_WORD_ALTERNATION}\s+", re.I)


def _byline_name(text: str) -> str:
    name = _BYLINE_ROLE.sub(" ", text)
    name = re.sub(r"\b(Our|Naš|Naša|Наш|Наша|our|naš|naša)\b", " ", name)
    name = " ".join(name.split())
    return f"correspondent {name}" if re.search(r"correspondent|dopisni", text, re.I) else (name or text)


def _name_key(folded: str) -> str:
    """Words without titles and case endings: 'Aleksandra Vučića' and 'Aleksandar Vučić' share a key."""
    words = [w for w in re.findall(r"[a-z0-9]+", folded) if not _TITLES.match(w) and w not in _KEY_STOPWORDS]
    return " ".join(w[:5] for w in words) or folded


_KEY_STOPWORDS = {"of", "for", "and", "za", "i", "a", "u", "in", "na", "iz"}


def _official_key(name: str) -> str:
    """A body's key: its first two words after any nationality ('Croatian police' = 'police'), cut to
    four letters so that case endings agree ('Narodne banke Srbije' = 'Narodna banka Srbije')."""
    from .anchors import canonical_keys

    words = _name_key(fold(name)).split()
    original = re.findall(r"[^\W\d_]+", name)
    while len(words) > 1 and original and canonical_keys(original[0].capitalize()) and fold(original[0])[:5] == words[0]:
        words, original = words[1:], original[1:]
    return " ".join(w[:4] for w in words[:2])


def node_key(name: str) -> str:
    """The key a gold annotation's node name gets (for comparing edges)."""
    lowered = name.lower()
    if lowered.startswith(("correspondent ", "byline ")) or lowered.startswith("byline:"):
        return make_node(name.split(" ", 1)[1] if " " in name else name, "byline").key
    return make_node(name).key


# --- attributions ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Evidence:
    document: str
    sentence_index: int
    sentence: str
    cue: str
    cue_span: tuple[int, int]  # offsets in the document
    source_text: str
    source_span: tuple[int, int]
    content_span: tuple[int, int] | None


@dataclass(frozen=True)
class Attribution:
    node: Node
    kind: str  # according_to, relay, reported, citing, statement, told, byline, dateline, non_source
    evidence: Evidence
    clause: int = 0  # which clause of its sentence: ", a kako piše Blic" opens a second, parallel report


_TOKEN = r"(?:[^\s,.;:!?()\"„“”«»–—]|\.(?=\w)|(?<=\b[A-Z])\.(?!\w))+"  # keeps nova.rs, U.S., D.I.
# (the last two alternatives never both match one dot: either would do, and 30 initials took 2^30 tries)
# Words that end a source's name; "soft" ones may also sit inside it (Ministry *of* Finance,
# Zavod *za* statistiku) when a name goes on after them.
_SOFT = r"of|for|za|the|de"
_HARD = (r"that|who|which|whose|where|when|while|on|in|at|as|and|but|to|from|after|with|about|over|"
         r"da|koji|koja|koje|kojeg|kojem|koju|kojima|u|na|kao|i|a|ali|ni|nor|o|od|sa|s|iz|nakon|prema|kako|"
         r"citing|quoting|pozivajuci|pozivajući|saying|je|su|is|was|were|has|have|had|reported|said|told|"
         r"says|reports|javlja|prenosi|navodi|pise|piše|" + alternation("verbs"))
_STOP = _HARD + "|" + _SOFT
_WORD_END = r"(?=[\s,;:]|$)"  # a stop word is a whole word: "u" stops, "U.S." does not
SRC = (rf"(?:(?:a|an|the)\s+)?(?P<src>(?!(?:{_HARD}){_WORD_END}){_TOKEN}"
       rf"(?:\s+(?:(?:{_SOFT})\s+)?(?!(?:{_HARD}){_WORD_END}){_TOKEN}){{0,7}}?)")
_END = r"(?=\s*(?:[,.;:!?()\"„“”«»–—]|$)|\s+(?:" + _HARD + r")" + _WORD_END + ")"
_DOCUMENT = (r"(?:(?:a|an|the)\s+)?(?:statement|report|letter|post|data|figures|estimates?|memo)\s+(?:from|by|of)\s+"
             r"(?:the\s+)?")

# The cue tables' phrases (attribution_cues), and the noun phrases they govern.
_DOCUMENTS = alternation("documents")
_IMPERSONAL = alternation("impersonal", SOUTH_SLAVIC)
_RECEIVER_VERBS = alternation("receiver_verbs", SOUTH_SLAVIC)
_MEDIA_WORD = _MEDIA_WORD_ALTERNATION
_NAME_WORD = r"(?-i:[A-ZČĆŽŠĐ0-9])[\w.'’&/-]*"  # a capital even though the patterns ignore case
_DOMAIN = r"[\w-]+\.(?:rs|ba|hr|me|com|net|info|org|mk|si)\b"
# a medium as a name: "N1", "Radio Slobodna Evropa", "dnevnik Politika", "televiziju Al Jazeera", "klix.ba"
MEDIUM_NP = (rf"(?P<src>(?:{_MEDIA_WORD}\s+)?(?:{_DOMAIN}|{_NAME_WORD})(?:\s+(?:(?-i:[A-ZČĆŽŠĐ])[\w.'’&/-]*|"
             rf"(?:Balkans|Europe|Evropa|Europa|Amerike|Srbije|Hrvatske|BiH|Crne Gore)\b)){{0,4}})")
# a document and whose it is: "saopštenju Ministarstva unutrašnjih poslova", "izvješću Europske komisije"
_DOC_MODIFIER = r"(?:(?:svom|svome|svojem|svojoj|današnjem|današnjoj|jučerašnjem|najnovijem|novom|zvaničnom|" \
                r"službenom|godišnjem|ovom|tom|tom|istom|pisanom|zajedničkom)\s+)?"
DOC_SRC = (rf"(?P<src>{_DOCUMENTS}(?:\s+(?:(?:{_SOFT})\s+)?(?!(?:{_HARD}){_WORD_END}){_TOKEN}){{0,6}}?)")
_DOC_END = r"(?=\s*(?:[,.;:!?()\"„“”«»–—]|$)|\s+(?:" + _HARD + r")" + _WORD_END + ")"

# between a speech verb and its speaker: time phrases, a place, the medium told ("izjavio je u ponedjeljak
# (4. travnja) za SETimes potpredsjednik vlade ...")
_AFTER_VERB = (r"(?:(?:juče|jučer|danas|sinoć|jutros|večeras|ranije|takođe|također|prošle\s+\w+|prošlog\s+\w+|"
               r"(?:u|na|tokom|tijekom|nakon|posle|poslije|pred)\s+[\w-]+|\(\d[^()]{0,24}\)|"
               rf"za\s+{_NAME_WORD}(?=\s+{_NAME_WORD}))\s+){{0,3}}")
# a clause opens at the start, after a comma or dash, or after a closing quote ('…," said X', '«…» rekao je X')
_CLAUSE_OPEN = r"(?:^|[,–—][\"”“»«']?\s*|[\"”“»«]\s*)"

# Patterns on the Latin view of a sentence; "src" is the source, the whole match is the cue.
_FORWARD = [  # cue, then the source
    # documents: "navodi se u saopštenju X", "piše u priopćenju", "U izvještaju se navodi", "prema saopštenju X"
    ("document", rf"\b{_IMPERSONAL}\s+u\s+{_DOC_MODIFIER}{DOC_SRC}{_DOC_END}"),
    ("document", rf"\bu\s+{_DOC_MODIFIER}{DOC_SRC}(?=,?\s+(?:{_IMPERSONAL}|je\s+\w+n[oa]\b|su\s+\w+li\b))"),
    ("document", rf"\bprema\s+{_DOC_MODIFIER}{DOC_SRC}{_DOC_END}"),
    ("document", rf"\baccording to (?:the |a |an |its |their )?(?P<src>(?:\w+ )?{alternation('documents', ('en',))})"
                 rf"(?=\s*(?:[,.;:!?()]|$))"),
    # who issued the document: "u saopštenju koje je objavio Stejt department", "anketama koje je provela agencija X"
    ("issuer", rf"\b{_DOCUMENTS}(?:\s+[\w-]+){{0,3}}?\s+(?:koje|koji|koju|kojeg|koja|kojem|što|sto)\s+(?:je|su)\s+"
               rf"(?:[\w-]+\s+){{0,3}}?(?:objavi|izda|izdade|sprove|sprovede|prove|provede|sačini|sastavi|uputi|dostavi|"
               rf"podni|podnije|podne|potpisa|usvoji|napisa|pripremi)(?:o|la|lo|li|le)\s+{SRC}{_END}"),
    # the medium that received a statement: "izjavio je za N1", "u intervjuu za dnevnik Politika", "je za RTS rekao"
    ("told_medium", rf"\b{alternation('receiver_frames')}\s+{MEDIUM_NP}"),
    ("told_medium", rf"\b{_RECEIVER_VERBS}\s+(?:je\s+|su\s+)?(?:(?:danas|juče|jučer|sinoć|ranije|večeras|jutros|on|ona|"
                    rf"oni|one|ono)\s+)?"
             rf"za\s+{MEDIUM_NP}"),
    ("told_medium", rf"\b(?:je|su)\s+za\s+{MEDIUM_NP}\s+{_RECEIVER_VERBS}"),
    ("told_medium", rf"\b{_RECEIVER_VERBS}\s+(?:je\s+)?(?P<src>{_NAME_WORD})(?=\s+(?-i:[a-zčćžšđ]))"),  # "Reutersu"
    ("told_medium", rf"\bza\s+{MEDIUM_NP}(?=\s*(?:[.;!?]|$))"),  # "rekao je Čotrić za SETimes."
    ("told_medium", rf"\b{_RECEIVER_VERBS}\s+(?:je\s+)?(?:\w+\s+)?(?P<src>(?:novinsk\w+\s+)?{_MEDIA_WORD}\s+{_NAME_WORD}"
                    rf"(?:\s+{_NAME_WORD}){{0,3}})"),  # "izjavio je on novinskoj agenciji FENA"
    ("statement", rf"\bkako\s+(?:je\s+|su\s+)?(?:{alternation('speech_participles')}|{alternation('speech_verbs', SOUTH_SLAVIC)})"
                  rf"\s+{SRC}{_END}"),
    ("statement", r"^(?P<src>(?-i:[A-ZČĆŽŠĐ])[\w'’-]+(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w'’-]+){0,2}):\s+(?=(?-i:[A-ZČĆŽŠĐ„\"“]))"),
    # "prema izvorima Oslobođenja", "izvori bliski Vladi, navodi N1": unnamed sources of a named medium
    ("according_to", r"\bprema\s+(?P<src>izvorima)\s+(?=(?-i:[A-ZČĆŽŠĐ]))"),
    ("relay_medium", rf"\bprema\s+izvorima\s+{MEDIUM_NP}"),
    # passives from a body: "saopćeno je iz Ministarstva", "ističu iz stranke"
    ("statement", rf"\b{alternation('passive_from')}\s+{SRC}{_END}"),
    # ", izvijestila je televizija Al Jazeera", ", a prenosi Beta", "piše list Guardian"
    ("reported_medium", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+|kako\s+)?{alternation('relay_verbs', SOUTH_SLAVIC)}\s+{SRC}{_END}"),
    # '"…", izjavio je u srijedu za SETimes specijalni predstavnik EU Erwan Fouéré': the speaker after the verb
    ("reported", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+)?{alternation('speech_verbs', SOUTH_SLAVIC)}\s+{_AFTER_VERB}{SRC}{_END}"),
    ("according_to", rf"\baccording to (?:the |a |an )?(?P<src>(?:[\w-]+\s+){{0,2}}?(?:news release|release|poll|survey|"
                     rf"study|analysis|filing|records|papers|documents|indictment|complaint)\s+(?:from|by|of|filed at|"
                     rf"filed in)\s+{SRC.replace('(?P<src>', '(?:')}){_END}"),
    ("according_to", rf"\baccording to {_DOCUMENT}{SRC}{_END}"),
    ("according_to", rf"\baccording to {SRC}{_END}"),
    ("relay", rf"\bas (?:first |originally )?(?:reported|quoted|cited|published) (?:by|in) {SRC}{_END}"),
    ("relay", rf"\bas {SRC} (?:reported|reports|wrote|writes){_END}"),
    ("relay", rf"\b(?:later|then|subsequently) (?:confirmed|reported|picked up|cited) by {SRC}{_END}"),
    ("relay", rf"\b(?:first|originally) (?:reported|published) (?:by|in) {SRC}{_END}"),
    ("citing", rf"\b(?:citing|quoting) {_DOCUMENT}{SRC}{_END}"),
    ("citing", rf"\b(?:citing|quoting) {SRC}{_END}"),
    ("citing", rf"\b(?:which|who|that) (?:cited|quoted|cites|quotes) {SRC}{_END}"),  # "Politico, which cited two diplomats"
    ("reported", rf"(?:^|[,–—]\s*)(?:reports|reported|writes|wrote)\s+{SRC}{_END}"),
    # "..., said Reuters." but not "..., said ministers had been warned": the source ends the clause
    ("reported", rf"(?:^|[,–—]\s*)(?:said|says|say|added|adds)\s+(?=(?:\S+\s+){{0,3}}\S+\s*(?:[,.;:!?()\"„“”«»–—]|$))"
                 rf"{SRC}(?=\s*(?:[,.;:!?()\"„“”«»–—]|$))"),
    ("statement", rf"\b(?:reported|announced|released|published|compiled|confirmed|described) by {SRC}{_END}"),
    ("told_medium", rf"\btold\s+{SRC}{_END}"),  # "told CNN", not "told world leaders" (an audience)
    ("told", rf"\bin an interview (?:with|for) {SRC}{_END}"),
    ("told", rf"\b(?:speaking|talking) (?:to|with) {SRC}{_END}"),
    ("told_medium", rf"\b(?:rekao|rekla|rekli|izjavio|izjavila|izjavili|kazao|kazala|potvrdio|potvrdila) (?:je |su )?za {SRC}{_END}"),
    ("told_medium", rf"\bu (?:intervjuu|razgovoru|izjavi) za {SRC}{_END}"),
    ("according_to", rf"\bprema (?:pisanju|navodima|recima|rečima|rijecima|riječima|izvestaju|izveštaju|izvjestaju|izvještaju|"
                     rf"izvjescu|izvješću|podacima|informacijama|saznanjima|tvrdnjama|procenama|procjenama|"
                     rf"analizi|istrazivanju|istraživanju) {SRC}{_END}"),
    ("according_to_named", rf"\bprema {SRC}{_END}"),  # "prema Bloombergu": only before a capital
    ("relay", rf"\bkako (?:to )?(?:prenosi|prenose|pise|piše|pisu|pišu|javlja|javljaju|navodi|navode|izvestava|"
              rf"saznaje|saznaju|doznaje|doznaju|"
              rf"izveštava|izvjestava|izvještava|je (?:objavio|objavila|objavilo|preneo|prenela|prenelo|prenio|"
              rf"prenijela|prenijelo|javio|javila|javilo|pisao|pisala|pisalo|naveo|navela|navelo|saopstio|saopštio|"
              rf"saopcio|saopćio|saopstila|saopštila|saopcila|saopćila|priopcio|priopćio|priopcila|priopćila)) {SRC}{_END}"),
    ("citing", rf"\b(?:koji|koja|koje|sto|što) se (?:poziva|pozivaju|pozivao|pozivala) na {SRC}{_END}"),
    ("citing", rf"\b(?:pozivajuci|pozivajući) se na (?:pisanje |navode |izvestaj |izveštaj |izvjestaj |izvještaj |"
               rf"izjavu |saopstenje |saopštenje |saopcenje |saopćenje |priopcenje |priopćenje |podatke )?{SRC}{_END}"),
    ("citing", rf"\b(?:citirajuci|citirajući|citira|citiraju|citirao je|citirala je) {SRC}{_END}"),
    # "kako saznaje N1 od izvora iz Vlade", "Klix.ba saznaje od neimenovanih izvora": whom the medium learned from
    ("citing", r"\b(?:saznaje|saznaju|doznaje|doznaju|saznajemo|doznajemo|saznao je|saznala je|saznalo je|doznao je|"
               r"doznala je|doznalo je)\b[^,.;]{0,40}?\bod (?P<src>(?:\w+ ){0,2}?izvor\w*(?: (?:iz|u|bliskih|bliske|"
               r"bliskim) \w+)?)"),
    ("reported", rf"(?:^|[,–—]\s*)(?:prenosi|prenose|javlja|javljaju|navodi|navode|pise|piše|pisu|pišu|izvestava|"
                 rf"izveštava|izvjestava|izvještava|izvjescuje|izvješćuje|saopstio je|saopštio je|saopcio je|saopćio je|"
                 rf"priopcio je|priopćio je|saopstila je|saopštila je|saopcila je|saopćila je|priopcila je|priopćila je|"
                 rf"saopsteno je iz|saopšteno je iz|saopceno je iz|saopćeno je iz|priopceno je iz|priopćeno je iz|"
                 rf"objavio je|objavila je|objavilo je|rekao je|rekla je|izjavio je|izjavila je|kazao je|kazala je|"
                 rf"ocenio je|ocijenio je|dodao je|dodala je|naveo je|navela je|naveli su|rekli su|kazali su|"
                 rf"tvrde|tvrdi|kazu|kažu|kaze|kaže)\s+{SRC}{_END}"),
]
_BACKWARD = re.compile(  # the source before the verb: "Tanjug reported", "Vučić je izjavio", "one source said"
    r"\b(?P<verb>reported|reports|said|says|say|told|wrote|writes|announced|confirmed|stated|quoted|cited|"
    r"(?:je |su )?(?:prenela|preneo|prenelo|prenio|prenijela|prenosi|prenose|javio|javila|javilo|javlja|javljaju|"
    r"objavio|objavila|objavilo|objavili|pisao|pisala|pise|piše|izvestio|izvestila|izvijestio|izvijestila|izvjestava|"
    r"izvještava|izvestava|izveštava|saopstio|saopštio|saopstila|saopštila|saopstilo|saopštilo|saopcio|saopćio|"
    r"saopcila|saopćila|saopcilo|saopćilo|priopcio|priopćio|priopcila|priopćila|priopcilo|priopćilo|izjavio|izjavila|"
    r"izjavili|rekao|rekla|rekli|kazao|kazala|navodi|navode|naveo|navela|navelo|tvrdi|tvrde|ocenio|ocijenio|"
    r"citira|citiraju|potvrdio|potvrdila|potvrdilo|najavio|najavila|upozorio|upozorila|upozorilo|warned|"
    r"saznaje|saznaju|doznaje|doznaju)(?: je| su)?)\b")
_NON_SOURCE = [
    re.compile(rf"(?:^|,\s*(?:and|but|while|a|ali|dok)?\s*){SRC}\s+(?:has |have |had )?(?:declined|refused) to comment"),
    re.compile(rf"(?:^|,\s*(?:and|but|while|a|ali|dok)?\s*){SRC}\s+(?:did not|didn't|has not|have not|had not|could not|"
               rf"couldn't)(?: immediately)?(?: be reached| respond| reply| return| comment)"),
    re.compile(rf"\bneither (?:the )?{SRC}\s+nor\b"),
    re.compile(rf"\bnor (?:the )?{SRC}\s+(?:immediately )?(?:responded|replied|commented)"),
    re.compile(rf"(?:^|,\s*(?:a|ali|dok|i)?\s*){SRC}\s+(?:je |su )?(?:odbio|odbila|odbilo|odbili|odbile|odbijaju|odbija)"
               rf"(?: je| su)? (?:da komentari|komentar|da odgovor)"),
    re.compile(rf"(?:^|,\s*(?:a|ali|dok|i)?\s*){SRC}\s+(?:nije|nisu|nisu se|se nije)(?: odmah)? (?:odgovorio|odgovorila|"
               rf"odgovorilo|odgovorili|odgovorile|oglasio|oglasila|oglasilo|oglasili|zeleo|želeo|zelio|želio|zelela|"
               rf"želela|zeljela|željela|hteo|htio|htela|htjela|bio dostupan|bila dostupna|bilo dostupno)"),
    re.compile(rf"\bni (?:iz )?{SRC}\s+ni\b"),
    re.compile(rf"\bni (?:iz )?{SRC}\s+(?:nisu|nije)(?: odmah)? (?:odgovor|oglas)"),
]
_BYLINE = re.compile(r"^(?P<cue>written by|reporting by|text by|by|piše|pise|pišu|pisu|autor|autorka|autorica|tekst|"
                     r"priredio|priredila|приредио)\s*:?\s+(?P<src>[^.]{1,60}?\.?(?:[A-ZČĆŽŠĐ]\.)*)\s*$", re.I)
_DATELINE = re.compile(r"^(?P<place>[A-ZČĆŽŠĐ][A-ZČĆŽŠĐ .-]{2,30}),?[^()\n]{0,40}\((?P<src>[^)]{1,30})\)\s*[-–—]")
# "this agency", "the paper", "list" (the daily): a medium named earlier in the text
_ANAPHORA = re.compile(r"^(?:the |this |that |ove |te |tog |ovog |ovaj |taj |ista |iste |istog )?(?:agency|agencij\w*|"
                       r"paper|newspaper|daily|outlet|broadcaster|list\w*|dnevni\w*|portal\w*|televizij\w*)$|"
                       r"^(?:the |this |that |ovi |ti |ove |te |isti |iste )(?:media|medij\w*)$")  # "mediji": in general


def extract_attributions(text: str, sentences, document: str) -> tuple[list[Attribution], list[Attribution]]:
    """(attributions, non-sources) found in ``text`` split into ``sentences`` (segment.Sentence)."""
    latin, offsets = latin_view(text)
    found: list[Attribution] = []
    non_sources: list[Attribution] = []
    last_media: Node | None = None
    for index, sentence in enumerate(sentences):
        base = _latin_position(offsets, sentence.start)
        view = latin[base:_latin_position(offsets, sentence.end)]
        context = _Context(text, latin, offsets, base, index, sentence, document)
        non = _non_sources(view, context)
        non_sources += non
        taken = [a.evidence.source_span for a in non]
        for attribution in _sentence_attributions(view, context, is_last=index == len(sentences) - 1,
                                                  is_first=index == 0):
            if any(_overlaps(attribution.evidence.source_span, span) for span in taken):
                continue
            if _ANAPHORA.match(fold(attribution.evidence.source_text)):
                if last_media is None:
                    continue
                attribution = Attribution(last_media, attribution.kind, attribution.evidence)
            found.append(attribution)
            taken.append(attribution.evidence.source_span)
            if attribution.node.is_media:
                last_media = attribution.node
    return found, non_sources


def latin_view(text: str) -> tuple[str, list[int]]:
    """Text with Cyrillic transliterated, and for each of its characters the offset in ``text``."""
    from .script import to_latin

    chars: list[str] = []
    offsets: list[int] = []
    for position, ch in enumerate(text):
        latin = to_latin(ch)
        chars.append(latin)
        offsets.extend([position] * len(latin))
    offsets.append(len(text))
    return "".join(chars), offsets


def _latin_position(offsets: list[int], original_position: int) -> int:
    """Latin-view position of an original offset (the first Latin character it became)."""
    return bisect.bisect_left(offsets, original_position)


@dataclass
class _Context:
    text: str
    latin: str
    offsets: list[int]
    base: int  # latin offset of the sentence start
    index: int
    sentence: object
    document: str

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of a span of the sentence's Latin view."""
        first = self.offsets[self.base + start]
        return (first, self.offsets[self.base + end - 1] + 1) if end > start else (first, first)

    def evidence(self, cue_span, src_span, content_span) -> Evidence:
        cs = self.original_span(*cue_span)
        ss = self.original_span(*src_span)
        content = self.original_span(*content_span) if content_span and content_span[1] > content_span[0] else None
        return Evidence(self.document, self.index, self.sentence.text, self.text[cs[0]:cs[1]], cs,
                        self.text[ss[0]:ss[1]], ss, content)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_attributions(view: str, ctx: _Context, is_first: bool, is_last: bool) -> list[Attribution]:
    results: list[Attribution] = []
    byline = _BYLINE.match(view)
    if byline and len(view.split()) <= 10 and (is_last or is_first):
        return [_attribution("byline", byline.span("cue"), byline.span("src"), None, ctx)]
    dateline = _DATELINE.match(view)
    if dateline and lookup_media(dateline.group("src")):
        results.append(_attribution("dateline", dateline.span(), dateline.span("src"), (dateline.end(), len(view)), ctx))
    results += _credit_line(view, ctx)
    for kind, pattern in _FORWARD_COMPILED:
        for match in pattern.finditer(view):
            src_span = _trim(view, match.span("src"))
            if src_span is None:
                continue
            source_text = fold(view[src_span[0]:src_span[1]])
            if (kind in ("told", "reported") and _AUDIENCE.match(source_text)
                    and not (kind == "reported" and source_text in _generic_media())):
                continue  # "told reporters": the people spoken to, not a source
            if kind == "according_to_named" and not (view[src_span[0]].isupper() and _can_be_according_to(
                    view[src_span[0]:src_span[1]])):
                continue  # "prema Bruxellesu" (towards Brussels) is no "according to"
            if kind in ("told_medium", "relay_medium") and not _names_medium(view[src_span[0]:src_span[1]]):
                continue  # "rekao je za Vučića": said about someone, not to a medium
            if kind in ("told_medium", "relay_medium"):
                src_span = _known_medium_prefix(view, src_span)  # "za SETimes Erica Avrami": SETimes
            if kind == "reported" and not _MEDIA_VERB.search(match.group()):
                src_span = _to_closing_name(view, src_span)
                second = _SECOND_SPEAKER.match(view, src_span[1])
                if second and _trim(view, second.span(1)):  # "..., zaključili su X i Y."
                    results.append(_attribution("reported", match.span(), _trim(view, second.span(1)),
                                                (0, match.start()), ctx))
            content = (0, match.start()) if match.start() > len(view) / 2 else (match.end(), len(view))
            medium = kind in ("told_medium", "relay_medium") or ((kind == "reported_medium" or kind == "reported"
                                                 and _MEDIA_VERB.search(match.group()))
                                                and not _looks_like_a_person(view[src_span[0]:src_span[1]]))
            results.append(_attribution(kind.replace("_named", "").replace("_medium", ""), match.span(), src_span,
                                        content, ctx, "medium" if medium else None))
    for match in [*_BACKWARD.finditer(view), *_BACKWARD_SPEECH.finditer(view)]:
        if (_PASSIVE_BEFORE.search(view[:match.start()]) or _BY_AFTER.match(view[match.end():])
                or _REFLEXIVE_AFTER.match(view[match.end():])):  # "smatra se", "kaže se u anketi": impersonal
            continue  # "people were reported trapped", "reported by Nielsen": no subject speaks
        if _AFTER_QUOTE.search(view[:match.start()]) or _inside_quote(view, match.start()):
            continue  # '"…", izjavio je X': the speaker follows; a verb inside a quotation is not the report
        src_span = _subject_before(view, match.start())
        if src_span is None:
            continue
        content = (match.end(), len(view))
        medium = ("medium" if _MEDIA_VERB.fullmatch(match.group().strip())
                  and not _looks_like_a_person(view[src_span[0]:src_span[1]]) else None)
        results.append(_attribution("statement", match.span(), src_span, content, ctx, medium))
    return _dedupe(results)


_AFTER_QUOTE = re.compile(r"[\"”“»«]\s*,?\s*$|,\s*[\"”“»«]\s*$")


def _inside_quote(view: str, position: int) -> bool:
    before = view[:position]
    if before.count('"') % 2:
        last = before.rfind('"')
        return not (last > 0 and before[last - 1] in ",.!?…")  # a quote opened in an earlier sentence closes here
    last_open = max(before.rfind("„"), before.rfind("«"))
    if last_open >= 0:
        return last_open > max(before.rfind("“"), before.rfind("”"), before.rfind("»"))
    return before.count("“") > before.count("”")


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+$", re.I)
_BY_AFTER = re.compile(r"\s+by\b", re.I)
_REFLEXIVE_AFTER = re.compile(r"\s+se\b", re.I)


def _can_be_according_to(name: str) -> bool:
    """"prema Bloombergu", "prema Vladi", "prema Marku Markoviću"; not a lone place ("prema Bruxellesu")."""
    return bool(lookup_media(name) or _media_headed(name) or _OFFICIAL.search(fold(name)) or len(name.split()) >= 2)

def _looks_like_a_person(name: str) -> bool:
    """"Mike Organ" (a reporter; "izvijestio je Mike Organ"): two or three capitalised words, no medium's."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not _media_headed(name) \
        and not lookup_media(name)


# verbs that only media use of what they publish: their subject or object is a medium
_MEDIA_VERB = re.compile(r"\b(?:reported|reports|wrote|writes|prenosi|prenose|javlja|javljaju|izvještava|izveštava|"
                         r"izvjestava|izvestava|izvješćuje|izvijestila je|izvijestio je|izvestila je|izvestio je|"
                         r"objavila je|objavio je|objavilo je|pise|piše|pisu|pišu)\b", re.I)
_BACKWARD_SPEECH = re.compile(rf"(?<![\w-])(?:{alternation('speech_verbs')}|{alternation('speech_participles')})(?![\w-])",
                              re.I)


def _attribution(kind, cue_span, src_span, content_span, ctx: _Context, hint: str | None = None) -> Attribution:
    evidence = ctx.evidence(cue_span, src_span, content_span)
    node = make_node(evidence.source_text, "byline" if kind == "byline" else hint)
    if kind == "statement" and node.is_media:
        kind = "reported"
    clause = len(_CLAUSE_BREAK.findall(ctx.latin[ctx.base:ctx.base + cue_span[0]]))
    return Attribution(node, kind, evidence, clause)


# ", a kako piše Blic", ", while Reuters reported": a second report in the same sentence (", a prenosi
# Beta" is not: it relays the first)
_CLAUSE_BREAK = re.compile(r",\s+(?:a|dok|ali|while|whereas|but)\s+(?!(?:prenosi|prenose|javlja|javljaju|piše|pise|"
                           r"pišu|pisu)\b)", re.I)
_ACRONYM = re.compile(r"[A-ZČĆŽŠĐ][A-ZČĆŽŠĐ0-9]+(?:-\w{1,3})?")
_CREDIT_LINE = re.compile(r"[(\[](?P<list>[^()\[\]]{2,90}?)(?:\s+-\s+[\d/.]+)?[)\]]\s*$")


_SECOND_SPEAKER = re.compile(r"\s+(?:i|and)\s+((?:[\w-]+\s+){0,3}?(?-i:[A-ZČĆŽŠĐ])[\w-]+(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w-]+){0,2})"
                             r"(?=\s*(?:[.;!?]|$))")
_CLOSING_NAME = re.compile(r"\s+(?:u|iz|pri|o|za|in|at|from|of)\s+(?:[\w-]+\s+){0,5}?(?-i:[A-ZČĆŽŠĐ])[\w-]+"
                           r"(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w-]+){1,2}(?=\s*(?:[.,;!?]|$))")


def _to_closing_name(view: str, span: tuple[int, int]) -> tuple[int, int]:
    """'izjavio je makedonski veleposlanik u Sjedinjenim Državama Zoran Jolevski.': the role's name closes
    the clause after a place or an organisation, and belongs to the speaker."""
    tail = _CLOSING_NAME.match(view, span[1])
    if tail and not any(_HARD_WORD.match(w) and w.lower() not in ("u", "iz", "o", "za", "in", "at", "from", "of", "pri")
                        for w in tail.group().split()):
        return span[0], tail.end()
    return span


def _known_medium_prefix(view: str, span: tuple[int, int]) -> tuple[int, int]:
    """The shortest opening of ``span`` that names a known medium, else the whole span."""
    tokens = [(span[0] + m.start(), span[0] + m.end()) for m in re.finditer(r"\S+", view[span[0]:span[1]])]
    for k in range(1, len(tokens)):
        if lookup_media(view[span[0]:tokens[k - 1][1]]):
            return span[0], tokens[k - 1][1]
    return span


def _names_medium(text: str) -> bool:
    """A receiver that is a medium: known, introduced by a medium word, an acronym (B92), a domain."""
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    first = text.split()[0] if text.split() else ""
    return bool(lookup_media(text) or _MEDIA_PREFIX.match(text) or _ACRONYM.fullmatch(first) or _media_headed(text)
                or fold(text) in _media_words()  # "told the news site"
                or re.fullmatch(_DOMAIN, first, re.I))


@lru_cache(maxsize=1)
def _media_words() -> frozenset[str]:
    return frozenset(fold(w) for w in cue_words("media_words"))


def _credit_line(view: str, ctx: _Context) -> list[Attribution]:
    """"(Politika, RTS, Tanjug, AFP)" closing a story: every item is a medium, none relays another."""
    match = _CREDIT_LINE.search(view)
    if not match:
        return []
    items = [(m.start(), m.end()) for m in re.finditer(r"[^,/;]+", match.group("list"))]
    spans, known = [], 0
    for start, end in items:
        text = match.group("list")[start:end]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if lookup_media(text) or _ACRONYM.fullmatch(text):
            known += 1
        elif not re.fullmatch(r"(?:(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*|del|de|of|i|and)(?:\s+(?:(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*|del|de|of|i|and)){0,3}",
                              text) or not text[:1].isupper():
            return []
        offset = match.start("list") + start + lead
        spans.append((offset, offset + len(text)))
    if not known and not (view[match.start()] == "[" and len(spans) == 1):
        return []  # "(Srbija i Crna Gora)" is no credit line; "[Getty Images]" under a photo is
    return [_attribution("credit", span, span, None, ctx, "medium") for span in spans]


def _trim(view: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Drop leading articles and trailing possessives; reject empty or pronoun sources."""
    start, end = span
    words = view[start:end]
    lead = re.match(r"(?:the|a|an|its|his|her|their|our)\s+", words, re.I)
    if lead:
        start += lead.end()
    text = view[start:end].strip()
    quantified = re.match(r"\s+(?:od|of)\s+(?:the\s+)?(?:tih\s+|these\s+|njegovih\s+)?(\w+)", view[end:])
    if text.lower() in {"jedan", "jedna", "one", "neki", "some", "jedno", "dvojica", "two"} and quantified:
        end += quantified.end()  # "jedan od izvora", "one of the sources"
        text = view[start:end]
    title = _TITLE_ABBREVIATION.match(view, end) if text.lower().rstrip(".") in _TITLE_WORDS else None
    if title:  # "каже г. Адамс": the title's dot ended the token
        end, text = title.end(), view[start:title.end()]
    if not text or text.lower() in _PRONOUNS or _HARD_WORD.match(text.rstrip(".")):
        return None
    return _trim_to_name(view, start, end)


_TITLE_WORDS = {"g", "gđa", "gdja", "gđica", "mr", "mrs", "ms", "dr", "prof", "gosp"}
_TITLE_ABBREVIATION = re.compile(r"\.?\s+(?-i:[A-ZČĆŽŠĐ])[\w'’-]+(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w'’-]+)?")
_TRAILING_ADVERBS = {"both", "all", "also", "now", "alone", "too", "himself", "herself", "themselves", "together",
                     "earlier", "later", "previously", "again", "recently", "still", "then", "almost", "nearly",
                     "about", "around", "more", "some", "most", "many", "several", "sve", "svi", "oba", "obje",
                     "takođe", "također", "ponovo", "ponovno", "opet", "sada", "sad", "inače", "ipak"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "on", "ona", "oni", "ono", "one", "this", "that", "to", "ovo",
             "što", "sto", "whom", "them", "me", "us", "him", "her", "mi", "vi", "ja", "ti", "nam", "mu", "joj"}
_AUDIENCE_AFTER = re.compile(r"^(?:novinar\w*|medij\w*|javnost|stampu|štampu|reporters|journalists)$", re.I)


_HARD_WORD = re.compile(rf"^(?:{_HARD})$", re.I)
_ADVERBIAL_PARTICIPLE = re.compile(r"^[a-zčćžšđ]\w*(?:jući|juci|avši|avsi|ivši|ivsi|evši|evsi)$")


def _trim_to_name(view: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase that names the source: without time adverbs ("juče direktor policije"), the
    noun a clause-opening preposition governs ("Nakon hapšenja španska policija"), or a participle
    and what follows it ("... Marković odgovarajući"); a lone opener ("Dalje navode") names nobody."""
    tokens = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", view[start:end])]
    if not tokens:
        return None
    openers, times = _opener_words()
    while len(tokens) > 1 and _HARD_WORD.match(view[tokens[0][0]:tokens[0][1]]):
        tokens = tokens[1:]  # "but the ministry"
    while len(tokens) > 1 and view[tokens[0][0]:tokens[0][1]].lower() in ("the", "a", "an"):
        tokens = tokens[1:]
    before = view[:start].split()
    first = view[tokens[0][0]:tokens[0][1]]
    if len(tokens) > 2 and fold(first) == "za" and _names_medium(view[tokens[1][0]:tokens[1][1]]):
        tokens = tokens[2:]  # "za SETimes Reiko Cušima": the medium told, then the speaker
    elif len(tokens) > 2 and lookup_media(first) and fold(first) not in _registry_aliases():
        tokens = tokens[1:]  # "Reutersu glasnogovornik ... Mark Regev": the same, in the dative
    if len(tokens) > 1 and before and fold(before[-1]) in _clause_prepositions():
        tokens = tokens[1:]
    while len(tokens) > 1 and fold(view[tokens[0][0]:tokens[0][1]]) in times:
        tokens = tokens[1:]
    capitals = 0
    for k in range(1, len(tokens)):
        word = view[tokens[k][0]:tokens[k][1]]
        following = view[tokens[k + 1][0]:tokens[k + 1][1]] if k + 1 < len(tokens) else ""
        capitals = capitals + 1 if view[tokens[k - 1][0]:tokens[k - 1][0] + 1].isupper() else 0
        if (_ADVERBIAL_PARTICIPLE.match(word) or (fold(word) in times and word.islower())
                or (fold(word + " " + following) in _time_phrases() and word.islower())
                or (fold(word) == "za" and following and (_names_medium(following) or _AUDIENCE_AFTER.match(following)))
                or (capitals >= 2 and word.islower() and _ROLE.fullmatch(fold(word)))
                or word[:1].isdigit() or word.lower() in _TRAILING_ADVERBS):
            tokens = tokens[:k]  # "Čotrić za SETimes", "Babačan prošle nedelje", "Valeri Stefanov dekan ..."
            break
    if len(tokens) == 1 and view[tokens[0][0]:tokens[0][1]].lower() in _PRONOUNS:
        return None
    only = view[tokens[0][0]:tokens[0][1]].strip(_WORD_PUNCTUATION)
    opens_sentence = not view[:tokens[0][0]].strip(" \"'„“”«»-–—")
    if len(tokens) == 1 and fold(only) in openers | times and (opens_sentence or not only[:1].isupper()):
        return None  # but "kako piše Danas": a capital after the cue is the newspaper
    return tokens[0][0], tokens[-1][1]


@lru_cache(maxsize=1)
def _registry_aliases() -> frozenset[str]:
    return frozenset(fold(alias) for _c, _k, aliases in REGISTRY for alias in aliases)


@lru_cache(maxsize=1)
def _opener_words() -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(fold(w) for w in cue_words("openers")),
            frozenset(fold(w) for w in cue_words("time_words") if " " not in w))


@lru_cache(maxsize=1)
def _clause_prepositions() -> frozenset[str]:
    return frozenset(fold(w) for w in cue_words("clause_prepositions") if " " not in w)


_BEFORE_VERB = {"je", "su", "se", "ce", "će", "bi", "joj", "mu", "im", "ga", "ih", "nam", "vam", "ju", "li", "has",
                "have", "had", "also", "has also"}


def _strip_before_verb(words: list[str]) -> int:
    """How many of the last ``words`` sit between a subject and its verb: auxiliaries, time adverbs and
    a receiver ("Ministar je juče za N1 izjavio": the subject is "Ministar")."""
    _openers, times = _opener_words()
    count = len(words)
    while count:
        last = fold(words[count - 1])
        pair = fold(" ".join(words[count - 2:count])) if count >= 2 else ""
        if last in _BEFORE_VERB or last in times:
            count -= 1
        elif count >= 2 and (pair in _time_phrases() or (fold(words[count - 2]) == "za" and words[count - 1][:1].isupper())):
            count -= 2
        else:
            break
    return len(words) - count


@lru_cache(maxsize=1)
def _time_phrases() -> frozenset[str]:
    return frozenset(fold(w) for w in cue_words("time_words") if " " in w)


_AUDIENCE = re.compile(r"^(?:the )?(?:reporters|journalists|press|media|news conference|press conference|"
                       r"a news conference|a press conference|lawmakers|supporters|crowd|audience|novinar\w*|medij\w*)$")
# Bodies that speak without a capital: "prosecutors said", "policija je saopštila"
_BODY_BEFORE = re.compile(r"\b((?:[\w-]+\s+){0,2}?(?:prosecutors?|investigators?|authorities|police|ministry|"
                          r"government|court|parliament|assembly|army|military|embassy|presidency|bank|company|"
                          r"tuzilastv\w*|tužilaštv\w*|policij\w*|ministarstv\w*|vlad[aeiu]|sud|skupstin\w*|skupštin\w*|sabor|"
                          r"vojsk\w*|ambasad\w*|vlast\w*|industry|airline|company|firm|kompanij\w*|"
                          r"hotelijer\w*|stručnja\w*|strucnja\w*|analiti\w*|experts?|analysts?|critics?|kriti[cč]ar\w*))"
                          r"\s*$", re.I)
_LOCATIVE = {"u", "in", "iz", "at"}
_APPOSITIVE_NAME = re.compile(r"\s*[A-ZČĆŽŠĐ][\w.'’-]*(?:\s+[A-ZČĆŽŠĐ][\w.'’-]*){1,3}\s*")
_ASIDE = re.compile(r"^\s*(?:citing|quoting|pozivajuci|pozivajući|citirajuci|citirajući|speaking on condition|"
                    r"speaking anonymously|who spoke on condition|who asked not to be named|who declined to be named|"
                    r"for example|for instance|however|meanwhile|in \w+ testimony|in a statement|"
                    r"na primjer|na primer|međutim|medjutim|ipak|pak|naime|inače|takođe|također)\b", re.I)
# an apposition after a name: "Jan Gelfand, head of the Red Cross, told", "Koštunica, lider DSS-a (DSS), saopštio je"
_APPOSITION = re.compile(r"^\s*(?:\d+|(?-i:[a-zčćžšđ])[\w'’-]*)\b")
_NAME_ONLY = re.compile(r"\s*(?:(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*\s*){1,4}")


def _subject_before(view: str, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase just before a reporting verb, within its clause ("Tanjug reported",
    "Republički zavod za statistiku saopštio je"), skipping an aside between commas
    ("Reuters, citing two sources, reported")."""
    clause_start, clause = _clause_before(view, cue_start)
    if not clause.strip() and clause_start > 0:
        aside_start, aside = _clause_before(view, clause_start - 1)
        if (_ASIDE.match(aside) or _ADVERBIAL_PARTICIPLE.match(aside.split()[0] if aside.split() else "")) \
                and aside_start > 0:  # "..., citing two sources, said", "..., odgovarajući na pitanja, rekao"
            clause_start, clause = _clause_before(view, aside_start - 1)
        elif _APPOSITIVE_NAME.fullmatch(aside):  # "the mayor of Tuzla, Zijad Lugavić, said"
            clause_start, clause = aside_start, aside
        else:
            clause_start, clause = _skip_apposition(view, aside_start, aside, (clause_start, clause))
    elif _APPOSITION.match(clause) and clause_start > 0 and view[clause_start - 1] == ",":
        # "Sutopo Purwo Nugroho, the spokesman for BNPB said", "Narcis Termes, 68, an electrician ... said":
        # the name before the appositions speaks
        name_start, name = _skip_apposition(view, clause_start, clause, (clause_start, clause))
        if name_start != clause_start and _NAME_ONLY.fullmatch(name):
            clause_start, clause = name_start, name
    if _RELATIVE.fullmatch(clause) and clause_start > 0 and view[clause_start - 1] == ",":
        # "kritike NATO-a i EU, koji kažu ...": the relative pronoun's antecedent speaks
        antecedent_start, antecedent = _clause_before(view, clause_start - 1)
        names = re.search(r"(?-i:[A-ZČĆŽŠĐ])[\w-]*(?:\s+(?:i|and|(?-i:[A-ZČĆŽŠĐ])[\w-]*))*\s*$", antecedent)
        if names:
            return _trim(view, (antecedent_start + names.start(), antecedent_start + len(antecedent.rstrip())))
        return None
    tokens = list(re.finditer(r"\S+", clause))
    skipped = _strip_before_verb([t.group() for t in tokens])
    tokens = tokens[:len(tokens) - skipped][-14:]
    if not tokens:
        return None
    words = [t.group() for t in tokens]
    hard = re.compile(rf"^(?:{_HARD})$", re.I)
    if fold(words[-1]) in ("i", "and", "te", "pa") and clause_start == 0:
        # "Senford je došao da svedoči i izjavio je": the subject that opens the sentence
        opening = list(re.finditer(r"\S+", view[:tokens[-1].start()]))
        names = []
        for token in opening[:4]:
            if not token.group()[:1].isupper() or hard.match(token.group()):
                break
            names.append(token)
        if names and not (len(names) == 1 and fold(names[0].group()) in _opener_words()[0]):
            return _trim(view, (names[0].start(), names[-1].end()))
        return None
    start_index = None
    for k in range(len(words) - 1, -1, -1):
        if hard.match(words[k]):
            if (words[k].lower() in _LOCATIVE and start_index == k + 1 and k > 0
                    and _OFFICIAL.search(fold(" ".join(words[max(0, k - 3):k])))):
                continue  # "Ambasada SAD-a u Sarajevu": the place belongs to the body before it
            if (words[k].lower() in _LOCATIVE and start_index == k + 1 and k > 1
                    and words[k - 1][:1].isupper() and words[k - 2][:1].isupper()):
                # "Christopher Decker iz OSCE-a naglašava": the person, not the organisation
                tokens, words, start_index = tokens[:k], words[:k], None
                continue
            break
        if words[k][:1].isupper():
            start_index = k
    if start_index is None:
        anon = re.search(r"((?:one|two|three|four|several|some|jedan|jedna|dva|tri|vise|više|an?|the)\s+)?"
                         r"(?:(?-i:[A-Z])\w*\s+){0,3}\b(?:sources?|izvor\w*|"
                         r"officials?|diplomats?|people|persons|insiders?)\b.*$", clause, re.I)
        if anon:
            return clause_start + anon.start(), clause_start + len(clause.rstrip())
        for size in (3, 2, 1):  # "local media reported", "mediji prenose"
            if len(tokens) >= size and fold(" ".join(words[-size:])) in _generic_media():
                return clause_start + tokens[-size].start(), clause_start + tokens[-1].end()
        body = _BODY_BEFORE.search(clause[:tokens[-1].end()])
        if body:
            return _trim(view, (clause_start + body.start(1), clause_start + body.end(1)))
        for k in range(len(words) - 1, -1, -1):  # "je ministar rekao": a role without a name
            if hard.match(words[k]):
                return None
            if _ROLE.fullmatch(fold(words[k])):
                return _trim(view, (clause_start + tokens[k].start(), clause_start + tokens[-1].end()))
        return None
    if start_index > 0 and _ROLE.fullmatch(fold(words[start_index - 1])):
        start_index -= 1  # "predsednik Vlade Miloš Vučević": the role says it is a person
    else:  # "direktor policije Marko Marković": a role, its genitive, the name
        for k in range(start_index - 2, max(start_index - 4, -1), -1):
            between = words[k + 1:start_index]
            if any(hard.match(w) or not w.islower() for w in between):
                break
            if _ROLE.fullmatch(fold(words[k])):
                start_index = k
                break
    start = clause_start + tokens[start_index].start()
    end = clause_start + tokens[-1].end()
    return _trim(view, (start, end))


def _opens_sentence(view: str, start: int) -> bool:
    """Nothing before ``start`` but quotes, or a quotation that has just closed ('…," Stu Rothenberg, …')."""
    before = view[:start].rstrip()
    if before.endswith(",") and _TIME_OPENING.fullmatch(before[:-1].strip(" \"„“”«»")):
        return True  # "On Saturday, Oriol Junqueras, one of ..., announced"
    return not before.strip(" \"„“”«»") or before[-1:] in "\"”“»«" and before[-2:-1] in ",.!?…"


_TIME_OPENING = re.compile(r"(?:on|u|in|last|this|yesterday|today|earlier|later|juče|jučer|danas|sinoć|ranije|"
                           r"kasnije|prošle|prošlog|ove|ovog)(?:\s+[\w.]+){0,2}", re.I)


_RELATIVE = re.compile(r"\s*(?:koji|koja|koje|who|which)(?:\s+(?:je|su|su\s+se))?\s*", re.I)


def _skip_apposition(view: str, start: int, segment: str, fallback: tuple[int, str]) -> tuple[int, str]:
    """Back over appositions and brackets between a sentence-opening subject and its verb, to the subject."""
    hops = 0
    for hops in range(3):
        bracketed = start > 0 and view[start - 1] == "("
        if not (bracketed or _APPOSITION.match(segment) or not segment.strip()) or start == 0:
            break
        start, segment = _clause_before(view, start - 1)
    words = segment.split()
    words = words[:len(words) - _strip_before_verb(words)]  # "Juncker je u ponedjeljak, 11. srpnja, ..."
    if (not hops or start > 0 and not _opens_sentence(view, start) or not words or _APPOSITION.match(segment)
            or len(words) > 10 or not (words[-1][:1].isupper() or _OFFICIAL.search(fold(" ".join(words))))):
        return fallback  # only a subject that opens the sentence and ends in a name
    return start, segment


def _clause_before(view: str, position: int) -> tuple[int, str]:
    dash = view.rfind(" - ", 0, position)  # "(AP) - Police said"
    start = max(max(view.rfind(ch, 0, position) for ch in ",;:()\"„“”«»–—") + 1, dash + 3 if dash >= 0 else 0)
    return start, view[start:position]


def _non_sources(view: str, ctx: _Context) -> list[Attribution]:
    results = []
    for pattern in _NON_SOURCE:
        for match in pattern.finditer(view):
            span = _trim(view, match.span("src"))
            if span is None:
                continue
            evidence = ctx.evidence(match.span(), span, None)
            results.append(Attribution(make_node(evidence.source_text), "non_source", evidence))
    return _dedupe(results, by_cue=False)  # "neither X nor Y": one cue, two non-sources


def _dedupe(items: list[Attribution], by_cue: bool = True) -> list[Attribution]:
    """One attribution per source span and per cue: the first pattern that found it (patterns run
    most specific first, so "according to a statement from the presidency" names the presidency)."""
    kept: list[Attribution] = []
    for item in items:
        if any(_overlaps(item.evidence.source_span, k.evidence.source_span)
               or (by_cue and item.kind == k.kind and _overlaps(item.evidence.cue_span, k.evidence.cue_span))
               for k in kept):
            continue
        kept.append(item)
    return kept


_FORWARD_COMPILED = [(kind, re.compile(p.replace(r"(?:^|[,–—]\s*)", _CLAUSE_OPEN), re.I)) for kind, p in _FORWARD]

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
]

MEDIA_TYPES = ("agency", "outlet")

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
                   r"poslani\w*)\b", re.I)
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


_TITLES = re.compile(r"^(the|a|an|our|its|his|her|their|nas|nasa|nase|mr|mrs|ms|dr|gospodin|gospodja|president|"
                     r"predsednik\w*|predsjednik\w*|premijer\w*|minister|ministar\w*|ministark\w*|spokesman|"
                     r"spokeswoman|portparol\w*|glasnogovorni\w*|direktor\w*|director|head|sef\w*)$")


def make_node(text: str, kind_hint: str | None = None) -> Node:
    """Type and key a source mention: registry first, then anonymous, official, person."""
    media = lookup_media(text)
    if media:
        return Node(fold(media[0]), media[0], media[1])
    clean = text.strip(" ,;:\"'„“”«»()")
    if clean.endswith(".") and not re.search(r"\b[A-ZА-Я]\.$", clean):
        clean = clean[:-1]  # keep the dot of an initial (D.I.), drop a full stop
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
         r"says|reports|javlja|prenosi|navodi|pise|piše")
_STOP = _HARD + "|" + _SOFT
_WORD_END = r"(?=[\s,;:]|$)"  # a stop word is a whole word: "u" stops, "U.S." does not
SRC = (rf"(?:(?:a|an|the)\s+)?(?P<src>(?!(?:{_HARD}){_WORD_END}){_TOKEN}"
       rf"(?:\s+(?:(?:{_SOFT})\s+)?(?!(?:{_HARD}){_WORD_END}){_TOKEN}){{0,7}}?)")
_END = r"(?=\s*(?:[,.;:!?()\"„“”«»–—]|$)|\s+(?:" + _HARD + r")" + _WORD_END + ")"
_DOCUMENT = (r"(?:(?:a|an|the)\s+)?(?:statement|report|letter|post|data|figures|estimates?|memo)\s+(?:from|by|of)\s+"
             r"(?:the\s+)?")

# Patterns on the Latin view of a sentence; "src" is the source, the whole match is the cue.
_FORWARD = [  # cue, then the source
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
    ("reported", rf"(?:^|[,–—]\s*)(?:said|says|say|added|adds|told|tells)\s+(?=(?:\S+\s+){{0,3}}\S+\s*(?:[,.;:!?()\"„“”«»–—]|$))"
                 rf"{SRC}(?=\s*(?:[,.;:!?()\"„“”«»–—]|$))"),
    ("told", rf"\btold\s+{SRC}{_END}"),
    ("told", rf"\bin an interview (?:with|for) {SRC}{_END}"),
    ("told", rf"\b(?:speaking|talking) (?:to|with) {SRC}{_END}"),
    ("told", rf"\b(?:rekao|rekla|rekli|izjavio|izjavila|izjavili|kazao|kazala|potvrdio|potvrdila) (?:je |su )?za {SRC}{_END}"),
    ("told", rf"\bu (?:intervjuu|razgovoru|izjavi) za {SRC}{_END}"),
    ("according_to", rf"\bprema (?:pisanju|navodima|recima|rečima|izvestaju|izveštaju|izvjestaju|izvještaju|"
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
                       r"paper|newspaper|daily|outlet|broadcaster|list\w*|dnevni\w*|portal\w*|televizij\w*|medij\w*)$")


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
    for kind, pattern in _FORWARD_COMPILED:
        for match in pattern.finditer(view):
            src_span = _trim(view, match.span("src"))
            if src_span is None:
                continue
            if kind in ("told", "reported") and _AUDIENCE.match(fold(view[src_span[0]:src_span[1]])):
                continue  # "told reporters": the people spoken to, not a source
            if kind == "according_to_named" and not view[src_span[0]].isupper():
                continue
            content = (0, match.start()) if match.start() > len(view) / 2 else (match.end(), len(view))
            results.append(_attribution(kind.replace("_named", ""), match.span(), src_span, content, ctx))
    for match in _BACKWARD.finditer(view):
        src_span = _subject_before(view, match.start())
        if src_span is None:
            continue
        content = (match.end(), len(view))
        results.append(_attribution("statement", match.span(), src_span, content, ctx))
    return _dedupe(results)


def _attribution(kind, cue_span, src_span, content_span, ctx: _Context) -> Attribution:
    evidence = ctx.evidence(cue_span, src_span, content_span)
    node = make_node(evidence.source_text, "byline" if kind == "byline" else None)
    if kind == "statement" and node.is_media:
        kind = "reported"
    clause = len(_CLAUSE_BREAK.findall(ctx.latin[ctx.base:ctx.base + cue_span[0]]))
    return Attribution(node, kind, evidence, clause)


# ", a kako piše Blic", ", while Reuters reported": a second report in the same sentence
_CLAUSE_BREAK = re.compile(r",\s+(?:a|dok|ali|while|whereas|but)\s+", re.I)


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
    if not text or text.lower() in {"he", "she", "it", "they", "we", "i", "you", "on", "ona", "oni", "ono", "one",
                                    "this", "that", "to", "ovo", "što", "sto", "whom", "them"}:
        return None
    return start, end


_AUDIENCE = re.compile(r"^(?:the )?(?:reporters|journalists|press|media|news conference|press conference|"
                       r"a news conference|a press conference|lawmakers|supporters|crowd|audience|novinar\w*|medij\w*)$")
# Bodies that speak without a capital: "prosecutors said", "policija je saopštila"
_BODY_BEFORE = re.compile(r"\b((?:[\w-]+\s+){0,2}?(?:prosecutors?|investigators?|authorities|police|ministry|"
                          r"government|court|parliament|assembly|army|military|embassy|presidency|bank|company|"
                          r"tuzilastv\w*|tužilaštv\w*|policij\w*|ministarstv\w*|vlad[aeiu]|sud|skupstin\w*|skupštin\w*|sabor|"
                          r"vojsk\w*|ambasad\w*))\s*$", re.I)
_LOCATIVE = {"u", "in", "iz", "at"}
_APPOSITIVE_NAME = re.compile(r"\s*(?:[A-ZČĆŽŠĐ][\w.'’-]*\s*){2,4}")
_ASIDE = re.compile(r"^\s*(?:citing|quoting|pozivajuci|pozivajući|citirajuci|citirajući|speaking on condition|"
                    r"speaking anonymously|who spoke on condition|who asked not to be named|who declined to be named)\b",
                    re.I)


def _subject_before(view: str, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase just before a reporting verb, within its clause ("Tanjug reported",
    "Republički zavod za statistiku saopštio je"), skipping an aside between commas
    ("Reuters, citing two sources, reported")."""
    clause_start, clause = _clause_before(view, cue_start)
    if not clause.strip() and clause_start > 0:
        aside_start, aside = _clause_before(view, clause_start - 1)
        if _ASIDE.match(aside) and aside_start > 0:
            clause_start, clause = _clause_before(view, aside_start - 1)
        elif _APPOSITIVE_NAME.fullmatch(aside):  # "the mayor of Tuzla, Zijad Lugavić, said"
            clause_start, clause = aside_start, aside
    tokens = list(re.finditer(r"\S+", clause))[-9:]
    if not tokens:
        return None
    words = [t.group() for t in tokens]
    hard = re.compile(rf"^(?:{_HARD})$", re.I)
    start_index = None
    for k in range(len(words) - 1, -1, -1):
        if hard.match(words[k]):
            if words[k].lower() in _LOCATIVE and start_index == k + 1 and k > 0:
                continue  # "Ambasada SAD-a u Sarajevu": the place belongs to the body before it
            break
        if words[k][:1].isupper():
            start_index = k
    if start_index is None:
        anon = re.search(r"((?:one|two|three|four|several|some|jedan|jedna|dva|tri|vise|više)\s+)?\b(?:sources?|izvor\w*|"
                         r"officials?|diplomats?|people|persons|insiders?)\b.*$", clause, re.I)
        if anon:
            return clause_start + anon.start(), clause_start + len(clause.rstrip())
        body = _BODY_BEFORE.search(clause.rstrip())
        if not body:
            return None
        return _trim(view, (clause_start + body.start(1), clause_start + body.end(1)))
    if start_index > 0 and _ROLE.fullmatch(fold(words[start_index - 1])):
        start_index -= 1  # "predsednik Vlade Miloš Vučević": the role says it is a person
    start = clause_start + tokens[start_index].start()
    end = clause_start + tokens[-1].end()
    return _trim(view, (start, end))


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


_FORWARD_COMPILED = [(kind, re.compile(p, re.I)) for kind, p in _FORWARD]

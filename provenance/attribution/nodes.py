"""Sources as chain nodes: typing a mention (registry medium, anonymous, official body, person) and keying it
so that mentions in different cases, scripts and texts merge."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.attribution_cues import alternation, folded_words
from ..lexicon.media import MEDIA_TYPES, lookup_media
from ..lexicon.places import canonical_keys
from ..lexicon.script import fold

_ANONYMOUS = re.compile(
    r"\b(sources?|izvor\w*|official who|officials who|people familiar|person familiar|neimenovan\w*|"
    r"anonymous|anonimn\w*|sagovornik\w*|people with (?:direct )?knowledge|people briefed|"
    r"(?:two|three|four|five|six|several|some|many|\d+) (?:people|persons|individuals|current|former|senior)|"
    r"nesluzben\w* informacij\w*|nezvanicn\w* informacij\w*|unofficial information|upucen[ia]|dobro obavijesten\w*|"
    r"dobro obavesten\w*)\b",
    re.I)
_OFFICIAL = re.compile(
    r"\b(ministry|ministarstv\w*|minister\w*|government|vlad[aeiu]\b|vlade|white house|bela kuca|bijela kuca|"
    r"bel[eo]j kuc\w*|bijel[eo]j kuc\w*|state department|stejt department\w*|police|policij\w*|mup\w*|office|kabinet\w*|"
    r"ured\w*|court|sud\b|suda\b|tuzilast\w*|tuzitelj\w*|tuziocu|prosecutor\w*|parliament|skupstin\w*|sabor\w*|"
    r"council|vijec\w*|savet\w*|zavod\w*|institute|uprav\w*|commission|komisij\w*|embassy|ambasad\w*|"
    r"veleposlanstv\w*|presidency|predsj?edni[sš]tv\w*|army|vojsk\w*|nato|kremlj\w*|kremlin|spokes\w*|"
    r"portparol\w*|glasnogovorni\w*|agencij\w* za|sindikat\w*|union\b|narodna banka|narodn\w* bank\w*|national bank|"
    r"central bank|centraln\w* bank\w*|military|militar\w*|assembly|authorities|investigators?)", re.I)
OFFICIAL = _OFFICIAL  # bodies, for the extractor's subject rules too
# Roles: "Finance Minister Siniša Mali", "portparol Kremlja Dmitrij Peskov" are people, not bodies.
ROLE = re.compile(r"\b(spokes\w*|portparol\w*|glasnogovorni\w*|minister|ministar|ministark\w*|predsedni\w*|"
                  r"predsjedni\w*|president|premijer\w*|prime minister|guvern\w*|governor|direktor\w*|director|"
                  r"secretary|sekretar\w*|high representative|visoki predstavnik|ambasador\w*|ambassador|chief|sef\w*|"
                  r"gradonacelni\w*|mayor|chairman|ceo|member|clan\w*|lawmaker|senator|deputy|zastupni\w*|"
                  r"poslani\w*|dekan\w*|profesor\w*|analiti\w*|strucnja\w*|savjetni\w*|savetni\w*|koordinator\w*|"
                  r"komandant\w*|general|predstavni\w*|izvjestitelj\w*|izvestilac\w*|advisor|adviser|analyst|"
                  r"professor|veleposlani\w*|potpredsjedni\w*|potpredsedni\w*|zamjeni\w*|zameni\w*|kancelar\w*|trener\w*|coach|lider\w*|leader|povjereni\w*|povereni\w*|komesar\w*|commissioner|"
                  r"predsjedavaju\w*|predsedavaju\w*|duznosnik|zvanicnik|funkcioner)\b",
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
    if issuer and first and first[0] in folded_words("documents", phrases=False) | {"news", "release", "poll", "records", "papers"}:
        return make_node(issuer.group(1))  # "a news release from the Newport Police Department": the police's
    if first and first[0] in folded_words("documents", phrases=False) and kind_hint != "byline":
        from ..lexicon.script import to_latin

        issuer = _GENITIVE_ISSUER.match(to_latin(clean))
        if issuer:  # "podacima Agencije za statistiku BiH": the agency's figures, keyed as the agency
            node = make_node(issuer.group(1) or issuer.group(2))
            return Node(node.key, node.name, node.type)
        return Node("document:" + _name_key(fold(clean)), clean, "document")
    if fold(clean) in folded_words("generic_media"):
        return Node("media", "media", "outlet")  # "mediji prenose": media in general
    media = lookup_media(text)
    if media:
        return Node(fold(media[0]), media[0], media[1])
    if kind_hint == "medium" or media_headed(clean):  # an outlet the registry does not know: "portal Istraga", "B92"
        if kind_hint != "medium" or not (_ANONYMOUS.search(fold(clean)) or _OFFICIAL.search(fold(clean))
                                         or ROLE.search(fold(clean))):
            return Node(fold(MEDIA_PREFIX.sub("", clean)), MEDIA_PREFIX.sub("", clean) or clean, "outlet")
    if kind_hint == "byline":
        return Node("byline:" + _name_key(_BYLINE_ROLE.sub(" ", fold(clean))), _byline_name(clean), "person")
    folded = fold(clean)
    words = clean.split()
    unnamed = _UNNAMED.search(folded) and not (len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]))
    if _ANONYMOUS.search(folded) or unnamed:
        return Node("anonymous", "anonymous sources", "anonymous")
    named = len(words) >= 3 and all(w[:1].isupper() for w in words[-2:]) and not _OFFICIAL.search(fold(" ".join(words[-2:])))
    if named and ROLE.search(folded):
        return Node("person:" + _name_key(folded).split()[-1], clean, "person")
    if _OFFICIAL.search(folded):
        return Node("official:" + _official_key(clean), clean, "official")
    if any(w[:1].isupper() for w in clean.split()):
        # people are named in full once and by surname later, in any case: key on the surname
        return Node("person:" + _name_key(fold(clean)).split()[-1], clean, "person")
    return Node("unknown:" + _name_key(fold(clean)), clean, "unknown")


def media_headed(name: str) -> bool:
    """"Guiyang Evening News", "The Hill", "ABC News": a capitalised name whose last word is a medium's."""
    words = name.replace("’", "'").split()
    return (len(words) >= 2 and all(w[:1].isupper() or w.lower() in ("the", "of") for w in words)
            and fold(words[-1]) in folded_words("media_heads"))


_GENITIVE_ISSUER = re.compile(r"^\S+\s+(?:(?-i:[a-zčćžšđ])\S*\s+){0,2}((?-i:[A-ZČĆŽŠĐ]).*)$|^\S+\s+((?:ministarstv|vlad|policij|"
                              r"vojsk|tužilaštv|tuzilastv|sud|ambasad|agencij|zavod|komisij|ured|kabinet|"
                              r"predsjedništv|predsedništv)\w*.*)$")
_ISSUED_BY = re.compile(r"\b(?:from|by|of)\s+(?:the\s+)?(.+)$")
MEDIA_WORD_ALTERNATION = alternation("media_words")
MEDIA_PREFIX = re.compile(rf"^{MEDIA_WORD_ALTERNATION}\s+", re.I)


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

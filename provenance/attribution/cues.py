"""Attribution cues: the kinds of cue, and the patterns that find them (English and
Serbian/Bosnian/Croatian, matched on the Latin view of a sentence).

A cue kind's ``relay_rank`` orders the media of one sentence upstream first (the source of a
claim, the medium told it, a relay, the reporter); a kind without one takes no part in relays.
"""
from __future__ import annotations

import re
from enum import StrEnum


class CueKind(StrEnum):
    def __new__(cls, value: str, relay_rank: int | None):
        member = str.__new__(cls, value)
        member._value_ = value
        member.relay_rank = relay_rank
        return member

    ACCORDING_TO = "according_to", 0
    CITING = "citing", 0
    STATEMENT = "statement", 0
    TOLD = "told", 1
    RELAY = "relay", 2
    REPORTED = "reported", 3
    DATELINE = "dateline", 3
    BYLINE = "byline", None
    NON_SOURCE = "non_source", None


SOURCE_TOKEN = r"(?:[^\s,.;:!?()\"„“”«»–—]|\.(?=\w)|(?<=\b[A-Z])\.(?!\w))+"  # keeps nova.rs, U.S., D.I.
# (the last two alternatives never both match one dot: either would do, and 30 initials took 2^30 tries)
# Words that end a source's name; "soft" ones may also sit inside it (Ministry *of* Finance,
# Zavod *za* statistiku) when a name goes on after them.
SOFT = r"of|for|za|the|de"
HARD = (r"that|who|which|whose|where|when|while|on|in|at|as|and|but|to|from|after|with|about|over|"
         r"da|koji|koja|koje|kojeg|kojem|koju|kojima|u|na|kao|i|a|ali|ni|nor|o|od|sa|s|iz|nakon|prema|kako|"
         r"citing|quoting|pozivajuci|pozivajući|saying|je|su|is|was|were|has|have|had|reported|said|told|"
         r"says|reports|javlja|prenosi|navodi|pise|piše")
WORD_END = r"(?=[\s,;:]|$)"  # a stop word is a whole word: "u" stops, "U.S." does not
SRC = (rf"(?:(?:a|an|the)\s+)?(?P<src>(?!(?:{HARD}){WORD_END}){SOURCE_TOKEN}"
       rf"(?:\s+(?:(?:{SOFT})\s+)?(?!(?:{HARD}){WORD_END}){SOURCE_TOKEN}){{0,7}}?)")
SOURCE_END = r"(?=\s*(?:[,.;:!?()\"„“”«»–—]|$)|\s+(?:" + HARD + r")" + WORD_END + ")"
DOCUMENT = (r"(?:(?:a|an|the)\s+)?(?:statement|report|letter|post|data|figures|estimates?|memo)\s+(?:from|by|of)\s+"
             r"(?:the\s+)?")

# Patterns on the Latin view of a sentence; "src" is the source, the whole match is the cue.
FORWARD = [  # cue, then the source
    ("according_to", rf"\baccording to {DOCUMENT}{SRC}{SOURCE_END}"),
    ("according_to", rf"\baccording to {SRC}{SOURCE_END}"),
    ("relay", rf"\bas (?:first |originally )?(?:reported|quoted|cited|published) (?:by|in) {SRC}{SOURCE_END}"),
    ("relay", rf"\bas {SRC} (?:reported|reports|wrote|writes){SOURCE_END}"),
    ("relay", rf"\b(?:later|then|subsequently) (?:confirmed|reported|picked up|cited) by {SRC}{SOURCE_END}"),
    ("relay", rf"\b(?:first|originally) (?:reported|published) (?:by|in) {SRC}{SOURCE_END}"),
    ("citing", rf"\b(?:citing|quoting) {DOCUMENT}{SRC}{SOURCE_END}"),
    ("citing", rf"\b(?:citing|quoting) {SRC}{SOURCE_END}"),
    ("citing", rf"\b(?:which|who|that) (?:cited|quoted|cites|quotes) {SRC}{SOURCE_END}"),  # "Politico, which cited two diplomats"
    ("reported", rf"(?:^|[,–—]\s*)(?:reports|reported|writes|wrote)\s+{SRC}{SOURCE_END}"),
    # "..., said Reuters." but not "..., said ministers had been warned": the source ends the clause
    ("reported", rf"(?:^|[,–—]\s*)(?:said|says|say|added|adds|told|tells)\s+(?=(?:\S+\s+){{0,3}}\S+\s*(?:[,.;:!?()\"„“”«»–—]|$))"
                 rf"{SRC}(?=\s*(?:[,.;:!?()\"„“”«»–—]|$))"),
    ("told", rf"\btold\s+{SRC}{SOURCE_END}"),
    ("told", rf"\bin an interview (?:with|for) {SRC}{SOURCE_END}"),
    ("told", rf"\b(?:speaking|talking) (?:to|with) {SRC}{SOURCE_END}"),
    ("told", rf"\b(?:rekao|rekla|rekli|izjavio|izjavila|izjavili|kazao|kazala|potvrdio|potvrdila) (?:je |su )?za {SRC}{SOURCE_END}"),
    ("told", rf"\bu (?:intervjuu|razgovoru|izjavi) za {SRC}{SOURCE_END}"),
    ("according_to", rf"\bprema (?:pisanju|navodima|recima|rečima|izvestaju|izveštaju|izvjestaju|izvještaju|"
                     rf"izvjescu|izvješću|podacima|informacijama|saznanjima|tvrdnjama|procenama|procjenama|"
                     rf"analizi|istrazivanju|istraživanju) {SRC}{SOURCE_END}"),
    ("according_to_named", rf"\bprema {SRC}{SOURCE_END}"),  # "prema Bloombergu": only before a capital
    ("relay", rf"\bkako (?:to )?(?:prenosi|prenose|pise|piše|pisu|pišu|javlja|javljaju|navodi|navode|izvestava|"
              rf"saznaje|saznaju|doznaje|doznaju|"
              rf"izveštava|izvjestava|izvještava|je (?:objavio|objavila|objavilo|preneo|prenela|prenelo|prenio|"
              rf"prenijela|prenijelo|javio|javila|javilo|pisao|pisala|pisalo|naveo|navela|navelo|saopstio|saopštio|"
              rf"saopcio|saopćio|saopstila|saopštila|saopcila|saopćila|priopcio|priopćio|priopcila|priopćila)) {SRC}{SOURCE_END}"),
    ("citing", rf"\b(?:koji|koja|koje|sto|što) se (?:poziva|pozivaju|pozivao|pozivala) na {SRC}{SOURCE_END}"),
    ("citing", rf"\b(?:pozivajuci|pozivajući) se na (?:pisanje |navode |izvestaj |izveštaj |izvjestaj |izvještaj |"
               rf"izjavu |saopstenje |saopštenje |saopcenje |saopćenje |priopcenje |priopćenje |podatke )?{SRC}{SOURCE_END}"),
    ("citing", rf"\b(?:citirajuci|citirajući|citira|citiraju|citirao je|citirala je) {SRC}{SOURCE_END}"),
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
                 rf"tvrde|tvrdi|kazu|kažu|kaze|kaže)\s+{SRC}{SOURCE_END}"),
]
BACKWARD = re.compile(  # the source before the verb: "Tanjug reported", "Vučić je izjavio", "one source said"
    r"\b(?P<verb>reported|reports|said|says|say|told|wrote|writes|announced|confirmed|stated|quoted|cited|"
    r"(?:je |su )?(?:prenela|preneo|prenelo|prenio|prenijela|prenosi|prenose|javio|javila|javilo|javlja|javljaju|"
    r"objavio|objavila|objavilo|objavili|pisao|pisala|pise|piše|izvestio|izvestila|izvijestio|izvijestila|izvjestava|"
    r"izvještava|izvestava|izveštava|saopstio|saopštio|saopstila|saopštila|saopstilo|saopštilo|saopcio|saopćio|"
    r"saopcila|saopćila|saopcilo|saopćilo|priopcio|priopćio|priopcila|priopćila|priopcilo|priopćilo|izjavio|izjavila|"
    r"izjavili|rekao|rekla|rekli|kazao|kazala|navodi|navode|naveo|navela|navelo|tvrdi|tvrde|ocenio|ocijenio|"
    r"citira|citiraju|potvrdio|potvrdila|potvrdilo|najavio|najavila|upozorio|upozorila|upozorilo|warned|"
    r"saznaje|saznaju|doznaje|doznaju)(?: je| su)?)\b")
NON_SOURCES = [
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
BYLINE = re.compile(r"^(?P<cue>written by|reporting by|text by|by|piše|pise|pišu|pisu|autor|autorka|autorica|tekst|"
                     r"priredio|priredila|приредио)\s*:?\s+(?P<src>[^.]{1,60}?\.?(?:[A-ZČĆŽŠĐ]\.)*)\s*$", re.I)
DATELINE = re.compile(r"^(?P<place>[A-ZČĆŽŠĐ][A-ZČĆŽŠĐ .-]{2,30}),?[^()\n]{0,40}\((?P<src>[^)]{1,30})\)\s*[-–—]")
# "this agency", "the paper", "list" (the daily): a medium named earlier in the text
ANAPHORA = re.compile(r"^(?:the |this |that |ove |te |tog |ovog |ovaj |taj |ista |iste |istog )?(?:agency|agencij\w*|"
                       r"paper|newspaper|daily|outlet|broadcaster|list\w*|dnevni\w*|portal\w*|televizij\w*|medij\w*)$")


CLAUSE_BREAK = re.compile(r",\s+(?:a|dok|ali|while|whereas|but)\s+", re.I)


AUDIENCE = re.compile(r"^(?:the )?(?:reporters|journalists|press|media|news conference|press conference|"
                       r"a news conference|a press conference|lawmakers|supporters|crowd|audience|novinar\w*|medij\w*)$")
# Bodies that speak without a capital: "prosecutors said", "policija je saopštila"
BODY_BEFORE = re.compile(r"\b((?:[\w-]+\s+){0,2}?(?:prosecutors?|investigators?|authorities|police|ministry|"
                          r"government|court|parliament|assembly|army|military|embassy|presidency|bank|company|"
                          r"tuzilastv\w*|tužilaštv\w*|policij\w*|ministarstv\w*|vlad[aeiu]|sud|skupstin\w*|skupštin\w*|sabor|"
                          r"vojsk\w*|ambasad\w*))\s*$", re.I)
LOCATIVE = {"u", "in", "iz", "at"}
APPOSITIVE_NAME = re.compile(r"\s*(?:[A-ZČĆŽŠĐ][\w.'’-]*\s*){2,4}")
ASIDE = re.compile(r"^\s*(?:citing|quoting|pozivajuci|pozivajući|citirajuci|citirajući|speaking on condition|"
                    r"speaking anonymously|who spoke on condition|who asked not to be named|who declined to be named)\b",
                    re.I)


FORWARD_COMPILED = [(kind, re.compile(p, re.I)) for kind, p in FORWARD]

"""Attribution cues: the patterns that find them (English and Serbian/Bosnian/Croatian, matched on the
Latin view of a sentence); the kinds of cue are in ``records``.
"""
from __future__ import annotations

import functools
import re

from ..lexicon.attribution_cues import SOUTH_SLAVIC, alternation, words
from .nodes import MEDIA_WORD_ALTERNATION
from .records import CueKind  # (defined beside the records that carry it; importers of cues still find it)

SOURCE_TOKEN = (r"(?:[^\s,.;:!?()\"„“”«»–—]|\.(?=\w)|(?<=\b(?-i:[A-Z]))\.(?!\w)|(?<=\bg)\.(?=\s+(?-i:[A-ZČĆŽŠĐ])))+")
# (keeps nova.rs, U.S., D.I. and the title "g. Adams"; not the full stop of "SAD-a.")
# (the last two alternatives never both match one dot: either would do, and 30 initials took 2^30 tries)
# Words that end a source's name; "soft" ones may also sit inside it (Ministry *of* Finance,
# Zavod *za* statistiku) when a name goes on after them.
SOFT = r"of|for|za|the|de"
HARD = (r"that|who|which|whose|where|when|while|on|in|at|as|and|but|to|from|after|with|about|over|"
         r"da|koji|koja|koje|kojeg|kojem|koju|kojima|što|sto|jer|because|bio|bila|bili|bilo|bile|biti|bi|ne|nije|nisu|po|"
         r"u|na|kao|i|a|ali|ni|nor|o|od|sa|s|iz|nakon|prema|kako|"
         r"citing|quoting|pozivajuci|pozivajući|saying|je|su|is|was|were|has|have|had|reported|said|told|"
         r"says|reports|javlja|prenosi|navodi|pise|piše|" + alternation("verbs") + "|"
         + alternation("clause_prepositions", SOUTH_SLAVIC))  # "Ivan Horvat pred Odborom", "Ivić tokom posjete"
STOP = HARD + "|" + SOFT
# words that open or join clauses: the words of one noun phrase (a speaker between a verb and "za X") are none of them
CLAUSE_WORDS = (r"da|koji|koja|koje|kojeg|kojem|koju|kojima|što|sto|kako|jer|je|su|i|a|ali|ni|dok|se|bi|nije|nisu|ne|"
                r"and|but|that|who|which|while|or|ili")
WORD_END = r"(?=[\s,;:]|$)"  # a stop word is a whole word: "u" stops, "U.S." does not
SRC = (rf"(?:(?:a|an|the)\s+)?(?P<src>(?!(?:{HARD}){WORD_END}){SOURCE_TOKEN}"
       rf"(?:\s+(?:(?:{SOFT})\s+)?(?!(?:{HARD}){WORD_END}){SOURCE_TOKEN}){{0,10}}?)")  # long titles
SOURCE_END = r"(?=\s*(?:[,.;:!?()\"„“”«»–—]|$)|\s+(?:" + HARD + r")" + WORD_END + ")"
DOCUMENT = (r"(?:(?:a|an|the)\s+)?(?:statement|report|letter|post|data|figures|estimates?|memo)\s+(?:from|by|of)\s+"
             r"(?:the\s+)?")

# The cue tables' phrases (attribution_cues), and the noun phrases they govern.
# plural speech verbs whose subject is a body's people: "izjavili su iz Ureda", "iz Ministarstva poručuju"
_RELAY_PARTICIPLES = "|".join(sorted({re.escape(w.split()[0]) for w in words("relay_verbs", SOUTH_SLAVIC)
                                      if w.endswith((" je", " su"))}, key=lambda w: (-len(w), w)))
_PASSIVE = alternation("passive_participles", SOUTH_SLAVIC)
# what stands between an impersonal passive and its body: "to", "nam", a time, the medium told ("za Klix.ba")
_PASSIVE_ADJUNCTS = (r"(?:(?:to|nam|im|danas|juče|jučer|ranije|takođe|također|i|u\s+\w+|(?-i:[A-ZČĆŽŠĐ])\w+u|"
                     r"za\s+(?:[„“\"«]?(?-i:[A-ZČĆŽŠĐ0-9])[\w.-]*[“”\"»]?|medije|novinare))\s+){0,3}")
_PLURAL_SPEECH = "|".join(re.escape(w) for w in words("speech_participles", SOUTH_SLAVIC) if w.endswith(("li", "le", "u", "e")))
_DOCUMENTS = alternation("documents")
_IMPERSONAL = alternation("impersonal", SOUTH_SLAVIC)
_RECEIVER_VERBS = alternation("receiver_verbs", SOUTH_SLAVIC)
# any speech verb before "za X" (the medium told): "saopštio je za Danas", "poručila je za N1"
_SPEECH_FOR = f"(?:{_RECEIVER_VERBS}|{alternation('speech_participles', SOUTH_SLAVIC)})"
_MEDIA_WORD = MEDIA_WORD_ALTERNATION
_NAME_WORD = r"(?-i:[A-ZČĆŽŠĐ0-9])(?:[\w'’&/-]|\.(?=\w)|(?<=\b(?-i:[A-Z]))\.)*"  # a capital even though the patterns ignore case
# (a dot inside a name or after an initial, "nova.rs", "D.C."; not the full stop of "za The Telegraph.")
DOMAIN = r"[\w-]+\.(?:rs|ba|hr|me|com|net|info|org|mk|si)\b"
# a medium as a name: "N1", "Radio Slobodna Evropa", "dnevnik Politika", "televiziju Al Jazeera", "klix.ba", "„Novosti“"
MEDIUM_NP = (rf"(?:(?-i:[a-zčćžšđ])\w+(?:ski|čki|ški|skom|čkom|škom)\s+(?=[„“\"«]))?[„“\"«]?(?P<src>(?<=[„“\"«])(?-i:[A-ZČĆŽŠĐ0-9])[^„“”\"«»]{{0,40}}(?=[“”\"»])|(?:(?:(?-i:[a-zčćžšđ])\w+\s+){{0,2}}?{_MEDIA_WORD}\s+)?(?:{DOMAIN}|{_NAME_WORD})(?:\s+(?:{_NAME_WORD}|"
             rf"(?:Balkans|Europe|Evropa|Europa|Amerike|Srbije|Hrvatske|BiH|Crne Gore)\b|"
             rf"(?-i:della|di|de|del|der|die|des|du|la|le|el)(?=\s+{_NAME_WORD}))){{0,4}})[“”\"»]?")  # "Corriere della Sera"
# a document and whose it is: "saopštenju Ministarstva unutrašnjih poslova", "izvješću Europske komisije"
_DOC_MODIFIER = r"(?:(?:svom|svome|svojem|svojoj|današnjem|današnjoj|jučerašnjem|najnovijem|novom|zvaničnom|" \
                r"službenom|godišnjem|ovom|tom|tom|istom|pisanom|zajedničkom|nedavnom|posljednjem|poslednjem|" \
                r"prošlogodišnjem|novoj|najnovijoj|nedavnoj)\s+){0,2}"  # "u najnovijem godišnjem izvještaju"
DOC_SRC = (rf"(?P<src>{_DOCUMENTS}(?:\s+(?:(?:{SOFT}|o)\s+)?(?!(?:{HARD}){WORD_END}){SOURCE_TOKEN}){{0,10}}?)")
# ("Izvješću o stanju gospodarstva": a document's name takes "o" too)
_DOC_END = r"(?=\s*(?:[,.;:!?()\"„“”«»–—]|$)|\s+(?!o\s)(?:" + HARD + r")" + WORD_END + ")"  # "o" goes on

# between a speech verb and its speaker: time phrases, a place, the medium told ("izjavio je u ponedjeljak
# (4. travnja) za SETimes potpredsjednik vlade ...")
_AFTER_VERB = (r"(?:(?:juče|jučer|danas|sinoć|jutros|večeras|ranije|takođe|također|prošle\s+\w+|prošlog\s+\w+|"
               r"(?:u|na|tokom|tijekom|nakon|posle|poslije|pred)\s+[\w-]+|\(\d[^()]{0,24}\)|\d{1,2}\.\s+[\w-]+|"
               rf"za\s+{_NAME_WORD}(?=\s+{_NAME_WORD})|za\s+{alternation('generic_media', SOUTH_SLAVIC)}|"
               rf"za\s+[„“\"«][^„“”\"«»]{{1,40}}[“”\"»]|"
               rf"(?:za\s+)?novinar\w*|medijima)\s+){{0,3}}")  # "rekao je novinarima u Parizu Horvat"
# a clause opens at the start, after a comma or dash, or after a closing quote ('…," said X', '«…» rekao je X')
_CLAUSE_OPEN = r"(?:^|[,–—][\"”“»«']{0,2}\s*|[\"”“»«]\s*|\s-\s+)"  # ",'' izjavio je" too
# (" - kaže X": a spaced hyphen closes a quotation that a dash opened, "- Nikada ... - poručio je X")

# Patterns on the Latin view of a sentence; "src" is the source, the whole match is the cue.
FORWARD = [  # cue, then the source
    # documents: "navodi se u saopštenju X", "piše u priopćenju", "U izvještaju se navodi", "prema saopštenju X"
    ("document", rf"\b{_IMPERSONAL}\s+(?:(?:to|i|također|takođe|još)\s+)?u\s+{_DOC_MODIFIER}{DOC_SRC}{_DOC_END}"),
    # a relative clause between the document and its verb: "U saopštenju Vlade, koje prenosi Tanjug, navodi se"
    ("document", rf"\bu\s+{_DOC_MODIFIER}{DOC_SRC},\s+(?:koje|koji|koju|kojem|što|sto)\s[^,;]{{1,80}},\s+{_IMPERSONAL}\b"),
    ("document", rf"\bu\s+{_DOC_MODIFIER}{DOC_SRC}(?=,?\s+(?:{_IMPERSONAL}|je\s+\w+n[oa]\b|su\s+\w+li\b))"),
    ("document", rf"\bprema\s+{_DOC_MODIFIER}{DOC_SRC}{_DOC_END}"),
    ("document", rf"\baccording to (?:the |a |an |its |their )?(?P<src>(?:\w+ )?{alternation('documents', ('en',))})"
                 rf"(?=\s*(?:[,.;:!?()]|$))"),
    # "izdao je priopćenje u kojem se navodi": the document says it
    ("document", rf"\b(?P<src>{_DOCUMENTS})\s+(?:u\s+)?(?:kojem|kojoj|kome|kojemu)\s+se\s+(?:navodi|navode|ističe|isticu|kaže|kaze|"
                 rf"tvrdi|dodaje|naglašava|naglasava|precizira|konstatuje|konstatira|objašnjava|objasnjava|upozorava)\b"),
    # the issuer before the verb: "u pismu koje je Baša uputio generalnom sekretaru"
    ("issuer", rf"\b{_DOCUMENTS}(?:\s+[\w-]+){{0,3}}?,?\s+(?:koje|koji|koju|kojeg|koja|kojem|što|sto)\s+(?:je|su)\s+"
               rf"(?P<src>(?-i:[A-ZČĆŽŠĐ])[\w-]*(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w-]*){{0,2}})\s+(?:(?:[\w-]+|\([^()]{{1,24}}\))\s+){{0,2}}?"
               rf"(?:objavi|izda|izdade|sprove|sprovede|prove|provede|sačini|sastavi|uputi|dostavi|podni|podnije|podne|"
               rf"potpisa|usvoji|napisa|pripremi|izradi)(?:o|la|lo|li|le)\b"),
    # who issued the document: "u saopštenju koje je objavio Stejt department", "anketama koje je provela agencija X"
    ("issuer", rf"\b{_DOCUMENTS}(?:\s+[\w-]+){{0,3}}?,?\s+(?:koje|koji|koju|kojeg|koja|kojem|što|sto)\s+(?:je|su)\s+"
               rf"(?:(?:[\w-]+|\([^()]{{1,24}}\))\s+){{0,4}}?(?:objavi|izda|izdade|sprove|sprovede|prove|provede|sačini|sastavi|uputi|dostavi|"
               rf"podni|podnije|podne|potpisa|usvoji|napisa|pripremi|izradi|objavljiva)(?:o|la|lo|li|le)\s+{SRC}{SOURCE_END}"),
    # the body that opens the sentence issued the unnamed document its last clause cites: "Vlada ponovo poziva
    # stranke na dijalog, navodi se u saopštenju" (the extractor keeps only bodies)
    ("issuer_body", rf"^(?P<src>(?-i:[A-ZČĆŽŠĐ])[\w-]*(?:\s+(?!(?:{CLAUSE_WORDS}){WORD_END})[\w.-]+){{0,4}}?)\s+"
                    rf"(?:je\s+|su\s+)?(?:(?:ponovo|ponovno|još|i|danas|juče|jučer)\s+)?(?-i:[a-zčćžšđ])\w+\s[^;]{{1,300}}?,"
                    rf"\s+{_IMPERSONAL}\s+(?:(?:to|i|također|takođe|još)\s+)?u\s+{_DOC_MODIFIER}{_DOCUMENTS}\s*[.!]?\s*$"),
    # a reporter of an outlet: "izvještava novinar Anadolu Agency", "javlja dopisnik agencije Beta"
    ("reported_reporter", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+)?{alternation('relay_verbs', SOUTH_SLAVIC)}\s+{_AFTER_VERB}"
                 rf"(?P<src>novinar\w*|dopisni\w*|reporter\w*|izvjestitelj\w*)\s+(?=(?-i:[A-ZČĆŽŠĐ])|agencij|list|portal|televizij)"),
    ("relay_outlet", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+)?{alternation('relay_verbs', SOUTH_SLAVIC)}\s+{_AFTER_VERB}"
                     rf"(?:novinar\w*|dopisni\w*|reporter\w*|izvjestitelj\w*)\s+{MEDIUM_NP}"),
    # the medium that received a statement: "izjavio je za N1", "u intervjuu za dnevnik Politika", "je za RTS rekao"
    ("told_medium", rf"\b{alternation('receiver_frames')}\s+{MEDIUM_NP}"),
    # with an adjective before the frame's noun: "u kratkom intervjuu za Vogue", "u ekskluzivnoj izjavi za N1"
    ("told_medium", rf"\bu\s+(?:(?-i:[a-zčćžšđ])\w+\s+){{1,2}}(?:izjavi|intervjuu|interviewu|razgovoru|obraćanju|"
                    rf"gostovanju)\s+(?:(?:datoj|danoj)\s+)?za\s+{MEDIUM_NP}"),
    # the medium told, in the dative after the speaker: "izjavio je portparol misije beogradskom B92."
    ("told_medium", rf"\b{_RECEIVER_VERBS}\s+(?:je\s+)?(?:[\w-]+\s+){{1,8}}?(?P<src>(?-i:[a-zčćžšđ])\w+"
                    rf"{alternation('adjective_endings', SOUTH_SLAVIC)}\s+(?:{_MEDIA_WORD}\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
                    rf"(?=\s*(?:[.;!?]|$))"),
    # a receiver frame makes any verb after it a statement to that medium, so the subject that opens the sentence
    # is its speaker: "Direktor Ivan Ivić u razgovoru za Oslobođenje hvali plan" (the verb need not be in a table)
    ("statement", rf"^(?P<src>(?-i:[A-ZČĆŽŠĐ])[\w-]*(?:\s+(?!(?:{CLAUSE_WORDS}|u){WORD_END})[\w.-]+){{0,5}}?)\s+u\s+"
                  rf"(?:(?-i:[a-zčćžšđ])\w+\s+)?(?:izjavi|intervjuu|interviewu|razgovoru)\s+(?:(?:datoj|danoj)\s+)?za\s+"
                  rf"{MEDIUM_NP.replace('(?P<src>', '(?:')}\s+(?!(?:{CLAUSE_WORDS}|će|neće|nema){WORD_END})"
                  rf"(?-i:[a-zčćžšđ])\w+\b(?!\s+(?:je|su)\b)"),
    # a second verb of speech sharing the first clause's subject: "EU je pozdravila plan, ali je kazala da ..."
    # (a short quoted name may sit in between: 'pozdravila je "akcijski plan"'; a quotation may not)
    # (the second clause has no subject of its own: "da"/"kako" or punctuation follows its verb at once; the two
    # auxiliaries agree, so "Cijene su porasle, ali je rekao" has another speaker; the extractor checks that the
    # second verb is a speech participle, the table's alternation would double the pattern's compile time)
    ("statement", rf"^(?P<src>(?-i:[A-ZČĆŽŠĐ])[\w-]*(?:\s+(?!(?:{CLAUSE_WORDS}){WORD_END})[\w.-]+){{0,4}}?)\s+"
                  rf"(?:(?P<aux>je|su)\s+)?(?-i:[a-zčćžšđ])\w+(?:o|la|lo|li|le)(?(aux)|\s+(?P<aux_after>je|su))"
                  rf"\s(?:[^.;:\"„“”«»]|[\"„“«][^.;:\"„“”«»]{{1,40}}[\"“”»]){{1,160}}?,\s+(?:ali|a|no|te)\s+(?(aux)(?P=aux)|(?P=aux_after))\s+(?:i\s+)?(?P<coordinated>\w+(?:o|la|lo|li|le))"
                  rf"(?=\s*[,:]|\s+(?:da|kako)\b)"),
    # a reporter's credit for an outlet: "(Ivan Ivić za Southeast European Times)"
    ("statement", rf"[(\[](?P<src>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s+za\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}[)\]]\s*$"),
    ("told_outlet", rf"[(\[]{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}\s+za\s+(?P<src>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})[)\]]\s*$"),
    # "Govoreći u nedjelju na državnoj televiziji HRT, premijer je rekao": the medium it was said on
    ("told_medium", rf"\b(?:govoreći|govoreci|gostujući|gostujuci)\b[^,.;]{{0,40}}?\b(?:na|za|u)\s+{MEDIUM_NP}"),
    # "u intervjuu crnogorskoj novinskoj agenciji Mina"
    # the medium told in the dative, before the verb or after a frame: "Ivić je agenciji Beta rekao", "je Tanjugu
    # rekao", "U izjavi Reutersu, ..."
    ("told_medium", rf"\b(?:je|su)\s+(?:[\w-]+\s+)?(?P<src>(?:(?-i:[a-zčćžšđ])\w+\s+)?{_MEDIA_WORD}\s+{_NAME_WORD}"
                    rf"(?:\s+{_NAME_WORD}){{0,2}}|{_NAME_WORD})\s+(?:je\s+)?{_SPEECH_FOR}\b"),
    ("told_medium", rf"\bu\s+(?:izjavi|intervjuu|razgovoru|interviewu)\s+(?P<src>{_NAME_WORD})(?=\s*[,;]|\s+(?-i:[a-zčćžšđ]))"),
    # the medium word alone, named before: "rekao je za list neimenovani diplomata"
    ("told_medium", rf"\b{_SPEECH_FOR}\s+(?:je\s+|su\s+)?za\s+(?P<src>(?:list|dnevnik|portal|agenciju|televiziju|radio|"
                    rf"nedjeljnik|nedeljnik|tjednik|magazin|časopis|casopis))\s+(?=(?-i:[a-zčćžšđ])\w+\s+\w+)"),
    # "rekao je za rusku televiziju da": a medium named by its kind only
    ("told_medium", rf"\b{_SPEECH_FOR}\s+(?:je\s+|su\s+)?za\s+(?P<src>(?:(?-i:[a-zčćžšđ])\w+(?:sku|čku|šku|nu|ju)\s+){{1,2}}"
                    rf"(?:televiziju|agenciju|novinsku\s+agenciju|radio|stanicu|mrežu|mrezu))(?=\s*(?:,|da\b|kako\b))"),
    ("told_medium", rf"\bu\s+(?:intervjuu|razgovoru|interviewu)\s+(?P<src>(?:(?-i:[a-zčćžšđ])\w+\s+){{0,2}}?"
                    rf"{_MEDIA_WORD}\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"),
    ("told_medium", rf"\b{_SPEECH_FOR}\s+(?:je\s+|su\s+)?(?:(?:danas|juče|jučer|sinoć|ranije|večeras|jutros|on|ona|"
                    rf"oni|one|ono)\s+)?"
             rf"za\s+{MEDIUM_NP}"),
    # the speaker between the verb and the medium: "izjavio je Ivan Ivić za CNBC u intervjuu", "rekao je voditelj
    # aukcijske kuće za Wall Street Journal, dodajući"
    ("told_medium_far", rf"\b{_SPEECH_FOR}\s+(?:je\s+|su\s+)?(?:(?!(?:{CLAUSE_WORDS}){WORD_END})[\w.'’-]+\s+){{1,6}}?za\s+"
                        rf"{MEDIUM_NP}"),
    ("told_medium", rf"\b(?:je|su)\s+za\s+{MEDIUM_NP}\s+{_RECEIVER_VERBS}"),
    # the subject between the auxiliary and the medium: "dok je premijer Ana Anić za N1 izjavila"
    ("told_medium", rf"\b(?:je|su)\s+(?:(?!(?:{CLAUSE_WORDS}){WORD_END})[\w.'’-]+\s+){{1,5}}?za\s+{MEDIUM_NP}\s+{_SPEECH_FOR}\b"),
    ("told_medium", rf"\b{_SPEECH_FOR}\s+(?:je\s+|su\s+)?(?:on\s+|ona\s+|oni\s+)?za\s+"
                    rf"(?P<src>{alternation('generic_media', SOUTH_SLAVIC)})(?!\w)"),  # "izjavila je za lokalne medije"
    ("told_medium", rf"\b{_RECEIVER_VERBS}\s+(?:je\s+)?(?P<src>{_NAME_WORD})(?=\s+(?-i:[a-zčćžšđ]))"),  # "Reutersu"
    ("told_medium", rf"\bza\s+{MEDIUM_NP}(?=\s*(?:[;!?]|\.(?!\w)|$))"),
    # the medium told of an impersonal passive: "Iz policije je za Klix.ba potvrđeno", "rečeno je za N1 u ..."
    ("told_medium", rf"\b(?:je|su)\s+(?:to\s+|nam\s+)?za\s+{MEDIUM_NP}\s+(?:{_PASSIVE})\b"),
    ("told_medium", rf"\b(?:je|su)\s+(?P<src>{_NAME_WORD})\s+(?:(?:ranije|danas|juče|jučer|večeras|sinoć|takođe|također)\s+)"
                    rf"{{0,2}}(?:{_PASSIVE})\b"),
    ("told_medium", rf"\b(?:{_PASSIVE})\s+(?:je\s+)?(?:to\s+)?za\s+{MEDIUM_NP}"),  # "rekao je Čotrić za SETimes."
    ("told_medium", rf"\b{_RECEIVER_VERBS}\s+(?:je\s+)?(?:\w+\s+)?(?P<src>(?:novinsk\w+\s+)?{_MEDIA_WORD}\s+{_NAME_WORD}"
                    rf"(?:\s+{_NAME_WORD}){{0,3}})"),  # "izjavio je on novinskoj agenciji FENA"
    ("statement", rf"\bkako\s+(?:je\s+|su\s+)?(?:{alternation('speech_participles')}|{alternation('speech_verbs', SOUTH_SLAVIC)})"
                  rf"\s+{SRC}{SOURCE_END}"),
    ("statement", r"^(?P<src>(?-i:[A-ZČĆŽŠĐ])[\w'’-]+(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w'’-]+){0,2}):\s+(?=(?-i:[A-ZČĆŽŠĐ„\"“]))"),
    # "prema izvorima Oslobođenja", "izvori bliski Vladi, navodi N1": unnamed sources of a named medium
    ("according_to", r"\bprema\s+(?P<src>izvorima)\s+(?=(?-i:[A-ZČĆŽŠĐ]))"),
    ("relay_medium", rf"\bprema\s+izvorima\s+{MEDIUM_NP}"),
    # "U Fondu kažu", "u turističkim agencijama kažu": they say at a body
    ("statement", rf"(?:^|[,–—]\s*)(?:no\s+|ali\s+|a\s+)?u\s+(?P<src>(?:(?-i:[a-zčćžšđ])\w+\s+)?(?-i:[A-ZČĆŽŠĐ])[\w-]*"
                  rf"(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w-]*){{0,3}}|(?-i:[a-zčćžšđ])\w+\s+agencijama)\s+(?:kažu|ističu|navode|tvrde|"
                  rf"poručuju|objašnjavaju|napominju|upozoravaju|kazu|isticu)\b"),
    # passives from a body: "saopćeno je iz Ministarstva", "ističu iz stranke"
    ("statement", rf"\b{alternation('passive_from')}\s+{SRC}{SOURCE_END}"),
    ("statement", rf"\b(?:su\s+)?(?:{_PLURAL_SPEECH})\s+(?:su\s+)?(?:iz|sa|s)\s+{SRC}{SOURCE_END}"),  # "izjavili su iz Ureda"
    # impersonal passives from a body: "kako je saopšteno iz policije", "Saopćeno je to iz Ureda", "Iz MUP-a je
    # za Klix.ba potvrđeno", "kako je rečeno u Ministarstvu"
    ("statement", rf"\b(?:{_PASSIVE})\s+(?:je\s+)?{_PASSIVE_ADJUNCTS}(?:iz|sa|s)\s+{SRC}{SOURCE_END}"),
    ("statement", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+|no\s+|ali\s+|kako\s+)?iz\s+{SRC}\s+(?:je|su)\s+{_PASSIVE_ADJUNCTS}"
                  rf"(?:{_PASSIVE}|{_PLURAL_SPEECH})\b"),
    ("statement_body", rf"\bkako\s+(?:je|su)\s+{_PASSIVE_ADJUNCTS}(?:{_PASSIVE})\s+u\s+{SRC}{SOURCE_END}"),
    ("statement", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+|no\s+|ali\s+)?iz\s+{SRC}\s+(?:su\s+)?(?:{_PLURAL_SPEECH})\b"),
    # a medium's name in quotation marks: ', prenosi "Glas Amerike"', ', piše „Večernji list“'
    ("reported_medium", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+|kako\s+)?{alternation('relay_verbs', SOUTH_SLAVIC)}\s+{_AFTER_VERB}"
                        rf"(?:(?:(?-i:[a-zčćžšđ])[\w.]+\s+){{0,2}}{_MEDIA_WORD}\s+)?"
                        rf"[„“\"«](?P<src>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})[“”\"»]"),  # 'prenosi dnevni list "Blic"' 
    # ", izvijestila je televizija Al Jazeera", ", a prenosi Beta", "piše list Guardian"
    ("reported_medium", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+|kako\s+)?{alternation('relay_verbs', SOUTH_SLAVIC)}\s+{_AFTER_VERB}"
                        rf"{SRC}{SOURCE_END}"),
    # the reporter's outlet: "izvijestio je Mike Organ iz Tennesseeana" (Organ -> Tennesseean)
    ("relay_outlet", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+|kako\s+)?{alternation('relay_verbs', SOUTH_SLAVIC)}\s+"
                     rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}\s+(?:iz|sa|s)\s+{MEDIUM_NP}"),
    # '"…", izjavio je u srijedu za SETimes specijalni predstavnik EU Erwan Fouéré': the speaker after the verb
    # the speaker after a sentence-opening demonstrative: "Ovo je u Beču kazao X", "To je za N1 izjavio X"
    ("reported", rf"^(?:to|ovo|tako|ovako|time|ono|isto)\s+(?:je|su)\s+{_AFTER_VERB}"
                 rf"(?:{alternation('speech_participles', SOUTH_SLAVIC)})\s+{_AFTER_VERB}{SRC}{SOURCE_END}"),
    # the medium in a relative clause: "..., što je danas objavio Jutarnji list", "kako je pisala Politika"
    ("reported_medium", rf"\b(?:što|sto|kako|koje|koju|što\s+su|sto\s+su)\s+(?:je\s+|su\s+)?{_AFTER_VERB}"
                        rf"(?:{_RELAY_PARTICIPLES})\s+{_AFTER_VERB}(?=(?-i:[A-ZČĆŽŠĐ])){SRC}{SOURCE_END}"),
    # (not "časopis Der Spiegel, koji je objavio optužbe": there the pronoun is the medium and the object follows)
    ("reported_medium", rf"\b(?:koje|koju|kojeg|koji|što|sto)\s+(?:prenosi|prenose|objavljuje|objavljuju|"
                        rf"javlja|javljaju)\s+{_AFTER_VERB}(?=(?-i:[A-ZČĆŽŠĐ])){SRC}{SOURCE_END}"),  # "saopštenje Vlade, koje prenosi Tanjug"
    # the medium told, before the verb: "Za Guardian je rekao da ..."
    ("told_medium", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+)?za\s+{MEDIUM_NP}\s+(?:je|su)\s+(?:[\w-]+\s+)?{_SPEECH_FOR}\b"),
    # said at a body: "kako se navodi u Evropskoj komisiji", "ističe se u Ministarstvu"
    ("statement_body", rf"\b{_IMPERSONAL}\s+u\s+(?P<src>(?-i:[A-ZČĆŽŠĐ])[\w-]*(?:\s+(?:(?-i:[A-ZČĆŽŠĐ])[\w-]*|"
                       rf"(?-i:[a-zčćžšđ])[\w-]*(?=\s*(?:[,.;:!?]|$)))){{0,3}})(?=\s*(?:[,.;:!?]|$))"),
    ("reported", rf"(?:^|[,–—]\s*)(?:a\s+|i\s+)?(?:{alternation('speech_participles', SOUTH_SLAVIC)}\s+"
                 rf"(?:(?:nam|mu|joj|im|mi|vam)\s+)?(?:je|su)|{alternation('speech_verbs', SOUTH_SLAVIC)})"
                 rf"\s+{_AFTER_VERB}{SRC}{SOURCE_END}"),  # also "precizirala je X", "kazao nam je X"
    ("according_to", rf"\baccording to (?:the |a |an )?(?P<src>(?:[\w-]+\s+){{0,2}}?(?:news release|release|poll|survey|"
                     rf"study|analysis|filing|records|papers|documents|indictment|complaint)\s+(?:from|by|of|filed at|"
                     rf"filed in)\s+{SRC.replace('(?P<src>', '(?:')}){SOURCE_END}"),
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
    ("reported", rf"(?:^|[,–—]\s*)(?:said|says|say|added|adds|asked|replied)\s+(?=(?:the|a|an|his|her|its|their|one|two|three|four|"
                 rf"several|some|many|\d+)\s|(?-i:[A-Z])|\d)(?=(?:\S+\s+){{0,3}}\S+(?:\s*(?:[,.;:!?()\"„“”«»–—]|$)|"
                 rf"\s+(?:as|while|when|after|before|following|on|in|at|during)\s))"
                 rf"{SRC}(?=\s*(?:[,.;:!?()\"„“”«»–—]|$)|\s+(?:as|while|when|after|before|following|on|in|at|during)\s)"),
    # ("said Jordan Spieth as he strolled off", "said Walton on the Lakers' website": the clause goes on after the name)
    ("statement", rf"\b(?:reported|announced|released|published|compiled|confirmed|described) by {SRC}{SOURCE_END}"),
    ("told_medium", rf"\btold\s+{SRC}{SOURCE_END}"),  # "told CNN", not "told world leaders" (an audience)
    ("told_outlet", rf"\btold\s+(?P<src>the\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})(?=\s+(?:for|in|on|about|last|"
                    rf"this|earlier)\b)"),  # "told The Hill for an article published Saturday"
    ("statement", rf"\b(?:reported|quoted|cited)\s+{SRC}\s+(?:as\s+)?saying\b"),  # "Mediaite reported the president saying"
    ("told", rf"\bin an interview (?:with|for) {SRC}{SOURCE_END}"),
    ("told_medium", rf"\bin\s+an?\s+(?:(?-i:[a-z])\w+\s+){{1,2}}interview\s+(?:with|for)\s+{SRC}{SOURCE_END}"),  # "an exclusive"
    ("told_medium", rf"\b(?:appeared|appearing|speaking|interviewed)\s+on\s+{SRC}{SOURCE_END}"),  # "appeared on Fox News Sunday"
    ("told", rf"\b(?:speaking|talking) (?:to|with) {SRC}{SOURCE_END}"),
    ("told_medium", rf"\b(?:rekao|rekla|rekli|izjavio|izjavila|izjavili|kazao|kazala|potvrdio|potvrdila) (?:je |su )?"
                    rf"(?:on |ona |oni )?za {SRC}{SOURCE_END}"),
    ("told_medium", rf"\bu (?:intervjuu|razgovoru|izjavi) za {SRC}{SOURCE_END}"),
    ("according_to", rf"\b(?:prema|po) (?:{alternation('according_to', SOUTH_SLAVIC)}|izvestaju|izveštaju|izvjestaju|"
                     rf"izvještaju|izvjescu|izvješću) {SRC}{SOURCE_END}"),
    ("according_to_medium", rf"\bprema\s+{MEDIUM_NP}"),  # "prema dnevnom listu Jutro", "prema agenciji Rompres"
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
                       r"paper|newspaper|daily|outlet|broadcaster|list\w*|dnevni\w*|portal\w*|televizij\w*)$|"
                       r"^(?:the |this |that |ovi |ti |ove |te |isti |iste )(?:media|medij\w*)$")  # "mediji": in general


CLAUSE_BREAK = re.compile(r",\s+(?:a|dok|ali|while|whereas|but)\s+(?!(?:prenosi|prenose|javlja|javljaju|piše|pise|"
                           r"pišu|pisu)\b|" + alternation("relay_verbs", SOUTH_SLAVIC) + r"\s)", re.I)


AUDIENCE = re.compile(r"^(?:the )?(?:reporters|journalists|press|media|news conference|press conference|"
                       r"a news conference|a press conference|lawmakers|supporters|crowd|audience|novinar\w*|medij\w*)$")
# Bodies that speak without a capital: "prosecutors said", "policija je saopštila"
BODY_BEFORE = re.compile(r"\b((?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:prosecutors?|investigators?|authorities|police|ministry|"
                          r"government|court|parliament|assembly|army|military|embassy|presidency|bank|company|"
                          r"tuzilastv\w*|tužilaštv\w*|policij\w*|ministarstv\w*|vlad[aeiu]|sud|skupstin\w*|skupštin\w*|sabor|"
                          r"vojsk\w*|ambasad\w*|vlast\w*|industry|airline|company|firm|kompanij\w*|"
                          r"hotelijer\w*|udrug\w*|udružen\w*|udruzen\w*|političar\w*|politicar\w*|stručnja\w*|strucnja\w*|analiti\w*|experts?|analysts?|critics?|kriti[cč]ar\w*|"
                          r"lideri|čelnici|celnici|zvaničnici|zvanicnici|dužnosnici|duznosnici|poslanici|zastupnici|leaders|"
                          r"institucij\w*|organizacij\w*|agency|office|commission|council|committee|board|department|"
                          r"service|institute|foundation|charity|brief|report|study|survey|poll))"
                          r"\s*$", re.I)
LOCATIVE = {"u", "in", "iz", "at", "na"}  # "Misija EU na Kosovu": the place belongs to the body before it
APPOSITIVE_NAME = re.compile(r"\s*[A-ZČĆŽŠĐ][\w.'’-]*(?:\s+[A-ZČĆŽŠĐ][\w.'’-]*){1,3}\s*")
ASIDE = re.compile(r"^\s*(?:citing|quoting|pozivajuci|pozivajući|citirajuci|citirajući|speaking on condition|"
                    r"speaking anonymously|who spoke on condition|who asked not to be named|who declined to be named|"
                    r"for example|for instance|however|meanwhile|in \w+ testimony|in a statement|"
                    r"na primjer|na primer|međutim|medjutim|ipak|pak|naime|inače|takođe|također)\b", re.I)


@functools.cache
def forward_compiled() -> list[tuple[str, re.Pattern]]:
    """FORWARD compiled, on first use: about 200 large alternations take a quarter of a second to compile,
    which commands that extract no attribution (check, translate) should not pay."""
    return [(kind, re.compile(p.replace(r"(?:^|[,–—]\s*)", _CLAUSE_OPEN), re.I)) for kind, p in FORWARD]

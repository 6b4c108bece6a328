"""Attributions: who is said to have reported or said what, in English and Serbian/Bosnian/Croatian.

Each sentence is matched against cue patterns (``according to X``, ``as reported by X``,
``X reported``, ``reports X``, ``citing X``; ``prema pisanju X``, ``kako prenosi X``,
``javlja X``, ``navodi X``, ``pozivajući se na X``, ``izjavio je X`` …), bylines
(``Written by …``, ``Piše: …``, ``Autor: …``), agency datelines (``BEOGRAD, 27. novembra
(Tanjug) –``) and non-sources (``declined to comment``, ``nije odgovorio``). Cyrillic is read
through a Latin transliteration with an offset map, so every span points into the original
text. Each attribution keeps its evidence: sentence, cue, source span and content span.
The patterns are in ``cues``; typing and keying the sources they name, in ``nodes``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from functools import lru_cache

from ..lexicon.attribution_cues import SOUTH_SLAVIC, alternation, folded_words, words as cue_words
from ..lexicon.media import REGISTRY, lookup_media
from ..lexicon.script import fold
from .cues import (ANAPHORA, APPOSITIVE_NAME, ASIDE, AUDIENCE, BACKWARD, BODY_BEFORE, BYLINE, CLAUSE_BREAK, CLAUSE_WORDS,
                   DATELINE,
                   DOMAIN, HARD, LOCATIVE, NON_SOURCES, SOURCE_END, SRC, STOP, _DOCUMENTS, CueKind, forward_compiled)
from .nodes import MEDIA_PREFIX, OFFICIAL, ROLE, Node, make_node, media_headed
from .records import Attribution, Evidence

_WORD_PUNCTUATION = ".,;:()'\"’"


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
            if (ANAPHORA.match(fold(attribution.evidence.source_text)) and last_media is not None
                    and fold(attribution.evidence.source_text) not in folded_words("generic_media")):  # "prenose agencije"
                attribution = Attribution(last_media, attribution.kind, attribution.evidence)  # "the paper"
            # with no medium before it, "izvestio je list" still names a medium, unnamed
            found.append(attribution)
            taken.append(attribution.evidence.source_span)
            if attribution.node.is_media:
                last_media = attribution.node
    return _one_subject_per_verb(found), non_sources


def _one_subject_per_verb(found: list[Attribution]) -> list[Attribution]:
    """"..., kažu izvori": a speech verb whose subject follows it has no second subject before it (the
    noun before the verb, "koje deportuju SAD, ... kažu izvori", is the object of another clause).
    A medium after the verb is a receiver or a relay, not the verb's subject, so it does not count."""
    inverted = [a.evidence for a in found if (not a.node.is_media or _MEDIA_VERB.search(a.evidence.cue))
                and a.kind is CueKind.REPORTED and a.evidence.source_span[0] > a.evidence.cue_span[0]]
    # (", reports Reuters": a medium after a verb that only media use is that verb's subject)
    return [a for a in found
            if not (a.kind is CueKind.STATEMENT and a.evidence.source_span[1] <= a.evidence.cue_span[0]
                    and any(e.document == a.evidence.document and _overlaps(e.cue_span, a.evidence.cue_span)
                            and e.source_span != a.evidence.source_span for e in inverted))]


def latin_view(text: str) -> tuple[str, list[int]]:
    """Text with Cyrillic transliterated, and for each of its characters the offset in ``text``."""
    from ..lexicon.script import to_latin

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
    byline = BYLINE.match(view)
    if byline and len(view.split()) <= 10 and (is_last or is_first):
        return [_attribution("byline", byline.span("cue"), byline.span("src"), None, ctx)]
    dateline = DATELINE.match(view)
    if dateline and lookup_media(dateline.group("src")):
        results.append(_attribution("dateline", dateline.span(), dateline.span("src"), (dateline.end(), len(view)), ctx))
    results += _credit_line(view, ctx)
    for kind, pattern in forward_compiled():
        for match in pattern.finditer(view):
            if kind.startswith("according_to") and _inside_quote(view, match.start()):
                continue  # '"EU nije iskrena prema Kosovu ...", rekla je': whom a speaker names is no source
            if (match.re.groupindex.get("coordinated") and fold(match.group("coordinated"))
                    not in folded_words("speech_participles")):
                continue  # "Vlada je usvojila plan, a je otišla": the second verb says nothing
            src_span = _trim(view, match.span("src"))
            if src_span is None:
                continue
            source_text = fold(view[src_span[0]:src_span[1]])
            if (kind in ("told", "reported") and AUDIENCE.match(source_text)
                    and not (kind == "reported" and source_text in folded_words("generic_media"))):
                continue  # "told reporters": the people spoken to, not a source
            if kind == "reported" and _an_object(view[src_span[0]:src_span[1]]):
                continue  # "naveo radove na obnovi": the verb's object, not its subject
            aside = (not view[:match.start()].strip(" \"„“”«»") or view[:match.start()].rstrip()[-1:] in ",;:–—") and \
                view[src_span[1]:].lstrip()[:1] == ","  # "Prema Vučkoviću, ...", "..., prema ministarstvu financija, ..."
            named_aside = aside and (view[src_span[0]].isupper() or OFFICIAL.search(fold(view[src_span[0]:src_span[1]]))
                                     or BODY_BEFORE.search(view[src_span[0]:src_span[1]]))
            if kind == "according_to_named" and not named_aside and not (
                    (view[src_span[0]].isupper() or _place_adjective(view, src_span) or _role_and_name(view, src_span))
                    and _can_be_according_to(view[src_span[0]:src_span[1]])):
                continue  # "prema Bruxellesu" (towards Brussels) is no "according to"
            if kind == "citing" and _QUOTING_MEDIUM.search(match.group()):
                split = _medium_and_object(view, src_span)
                if split:  # "citirao je ruski dnevni list Moscow News Natalyu Milchakovu": the paper quotes her
                    medium_span, person_span = split
                    results.append(_attribution("reported", match.span(), medium_span,
                                                (0, match.start()), ctx, "medium"))
                    results.append(_attribution("statement", (medium_span[1], person_span[0]), person_span,
                                                (0, match.start()), ctx))
                    continue
            tail = _CONJOINED_BEFORE_ACRONYM.match(view, src_span[1])
            if tail and not any(_HARD_WORD.match(w) and fold(w) not in ("i", "and")
                                for w in tail.group("words").split()):
                src_span = (src_span[0], tail.end())  # "Instituta za ratno i mirnodopsko izveštavanje (IWPR)"
            if kind == "according_to_named":
                second = _SECOND_ACCORDING.match(view, src_span[1])
                second_span = second and _trim(view, second.span("src"))
                if second_span and (view[second_span[0]].isupper() or _place_adjective(view, second_span)) \
                        and _can_be_according_to(view[second_span[0]:second_span[1]]):
                    # "prema podgoričkom Centru ... i beogradskom Centru ...": both are sources
                    results.append(_attribution("according_to", (src_span[1], second_span[0]), second_span,
                                                (second.end(), len(view)), ctx))
            if (kind == "citing" and re.search(r"\bse\s+na\s", match.group(), re.I) and view[src_span[0]].islower()
                    and make_node(view[src_span[0]:src_span[1]]).type == "unknown"):
                continue  # "Pozivajući se na pravo na štrajk": a right invoked, not a source
            if kind == "told_outlet" and not media_headed(match.group("src")):
                continue  # "told The Hill for ...", not "told the U.N. Security Council" (an audience)
            if kind == "told_medium_far" and _ACRONYM.fullmatch(view[src_span[0]:src_span[1]]) and not lookup_media(
                    view[src_span[0]:src_span[1]]):
                continue  # "rekao je ministar za EU integracije": a portfolio, not a medium told
            clause_end = (kind == "told_medium_far" and _CLAUSE_END.match(view, match.end())
                          and not _INFLECTED_NAME.search(view[src_span[0]:src_span[1]]))
            if kind == "told_medium_far":
                kind = "told_medium"
            if kind in ("told_medium", "relay_medium", "according_to_medium"):
                src_span = _known_medium_prefix(view, _to_known_medium(view, src_span))  # "za Kurir Markova majka": Kurir
            quoted = src_span[0] > 0 and view[src_span[0] - 1] in "„“\"«" and view[src_span[1]:src_span[1] + 1] in "“”\"»"
            if kind in ("told_medium", "relay_medium", "according_to_medium") and not (
                    _names_medium(view[src_span[0]:src_span[1]]) or (quoted and kind == "told_medium")
                    or (clause_end and view[src_span[0]].isupper())):  # "rekao je X za People."
                continue  # "rekao je za Vučića": said about someone, not to a medium
            if (kind == "told_medium" and re.match(r"za\s", match.group(), re.I)
                    and _ACRONYM.fullmatch(view[src_span[0]:src_span[1]]) and not lookup_media(view[src_span[0]:src_span[1]])):
                continue  # "o kandidaturi Turske za EU.": with no speech verb, an unknown acronym is no medium told
            if kind in ("told_medium", "relay_medium", "according_to_medium"):
                src_span = _known_medium_prefix(view, src_span)  # "za SETimes Erica Avrami": SETimes
            if (kind == "reported_medium" and ROLE.search(fold(view[src_span[0]:src_span[1]]))
                    and not _names_medium(view[src_span[0]:src_span[1]])):
                kind = "reported_person"  # "izvijestio je sindikalni povjerenik ...": a person reports
                src_span = _to_closing_name(view, src_span)
            if kind == "reported" and not _MEDIA_VERB.search(match.group()):
                src_span = _to_closing_name(view, src_span)
                apposition = _COMMA_APPOSITION.match(view, src_span[1])
                if apposition and view[src_span[0]].islower():
                    end = apposition.end(1) - (view[apposition.end(1) - 1] == "." and not re.search(
                        r"\b[A-ZČĆŽŠĐ]\.$", view[:apposition.end(1)]))  # the full stop, not an initial's dot
                    src_span = (src_span[0], end)  # "kaže albanska Grkinja, 28-godišnja Adela Jani"
                second = _SECOND_SPEAKER.match(view, src_span[1])
                if second and _trim(view, second.span(1)):  # "..., zaključili su X i Y."
                    results.append(_attribution("reported", second.span(), _trim(view, second.span(1)),
                                                (0, match.start()), ctx))  # its own cue: the first speaker stays
            if kind == "issuer" and _DOCUMENT_AFTER_IN.search(view[:match.start()]):
                # "U izvještaju koji su objavile Nezavisne novine se navodi ...": the document is a source too
                document = _DOCUMENT_WORD.match(view, match.start())
                relative = re.search(r",?\s+(?:koje|koji|koju|kojeg|koja|kojem|što|sto)\s", match.group(), re.I)
                if document:  # the document's whole name, up to its relative clause ("listi najboljih država koju")
                    span = (match.start(), match.start() + relative.start()) if relative else document.span()
                    results.append(_attribution("document", span, span, (match.end(), len(view)), ctx))
            content = (0, match.start()) if match.start() > len(view) / 2 else (match.end(), len(view))
            medium = kind in ("told_medium", "relay_medium", "relay_outlet", "told_outlet", "according_to_medium") or ((kind == "reported_medium" or kind == "reported"
                                                 and _MEDIA_VERB.search(match.group()))
                                                and not _looks_like_a_person(view[src_span[0]:src_span[1]]))
            medium = medium or (kind == "issuer" and _names_medium(view[src_span[0]:src_span[1]]))  # "objavio magazin X"
            medium = medium or (kind.startswith("according_to") and media_headed(  # "according to The Hill"
                view[max(0, match.start("src") - 4):match.start("src")].capitalize() + match.group("src")))
            if kind == "issuer_body" and not OFFICIAL.search(fold(view[src_span[0]:src_span[1]])):
                continue  # "Cijene su porasle, navodi se u saopštenju": prices issue nothing
            if kind == "statement_body" and not (OFFICIAL.search(fold(view[src_span[0]:src_span[1]]))
                                                 or _ACRONYM.fullmatch(view[src_span[0]:src_span[1]].split()[0])):
                continue  # "navodi se u Beogradu": a place, not a body
            results.append(_attribution(kind.replace("_named", "").replace("_medium", "").replace("_outlet", "")
                                        .replace("_body", "").replace("_person", "").replace("_reporter", ""),
                                        match.span(), src_span,
                                        content, ctx, "medium" if medium else None))
    for match in [*BACKWARD.finditer(view), *_BACKWARD_SPEECH.finditer(view)]:
        if (_PASSIVE_BEFORE.search(view[:match.start()]) or _BY_AFTER.match(view[match.end():])
                or _REFLEXIVE_BEFORE.search(view[:match.start()])
                or _REFLEXIVE_AFTER.match(view[match.end():])):  # "smatra se", "kaže se u anketi": impersonal
            continue  # "people were reported trapped", "reported by Nielsen": no subject speaks
        quoted_name = _QUOTED_NAME_BEFORE.search(view, max(0, match.start() - 60), match.start())
        plain = view  # 'je u intervjuu za „Sportski žurnal“ rekao': the name's quotation marks quote no one
        if quoted_name and not view[quoted_name.end():match.start()].strip():
            plain = view[:quoted_name.start()] + " " * len(quoted_name.group()) + view[quoted_name.end():]
        if _AFTER_QUOTE.search(plain[:match.start()]) or _inside_quote(plain, match.start()):
            continue  # '"…", izjavio je X': the speaker follows; a verb inside a quotation is not the report
        if _NEGATED.search(view[:match.start()]) or _RELATIVE_OBLIQUE.search(view[:match.start()]) or (
                _RELATIVE_OBJECT.search(view[:match.start()]) and _MEDIA_VERB.fullmatch(match.group().strip())):
            continue  # "Nijedan Srbin ne priznaje genocid"; "komisija na kojoj su svjedočili X i Y": the subject follows
        src_span = _subject_before(view, match.start())
        if src_span is None:
            continue
        content = (match.end(), len(view))
        medium = ("medium" if _MEDIA_VERB.fullmatch(match.group().strip())
                  and not _looks_like_a_person(view[src_span[0]:src_span[1]]) else None)
        results.append(_attribution("statement", match.span(), src_span, content, ctx, medium))
    results += _participle_speakers(view, ctx)
    for match in _REFLEXIVE_SPEECH.finditer(view):
        if _NEGATED.search(view[:match.start()]) or _inside_quote(view, match.start()):
            continue  # "nije se oglasio": no word from him
        src_span = _subject_before(view, match.start())
        if src_span is not None:
            results.append(_attribution("statement", match.span(), src_span, (match.end(), len(view)), ctx))
    return _dedupe(_split_coordinated(results, view, ctx))


# "X se (također) oglasio", "Predsjednik se kratko osvrnuo na": a reflexive speech verb after its subject
_REFLEXIVE_SPEECH = re.compile(rf"(?<![\w-])(?:(?:je|su)\s+)?se\s+(?:(?:je|su)\s+)?(?:(?:također|takođe|takodje|i|kratko|"
                               rf"ponovo|ponovno|opet|javno|odmah)\s+)?(?:{alternation('reflexive_speech', SOUTH_SLAVIC)})(?![\w-])",
                               re.I)
_NEGATED = re.compile(r"\b(?:ne|nije|nisu|nisam|nismo)\s*$", re.I)
# "saopštenje, koje prenosi Tanjug": the relative pronoun is what the medium relays, the medium follows
_RELATIVE_OBJECT = re.compile(r"(?:^|[\s,])(?:koje|koju|kojeg|što|sto)\s*$", re.I)
# a relative pronoun in an oblique case just before the verb: its subject comes after it
_RELATIVE_OBLIQUE = re.compile(r"\b(?:na|u|pred|o|s|sa|kod|za|od|po|prema|with|at|in)\s+(?:kojoj|kojem|kome|kojima|kojim|kojeg|"
                               r"koju|čijoj|čijem|cijoj|cijem|which|whom)\s+(?:(?:su|je|se|će|ce|bi)\s+)*$", re.I)
# two sources side by side: "NATO-a i EU", "The airline and the U.S. Navy", "Reuters and AFP"
_COORDINATED = re.compile(r"^(?P<a>.+?)\s+(?:i|and)\s+(?P<b>(?:the\s+)?\S.*)$")
_COORDINATED_BEFORE = re.compile(r"(?:^|[,;:]\s*)(?P<a>(?-i:[A-Z])[\w'’.-]*(?:\s+[\w'’.-]+){0,3}?)\s+(?:and|i)\s+(?:the\s+)?$")


def _standalone(text: str) -> bool:
    """A conjunct that names a source on its own: an acronym (NATO-a, EU), a known medium, or an English
    noun phrase with its article that names a body ("the U.S. Navy", "The airline")."""
    return bool(_ACRONYM.fullmatch(text) or lookup_media(text)
                or (re.match(r"(?:the|a|an)\s", text, re.I) and (BODY_BEFORE.search(text) or OFFICIAL.search(fold(text))
                                                              or media_headed(text))))


def _split_coordinated(results: list[Attribution], view: str, ctx: _Context) -> list[Attribution]:
    """Each of two coordinated sources is a source: "kritike NATO-a i EU, koji kažu" (one span, two
    sources) and "The airline and the U.S. Navy both said" (the span found is the second)."""
    split = []
    for attribution in results:
        if attribution.kind not in (CueKind.STATEMENT, CueKind.REPORTED, CueKind.ACCORDING_TO):
            split.append(attribution)
            continue
        start, end = (_latin_position(ctx.offsets, p) - ctx.base for p in attribution.evidence.source_span)
        cue = tuple(_latin_position(ctx.offsets, p) - ctx.base for p in attribution.evidence.cue_span)
        content = attribution.evidence.content_span
        content = content and tuple(_latin_position(ctx.offsets, p) - ctx.base for p in content)
        both = _COORDINATED.match(view[start:end])
        if both and _standalone(both.group("a")) and _standalone(both.group("b")):
            kind = attribution.kind.value
            first = (start, start + both.end("a"))
            second = _trim(view, (start + both.start("b"), end))
            split.append(_attribution(kind, cue, first, content, ctx))
            if second:
                split.append(_attribution(kind, (first[1], second[0]), second, content, ctx))
            continue
        split.append(attribution)
        before = _COORDINATED_BEFORE.search(view[:start]) if start > 0 else None
        if before and _standalone(before.group("a")) and attribution.kind is CueKind.STATEMENT:
            span = _trim(view, before.span("a"))
            if span and _opens_sentence(view, before.start("a")):
                split.append(_attribution(attribution.kind.value, (span[1], start), span, content, ctx))
    return split


_ADVERBIAL_SPEECH = re.compile(rf",\s+(?:{alternation('adverbial_speech_participles', SOUTH_SLAVIC)})\s+(?=da\b|kako\b|[:\"„“«])",
                               re.I)
_MAIN_VERB = re.compile(r"(?<![\w-])(?:(?:je|su)\s+(?=\w+(?:o|la|li|le|lo)\b)|\w+(?:o|la|li|le|lo)\s+(?:je|su)\b)", re.I)


def _participle_speakers(view: str, ctx: _Context) -> list[Attribution]:
    """"Ana Anić, ..., odbila je potpisati zakon, rekavši da ...": the subject of the main clause
    speaks through the adverbial participle (the first past verb of the sentence not in a subordinate
    clause is that clause's)."""
    results = []
    subordinators = {fold(w) for w in cue_words("subordinators", SOUTH_SLAVIC)}
    for match in _ADVERBIAL_SPEECH.finditer(view):
        for verb in _MAIN_VERB.finditer(view, 0, match.start()):
            span = _subject_before(view, verb.start())
            if span is None:
                continue
            first = view[span[0]:span[1]].split()[0]
            clause_start, _clause = _clause_before(view, span[0])
            opening = view[clause_start:span[0]].split()
            if fold(first) in subordinators or any(fold(w) in subordinators for w in opening) \
                    or not first[:1].isupper() or _RELATIVE.match(view[clause_start:span[0]] + " "):
                continue
            results.append(_attribution("statement", match.span(), span, (match.end(), len(view)), ctx))
            break
    return results


_AFTER_QUOTE = re.compile(r"[\"”“»«]\s*,?\s*$|,\s*[\"”“»«]\s*$|\s-\s*$")  # "- ... - kaže X" too


def _inside_quote(view: str, position: int) -> bool:
    before = view[:position]
    after = re.search(r"[«»„“”]", view[position:])
    if after and after.group() in "»”" and not re.search(r"[«„“]", before):
        return True  # '... očekuju ... odgovornim», izjavio je': a quotation opened in an earlier sentence
    if before.rstrip()[:1] in "“”\"" and before[1:2].isspace() and not re.search(r"[«„“”\"]", before[1:]):
        return False  # '“ Ta organizacija navodi': a quotation mark before a space closes an earlier one
    if before.count('"') % 2:
        last = before.rfind('"')
        if before[last + 1:last + 2].isspace():
            return False  # '" Damir Tursan kaže': a quote mark before a space closes an earlier quotation
        return not (last > 0 and before[last - 1] in ",.!?…")  # a quote opened in an earlier sentence closes here
    last_open = max(before.rfind("„"), before.rfind("«"))
    if last_open >= 0:
        return last_open > max(before.rfind("“"), before.rfind("”"), before.rfind("»"))
    return before.count("“") > before.count("”")


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+$", re.I)
_BY_AFTER = re.compile(r"\s+by\b", re.I)
_REFLEXIVE_AFTER = re.compile(r"\s+se\b", re.I)
_REFLEXIVE_BEFORE = re.compile(r"\bse\s+$", re.I)  # "o nominaciji Kavanoa se očekuje": impersonal


def _an_object(text: str) -> bool:
    """One lowercase word in an accusative's ending ("napore", "situaciju") that names no role, body, unnamed
    source, medium or person: the verb's object."""
    return (" " not in text and text.islower() and fold(text)[-1:] in ("u", "e") and make_node(text).type == "unknown"
            and not ROLE.search(fold(text))
            and not BODY_BEFORE.search(text) and fold(text) not in folded_words("person_nouns") and not _names_medium(text)
            and not ANAPHORA.match(fold(text)))


def _role_and_name(view: str, span: tuple[int, int]) -> bool:
    """"prema povjereniku EU Ivanu Horvatu": a role, then a capitalised name."""
    words = view[span[0]:span[1]].split()
    return len(words) > 1 and bool(ROLE.fullmatch(fold(words[0]))) and words[-1][:1].isupper()


def _place_adjective(view: str, span: tuple[int, int]) -> bool:
    """"prema zagrebačkom Institutu za financije": a place adjective, then the capitalised name."""
    words = view[span[0]:span[1]].split()
    return len(words) > 1 and words[1][:1].isupper() and fold(words[0]).endswith(_adjective_endings())


@lru_cache(maxsize=1)
def _adjective_endings() -> tuple[str, ...]:
    return tuple(fold(w) for w in cue_words("adjective_endings"))


def _can_be_according_to(name: str) -> bool:
    """"prema Bloombergu", "prema Vladi", "prema Marku Markoviću"; not a lone place ("prema Bruxellesu")."""
    return bool(lookup_media(name) or media_headed(name) or OFFICIAL.search(fold(name)) or len(name.split()) >= 2
                or re.fullmatch(r"(?-i:[A-ZČĆŽŠĐ])\w+(?:ov|ev|in)(?:im|om|oj)", name))  # "prema Markovićevim (riječima)"

def _looks_like_a_person(name: str) -> bool:
    """"Mike Organ" (a reporter; "izvijestio je Mike Organ"): two or three capitalised words, no medium's."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not media_headed(name) \
        and not lookup_media(name)


# verbs that only media use of what they publish: their subject or object is a medium
_MEDIA_VERB = re.compile(r"\b(?:reported|reports|wrote|writes|prenosi|prenose|javlja|javljaju|izvještava|izveštava|"
                         r"izvjestava|izvestava|izvješćuje|izvijestila je|izvijestio je|izvestila je|izvestio je|"
                         r"objavila je|objavio je|objavilo je|pise|piše|pisu|pišu)\b", re.I)
_BACKWARD_SPEECH = re.compile(rf"(?<![\w-])(?:{alternation('speech_verbs')}|{alternation('speech_participles')})(?![\w-])",
                              re.I)


def _attribution(kind, cue_span, src_span, content_span, ctx: _Context, hint: str | None = None) -> Attribution:
    kind = CueKind(kind)
    evidence = ctx.evidence(cue_span, src_span, content_span)
    node = make_node(evidence.source_text, "byline" if kind == "byline" else hint)
    if kind == CueKind.STATEMENT and node.is_media:
        kind = CueKind.REPORTED
    clause = len(CLAUSE_BREAK.findall(ctx.latin[ctx.base:ctx.base + cue_span[0]]))
    return Attribution(node, kind, evidence, clause)


_ACRONYM = re.compile(r"[A-ZČĆŽŠĐ][A-ZČĆŽŠĐ0-9]+(?:-\w{1,3})?")
_CREDIT_LINE = re.compile(r"[(\[](?P<list>[^()\[\]]{2,400}?)(?:\s+-\s+[\d/.]+)?[)\]]\s*$")
_CREDIT_DATE = re.compile(r"\s+-\s+[\d/.]+\s*$")  # "Danas - 12/03/11; Fena, N1 - 11/03/11"


_SECOND_SPEAKER = re.compile(r"\s+(?:i|and)\s+((?:[\w-]+\s+){0,3}?(?-i:[A-ZČĆŽŠĐ])[\w-]+(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w-]+){0,2})"
                             r"(?=\s*(?:[.;!?]|$))")
_BODY_WITH_CONJUNCTION = re.compile(r"\s*((?-i:[A-ZČĆŽŠĐ])[\w-]+(?:\s+(?-i:[a-zčćžšđ])[\w-]*){0,3}\s+(?:i|and)"
                                    r"(?:\s+(?-i:[a-zčćžšđ])[\w-]*){1,3})\s*")
_DOCUMENT_AFTER_IN = re.compile(r"(?:^|\s)(?:u|na|prema|in)\s+(?:[\w-]+\s+){0,2}$", re.I)
_DOCUMENT_WORD = re.compile(_DOCUMENTS + r"(?!\w)", re.I)
_QUOTING_MEDIUM = re.compile(r"\b(?:citira|citiraju|citirao je|citirala je|citiralo je)\s", re.I)


def _medium_and_object(view: str, span: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A medium and then the person it quotes in one span: an opening that names a medium (a medium
    word or a medium's last word) followed by two or three capitalised words."""
    tokens = [(span[0] + m.start(), span[0] + m.end()) for m in re.finditer(r"\S+", view[span[0]:span[1]])]
    for k in range(len(tokens) - 2, 0, -1):  # the longest medium, a name of two or three words after it
        head, rest = view[span[0]:tokens[k - 1][1]], view[tokens[k][0]:span[1]]
        plain = _MEDIUM_ADJECTIVES.sub("", head)
        if ((media_headed(plain) or (MEDIA_PREFIX.match(plain) and plain.split()[-1][:1].isupper())
             or lookup_media(plain)) and 2 <= len(rest.split()) <= 3 and all(w[:1].isupper() for w in rest.split())
                and not media_headed(rest) and not lookup_media(rest)):
            return (span[0], tokens[k - 1][1]), (tokens[k][0], span[1])
    return None


# a name goes on over "i"/"and" to its bracketed acronym
_CONJOINED_BEFORE_ACRONYM = re.compile(r"(?P<words>\s+(?:i|and)(?:\s+[\w'’-]+){1,4}?)\s+\((?-i:[A-ZČĆŽŠĐ])[\w-]{1,9}\)", re.I)
_SECOND_ACCORDING = re.compile(rf"\s+(?:i|and)\s+{SRC}{SOURCE_END}", re.I)
_CLOSING_NAME = re.compile(r"\s+(?:u|iz|pri|o|za|in|at|from|of)\s+(?:[\w-]+\s+){0,5}?(?-i:[A-ZČĆŽŠĐ])[\w-]+"
                           r"(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w-]+){1,2}(?=\s*(?:[.,;!?]|$))")


def _to_closing_name(view: str, span: tuple[int, int]) -> tuple[int, int]:
    """'izjavio je makedonski veleposlanik u Sjedinjenim Državama Zoran Jolevski.': the role's name closes
    the clause after a place or an organisation, and belongs to the speaker."""
    text = view[span[0]:span[1]]
    second_role = _SECOND_ROLE.match(view, span[1]) if text.islower() and ROLE.search(fold(text)) else None
    if second_role:  # "analitičarka i bivša ministrica Ana Anić": one person
        return span[0], second_role.end()
    place = _GROUP_PLACE.match(view, span[1]) if text.islower() and BODY_BEFORE.search(text) else None
    if place:  # "rekli su stručnjaci iz SAD i Kine": an unnamed group keeps where it is from
        return span[0], place.end()
    tail = _CLOSING_NAME.match(view, span[1])
    if tail and any(_names_medium(view[tail.start() + m.end():tail.end()]) for m in _RECEIVER_IN.finditer(tail.group())):
        return span  # "predsjednik EK u jednom intervjuu za Financial Times": the medium told, not the speaker's
    if tail and not any(_HARD_WORD.match(w) and w.lower() not in ("u", "iz", "o", "za", "in", "at", "from", "of", "pri")
                        for w in tail.group().split()):
        return span[0], tail.end()
    return span


_GROUP_PLACE = re.compile(r"\s+(?:iz|from)\s+(?-i:[A-ZČĆŽŠĐ])[\w-]*(?:\s+(?:i|and)\s+(?-i:[A-ZČĆŽŠĐ])[\w-]*)?(?=\s*(?:[.;!?]|$))")
_SECOND_ROLE = re.compile(r"\s+(?:i|and)\s+(?:(?-i:[a-zčćžšđ])[\w-]*\s+){1,4}(?:(?-i:[A-ZČĆŽŠĐ])[\w-]*\s+){0,3}"
                          r"(?-i:[A-ZČĆŽŠĐ])[\w-]+\s+(?-i:[A-ZČĆŽŠĐ])[\w-]+(?=\s*(?:[.;!?]|$))")
_MEDIUM_ADJECTIVES = re.compile(rf"^(?:[a-zčćžšđ]\w+\s+){{1,2}}(?={MEDIA_PREFIX.pattern[1:]})", re.I)
_RECEIVER_IN = re.compile(r"\bza\s+", re.I)


# what may follow a medium told at the end of its clause: "rekao je X za People." / "... za Mozzarsport i dodao"
_CLAUSE_END = re.compile(r"[“”\"»]?\s*(?:[.;!?,]|\s+(?:i|and)\s|$)")
# a name in the genitive or accusative, as persons and places are after "za" ("rekao je za Vučića"): no medium
_INFLECTED_NAME = re.compile(r"(?:a|u)$")


def _to_known_medium(view: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` with up to three more words when they complete a known medium's name ("Dnevni" + "avaz")."""
    if lookup_media(view[span[0]:span[1]]):
        return span
    more = re.match(r"(?:\s+[\w.'’-]+){1,3}", view[span[1]:])
    words = list(re.finditer(r"\S+", more.group())) if more else []
    for word in reversed(words):
        end = span[1] + word.end()
        if lookup_media(view[span[0]:end].rstrip(_WORD_PUNCTUATION)):
            return span[0], end - (len(view[span[0]:end]) - len(view[span[0]:end].rstrip(_WORD_PUNCTUATION)))
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
    text = _MEDIUM_ADJECTIVES.sub("", text)  # "crnogorskoj novinskoj agenciji Mina"
    first = text.split()[0] if text.split() else ""
    known = lookup_media(text) and not (text.islower() and " " not in text)  # "politička" is no Politika
    kind_only = re.fullmatch(r"(?:(?-i:[a-zčćžšđ])\w+\s+){1,2}(\w+)", text)  # "rusku televiziju": a medium by its kind
    return bool(known or MEDIA_PREFIX.match(text) or _ACRONYM.fullmatch(first) or media_headed(text)
                or (kind_only and fold(kind_only.group(1)) in folded_words("media_words"))
                or fold(text) in folded_words("media_words") or fold(text) in folded_words("generic_media")  # "told the news site", "za medije"
                or re.fullmatch(DOMAIN, first, re.I))


def _credit_line(view: str, ctx: _Context) -> list[Attribution]:
    """"(Politika, RTS, Tanjug, AFP)" closing a story: every item is a medium, none relays another."""
    match = _CREDIT_LINE.search(view)
    if not match:
        return []
    items = []
    for item in re.finditer(r"[^,;]+", match.group("list")):  # "RFE/RL" is one medium, "Beta/AFP" two
        whole = _CREDIT_DATE.sub("", item.group())
        if "/" in whole and not lookup_media(whole.strip()):
            items += [(item.start() + m.start(), item.start() + m.end()) for m in re.finditer(r"[^/]+", whole)]
        else:
            items.append((item.start(), item.start() + len(whole)))
    spans, known = [], 0
    for start, end in items:
        text = match.group("list")[start:end]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if re.search(r"\sza\s", text):
            return []  # "(Ivan Ivić za SETimes)": a reporter's credit, read by the patterns
        if lookup_media(text) or _ACRONYM.fullmatch(text):
            known += 1
        elif not (re.fullmatch(r"(?:(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*|del|de|of|i|and)(?:\s+(?:(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*|del|de|of|i|and)){0,3}",
                               text) or (len(items) > 3 and re.fullmatch(r"(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*(?:\s+[\w.'’-]+){1,4}", text))
                  ) or not text[:1].isupper():  # a long credit line names bodies too ("Informativni centar UN-a")
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
    if re.fullmatch(r"[\d.,:/-]+", text):
        return None  # "objavila je 19. marta": a date
    quantified = re.match(r"\s+(?:od|of)\s+(?:the\s+)?(?:tih\s+|these\s+|njegovih\s+)?(\w+)", view[end:])
    if text.lower() in {"jedan", "jedna", "one", "neki", "some", "jedno", "dvojica", "two"} and quantified:
        end += quantified.end()  # "jedan od izvora", "one of the sources"
        text = view[start:end]
    possessive = re.match(r"(\S+(?:ov|ev|in)(?:im|om|oj|e|a|u))\s+(?:rečima|riječima|recima|rijecima|navodima|tvrdnjama)$",
                          text)
    if possessive and possessive.group(1)[:1].isupper():
        end = start + len(possessive.group(1))  # "prema Markovićevim riječima": the possessive names the person
        text = view[start:end]
    title = _TITLE_ABBREVIATION.match(view, end) if text.lower().rstrip(".") in _TITLE_WORDS else None
    if title:  # "каже г. Адамс": the title's dot ended the token
        end, text = title.end(), view[start:title.end()]
    if not text or text.lower() in _PRONOUNS or _HARD_WORD.match(text.rstrip(".")):
        return None
    return _trim_to_name(view, start, end)


_DEMONSTRATIVES = {"taj", "ta", "tog", "toga", "tom", "te", "tu", "ovaj", "ova", "ovog", "ovoga", "ovom", "ove", "ovi",
                   "ovu", "isti", "ista", "istog", "iste"}
_TITLE_WORDS = {"g", "gđa", "gdja", "gđica", "mr", "mrs", "ms", "dr", "prof", "gosp"}
_TITLE_ABBREVIATION = re.compile(r"\.?\s+(?-i:[A-ZČĆŽŠĐ])[\w'’-]+(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w'’-]+)?")
_TRAILING_ADVERBS = {"both", "all", "also", "now", "alone", "too", "himself", "herself", "themselves", "together",
                     "earlier", "later", "previously", "again", "recently", "still", "then", "almost", "nearly",
                     "about", "around", "more", "some", "most", "many", "several", "sve", "svi", "oba", "obje",
                     "takođe", "također", "ponovo", "ponovno", "opet", "sada", "sad", "inače", "ipak", "nezvanično",
                     "zvanično", "neslužbeno", "službeno", "javno", "ekskluzivno", "još"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "on", "ona", "oni", "ono", "one", "this", "that", "to", "ovo",
             "sebe", "sebi", "za sebe", "o sebi",
             "što", "sto", "whom", "them", "me", "us", "him", "her", "mi", "vi", "ja", "ti", "nam", "mu", "joj"}
_AUDIENCE_AFTER = re.compile(r"^(?:novinar\w*|medij\w*|javnost|stampu|štampu|reporters|journalists)$", re.I)


_HARD_WORD = re.compile(rf"^(?:{HARD})$", re.I)
_ADVERBIAL_PARTICIPLE = re.compile(r"^[a-zčćžšđ]\w*(?:jući|juci|čući|cuci|avši|avsi|ivši|ivsi|evši|evsi)$|"
                                   r"^[a-zčćžšđ]\w{4,}(?:ući|uci|eći|eci|uvši|uvsi)$")  # "komentarišući", "govoreći"


def _trim_to_name(view: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase that names the source: without time adverbs ("juče direktor policije"), the
    noun a clause-opening preposition governs ("Nakon hapšenja španska policija"), or a participle
    and what follows it ("... Marković odgovarajući"); a lone opener ("Dalje navode") names nobody."""
    tokens = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", view[start:end])]
    if not tokens:
        return None
    openers, times = folded_words("openers"), folded_words("time_words", phrases=False)
    while len(tokens) > 1 and _HARD_WORD.match(view[tokens[0][0]:tokens[0][1]]):
        tokens = tokens[1:]  # "but the ministry"
    while len(tokens) > 1 and fold(view[tokens[0][0]:tokens[0][1]]) in _DEMONSTRATIVES:
        tokens = tokens[1:]  # "tog zvaničnika", "Ta nevladina organizacija": the demonstrative is no part of the name
    while len(tokens) > 1 and view[tokens[0][0]:tokens[0][1]].lower() in ("the", "a", "an"):
        tokens = tokens[1:]
    before = view[:start].split()
    first = view[tokens[0][0]:tokens[0][1]]
    if len(tokens) > 2 and fold(first) == "za" and _names_medium(view[tokens[1][0]:tokens[1][1]]):
        tokens = tokens[2:]  # "za SETimes Reiko Cušima": the medium told, then the speaker
    elif len(tokens) > 2 and lookup_media(first) and fold(first) not in _registry_aliases():
        tokens = tokens[1:]  # "Reutersu glasnogovornik ... Mark Regev": the same, in the dative
    elif (len(tokens) > 2 and before and fold(before[-1]) == "za" and (re.fullmatch(DOMAIN, first, re.I) or lookup_media(first))
          and fold(view[tokens[1][0]:tokens[1][1]]) in folded_words("media_words")
          and view[tokens[2][0]].isupper()):
        tokens = tokens[2:]  # "za Reprezentacija.ba portal Muamer Tanković": the medium told, then the speaker
    if len(tokens) > 1 and before and fold(before[-1]) in folded_words("clause_prepositions", phrases=False):
        tokens = tokens[1:]
    while len(tokens) > 1 and fold(view[tokens[0][0]:tokens[0][1]]) in times and not (
            view[tokens[0][0]].isupper() and view[:tokens[0][0]].strip(" \"'„“”«»-–—") and lookup_media(
                view[tokens[0][0]:tokens[0][1]])):  # but "za Danas Petrović": a capital mid-sentence is the newspaper
        tokens = tokens[1:]
    capitals = 0
    for k in range(1, len(tokens)):
        word = view[tokens[k][0]:tokens[k][1]]
        following = view[tokens[k + 1][0]:tokens[k + 1][1]] if k + 1 < len(tokens) else ""
        capitals = capitals + 1 if view[tokens[k - 1][0]:tokens[k - 1][0] + 1].isupper() else 0
        if ((_ADVERBIAL_PARTICIPLE.match(word) and not ROLE.fullmatch(fold(word))) or (fold(word) in times and word.islower())
                or (_AUDIENCE_AFTER.match(word) and word.endswith("ima"))  # "Horvat novinarima"
                or (k >= 2 and word.islower() and MEDIA_PREFIX.match(view[tokens[k][1]:tokens[-1][1]].lstrip())
                    and fold(word).endswith(_adjective_endings() + ("nskoj", "nsku")))  # "BiH novinskoj agenciji FENA"
                or (word.islower() and fold(word).endswith(_adjective_endings()) and following[:1].isupper()
                    and k + 2 >= len(tokens) and _names_medium(following))  # "portparol misije beogradskom B92"
                or (fold(word + " " + following) in folded_words("time_words", phrases=True) and word.islower())
                or (fold(word) == "za" and following and (_names_medium(following) or _AUDIENCE_AFTER.match(following)
                                                          or lookup_media(view[tokens[k + 1][0]:tokens[-1][1]])
                                                          or (following[:1].isupper() and k + 2 == len(tokens)
                                                              and _CLAUSE_END.match(view, tokens[-1][1])
                                                              and not _INFLECTED_NAME.search(following))))
                or (capitals >= 2 and word.islower() and ROLE.fullmatch(fold(word)))
                or (k >= 2 and word.islower() and fold(view[tokens[k - 1][0]:tokens[k - 1][1]]) in folded_words("media_words")
                    and view[tokens[k - 2][0]:tokens[k - 2][0] + 1].isupper() and view[tokens[k - 1][0]].islower()
                    and not re.fullmatch(STOP, word, re.I))  # "WAFB kanal pripojen mreži CBS"
                or (word[:1].isdigit() and not _is_age(word)) or word.lower() in _TRAILING_ADVERBS):
            tokens = tokens[:k]  # "Čotrić za SETimes", "Babačan prošle nedelje", "Valeri Stefanov dekan ..."
            break
    if len(tokens) == 1 and view[tokens[0][0]:tokens[0][1]].lower() in _PRONOUNS:
        return None
    only = view[tokens[0][0]:tokens[0][1]].strip(_WORD_PUNCTUATION)
    opens_sentence = not view[:tokens[0][0]].strip(" \"'„“”«»-–—")
    if len(tokens) == 1 and fold(only) in openers | times and (opens_sentence or not only[:1].isupper()):
        return None  # but "kako piše Danas": a capital after the cue is the newspaper
    return tokens[0][0], tokens[-1][1]


def _is_age(word: str) -> bool:
    """"46-godišnji" before a name is part of it, as a title is."""
    number, _, rest = word.partition("-")
    return number.isdigit() and fold(rest) in folded_words("age_words")


@lru_cache(maxsize=1)
def _registry_aliases() -> frozenset[str]:
    return frozenset(fold(alias) for _c, _k, aliases in REGISTRY for alias in aliases)


_BEFORE_VERB = {"je", "su", "se", "ce", "će", "bi", "joj", "mu", "im", "ga", "ih", "nam", "vam", "ju", "li", "ne", "has", "još", "jos",
                "već", "vec",
                "have", "had", "also", "has also"}


def _strip_before_verb(words: list[str]) -> int:
    """How many of the last ``words`` sit between a subject and its verb: auxiliaries, time adverbs and
    a receiver ("Ministar je juče za N1 izjavio": the subject is "Ministar")."""
    times = folded_words("time_words", phrases=False)
    count = len(words)
    while count:
        last = fold(words[count - 1])
        pair = fold(" ".join(words[count - 2:count])) if count >= 2 else ""
        adverb = (last.endswith("ly") and words[count - 1].islower() and count >= 2
                  and (fold(words[count - 2]) in ("has", "have", "had", "also") or words[count - 2][:1].isupper()))
        if (last in _BEFORE_VERB or last in times or adverb) and words[count - 1] != "Li":
            # "Moscow has repeatedly stressed"; but "the assembly said"
            count -= 1  # but "Li ističe": a name, not the particle
        elif count >= 2 and (pair in folded_words("time_words", phrases=True) or (fold(words[count - 2]) == "za" and words[count - 1][:1].isupper())
                             or (fold(words[count - 2]) == "za" and _AUDIENCE_AFTER.match(words[count - 1]))):
            count -= 2  # "Ministar je juče za N1 izjavio", "Borisov je za novinare u srijedu izjavio"
        elif _AUDIENCE_AFTER.match(words[count - 1]) and words[count - 1].endswith("ima"):
            count -= 1  # "je novinarima izjavio"
        elif count >= 3 and _AGO.fullmatch(" ".join(words[count - 3:count])):
            count -= 3  # "Ivić je prije dvije godine istakao"
        elif _adjunct_before_verb(words[:count]):
            count -= _adjunct_before_verb(words[:count])  # "Ivan Ivić na današnjem skupu je poručio"
        else:
            break
    return len(words) - count


_AGO = re.compile(r"(?:prije|pre|poslije|posle|nakon|prošle|prošlog|ove|ovog)\s+\S+\s+(?:godin\w*|dan\w*|mjesec\w*|mesec\w*|"
                  r"sedmic\w*|tjed\w*|nedelj\w*|sat\w*|minut\w*)", re.I)
_ADJUNCT_PREPOSITIONS = {"na", "u", "pred", "tokom", "tijekom", "nakon", "posle", "poslije", "prilikom", "povodom", "uoci", "od",
                         "during", "in", "on", "at"}


def _adjunct_before_verb(words: list[str]) -> int:
    """How many of the last ``words`` are a prepositional adjunct of lowercase words ("na današnjem skupu svojih
    pristalica", "u tvitu", "in a statement") between a subject (a name, a role, a body) or its auxiliary and the
    verb; 0 if none."""
    for start in range(len(words) - 2, max(len(words) - 7, 0), -1):
        if fold(words[start]) not in _ADJUNCT_PREPOSITIONS:
            continue
        rest, before = words[start + 1:], words[start - 1]
        told = next((i for i, w in enumerate(rest) if fold(w) == "za"), len(rest))  # "za tjednik Nin": a name may follow
        if not all((w.islower() or w[:1] in "\"„“«»'" or i > told) and not _HARD_WORD.match(w.strip(_WORD_PUNCTUATION))
                   or fold(w) in ("za", "of") for i, w in enumerate(rest)):
            return 0
        common = re.match(r"(?:izvor|sources?$|stručnja|strucnja|analiti|građan|gradjan|mještan|meštan|stanovni)",
                          fold(before)) or fold(before) in folded_words("person_nouns")
        if common and fold(before) not in _BEFORE_VERB:
            return 0  # "Izvori u gradu kažu": the phrase names the sources, it is no adjunct
        if (fold(before) in _BEFORE_VERB or before[:1].isupper() or ROLE.fullmatch(fold(before))
                or fold(before) in folded_words("time_words", phrases=False)
                or BODY_BEFORE.search(before) or fold(before) in folded_words("person_nouns")
                or _adjunct_before_verb(words[:start])):  # two adjuncts: "u razgovoru za Nin od četvrtka"
            return len(words) - start
        return 0
    return 0


# an apposition after a name: "Jan Gelfand, head of the Red Cross, told", "Koštunica, lider DSS-a (DSS), saopštio je"
_APPOSITION = re.compile(r"^\s*(?:\d+|(?-i:[a-zčćžšđ])[\w'’-]*|[\w.-]+['’]s\s+(?-i:[a-z]))")  # also "Sainsbury's commercial director"
_NAME_ONLY = re.compile(r"\s*(?:(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*\s*){1,4}")


def _subject_before(view: str, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase just before a reporting verb, within its clause ("Tanjug reported",
    "Republički zavod za statistiku saopštio je"), skipping an aside between commas
    ("Reuters, citing two sources, reported")."""
    clause_start, clause = _clause_before(view, cue_start)
    acronym = _BRACKETED_ACRONYM.search(view[:cue_start]) if not clause.strip() else None
    if acronym:  # "Međunarodna banka za razvoj (MBR) saopćila je": the name before its acronym
        name_start, name = _clause_before(view, acronym.start())
        opening = re.match(r"\s*(?:(?:a|i|ali|dok|and|but|while)\s+)?", name, re.I)
        words = name[opening.end():].split()
        if words and words[0][:1].isupper() and len(words) <= 10 and not _HARD_WORD.match(words[0]):
            span = _trim(view, (name_start + opening.end(), acronym.start()))
            if span:
                return span[0], acronym.end(1) + 1
    if not clause.strip() and clause_start > 0:
        aside_start, aside = _clause_before(view, clause_start - 1)
        first_word = aside.split()[0] if aside.split() else ""
        if (ASIDE.match(aside) or _ADVERBIAL_PARTICIPLE.match(first_word)
                or first_word.lower() in cue_words("adverbial_speech_participles", ("en",))) \
                and aside_start > 0:  # "..., citing two sources, said", "..., odgovarajući na pitanja, rekao"
            clause_start, clause = _clause_before(view, aside_start - 1)
        elif (_RELATIVE_HEAD.match(aside) and (aside_start == 0 or _opens_sentence(view, aside_start))
              and len(_RELATIVE_HEAD.match(aside).group(1).split()) <= 6):
            clause_start, clause = aside_start, _RELATIVE_HEAD.match(aside).group(1)  # "Jedan izvor ..., koji je ..., izjavio je"
        elif (_AFFILIATED_NAME.fullmatch(aside) and aside_start > 0 and _opening_title(view, aside_start) is not None):
            # "Stručnjak, Tifani Ng sa Univerziteta u Mičigenu, istakla je": the title and the name
            name = _AFFILIATED_NAME.fullmatch(aside).group(1)
            return _trim(view, (_opening_title(view, aside_start), aside_start + len(name)))
        elif (_DESCRIBED_NAME.fullmatch(aside) and aside_start > 0 and _opening_title(view, aside_start) is not None):
            # "Predsjedavajući predsjedništva BiH, bosanski Srbin Nebojša Radmanović, stavio je": one person
            return _trim(view, (_opening_title(view, aside_start), aside_start + len(aside.rstrip())))
        elif (aside_start > 0 and _ROLE_AND_NAME.fullmatch(aside) and (ROLE.search(fold(aside.split()[0]))
                                                                       or fold(aside.split()[0]) in folded_words("person_nouns"))
              and _role_before(view, aside_start) is not None):
            # "I branilac Marka Miškovića, advokat Nebojša Maraš, rekao je": one person, described twice
            return _trim(view, (_role_before(view, aside_start), aside_start + len(aside.rstrip())))
        elif (aside_start > 0 and _ROLE_AND_NAME.fullmatch(aside) and ROLE.search(fold(aside.split()[0]))
              and _opens_sentence(view, aside_start)):
            # "Komentarišući objavu, šef policije Goran Lujić, izjavio je": the subject between the commas
            return _trim(view, (aside_start, aside_start + len(aside.rstrip())))
        elif APPOSITIVE_NAME.fullmatch(aside) or (_SINGLE_NAME.fullmatch(aside) and aside_start > 0 and ROLE.search(
                fold(_clause_before(view, aside_start - 1)[1]))):  # "the mayor of Tuzla, Zijad Lugavić, said", "Lider stranke, Horvat,"
            title_start, title = _clause_before(view, aside_start - 1) if aside_start > 0 else (0, "")
            if (title_start == 0 and title.strip() and len(title.split()) <= 8
                    and ROLE.search(fold(title)) and not _HARD_WORD.match(title.split()[0])):
                # the title opens the sentence: it is kept with the name ("Spokesman for ..., Yohannes Sirait")
                lead = len(title) - len(title.lstrip(" \"'„“”«»"))
                return _trim(view, (title_start + lead, aside_start + len(aside.rstrip())))
            clause_start, clause = aside_start, aside
        else:
            clause_start, clause = _skip_apposition(view, aside_start, aside, (clause_start, clause))
    elif _APPOSITION.match(clause) and clause_start > 0 and view[clause_start - 1] == ",":
        # "Sutopo Purwo Nugroho, the spokesman for BNPB said", "Narcis Termes, 68, an electrician ... said":
        # the name before the appositions speaks
        name_start, name = _skip_apposition(view, clause_start, clause, (clause_start, clause))
        if (name_start != clause_start and _NAME_ONLY.fullmatch(name)
                and fold(name.strip(" \"„“”«»")) not in folded_words("openers")  # "Međutim, predsjednik X kaže"
                and not _HARD_WORD.match(name.strip(" \"„“”«»"))):  # "Ali, na Kosovu, kritičari kažu"
            clause_start, clause = name_start, name
    if _RELATIVE.fullmatch(clause) and clause_start > 0 and view[clause_start - 1] == ",":
        # "kritike NATO-a i EU, koji kažu ...": the relative pronoun's antecedent speaks
        antecedent_start, antecedent = _clause_before(view, clause_start - 1)
        names = re.search(r"(?-i:[A-ZČĆŽŠĐ])[\w-]*(?:\s+(?:i|and|(?-i:[A-ZČĆŽŠĐ])[\w-]*))*\s*$", antecedent)
        if names:
            return _trim(view, (antecedent_start + names.start(), antecedent_start + len(antecedent.rstrip())))
        return None
    head = _HEAD_BEFORE_RELATIVE.match(clause)
    if head and _opens_sentence(view, clause_start + head.start(1)) and (
            fold(head.group(1).split()[-1]) in folded_words("person_nouns") or BODY_BEFORE.search(head.group(1))
            or ROLE.fullmatch(fold(head.group(1).split()[-1]))):
        # "Stari ljudi sa kojima sam razgovarao kažu", "Residents who live near the plant said": the head speaks
        return _trim(view, (clause_start + head.start(1), clause_start + head.end(1)))
    if clause_start > 0 and _TITLE_LIST.match(clause) and _opening_title(view, clause_start) is not None:
        # "Ministar poljoprivrede, vodoprivrede i šumarstva FBiH Damir Ljubić smatra": a title that lists its
        # portfolios goes on over the commas to the name
        words = clause.split()
        kept = len(words) - _strip_before_verb(words)
        if kept and words[kept - 1][:1].isupper():
            end = clause_start + len(clause.rstrip())
            for word in reversed(words[kept:]):
                end = view.rfind(word, 0, end)
            return _trim(view, (_opening_title(view, clause_start), end if kept < len(words) else
                                clause_start + len(clause.rstrip())))
    opening = _OPENING_SUBJECT.match(clause) if clause_start == 0 and _PARTICIPLE.match(view, cue_start) else None
    if opening and not _HARD_WORD.match(opening.group(1).split()[0]) and _trim(view, opening.span(1)):
        return _trim(view, opening.span(1))  # "Kovač je u izjavi za medije nakon sjednice ... naglasio"
    tokens = list(re.finditer(r"\S+", clause))
    skipped = _strip_before_verb([t.group() for t in tokens])
    tokens = tokens[:len(tokens) - skipped][-14:]
    if not tokens:
        return None
    words = [t.group() for t in tokens]
    hard = re.compile(rf"^(?:{HARD})$", re.I)
    if fold(words[-1]) in ("i", "and", "te", "pa") and clause_start == 0:
        # "Senford je došao da svedoči i izjavio je": the subject that opens the sentence
        opening = list(re.finditer(r"\S+", view[:tokens[-1].start()]))
        names = []
        for token in opening[:8]:
            if hard.match(token.group()) or not (token.group()[:1].isupper() or ROLE.fullmatch(fold(token.group()))
                                                 or fold(token.group()) in folded_words("person_nouns")):
                break
            names.append(token)
        while names and not names[-1].group()[:1].isupper():
            names.pop()  # "Mađarski predsednik Laslo Šoljom obećao je ... i rekao": up to the last name
        if names and not (len(names) == 1 and fold(names[0].group()) in folded_words("openers")):
            return _trim(view, (names[0].start(), names[-1].end()))
        return None
    start_index = None
    for k in range(len(words) - 1, -1, -1):
        if hard.match(words[k]):
            if (words[k].lower() in LOCATIVE and start_index == k + 1 and k > 0
                    and OFFICIAL.search(fold(" ".join(words[max(0, k - 3):k])))):
                continue  # "Ambasada SAD-a u Sarajevu": the place belongs to the body before it
            if (words[k].lower() in LOCATIVE and start_index == k + 1 and k > 1
                    and words[k - 1][:1].isupper() and words[k - 2][:1].isupper()):
                # "Christopher Decker iz OSCE-a naglašava": the person, not the organisation
                tokens, words, start_index = tokens[:k], words[:k], None
                continue
            if (words[k].lower() == "iz" and start_index == k + 1 and k > 0 and words[k - 1].islower()
                    and not hard.match(words[k - 1]) and fold(words[k - 1]) not in _BEFORE_VERB
                    and (k == 1 or hard.match(words[k - 2]))):
                start_index = k - 1  # "da je demokrata iz Masačusetsa govorila": a noun and where it is from
                continue
            if (words[k].lower() in LOCATIVE and start_index == k + 1 and k > 0
                    and (ROLE.search(fold(" ".join(words[max(0, k - 3):k]))) or BODY_BEFORE.search(words[k - 1]))):
                if BODY_BEFORE.search(words[k - 1]) and words[k - 1].islower():
                    start_index = k - 1  # "zvaničnici u Briselu izjavili su"
                continue  # "Analitičari u Podgorici kažu", "predstavnik MMF-a u Zagrebu Ivo Ivić"
            if words[k].lower() in ("u", "in") and start_index == k + 1 and not any(
                    w[:1].isupper() for w in words[k + 2:]):
                return None  # "u Podgorici piše", "in Micronesia now says": a place, not who speaks
            if words[k].lower() in ("na", "pred") and start_index == k + 1:
                return None  # "kada je na Generalnoj skupštini UN-a rekao": where, not who (a dropped subject)
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
            if len(tokens) >= size and fold(" ".join(words[-size:])) in folded_words("generic_media"):
                return clause_start + tokens[-size].start(), clause_start + tokens[-1].end()
        person = _DETERMINED_PERSON.search(clause[:tokens[-1].end()])
        if person and fold(person.group(2)) in folded_words("person_nouns"):  # "the show's creator said", "one woman said"
            return _trim(view, (clause_start + person.start(1), clause_start + person.end(1)))
        if re.fullmatch(DOMAIN, words[-1], re.I):  # '"...," weather.com reported'
            return clause_start + tokens[-1].start(), clause_start + tokens[-1].end()
        body = BODY_BEFORE.search(clause[:tokens[-1].end()])
        if body:
            conjunction = list(_CONJUNCTION.finditer(body.group(1)))  # "između Simsa i Simpsona i policija je"
            start = body.start(1) + (conjunction[-1].end() if conjunction else 0)
            role = _ROLE_FOR.search(clause[:start])
            if role and (ROLE.fullmatch(fold(role.group(1))) or fold(role.group(1)) in folded_words("person_nouns")):
                start = role.start(1)  # "A spokesman for the ministry told": the spokesman, for the ministry
            return _trim(view, (clause_start + start, clause_start + body.end(1)))
        named_body = _BODY_WITH_CONJUNCTION.fullmatch(clause[:tokens[-1].end()])
        if named_body and OFFICIAL.search(fold(named_body.group(1).split()[0])):
            # "Ministarstvo rada i socijalne politike saopćilo je": a body's name with a conjunction inside
            return _trim(view, (clause_start + named_body.start(1), clause_start + named_body.end(1)))
        for k in range(len(words) - 1, -1, -1):  # "je ministar rekao": a role without a name
            if hard.match(words[k]):
                return None
            if ROLE.fullmatch(fold(words[k])):
                return _trim(view, (clause_start + tokens[k].start(), clause_start + tokens[-1].end()))
        return None
    if (start_index >= 2 and words[start_index - 1].lower() in ("from", "by")
            and fold(words[start_index - 2]) in folded_words("documents", phrases=False)):
        # "A new poll from YouGov shows": the document speaks, its author is in its name
        first = start_index - 2
        while first > 0 and first > start_index - 5 and words[first - 1].islower() and not hard.match(words[first - 1]):
            first -= 1
        if first > 0 and words[first - 1].lower() in ("a", "an", "the"):
            first -= 1
        return _trim(view, (clause_start + tokens[first].start(), clause_start + tokens[-1].end()))
    if start_index > 0 and ROLE.fullmatch(fold(words[start_index - 1])):
        start_index -= 1  # "predsednik Vlade Miloš Vučević": the role says it is a person
    else:  # "direktor policije Marko Marković": a role, its genitive, the name
        for k in range(start_index - 2, max(start_index - 4, -1), -1):
            between = words[k + 1:start_index]
            if any(hard.match(w) or not w.islower() for w in between):
                break
            if ROLE.fullmatch(fold(words[k])):
                start_index = k
                break
    start = clause_start + tokens[start_index].start()
    end = clause_start + tokens[-1].end()
    return _trim(view, (start, end))


# an apposition that describes the person it names: "bosanski Srbin Nebojša Radmanović"
_DESCRIBED_NAME = re.compile(r"\s*(?:(?-i:[a-zčćžšđ])[\w-]*\s+){1,3}(?:(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*\s+){1,3}"
                             r"(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*\s*")
# a subject and its relative clause, no comma between them: "Stari ljudi sa kojima sam razgovarao (kažu)"
_HEAD_BEFORE_RELATIVE = re.compile(r"\s*((?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:(?:sa|s|od|u|za|o|with|to)\s+)?"
                                   r"(?:koji|koja|koje|kojima|kojim|kojeg|kojem|koju|who)\s+\S.*$", re.I)
_ROLE_FOR = re.compile(r"(?:^|\s)([\w-]+)\s+$")  # the word before a body: "spokesman (for the ministry)"
# ", slovenački ministar Dimitrij Rupel." after a role: the same person, named (to the clause's end)
_COMMA_APPOSITION = re.compile(rf"(,\s+(?:(?!(?:{CLAUSE_WORDS})\s)(?-i:[a-zčćžšđ\d])[\w-]*\s+){{1,6}}(?:(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*\s*){{1,3}}?"
                               r"(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*)(?=\s*(?:[.;!?]|$)|,\s+za\s)")
# a role, its genitives and the name: "šef policije Brčko distrikta Goran Lujić"
_ROLE_AND_NAME = re.compile(r"\s*(?-i:[a-zčćžšđ])[\w-]*(?:\s+[\w.-]+){0,5}?(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*){1,3}\s*")
# a name and where the person works: "Tifani Ng sa Univerziteta u Mičigenu"
_AFFILIATED_NAME = re.compile(r"(\s*(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*){1,2})\s+(?:sa|s|iz|from|of|at)\s+"
                              r"(?-i:[A-ZČĆŽŠĐ])\S*(?:\s+\S+){0,5}\s*")
# the rest of a title's list of portfolios: "vodoprivrede i šumarstva FBiH Damir Ljubić"
_TITLE_LIST = re.compile(r"\s*(?-i:[a-zčćžšđ])[\w-]*(?:\s+(?-i:[a-zčćžšđ])[\w-]*)?\s+(?:i|and)\s+(?-i:[a-zčćžšđ])[\w-]*\s+"
                         r"(?:[\w.'’-]+\s+){0,3}(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*){1,2}\s*(?:\S+\s*){0,2}$")


def _opening_title(view: str, segment_start: int) -> int | None:
    """Where the title that opens the sentence starts, when the segment before ``segment_start`` (a comma
    before it) is one: a role and at most three words ("Ministar poljoprivrede", "Predsjedavajući
    predsjedništva BiH")."""
    if segment_start < 1 or view[segment_start - 1] != ",":
        return None
    title_start, title = _clause_before(view, segment_start - 1)
    words = title.split()
    lead = len(title) - len(title.lstrip(" \"'„“”«»"))
    if (title_start == 0 and 1 <= len(words) <= 4 and words[0][:1].isupper() and ROLE.fullmatch(fold(words[0]))
            and not _HARD_WORD.match(words[0])):
        return title_start + lead
    return None


def _role_before(view: str, segment_start: int) -> int | None:
    """Where a role that opens the sentence (after "I", "A" or an opener) starts, when the segment before
    ``segment_start`` is one: "I branilac Marka Miškovića", "Predsjednik stranke"; else None."""
    if segment_start < 1 or view[segment_start - 1] != ",":
        return None
    start, segment = _clause_before(view, segment_start - 1)
    tokens = list(re.finditer(r"\S+", segment))
    words = [t.group() for t in tokens]
    lead = 1 if words and fold(words[0]) in {"i", "a", "ali", "no"} | folded_words("openers") else 0
    if (start != 0 and not _opens_sentence(view, start)) or not 1 <= len(words) - lead <= 6:
        return None
    first = words[lead]
    if not (ROLE.fullmatch(fold(first)) or fold(first) in folded_words("person_nouns")) or any(
            _HARD_WORD.match(w) and fold(w) not in ("za", "of") for w in words[lead + 1:]):
        return None
    return start + tokens[lead].start()


def _opens_sentence(view: str, start: int) -> bool:
    """Nothing before ``start`` but quotes, or a quotation that has just closed ('…," Stu Rothenberg, …')."""
    before = view[:start].rstrip()
    opening = before[:-1].strip(" \"„“”«»")
    if before.endswith(",") and (_TIME_OPENING.fullmatch(opening) or fold(opening) in folded_words("openers")
                                 or (_ADVERBIAL_PARTICIPLE.match(opening.split()[0].lower() if opening else "") and
                                     not re.search(r"[,;:]", opening))):  # "Komentarišući objavu, šef policije X, izjavio je"
        return True  # "On Saturday, Oriol Junqueras, one of ..., announced", "Međutim, Ivo Ivić, ..., izjavio je"
    return not before.strip(" \"„“”«»") or before[-1:] in "\"”“»«" and before[-2:-1] in ",.!?…"


_TIME_OPENING = re.compile(r"(?:on|u|in|last|this|yesterday|today|earlier|later|juče|jučer|danas|sinoć|ranije|"
                           r"kasnije|prošle|prošlog|ove|ovog)(?:\s+[\w.]+){0,2}", re.I)


# a name that opens the sentence, its auxiliary, then adjuncts (no clause of their own) before the participle
_OPENING_SUBJECT = re.compile(r"\s*((?-i:[A-ZČĆŽŠĐ])[\w.'’-]*(?:\s+(?-i:[A-ZČĆŽŠĐ])[\w.'’-]*){0,3})\s+(?:je|su)\s+"
                              r"(?!.*\b(?:da|koji|koja|koje|kojeg|kojem|koju|što|sto|kako|kada|kad|ako|jer|dok|ali|a|i|"
                              r"se)\b)\S.*$", re.I)
_PARTICIPLE = re.compile(r"\w+(?:o|la|li|le|lo)\b")
_BRACKETED_ACRONYM = re.compile(r"\s*\(((?-i:[A-ZČĆŽŠĐ])[\w-]{1,9})\)\s*$")
_SINGLE_NAME = re.compile(r"\s*(?-i:[A-ZČĆŽŠĐ])[\w'’-]+\s*")
_DETERMINED_PERSON = re.compile(r"(?:^|\s)((?:the|a|an|one|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?([\w-]+))\s*$", re.I)
_RELATIVE_HEAD = re.compile(r"^(\s*\S.*?)\s+(?:koji|koja|koje|who|which)\s", re.I)
_CONJUNCTION = re.compile(r"\b(?:i|a|and|or|ili|te)\s+", re.I)
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
            or len(words) > 10 or not (words[-1][:1].isupper() or OFFICIAL.search(fold(" ".join(words))))):
        return fallback  # only a subject that opens the sentence and ends in a name
    return start, segment


def _clause_before(view: str, position: int) -> tuple[int, str]:
    dash = view.rfind(" - ", 0, position)  # "(AP) - Police said"
    double = view.rfind(" -- ", 0, position)  # "PRIŠTINA, Kosovo -- Predsjednik Fatmir Sejdiu"
    start = max(max(view.rfind(ch, 0, position) for ch in ",;:()\"„“”«»–—") + 1, dash + 3 if dash >= 0 else 0,
                double + 4 if double >= 0 else 0)
    named = _QUOTED_NAME_BEFORE.search(view, 0, start) if start > 1 and view[start - 1] in "“”\"»" else None
    if (named and named.end() == start and view[start:position].strip()[:1] not in (",", ".", ";", ":")
            and not re.search(r"(?-i:[A-ZČĆŽŠĐ])", view[start:position])):  # but "za „X“ Kit je": the subject follows
        # "u intervjuu za „Sportski žurnal“ rekao je": a quoted name inside the clause does not end it
        outer_start, _outer = _clause_before(view, named.start("name") - 1)
        return outer_start, view[outer_start:position]
    return start, view[start:position]


_QUOTED_NAME_BEFORE = re.compile(r"\b(?:za|u|na|iz|od|prema|for|in|on)\s+[„“\"«](?P<name>(?-i:[A-ZČĆŽŠĐ0-9])[^„“”\"«»,.]{0,40})"
                                 r"[“”\"»]", re.I)


def _non_sources(view: str, ctx: _Context) -> list[Attribution]:
    results = []
    for pattern in NON_SOURCES:
        for match in pattern.finditer(view):
            span = _trim(view, match.span("src"))
            if span is None:
                continue
            evidence = ctx.evidence(match.span(), span, None)
            results.append(Attribution(make_node(evidence.source_text), CueKind.NON_SOURCE, evidence))
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

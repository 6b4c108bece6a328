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

from ..lexicon.media import lookup_media
from ..lexicon.script import fold
from .cues import (ANAPHORA, APPOSITIVE_NAME, ASIDE, AUDIENCE, BACKWARD, BODY_BEFORE, BYLINE, CLAUSE_BREAK, DATELINE,
                   FORWARD_COMPILED, HARD, LOCATIVE, NON_SOURCES, CueKind)
from .nodes import ROLE, Node, make_node


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
    kind: CueKind
    evidence: Evidence
    clause: int = 0  # which clause of its sentence: ", a kako piše Blic" opens a second, parallel report


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
            if ANAPHORA.match(fold(attribution.evidence.source_text)):
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
    for kind, pattern in FORWARD_COMPILED:
        for match in pattern.finditer(view):
            src_span = _trim(view, match.span("src"))
            if src_span is None:
                continue
            if kind in ("told", "reported") and AUDIENCE.match(fold(view[src_span[0]:src_span[1]])):
                continue  # "told reporters": the people spoken to, not a source
            if kind == "according_to_named" and not view[src_span[0]].isupper():
                continue
            content = (0, match.start()) if match.start() > len(view) / 2 else (match.end(), len(view))
            results.append(_attribution(kind.replace("_named", ""), match.span(), src_span, content, ctx))
    for match in BACKWARD.finditer(view):
        src_span = _subject_before(view, match.start())
        if src_span is None:
            continue
        content = (match.end(), len(view))
        results.append(_attribution("statement", match.span(), src_span, content, ctx))
    return _dedupe(results)


def _attribution(kind, cue_span, src_span, content_span, ctx: _Context) -> Attribution:
    kind = CueKind(kind)
    evidence = ctx.evidence(cue_span, src_span, content_span)
    node = make_node(evidence.source_text, "byline" if kind == "byline" else None)
    if kind == CueKind.STATEMENT and node.is_media:
        kind = CueKind.REPORTED
    clause = len(CLAUSE_BREAK.findall(ctx.latin[ctx.base:ctx.base + cue_span[0]]))
    return Attribution(node, kind, evidence, clause)


# ", a kako piše Blic", ", while Reuters reported": a second report in the same sentence
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


def _subject_before(view: str, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase just before a reporting verb, within its clause ("Tanjug reported",
    "Republički zavod za statistiku saopštio je"), skipping an aside between commas
    ("Reuters, citing two sources, reported")."""
    clause_start, clause = _clause_before(view, cue_start)
    if not clause.strip() and clause_start > 0:
        aside_start, aside = _clause_before(view, clause_start - 1)
        if ASIDE.match(aside) and aside_start > 0:
            clause_start, clause = _clause_before(view, aside_start - 1)
        elif APPOSITIVE_NAME.fullmatch(aside):  # "the mayor of Tuzla, Zijad Lugavić, said"
            clause_start, clause = aside_start, aside
    tokens = list(re.finditer(r"\S+", clause))[-9:]
    if not tokens:
        return None
    words = [t.group() for t in tokens]
    hard = re.compile(rf"^(?:{HARD})$", re.I)
    start_index = None
    for k in range(len(words) - 1, -1, -1):
        if hard.match(words[k]):
            if words[k].lower() in LOCATIVE and start_index == k + 1 and k > 0:
                continue  # "Ambasada SAD-a u Sarajevu": the place belongs to the body before it
            break
        if words[k][:1].isupper():
            start_index = k
    if start_index is None:
        anon = re.search(r"((?:one|two|three|four|several|some|jedan|jedna|dva|tri|vise|više)\s+)?\b(?:sources?|izvor\w*|"
                         r"officials?|diplomats?|people|persons|insiders?)\b.*$", clause, re.I)
        if anon:
            return clause_start + anon.start(), clause_start + len(clause.rstrip())
        body = BODY_BEFORE.search(clause.rstrip())
        if not body:
            return None
        return _trim(view, (clause_start + body.start(1), clause_start + body.end(1)))
    if start_index > 0 and ROLE.fullmatch(fold(words[start_index - 1])):
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



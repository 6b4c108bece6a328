"""Citation chains: nest attributions into who-passed-what-to-whom (rendering lives in render/).

Edges run in the direction information flowed:

* **relay**: within one sentence, the upstream source (``according to``, ``citing``,
  ``prema pisanju``, ``pozivajući se na``) passes to the relay (``as reported by``,
  ``kako prenosi``), which passes to the reporter (``reports X``, ``javlja X``); the
  article's frame (the lead's ``reports X``, or a dateline's agency) receives the end of the
  longest such path; the byline ends the chain. These edges form the **main chain**.
* **origin**: anonymous sources, people and official bodies go to the media node that quotes
  them in the same sentence, else to the start of the main chain (the story's origin).
* **cited**: a medium mentioned on its own (``The Wall Street Journal reported in April``)
  is cited by the frame, the article's publisher.

Mentions that are explicitly *not* sources (``declined to comment``, ``nije odgovorio``) are
kept apart. Chains of several texts (an English article and its source) are merged, and an
edge that a longer path explains is dropped (the source often names a link the translation
left out).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from ..lexicon.attribution_cues import words as cue_words
from ..lexicon.script import fold
from ..text.document import Text
from .memo import attributions
from .nodes import Node, node_key
from .records import Attribution, CueKind, Evidence

# Upstream first: the source of a claim, the medium told it, a relay, the reporter.
_ORDER = {kind: kind.relay_rank for kind in CueKind if kind.relay_rank is not None}


@dataclass
class Edge:
    source: Node
    target: Node
    role: str  # relay, origin, cited
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Chain:
    documents: list[str]
    main: list[Node]  # the main chain, upstream first
    edges: list[Edge]
    attributions: list[Attribution]
    non_sources: list[Attribution]  # one per entity: its first mention
    non_source_mentions: list[Attribution] = field(default_factory=list)  # every mention, every document
    also_named: dict[str, list[str]] = field(default_factory=dict)  # non-source key -> its names in other languages

    @property
    def nodes(self) -> list[Node]:
        seen: dict[str, Node] = {}
        for node in self.main:
            seen.setdefault(node.key, node)
        for edge in self.edges:
            seen.setdefault(edge.source.key, edge.source)
            seen.setdefault(edge.target.key, edge.target)
        for attribution in self.attributions:
            seen.setdefault(attribution.node.key, attribution.node)
        return list(seen.values())

    @property
    def main_edges(self) -> list[Edge]:
        keys = [n.key for n in self.main]
        pairs = set(zip(keys, keys[1:]))
        return [e for e in self.edges if (e.source.key, e.target.key) in pairs]

    def text(self) -> str:
        return " → ".join(node.name for node in self.main)


def edge_key(source_name: str, target_name: str) -> tuple[str, str]:
    """Comparable form of an edge given by node names (gold annotations use display names)."""
    return node_key(source_name), node_key(target_name)


def build_chain(texts: Sequence[Text]) -> Chain:
    """The citation chain of one or more texts: the English article first, then any source texts."""
    per_document = []
    for text in texts:
        found, non = attributions(text.document.text, text.sentences, text.name)
        per_document.append((text, found, non))
    all_found = [a for _t, found, _n in per_document for a in found]
    source_keys = {a.node.key for a in all_found}
    non_sources = _unique_non_sources([a for _t, _f, non in per_document for a in non], source_keys)
    edges: dict[tuple[str, str, str], Edge] = {}
    frame: Node | None = None
    byline: Node | None = None
    for _text, found, _non in per_document:
        frame_attribution = _frame(found)
        document_frame = frame_attribution.node if frame_attribution else None
        frame = frame or document_frame
        byline = byline or next((a.node for a in found if a.kind == "byline"), None)
        document_edges: dict[tuple[str, str, str], Edge] = {}
        for source, target, evidence in _sentence_relays(found):
            _add(document_edges, source, target, "relay", evidence)
        document_path = _longest_path(document_edges)
        if document_frame is not None and document_path and document_frame.key not in {n.key for n in document_path}:
            # the frame receives the story
            _add(document_edges, document_path[-1], document_frame, "relay", [frame_attribution.evidence])
        for edge in document_edges.values():
            _add(edges, edge.source, edge.target, edge.role, edge.evidence)
    _drop_shortcuts(edges)
    path = _longest_path(edges)
    main = list(path)
    if frame is not None and frame.key not in {n.key for n in main}:
        if main:
            _add(edges, main[-1], frame, "relay", [])
        main.append(frame)
    if byline is not None:
        if main:
            _add(edges, main[-1], byline, "relay", [a.evidence for a in all_found if a.node.key == byline.key])
        main.append(byline)
    _attach_others(all_found, main, frame, byline, edges, _frames_story(frame, all_found))
    _attach_issuers(all_found, edges)
    _attach_cited_by_speakers(all_found, edges)
    _attach_pronoun_speakers(all_found, edges)
    return Chain([t.name for t in texts], main, list(edges.values()), all_found, non_sources,
                 [a for _t, _f, non in per_document for a in non])


def merge_aligned_non_sources(chain: Chain, english: str, source: str,
                              aligned: Sequence[tuple[Sequence[int], Sequence[int]]]) -> None:
    """One non-source per entity across languages: *White House* and *Bijela kuća*, named in
    sentences the alignment pairs, are one body that declined to comment.

    Within each aligned sentence pair, mentions whose keys agree are one entity already; the
    rest pair up in order when both sides have as many, of the same type, and naming no
    different countries (CLDR keys: Serbian = Srbije). The English name stays; the other is kept
    in ``chain.also_named``.
    """
    from ..lexicon.places import canonical_keys

    by_sentence: dict[tuple[str, int], list[Attribution]] = {}
    for mention in chain.non_source_mentions:
        by_sentence.setdefault((mention.evidence.document, mention.evidence.sentence_index), []).append(mention)
    same: dict[str, str] = {}  # key in the source's language -> key of the English entity
    for english_indexes, source_indexes in aligned:
        ours = [a for i in english_indexes for a in by_sentence.get((english, i), [])]
        theirs = [a for j in source_indexes for a in by_sentence.get((source, j), [])]
        shared = {a.node.key for a in ours} & {b.node.key for b in theirs}
        ours = sorted((a for a in ours if a.node.key not in shared), key=lambda a: a.evidence.source_span)
        theirs = sorted((b for b in theirs if b.node.key not in shared), key=lambda b: b.evidence.source_span)
        if len(ours) != len(theirs):
            continue  # no one-to-one reading: keep them apart rather than guess
        for a, b in zip(ours, theirs):
            places_a, places_b = canonical_keys(a.node.name), canonical_keys(b.node.name)
            if a.node.type == b.node.type and not (places_a and places_b and not places_a & places_b):
                same.setdefault(b.node.key, a.node.key)
    kept_keys = {a.node.key for a in chain.non_sources}
    merged = []
    for item in chain.non_sources:
        target = same.get(item.node.key)
        if target is not None and target in kept_keys and target != item.node.key:
            names = chain.also_named.setdefault(target, [])
            if item.node.name not in names:
                names.append(item.node.name)
            continue
        merged.append(item)
    chain.non_sources = merged


def _frame(found: list[Attribution]) -> Attribution | None:
    """The article's own reporter: a dateline's agency, or the most downstream medium of the lead sentence."""
    for attribution in found:
        if attribution.kind == "dateline":
            return attribution
    lead = [a for a in found if a.evidence.sentence_index == 0 and a.node.is_media and a.kind in _ORDER]
    if not lead or len({a.clause for a in lead}) > 1:
        return None  # no medium, or parallel reports ("kako saznaje Kurir ..., a kako piše Blic"): no single reporter
    return max(lead, key=lambda a: (_ORDER[a.kind], a.evidence.source_span[0]))


def _sentence_relays(found: list[Attribution]):
    """Edges between the media named in one sentence, upstream first: (according to / citing) X ->
    (as reported by) Y -> (reports) Z."""
    by_sentence: dict[tuple[str, int, int], list[Attribution]] = {}
    for attribution in found:
        if attribution.kind in _ORDER and attribution.node.is_media:
            key = (attribution.evidence.document, attribution.evidence.sentence_index, attribution.clause)
            by_sentence.setdefault(key, []).append(attribution)
    for group in by_sentence.values():
        ordered = _unique_nodes(sorted(group, key=lambda a: (_ORDER[a.kind], a.evidence.source_span[0])))
        for upstream, downstream in zip(ordered, ordered[1:]):
            yield upstream.node, downstream.node, [upstream.evidence, downstream.evidence]


def _unique_nodes(items: list[Attribution]) -> list[Attribution]:
    seen, kept = set(), []
    for item in items:
        if item.node.key not in seen:
            seen.add(item.node.key)
            kept.append(item)
    return kept


def _add(edges: dict, source: Node, target: Node, role: str, evidence: list[Evidence]) -> None:
    if source.key == target.key:
        return
    key = (source.key, target.key, role)
    if key not in edges:
        edges[key] = Edge(source, target, role, [])
    for item in evidence:
        if item not in edges[key].evidence:
            edges[key].evidence.append(item)


def _successors(edges: dict) -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {}
    for (a, b, role) in edges:
        if role == "relay":
            graph.setdefault(a, []).append(b)
    return graph


def _reachable(graph: dict, start: str, goal: str, banned_edge: tuple[str, str]) -> bool:
    stack, seen = [start], set()
    while stack:
        node = stack.pop()
        for nxt in graph.get(node, []):
            if (node, nxt) == banned_edge or nxt in seen:
                continue
            if nxt == goal:
                return True
            seen.add(nxt)
            stack.append(nxt)
    return False


def _drop_shortcuts(edges: dict) -> None:
    """Remove a relay edge a -> c when a longer path a -> b -> c says the same, with more detail."""
    graph = _successors(edges)
    for (a, c, role) in list(edges):
        if role == "relay" and _reachable(graph, a, c, (a, c)):
            del edges[(a, c, role)]
            graph[a].remove(c)


def _longest_path(edges: dict) -> list[Node]:
    graph = _successors(edges)
    nodes = {e.source.key: e.source for e in edges.values()} | {e.target.key: e.target for e in edges.values()}
    memo: dict[str, list[str]] = {}

    def longest_from(key: str, visiting: frozenset) -> list[str]:
        if key in memo:
            return memo[key]
        best: list[str] = [key]
        for nxt in graph.get(key, []):
            if nxt in visiting:
                continue  # a cycle in contradictory texts: ignore the back edge
            candidate = [key] + longest_from(nxt, visiting | {nxt})
            if len(candidate) > len(best):
                best = candidate
        memo[key] = best
        return best

    best: list[str] = []
    for key in graph:  # insertion order: the first-mentioned start wins ties
        path = longest_from(key, frozenset({key}))
        if len(path) > len(best):
            best = path
    return [nodes[k] for k in best]


def _frames_story(frame: Node | None, found: list[Attribution]) -> bool:
    """Whether the frame reports the whole story, so that speakers of later sentences reach the reader
    through it: a dateline's agency, or a lead medium that reports the lead itself ("Hina reports that ...").
    A lead medium whose own reporter is named ("..., izvijestio je Mike Organ iz Tennesseeana") is
    another outlet's story, cited for that sentence only."""
    if frame is None:
        return False
    lead = [a for a in found if a.evidence.sentence_index == 0 and a.evidence.document == found[0].evidence.document]
    if any(a.kind == "dateline" and a.node.key == frame.key for a in lead):
        return True
    return not any(not a.node.is_media and a.node.type != "document"
                   and a.kind in (CueKind.REPORTED, CueKind.RELAY) for a in lead)


def _attach_others(found, main, frame, byline, edges, frames_story=True) -> None:
    on_main = {n.key for n in main}
    origin_target = next((n for n in main if n.is_media), None)
    for attribution in found:
        node = attribution.node
        if attribution.kind in ("byline", "dateline", "credit", "issuer") or node.key in on_main:
            continue
        if node.is_media:
            if any(node.key in (e.source.key, e.target.key) for e in edges.values()):
                continue
            target = frame or (main[-2] if byline is not None and len(main) > 1 else (main[-1] if main else None))
            if target is not None:
                _add(edges, node, target, "cited", [attribution.evidence])
            continue
        same_sentence = [a for a in found if a.node.is_media and a.node != frame
                         and a.evidence.sentence_index == attribution.evidence.sentence_index
                         and a.evidence.document == attribution.evidence.document]
        own_clause = [a for a in same_sentence if a.kind != "credit" and (a.clause == attribution.clause
                                                                        or _relays_all_before(a))]
        # the most upstream medium of its own clause ("X izjavio je za B92, prenosi Tanjug": B92, not Tanjug);
        # a medium of another clause (", but the ministry denied the report") is not the one that quotes it
        own_clause.sort(key=lambda a: (_ORDER.get(a.kind, 3), a.evidence.source_span[0]))
        if own_clause:
            target = own_clause[0].node
        elif any(a.node.is_media and a.kind != "credit" and a.clause != attribution.clause
                 and not _relays_all_before(a)
                 and a.evidence.sentence_index == attribution.evidence.sentence_index
                 and a.evidence.document == attribution.evidence.document for a in found):
            continue
        else:
            # no medium in its sentence: the story's origin (the start of the main chain), else the frame
            target = origin_target or frame
            if (frame is not None and target is not None and target.key == frame.key
                    and attribution.evidence.sentence_index > 0
                    and (not frames_story or _self_published(attribution))):
                continue  # words the frame did not pass on: a speaker of another story, or a tweet
        if target is not None and node.type == "document" and any(
                a.kind == "issuer" and a.node.key == target.key and a.evidence.document == attribution.evidence.document
                and a.evidence.sentence_index == attribution.evidence.sentence_index for a in found):
            continue  # "u izvještaju koji su objavile Nezavisne novine": the issuer's document, not one it quotes
        if target is not None:
            _add(edges, node, target, "origin", [attribution.evidence])


def _attach_cited_by_speakers(found: list[Attribution], edges: dict) -> None:
    """"Park, citing data from the ministry, said": what a speaker cites goes to the speaker, when no
    medium in the sentence quotes either."""
    for cited in (a for a in found if a.kind is CueKind.CITING and not a.node.is_media):
        same = [a for a in found if a.evidence.document == cited.evidence.document
                and a.evidence.sentence_index == cited.evidence.sentence_index and a is not cited]
        speakers = [a for a in same if not a.node.is_media and a.clause == cited.clause
                    and a.kind in (CueKind.STATEMENT, CueKind.REPORTED)]
        if speakers and not any(a.node.is_media for a in same):
            _add(edges, cited.node, speakers[0].node, "origin", [cited.evidence, speakers[0].evidence])


def _self_published(attribution: Attribution) -> bool:
    """A speaker who published the words himself ("tweeted", "tvitovao je")."""
    cue = set(fold(attribution.evidence.cue).split())
    return any(fold(w) in cue for w in cue_words("self_published"))


def _attach_issuers(found: list[Attribution], edges: dict) -> None:
    """"u saopštenju koje je objavio Stejt department": the issuer -> the document it issued (the nearest
    document before it in the sentence; with none before, the nearest after: "Vlada poziva ..., navodi se u
    saopštenju")."""
    for issuer in (a for a in found if a.kind == "issuer"):
        documents = [a for a in found if (a.node.type == "document" or a.kind is CueKind.DOCUMENT)
                     and a.evidence.document == issuer.evidence.document
                     and a.evidence.sentence_index == issuer.evidence.sentence_index]
        before = [a for a in documents if a.evidence.source_span[1] <= issuer.evidence.source_span[0]]
        after = [a for a in documents if a.evidence.source_span[0] >= issuer.evidence.source_span[1]]
        if before or after:
            document = (max(before, key=lambda a: a.evidence.source_span[1]) if before
                        else min(after, key=lambda a: a.evidence.source_span[0]))
            _add(edges, issuer.node, document.node, "origin", [issuer.evidence])


_PRONOUN_REACH = 3  # sentences back to the speaker of a pronoun or dropped subject
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|they|on|ona|oni|one)\b", re.I)


def _attach_pronoun_speakers(found: list[Attribution], edges: dict) -> None:
    """"Warren confirmed she'd run. | ..., she said, according to The Hill": a medium that received or
    reports the words of a pronoun or a dropped subject ("..., izjavio je za The Telegraph") gets them
    from the speaker named in the nearest sentence before (at most three back), when its own sentence
    names no other source."""
    for medium in found:
        if not (medium.node.is_media and medium.kind in (CueKind.TOLD, CueKind.ACCORDING_TO)
                and medium.evidence.sentence_index > 0):
            continue
        same = [a for a in found if a.evidence.document == medium.evidence.document
                and a.evidence.sentence_index == medium.evidence.sentence_index and a is not medium]
        if same or (medium.kind is CueKind.ACCORDING_TO and not _PRONOUN_SUBJECT.search(medium.evidence.sentence)):
            continue
        before = [a for a in found if a.evidence.document == medium.evidence.document and not a.node.is_media
                  and a.node.type != "document" and a.kind not in ("credit", "byline", "dateline", "issuer")
                  and medium.evidence.sentence_index - _PRONOUN_REACH <= a.evidence.sentence_index
                  < medium.evidence.sentence_index]
        if before:  # the nearest sentence back that names one (a quotation may run over several)
            nearest = max(a.evidence.sentence_index for a in before)
            before = [a for a in before if a.evidence.sentence_index == nearest]
            speaker = max(before, key=lambda a: a.evidence.source_span[0])
            _add(edges, speaker.node, medium.node, "origin", [speaker.evidence, medium.evidence])


def _relays_all_before(attribution: Attribution) -> bool:
    """", javlja Beta." closing a sentence relays every clause before it."""
    content = attribution.evidence.content_span
    return content is not None and content[1] <= attribution.evidence.cue_span[0]


def _unique_non_sources(items: list[Attribution], source_keys: set[str]) -> list[Attribution]:
    kept, seen = [], set()
    for item in items:
        if item.node.key in seen or item.node.key in source_keys:
            continue
        seen.add(item.node.key)
        kept.append(item)
    return kept

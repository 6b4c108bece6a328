"""What the extractor finds: the kinds of cue, an attribution and its evidence, and their plain-data form.

A leaf module (no patterns to compile), so that a chain can be built from attributions remembered on
disk (``attribution.memo``) without loading the extractor's grammar.

A cue kind's ``relay_rank`` orders the media of one sentence upstream first (the source of a
claim, the medium told it, a relay, the reporter); a kind without one takes no part in relays.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .nodes import Node


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
    DOCUMENT = "document", 0
    CREDIT = "credit", None  # "(Politika, RTS, Tanjug, AFP)": media side by side, none relays another
    ISSUER = "issuer", None  # "u saopštenju koje je objavio X": X issued the document
    BYLINE = "byline", None
    NON_SOURCE = "non_source", None


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


def attribution_data(attribution: Attribution) -> list:
    """``attribution`` as JSON-ready data, without its document's name (the caller knows it)."""
    node, evidence = attribution.node, attribution.evidence
    return [[node.key, node.name, node.type], attribution.kind.value, attribution.clause,
            [evidence.sentence_index, evidence.sentence, evidence.cue, list(evidence.cue_span), evidence.source_text,
             list(evidence.source_span), None if evidence.content_span is None else list(evidence.content_span)]]


def attribution_from_data(data: list, document: str) -> Attribution:
    """The inverse of ``attribution_data``: the attribution, found in ``document``."""
    node, kind, clause, (index, sentence, cue, cue_span, source_text, source_span, content_span) = data
    evidence = Evidence(document, index, sentence, cue, tuple(cue_span), source_text, tuple(source_span),
                        None if content_span is None else tuple(content_span))
    return Attribution(Node(*node), CueKind(kind), evidence, clause)

"""Real attribution gold: units keyed by a shared file's line numbers and a text hash, joined at run time.

The gold (``corpora/attribution-real/*.jsonl``, schema in ``corpora/README.md``) never holds the text of
the shared sentences (their licence forbids it): each unit names a file under the shared root, its
lines and the sha1 of their text. Loading joins the text, checks the hash, applies the unit's transform
and turns every span + occurrence into character offsets. ``score_unit`` runs the extractor on one
unit and matches its sources and edges with the gold's (the rules are in ``corpora/README.md``).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import CorpusError
from ..lexicon.script import fold, latin_to_cyrillic

SHARED_ENV = "PROVENANCE_SHARED"
LANGUAGES = ("en", "sr-Latn", "sr-Cyrl", "bs", "hr")
KINDS = ("person", "body", "document", "medium", "anonymous")
SPLITS = ("dev", "heldout")
TRANSFORMS = {None: lambda text: text, "to_cyrillic": latin_to_cyrillic}
JACCARD_MIN = 0.5


@dataclass(frozen=True)
class GoldSpan:
    span: str
    kind: str | None  # None for non-sources
    start: int
    end: int


@dataclass(frozen=True)
class GoldUnit:
    id: str
    language: str
    split: str
    text: str  # after the transform
    sources: tuple[GoldSpan, ...]
    edges: tuple[tuple[int, int], ...]  # indices into sources, upstream first
    non_sources: tuple[GoldSpan, ...]
    sha1: str = ""  # of the original text, as in the gold file


# Selections `evaluate --split` accepts: the two splits, and dev cut in two by another part of the hash so that a
# quarter of dev ("dev-blind") is scored before and after a round of work without its units being read.
SPLITS = ("dev", "heldout", "dev-open", "dev-blind")


def split_of(sha1: str) -> str:
    """The split a unit belongs to, decided by its text hash alone."""
    return "heldout" if int(sha1[:8], 16) % 3 == 0 else "dev"


def in_split(unit: GoldUnit, split: str | None) -> bool:
    """Whether ``unit`` is in the selection ``split`` (one of SPLITS; None: every unit)."""
    if split is None or split == unit.split:
        return True
    if unit.split != "dev" or split not in ("dev-open", "dev-blind"):
        return False
    blind = int(unit.sha1[8:16], 16) % 4 == 0
    return blind == (split == "dev-blind")


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def shared_root(default: Path) -> Path:
    """``$PROVENANCE_SHARED`` if set, else ``default`` (the corpus's ``shared_root``: ../shared of the repo)."""
    root = Path(os.environ.get(SHARED_ENV) or default)
    if not root.is_dir():
        raise CorpusError(f"shared data not found at {root} (set {SHARED_ENV} to the directory holding data/)")
    return root


def load_gold(path: Path, root: Path) -> list[GoldUnit]:
    """Every unit of a gold JSONL file, with its text joined from ``root``; a CorpusError names the first problem."""
    units = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(f"{path}: cannot read it ({err})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            units.append(_unit(raw, root))
        except json.JSONDecodeError as err:
            raise CorpusError(f"{path}:{number}: not valid JSON ({err.msg})") from None
        except (KeyError, TypeError, ValueError) as err:
            label = raw.get("id", f"line {number}") if isinstance(raw, dict) else f"line {number}"
            reason = f"missing {err.args[0]!r}" if isinstance(err, KeyError) else (err.args[0] if err.args else err)
            raise CorpusError(f"{path}:{number}: unit {label}: {reason}") from None
    return units


def _unit(raw: dict, root: Path) -> GoldUnit:
    original = "\n".join(_line(root, raw["file"], n, raw.get("field")) for n in raw["lines"])
    digest = text_sha1(original)
    if digest != raw["sha1"]:
        raise ValueError(f"sha1 {raw['sha1']} does not match the text of {raw['file']} lines {raw['lines']} "
                         f"({digest}): the shared file changed or the gold is wrong")
    if raw["language"] not in LANGUAGES:
        raise ValueError(f"language {raw['language']!r} is not one of {', '.join(LANGUAGES)}")
    if raw["split"] != split_of(digest):
        raise ValueError(f"split {raw['split']!r} breaks the hash rule (it is {split_of(digest)!r})")
    if raw.get("transform") not in TRANSFORMS:
        raise ValueError(f"unknown transform {raw.get('transform')!r}")
    text = TRANSFORMS[raw.get("transform")](original)
    sources = tuple(_span(text, s, with_kind=True) for s in raw["sources"])
    if len({(s.start, s.end) for s in sources}) != len(sources):
        raise ValueError("two sources are the same occurrence of one span")
    edges = []
    for edge in raw["edges"]:
        if not (isinstance(edge, list) and len(edge) == 2):
            raise ValueError(f"edge {edge!r}: both ends must be spans of the unit's sources")
        edges.append((_edge_end(edge, edge[0], raw["sources"]), _edge_end(edge, edge[1], raw["sources"])))
    non_sources = tuple(_span(text, s, with_kind=False) for s in raw.get("non_sources", []))
    return GoldUnit(raw["id"], raw["language"], raw["split"], text, sources, tuple(edges), non_sources, digest)


def _edge_end(edge: list, end, raw_sources: list[dict]) -> int:
    """The index of the source an edge end names: its span text, or ``"span#n"`` (the source with that
    span and occurrence ``n``) where several sources share the span text, as a passage repeats a name."""
    if not isinstance(end, str):
        raise ValueError(f"edge {edge!r}: both ends must be spans of the unit's sources")
    found = [i for i, s in enumerate(raw_sources) if s["span"] == end]
    span, _, occurrence = end.rpartition("#")
    if not found and span and occurrence.isdigit():
        found = [i for i, s in enumerate(raw_sources) if s["span"] == span and s.get("n", 1) == int(occurrence)]
    if len(found) > 1:
        raise ValueError(f"edge {edge!r}: {end!r} names {len(found)} sources; write '{end}#n' for the n-th occurrence")
    if not found:
        raise ValueError(f"edge {edge!r}: both ends must be spans of the unit's sources")
    return found[0]


def _span(text: str, raw: dict, with_kind: bool) -> GoldSpan:
    span, n = raw["span"], raw.get("n", 1)
    if not (isinstance(span, str) and span and isinstance(n, int) and n >= 1):
        raise ValueError(f"span {span!r}: a span is a non-empty string and 'n' an occurrence from 1")
    kind = raw.get("kind") if with_kind else None
    if with_kind and kind not in KINDS:
        raise ValueError(f"span {span!r}: kind {kind!r} is not one of {', '.join(KINDS)}")
    start = -1
    for _ in range(n):
        start = text.find(span, start + 1)
        if start < 0:
            raise ValueError(f"span {span!r} (occurrence {n}) is not in the text")
    return GoldSpan(span, kind, start, start + len(span))


def _line(root: Path, relative: str, number: int, column: str | None) -> str:
    lines, header = _shared_lines(root / relative)
    if not (isinstance(number, int) and 1 <= number <= len(lines)):
        raise ValueError(f"{relative} has no line {number}")
    line = lines[number - 1]
    if column is None:
        return line
    if column not in header:
        raise ValueError(f"{relative} has no column {column!r}")
    return line.split("\t")[header.index(column)]


@lru_cache(maxsize=16)
def _shared_lines(path: Path) -> tuple[list[str], list[str]]:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(f"shared file {path} cannot be read ({err}); set {SHARED_ENV}") from None
    return lines, lines[0].split("\t")


# --- matching -----------------------------------------------------------------------------------

def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text)))


def _media(text: str) -> str | None:
    from ..lexicon.media import lookup_media

    found = lookup_media(text)
    return found[0] if found else None


def _similar(gold: GoldSpan, start: int, end: int, text: str) -> float:
    """How well a predicted span matches a gold span: token Jaccard of overlapping spans, 1.0 for one
    media-registry entry, 0.0 for no match."""
    media = _media(gold.span)
    if media is not None and media == _media(text):
        return 1.0
    if end <= gold.start or start >= gold.end:
        return 0.0
    a, b = _tokens(gold.span), _tokens(text)
    jaccard = len(a & b) / len(a | b) if a | b else 0.0
    return jaccard if jaccard >= JACCARD_MIN else 0.0


def match_spans(gold: tuple[GoldSpan, ...], predicted: list[tuple[int, int, str]]) -> dict[int, int]:
    """Greedy one-to-one matching, best pairs first: {predicted index: gold index}."""
    pairs = sorted(((_similar(g, *p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
                   key=lambda t: (-t[0], t[1], t[2]))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for score, gi, pi in pairs:
        if score > 0 and gi not in used and pi not in matched:
            matched[pi] = gi
            used.add(gi)
    return matched


def predict(unit: GoldUnit) -> tuple[list[tuple[int, int, str]], list[list[tuple[int, int]]], list[tuple[int, int, str]]]:
    """The extractor's sources (start, end, text), edges and non-sources on the unit's text. An edge is
    the list of its possible (upstream, downstream) predicted-source index pairs: a node named at several
    places stands for each of them. An edge counts when both its nodes were found in the unit."""
    from ..attribution.chain import build_chain
    from ..text.document import Text
    from ..text.io import Document
    from ..text.language import identify_language
    from ..text.segment import split_sentences

    document = Document(unit.text, unit.id, "str", "text")  # as given: offsets must agree with the gold's
    chain = build_chain([Text(document, split_sentences(unit.text), identify_language(unit.text))])
    sources: list[tuple[int, int, str]] = []
    by_node: dict[str, list[int]] = {}
    for attribution in chain.attributions:
        start, end = attribution.evidence.source_span
        item = (start, end, unit.text[start:end])
        if item not in sources:
            sources.append(item)
        by_node.setdefault(attribution.node.key, [])
        if sources.index(item) not in by_node[attribution.node.key]:
            by_node[attribution.node.key].append(sources.index(item))
    edges, seen = [], set()
    for edge in chain.edges:
        key = (edge.source.key, edge.target.key)
        ends = [(a, b) for a in by_node.get(key[0], []) for b in by_node.get(key[1], []) if a != b]
        if ends and key not in seen:  # the same two nodes in another role are one edge
            seen.add(key)
            edges.append(ends)
    non_sources = []
    for attribution in chain.non_sources:
        start, end = attribution.evidence.source_span
        non_sources.append((start, end, unit.text[start:end]))
    return sources, edges, non_sources


def score_unit(unit: GoldUnit) -> dict:
    """The extractor's output on one unit next to the gold, with true/false positive and false negative counts."""
    return score(unit, *predict(unit))


def score(unit: GoldUnit, sources: list[tuple[int, int, str]], edges: list[list[tuple[int, int]]],
          non_sources: list[tuple[int, int, str]]) -> dict:
    """Predicted sources, edges and non-sources (as ``predict`` gives them) matched with the unit's gold."""
    matched = match_spans(unit.sources, sources)
    # an edge is right when its ends match the gold edge's ends in order; one predicted edge per gold edge
    gold_edges = set(unit.edges)
    hits: set[tuple[int, int]] = set()
    for ends in edges:
        pair = next((p for p in ((matched.get(a), matched.get(b)) for a, b in ends)
                     if p in gold_edges and p not in hits), None)
        if pair is not None:
            hits.add(pair)
    non_matched = match_spans(unit.non_sources, non_sources)
    return {
        "id": unit.id, "language": unit.language, "split": unit.split,
        "gold_sources": [[s.start, s.end, s.span, s.kind] for s in unit.sources],
        "predicted_sources": [list(p) for p in sources],
        "source_matches": sorted([p, g] for p, g in matched.items()),
        "gold_edges": [[unit.sources[a].span, unit.sources[b].span] for a, b in unit.edges],
        "predicted_edges": [[sources[ends[0][0]][2], sources[ends[0][1]][2]] for ends in edges],
        "sources": _counts(len(matched), len(sources), len(unit.sources)),
        "edges": _counts(len(hits), len(edges), len(gold_edges)),
        "non_sources": _counts(len(non_matched), len(non_sources), len(unit.non_sources)),
    }


def _counts(tp: int, predicted: int, gold: int) -> list[int]:
    return [tp, predicted - tp, gold - tp]

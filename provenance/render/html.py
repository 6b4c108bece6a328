"""Self-contained HTML reports (inline CSS and SVG, no network requests), rendered with Jinja2.

``check_report_model`` turns a ``CheckResult`` into plain data (rows, colours, a laid-out chain
graph); the template only displays it. Jinja2's autoescaping keeps text from the inputs inert.
"""
from __future__ import annotations

import datetime as _dt
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from .evaluation import evaluation_rows
from .rows import Row as SideBySideRow
from .check import rough_translation_note
from .rows import display_names, side_by_side, verdict_sentence  # the same rows and wording as the terminal

if TYPE_CHECKING:
    from ..attribution.chain import Chain
    from ..compare.check import CheckResult
    from ..evaluation.evaluate import EvaluationResult

_ENV = Environment(loader=PackageLoader("provenance.render", "templates"), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class Row(SideBySideRow):
    colour: str = ""  # background colour on the evidence scale (see evidence_colour)
    strength: str = ""  # strong, weak or absent: the class of the colour, said in words beside it


@dataclass
class GraphNode:
    key: str
    name: str
    type: str
    x: int
    y: int
    main: bool
    non_source: bool = False  # declined to comment or did not respond: drawn apart, greyed
    note: str = ""  # the line under the name: the type, or what a non-source did
    title: str = ""
    lines: list[str] = field(default_factory=list)  # a non-source's name in up to two lines of the box


@dataclass
class GraphEdge:
    x1: int
    y1: int
    x2: int
    y2: int
    role: str
    main: bool
    title: str


@dataclass
class Graph:
    width: int
    height: int
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    non_source_y: int | None = None  # where the row of non-sources starts, if any


# The evidence scale, three classes an editor tells apart at a glance (and named in each row): strong
# matches green, darker the further the pair's chrF stands above unrelated sentences (up to
# STRONG_SPAN points above the background); weak ones yellow; absent ones (no counterpart, or a link
# with no evidence) red.
STRONG_SPAN = 30.0
WEAK_COLOUR = "hsl(48, 96%, 80%)"
ABSENT_COLOUR = "hsl(0, 85%, 90%)"
BAND_COLOURS = ("#2563eb", "#ea580c", "#7c3aed", "#0d9488", "#db2777", "#65a30d")  # one per part of a compilation


def row_strength(strong: bool, evidence: float, status: str) -> str:
    """'strong' (the pair explains its English sentence clearly: ``CandidateScore.strong_english``), 'weak'
    (a link with some evidence) or 'absent' (no counterpart, or a link with none)."""
    if status in ("added", "omitted"):
        return "absent"
    if strong and status == "match":
        return "strong"
    return "weak" if evidence > 0 else "absent"


def evidence_colour(strength: str, above_background: float = 0.0) -> str:
    """Row colour on the evidence scale: absent red, weak yellow, strong green graded by the chrF points
    ``above_background``."""
    if strength == "absent":
        return ABSENT_COLOUR
    if strength == "weak":
        return WEAK_COLOUR
    depth = max(0.0, min(1.0, above_background / STRONG_SPAN))
    return f"hsl(130, 55%, {round(86 - 18 * depth)}%)"


def check_report_model(result: "CheckResult") -> dict:
    names = display_names(result)
    top = result.ranking[0] if result.ranking else None
    rows = _rows(result, top) if top else []
    # every other candidate that is (partly) a source gets its own side-by-side view, folded
    others = [{"name": names[c.name], "rows": _rows(result, c)} for c in result.ranking[1:]
              if c.score.label != "not derived"]
    return {
        "version": __version__,
        "generated": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "verdict": verdict_sentence(result),
        "found": result.source is not None,
        "compiled": result.compiled,
        "sentence_map": sentence_map_model(result) if result.compiled else None,
        "colours": {"weak": WEAK_COLOUR, "absent": ABSENT_COLOUR, "strong": evidence_colour("strong", 0.0),
                    "strongest": evidence_colour("strong", STRONG_SPAN)},
        "article": result.article.name,
        "article_sentences": len(result.article.sentences),
        "top": top.name if top else None,
        "top_name": names[top.name] if top else None,
        "ranking": [{"rank": c.rank, "name": names[c.name], "path": c.name, "language": c.text.language.code,
                     "score": c.score} for c in result.ranking],
        "skipped": [{"name": names[c.name], "path": c.name, "note": c.note} for c in result.candidates if c.note],
        "translation_note": (rough_translation_note(result, "report -o report.html")
                             if top and top.text.language.code != "en" else None),
        "rows": rows,
        "others": others,
        "counts": {status: sum(1 for r in rows if r.status == status) for status in ("match", "weak", "added", "omitted")},
        "mismatches": sum(1 for r in rows if any(f.endswith("mismatch") for f in r.flags)),
        "chain": result.chain,
        "graph": chain_graph(result.chain) if result.chain is not None else None,
        "chain_evidence": chain_evidence(result.chain) if result.chain is not None else None,
        "model": result.model,
        "fingerprint": result.model_fingerprint,
        "translation": result.translation,
        "seconds": result.seconds,
    }


def _rows(result: "CheckResult", candidate) -> list[Row]:
    score = candidate.score
    strong = set(score.strong_english)
    rows = []
    for row, pair in zip(side_by_side(result.article, candidate), score.pairs):
        strength = row_strength(bool(pair.english) and set(pair.english) <= strong, row.evidence, row.status)
        rows.append(Row(**vars(row), colour=evidence_colour(strength, row.chrf - score.background_chrf),
                        strength=strength))
    return rows


def sentence_map_model(result: "CheckResult") -> dict:
    """The compiled article's map for the report: a colour per part, and per English sentence its band
    (the part's colour, paler when the evidence is weak, none when absent), candidate and sentence."""
    names = display_names(result)
    composition = result.composition
    colours = {p.candidate: BAND_COLOURS[k % len(BAND_COLOURS)] for k, p in enumerate(composition.parts)}
    texts = {c.name: c.text.sentence_texts for c in result.candidates}
    english = result.article.sentence_texts
    rows = []
    for m in composition.sentence_map:
        strength = {"none": "absent"}.get(m.strength, m.strength)  # the rows' words for the same three classes
        rows.append({"number": m.english + 1, "english": english[m.english], "strength": strength,
                     "candidate": names[m.candidate] if m.candidate else None,
                     "colour": colours.get(m.candidate, "") if m.candidate else "",
                     "where": ", ".join(str(j + 1) for j in m.source),
                     "source": " ".join(texts[m.candidate][j] for j in m.source) if m.candidate else "",
                     "evidence": m.evidence})
    return {"parts": [{"name": names[p.candidate], "colour": colours[p.candidate], "spans": p.spans_text()}
                      for p in composition.parts], "rows": rows}


def chain_graph(chain: "Chain") -> Graph:
    """Main chain left to right on top; the sources that feed a node below it; the non-sources
    (declined to comment, did not respond) in a greyed row of their own at the bottom."""
    from .chain import non_source_names, non_source_reason

    step, box_y, below_y = 210, 50, 170
    positions: dict[str, tuple[int, int]] = {}
    nodes: list[GraphNode] = []
    for index, node in enumerate(chain.main):
        x = 20 + index * step
        positions[node.key] = (x, box_y)
        nodes.append(GraphNode(node.key, node.name, node.type, x, box_y, True, note=node.type))
    below: dict[str, int] = {}
    for edge in chain.edges:
        for node in (edge.source, edge.target):
            if node.key in positions:
                continue
            anchor = positions.get(edge.target.key if node is edge.source else edge.source.key, (20, box_y))
            slot = below.get(str(anchor[0]), 0)
            below[str(anchor[0])] = slot + 1
            x, y = anchor[0] + slot * 30, below_y + slot * 70
            positions[node.key] = (x, y)
            nodes.append(GraphNode(node.key, node.name, node.type, x, y, False, note=node.type))
    main_pairs = {(e.source.key, e.target.key) for e in chain.main_edges}
    edges = []
    for edge in chain.edges:
        (x1, y1), (x2, y2) = positions[edge.source.key], positions[edge.target.key]
        main = (edge.source.key, edge.target.key) in main_pairs
        title = "; ".join(f"“{e.cue}” — sentence {e.sentence_index + 1}: {e.sentence}" for e in edge.evidence[:3])
        if y1 == y2:
            edges.append(GraphEdge(x1 + 170, y1 + 22, x2 - 4, y2 + 22, edge.role, main, title))
        else:
            edges.append(GraphEdge(x1 + 85, y1, x2 + 85, y2 + 48, edge.role, main, title))
    non_source_y = max([n.y for n in nodes] + [box_y]) + 110
    for index, attribution in enumerate(chain.non_sources):
        names = non_source_names(chain, attribution)
        nodes.append(GraphNode(attribution.node.key, names[0], attribution.node.type, 20 + index * step, non_source_y,
                               False, non_source=True, note=non_source_reason(attribution),
                               title=" = ".join(names) + f": “{attribution.evidence.cue}”",
                               lines=textwrap.wrap(names[0], 24, max_lines=2, placeholder=" …")))
    width = max([n.x for n in nodes] + [0]) + 200
    height = max([n.y for n in nodes] + [box_y]) + 90
    return Graph(width, height, nodes, edges, non_source_y if chain.non_sources else None)


def chain_evidence(chain: "Chain") -> dict:
    """The evidence list under the graph, in the terminal's words: whole-word cues, labelled by document."""
    from .chain import cue_words, document_labels, evidence_label, non_source_names, non_source_reason

    labels = document_labels(chain.documents)
    return {
        "edges": [{"source": e.source.name, "target": e.target.name, "role": e.role,
                   "evidence": [(cue_words(x), evidence_label(x, labels)) for x in e.evidence[:2]]} for e in chain.edges],
        "non_sources": [{"names": non_source_names(chain, a), "reason": non_source_reason(a),
                         "evidence": (cue_words(a.evidence), evidence_label(a.evidence, labels))}
                        for a in chain.non_sources],
    }


def check_html(result: "CheckResult") -> str:
    return _ENV.get_template("report.html").render(**check_report_model(result))


def evaluation_html(result: "EvaluationResult") -> str:
    metrics = result.metrics
    return _ENV.get_template("evaluation.html").render(
        version=__version__, corpus=result.corpus, fingerprint=result.model_fingerprint,
        generated=_dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        rows=evaluation_rows(result), seconds=result.seconds,
        confusions=[(title, metrics[task][key]) for task, key, title in
                    (("variant", "confusion", "Variant confusion (rows: gold)"),
                     ("source", "label_confusion", "Label confusion (rows: gold)")) if task in metrics])

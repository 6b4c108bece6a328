"""Self-contained HTML reports (inline CSS and SVG, no network requests), rendered with Jinja2.

``check_report_model`` turns a ``CheckResult`` into plain data (rows, colours, a laid-out chain
graph); the template only displays it. Jinja2's autoescaping keeps text from the inputs inert.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from .evaluation import evaluation_rows
from .rows import Row as SideBySideRow
from .rows import side_by_side, verdict_sentence  # the same rows and wording as the terminal

if TYPE_CHECKING:
    from ..attribution.chain import Chain
    from ..compare.check import CheckResult
    from ..evaluation.evaluate import EvaluationResult

_ENV = Environment(loader=PackageLoader("provenance.render", "templates"), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class Row(SideBySideRow):
    colour: str = ""  # background colour, from red (no evidence) to green (full evidence)


@dataclass
class GraphNode:
    key: str
    name: str
    type: str
    x: int
    y: int
    main: bool


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


def evidence_colour(evidence: float, status: str) -> str:
    """Row colour: added/omitted rows amber, weak rows grey, aligned pairs red→green by evidence."""
    if status in ("added", "omitted"):
        return "#fde68a"
    if status == "weak":
        return "#e5e7eb"
    hue = round(120 * max(0.0, min(1.0, evidence)))
    return f"hsl({hue}, 70%, 85%)"


def check_report_model(result: "CheckResult") -> dict:
    top = result.ranking[0] if result.ranking else None
    rows = _rows(result, top) if top else []
    # every other candidate that is (partly) a source gets its own side-by-side view, folded
    others = [{"name": c.name, "rows": _rows(result, c)} for c in result.ranking[1:]
              if c.score.label != "not derived"]
    return {
        "version": __version__,
        "generated": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "verdict": verdict_sentence(result),
        "found": result.source is not None,
        "article": result.article.name,
        "article_sentences": len(result.article.sentences),
        "top": top.name if top else None,
        "ranking": [{"rank": c.rank, "name": c.name, "language": c.text.language.code, "score": c.score}
                    for c in result.ranking],
        "skipped": [{"name": c.name, "note": c.note} for c in result.candidates if c.note],
        "rows": rows,
        "others": others,
        "counts": {status: sum(1 for r in rows if r.status == status) for status in ("match", "weak", "added", "omitted")},
        "mismatches": sum(1 for r in rows if any(f.endswith("mismatch") for f in r.flags)),
        "chain": result.chain,
        "graph": chain_graph(result.chain) if result.chain is not None else None,
        "model": result.model,
        "fingerprint": result.model_fingerprint,
        "translation": result.translation,
        "seconds": result.seconds,
    }


def _rows(result: "CheckResult", candidate) -> list[Row]:
    return [Row(**vars(row), colour=evidence_colour(row.evidence, row.status))
            for row in side_by_side(result.article, candidate)]


def chain_graph(chain: "Chain") -> Graph:
    """Main chain left to right on top; the sources that feed a node below it."""
    step, box_y, below_y = 210, 50, 170
    positions: dict[str, tuple[int, int]] = {}
    nodes: list[GraphNode] = []
    for index, node in enumerate(chain.main):
        x = 20 + index * step
        positions[node.key] = (x, box_y)
        nodes.append(GraphNode(node.key, node.name, node.type, x, box_y, True))
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
            nodes.append(GraphNode(node.key, node.name, node.type, x, y, False))
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
    width = max([n.x for n in nodes] + [0]) + 200
    height = max([n.y for n in nodes] + [box_y]) + 80
    return Graph(width, height, nodes, edges)


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

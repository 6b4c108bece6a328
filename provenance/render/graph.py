"""A citation chain as a graph for other tools: Graphviz DOT and Mermaid."""
from __future__ import annotations

from ..attribution.chain import Chain


def _dot_id(key: str) -> str:
    return '"' + key.replace('"', "'") + '"'


_SHAPES = {"agency": "box", "outlet": "box", "person": "ellipse", "anonymous": "ellipse", "official": "hexagon",
           "unknown": "ellipse"}


def chain_dot(chain: Chain) -> str:
    lines = ["digraph provenance {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    main_pairs = {(e.source.key, e.target.key) for e in chain.main_edges}
    for node in chain.nodes:
        style = ", style=dashed" if node.type == "anonymous" else ""
        lines.append(f'  {_dot_id(node.key)} [label={_dot_id(node.name)}, shape={_SHAPES[node.type]}{style}];')
    for edge in chain.edges:
        bold = ", penwidth=2" if (edge.source.key, edge.target.key) in main_pairs else ""
        lines.append(f"  {_dot_id(edge.source.key)} -> {_dot_id(edge.target.key)} [label={_dot_id(edge.role)}{bold}];")
    for attribution in chain.non_sources:
        lines.append(f'  {_dot_id("not:" + attribution.node.key)} [label={_dot_id(attribution.node.name + " (no comment)")}, '
                     f"shape=note, color=gray, fontcolor=gray];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def chain_mermaid(chain: Chain) -> str:
    ids = {node.key: f"n{k}" for k, node in enumerate(chain.nodes)}
    lines = ["graph LR"]
    for node in chain.nodes:
        label = node.name.replace('"', "'")
        lines.append(f'  {ids[node.key]}["{label}"]')
    main_pairs = {(e.source.key, e.target.key) for e in chain.main_edges}
    for edge in chain.edges:
        arrow = "==>" if (edge.source.key, edge.target.key) in main_pairs else "-->"
        lines.append(f"  {ids[edge.source.key]} {arrow}|{edge.role}| {ids[edge.target.key]}")
    return "\n".join(lines) + "\n"

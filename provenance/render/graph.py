"""A citation chain as a graph for other tools: Graphviz DOT and Mermaid."""
from __future__ import annotations

from ..attribution.chain import Chain
from .chain import node_ids, non_source_names, non_source_reason


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', "'").replace("\n", " ") + '"'


_SHAPES = {"agency": "box", "outlet": "box", "person": "ellipse", "anonymous": "ellipse", "official": "hexagon",
           "unknown": "ellipse"}


def chain_dot(chain: Chain) -> str:
    ids = node_ids(chain)
    lines = ["digraph provenance {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    main_pairs = {(e.source.key, e.target.key) for e in chain.main_edges}
    for node in chain.nodes:
        style = ", style=dashed" if node.type == "anonymous" else ""
        lines.append(f"  {ids[node.key]} [label={_quoted(node.name)}, shape={_SHAPES[node.type]}{style}];")
    for edge in chain.edges:
        bold = ", penwidth=2" if (edge.source.key, edge.target.key) in main_pairs else ""
        lines.append(f"  {ids[edge.source.key]} -> {ids[edge.target.key]} [label={_quoted(edge.role)}{bold}];")
    if chain.non_sources:
        lines += ["  subgraph cluster_not_sources {", '    label="not sources"; color=gray; fontcolor=gray;']
        for attribution in chain.non_sources:
            label = _quoted(" = ".join(non_source_names(chain, attribution)))[:-1] + "\\n" + non_source_reason(attribution)
            lines.append(f'    {ids[attribution.node.key]} [label={label}", shape=note, color=gray, fontcolor=gray];')
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_label(text: str) -> str:
    return text.replace('"', "#quot;")


def chain_mermaid(chain: Chain) -> str:
    ids = node_ids(chain)
    lines = ["graph LR"]
    for node in chain.nodes:
        lines.append(f'  {ids[node.key]}["{_mermaid_label(node.name)}"]')
    main_pairs = {(e.source.key, e.target.key) for e in chain.main_edges}
    for edge in chain.edges:
        arrow = "==>" if (edge.source.key, edge.target.key) in main_pairs else "-->"
        lines.append(f"  {ids[edge.source.key]} {arrow}|{edge.role}| {ids[edge.target.key]}")
    if chain.non_sources:
        lines.append('  subgraph not_sources["not sources"]')
        for attribution in chain.non_sources:
            label = " = ".join(non_source_names(chain, attribution)) + "<br/>" + non_source_reason(attribution)
            lines.append(f'    {ids[attribution.node.key]}["{_mermaid_label(label)}"]:::nonsource')
        lines += ["  end", "  classDef nonsource fill:#f3f4f6,stroke:#9ca3af,color:#6b7280,stroke-dasharray:4 3"]
    return "\n".join(lines) + "\n"

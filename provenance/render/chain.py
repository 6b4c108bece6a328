"""A citation chain as JSON (schema provenance.chain/1), Markdown and on the terminal."""
from __future__ import annotations

from ..attribution.chain import Chain
from ..attribution.extract import Evidence
from ..compare.settings import signature, signature_text

CHAIN_SCHEMA = "provenance.chain/1"


def _evidence_dict(e: Evidence) -> dict:
    return {"document": e.document, "sentence_index": e.sentence_index, "sentence": e.sentence, "cue": e.cue,
            "cue_start": e.cue_span[0], "cue_end": e.cue_span[1], "source_text": e.source_text,
            "source_start": e.source_span[0], "source_end": e.source_span[1],
            "content_start": e.content_span[0] if e.content_span else None,
            "content_end": e.content_span[1] if e.content_span else None}


def chain_to_dict(chain: Chain, with_signature: bool = True) -> dict:
    data = {
        "schema": CHAIN_SCHEMA,
        "documents": chain.documents,
        "main_chain": [n.key for n in chain.main],
        "main_chain_text": chain.text(),
        "nodes": [{"id": n.key, "name": n.name, "type": n.type} for n in chain.nodes],
        "edges": [{"source": e.source.key, "target": e.target.key, "role": e.role,
                   "evidence": [_evidence_dict(x) for x in e.evidence]} for e in chain.edges],
        "attributions": [{"node": a.node.key, "kind": a.kind, "evidence": _evidence_dict(a.evidence)}
                         for a in chain.attributions],
        "non_sources": [{"node": a.node.key, "name": a.node.name, "type": a.node.type,
                         "evidence": _evidence_dict(a.evidence)} for a in chain.non_sources],
    }
    if with_signature:
        data["signature"] = signature()
        data["signature_text"] = signature_text(data["signature"])
    return data


def chain_markdown(chain: Chain, heading: str = "# Citation chain") -> str:
    lines = [heading, "", f"**{chain.text() or 'no chain found'}**", ""]
    if chain.edges:
        lines += ["| from | to | role | evidence |", "|---|---|---|---|"]
        for edge in chain.edges:
            cue = "; ".join(f"“{e.cue}” (sentence {e.sentence_index + 1})" for e in edge.evidence[:2]) or "–"
            lines.append(f"| {edge.source.name} | {edge.target.name} | {edge.role} | {cue.replace('|', '/')} |")
    if chain.non_sources:
        lines += ["", "Not sources (declined or did not respond): "
                  + "; ".join(f"{a.node.name} (“{a.evidence.cue}”)" for a in chain.non_sources)]
    return "\n".join(lines) + "\n"


def print_chain(chain: Chain, console) -> None:
    from rich.markup import escape  # names and cues come from the input: "[/x]" in them is not markup
    from rich.table import Table  # lazy: rich costs import time that JSON output does not need

    console.print(f"[bold]Citation chain:[/bold] {escape(chain.text()) or 'no chain found'}", soft_wrap=True)
    if chain.edges:
        table = Table(show_lines=False)
        for column in ("from", "to", "role", "evidence"):
            table.add_column(column)
        for edge in chain.edges:
            evidence = "; ".join(f"“{e.cue}” (s{e.sentence_index + 1})" for e in edge.evidence[:2])
            table.add_row(escape(edge.source.name), escape(edge.target.name), escape(edge.role), escape(evidence))
        console.print(table)
    if chain.non_sources:
        console.print("[dim]Not sources: " + "; ".join(f"{escape(a.node.name)} (“{escape(a.evidence.cue)}”)"
                                                       for a in chain.non_sources) + "[/dim]", soft_wrap=True)

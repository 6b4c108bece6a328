"""A citation chain as JSON (schema provenance.chain/1), Markdown and on the terminal."""
from __future__ import annotations

import re
from typing import Sequence

from ..attribution.chain import Chain
from ..attribution.nodes import Node
from ..attribution.records import Attribution, Evidence
from ..compare.settings import signature, signature_text

CHAIN_SCHEMA = "provenance.chain/1"



# Every format carries the same nodes (node_id), edges and non-sources.

def node_id(node: Node) -> str:
    """A readable id, the same in every format and every run: ``agency_bloomberg``,
    ``byline_correspondent_d_i``, ``official_white_house`` (letters, digits and ``_``: valid in DOT
    and Mermaid without quoting)."""
    from ..lexicon.script import fold

    prefix = node.key.split(":", 1)[0] if ":" in node.key else node.type
    slug = re.sub(r"[^a-z0-9]+", "_", fold(node.name)).strip("_") or "unnamed"
    return slug if slug == prefix or slug.startswith(prefix + "_") else f"{prefix}_{slug}"


def node_ids(chain: Chain) -> dict[str, str]:
    """node key -> id, unique within the chain (a clash gets _2, _3 in order of appearance)."""
    ids: dict[str, str] = {}
    for node in chain.nodes + [a.node for a in chain.non_sources]:
        if node.key in ids:
            continue
        base, n = node_id(node), 1
        candidate = base
        while candidate in ids.values():
            n += 1
            candidate = f"{base}_{n}"
        ids[node.key] = candidate
    return ids


def unlinked_nodes(chain: Chain) -> list[Node]:
    """Sources named in the texts that no edge or the main chain takes in (shown on their own)."""
    linked = {n.key for n in chain.main} | {k for e in chain.edges for k in (e.source.key, e.target.key)}
    return [n for n in chain.nodes if n.key not in linked]


def cue_words(e: Evidence) -> str:
    """The cue as whole words of its sentence, without the punctuation it starts with:
    ``“, reports Anadolu Agency”`` -> ``reports Anadolu Agency``, ``nisu odmah odgovor`` -> ``… odgovorili``."""
    cue, sentence = e.cue, e.sentence
    start = sentence.find(cue)
    if start >= 0:
        end = start + len(cue)
        while start > 0 and sentence[start - 1].isalnum() and cue[:1].isalnum():
            start -= 1
        while end < len(sentence) and sentence[end].isalnum() and cue[-1:].isalnum():
            end += 1
        cue = sentence[start:end]
    return cue.strip(" ,;:–—-\u00a0").strip()


def document_labels(documents: Sequence[str]) -> dict[str, str]:
    """Short document names for evidence: ``article.en.txt`` -> ``article``, ``bs-anadolu.txt`` ->
    ``bs-anadolu``; folders only where two files share a name."""
    from .rows import short_names

    names = short_names(list(documents))
    labels = {d: _strip_suffixes(n) for d, n in names.items()}
    if len(set(labels.values())) < len(labels):
        return names
    return labels


_LABEL_SUFFIXES = re.compile(r"(\.(?:txt|text|md|markdown|html?|xml))?$", re.I)
_LANGUAGE_TAG = re.compile(r"\.(?:en|sr|bs|hr|me|cnr|sr-latn|sr-cyrl)$", re.I)


def _strip_suffixes(name: str) -> str:
    stem = _LABEL_SUFFIXES.sub("", name, count=1)
    return _LANGUAGE_TAG.sub("", stem) or name


def evidence_label(e: Evidence, labels: dict[str, str]) -> str:
    """``article s11``: which document, which sentence."""
    return f"{labels.get(e.document, e.document)} s{e.sentence_index + 1}"


def evidence_text(evidence: Sequence[Evidence], labels: dict[str, str], limit: int = 2) -> str:
    return "; ".join(f"“{cue_words(e)}” ({evidence_label(e, labels)})" for e in evidence[:limit])


def non_source_names(chain: Chain, attribution: Attribution) -> list[str]:
    """The entity's names: the first mention's, then those in the other languages."""
    return [attribution.node.name] + chain.also_named.get(attribution.node.key, [])


def non_source_reason(attribution: Attribution) -> str:
    """What the text says the entity did: declined to comment, or did not respond."""
    from ..lexicon.script import fold

    cue = fold(attribution.evidence.cue)
    return "declined to comment" if re.search(r"declin|refus|odbi|odbij", cue) else "did not respond"


def _evidence_dict(e: Evidence) -> dict:
    return {"document": e.document, "sentence_index": e.sentence_index, "sentence": e.sentence, "cue": e.cue,
            "cue_start": e.cue_span[0], "cue_end": e.cue_span[1], "source_text": e.source_text,
            "source_start": e.source_span[0], "source_end": e.source_span[1],
            "content_start": e.content_span[0] if e.content_span else None,
            "content_end": e.content_span[1] if e.content_span else None}


def chain_to_dict(chain: Chain, with_signature: bool = True) -> dict:
    ids = node_ids(chain)
    data = {
        "schema": CHAIN_SCHEMA,
        "documents": chain.documents,
        "main_chain": [ids[n.key] for n in chain.main],
        "main_chain_text": chain.text(),
        "nodes": [{"id": ids[n.key], "key": n.key, "name": n.name, "type": n.type} for n in chain.nodes],
        "edges": [{"source": ids[e.source.key], "target": ids[e.target.key], "role": e.role,
                   "evidence": [_evidence_dict(x) for x in e.evidence]} for e in chain.edges],
        "attributions": [{"node": ids[a.node.key], "kind": a.kind, "evidence": _evidence_dict(a.evidence)}
                         for a in chain.attributions],
        "non_sources": [{"node": ids[a.node.key], "key": a.node.key, "name": a.node.name, "type": a.node.type,
                         "also_named": chain.also_named.get(a.node.key, []), "reason": non_source_reason(a),
                         "evidence": _evidence_dict(a.evidence)} for a in chain.non_sources],
    }
    if with_signature:
        data["signature"] = signature()
        data["signature_text"] = signature_text(data["signature"])
    return data


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def chain_markdown(chain: Chain, heading: str = "# Citation chain") -> str:
    labels = document_labels(chain.documents)
    lines = [heading, "", f"**{_md_cell(chain.text()) or 'no chain found'}**", ""]
    if chain.edges:
        lines += ["| from | to | role | evidence |", "|---|---|---|---|"]
        for edge in chain.edges:
            lines.append(f"| {_md_cell(edge.source.name)} | {_md_cell(edge.target.name)} | {edge.role} | "
                         f"{_md_cell(evidence_text(edge.evidence, labels)) or '–'} |")
    unlinked = unlinked_nodes(chain)
    if unlinked:
        lines += ["", "Also named, with no link found: " + "; ".join(_md_cell(n.name) for n in unlinked)]
    if chain.non_sources:
        lines += ["", "Not sources (declined to comment or did not respond):", ""]
        lines += [f"- {_md_cell(' = '.join(non_source_names(chain, a)))}: {non_source_reason(a)}, "
                  f"{_md_cell(evidence_text([a.evidence], labels))}" for a in chain.non_sources]
    return "\n".join(lines) + "\n"


def print_chain(chain: Chain, console) -> None:
    from rich import box
    from rich.markup import escape  # names and cues come from the input: "[/x]" in them is not markup
    from rich.table import Table

    labels = document_labels(chain.documents)
    console.print(f"[bold]Citation chain:[/bold] {escape(chain.text()) or 'no chain found'}", soft_wrap=True)
    if chain.edges:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
        for column in ("from", "to", "role", "evidence"):
            table.add_column(column)
        for edge in chain.edges:
            table.add_row(escape(edge.source.name), escape(edge.target.name), escape(edge.role),
                          escape(evidence_text(edge.evidence, labels)))
        console.print(table)
    unlinked = unlinked_nodes(chain)
    if unlinked:
        console.print("Also named, with no link found: " + "; ".join(escape(n.name) for n in unlinked), soft_wrap=True)
    if chain.non_sources:
        console.print("[bold]Not sources[/bold] (declined to comment or did not respond):")
        for a in chain.non_sources:
            console.print(f"  {escape(' = '.join(non_source_names(chain, a)))}: {non_source_reason(a)}, "
                          f"{escape(evidence_text([a.evidence], labels))}", soft_wrap=True)

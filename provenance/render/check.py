"""A check as JSON (schema provenance.check/1), Markdown and on the terminal (rich).

The JSON schemas are documented in ``docs/json-schema.md``; their ``schema`` field names the
version. Renderers only read results: nothing here computes a score.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..compare.settings import signature_text
from ..errors import EXIT_NO_SOURCE, EXIT_SOURCE_FOUND
from .chain import chain_markdown, chain_to_dict, print_chain
from .rows import difference_rows, side_by_side, verdict_sentence

if TYPE_CHECKING:
    from ..compare.check import CandidateResult, CheckResult
    from ..text.document import Text

CHECK_SCHEMA = "provenance.check/1"


# --- JSON ----------------------------------------------------------------------------------------

def check_to_dict(result: "CheckResult") -> dict:
    top = result.ranking[0] if result.ranking else None
    data = {
        "schema": CHECK_SCHEMA,
        "article": _text_dict(result.article),
        "verdict": {
            "source": result.source,
            "label": top.score.label if top and top.score else None,
            "match_score": top.score.match_score if top and top.score else None,
            "margin": result.margin,
            "exit_status": exit_status(result),
        },
        "ranking": [c.name for c in result.ranking],
        "candidates": [_candidate_dict(c) for c in result.candidates],
        "model": {"name": result.model, "fingerprint": result.model_fingerprint},
        "translation": result.translation.as_dict(),
        "signature": result.signature,
        "signature_text": signature_text(result.signature),
        "seconds": result.seconds,
    }
    if result.chain is not None:
        data["chain"] = chain_to_dict(result.chain, with_signature=False)  # the check's signature covers it
    return data


def exit_status(result: "CheckResult") -> int:
    return EXIT_SOURCE_FOUND if result.source else EXIT_NO_SOURCE


def _text_dict(text: "Text") -> dict:
    lang = text.language
    return {
        "path": text.name,
        "encoding": text.document.encoding,
        "format": text.document.format,
        "language": {"code": lang.code, "confidence": round(lang.confidence, 4), "script": lang.script,
                     "detector": lang.detector, "variant_scores": {k: round(v, 4) for k, v in lang.variant_scores.items()}},
        "sentences": [{"index": i, "text": s.text, "start": s.start, "end": s.end} for i, s in enumerate(text.sentences)],
    }


def _candidate_dict(candidate: "CandidateResult") -> dict:
    data = _text_dict(candidate.text)
    data["rank"] = candidate.rank
    data["note"] = candidate.note
    data["translations"] = candidate.translations
    score = candidate.score
    if score is None:
        data["scores"] = None
        data["pairs"] = []
        return data
    data["scores"] = {
        "match_score": score.match_score, "label": score.label, "chrf": score.chrf, "bleu": score.bleu,
        "document_chrf": score.document_chrf, "background_chrf": score.background_chrf,
        "coverage_english": score.coverage_english, "coverage_source": score.coverage_source,
        "aligned_english": score.aligned_english, "aligned_source": score.aligned_source,
    }
    data["pairs"] = [
        {"english": list(p.english), "source": list(p.source), "status": p.status, "similarity": p.similarity,
         "chrf": p.chrf, "evidence": p.evidence, "flags": p.flags,
         "numbers": {"english_only": list(p.numbers_only_english), "source_only": list(p.numbers_only_source)},
         "names": {"english_only": list(p.names_only_english), "source_only": list(p.names_only_source)}}
        for p in score.pairs
    ]
    return data


# --- Markdown ------------------------------------------------------------------------------------

def check_markdown(result: "CheckResult") -> str:
    lines = ["# provenance check", "", f"Article: `{result.article.name}` ({len(result.article.sentences)} sentences)", ""]
    lines.append(f"**Verdict:** {verdict_sentence(result)}")
    lines += ["", "| rank | candidate | language | match | label | chrF | BLEU | coverage EN | coverage source |",
              "|---:|---|---|---:|---|---:|---:|---:|---:|"]
    for c in result.ranking:
        s = c.score
        lines.append(f"| {c.rank} | `{_md(c.name)}` | {c.text.language.code} | {s.match_score:.2f} | {s.label} | "
                     f"{s.chrf:.1f} | {s.bleu:.1f} | {s.coverage_english:.0%} | {s.coverage_source:.0%} |")
    for c in result.candidates:
        if c.note:
            lines.append(f"| – | `{_md(c.name)}` | {c.text.language.code} | – | {c.note} | | | | |")
    top = result.ranking[0] if result.ranking else None
    if top is not None:
        lines += ["", f"## Differences with `{_md(top.name)}`", ""]
        rows = difference_rows(result.article, top)
        if rows:
            lines += ["| English | source | what |", "|---|---|---|"]
            lines += [f"| {_md(en)} | {_md(src)} | {_md(what)} |" for en, src, what in rows]
        else:
            lines.append("No added, omitted or changed sentences found.")
    if result.chain is not None:
        lines += ["", chain_markdown(result.chain, heading="## Citation chain")]
    lines += ["", f"Model `{result.model_fingerprint}`; {result.translation.translated} sentences translated, "
                  f"{result.translation.cached} from cache; {result.seconds:.1f} s."]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- terminal ------------------------------------------------------------------------------------

def print_check(result: "CheckResult", console, details: bool = False) -> None:
    from rich.markup import escape  # names and texts come from the input: "[bold]" in them is not markup
    from rich.table import Table

    console.print(f"[bold]Article[/bold] {escape(result.article.name)}: {len(result.article.sentences)} sentences, "
                  f"{escape(result.article.language.code)}", soft_wrap=True)
    style = "green" if result.source else "yellow"
    console.print(f"[bold {style}]Verdict:[/bold {style}] {escape(verdict_sentence(result))}", soft_wrap=True)
    table = Table(title="Candidates", show_lines=False)
    for column, justify in (("#", "right"), ("candidate", "left"), ("lang", "left"), ("match", "right"),
                            ("label", "left"), ("chrF", "right"), ("BLEU", "right"), ("cov EN", "right"),
                            ("cov src", "right")):
        table.add_column(column, justify=justify)
    for c in result.ranking:
        s = c.score
        table.add_row(str(c.rank), escape(c.name), escape(c.text.language.code), f"{s.match_score:.2f}", s.label, f"{s.chrf:.1f}",
                      f"{s.bleu:.1f}", f"{s.coverage_english:.0%}", f"{s.coverage_source:.0%}")
    for c in result.candidates:
        if c.note:
            table.add_row("–", escape(c.name), escape(c.text.language.code), "–", escape(c.note), "", "", "", "")
    console.print(table)
    top = result.ranking[0] if result.ranking else None
    if top is not None:
        _print_pairs(result.article, top, console, details)
    if result.chain is not None:
        print_chain(result.chain, console)
    console.print(f"[dim]model {escape(result.model_fingerprint)}; {result.translation.translated} sentences translated, "
                  f"{result.translation.cached} from cache; {result.seconds:.1f} s[/dim]", soft_wrap=True)


def _print_pairs(article: "Text", candidate: "CandidateResult", console, details: bool) -> None:
    from rich.markup import escape
    from rich.table import Table

    if details:
        table = Table(title=f"Alignment with {escape(candidate.name)}", show_lines=True)
        for column in ("EN", "source", "sim", "what"):
            table.add_column(column)
        for row in side_by_side(article, candidate):
            table.add_row(escape(row.english), escape(row.source), f"{row.similarity:.2f}" if row.is_pair else "",
                          escape(", ".join(row.flags) or row.status))
        console.print(table)
        return
    rows = difference_rows(article, candidate)
    if not rows:
        console.print(f"No added, omitted or changed sentences against {escape(candidate.name)}.", soft_wrap=True)
        return
    table = Table(title=f"Differences with {escape(candidate.name)} (--details for every pair)", show_lines=True)
    for column in ("English", "source", "what"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(escape(str(cell)) for cell in row))
    console.print(table)

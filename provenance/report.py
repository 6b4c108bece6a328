"""Rendering of results: JSON (stable, versioned schemas), Markdown and the terminal (rich).

The JSON schemas are documented in ``docs/json-schema.md``; their ``schema`` field names the
version. Renderers only read results: nothing here computes a score.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import EXIT_NO_SOURCE, EXIT_SOURCE_FOUND

if TYPE_CHECKING:
    from .check import CandidateResult, CheckResult, Text

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
        "seconds": result.seconds,
    }
    if result.chain is not None:
        from .chain import chain_to_dict

        data["chain"] = chain_to_dict(result.chain)
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
        from .chain import chain_markdown

        lines += ["", chain_markdown(result.chain, heading="## Citation chain")]
    lines += ["", f"Model `{result.model_fingerprint}`; {result.translation.translated} sentences translated, "
                  f"{result.translation.cached} from cache; {result.seconds:.1f} s."]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def verdict_sentence(result: "CheckResult") -> str:
    if not result.ranking:
        return "no candidate could be compared."
    top = result.ranking[0]
    if result.source is None:
        return (f"no candidate is a source of this article (best: {top.name}, match {top.score.match_score:.2f}, "
                f"{top.score.label}).")
    return (f"{top.name} is the most likely source ({top.score.label}, match {top.score.match_score:.2f}, "
            f"margin {result.margin:.2f} over the next candidate).")


def difference_rows(article: "Text", candidate: "CandidateResult") -> list[tuple[str, str, str]]:
    """(English, source, what differs) for every added, omitted or changed pair."""
    rows = []
    english = article.sentence_texts
    source = candidate.text.sentence_texts
    for pair in candidate.score.pairs:
        what = []
        if pair.status == "added":
            what.append("only in the English (added)")
        if pair.status == "omitted":
            what.append("only in the source (omitted)")
        what += mismatch_notes(pair)
        if what:
            rows.append((" ".join(english[i] for i in pair.english), " ".join(source[j] for j in pair.source),
                         "; ".join(what)))
    return rows


def mismatch_notes(pair) -> list[str]:
    """'numbers differ: English 500,000 / source 400.000' and the same for names, where they differ."""
    notes = []
    for kind, only_english, only_source in (("numbers", pair.numbers_only_english, pair.numbers_only_source),
                                            ("names", pair.names_only_english, pair.names_only_source)):
        if only_english or only_source:
            english, source = ", ".join(only_english) or "–", ", ".join(only_source) or "–"
            notes.append(f"{kind} differ: English {english} / source {source}")
    return notes


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
        from .chain import print_chain

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
        english, source = article.sentence_texts, candidate.text.sentence_texts
        for pair in candidate.score.pairs:
            table.add_row(escape(" ".join(english[i] for i in pair.english)),
                          escape(" ".join(source[j] for j in pair.source)),
                          f"{pair.similarity:.2f}" if pair.english and pair.source else "",
                          escape(", ".join(pair.flags) or pair.status))
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

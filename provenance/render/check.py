"""A check as JSON (schema provenance.check/1), Markdown and on the terminal (rich).

The JSON schemas are documented in ``docs/json-schema.md``; their ``schema`` field names the
version. Renderers only read results: nothing here computes a score.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..compare.settings import signature_text
from ..errors import EXIT_NO_SOURCE, EXIT_SOURCE_FOUND
from .chain import chain_markdown, chain_to_dict, print_chain
from .rows import (compared_with_another, display_names, difference_rows, sentence_map_rows, side_by_side,
                   verdict_sentence)

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
            "margin": result.margin if compared_with_another(result) else None,
            "exit_status": exit_status(result),
            "compiled": result.compiled,
            "sources": result.sources,
            "parts": [{"candidate": p.candidate, "english": list(p.english),
                       "spans": [[a + 1, b + 1] for a, b in p.spans]} for p in result.composition.parts]
            if result.compiled else [],
            "text": verdict_sentence(result),
        },
        "sentence_map": [{"english": m.english, "candidate": m.candidate, "source": list(m.source),
                          "evidence": m.evidence, "strength": m.strength}
                         for m in (result.composition.sentence_map if result.composition else [])],
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
                     "detector": lang.detector, "variant_scores": {k: round(v, 4) for k, v in lang.variant_scores.items()},
                     "label": lang.label, "variant": lang.variant},
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
         "names": {"english_only": list(p.names_only_english), "source_only": list(p.names_only_source)},
         "name_flags": [f.as_dict() for f in p.name_flags]}
        for p in score.pairs
    ]
    return data


# --- Markdown ------------------------------------------------------------------------------------

def check_markdown(result: "CheckResult") -> str:
    names = display_names(result)
    lines = ["# provenance check", "", f"Article: `{result.article.name}` ({len(result.article.sentences)} sentences)", ""]
    lines.append(f"**Verdict:** {verdict_sentence(result)}")
    lines += ["", "| rank | candidate | language | match | label | chrF | BLEU | coverage EN | coverage source |",
              "|---:|---|---|---:|---|---:|---:|---:|---:|"]
    for c in result.ranking:
        s = c.score
        lines.append(f"| {c.rank} | `{_md(names[c.name])}` | {c.text.language.label} | {s.match_score:.2f} | {s.label} | "
                     f"{s.chrf:.1f} | {s.bleu:.1f} | {s.coverage_english:.0%} | {s.coverage_source:.0%} |")
    for c in result.candidates:
        if c.note:
            lines.append(f"| – | `{_md(names[c.name])}` | {c.text.language.code} | – | {c.note} | | | | |")
    if result.compiled:
        lines += ["", "## Where each English sentence comes from", "",
                  "| # | English | candidate | its sentence | evidence |", "|---:|---|---|---|---|"]
        lines += [f"| {i} | {_md(en)} | `{_md(name)}` | {where} | {strength} |" if name != "none" else
                  f"| {i} | {_md(en)} | none | | {strength} |" for i, en, name, where, strength in sentence_map_rows(result)]
    top = result.ranking[0] if result.ranking else None
    if top is not None:
        lines += ["", f"## Differences with `{_md(names[top.name])}`", ""]
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

def variant_line(lang) -> str:
    """'bs 0.93 (hr 0.06, sr 0.01); evidence: sedmica (Bosnian/Serbian word); ...'"""
    v = lang.variant
    rest = ", ".join(f"{k} {p:.2f}" for k, p in list(v["posterior"].items())[1:])
    mixed = "; mixed: " + ", ".join(f"{n} sentences read as {k}" for k, n in v["mixed"].items()) if v["mixed"] else ""
    return f"{lang.label} {v['probability']:.2f} ({rest}){mixed}; evidence: " + "; ".join(v["evidence"])


def print_check(result: "CheckResult", console, details: bool = False) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    names = display_names(result)
    console.print(f"[bold]Article[/bold] {escape(result.article.name)}: {len(result.article.sentences)} sentences, "
                  f"{escape(result.article.language.code)}", soft_wrap=True)
    style = "green" if result.source else "yellow"
    console.print(f"[bold {style}]Verdict:[/bold {style}] {escape(verdict_sentence(result))}", soft_wrap=True)
    rows = [[str(c.rank), names[c.name], c.text.language.label, f"{c.score.match_score:.2f}", c.score.label,
             f"{c.score.chrf:.1f}", f"{c.score.bleu:.1f}", f"{c.score.coverage_english:.0%}",
             f"{c.score.coverage_source:.0%}"] for c in result.ranking]
    rows += [["–", names[c.name], c.text.language.code, "–", "not compared", "", "", "", ""]
             for c in result.candidates if c.note]
    columns = (("#", "right"), ("candidate", "left"), ("lang", "left"), ("match", "right"), ("label", "left"),
               ("chrF", "right"), ("BLEU", "right"), ("cov EN", "right"), ("cov src", "right"))
    table = Table(title="Candidates", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for column, justify in columns:
        if column == "candidate":  # the whole name, folded if need be: never cut what tells two apart
            table.add_column(column, overflow="fold", width=_candidate_width(rows, columns, console.width))
        else:
            table.add_column(column, justify=justify)
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    console.print(table)
    for c in result.candidates:
        if c.note:
            console.print(f"Not compared: {escape(names[c.name])}: {escape(c.note)}", soft_wrap=True)
    for c in result.candidates:
        if c.text.language.variant:
            console.print(f"[dim]{escape(names[c.name])}: {escape(variant_line(c.text.language))}[/dim]")  # wrapped to the width
    if result.compiled:
        _print_sentence_map(result, console)
    top = result.ranking[0] if result.ranking else None
    if top is not None:
        _print_pairs(result, top, console, details)
    if result.chain is not None:
        print_chain(result.chain, console)
    console.print(f"[dim]model {escape(result.model_fingerprint)}; {result.translation.translated} sentences translated, "
                  f"{result.translation.cached} from cache; {result.seconds:.1f} s[/dim]", soft_wrap=True)


_STRENGTH_STYLE = {"strong": "green", "weak": "yellow", "none": "red"}


def _print_sentence_map(result: "CheckResult", console) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Where each English sentence comes from", show_lines=False)
    for column, justify in (("#", "right"), ("English", "left"), ("candidate", "left"), ("its sentence", "right"),
                            ("evidence", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    for i, english, name, where, strength in sentence_map_rows(result):
        style = _STRENGTH_STYLE[strength]
        table.add_row(str(i), escape(english), escape(name), where, f"[{style}]{strength}[/{style}]")
    console.print(table)


def _candidate_width(rows: list[list[str]], columns, total: int) -> int:
    """Width of the candidate column: the longest name where the table fits, else what is left once
    the other columns have their narrowest (the label wraps to one word, 'partially')."""
    need = [max([len(column)] + [len(row[k]) for row in rows]) for k, (column, _j) in enumerate(columns)]
    others = sum(need) - need[1] - need[4] + min(need[4], len("partially")) + 2 * (len(columns) - 1)
    return max(12, min(need[1], total - others))


OPUS_MT = "Helsinki-NLP/opus-mt-zls-en"


def rough_translation_note(result: "CheckResult", command: str) -> tuple[str, str] | None:
    """(what to know, the command to run) beside machine translations from the compact model, which
    garbles many sentences: an editor should not take its wording for a misreading of the text.
    ``command`` is 'check --details' or 'report -o report.html'. None when another model translated."""
    import shlex

    from ..translate.ctranslate2 import SHIPPED_CT2_DIR
    from ..translate.marian import DEFAULT_MODEL_DIR

    if result.model_fingerprint.split("@")[0] not in (DEFAULT_MODEL_DIR.name, SHIPPED_CT2_DIR.name):
        return None
    paths = " ".join(shlex.quote(p) for p in [result.article.name, *(c.name for c in result.candidates)])
    return ("Machine translations are by the compact offline model and often rough: a garbled line is the model, "
            "not a misread text. For readable ones, use an OPUS-MT model (one download, then offline):",
            f"provenance {command} --model {OPUS_MT} {paths}")


def _print_pairs(result: "CheckResult", candidate: "CandidateResult", console, details: bool) -> None:
    from rich.markup import escape
    from rich.table import Table

    article = result.article
    name = display_names(result)[candidate.name]
    if details:
        table = Table(title=f"Alignment with {escape(name)}", show_lines=True)
        for column in ("EN", "source, then its machine translation", "sim", "what"):
            table.add_column(column)
        english, source = article.sentence_texts, candidate.text.sentence_texts
        translated = candidate.translations if candidate.text.language.code != "en" else []
        for pair in candidate.score.pairs:
            source_cell = escape(" ".join(source[j] for j in pair.source))
            if translated and pair.source:
                source_cell += "\n[dim italic]" + escape(" ".join(translated[j] for j in pair.source)) + "[/dim italic]"
            table.add_row(escape(" ".join(english[i] for i in pair.english)), source_cell,
                          f"{pair.similarity:.2f}" if pair.english and pair.source else "",
                          escape(", ".join(pair.flags) or pair.status))
        note = rough_translation_note(result, "check --details") if translated else None
        if note:  # before the table: read before the garbled lines, not after
            console.print(f"[dim]{escape(note[0])}[/dim] {escape(note[1])}", soft_wrap=True)
        console.print(table)
        return
    rows = difference_rows(article, candidate)
    if not rows:
        console.print(f"No added, omitted or changed sentences against {escape(name)}.", soft_wrap=True)
        return
    table = Table(title=f"Differences with {escape(name)} (--details for every pair)", show_lines=True)
    for column in ("English", "source", "what"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(escape(str(cell)) for cell in row))
    console.print(table)

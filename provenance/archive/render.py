"""``find`` results as JSON (schema ``provenance.find/1``), on the terminal and as an HTML page."""
from __future__ import annotations

from .find import FIND_SCHEMA, FindResult
from .project import EXIT_NO_SOURCE, EXIT_SOURCE_FOUND


def exit_status(result: FindResult) -> int:
    return EXIT_SOURCE_FOUND if result.source else EXIT_NO_SOURCE


def find_to_dict(result: FindResult) -> dict:
    top = result.ranking[0] if result.ranking else None
    top_score = getattr(top.candidate, "score", None) if top else None
    check = result.check
    return {
        "schema": FIND_SCHEMA,
        "article": {"path": result.article.name, "language": result.article.language.code,
                    "sentences": len(result.article.sentences)},
        "index": result.index,
        "verdict": {"source": result.source, "label": top.label if top else None,
                    "match_score": top_score.match_score if top_score else None,
                    "margin": check.margin if check is not None else None, "exit_status": exit_status(result)},
        "ranking": [item.id for item in result.ranking],
        "shortlist": [_item_dict(rank, item) for rank, item in enumerate(result.ranking, start=1)],
        "statistics": result.statistics,
        "model": {"name": check.model, "fingerprint": check.model_fingerprint} if check is not None else None,
        "signature": result.signature,
        "check_signature": getattr(check, "signature", None),  # the check's own settings, where it has them
    }


def _item_dict(rank: int, item) -> dict:
    score = getattr(item.candidate, "score", None)
    return {"rank": rank, "id": item.id, "title": item.title, "url": item.url, "outlet": item.outlet,
            "date": item.date, "language": item.language, "sentences": item.sentences, "label": item.label,
            "match_score": score.match_score if score else None, "chrf": score.chrf if score else None,
            "note": getattr(item.candidate, "note", None), "cheap_rank": item.cheap_rank,
            "cheap_score": item.cheap_score, "fingerprint_score": item.fingerprint_score,
            "bm25_score": item.bm25_score, "why": item.why, "shared": item.shared, "lead_words": item.lead_words}


def print_find(result: FindResult, console) -> None:
    from rich.table import Table

    stats = result.statistics
    console.print(f"[bold]{result.article.name}[/bold]: {result.verdict}")
    table = Table(show_lines=False)
    for column in ("#", "article", "label", "match", "cheap #", "why shortlisted"):
        table.add_column(column, overflow="fold")
    for rank, item in enumerate(result.ranking, start=1):
        score = getattr(item.candidate, "score", None)
        name = item.id + (f"\n{item.title[:70]}" if item.title else "")
        table.add_row(str(rank), name, item.label or getattr(item.candidate, "note", "") or "",
                      f"{score.match_score:.3f}" if score else "-", str(item.cheap_rank), item.why)
    console.print(table)
    seconds = stats["seconds"]
    console.print(f"{stats['archive_documents']:,} articles ({stats['archive_sentences']:,} sentences); "
                  f"{stats['shortlisted']} shortlisted; {stats['sentences_translated']:,} sentences translated "
                  f"({100 * stats['sentences_translated_share']:.2f} % of the archive, "
                  f"{stats['sentences_newly_translated']:,} not cached); {seconds['total']:.2f} s "
                  f"(fingerprints {seconds['fingerprints']:.2f}, bm25 {seconds['bm25']:.2f}, "
                  f"check {seconds['check']:.2f})")
    console.print(f"[dim]{result.signature}[/dim]")


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>provenance find: {{ article }}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;
vertical-align:top}th{background:#f4f4f4}.num{text-align:right;font-variant-numeric:tabular-nums}
.verdict{font-size:1.2em;margin:1em 0}.dim{color:#777;font-size:.85em}
</style></head><body>
<h1>Which archived article is <em>{{ article }}</em> translated from?</h1>
<p class="verdict"><strong>{{ verdict }}</strong></p>
<table><thead><tr><th>#</th><th>article</th><th>label</th><th class="num">match</th><th class="num">cheap rank</th>
<th>why shortlisted</th></tr></thead><tbody>
{% for row in rows %}<tr><td>{{ row.rank }}</td><td>{% if row.url %}<a href="{{ row.url }}">{{ row.id }}</a>{% else %}{{ row.id }}{% endif %}
{% if row.title %}<br><span class="dim">{{ row.title }}</span>{% endif %}{% if row.outlet or row.date %}<br><span class="dim">{{ row.outlet or "" }} {{ row.date or "" }}</span>{% endif %}</td>
<td>{{ row.label or row.note or "" }}</td><td class="num">{{ "%.3f"|format(row.match_score) if row.match_score is not none else "-" }}</td>
<td class="num">{{ row.cheap_rank }}</td><td>{{ row.why }}</td></tr>
{% endfor %}</tbody></table>
<p>{{ "{:,}".format(stats.archive_documents) }} articles, {{ "{:,}".format(stats.archive_sentences) }} sentences;
{{ stats.shortlisted }} shortlisted and checked; {{ "{:,}".format(stats.sentences_translated) }} sentences translated
({{ "%.2f"|format(100 * stats.sentences_translated_share) }} % of the archive); {{ "%.2f"|format(stats.seconds.total) }} s.</p>
<p class="dim">{{ signature }}</p>
</body></html>
"""


def find_html(result: FindResult) -> str:
    from jinja2 import Environment

    data = find_to_dict(result)
    return Environment(autoescape=True).from_string(_HTML).render(
        article=result.article.name, verdict=result.verdict, rows=data["shortlist"], stats=data["statistics"],
        signature=result.signature)

"""Terminal rendering of evaluation figures."""
from __future__ import annotations

from ..compare.settings import signature_text
from ..evaluation.corpus import TASKS
from ..evaluation.evaluate import EvaluationResult


def evaluation_rows(result: EvaluationResult) -> list[tuple[str, str, str]]:
    """(task, metric, value) rows: the table printed in the terminal and in HTML."""
    rows: list[tuple[str, str, str]] = []
    m = result.metrics
    if "source" in m:
        s = m["source"]
        rows += [("source", "top-1 accuracy", f"{s['top1_accuracy']:.3f}"), ("source", "MRR", f"{s['mrr']:.3f}"),
                 ("source", "'none' decision accuracy", f"{s['none_accuracy']:.3f} ({s['none_cases']} cases without a source)"),
                 ("source", "label accuracy", f"{s['label_accuracy']:.3f}")]
    if "alignment" in m:
        a = m["alignment"]
        rows += [("alignment", "strict precision", f"{a['precision']:.3f}"), ("alignment", "strict recall", f"{a['recall']:.3f}"),
                 ("alignment", "strict F1", f"{a['f1']:.3f}")]
    if "variant" in m:
        v = m["variant"]
        rows.append(("variant", "accuracy", f"{v['accuracy']:.3f}"))
        rows += [("variant", f"accuracy {k}", f"{x:.3f}") for k, x in v["per_variant"].items()]
    if "chain" in m:
        c = m["chain"]
        rows += [("chain", "edge precision", f"{c['precision']:.3f}"), ("chain", "edge recall", f"{c['recall']:.3f}")]
        for lang, prf in c["per_language"].items():
            rows.append(("chain", f"edge P / R {lang}", f"{prf['precision']:.3f} / {prf['recall']:.3f}"))
    if "changes" in m:
        for flag, label in (("number_mismatch", "number"), ("name_mismatch", "name")):
            f = m["changes"][flag]
            rows += [("changes", f"{label} flags P / R", f"{f['precision']:.3f} / {f['recall']:.3f}"),
                     ("changes", f"{label} false alarms", f"{f['false_alarms_per_100']:.1f} per 100 unaltered sentences")]
    for task in TASKS:
        if task in m:
            rows.append((task, "cases / seconds per case", f"{m[task]['cases']} / {m[task]['seconds_per_case']:.3f}"))
    return rows


def print_evaluation(result: EvaluationResult, console) -> None:
    from rich.markup import escape  # the corpus path and its labels come from the user
    from rich.table import Table

    table = Table(title=f"provenance evaluate {escape(str(result.corpus))} — model {escape(result.model_fingerprint)}")
    for column in ("task", "metric", "value"):
        table.add_column(column)
    for row in evaluation_rows(result):
        table.add_row(*(escape(str(cell)) for cell in row))
    console.print(table)
    if "variant" in result.metrics:
        console.print(_confusion_table(result.metrics["variant"]["confusion"], "Variant confusion (rows: gold)"))
    if "source" in result.metrics:
        console.print(_confusion_table(result.metrics["source"]["label_confusion"], "Label confusion (rows: gold)"))
    t = result.translation
    console.print(f"{result.seconds:.1f} s; {t.get('translated', 0)} sentences translated, "
                  f"{t.get('cached', 0)} from the cache", soft_wrap=True)
    console.print(f"signature: {signature_text(result.signature)}", soft_wrap=True, markup=False)


def _confusion_table(confusion: dict, title: str):
    from rich.markup import escape
    from rich.table import Table

    columns = sorted({p for row in confusion.values() for p in row} | set(confusion))
    table = Table(title=title)
    table.add_column("gold \\ predicted")
    for column in columns:
        table.add_column(escape(column), justify="right")
    for gold in sorted(confusion):
        table.add_row(escape(gold), *[str(confusion[gold].get(c, 0)) for c in columns])
    return table

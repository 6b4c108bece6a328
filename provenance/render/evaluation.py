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
        rows += _kind_rows(s.get("per_kind", {}))
    if "alignment" in m:
        a = m["alignment"]
        rows += [("alignment", "strict precision", f"{a['precision']:.3f}"), ("alignment", "strict recall", f"{a['recall']:.3f}"),
                 ("alignment", "strict F1", f"{a['f1']:.3f}")]
    if "variant" in m:
        v = m["variant"]
        rows.append(("variant", "accuracy", f"{v['accuracy']:.3f}"))
        rows += [("variant", f"accuracy {k}", f"{x:.3f}") for k, x in v["per_variant"].items()]
        if "macro_f1" in v:
            rows += [("variant", "macro-F1 (documents)", f"{v['macro_f1']:.3f}"),
                     ("variant", "calibration ECE (documents)", f"{v['calibration']['ece']:.3f}")]
        if "sentence_level" in v:
            sl = v["sentence_level"]
            rows += [("variant", "sentence accuracy / macro-F1", f"{sl['accuracy']:.3f} / {sl['macro_f1']:.3f}"),
                     ("variant", "sentence accuracy per variant",
                      ", ".join(f"{k} {x:.3f}" for k, x in sl["per_variant"].items())),
                     ("variant", "sentence calibration ECE", f"{sl['calibration']['ece']:.3f}"),
                     ("variant", "sentences uncertain / accuracy when certain",
                      f"{sl['uncertain_rate']:.3f} / {sl['accuracy_when_certain']:.3f}")]
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
            if "all_flags" in f:  # with the unconfident name flags too, as --all-flags shows them
                a = f["all_flags"]
                rows.append(("changes", f"{label} flags P / R, all flags",
                             f"{a['precision']:.3f} / {a['recall']:.3f}, {a['false_alarms_per_100']:.1f} false alarms"))
    if "attribution" in m:
        rows += _attribution_rows(m["attribution"])
    for task in TASKS:
        if task in m:
            rows.append((task, "cases / seconds per case", f"{m[task]['cases']} / {m[task]['seconds_per_case']:.3f}"))
    return rows


def _kind_rows(per_kind: dict) -> list[tuple[str, str, str]]:
    """Per kind: case / label accuracy, overall and per split; for compiled articles, how often the
    verdict says compiled and the share of English sentences mapped to the right candidate sentence."""
    def split_text(figures: dict, keys: tuple[str, ...]) -> str:
        return "; ".join(f"{split} " + " / ".join(f"{f[k]:.3f}" for k in keys) + f" ({f['cases']})"
                         for split, f in figures["per_split"].items())

    rows = []
    for kind, f in per_kind.items():
        keys = ("case_accuracy", "label_accuracy")
        rows.append(("source", f"{kind}: case / label accuracy",
                     f"{f['case_accuracy']:.3f} / {f['label_accuracy']:.3f} ({f['cases']}); " + split_text(f, keys)))
        if "sentence_map_accuracy" in f:
            keys = ("reported_compiled", "sentence_map_accuracy")
            rows.append(("source", f"{kind}: reported compiled / sentences mapped right",
                         f"{f['reported_compiled']:.3f} / {f['sentence_map_accuracy']:.3f}; " + split_text(f, keys)))
        elif f["reported_compiled"]:
            rows.append(("source", f"{kind}: wrongly reported compiled", f"{f['reported_compiled']:.3f}"))
    return rows


def _attribution_rows(a: dict) -> list[tuple[str, str, str]]:
    """Pooled and per-split source and edge P / R / F1 (the per-language table is printed apart)."""
    rows = []
    for label, figures in [("all", a), *a["per_split"].items()]:
        for what in ("sources", "edges"):
            f = figures[what]
            rows.append(("attribution", f"{what[:-1]} P / R / F1 {label}",
                         f"{f['precision']:.3f} / {f['recall']:.3f} / {f['f1']:.3f} ({figures['units']} units)"))
    return rows


def attribution_table_rows(a: dict) -> list[tuple[str, ...]]:
    """(split, language, units, source P, R, F1, edge P, R, F1) per split and language, then per split."""
    def cells(split: str, lang: str, figures: dict) -> tuple[str, ...]:
        return (split, lang, str(figures["units"]), *(_figure(figures[what], k) for what in ("sources", "edges")
                                                      for k in ("precision", "recall", "f1")))

    rows = []
    for split, languages in a["per_split_language"].items():
        rows += [cells(split, lang, f) for lang, f in languages.items() if f["units"]]
        rows.append(cells(split, "all", a["per_split"][split]))
    rows.append(cells("all", "all", a))
    return rows


def _figure(prf: dict, key: str) -> str:
    """A ratio, or a dash where it has nothing to count (no prediction for P, no gold for R)."""
    predicted = prf["true_positives"] + prf["false_positives"]
    gold = prf["true_positives"] + prf["false_negatives"]
    empty = {"precision": not predicted, "recall": not gold, "f1": not predicted and not gold}[key]
    return "–" if empty else f"{prf[key]:.3f}"


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
        if "sentence_level" in result.metrics["variant"]:
            console.print(_confusion_table(result.metrics["variant"]["sentence_level"]["confusion"],
                                           "Variant confusion, sentences (rows: gold)"))
    if "attribution" in result.metrics:
        table = Table(title="Attribution on real text: sources and edges (upstream → downstream)")
        for column in ("split", "lang", "units", "src P", "src R", "src F1", "edge P", "edge R", "edge F1"):
            table.add_column(column, justify="left" if column in ("split", "lang") else "right")
        for row in attribution_table_rows(result.metrics["attribution"]):
            table.add_row(*row)
        console.print(table)
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

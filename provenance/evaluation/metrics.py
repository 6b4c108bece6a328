"""Figures from case outcomes: source, alignment, variant, chain and changes metrics."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from .corpus import FLAG_TYPES


@dataclass
class CaseResult:
    id: str
    task: str
    seconds: float
    outcome: dict  # task-specific: what was predicted next to the gold


def summarise(results: list[CaseResult]) -> dict:
    metrics: dict = {}
    by_task = defaultdict(list)
    for result in results:
        by_task[result.task].append(result)
    if by_task["source"]:
        metrics["source"] = source_metrics([r.outcome for r in by_task["source"]])
        if any(r.outcome.get("kind") for r in by_task["source"]):
            metrics["source"]["per_kind"] = kind_metrics([r.outcome for r in by_task["source"] if r.outcome.get("kind")])
    if by_task["alignment"]:
        metrics["alignment"] = alignment_metrics([(r.outcome["gold_links"], r.outcome["predicted_links"])
                                                  for r in by_task["alignment"]])
    if by_task["variant"]:
        metrics["variant"] = variant_metrics([(r.outcome["gold"], r.outcome["predicted"]) for r in by_task["variant"]])
        metrics["variant"].update(variant_level_metrics([r.outcome for r in by_task["variant"]]))
    if by_task["chain"]:
        metrics["chain"] = chain_metrics([(r.outcome["gold_edges"], r.outcome["predicted_edges"],
                                           r.outcome["language"]) for r in by_task["chain"]])
    if by_task["changes"]:
        metrics["changes"] = changes_metrics([r.outcome for r in by_task["changes"]])
    if by_task["attribution"]:
        metrics["attribution"] = attribution_metrics([u for r in by_task["attribution"] for u in r.outcome["units"]])
    for task, items in by_task.items():
        if items:
            metrics.setdefault(task, {})["cases"] = len(items)
            metrics[task]["seconds_per_case"] = round(sum(r.seconds for r in items) / len(items), 4)
    return metrics


def source_metrics(outcomes: list[dict]) -> dict:
    present = [o for o in outcomes if o["gold_source"] is not None]
    top1 = sum(1 for o in present if o["gold_rank"] == 1)
    mrr = sum(1 / o["gold_rank"] for o in present if o["gold_rank"]) / len(present) if present else 0.0
    none_correct = sum(1 for o in outcomes if (o["predicted_source"] is None) == (o["gold_source"] is None))
    absent = [o for o in outcomes if o["gold_source"] is None]
    labels = [(v["gold"], v["predicted"]) for o in outcomes for v in o["labels"].values()]
    return {
        "top1_accuracy": _ratio(top1, len(present)),
        "mrr": round(mrr, 4),
        "none_accuracy": _ratio(none_correct, len(outcomes)),
        "none_cases": len(absent),
        "none_recall": _ratio(sum(1 for o in absent if o["predicted_source"] is None), len(absent)),
        "label_accuracy": _ratio(sum(1 for g, p in labels if g == p), len(labels)),
        "label_confusion": _confusion(labels),
    }


def kind_metrics(outcomes: list[dict]) -> dict:
    """Per kind, overall and per split: case accuracy (the sources the verdict names, as a set, are the
    gold ones: one, several or none), label accuracy, and for compiled articles how often the verdict
    says so and how many English sentences the map sends to the right candidate sentence."""
    def figures(selected: list[dict]) -> dict:
        labels = [(v["gold"], v["predicted"]) for o in selected for v in o["labels"].values()]
        result = {"cases": len(selected),
                  "case_accuracy": _ratio(sum(o["predicted_sources"] == o["gold_sources"] for o in selected),
                                          len(selected)),
                  "label_accuracy": _ratio(sum(g == p for g, p in labels), len(labels)),
                  "reported_compiled": _ratio(sum(bool(o["compiled"]) for o in selected), len(selected))}
        mapped = [(g, p) for o in selected if "sentence_map" in o
                  for g, p in zip(o["sentence_map"]["gold"], o["sentence_map"]["predicted"])]
        if mapped:
            result["sentence_map_accuracy"] = _ratio(sum(g == p for g, p in mapped), len(mapped))
            result["sentence_map_candidate_accuracy"] = _ratio(
                sum((g or [None])[0] == (p or [None])[0] for g, p in mapped), len(mapped))
            result["sentences_mapped"] = len(mapped)
        return result

    table = {}
    for kind in sorted({o["kind"] for o in outcomes}):
        mine = [o for o in outcomes if o["kind"] == kind]
        table[kind] = {**figures(mine),
                       "per_split": {s: figures([o for o in mine if o.get("split") == s])
                                     for s in sorted({o.get("split") or "" for o in mine}) if s}}
    return table


def _links(links) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(tuple(e), tuple(s)) for e, s in links if e and s}


def alignment_metrics(pairs: list[tuple[list, list]]) -> dict:
    """Strict link precision/recall/F1, pooled over cases; 1-0 and 0-1 are not links."""
    return pooled_prf((_links(gold), _links(predicted)) for gold, predicted in pairs)


def variant_metrics(pairs: list[tuple[str, str]]) -> dict:
    per_variant = {}
    for variant in sorted({g for g, _ in pairs}):
        items = [(g, p) for g, p in pairs if g == variant]
        per_variant[variant] = _ratio(sum(1 for g, p in items if g == p), len(items))
    return {"accuracy": _ratio(sum(1 for g, p in pairs if g == p), len(pairs)),
            "per_variant": per_variant, "confusion": _confusion(pairs)}


def variant_level_metrics(outcomes: list[dict]) -> dict:
    """Macro-F1 and calibration of the documents, and the same figures for their sentences (each
    sentence taking its document's gold variant)."""
    documents = [(o["gold"], o["predicted"], o["probability"]) for o in outcomes if o.get("probability") is not None]
    sentences = [(o["gold"], code, p, unsure) for o in outcomes for code, p, unsure in o.get("sentences", [])]
    result = {"macro_f1": _macro_f1([(g, p) for g, p, _ in documents]) if documents else 0.0,
              "calibration": calibration_metrics([(p, g == c) for g, c, p in documents])}
    if sentences:
        pairs = [(g, c) for g, c, _p, _u in sentences]
        certain = [(g, c) for g, c, _p, unsure in sentences if not unsure]
        result["sentence_level"] = {**variant_metrics(pairs), "macro_f1": _macro_f1(pairs),
                                    "calibration": calibration_metrics([(p, g == c) for g, c, p, _u in sentences]),
                                    "uncertain_rate": _ratio(len(pairs) - len(certain), len(pairs)),
                                    "accuracy_when_certain": _ratio(sum(g == c for g, c in certain), len(certain))}
    return result


def _macro_f1(pairs: list[tuple[str, str]]) -> float:
    scores = []
    for variant in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == p == variant)
        predicted = sum(1 for _g, p in pairs if p == variant)
        gold = sum(1 for g, _p in pairs if g == variant)
        precision, recall = (tp / predicted if predicted else 0.0), tp / gold
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return round(sum(scores) / len(scores), 4) if scores else 0.0


def calibration_metrics(items: list[tuple[float, bool]], bins: int = 10) -> dict:
    """Expected calibration error of the top probability, and the reliability table behind it."""
    table, ece = [], 0.0
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        inside = [(p, ok) for p, ok in items if low <= p < high or (k == bins - 1 and p == 1.0)]
        if inside:
            confidence = sum(p for p, _ in inside) / len(inside)
            accuracy = sum(1 for _, ok in inside if ok) / len(inside)
            ece += len(inside) / len(items) * abs(confidence - accuracy)
            table.append({"bin": f"{low:.1f}-{high:.1f}", "n": len(inside), "probability": round(confidence, 3),
                          "accuracy": round(accuracy, 3)})
    return {"ece": round(ece, 4), "reliability": table}


def chain_metrics(items: list[tuple[list, list, str]]) -> dict:
    def prf(selected) -> dict:
        return pooled_prf(({tuple(e) for e in gold}, {tuple(e) for e in predicted}) for gold, predicted, _lang in selected)

    result = prf(items)
    result["per_language"] = {lang: prf([i for i in items if i[2] == lang]) for lang in sorted({i[2] for i in items})}
    return result


def changes_metrics(outcomes: list[dict]) -> dict:
    """Per flag type, sentence-level precision/recall of the flags against the altered sentences, and
    the false alarms per 100 English sentences that were not altered."""
    altered = [set().union(*(outcome[f]["gold"] for f in FLAG_TYPES)) for outcome in outcomes]
    untouched = sum(o["english_sentences"] - len(a) for o, a in zip(outcomes, altered))
    metrics = {}
    for flag in FLAG_TYPES:
        sets = [(set(outcome[flag]["gold"]), set(outcome[flag]["predicted"])) for outcome in outcomes]
        alarms = sum(len(predicted - altered_here) for (_gold, predicted), altered_here in zip(sets, altered))
        metrics[flag] = {**pooled_prf(sets),
                         "false_alarms_per_100": round(100 * alarms / untouched, 2) if untouched else 0.0}
    if all("predicted_all_flags" in outcome["name_mismatch"] for outcome in outcomes):
        # the name flags an editor sees with --all-flags, the unconfident ones too
        sets = [(set(o["name_mismatch"]["gold"]), set(o["name_mismatch"]["predicted_all_flags"])) for o in outcomes]
        alarms = sum(len(predicted - altered_here) for (_gold, predicted), altered_here in zip(sets, altered))
        metrics["name_mismatch"]["all_flags"] = {
            **pooled_prf(sets), "false_alarms_per_100": round(100 * alarms / untouched, 2) if untouched else 0.0}
    return metrics


def attribution_metrics(units: list[dict]) -> dict:
    """Source, edge and non-source P/R/F1 pooled over units: overall, per split, per language, per both."""
    def prf(selected: list[dict]) -> dict:
        figures = {"units": len(selected)}
        for what in ("sources", "edges", "non_sources"):
            figures[what] = prf_of_counts(*(sum(u[what][i] for u in selected) for i in range(3)))
        return figures

    splits = sorted({u["split"] for u in units})
    languages = sorted({u["language"] for u in units})
    return {**prf(units),
            "per_split": {s: prf([u for u in units if u["split"] == s]) for s in splits},
            "per_language": {lang: prf([u for u in units if u["language"] == lang]) for lang in languages},
            "per_split_language": {s: {lang: prf([u for u in units if u["split"] == s and u["language"] == lang])
                                       for lang in languages} for s in splits}}


def pooled_prf(pairs: Iterable[tuple[set, set]]) -> dict:
    """Precision, recall and F1 of (gold, predicted) sets, pooled over all pairs (micro-averaged)."""
    tp = fp = fn = 0
    for gold, predicted in pairs:
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return prf_of_counts(tp, fp, fn)


def prf_of_counts(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 of true positive, false positive and false negative counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "true_positives": tp, "false_positives": fp, "false_negatives": fn}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _confusion(pairs) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for gold, predicted in pairs:
        table[gold][str(predicted)] += 1
    return {g: dict(row) for g, row in sorted(table.items())}

"""``evaluate``: run every case of a corpus and measure the checker against the gold.

Metrics: source identification (top-1 accuracy, mean reciprocal rank, accuracy of the
"no source" decision, label accuracy), alignment (strict precision/recall/F1 over links,
as in the sentence-alignment literature: a link counts only if both its sides match exactly),
variant identification (accuracy, per variant, confusion matrix) and citation chains
(edge precision/recall). All texts are translated in one batched, cached pass first.
"""
from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .check import Text, check, load_text
from .corpus import ARTICLE_TASKS, FLAG_TYPES, Case, Corpus, load_corpus
from .translate import Translator, ProgressBar

SCHEMA = "provenance.evaluate/1"


@dataclass
class CaseResult:
    id: str
    task: str
    seconds: float
    outcome: dict  # task-specific: what was predicted next to the gold


@dataclass
class EvaluationResult:
    corpus: str
    model: str
    model_fingerprint: str
    metrics: dict
    cases: list[CaseResult] = field(default_factory=list)
    seconds: float = 0.0
    translation: dict = field(default_factory=dict)

    def as_dict(self, with_cases: bool = True) -> dict:
        data = {"schema": SCHEMA, "corpus": self.corpus, "model": self.model,
                "model_fingerprint": self.model_fingerprint, "seconds": round(self.seconds, 2),
                "translation": self.translation, "metrics": self.metrics}
        if with_cases:
            data["cases"] = [{"id": c.id, "task": c.task, "seconds": round(c.seconds, 3), **c.outcome}
                             for c in self.cases]
        return data


def evaluate(corpus: Corpus | str | Path, translator: Translator, tasks: tuple[str, ...] | None = None,
             limit: int | None = None) -> EvaluationResult:
    """Evaluate ``corpus`` (optionally only some tasks, or the first ``limit`` cases of each task)."""
    started = time.perf_counter()
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus)
    cases = [c for c in corpus.cases if tasks is None or c.task in tasks]
    if limit is not None:
        per_task: Counter = Counter()
        kept = []
        for case in cases:
            per_task[case.task] += 1
            if per_task[case.task] <= limit:
                kept.append(case)
        cases = kept
    texts = _load_texts(cases)
    _pretranslate(cases, texts, translator)
    results = []
    with ProgressBar(len(cases), translator.progress, "evaluating") as advance:
        for case in cases:
            case_started = time.perf_counter()
            outcome = _RUNNERS[case.task](case, texts, translator)
            results.append(CaseResult(case.id, case.task, time.perf_counter() - case_started, outcome))
            advance(1)
    metrics = summarise(results)
    return EvaluationResult(corpus.name, translator.model, translator.fingerprint, metrics, results,
                            time.perf_counter() - started, translator.stats.as_dict())


def _load_texts(cases: list[Case]) -> dict[tuple[Path, bool], Text]:
    texts: dict[tuple[Path, bool], Text] = {}
    for case in cases:
        paths = [case.article] if case.article else []
        paths += [c.path for c in case.candidates] + list(case.texts)
        for path in paths:
            key = (path, case.one_per_line)
            if key not in texts:
                texts[key] = load_text(path, one_per_line=case.one_per_line)
    return texts


def _pretranslate(cases: list[Case], texts: dict, translator: Translator) -> None:
    """Translate every candidate sentence of the run in one batched call (shows one progress bar)."""
    wanted: dict[str, None] = {}
    for case in cases:
        if case.task in ARTICLE_TASKS:
            for candidate in case.candidates:
                text = texts[(candidate.path, case.one_per_line)]
                if text.language.code != "en":
                    wanted.update(dict.fromkeys(text.sentence_texts))
    if wanted:
        translator.translate(list(wanted))


def _run_source(case: Case, texts: dict, translator: Translator) -> dict:
    result = check(texts[(case.article, case.one_per_line)],
                   [texts[(c.path, case.one_per_line)] for c in case.candidates],
                   translator=translator, with_chain=False)
    gold_source = case.gold["source"]
    base = case.root
    gold_resolved = str((base / gold_source).resolve()) if gold_source else None
    ranking = [str(Path(c.name).resolve()) for c in result.ranking]
    rank = ranking.index(gold_resolved) + 1 if gold_resolved in ranking else None
    labels_gold = {str((base / p).resolve()): label for p, label in case.gold.get("labels", {}).items()}
    labels_pred = {str(Path(c.name).resolve()): c.score.label for c in result.ranking}
    return {
        "gold_source": gold_source,
        "predicted_source": _relative(result.source, base) if result.source else None,
        "top": _relative(result.ranking[0].name, base) if result.ranking else None,
        "gold_rank": rank,
        "margin": result.margin,
        "labels": {_relative(p, base): {"gold": g, "predicted": labels_pred.get(p)} for p, g in labels_gold.items()},
        "translated": result.translation.translated,
    }


def _relative(path: str, base: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(base))
    except ValueError:
        return str(path)


def _run_alignment(case: Case, texts: dict, translator: Translator) -> dict:
    from .align import align

    article = texts[(case.article, case.one_per_line)]
    candidate = texts[(case.candidates[0].path, case.one_per_line)]
    is_english = candidate.language.code == "en"
    translations = candidate.sentence_texts if is_english else translator.translate(candidate.sentence_texts)
    alignment = align(article.sentence_texts, translations, candidate.sentence_texts, is_english)
    predicted = [[list(link.english), list(link.source)] for link in alignment.links if link.is_match]
    return {"gold_links": case.gold["alignment"]["links"], "predicted_links": predicted}


def _run_variant(case: Case, texts: dict, translator: Translator) -> dict:
    text = texts[(case.texts[0], case.one_per_line)]
    outcome = {"gold": case.gold["language"], "predicted": text.language.code,
               "confidence": text.language.confidence, "label": text.language.label,
               "probability": text.language.variant.get("probability")}
    if text.language.variant:
        from .script import script_of
        from .variant_model import default_model

        model = default_model()
        sentences = []
        for sentence in text.sentence_texts:
            guess = model.sentence(sentence, evidence=0)
            code = ("sr-Cyrl" if script_of(sentence) == "Cyrl" else "sr-Latn") if guess.best == "sr" else guess.best
            sentences.append([code, round(guess.probability, 4), guess.uncertain])
        outcome["sentences"] = sentences
    return outcome


def _run_chain(case: Case, texts: dict, translator: Translator) -> dict:
    from .chain import build_chain, edge_key

    chain = build_chain([texts[(p, case.one_per_line)] for p in case.texts])
    gold = [edge_key(a, b) for a, b in case.gold["edges"]]
    predicted = [(e.source.key, e.target.key) for e in chain.edges]
    return {"gold_edges": [list(e) for e in gold], "predicted_edges": [list(e) for e in predicted],
            "language": case.gold.get("language", "unknown")}


def _run_changes(case: Case, texts: dict, translator: Translator) -> dict:
    result = check(texts[(case.article, case.one_per_line)], [texts[(case.candidates[0].path, case.one_per_line)]],
                   translator=translator, with_chain=False)
    candidate = result.candidates[0]
    pairs = candidate.score.pairs if candidate.score else []
    outcome = {"english_sentences": len(result.article.sentences)}
    for flag in FLAG_TYPES:
        outcome[flag] = {"gold": sorted(case.gold.get(flag, [])),
                         "predicted": sorted({i for pair in pairs if flag in pair.flags for i in pair.english})}
    return outcome


_RUNNERS = {"source": _run_source, "alignment": _run_alignment, "variant": _run_variant, "chain": _run_chain,
            "changes": _run_changes}


# --- metrics ------------------------------------------------------------------------------------

def summarise(results: list[CaseResult]) -> dict:
    metrics: dict = {}
    by_task = defaultdict(list)
    for result in results:
        by_task[result.task].append(result)
    if by_task["source"]:
        metrics["source"] = source_metrics([r.outcome for r in by_task["source"]])
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
        "sentences_translated": sum(o.get("translated", 0) for o in outcomes),
    }


def _links(links) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(tuple(e), tuple(s)) for e, s in links if e and s}


def alignment_metrics(pairs: list[tuple[list, list]]) -> dict:
    """Strict link precision/recall/F1, pooled over cases; 1-0 and 0-1 are not links."""
    tp = fp = fn = 0
    for gold, predicted in pairs:
        g, p = _links(gold), _links(predicted)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    return _prf(tp, fp, fn)


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
        tp = fp = fn = 0
        for gold, predicted, _lang in selected:
            g = {tuple(e) for e in gold}
            p = {tuple(e) for e in predicted}
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
        return _prf(tp, fp, fn)

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
        tp = fp = fn = alarms = 0
        for outcome, altered_here in zip(outcomes, altered):
            gold, predicted = set(outcome[flag]["gold"]), set(outcome[flag]["predicted"])
            tp += len(gold & predicted)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
            alarms += len(predicted - altered_here)
        metrics[flag] = {**_prf(tp, fp, fn),
                         "false_alarms_per_100": round(100 * alarms / untouched, 2) if untouched else 0.0}
    return metrics


def _prf(tp: int, fp: int, fn: int) -> dict:
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

"""``evaluate``: run every case of a corpus and measure the checker against the gold.

Metrics: source identification (top-1 accuracy, mean reciprocal rank, accuracy of the
"no source" decision, label accuracy), alignment (strict precision/recall/F1 over links,
as in the sentence-alignment literature: a link counts only if both its sides match exactly),
variant identification (accuracy, per variant, confusion matrix) and citation chains
(edge precision/recall). All texts are translated in one batched, cached pass first.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..compare.check import check
from ..compare.settings import signature, signature_text
from ..text.document import Text, load_text
from .corpus import ARTICLE_TASKS, FLAG_TYPES, Case, Corpus, load_corpus
from .metrics import CaseResult, summarise
from .workers import ordered_map
from ..progress import ProgressBar
from ..translate.translator import Translator

SCHEMA = "provenance.evaluate/1"


@dataclass
class EvaluationResult:
    corpus: str
    model: str
    model_fingerprint: str
    metrics: dict
    cases: list[CaseResult] = field(default_factory=list)
    seconds: float = 0.0
    translation: dict = field(default_factory=dict)
    signature: dict[str, str] = field(default_factory=dict)  # how it was computed: settings.signature()

    def as_dict(self, with_cases: bool = True) -> dict:
        data = {"schema": SCHEMA, "corpus": self.corpus, "model": self.model,
                "model_fingerprint": self.model_fingerprint, "signature": self.signature,
                "signature_text": signature_text(self.signature), "seconds": round(self.seconds, 2),
                "translation": self.translation, "metrics": self.metrics}
        if with_cases:
            data["cases"] = [{"id": c.id, "task": c.task, "seconds": round(c.seconds, 3), **c.outcome}
                             for c in self.cases]
        return data


def evaluate(corpus: Corpus | str | Path, translator: Translator, tasks: tuple[str, ...] | None = None,
             limit: int | None = None, split: str | None = None, jobs: int = 1) -> EvaluationResult:
    """Evaluate ``corpus`` (optionally only some tasks, or the first ``limit`` cases of each task; ``split``
    "dev" or "heldout" keeps only the attribution units of that split, so tuning never scores held-out; "dev-open"
    and "dev-blind" cut dev in two by the hash, see ``attribution_gold.in_split``); the cases run on ``jobs``
    processes (evaluation/workers.py: the same figures, in the same order, as on one)."""
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
    translated = _pretranslate(cases, texts, translator)
    results = []
    with ordered_map(lambda index: _run_case(cases[index], texts, translator, split), len(cases), jobs,
                     translator) as outcomes, ProgressBar(len(cases), translator.progress, "evaluating") as advance:
        for case, (outcome, seconds, translated_here) in zip(cases, outcomes):
            translated[case.task] += translated_here
            results.append(CaseResult(case.id, case.task, seconds, outcome))
            advance(1)
    metrics = summarise(results)
    for task, count in translated.items():
        metrics.setdefault(task, {})["sentences_translated"] = count  # this run, this task: not from the cache
    return EvaluationResult(corpus.name, translator.model, translator.fingerprint, metrics, results,
                            time.perf_counter() - started, translator.stats.as_dict(), signature(translator))


def _run_case(case: Case, texts: dict, translator: Translator, split: str | None) -> tuple[dict, float, int]:
    """The case's outcome, the seconds it took and the sentences it had translated."""
    started = time.perf_counter()
    before = translator.stats.translated
    outcome = (_run_attribution(case, texts, translator, split) if case.task == "attribution"
               else _RUNNERS[case.task](case, texts, translator))
    return outcome, time.perf_counter() - started, translator.stats.translated - before


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


def _pretranslate(cases: list[Case], texts: dict, translator: Translator) -> Counter:
    """Translate every candidate sentence of the run, one batched call per task; returns how many
    sentences each task had translated (a sentence two tasks share counts for the first)."""
    translated: Counter = Counter()
    for task in dict.fromkeys(case.task for case in cases if case.task in ARTICLE_TASKS):
        wanted: dict[str, None] = {}
        for case in cases:
            if case.task == task:
                for candidate in case.candidates:
                    text = texts[(candidate.path, case.one_per_line)]
                    if text.language.code != "en":
                        wanted.update(dict.fromkeys(text.translation_input))
        before = translator.stats.translated
        if wanted:
            translator.translate(list(wanted))
        translated[task] = translator.stats.translated - before
    return translated


def _run_source(case: Case, texts: dict, translator: Translator) -> dict:
    result = check(texts[(case.article, case.one_per_line)],
                   [texts[(c.path, case.one_per_line)] for c in case.candidates],
                   translator=translator, with_chain=False, differences=False)  # flags are the changes task's
    gold_source = case.gold["source"]
    base = case.root
    gold_sources = case.gold.get("sources") or ([gold_source] if gold_source else [])
    ranking = [str(Path(c.name).resolve()) for c in result.ranking]
    # the rank of the best-ranked gold source (a compiled article has several)
    ranks = [ranking.index(p) + 1 for p in (str((base / g).resolve()) for g in gold_sources) if p in ranking]
    labels_gold = {str((base / p).resolve()): label for p, label in case.gold.get("labels", {}).items()}
    labels_pred = {str(Path(c.name).resolve()): c.score.label for c in result.ranking}
    outcome = {
        "gold_source": gold_source,
        "predicted_source": _relative(result.source, base) if result.source else None,
        "top": _relative(result.ranking[0].name, base) if result.ranking else None,
        "gold_rank": min(ranks) if ranks else None,
        "margin": result.margin,
        "labels": {_relative(p, base): {"gold": g, "predicted": labels_pred.get(p)} for p, g in labels_gold.items()},
    }
    if case.kind:
        outcome.update(kind=case.kind, split=case.split, gold_sources=sorted(gold_sources),
                       predicted_sources=sorted(_relative(s, base) for s in result.sources),
                       compiled=result.compiled)
    if "sentence_map" in case.gold:
        outcome["sentence_map"] = {
            "gold": case.gold["sentence_map"],
            # as the gold writes it: [candidate, sentence], or [candidate, [sentences]] for a merged pair
            "predicted": [[_relative(m.candidate, base), m.source[0] if len(m.source) == 1 else list(m.source)]
                          if m.candidate else None for m in result.composition.sentence_map]}
    return outcome


def _relative(path: str, base: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(base))
    except ValueError:
        return str(path)


def _run_alignment(case: Case, texts: dict, translator: Translator) -> dict:
    from ..compare.align import align

    article = texts[(case.article, case.one_per_line)]
    candidate = texts[(case.candidates[0].path, case.one_per_line)]
    is_english = candidate.language.code == "en"
    translations = candidate.sentence_texts if is_english else translator.translate(candidate.translation_input)
    alignment = align(article.sentence_texts, translations, candidate.sentence_texts, is_english)
    predicted = [[list(link.english), list(link.source)] for link in alignment.links if link.is_match]
    return {"gold_links": case.gold["alignment"]["links"], "predicted_links": predicted}


def _run_variant(case: Case, texts: dict, translator: Translator) -> dict:
    text = texts[(case.texts[0], case.one_per_line)]
    outcome = {"gold": case.gold["language"], "predicted": text.language.code,
               "confidence": text.language.confidence, "label": text.language.label,
               "probability": text.language.variant.get("probability")}
    if text.language.variant:
        from ..lexicon.script import script_of
        from ..text.variant_model import default_model, has_words, remembered_combine

        model = default_model()
        # the guesses identify_language made for this text's sentences (those with words), remembered
        remembered = iter(remembered_combine(text.sentence_texts)[1])
        sentences = []
        for sentence in text.sentence_texts:
            guess = next(remembered) if has_words(sentence) else model.sentence(sentence, evidence=0)
            code = ("sr-Cyrl" if script_of(sentence) == "Cyrl" else "sr-Latn") if guess.best == "sr" else guess.best
            sentences.append([code, round(guess.probability, 4), guess.uncertain])
        outcome["sentences"] = sentences
    return outcome


def _run_chain(case: Case, texts: dict, translator: Translator) -> dict:
    from ..attribution.chain import build_chain, edge_key

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
    shown_all = [pair.with_all_name_flags() if pair.name_flags else pair for pair in pairs]  # --all-flags
    outcome["name_mismatch"]["predicted_all_flags"] = sorted(
        {i for pair in shown_all if "name_mismatch" in pair.flags for i in pair.english})
    return outcome


def _run_attribution(case: Case, texts: dict, translator: Translator, split: str | None = None) -> dict:
    from .attribution_gold import in_split, load_gold, score_unit, shared_root

    root = shared_root((case.root / case.gold["shared_root"]).resolve())
    return {"units": [score_unit(unit) for unit in load_gold(case.root / case.gold["units"], root)
                      if in_split(unit, split)]}


_RUNNERS = {"source": _run_source, "alignment": _run_alignment, "variant": _run_variant, "chain": _run_chain,
            "changes": _run_changes, "attribution": _run_attribution}

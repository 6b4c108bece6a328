"""``check``: which candidate is the English article a translation of?

texts -> sentences -> language -> translations -> alignments -> scores -> ranked verdict.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Sequence

from ..attribution.chain import Chain, build_chain, merge_aligned_non_sources
from ..errors import InputError
from ..text.document import Text, TextInput, load_text
from ..text.language import SUPPORTED
from ..translate.factory import make_translator
from ..translate.translator import TranslationStats, Translator
from .align import Alignment, align, align_within
from .composition import Composition, Realigner, compose, explained_away
from .scoring import NOT_DERIVED, PARTIALLY, CandidateScore, explained_english, score_candidate
from .settings import signature

_SUPPORTED = ", ".join(SUPPORTED)


@dataclass
class CandidateResult:
    text: Text
    translations: list[str] = field(default_factory=list)
    score: CandidateScore | None = None
    rank: int | None = None  # 1 = most likely source; None when not compared
    note: str | None = None  # why the candidate was not compared

    @property
    def name(self) -> str:
        return self.text.name


@dataclass
class CheckResult:
    article: Text
    candidates: list[CandidateResult]  # in the order given
    source: str | None  # the most likely source, or None when no candidate is derived
    margin: float  # match score of the first minus the second candidate
    model: str
    model_fingerprint: str
    translation: TranslationStats
    seconds: float
    chain: Chain | None = None  # filled when chains are asked for
    signature: dict[str, str] = field(default_factory=dict)  # how it was computed: settings.signature()
    composition: Composition | None = None  # per English sentence, which candidate it comes from

    @property
    def ranking(self) -> list[CandidateResult]:
        ranked = [c for c in self.candidates if c.rank is not None]
        return sorted(ranked, key=lambda c: c.rank)

    @property
    def compiled(self) -> bool:
        """True when two or more candidates each explain a different part of the English."""
        return self.composition is not None and self.composition.compiled

    @property
    def sources(self) -> list[str]:
        """Every candidate the verdict names as a source: the parts of a compilation, else the one source."""
        if self.compiled:
            return [part.candidate for part in self.composition.parts]
        return [self.source] if self.source else []


def check(article: "TextInput | Text", candidates: Sequence["TextInput | Text"], *, model: str | None = None,
          translator: Translator | None = None, one_per_line: bool = False, encoding: str | None = None,
          with_chain: bool = True, differences: bool = True) -> CheckResult:
    """Rank ``candidates`` as sources of the English ``article``.

    Inputs are paths, ``-`` for stdin, or ``Document`` objects. Candidates in an unsupported
    language are kept in the result with a note and no score. ``differences=False`` leaves out the
    numbers and names that differ pair by pair (the verdict, ranking and labels do not use them).
    """
    started = time.perf_counter()
    if not candidates:
        raise InputError("give at least one candidate source text")
    article_text = load_text(article, one_per_line, encoding)
    if article_text.language.code != "en":
        raise InputError(
            f"{article_text.name}: the article must be in English; it reads as {article_text.language.code}"
        )
    texts = [load_text(c, one_per_line, encoding) for c in candidates]
    translator = translator or make_translator(model)
    results = [CandidateResult(t) for t in texts]
    for result in results:
        if not result.text.language.supported:
            result.note = f"language {result.text.language.code!r} is not supported ({_SUPPORTED})"
    _translate_all(results, translator)
    english = article_text.sentence_texts
    alignments = {}
    for result in results:
        if result.note is None:
            original = result.text.sentence_texts
            is_english = result.text.language.code == "en"
            alignment = alignments[result.name] = align(english, result.translations, original,
                                                        original_is_english=is_english)
            result.score = score_candidate(english, result.translations, original, alignment, is_english,
                                           result.text.language.code, differences)
    source, margin, composition = decide(len(english), results, _realigner(english, results, alignments))
    check_result = CheckResult(article_text, results, source, margin, translator.model,
                               translator.fingerprint, translator.stats, 0.0, signature=signature(translator),
                               composition=composition)
    if with_chain:
        check_result.chain = chain_for_check(check_result)
    check_result.seconds = round(time.perf_counter() - started, 3)
    return check_result


def show_all_name_flags(result: CheckResult) -> CheckResult:
    """Show every name flag of ``result``, the unconfident ones too (``--all-flags``); by default only
    confident name flags are shown. Every flag's confidence stays in each pair's ``name_flags``."""
    for candidate in result.candidates:
        if candidate.score is not None:
            pairs = [pair.with_all_name_flags() if pair.name_flags else pair for pair in candidate.score.pairs]
            candidate.score = replace(candidate.score, pairs=pairs)
    return result


def chain_for_check(result: CheckResult) -> Chain:
    """The chain of a check: the article merged with its most likely source (or best candidate)."""
    texts = [result.article]
    top = result.ranking[0] if result.ranking else None
    if top is not None and top.score is not None and top.score.label != NOT_DERIVED:
        texts.append(top.text)
    chain = build_chain(texts)
    if len(texts) == 2:
        aligned = [(p.english, p.source) for p in top.score.pairs if p.english and p.source]
        merge_aligned_non_sources(chain, result.article.name, top.text.name, aligned)
    return chain


def _translate_all(results: list[CandidateResult], translator: Translator) -> None:
    """One translation call for every candidate, so shared sentences are translated once."""
    wanted = [s for r in results if r.note is None and r.text.language.code != "en"
              for s in r.text.translation_input]
    translated = dict(zip(wanted, translator.translate(wanted))) if wanted else {}
    for result in results:
        if result.note is not None:
            continue
        text = result.text
        result.translations = text.sentence_texts if text.language.code == "en" else [
            translated[s] for s in text.translation_input]


def _realigner(english: Sequence[str], results: list[CandidateResult], alignments: dict[str, Alignment]) -> Realigner:
    """A candidate's score aligned with some English sentences only, for the composition (``compose``): its
    alignment's path chosen again from the same pair scores (``align_within``)."""
    by_name = {r.name: r for r in results}

    def realign(name: str, rows: tuple[int, ...]) -> CandidateScore:
        result = by_name[name]
        original, is_english = result.text.sentence_texts, result.text.language.code == "en"
        return score_candidate([english[i] for i in rows], result.translations, original,
                               align_within(alignments[name], rows), is_english, result.text.language.code,
                               differences=False)
    return realign


def decide(english_count: int, results: list[CandidateResult],
           realign: Realigner | None = None) -> tuple[str | None, float, Composition]:
    """The verdict from the candidates' scores: the source, the margin and the composition; ranks and labels
    are set on ``results``.

    Ranked by label (sources first) and match score, the candidates are composed (compare/composition.py).
    A compilation's parts are each at least partly a source, however little of them the English used
    (their own match scores count all of them). Otherwise the source is the part that strongly explains
    the most English sentences, if it is a source by its own label (a copy of half the source may have the
    higher match score; it explains no more than the source). Candidates that only resemble the verdict's
    sources are not derived (``explained_away``). The verdict's sources are ranked first."""
    source = _rank(results)
    ranked = sorted((r for r in results if r.score is not None), key=lambda r: r.rank)
    scored = [(r.name, r.score) for r in ranked]
    composition = compose(english_count, scored, realign)
    by_name = {r.name: r for r in ranked}
    if composition.compiled:
        sources = [part.candidate for part in composition.parts]
        for name in sources:
            if by_name[name].score.label == NOT_DERIVED:
                by_name[name].score = replace(by_name[name].score, label=PARTIALLY)
    else:
        first = composition.parts[0].candidate if composition.parts else None
        if first is not None and by_name[first].score.label != NOT_DERIVED:
            source = first
        sources = [source] if source else []
    for name in explained_away(english_count, scored, sources):
        by_name[name].score = replace(by_name[name].score, label=NOT_DERIVED)
    ranked.sort(key=lambda r: (r.name not in sources, r.score.label == NOT_DERIVED, r.rank))
    for rank, result in enumerate(ranked, start=1):
        result.rank = rank
    if sources:
        source = min(sources, key=lambda name: by_name[name].rank)
    # 0 where the first outranks a higher match score by explaining more of the English (_supersets_first)
    margin = max(0.0, ranked[0].score.match_score - (ranked[1].score.match_score if len(ranked) > 1 else 0.0))
    return source, round(margin, 4), composition


def _rank(results: list[CandidateResult]) -> str | None:
    """Ranks by label and match score (``rank`` set on ``results``); the first, if it is a source."""
    scored = [r for r in results if r.score is not None]
    # sources first: a candidate whose high average rests on no strong pair is not ranked over one that is a source
    scored.sort(key=lambda r: (r.score.label == NOT_DERIVED, -r.score.match_score, -r.score.chrf))
    scored = _supersets_first(scored)
    for rank, result in enumerate(scored, start=1):
        result.rank = rank
    if not scored:
        raise InputError(f"no candidate is in a supported language ({_SUPPORTED})")
    return scored[0].name if scored[0].score.label != NOT_DERIVED else None


def _supersets_first(ranked: list[CandidateResult]) -> list[CandidateResult]:
    """The match-score order, except that no candidate ranks below one that explains only part of the English
    it explains: a partial copy, wholly covered, can outscore its source whose weaker translated sentences
    count for less, but it explains a subset of what the source does. Strict supersets of explained English
    sentences form a partial order; this is its linear extension that keeps the match-score order elsewhere."""
    explained = {id(r): explained_english(r.score) for r in ranked}
    order, remaining = [], list(ranked)
    while remaining:
        top = next(r for r in remaining if not any(explained[id(o)] > explained[id(r)] for o in remaining))
        order.append(top)
        remaining.remove(top)
    return order

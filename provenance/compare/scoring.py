"""Scores of one candidate against the English article, and what differs pair by pair.

Document chrF and BLEU come from sacrebleu over the aligned pairs. The match score asks how
much of both texts the candidate explains: each confidently aligned pair counts by its
*evidence*, how far its chrF stands above what unrelated sentences score in this very
comparison (the background), so one spurious pair counts little and a real translation
counts fully. Measuring against the run's own background makes the score mean the same with
the weak compact model and with a strong OPUS-MT model, whose chrF levels differ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Sequence

from .align import Alignment, Link
from .chrf import corpus_chrf
from .anchors import (Name, Number, extract_names, extract_numbers, is_common_english, is_common_english_word,
                      name_keys, names_match, skeleton)
from ..lexicon.script import fold
from .name_flags import ACRONYM as _ACRONYM, ADJECTIVE_ENDING as _ADJECTIVE, NameFlag, name_flags
import numpy as np

from .settings import (CONFIDENT_MARGIN, CONVERSION_TOLERANCE, DERIVED_SCORE, DERIVED_STRONG, DISTINCT_CHRF, EVIDENCE_FLOOR,
                       EVIDENCE_SPAN, RESCUE_SHARE, RESCUE_STRONG, RUN_CHRF, RUN_LENGTH, SHORT_PROOF_SHARE, STRONG_CHRF,
                       WHOLE_ALIGNED, WHOLE_COVERAGE)

WHOLLY = "wholly derived"
PARTIALLY = "partially derived"
NOT_DERIVED = "not derived"
LABELS = (WHOLLY, PARTIALLY, NOT_DERIVED)


@dataclass(frozen=True)
class PairReport:
    """One row of the side-by-side view: an aligned pair, or an added/omitted sentence."""

    english: tuple[int, ...]
    source: tuple[int, ...]
    status: str  # "match", "weak", "added" (only in English), "omitted" (only in the source)
    similarity: float
    chrf: float
    evidence: float = 0.0  # 0-1: how far this pair's chrF stands above the background (0 for weak or unaligned)
    numbers_only_english: tuple[str, ...] = ()
    numbers_only_source: tuple[str, ...] = ()
    names_only_english: tuple[str, ...] = ()
    names_only_source: tuple[str, ...] = ()
    name_flags: tuple[NameFlag, ...] = ()  # every name flag with its confidence; names_only_* hold the confident ones

    def with_all_name_flags(self) -> "PairReport":
        """This pair with every name flag shown, the unconfident ones too (``--all-flags``)."""
        return replace(self, names_only_english=tuple(dict.fromkeys(f.english for f in self.name_flags if f.english)),
                       names_only_source=tuple(dict.fromkeys(f.source for f in self.name_flags if f.source)))

    @property
    def flags(self) -> list[str]:
        flags = [] if self.status in ("match", "weak") else [self.status]
        if self.numbers_only_english or self.numbers_only_source:
            flags.append("number_mismatch")
        if self.names_only_english or self.names_only_source:
            flags.append("name_mismatch")
        return flags


@dataclass(frozen=True)
class CandidateScore:
    chrf: float  # sacrebleu chrF over aligned pairs, 0-100
    bleu: float  # sacrebleu BLEU over aligned pairs, 0-100
    document_chrf: float  # chrF of the whole translation against the whole article
    background_chrf: float  # median chrF of unrelated sentence pairs in this comparison
    coverage_english: float  # share of English sentences explained, each weighted by its pair's evidence (0-1)
    coverage_source: float  # the same for the candidate's sentences
    aligned_english: float  # plain share of English sentences in confident links
    aligned_source: float  # plain share of candidate sentences in confident links
    match_score: float  # 0-1: mean of the two coverages
    label: str
    pairs: list[PairReport] = field(default_factory=list)
    strong_english: tuple[int, ...] = ()  # English sentences this candidate explains strongly (strongly_explained)
    sentences: int = 0  # the candidate's own sentence count


def score_candidate(english: Sequence[str], translated: Sequence[str], original: Sequence[str],
                    alignment: Alignment, original_is_english: bool = False,
                    language: str | None = None, differences: bool = True) -> CandidateScore:
    """The scores and pairs of one alignment; ``differences=False`` leaves out the numbers and names that differ
    pair by pair (the composition's second alignment of a candidate needs only the pairs' evidence)."""
    links = alignment.links
    matched = [link for link in links if link.is_match]
    confident = [link for link in matched if link.margin >= CONFIDENT_MARGIN]
    hyps = [" ".join(translated[j] for j in link.source) for link in matched]
    refs = [" ".join(english[i] for i in link.english) for link in matched]
    chrf = corpus_chrf(hyps, refs) if matched else 0.0  # sacrebleu's, vectorised (compare/chrf.py)
    bleu = _bleu().corpus_score(hyps, [refs]).score if matched else 0.0
    document_chrf = corpus_chrf([" ".join(translated)], [" ".join(english)])
    evidence = {id(link): _evidence(link, alignment.background_chrf) for link in confident}
    cov_en = sum(evidence[id(link)] * len(link.english) for link in confident) / max(1, len(english))
    cov_src = sum(evidence[id(link)] * len(link.source) for link in confident) / max(1, len(original))
    aligned_en = sum(len(link.english) for link in confident) / max(1, len(english))
    aligned_src = sum(len(link.source) for link in confident) / max(1, len(original))
    match = (cov_en + cov_src) / 2
    pairs = [_pair_report(link, english, translated, original, original_is_english,
                          evidence.get(id(link), 0.0), language, differences) for link in links]
    strong = strongly_explained(pairs, alignment.background_chrf)
    standout = standing_out(pairs, alignment.background_chrf) & strong
    distinct = standing_apart(pairs, alignment, strong)
    return CandidateScore(
        chrf=round(chrf, 2), bleu=round(bleu, 2), document_chrf=round(document_chrf, 2),
        background_chrf=round(alignment.background_chrf, 2), coverage_english=round(cov_en, 4),
        coverage_source=round(cov_src, 4), aligned_english=round(aligned_en, 4), aligned_source=round(aligned_src, 4),
        match_score=round(match, 4),
        label=label_for(match, cov_en, cov_src, min(aligned_en, aligned_src), len(strong),
                        min(len(english), len(original)), len(english), len(standout),
                        None if distinct is None else len(distinct)),
        pairs=pairs, strong_english=tuple(sorted(strong)), sentences=len(original),
    )


@lru_cache(maxsize=1)
def _bleu():
    """sacrebleu.corpus_bleu's metric, made once: its tokenizer remembers the sentences it has split, and
    every English sentence is scored against each candidate."""
    from sacrebleu.metrics import BLEU

    return BLEU()


def explained_english(score: CandidateScore) -> frozenset[int]:
    """The English sentences a candidate explains: those in its confident pairs with evidence."""
    return frozenset(i for pair in score.pairs if pair.status == "match" and pair.evidence > 0 for i in pair.english)


def label_for(match_score: float, coverage_english: float, coverage_source: float,
              aligned_share: float = 1.0, strong: int | None = None, shorter: int | None = None,
              english: int | None = None, standout: int | None = None, distinct: int | None = None) -> str:
    """The label from the match score, both coverages, the smaller aligned share of the two texts and,
    when given, how many English sentences the candidate explains strongly (``strong``) against the
    sentence count of the shorter text.

    The match score averages evidence over every sentence, so on its own it flips on a single pair:
    a short true source with one garbled translation falls under the bar, and a same-topic story
    whose many loosely similar pairs each add a little rises over it. The strong pairs decide instead
    where they are clear: a candidate with no strong pair where one was due is no source however high
    its average, and one that strongly explains many sentences is one however low its average.

    A short proof (fewer than RESCUE_STRONG strong sentences: a short candidate needs only half of itself)
    must also cover SHORT_PROOF_SHARE of the English (``english`` sentences) and hold a pair that stands out
    on its own (``standout``: STRONG_CHRF above the background), unless every one of its pairs does: three
    loosely similar sentences of a five-sentence same-topic story prove nothing about a fifteen-sentence
    article, nor do two that are strong only as a run. Up to RESCUE_STRONG strong sentences none of which
    stands out alone prove nothing either: a same-topic story told in the same order gives two runs of two
    loose neighbours. Strong sentences none of which is its pair's best match by DISTINCT_CHRF (``distinct``:
    see ``standing_apart``) prove nothing at all: a same-topic story told in the same order gives runs of pairs
    well above a low background that other sentences of the same story match as well."""
    if strong is not None and shorter:
        derived = (match_score >= DERIVED_SCORE and strong >= min(DERIVED_STRONG, -(-shorter // 2))) \
            or strong >= max(RESCUE_STRONG, RESCUE_SHARE * shorter)
        if derived and english and standout is not None and (
                strong < RESCUE_STRONG and standout < strong and strong < SHORT_PROOF_SHARE * english
                or standout == 0 and strong <= RESCUE_STRONG):
            derived = False
        if derived and distinct == 0:
            derived = False
    else:
        derived = match_score >= DERIVED_SCORE
    if not derived:
        return NOT_DERIVED
    if min(coverage_english, coverage_source) >= WHOLE_COVERAGE and aligned_share >= WHOLE_ALIGNED:
        return WHOLLY
    return PARTIALLY


def strongly_explained(pairs: Sequence[PairReport], background_chrf: float) -> set[int]:
    """English sentences whose confident pair stands out clearly: its chrF STRONG_CHRF points above the
    background, or RUN_CHRF points within a run of RUN_LENGTH pairs consecutive on both sides. With
    the compact model a single pair of a same-topic story often scores as high as a translation; a
    translation's pairs also follow each other, a same-topic story's rarely do."""
    matched = confident_pairs(pairs)
    strong: set[int] = set()
    start = 0
    while start < len(matched):
        end = start
        while end + 1 < len(matched) and follows(matched[end], matched[end + 1]) \
                and min(matched[end].chrf, matched[end + 1].chrf) - background_chrf >= RUN_CHRF:
            end += 1
        for pair in matched[start : end + 1]:
            if pair.chrf - background_chrf >= STRONG_CHRF or end - start + 1 >= RUN_LENGTH:
                strong.update(pair.english)
        start = end + 1
    # a pair that stands out on its own vouches for the pairs that follow on from it on both sides, down to
    # EVIDENCE_FLOOR: a block of three whose middle sentence the model half garbled stays one block
    for k, pair in enumerate(matched):
        if pair.chrf - background_chrf < STRONG_CHRF:
            continue
        for step in (1, -1):
            j = k
            while 0 <= j + step < len(matched) and matched[j + step].chrf - background_chrf >= EVIDENCE_FLOOR \
                    and follows(*((matched[j], matched[j + step])[::step])):
                j += step
                strong.update(matched[j].english)
    return strong


def standing_out(pairs: Sequence[PairReport], background_chrf: float) -> set[int]:
    """English sentences whose confident pair alone stands STRONG_CHRF above the background."""
    return {i for p in pairs if p.status == "match" and p.english and p.source
            and p.chrf - background_chrf >= STRONG_CHRF for i in p.english}


def standing_apart(pairs: Sequence[PairReport], alignment: Alignment, sentences: set[int]) -> set[int] | None:
    """English sentences (of ``sentences``) whose confident pair's chrF stands DISTINCT_CHRF above every other
    sentence chrF of its rows (its English sentences against the candidate's other sentences) and columns (its
    candidate sentences against the other English ones), from the alignment's own 1-1 scores; None without them.
    A translated sentence is the best match of its original, and the reverse; with the compact model a same-topic
    story's pairs score well above unrelated sentences, but so do many of their neighbours."""
    scores = alignment.scores.get((1, 1)) if alignment.scores else None
    if scores is None:
        return None
    chrf = scores.chrf
    apart: set[int] = set()
    for pair in pairs:
        if pair.status != "match" or not pair.english or not pair.source or not sentences.intersection(pair.english):
            continue
        rows, columns = list(pair.english), list(pair.source)
        others = np.concatenate([np.delete(chrf[rows], columns, axis=1).ravel(),
                                 np.delete(chrf[:, columns], rows, axis=0).ravel()])
        others = others[~np.isnan(others)]
        if not others.size or pair.chrf - others.max() >= DISTINCT_CHRF:
            apart.update(pair.english)
    return apart


def follows(a: PairReport, b: PairReport) -> bool:
    """Whether pair ``b`` comes right after pair ``a`` on both sides."""
    return b.english[0] == a.english[-1] + 1 and b.source[0] == a.source[-1] + 1


def confident_pairs(pairs: Sequence[PairReport]) -> list[PairReport]:
    """The confident pairs with sentences on both sides, in the English order."""
    return sorted((p for p in pairs if p.status == "match" and p.english and p.source), key=lambda p: p.english)


def consecutive_runs(matched: Sequence[PairReport]) -> list[list[PairReport]]:
    """``matched`` (in the English order) cut into runs of pairs that follow each other on both sides."""
    runs: list[list[PairReport]] = []
    for pair in matched:
        if runs and follows(runs[-1][-1], pair):
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return runs


def _evidence(link: Link, background_chrf: float) -> float:
    return max(0.0, min(1.0, (link.chrf - background_chrf - EVIDENCE_FLOOR) / EVIDENCE_SPAN))


def _pair_report(link: Link, english, translated, original, original_is_english: bool,
                 evidence: float, language: str | None = None, differences: bool = True) -> PairReport:
    if not link.source:
        return PairReport(link.english, (), "added", 0.0, 0.0)
    if not link.english:
        return PairReport((), link.source, "omitted", 0.0, 0.0)
    status = "match" if link.margin >= CONFIDENT_MARGIN else "weak"
    if not differences:
        return PairReport(link.english, link.source, status, link.similarity, link.chrf, round(evidence, 4))
    en_text = " ".join(english[i] for i in link.english)
    src_text = " ".join(original[j] for j in link.source)
    mt_text = " ".join(translated[j] for j in link.source)
    numbers_en, numbers_src = _number_diff(en_text, src_text, original_is_english)
    names_en, names_src = _name_diff(en_text, src_text, mt_text)
    flags = () if original_is_english else name_flags(en_text, src_text, mt_text, language, names_src)
    if not original_is_english:  # show the confident flags; the others stay in name_flags
        names_en = tuple(dict.fromkeys(f.english for f in flags if f.english and f.confident))
        names_src = tuple(dict.fromkeys(f.source for f in flags if f.source and f.confident))
    return PairReport(link.english, link.source, status, link.similarity, link.chrf, round(evidence, 4),
                      numbers_en, numbers_src, names_en, names_src, flags)


def _number_diff(en_text: str, src_text: str, src_is_english: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Numbers in one text that the other does not have.

    Clock times compare as times (2pm = 14 sati), imperial measures match their metric conversion
    within 10 % (550 pounds = 250 kg, 6 feet = 2 m: translators round), and a spelled-out number on one side only
    ("mother of three" = "majka troje djece" is often rephrased) counts only when the other side
    has a number of its own that disagrees.
    """
    en = extract_numbers(en_text, True)
    src = extract_numbers(src_text, src_is_english)
    en_keys, src_keys = {n.key for n in en}, {n.key for n in src}
    src_values = [n.value for n in src if n.kind != "time"]
    only_en = [n for n in en if n.key not in src_keys and not _converts_to(n, src_values)]
    only_src = [n for n in src if n.key not in en_keys and n.kind != "time"
                and not any(_converts_to(e, [n.value]) for e in en)] + \
               [n for n in src if n.key not in en_keys and n.kind == "time"]
    if not only_src:
        only_en = [n for n in only_en if n.kind != "word"]
    if not only_en:
        only_src = [n for n in only_src if n.kind != "word"]
    return tuple(dict.fromkeys(n.text for n in only_en)), tuple(dict.fromkeys(n.text for n in only_src))


def _converts_to(number: Number, values: list[float]) -> bool:
    return any(abs(value - metric) <= CONVERSION_TOLERANCE * metric for metric in number.converted for value in values)


def _name_diff(en_text: str, src_text: str, mt_text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Names in one text that the other does not mention.

    An English name counts as present when the source or its machine translation has it (in any
    script or case). A source name counts as missing from the English only when the translation
    also carries a name the English lacks: names are often translated (Severna Koreja, North
    Korea), and a source name alone cannot tell a translated name from a dropped one.
    """
    src_side = name_keys(src_text, capitalised_only=False) | name_keys(mt_text, capitalised_only=False)
    en_side = name_keys(en_text, capitalised_only=False)
    only_en = _unmatched(extract_names(en_text), src_side, english=True)
    if not _unmatched(extract_names(mt_text), en_side, english=True):
        return only_en, ()
    only_src = tuple(n for n in _unmatched(extract_names(src_text), en_side) if not _institution_adjective(n))
    return only_en, only_src


def _unmatched(names, keys: set[str], english: bool = False) -> tuple[str, ...]:
    """Names not in ``keys``. Acronyms and contractions (UK, GOP, I've) are routinely rendered otherwise,
    and English runs of common words ("the Navy") are translated as common nouns: neither counts.
    Otherwise a name is missing when any of its one to three uncommon words is: "President Donald
    Biden" against "predsednik Donald Tramp" is a changed name, though "Donald" matches."""
    missing = _english_name_missing if english else (lambda n, k: not names_match(n, k, lenient=True))
    return tuple(dict.fromkeys(
        n.text for n in names
        if n.keys and not _ACRONYM.match(n.text) and "'" not in n.text and "’" not in n.text
        and not (english and is_common_english(n)) and missing(n, keys)))


def _english_name_missing(name: Name, keys: set[str]) -> bool:
    if any(k in keys for k in name.keys if k.startswith("=")):
        return False  # United Kingdom = Ujedinjeno Kraljevstvo
    core = [w for w in name.text.split() if not is_common_english_word(w) and len(skeleton(w)) >= 2]
    if not 1 <= len(core) <= 3:
        return not names_match(name, keys, lenient=True)  # a long institution's name: one word suffices
    return any(not names_match(Name(w, (skeleton(w),)), keys, lenient=True) for w in core)




def _institution_adjective(name: str) -> bool:
    """'Vrhovni (sud)', 'Narodna (banka)', 'Тихог (океана)': a capitalised adjective that opens an
    institution's or a place's name and is translated (Supreme Court, National Bank, Pacific), so it is
    no name that went missing."""
    return " " not in name and bool(_ADJECTIVE.search(fold(name)))

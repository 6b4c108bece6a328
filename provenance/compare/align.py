"""Monotonic sentence alignment of an English text with a machine-translated candidate.

Similarity of English sentences and translated ones is their sentence chrF (sacrebleu's
n-gram statistics) blended with language-independent anchors: numbers and names compared
with the *original* candidate sentences, which a weak translator may garble. Scores are
computed as whole matrices for each link shape (1-1, 1-2, 2-1, 2-2; the groups are adjacent
sentences joined), and each cell is normalised by the median of its row and column *in the
matrix of its shape*: longer strings share more n-grams with everything, so a merged link
must stand out from other merged links, not from single sentences. Dynamic programming
then picks the links with the largest total gain; a skip (1-0, 0-1) gains nothing, so a
link is made only where a pair stands out from its background.
Cost: O(n·m) cells per shape, restricted to a band around the diagonal for long texts.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np
from sacrebleu.metrics.helpers import extract_all_char_ngrams

from .anchors import extract_names, name_keys, names_match, number_values
from .settings import (ANCHOR_WEIGHT, BAND_MIN, BLOCK_ROWS, CHAR_ORDER, FULL_MATRIX_CELLS, MARGIN, MERGE_PENALTY,
                       MERGED_WEIGHT, PRIOR_BACKGROUND, SHAPES)


@dataclass(frozen=True)
class Link:
    """English sentence indices linked to candidate sentence indices; one side empty for a 1-0 / 0-1."""

    english: tuple[int, ...]
    source: tuple[int, ...]
    similarity: float  # 0-1, chrF blended with anchors
    chrf: float  # sentence chrF 0-100 between the English and the translation (0 for unlinked)
    margin: float = 0.0  # how far the similarity stands above its row/column background

    @property
    def kind(self) -> str:
        return f"{len(self.english)}-{len(self.source)}"

    @property
    def is_match(self) -> bool:
        return bool(self.english) and bool(self.source)


@dataclass(frozen=True)
class Alignment:
    links: list[Link]
    background_chrf: float  # median sentence chrF of all compared 1-1 pairs: what unrelated sentences score


@dataclass
class _ShapeScores:
    chrf: np.ndarray  # (groups of English, groups of candidate) chrF, NaN outside the band
    similarity: np.ndarray
    margin: np.ndarray  # similarity minus (row median + column median) / 2


def align(english: Sequence[str], translated: Sequence[str], original: Sequence[str],
          original_is_english: bool = False) -> Alignment:
    """Align English sentences with translated candidate sentences (``original`` are their sources)."""
    n, m = len(english), len(translated)
    if n == 0 or m == 0:
        links = [Link((i,), (), 0.0, 0.0) for i in range(n)] + [Link((), (j,), 0.0, 0.0) for j in range(m)]
        return Alignment(links, 0.0)
    anchors = _Anchors(english, translated, original, original_is_english)
    scores = {shape: _score_shape(shape, english, translated, anchors) for shape in SHAPES
              if shape[0] <= n and shape[1] <= m}
    links = _dynamic_programme(n, m, scores)
    one_to_one = scores[(1, 1)].chrf
    return Alignment(links, float(np.nanmedian(one_to_one)))


def _groups(texts: Sequence[str], size: int) -> list[str]:
    return [" ".join(texts[k : k + size]) for k in range(len(texts) - size + 1)]


def _score_shape(shape, english, translated, anchors) -> _ShapeScores:
    a, b = shape
    en_groups, mt_groups = _groups(english, a), _groups(translated, b)
    rows, cols = len(en_groups), len(mt_groups)
    chrf = np.full((rows, cols), np.nan)  # chrF2, sacrebleu's score, reported and used as evidence
    symmetric = np.full((rows, cols), np.nan)  # chrF1: extra text on either side costs alike
    for start in range(0, rows, BLOCK_ROWS):
        stop = min(rows, start + BLOCK_ROWS)
        lo, hi = _band_columns(start, stop, rows, cols)
        precision, recall = chrf_precision_recall(mt_groups[lo:hi], en_groups[start:stop])
        chrf[start:stop, lo:hi] = f_score(precision, recall, 2.0)
        symmetric[start:stop, lo:hi] = f_score(precision, recall, 1.0)
    if rows * cols > FULL_MATRIX_CELLS:
        band = _band_mask(rows, cols)
        chrf = np.where(band, chrf, np.nan)
        symmetric = np.where(band, symmetric, np.nan)
    # chrF2 weighs recall four times precision, so a merged link that drags in an unrelated
    # sentence would hardly lose; the symmetric chrF1 decides the alignment instead.
    similarity = symmetric / 100
    anchor = anchors.matrix(a, b, ~np.isnan(chrf))
    has_anchor = ~np.isnan(anchor)
    similarity = np.where(has_anchor, (1 - ANCHOR_WEIGHT) * similarity + ANCHOR_WEIGHT * np.nan_to_num(anchor),
                          similarity)
    row_bg = _medians(similarity, axis=1)
    col_bg = _medians(similarity, axis=0)
    margin = similarity - (row_bg[:, None] + col_bg[None, :]) / 2
    return _ShapeScores(chrf, similarity, margin)


def _band_width(rows: int, cols: int) -> int:
    return max(BAND_MIN, abs(rows - cols) + BAND_MIN)


def _band_columns(start: int, stop: int, rows: int, cols: int) -> tuple[int, int]:
    if rows * cols <= FULL_MATRIX_CELLS:
        return 0, cols
    width = _band_width(rows, cols)
    lo = round(start * cols / rows) - width
    hi = round((stop - 1) * cols / rows) + width + 1
    return max(0, lo), min(cols, hi)


def _band_mask(rows: int, cols: int) -> np.ndarray:
    centre = np.round(np.arange(rows) * cols / rows)[:, None]
    return np.abs(np.arange(cols)[None, :] - centre) <= _band_width(rows, cols)


def _medians(values: np.ndarray, axis: int) -> np.ndarray:
    counts = np.sum(~np.isnan(values), axis=axis)
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            medians = np.nanmedian(values, axis=axis)
    return np.where(counts >= 4, medians, PRIOR_BACKGROUND)


def _dynamic_programme(n: int, m: int, scores: dict) -> list[Link]:
    """Best monotonic path from (0, 0) to (n, m); cell (i, j) = i English and j candidate sentences used."""
    best = np.full((n + 1, m + 1), -np.inf)
    best[0, 0] = 0.0
    move = np.zeros((n + 1, m + 1, 2), dtype=np.int8)
    gains = {shape: _gain(shape, s) for shape, s in scores.items()}
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            top, choice = -np.inf, (0, 0)
            if i and best[i - 1, j] > top:
                top, choice = best[i - 1, j], (1, 0)
            if j and best[i, j - 1] > top:
                top, choice = best[i, j - 1], (0, 1)
            for (a, b), gain in gains.items():
                if i >= a and j >= b:
                    g = gain[i - a, j - b]
                    if g == g and best[i - a, j - b] + g > top:  # g == g: not NaN (outside the band)
                        top, choice = best[i - a, j - b] + g, (a, b)
            best[i, j] = top
            move[i, j] = choice
    return _trace(move, scores, n, m)


def _gain(shape, scores: _ShapeScores) -> np.ndarray:
    a, b = shape
    weight = 1.0 if shape == (1, 1) else MERGED_WEIGHT * (a + b) / 2
    return weight * (scores.margin - MARGIN) - MERGE_PENALTY * (a + b - 2)


def _trace(move: np.ndarray, scores: dict, n: int, m: int) -> list[Link]:
    links: list[Link] = []
    i, j = n, m
    while i or j:
        a, b = (int(x) for x in move[i, j])
        e, s = tuple(range(i - a, i)), tuple(range(j - b, j))
        if a and b:
            shape = scores[(a, b)]
            cell = (i - a, j - b)
            links.append(Link(e, s, round(float(shape.similarity[cell]), 4), round(float(shape.chrf[cell]), 2),
                              round(float(shape.margin[cell]), 4)))
        else:
            links.append(Link(e, s, 0.0, 0.0))
        i, j = i - a, j - b
    links.reverse()
    return links


class _Anchors:
    """Numbers and names of each sentence, compared for groups of sentences."""

    def __init__(self, english, translated, original, original_is_english):
        self.en_numbers = [number_values(t, True) for t in english]
        self.src_numbers = [number_values(t, original_is_english) for t in original]
        self.en_names = [extract_names(t) for t in english]
        self.src_keys = [name_keys(o) | name_keys(t) for o, t in zip(original, translated)]

    def matrix(self, a: int, b: int, mask: np.ndarray) -> np.ndarray:
        """Anchor agreement 0-1 for each (English group, candidate group), NaN where neither has anchors."""
        rows, cols = mask.shape
        result = np.full((rows, cols), np.nan)
        en_numbers = [set().union(*self.en_numbers[i : i + a]) for i in range(rows)]
        src_numbers = [set().union(*self.src_numbers[j : j + b]) for j in range(cols)]
        en_names = [[n for names in self.en_names[i : i + a] for n in names] for i in range(rows)]
        src_keys = [set().union(*self.src_keys[j : j + b]) for j in range(cols)]
        for i, j in zip(*np.nonzero(mask)):
            parts = []
            numbers_e, numbers_s = en_numbers[i], src_numbers[j]
            if numbers_e or numbers_s:
                parts.append(len(numbers_e & numbers_s) / len(numbers_e | numbers_s))
            if en_names[i]:
                parts.append(sum(names_match(name, src_keys[j]) for name in en_names[i]) / len(en_names[i]))
            if parts:
                result[i, j] = sum(parts) / len(parts)
        return result


@lru_cache(maxsize=200_000)
def _ngrams(text: str) -> tuple[Counter, ...]:
    return tuple(extract_all_char_ngrams(text, CHAR_ORDER, False))


def chrf_matrix(hypotheses: Sequence[str], references: Sequence[str], beta: float = 2.0) -> np.ndarray:
    """Sentence chrF of every (reference, hypothesis) pair at once: a (len(references), len(hypotheses)) array.

    The same statistics as sacrebleu's sentence chrF (beta 2 by default), computed with matrix
    products: min(h, r) = sum over k >= 1 of [h >= k]·[r >= k], one product per n-gram order and count level.
    """
    return f_score(*chrf_precision_recall(hypotheses, references), beta)


def chrf_precision_recall(hypotheses: Sequence[str], references: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Character n-gram precision and recall averaged over the orders present (sacrebleu's chrF statistics)."""
    hyp_grams = [_ngrams(h) for h in hypotheses]
    ref_grams = [_ngrams(r) for r in references]
    n_ref, n_hyp = len(references), len(hypotheses)
    prec_sum = np.zeros((n_ref, n_hyp))
    rec_sum = np.zeros((n_ref, n_hyp))
    orders = np.zeros((n_ref, n_hyp))
    for order in range(CHAR_ORDER):
        hyp_counts = [g[order] for g in hyp_grams]
        ref_counts = [g[order] for g in ref_grams]
        match = _min_sum(ref_counts, hyp_counts)
        hyp_total = np.array([sum(c.values()) for c in hyp_counts], dtype=float)[None, :]
        ref_total = np.array([sum(c.values()) for c in ref_counts], dtype=float)[:, None]
        valid = (hyp_total > 0) & (ref_total > 0)
        prec_sum += np.where(valid, match / np.where(hyp_total > 0, hyp_total, 1), 0)
        rec_sum += np.where(valid, match / np.where(ref_total > 0, ref_total, 1), 0)
        orders += valid
    prec = np.where(orders > 0, prec_sum / np.maximum(orders, 1), 0)
    rec = np.where(orders > 0, rec_sum / np.maximum(orders, 1), 0)
    return prec, rec


def f_score(precision: np.ndarray, recall: np.ndarray, beta: float) -> np.ndarray:
    beta2 = beta ** 2
    denom = beta2 * precision + recall
    return 100 * np.where(denom > 0, (1 + beta2) * precision * recall / np.where(denom > 0, denom, 1), 0)


def _min_sum(rows: list[Counter], cols: list[Counter]) -> np.ndarray:
    """sum_g min(rows[a][g], cols[b][g]) for every a, b."""
    vocab: dict[str, int] = {}
    for counter in cols:
        for gram in counter:
            vocab.setdefault(gram, len(vocab))
    row_counts = _count_matrix(rows, vocab)
    col_counts = _count_matrix(cols, vocab)
    result = np.zeros((len(rows), len(cols)), dtype=np.float32)
    top = int(min(row_counts.max(initial=0), col_counts.max(initial=0)))
    for level in range(1, top + 1):
        result += (row_counts >= level).astype(np.float32) @ (col_counts >= level).astype(np.float32).T
    return result


def _count_matrix(counters: list[Counter], vocab: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(counters), max(1, len(vocab))), dtype=np.float32)
    for index, counter in enumerate(counters):
        for gram, count in counter.items():
            column = vocab.get(gram)
            if column is not None:
                matrix[index, column] = count
    return matrix

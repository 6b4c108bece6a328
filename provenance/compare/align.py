"""Monotonic sentence alignment of an English text with a machine-translated candidate.

Similarity of English sentences and translated ones is their sentence chrF (sacrebleu's
n-gram statistics, computed for all pairs at once by compare/chrf.py) blended with language-independent anchors: numbers and names compared
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

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .anchors import extract_names, name_keys, names_match, number_values
from .chrf import chrf_from_statistics, chrf_statistics, ngram_tables, pair_statistics
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


@dataclass
class _ShapeScores:
    chrf: np.ndarray  # (groups of English, groups of candidate) chrF, NaN outside the band
    similarity: np.ndarray
    margin: np.ndarray  # similarity minus (row median + column median) / 2


@dataclass(frozen=True)
class Alignment:
    links: list[Link]
    background_chrf: float  # median sentence chrF of all compared 1-1 pairs: what unrelated sentences score
    # per link shape, the scores the path was chosen from (for align_within)
    scores: dict[tuple[int, int], _ShapeScores] = field(default_factory=dict, repr=False, compare=False)


def align(english: Sequence[str], translated: Sequence[str], original: Sequence[str],
          original_is_english: bool = False) -> Alignment:
    """Align English sentences with translated candidate sentences (``original`` are their sources)."""
    n, m = len(english), len(translated)
    if n == 0 or m == 0:
        links = [Link((i,), (), 0.0, 0.0) for i in range(n)] + [Link((), (j,), 0.0, 0.0) for j in range(m)]
        return Alignment(links, 0.0)
    anchors = _Anchors(english, translated, original, original_is_english)
    shapes = [shape for shape in SHAPES if shape[0] <= n and shape[1] <= m]
    chrfs = _GroupChrf(english, translated, shapes)
    scores = {shape: _score_shape(shape, chrfs, anchors) for shape in shapes}
    links = _dynamic_programme(n, m, scores)
    one_to_one = scores[(1, 1)].chrf
    return Alignment(links, float(nanmedian(one_to_one.ravel(), 0)), scores)


def align_within(alignment: Alignment, english_rows: Sequence[int]) -> Alignment:
    """``alignment`` made again with only the English sentences ``english_rows`` (increasing indices), as if
    they were the whole article: the links index them 0, 1, ... Each pair keeps the score it has against the
    whole English (its margin, and the background), so only the path changes: the sentences another source
    explains are left out, and a part split around that source's block is aligned as one run. A group of two
    English sentences is linked only where they are adjacent in the article."""
    rows = list(english_rows)
    m = sum(len(link.source) for link in alignment.links)  # the path holds every candidate sentence once
    if not alignment.scores or not rows:
        links = [Link((i,), (), 0.0, 0.0) for i in range(len(rows))] + [Link((), (j,), 0.0, 0.0) for j in range(m)]
        return Alignment(links, alignment.background_chrf)
    scores = {shape: _restricted(s, shape[0], rows) for shape, s in alignment.scores.items() if shape[0] <= len(rows)}
    return Alignment(_dynamic_programme(len(rows), m, scores), alignment.background_chrf, scores)


def _restricted(scores: _ShapeScores, size: int, rows: list[int]) -> _ShapeScores:
    """The scores of the English groups of ``size`` sentences that start at ``rows`` (a group of the rows
    k..k+size-1, kept where they are adjacent in the article, NaN elsewhere: no link)."""
    starts = np.array(rows[: len(rows) - size + 1])
    adjacent = np.array(rows[size - 1:]) - starts == size - 1
    starts = np.where(adjacent, starts, 0)
    keep = adjacent[:, None]
    return _ShapeScores(*(np.where(keep, matrix[starts], np.nan)
                          for matrix in (scores.chrf, scores.similarity, scores.margin)))


def _groups(texts: Sequence[str], size: int) -> list[str]:
    return [" ".join(texts[k : k + size]) for k in range(len(texts) - size + 1)]


class _GroupChrf:
    """chrF2 and chrF1 of the English groups against the translated groups, for every shape: the n-grams
    of every group counted in one pass (groups of two are adjacent sentences joined), and where the
    whole matrix is scored, the statistics of all shapes' pairs in one product too."""

    def __init__(self, english, translated, shapes):
        self.en_start, en_groups = _stacked_groups(english, sorted({a for a, _b in shapes}))
        self.mt_start, mt_groups = _stacked_groups(translated, sorted({b for _a, b in shapes}))
        self.en, self.mt = ngram_tables([en_groups, mt_groups], CHAR_ORDER)
        self.sentences = len(english), len(translated)
        self.whole = None
        if len(english) * len(translated) <= FULL_MATRIX_CELLS:
            stats = pair_statistics(self.mt, self.en, CHAR_ORDER)
            self.whole = chrf_from_statistics(stats, 2.0), chrf_from_statistics(stats, 1.0)

    def block(self, shape, start: int, stop: int, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """(chrF2, chrF1) of English groups start..stop-1 against translated groups lo..hi-1 of ``shape``."""
        rows = slice(self.en_start[shape[0]] + start, self.en_start[shape[0]] + stop)
        cols = slice(self.mt_start[shape[1]] + lo, self.mt_start[shape[1]] + hi)
        if self.whole is not None:
            return self.whole[0][rows, cols], self.whole[1][rows, cols]
        stats = pair_statistics(self.mt.rows(cols.start, cols.stop), self.en.rows(rows.start, rows.stop), CHAR_ORDER)
        return chrf_from_statistics(stats, 2.0), chrf_from_statistics(stats, 1.0)


def _stacked_groups(texts, sizes) -> tuple[dict[int, int], list[str]]:
    """The groups of each size one after the other, and where each size's groups start."""
    start, groups = {}, []
    for size in sizes:
        start[size] = len(groups)
        groups += _groups(texts, size)
    return start, groups


def _score_shape(shape, chrfs: _GroupChrf, anchors) -> _ShapeScores:
    a, b = shape
    rows, cols = chrfs.sentences[0] - a + 1, chrfs.sentences[1] - b + 1
    chrf = np.full((rows, cols), np.nan)  # chrF2, sacrebleu's score, reported and used as evidence
    symmetric = np.full((rows, cols), np.nan)  # chrF1: extra text on either side costs alike
    for start in range(0, rows, BLOCK_ROWS):
        stop = min(rows, start + BLOCK_ROWS)
        lo, hi = _band_columns(start, stop, rows, cols)
        chrf[start:stop, lo:hi], symmetric[start:stop, lo:hi] = chrfs.block(shape, start, stop, lo, hi)
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
    return np.where(counts >= 4, nanmedian(values, axis), PRIOR_BACKGROUND)


def nanmedian(values: np.ndarray, axis: int) -> np.ndarray:
    """``np.nanmedian(values, axis)`` to the last bit (the mean of the two middle values, NaN for a line
    without values), without the masked arrays that numpy uses for short lines and that cost more than the rest
    of the alignment."""
    ordered = np.moveaxis(np.sort(values, axis=axis), axis, -1)  # NaN sorts last
    counts = np.sum(~np.isnan(ordered), axis=-1)
    high = np.take_along_axis(ordered, (counts // 2)[..., None], axis=-1)[..., 0]
    low = np.take_along_axis(ordered, np.maximum(counts - 1, 0)[..., None] // 2, axis=-1)[..., 0]
    return np.where(counts > 0, (low + high) / 2, np.nan)


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
    """Numbers and names of each sentence, compared for groups of sentences.

    A group's numbers are the union of its sentences' and its names their concatenation; an English name
    matches a candidate group when it matches one of its sentences (``names_match`` asks for any matching
    key), so every comparison is made once per sentence pair and the groups' figures are sums and ORs."""

    def __init__(self, english, translated, original, original_is_english):
        en_numbers = [number_values(t, True) for t in english]
        src_numbers = [number_values(t, original_is_english) for t in original]
        en_names = [extract_names(t) for t in english]
        src_keys = [name_keys(o) | name_keys(t) for o, t in zip(original, translated)]
        values = {v: k for k, v in enumerate(set().union(*en_numbers, *src_numbers))}
        self.en_numbers = _incidence(en_numbers, values)  # (sentences, numbers) 0/1
        self.src_numbers = _incidence(src_numbers, values)
        self.en_name_counts = np.array([len(names) for names in en_names], dtype=np.int64)
        # (English name, candidate sentence): does the name match the sentence; per name, for the groups' OR
        self.name_hits = np.array([[names_match(name, keys) for keys in src_keys] for names in en_names
                                   for name in names], dtype=bool).reshape(-1, len(src_keys))
        self.name_sentence = np.repeat(np.arange(len(english)), self.en_name_counts)

    def matrix(self, a: int, b: int, mask: np.ndarray) -> np.ndarray:
        """Anchor agreement 0-1 for each (English group, candidate group), NaN where neither has anchors."""
        rows, cols = mask.shape
        en_numbers = _window_any(self.en_numbers, a, rows)
        src_numbers = _window_any(self.src_numbers, b, cols)
        common = en_numbers.astype(np.int64) @ src_numbers.T.astype(np.int64)
        union = en_numbers.sum(axis=1)[:, None] + src_numbers.sum(axis=1)[None, :] - common
        has_numbers = union > 0
        with np.errstate(divide="ignore", invalid="ignore"):
            number_part = common / union
        # each name's hits on candidate groups, then summed over the names of each English group
        hits = _window_any(self.name_hits.T, b, cols).T.astype(np.int64)  # (names, candidate groups)
        per_sentence = np.zeros((len(self.en_name_counts), cols), dtype=np.int64)
        np.add.at(per_sentence, self.name_sentence, hits)
        name_hits = _window_sum(per_sentence, a, rows)
        name_counts = _window_sum(self.en_name_counts[:, None], a, rows)[:, 0]
        has_names = (name_counts > 0)[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            name_part = name_hits / name_counts[:, None]
        both = has_numbers & has_names
        result = np.where(both, (number_part + name_part) / 2, np.where(has_numbers, number_part, name_part))
        return np.where(mask & (has_numbers | has_names), result, np.nan)


def _incidence(sets: list[set], index: dict) -> np.ndarray:
    matrix = np.zeros((len(sets), len(index)), dtype=bool)
    for row, values in enumerate(sets):
        matrix[row, [index[v] for v in values]] = True
    return matrix


def _window_any(matrix: np.ndarray, size: int, count: int) -> np.ndarray:
    """Row k: OR of rows k..k+size-1 (for k < count)."""
    result = matrix[:count].copy()
    for offset in range(1, size):
        result |= matrix[offset:offset + count]
    return result


def _window_sum(matrix: np.ndarray, size: int, count: int) -> np.ndarray:
    result = matrix[:count].copy()
    for offset in range(1, size):
        result += matrix[offset:offset + count]
    return result


def sentence_chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu's sentence chrF (chrF2, character 6-grams)."""
    return float(chrf_matrix([hypothesis], [reference])[0, 0])


def chrf_matrix(hypotheses: Sequence[str], references: Sequence[str], beta: float = 2.0) -> np.ndarray:
    """Sentence chrF of every (reference, hypothesis) pair at once: a (len(references), len(hypotheses)) array,
    sacrebleu's to the last bit (compare/chrf.py; tests/test_chrf.py holds it to sacrebleu on every pair)."""
    if not hypotheses or not references:
        return np.zeros((len(references), len(hypotheses)))
    return chrf_from_statistics(chrf_statistics(hypotheses, references, CHAR_ORDER), beta)

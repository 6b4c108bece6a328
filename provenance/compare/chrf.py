"""sacrebleu's chrF (character 6-grams, whitespace removed), vectorised with numpy.

One pass gives the statistics of every pair of strings (hypothesis and reference n-gram counts and
their matches, per order), from which the score for any beta follows: the alignment needs chrF2 and
chrF1 of the same pairs, and a corpus score is its pairs' statistics summed, as in sacrebleu. The
n-grams of all strings are counted at once (each n-gram packed into one integer where the alphabet
allows, renumbered order by order where it does not); the matches of all pairs are a join on the
n-gram with the smaller count of each side summed. The F-score follows sacrebleu's arithmetic
operation by operation, so the floats are sacrebleu's to the last bit (tests/test_chrf.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

CHAR_ORDER = 6
_EPS = 1e-16  # sacrebleu's
_ORDER_BITS = 3


@dataclass(frozen=True)
class NgramTable:
    """The character n-gram counts of some strings: one entry per (string, n-gram), sorted by string."""

    lengths: np.ndarray  # (strings,) characters once whitespace is removed
    row: np.ndarray  # (entries,) which string
    gram: np.ndarray  # (entries,) the n-gram, an id shared by the tables made together
    order: np.ndarray  # (entries,) its order - 1
    count: np.ndarray  # (entries,) how often it occurs in the string

    def __len__(self) -> int:
        return len(self.lengths)

    def rows(self, start: int, stop: int) -> "NgramTable":
        """The table of strings start..stop-1 (renumbered from 0)."""
        lo, hi = np.searchsorted(self.row, [start, stop])
        return NgramTable(self.lengths[start:stop], self.row[lo:hi] - start, self.gram[lo:hi], self.order[lo:hi],
                          self.count[lo:hi])


def ngram_tables(groups: Sequence[Sequence[str]], char_order: int = CHAR_ORDER) -> list[NgramTable]:
    """The n-gram tables of several lists of strings, made together so that they can be matched."""
    strings = ["".join(s.split()) for group in groups for s in group]  # sacrebleu removes whitespace so
    lengths = np.array([len(s) for s in strings], dtype=np.int64)
    joined = "".join(strings)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    alphabet = np.unique(codes)
    letters = np.searchsorted(alphabet, codes).astype(np.int64) + 1  # 1..len(alphabet)
    owner = np.repeat(np.arange(len(strings), dtype=np.int64), lengths)
    first = np.repeat(np.cumsum(lengths) - lengths, lengths)
    remaining = lengths[owner] - (np.arange(len(codes), dtype=np.int64) - first)  # characters from here on
    bits = int(len(alphabet)).bit_length()
    row_bits = max(1, int(len(strings)).bit_length())
    if bits * char_order + _ORDER_BITS + row_bits <= 63:
        row, order, gram, count = _count_packed(letters, owner, remaining, bits, row_bits, char_order)
    else:  # a large alphabet: n-grams renumbered densely, order by order
        row, order, gram, count = _count_renumbered(letters, owner, remaining, len(alphabet), char_order)
    tables, start = [], 0
    for group in groups:
        lo, hi = np.searchsorted(row, [start, start + len(group)])
        tables.append(NgramTable(lengths[start:start + len(group)], row[lo:hi] - start, gram[lo:hi], order[lo:hi],
                                 count[lo:hi]))
        start += len(group)
    return tables


def _count_packed(letters, owner, remaining, bits: int, row_bits: int, char_order: int):
    """Each n-gram packed as its letters' bits; one sort of (string, order, n-gram) counts them all."""
    gram_bits = bits * char_order + _ORDER_BITS
    keys = []
    packed = np.zeros(len(letters), dtype=np.int64)
    for n in range(1, min(char_order, len(letters)) + 1):  # (no n-gram is longer than all strings together)
        packed[: len(letters) - n + 1] = (packed[: len(letters) - n + 1] << bits) | letters[n - 1:]
        starts = np.flatnonzero(remaining >= n)
        keys.append((owner[starts] << gram_bits) | ((packed[starts] << _ORDER_BITS) | (n - 1)))
    unique, count = np.unique(np.concatenate(keys) if keys else np.zeros(0, np.int64), return_counts=True)
    gram = unique & ((1 << gram_bits) - 1)
    return unique >> gram_bits, gram & ((1 << _ORDER_BITS) - 1), gram, count


def _count_renumbered(letters, owner, remaining, alphabet_size: int, char_order: int):
    """The same counts where packed n-grams would not fit 64 bits: an n-gram is its (n-1)-gram's id and
    one more letter, renumbered densely at each order."""
    rows, orders, grams = [], [], []
    ids = letters.copy()
    offset = 0
    for n in range(1, char_order + 1):
        starts = np.flatnonzero(remaining >= n)
        if n > 1:
            _, dense = np.unique(ids[starts] * (alphabet_size + 1) + letters[starts + n - 1], return_inverse=True)
            ids = np.zeros(len(letters), dtype=np.int64)
            ids[starts] = dense.ravel()
        rows.append(owner[starts])
        orders.append(np.full(len(starts), n - 1, dtype=np.int64))
        grams.append(ids[starts] + offset)
        offset += int(ids[starts].max()) + 1 if len(starts) else 0
    row, order, gram = np.concatenate(rows), np.concatenate(orders), np.concatenate(grams)
    unique, first, count = np.unique(row * max(1, offset) + gram, return_index=True, return_counts=True)
    return row[first], order[first], gram[first], count


def pair_statistics(hyps: NgramTable, refs: NgramTable, char_order: int = CHAR_ORDER) -> np.ndarray:
    """sacrebleu's statistics of every (reference, hypothesis) pair of two tables made together: shape
    (references, hypotheses, char_order, 3) holding hypothesis n-grams, reference n-grams and matches per
    order (the hypothesis count is 0 where the reference has none of that order, as sacrebleu has it)."""
    n_ref, n_hyp = len(refs), len(hyps)
    stats = np.zeros((n_ref, n_hyp, char_order, 3), dtype=np.int64)
    orders = np.arange(1, char_order + 1)
    hyp_count = np.maximum(hyps.lengths[:, None] - orders + 1, 0)  # (hypotheses, orders)
    ref_count = np.maximum(refs.lengths[:, None] - orders + 1, 0)
    stats[..., 0] = np.where(ref_count[:, None, :] > 0, hyp_count[None, :, :], 0)
    stats[..., 1] = ref_count[:, None, :]
    stats[..., 2] = _matches(hyps, refs, char_order)
    return stats


_DENSE_ORDERS = 2  # short n-grams are shared by nearly every pair: counted by a matrix product instead
_DENSE_CELLS = 4_000_000  # ... where the 0/1 matrices stay this small


def _matches(hyps: NgramTable, refs: NgramTable, char_order: int) -> np.ndarray:
    """(references, hypotheses, orders) sums over shared n-grams of the smaller count."""
    n_ref, n_hyp = len(refs), len(hyps)
    matches = np.zeros((n_ref, n_hyp, char_order), dtype=np.int64)
    if not len(hyps.gram) or not len(refs.gram):
        return matches
    joined_ref, joined_hyp = refs.order >= _DENSE_ORDERS, hyps.order >= _DENSE_ORDERS
    for k in range(min(_DENSE_ORDERS, char_order)):
        in_ref, in_hyp = refs.order == k, hyps.order == k
        product = _product_matches(hyps.row[in_hyp], hyps.gram[in_hyp], hyps.count[in_hyp], n_hyp,
                                   refs.row[in_ref], refs.gram[in_ref], refs.count[in_ref], n_ref)
        if product is None:
            joined_ref |= in_ref
            joined_hyp |= in_hyp
        else:
            matches[:, :, k] = product
    select = lambda table, use: (table.row[use], table.gram[use], table.count[use], table.order[use])
    matches += _joined_matches(*select(hyps, joined_hyp), n_hyp, *select(refs, joined_ref), n_ref, char_order)
    return matches


def _product_matches(hyp_row, hyp_gram, hyp_count, n_hyp, ref_row, ref_gram, ref_count, n_ref):
    """Matches of one order as one product of 0/1 matrices: the t-th occurrence of an n-gram has a column
    of its own, so min(a, b) is the number of columns both strings fill; None where the matrices would be large."""
    grams, index = np.unique(np.concatenate((ref_gram, hyp_gram)), return_inverse=True)
    index = index.ravel()
    counts = np.concatenate((ref_count, hyp_count))
    depth = np.zeros(len(grams), dtype=np.int64)
    np.maximum.at(depth, index, counts)
    first_column = np.cumsum(depth) - depth
    width = int(depth.sum())
    if width * (n_ref + n_hyp) > _DENSE_CELLS:
        return None
    entry = np.repeat(np.arange(len(counts)), counts)
    occurrence = np.arange(len(entry)) - np.repeat(np.cumsum(counts) - counts, counts)
    column = first_column[index[entry]] + occurrence
    is_ref = entry < len(ref_gram)
    rows = np.concatenate((ref_row, hyp_row))[entry]
    ref_matrix = np.zeros((n_ref, width), dtype=np.float32)
    ref_matrix[rows[is_ref], column[is_ref]] = 1
    hyp_matrix = np.zeros((n_hyp, width), dtype=np.float32)
    hyp_matrix[rows[~is_ref], column[~is_ref]] = 1
    with _one_blas_thread():
        product = ref_matrix @ hyp_matrix.T
    return np.rint(product).astype(np.int64)  # sums of under 2^24 ones: exact in float32


def _one_blas_thread():
    """These products are small: BLAS threads cost more than they bring, and spin on a busy machine (4x the
    CPU time of one thread on two loaded cores)."""
    if "controller" not in _BLAS:
        from threadpoolctl import ThreadpoolController

        _BLAS["controller"] = ThreadpoolController()
    return _BLAS["controller"].limit(limits=1, user_api="blas")


_BLAS: dict = {}


def _joined_matches(hyp_row, hyp_gram, hyp_count, hyp_order, n_hyp, ref_row, ref_gram, ref_count, ref_order, n_ref,
                    char_order: int) -> np.ndarray:
    """Matches by a join on the n-gram: sorted together (references first within an n-gram), each
    reference entry meets every hypothesis entry of its n-gram."""
    grams = np.concatenate((ref_gram, hyp_gram))
    # sorted by n-gram, references first within one (the side is the lowest bit: n-gram ids use under 62 bits)
    by_gram = np.argsort(np.concatenate((ref_gram << 1, (hyp_gram << 1) | 1)))
    grams = grams[by_gram]
    is_ref = by_gram < len(ref_gram)
    boundary = np.flatnonzero(np.diff(grams)) + 1
    run_start = np.concatenate(([0], boundary))
    run_stop = np.concatenate((boundary, [len(grams)]))
    refs_in_run = np.add.reduceat(is_ref, run_start) if len(grams) else np.zeros(0, np.int64)
    run_of = np.repeat(np.arange(len(run_start)), run_stop - run_start)
    ref_positions = np.flatnonzero(is_ref)
    run = run_of[ref_positions]
    lo = run_start[run] + refs_in_run[run]  # the run's first hypothesis entry
    shared = run_stop[run] - lo
    ref_entry = by_gram[np.repeat(ref_positions, shared)]
    hyp_entry = by_gram[np.arange(int(shared.sum())) - np.repeat(np.cumsum(shared) - shared - lo, shared)] - \
        len(ref_gram)
    smaller = np.minimum(ref_count[ref_entry], hyp_count[hyp_entry])
    cell = (ref_row[ref_entry] * n_hyp + hyp_row[hyp_entry]) * char_order + ref_order[ref_entry]
    counts = np.bincount(cell, weights=smaller, minlength=n_ref * n_hyp * char_order)
    return np.rint(counts).astype(np.int64).reshape(n_ref, n_hyp, char_order)


def chrf_statistics(hypotheses: Sequence[str], references: Sequence[str], char_order: int = CHAR_ORDER) -> np.ndarray:
    """``pair_statistics`` of two lists of strings."""
    hyp_table, ref_table = ngram_tables([hypotheses, references], char_order)
    return pair_statistics(hyp_table, ref_table, char_order)


def chrf_from_statistics(stats: np.ndarray, beta: float = 2.0) -> np.ndarray:
    """sacrebleu's chrF (0-100) from statistics of shape (..., orders, 3), elementwise over the leading axes."""
    stats = np.asarray(stats)
    factor = beta ** 2
    shape = stats.shape[:-2]
    avg_prec, avg_rec = np.zeros(shape), np.zeros(shape)
    effective = np.zeros(shape, dtype=np.int64)
    for k in range(stats.shape[-2]):
        n_hyp, n_ref, n_match = stats[..., k, 0], stats[..., k, 1], stats[..., k, 2]
        counted = (n_hyp > 0) & (n_ref > 0)  # sacrebleu < 2 style effective order
        # eps precision or recall of an order without n-grams only matters to eps smoothing, which chrF lacks
        prec = n_match / np.where(counted, n_hyp, 1)
        rec = n_match / np.where(counted, n_ref, 1)
        avg_prec = np.where(counted, avg_prec + prec, avg_prec)
        avg_rec = np.where(counted, avg_rec + rec, avg_rec)
        effective += counted
    some = effective > 0
    avg_prec = np.where(some, avg_prec / np.where(some, effective, 1), 0.0)
    avg_rec = np.where(some, avg_rec / np.where(some, effective, 1), 0.0)
    positive = (avg_prec + avg_rec) != 0
    with np.errstate(divide="ignore", invalid="ignore"):
        score = (1 + factor) * avg_prec * avg_rec
        score = score / ((factor * avg_prec) + avg_rec)
    return np.where(positive, 100 * score, 0.0)


def corpus_chrf(hypotheses: Sequence[str], references: Sequence[str], beta: float = 2.0) -> float:
    """sacrebleu's corpus chrF of aligned (hypothesis, reference) pairs: their statistics summed."""
    if not hypotheses:
        return 0.0
    return float(chrf_from_statistics(corpus_statistics(hypotheses, references), beta))


def corpus_statistics(hypotheses: Sequence[str], references: Sequence[str],
                      char_order: int = CHAR_ORDER) -> np.ndarray:
    """The statistics of aligned (hypothesis, reference) pairs summed: shape (char_order, 3)."""
    hyps, refs = ngram_tables([hypotheses, references], char_order)
    orders = np.arange(1, char_order + 1)
    hyp_count = np.maximum(hyps.lengths[:, None] - orders + 1, 0)
    ref_count = np.maximum(refs.lengths[:, None] - orders + 1, 0)
    total = np.zeros((char_order, 3), dtype=np.int64)
    total[:, 0] = np.where(ref_count > 0, hyp_count, 0).sum(axis=0)
    total[:, 1] = ref_count.sum(axis=0)
    # an entry of both tables with the same (pair, n-gram) is a shared n-gram: sorted together, they meet
    row = np.concatenate((hyps.row, refs.row))
    gram = np.concatenate((hyps.gram, refs.gram))
    count = np.concatenate((hyps.count, refs.count))
    order = np.concatenate((hyps.order, refs.order))
    by_pair = np.lexsort((gram, row))
    row, gram, count, order = row[by_pair], gram[by_pair], count[by_pair], order[by_pair]
    shared = np.flatnonzero((row[1:] == row[:-1]) & (gram[1:] == gram[:-1]))
    total[:, 2] = np.bincount(order[shared], weights=np.minimum(count[shared], count[shared + 1]),
                              minlength=char_order).astype(np.int64)
    return total

"""compare/chrf.py: one pass of n-gram statistics gives sacrebleu's sentence chrF2 and chrF1 of every pair
and its corpus chrF, to the last bit."""
import random
from pathlib import Path

import numpy as np
import sacrebleu
from sacrebleu.metrics.chrf import CHRF

from provenance.compare import chrf as chrf_module
from provenance.compare.chrf import chrf_from_statistics, chrf_statistics, corpus_chrf, ngram_tables, pair_statistics

NTREX = Path(__file__).resolve().parents[2] / "shared" / "data" / "ntrex"
EDGES = ["", " ", "x", "a b", "B\x1f", "a\u2009b\u00a0c", "aaaaaaaaaa", "ab" * 30, "😀😀x", "ab ab ab"]


def _lines(name: str, start: int, stop: int) -> list[str]:
    return (NTREX / f"newstest2019-{name}.txt").read_text(encoding="utf-8").splitlines()[start:stop]


def _texts():
    refs = _lines("src.eng", 200, 230) + EDGES
    hyps = _lines("ref.bos", 200, 224) + _lines("ref.srp-Cyrl", 200, 204) + _lines("ref.hrv", 205, 209) + EDGES
    return hyps, refs


def test_one_pass_gives_sacrebleu_chrf2_and_chrf1_of_every_pair_bit_for_bit():
    hyps, refs = _texts()
    stats = chrf_statistics(hyps, refs)
    for beta in (2, 1):
        metric = CHRF(beta=beta)
        scores = chrf_from_statistics(stats, beta)
        assert scores.shape == (len(refs), len(hyps))
        for i, ref in enumerate(refs):
            for j, hyp in enumerate(hyps):
                assert scores[i, j] == metric.sentence_score(hyp, [ref]).score, (beta, ref, hyp)


def test_large_alphabets_take_the_renumbered_path_with_the_same_result(monkeypatch):
    """Over 2^9 distinct characters do not fit six to a 64-bit key: the n-grams are renumbered instead."""
    rng = random.Random(3)
    alphabet = [chr(0x4E00 + k) for k in range(3000)]
    hyps = ["".join(rng.choice(alphabet[:40]) for _ in range(rng.randint(0, 30))) for _ in range(6)]
    refs = ["".join(rng.choice(alphabet) for _ in range(1500))] + hyps[:3] + ["x"]
    calls = []
    renumbered = chrf_module._count_renumbered
    monkeypatch.setattr(chrf_module, "_count_renumbered", lambda *a: calls.append(1) or renumbered(*a))
    scores = chrf_from_statistics(chrf_statistics(hyps, refs))
    assert calls
    metric = CHRF()
    for i, ref in enumerate(refs):
        for j, hyp in enumerate(hyps):
            assert scores[i, j] == metric.sentence_score(hyp, [ref]).score


def test_products_and_joins_count_the_same_matches(monkeypatch):
    """Short n-grams are counted by a matrix product, long ones by a join: either way the same numbers."""
    hyps, refs = _texts()
    hyp_table, ref_table = ngram_tables([hyps, refs])
    mixed = pair_statistics(hyp_table, ref_table)
    monkeypatch.setattr(chrf_module, "_DENSE_ORDERS", 0)
    joined = pair_statistics(hyp_table, ref_table)
    monkeypatch.setattr(chrf_module, "_DENSE_ORDERS", 6)
    products = pair_statistics(hyp_table, ref_table)
    assert np.array_equal(mixed, joined) and np.array_equal(mixed, products)
    assert mixed[..., 2].sum() > 0


def test_strings_shorter_than_the_longest_order_alone():
    """Nothing to pack beyond the characters there are (the fuzzer's ('', 'said'))."""
    for hyp, ref in (("", "said"), ("a", "ab"), ("", ""), ("abc", "abc")):
        assert chrf_from_statistics(chrf_statistics([hyp], [ref]))[0, 0] == CHRF().sentence_score(hyp, [ref]).score
        assert corpus_chrf([hyp], [ref]) == sacrebleu.corpus_chrf([hyp], [[ref]]).score


def test_table_rows_are_their_strings_alone():
    hyps, refs = _texts()
    hyp_table, ref_table = ngram_tables([hyps, refs])
    whole = pair_statistics(hyp_table, ref_table)
    part = pair_statistics(hyp_table.rows(3, 9), ref_table.rows(10, 20))
    assert np.array_equal(part, whole[10:20, 3:9])


def test_corpus_chrf_is_sacrebleus():
    hyps, refs = _texts()
    count = min(len(hyps), len(refs))
    assert corpus_chrf(hyps[:count], refs[:count]) == sacrebleu.corpus_chrf(hyps[:count], [refs[:count]]).score
    whole_hyp, whole_ref = " ".join(hyps), " ".join(refs)
    assert corpus_chrf([whole_hyp], [whole_ref]) == sacrebleu.sentence_chrf(whole_hyp, [whole_ref]).score
    assert corpus_chrf([], []) == 0.0

import random

import numpy as np
import sacrebleu

from provenance.compare.align import align, align_within, chrf_matrix

ENGLISH = [
    "The government adopted the draft budget for 2026 on Thursday.",
    "The deficit is expected to reach 3 percent of gross domestic product.",
    "Opposition parties said they would vote against the proposal.",
    "Pensions will rise by 8 percent from January, the finance minister said.",
    "The Fiscal Council warned that the growth forecast was too optimistic.",
    "Parliament is expected to debate the budget in early December.",
    "Around 35,000 people protested in central Belgrade on Saturday.",
    "The police said the protest was peaceful.",
]
OTHER = "Heavy snow closed several mountain roads in the south of the country overnight."


def test_chrf_matrix_equals_sacrebleu_sentence_chrf():
    hyps = ENGLISH[:3] + ["", "aaa"]
    refs = ENGLISH[2:5] + ["x"]
    matrix = chrf_matrix(hyps, refs)
    for i, ref in enumerate(refs):
        for j, hyp in enumerate(hyps):
            assert abs(matrix[i, j] - sacrebleu.sentence_chrf(hyp, [ref]).score) < 1e-6


def test_chrf_matrix_equals_sacrebleu_on_real_lines_for_both_betas():
    """compare/chrf.py against sacrebleu on NTREX lines in four variants and edge cases, chrF2 and chrF1 (which
    alignment uses); each cell must agree to the last digit that matters."""
    from pathlib import Path

    from sacrebleu.metrics.chrf import CHRF

    ntrex = Path(__file__).resolve().parents[2] / "shared" / "data" / "ntrex"
    lines = {name: (ntrex / f"newstest2019-{name}.txt").read_text(encoding="utf-8").splitlines()[100:112]
             for name in ("src.eng", "ref.bos", "ref.srp-Cyrl", "ref.hrv")}
    refs = lines["src.eng"] + ["", " ", "x", "a b", "B\x1f", "a\u2009b\u00a0c"]
    hyps = lines["ref.bos"] + lines["ref.srp-Cyrl"][:4] + lines["ref.hrv"][:4] + ["", "ab", "a  b", OTHER]
    for beta in (2, 1):
        metric = CHRF(beta=beta)
        matrix = chrf_matrix(hyps, refs, beta)
        assert matrix.shape == (len(refs), len(hyps))
        for i, ref in enumerate(refs):
            for j, hyp in enumerate(hyps):
                assert abs(matrix[i, j] - metric.sentence_score(hyp, [ref]).score) < 1e-9, (beta, ref, hyp)


def links(alignment):
    return [(link.english, link.source) for link in alignment.links if link.is_match]


def test_aligned_within_the_english_outside_another_block_a_split_part_is_one_run():
    """A's sentences 0-1 open the article and 2 closes it, around four sentences of another source, one of which
    resembles A's sentence 1 more than its own (weak) rendering does: the whole alignment pairs it inside the
    block; aligned within the English outside the block, A is one run, each pair scored as before."""
    part = [ENGLISH[0], ENGLISH[1], ENGLISH[3]]
    article = [ENGLISH[0], "A deficit of about three percent of output is expected.", ENGLISH[6], ENGLISH[7],
               "The deficit is expected to reach 3 percent, the police said on Saturday.", OTHER, ENGLISH[3]]
    full = align(article, part, part, original_is_english=True)
    assert links(full) == [((0,), (0,)), ((4,), (1,)), ((6,), (2,))]
    within = align_within(full, [0, 1, 6])
    assert links(within) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]  # English 0, 1, 6 as 0, 1, 2
    assert within.background_chrf == full.background_chrf
    kept = {link.source: link for link in full.links if link.is_match}
    for link in within.links:
        if link.source != (1,):
            assert (link.similarity, link.chrf, link.margin) == (kept[link.source].similarity,
                                                                 kept[link.source].chrf, kept[link.source].margin)
    assert align_within(full, range(len(article))).links == full.links


def test_aligned_within_some_english_sentences_two_are_merged_only_where_adjacent_in_the_article():
    joined = [ENGLISH[1] + " " + ENGLISH[3], OTHER]
    adjacent = align([ENGLISH[1], ENGLISH[3], ENGLISH[6], ENGLISH[7]], joined, joined, original_is_english=True)
    assert links(adjacent) == [((0, 1), (0,))]
    apart = align([ENGLISH[1], ENGLISH[6], ENGLISH[7], ENGLISH[3]], joined, joined, original_is_english=True)
    within = links(align_within(apart, [0, 3]))
    assert within and all(len(english) == 1 for english, _source in within)


def test_identical_texts_align_one_to_one():
    result = align(ENGLISH, ENGLISH, ENGLISH, original_is_english=True)
    assert links(result) == [((i,), (i,)) for i in range(len(ENGLISH))]


def test_dropped_inserted_and_merged_sentences():
    # candidate: sentence 2 dropped, an unrelated sentence inserted, sentences 5 and 6 merged
    candidate = ENGLISH[:2] + ENGLISH[3:5] + [OTHER] + [ENGLISH[5] + " " + ENGLISH[6], ENGLISH[7]]
    result = align(ENGLISH, candidate, candidate, original_is_english=True)
    assert links(result) == [((0,), (0,)), ((1,), (1,)), ((3,), (2,)), ((4,), (3,)), ((5, 6), (5,)), ((7,), (6,))]
    kinds = {link.kind for link in result.links}
    assert "1-0" in kinds and "0-1" in kinds  # sentence 2 added in the English, OTHER omitted


def test_unrelated_texts_get_no_confident_links():
    from provenance.compare.scoring import CONFIDENT_MARGIN

    rng = random.Random(3)
    unrelated = [" ".join(rng.sample(OTHER.split(), 8)) + "." for _ in ENGLISH]
    result = align(ENGLISH, unrelated, unrelated, original_is_english=True)
    confident = [link for link in result.links if link.is_match and link.margin >= CONFIDENT_MARGIN]
    related = align(ENGLISH, ENGLISH, ENGLISH, original_is_english=True)
    assert len(confident) <= 2
    assert all(link.margin >= CONFIDENT_MARGIN for link in related.links)


def test_banded_alignment_of_long_texts_stays_right():
    long_en = [f"Sentence number {i} says that {i * 7} people met in town {i % 13}." for i in range(260)]
    result = align(long_en, long_en, long_en, original_is_english=True)
    assert links(result) == [((i,), (i,)) for i in range(260)]


def _anchor_matrix_cell_by_cell(anchors_in, a, b, rows, cols):
    """The anchor agreement as first written: each cell's groups built and compared on their own."""
    from provenance.compare.anchors import extract_names, name_keys, names_match, number_values

    english, translated, original, is_english = anchors_in
    en_numbers = [number_values(t, True) for t in english]
    src_numbers = [number_values(t, is_english) for t in original]
    en_names = [extract_names(t) for t in english]
    src_keys = [name_keys(o) | name_keys(t) for o, t in zip(original, translated)]
    result = np.full((rows, cols), np.nan)
    for i in range(rows):
        for j in range(cols):
            numbers_e = set().union(*en_numbers[i:i + a])
            numbers_s = set().union(*src_numbers[j:j + b])
            names = [n for group in en_names[i:i + a] for n in group]
            keys = set().union(*src_keys[j:j + b])
            parts = []
            if numbers_e or numbers_s:
                parts.append(len(numbers_e & numbers_s) / len(numbers_e | numbers_s))
            if names:
                parts.append(sum(names_match(name, keys) for name in names) / len(names))
            if parts:
                result[i, j] = sum(parts) / len(parts)
    return result


def test_group_anchors_equal_the_cell_by_cell_comparison():
    """Groups' anchors come from sums and ORs of sentence comparisons: the same floats as comparing each
    group pair on its own."""
    from provenance.compare.align import _Anchors

    english = ENGLISH + ["Angela Merkel met Emmanuel Macron in Paris on 3 May.", "Nothing here."]
    original = ["Vlada je u četvrtak usvojila nacrt budžeta za 2026. godinu.", "Deficit će biti 3 odsto BDP-a.",
                "Angela Merkel i Emanuel Makron sastali su se 3. maja u Parizu.", "Penzije rastu 8 odsto od januara.",
                "Bez brojeva i imena.", "Oko 35.000 ljudi protestovalo je u Beogradu."]
    translated = ["The government adopted the draft budget for 2026 on Thursday.", "The deficit will be 3 percent.",
                  "Angela Merkel and Emmanuel Macron met in Paris on May 3.", "Pensions rise 8 percent.",
                  "No numbers, no names.", "About 35,000 people protested in Belgrade."]
    anchors = _Anchors(english, translated, original, False)
    for a, b in ((1, 1), (1, 2), (2, 1), (2, 2)):
        rows, cols = len(english) - a + 1, len(original) - b + 1
        mask = np.ones((rows, cols), dtype=bool)
        mask[0, -1] = False
        expected = _anchor_matrix_cell_by_cell((english, translated, original, False), a, b, rows, cols)
        expected[0, -1] = np.nan
        assert np.array_equal(anchors.matrix(a, b, mask), expected, equal_nan=True), (a, b)
        assert not np.isnan(expected).all()


def test_nanmedian_is_numpys_to_the_last_bit():
    import warnings

    from provenance.compare.align import nanmedian

    rng = np.random.default_rng(0)
    for _ in range(300):
        rows, cols = rng.integers(1, 30, 2)
        values = rng.random((rows, cols)) * 100
        values[rng.random((rows, cols)) < rng.random()] = np.nan
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            for axis in (0, 1):
                assert np.array_equal(nanmedian(values, axis), np.nanmedian(values, axis=axis), equal_nan=True)

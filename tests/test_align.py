import random

import sacrebleu

from provenance.compare.align import align, chrf_matrix

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


def links(alignment):
    return [(link.english, link.source) for link in alignment.links if link.is_match]


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

from provenance.compare.align import align
from provenance.compare.scoring import (NOT_DERIVED, PARTIALLY, WHOLLY, PairReport, label_for, score_candidate,
                                        standing_apart, strongly_explained)


def test_labels_from_match_and_coverage():
    assert label_for(0.9, 1.0, 1.0) == WHOLLY
    assert label_for(0.7, 0.45, 1.0) == PARTIALLY
    # well-matched where aligned, but a quarter of the source has no counterpart: only partly used
    assert label_for(0.73, 0.78, 0.68, aligned_share=0.73) == PARTIALLY
    assert label_for(0.73, 0.78, 0.68, aligned_share=0.85) == WHOLLY
    assert label_for(0.2, 0.3, 0.1) == NOT_DERIVED


def test_a_short_proof_must_cover_a_share_of_the_english_unless_every_pair_stands_out():
    # three strong sentences of a five-sentence candidate (half of it) against a fifteen-sentence article
    assert label_for(0.4, 0.2, 0.6, 0.8, strong=3, shorter=5) == PARTIALLY  # without the article's size
    assert label_for(0.4, 0.2, 0.6, 0.8, strong=3, shorter=5, english=15, standout=1) == NOT_DERIVED
    assert label_for(0.4, 0.2, 0.6, 0.8, strong=3, shorter=5, english=15, standout=3) == PARTIALLY
    # the same three sentences are half of a six-sentence article: proof enough
    assert label_for(0.5, 0.5, 0.6, 0.8, strong=3, shorter=5, english=6, standout=1) == PARTIALLY
    # a third of a six-sentence article, but strong only as a run: no pair stands out on its own
    assert label_for(0.47, 0.34, 0.6, 0.75, strong=2, shorter=4, english=6, standout=0) == NOT_DERIVED
    assert label_for(0.47, 0.34, 0.6, 0.75, strong=2, shorter=4, english=6, standout=1) == PARTIALLY
    # four strong sentences are no short proof ...
    assert label_for(0.4, 0.25, 0.6, 0.8, strong=4, shorter=6, english=16, standout=1) == PARTIALLY
    # ... but four that are strong only as runs (a same-topic story's two pairs of loose neighbours) prove nothing
    assert label_for(0.41, 0.27, 0.55, 0.8, strong=4, shorter=10, english=17, standout=0) == NOT_DERIVED
    assert label_for(0.41, 0.27, 0.55, 0.8, strong=5, shorter=10, english=17, standout=0) == PARTIALLY


def _pairs(rows: list[tuple[int, int, float]]) -> list[PairReport]:
    """Confident pairs (English i, source j) whose chrF stands ``above`` points over a background of 15."""
    return [PairReport((i,), (j,), "match", 0.5, 15.0 + above) for i, j, above in rows]


def test_a_pair_that_stands_out_vouches_for_the_pairs_that_follow_on_from_it():
    # a block of three whose middle sentence the model half garbled (4 points), then a strong pair (20)
    assert strongly_explained(_pairs([(0, 0, 7.0), (1, 1, 4.0), (2, 2, 20.0)]), 15.0) == {0, 1, 2}
    # no pair standing out: 7 and 4 make no run (RUN_CHRF 5), and nothing vouches for them
    assert strongly_explained(_pairs([(0, 0, 7.0), (1, 1, 4.0), (2, 2, 12.0)]), 15.0) == set()
    # next to a strong pair, but not its next sentence on the candidate's side, or under the evidence floor
    assert strongly_explained(_pairs([(0, 5, 7.0), (1, 1, 2.0), (2, 2, 20.0)]), 15.0) == {2}


def test_strong_sentences_none_of_which_is_its_pairs_best_match_prove_nothing():
    # seven strong sentences (runs well above a low background) of a same-topic story: a source ...
    assert label_for(0.42, 0.3, 0.25, 0.5, strong=7, shorter=21, english=21, standout=1) == PARTIALLY
    assert label_for(0.42, 0.3, 0.25, 0.5, strong=7, shorter=21, english=21, standout=1, distinct=1) == PARTIALLY
    # ... unless none of its pairs beats the other sentences of its row and column
    assert label_for(0.42, 0.3, 0.25, 0.5, strong=7, shorter=21, english=21, standout=1, distinct=0) == NOT_DERIVED
    assert label_for(0.9, 0.9, 0.9, 1.0, strong=7, shorter=7, english=7, standout=7, distinct=0) == NOT_DERIVED


def _alignment_with(chrf_rows: list[list[float]]):
    import numpy as np

    from provenance.compare.align import Alignment, _ShapeScores

    chrf = np.array(chrf_rows, dtype=float)
    return Alignment([], 15.0, {(1, 1): _ShapeScores(chrf, chrf / 100, chrf / 100)})


def test_a_pair_stands_apart_when_it_beats_its_row_and_column():
    nan = float("nan")
    pairs = _pairs([(0, 0, 15.0), (1, 1, 15.0), (2, 2, 15.0)])  # chrF 30 each
    # a translation: each pair beats every other sentence of its row and column by DISTINCT_CHRF (3) or more
    assert standing_apart(pairs, _alignment_with([[30, 20, 12], [26, 30, 18], [10, 15, 30]]), {0, 1, 2}) == {0, 1, 2}
    # a same-topic story: candidate sentence 1 matches English 0 almost as well as sentence 0 does (row 0) and
    # English 1 almost as well as English 0 does (column 1); cells outside the band (NaN) do not count
    assert standing_apart(pairs, _alignment_with([[30, 28, nan], [20, 30, 12], [15, 20, 30]]), {0, 1, 2}) == {2}
    # only the sentences asked about, and none without the 1-1 scores
    assert standing_apart(pairs, _alignment_with([[30, 20, 12], [26, 30, 18], [10, 15, 30]]), {1}) == {1}
    from provenance.compare.align import Alignment
    assert standing_apart(pairs, Alignment([], 15.0), {0, 1, 2}) is None


def test_a_translation_stands_apart_from_the_candidates_other_sentences():
    english = ["Around 500,000 people protested in Belgrade on Saturday.", "The rally was peaceful, police said.",
               "Opposition leaders called for new elections."]
    alignment = align(english, english, english, original_is_english=True)
    score = score_candidate(english, english, english, alignment, original_is_english=True)
    assert standing_apart(score.pairs, alignment, set(range(3))) == {0, 1, 2}


def test_number_and_name_mismatches_are_flagged():
    english = ["Around 500,000 people protested in Belgrade, Vučić said.", "The rally was peaceful."]
    source_en = ["Around 400,000 people protested in Belgrade, Vučić said.", "The rally was peaceful."]
    alignment = align(english, source_en, source_en, original_is_english=True)
    score = score_candidate(english, source_en, source_en, alignment, original_is_english=True)
    first = score.pairs[0]
    assert "number_mismatch" in first.flags
    assert first.numbers_only_english == ("500,000",) and first.numbers_only_source == ("400,000",)
    assert score.pairs[1].flags == []


def test_serbian_numbers_do_not_differ_from_their_english_forms():
    english = ["Around half a million people, 5.75 percent."]
    source = ["Oko pola miliona ljudi, 5,75 odsto."]
    alignment = align(english, english, source)  # translation as good as it gets
    score = score_candidate(english, english, source, alignment)
    assert score.pairs[0].numbers_only_english == () and score.pairs[0].numbers_only_source == ()


def test_localised_numbers_are_not_flagged_but_changed_ones_are():
    from provenance.compare.scoring import _number_diff

    # clock times, imperial units converted by the translator, rephrased small numbers
    assert _number_diff("At 2pm the 550 pound hog, a mother of three, was found.",
                        "U 14 sati svinja od 250 kilograma, majka troje djece, pronađena je.", False) == ((), ())
    assert _number_diff("Winds of 85 mph and 2 to 3 inches of rain.", "Vjetar od 137 km/h i 5 do 8 cm kiše.", False) == ((), ())
    # a changed conversion, a changed time, and a spelled-out number against a different one
    assert _number_diff("The 750 pound hog.", "Svinja od 250 kilograma.", False) == (("750",), ("250",))
    assert _number_diff("At 3pm.", "U 14 sati.", False) == (("3pm",), ("U 14 sati",))
    assert _number_diff("Four people died.", "Poginule su tri osobe.", False) == (("Four",), ("tri",))


def test_names_flagged_when_changed_not_when_translated():
    from provenance.compare.scoring import _name_diff

    same = _name_diff("Talks in Germany with President Donald Trump and the Navy ended.",
                      "Pregovori u Njemačkoj sa predsjednikom Donaldom Trampom i mornaricom su završeni.",
                      "Talks in Germany with President Donald Tramp and the navy ended.")
    assert same == ((), ())
    changed = _name_diff("Talks with President Donald Biden ended.",
                         "Pregovori sa predsjednikom Donaldom Trampom su završeni.",
                         "Talks with President Donald Tramp ended.")
    assert changed[0] == ("President Donald Biden",)



def _candidate(name: str, match: float, explained: list[int], english: int = 6):
    from provenance.compare.check import CandidateResult
    from provenance.compare.scoring import PARTIALLY, CandidateScore, PairReport

    pairs = [PairReport((i,), (i,), "match", 0.5, 40.0, 1.0) if i in explained else PairReport((i,), (), "added", 0, 0)
             for i in range(english)]
    score = CandidateScore(30.0, 5.0, 30.0, 19.0, match, match, match, match, match, PARTIALLY, pairs)
    return CandidateResult(text=type("T", (), {"name": name})(), score=score)


def test_a_partial_copy_never_outranks_the_source_whose_english_it_explains_a_part_of():
    """source/abcnews.306758 with CTranslate2: the three-sentence partial copy (match 0.75) explains English
    0-2; the source (0.67, two weak translations) explains 0-2 and 4. The source ranks first, by a margin of 0;
    a candidate whose explained English is no subset of another's keeps its match-score place."""
    from provenance.compare.check import _supersets_first

    partial = _candidate("partial", 0.75, [0, 1, 2])
    source = _candidate("source", 0.6667, [0, 1, 2, 4])
    other = _candidate("other", 0.70, [3, 5])
    distractor = _candidate("distractor", 0.05, [])
    ranked = _supersets_first([partial, other, source, distractor])
    assert [r.name for r in ranked] == ["other", "source", "partial", "distractor"]
    assert [r.name for r in _supersets_first([partial, source, distractor])] == ["source", "partial", "distractor"]
    assert [r.name for r in _supersets_first([partial, distractor])] == ["partial", "distractor"]

"""Several sources, one verdict: the sentence map and the parts of a compiled article."""
from __future__ import annotations

import json

import pytest
from conftest import ROOT

from provenance.compare.composition import compose
from provenance.compare.scoring import NOT_DERIVED, PARTIALLY, CandidateScore, PairReport

HARD = ROOT / "corpora" / "hard"


def _score(pairs: list[tuple[int, int, float]], n_english: int, label: str = PARTIALLY,
           sentences: int | None = None) -> CandidateScore:
    """A candidate whose English sentence i matches its sentence j with the given evidence (strongly from
    0.5 on); the other English sentences are added."""
    reports = [PairReport((i,), (j,), "match", 0.5, 40.0, evidence) for i, j, evidence in pairs]
    paired = {i for i, _j, _e in pairs}
    reports += [PairReport((i,), (), "added", 0.0, 0.0) for i in range(n_english) if i not in paired]
    reports.sort(key=lambda r: r.english)
    strong = tuple(sorted(i for i, _j, evidence in pairs if evidence >= 0.5))
    return CandidateScore(40, 20, 40, 15, 0.5, 0.5, 0.5, 0.5, 0.5, label, reports, strong,
                          n_english if sentences is None else sentences)


def test_two_sources_each_with_their_own_part_make_a_compilation():
    a = _score([(i, i, 1.0) for i in range(4)] + [(5, 6, 0.05)], 8)  # a spurious pair in B's part
    b = _score([(i, i - 4, 0.9) for i in range(4, 8)], 8)
    noise = _score([(2, 7, 0.2), (6, 1, 0.3)], 8)
    composition = compose(8, [("a", a), ("b", b), ("noise", noise)])
    assert composition.compiled
    assert [(p.candidate, p.english) for p in composition.parts] == [("a", (0, 1, 2, 3)), ("b", (4, 5, 6, 7))]
    assert composition.parts[1].spans_text() == "5–8"
    assert [(m.candidate, m.source) for m in composition.sentence_map] == \
        [("a", (i,)) for i in range(4)] + [("b", (j,)) for j in range(4)]


def test_a_near_copy_explains_nothing_of_its_own_and_is_no_part():
    source = _score([(i, i, 1.0) for i in range(8)], 8)
    copy = _score([(i, i, 1.0) for i in range(4)], 8)  # the same first half, then another article
    composition = compose(8, [("source", source), ("copy", copy)])
    assert not composition.compiled
    assert [p.candidate for p in composition.parts] == ["source"]
    assert all(m.candidate == "source" for m in composition.sentence_map)


def test_one_borrowed_sentence_is_not_a_second_source():
    source = _score([(i, i, 1.0) for i in range(9)], 10, sentences=9)
    other = _score([(9, 3, 1.0)], 10)
    composition = compose(10, [("source", source), ("other", other)])
    assert not composition.compiled
    assert composition.sentence_map[9].candidate is None  # only "other" has it, and it is no part


def test_an_unexplained_sentence_inside_a_block_takes_its_neighbours_next_sentence():
    source = _score([(0, 0, 1.0), (1, 1, 1.0), (3, 3, 1.0), (4, 4, 1.0)], 5)  # sentence 2 garbled
    composition = compose(5, [("source", source)])
    assert (composition.sentence_map[2].candidate, composition.sentence_map[2].source) == ("source", (2,))
    assert composition.sentence_map[2].strength == "weak"


def test_interleaved_blocks_are_reported_as_runs():
    a = _score([(0, 0, 1.0), (1, 1, 1.0), (6, 2, 1.0), (7, 3, 1.0)], 8)
    b = _score([(2, 0, 1.0), (3, 1, 1.0), (4, 2, 0.9), (5, 3, 0.3)], 8)
    composition = compose(8, [("a", a), ("b", b)])
    assert composition.compiled and composition.parts[0].spans_text() == "1–2, 7–8"
    assert composition.parts[1].spans_text() == "3–6"
    assert composition.sentence_map[5].strength == "weak" and composition.sentence_map[5].candidate == "b"
    assert composition.sentence_map[4].strength == "strong"


def test_parts_none_of_which_is_a_source_alone_must_explain_most_of_the_english():
    a = _score([(i, i, 1.0) for i in range(3)], 12, label=NOT_DERIVED)
    b = _score([(i, i - 3, 1.0) for i in range(3, 6)], 12, label=NOT_DERIVED)
    assert not compose(12, [("a", a), ("b", b)]).compiled  # half of the English: two same-topic stories
    a = _score([(i, i, 1.0) for i in range(4)], 8, label=NOT_DERIVED)
    b = _score([(i, i - 4, 1.0) for i in range(4, 8)], 8, label=NOT_DERIVED)
    assert compose(8, [("a", a), ("b", b)]).compiled  # each too small a share of itself to count alone


@pytest.mark.slow
def test_compiled_case_end_to_end(translator):
    """A compiled case of corpora/hard through the real shipped model: the verdict names both sources
    with their sentence ranges, and the map sends nearly every English sentence to its true origin."""
    from provenance.compare.check import check
    from provenance.render.check import check_markdown, check_to_dict
    from provenance.render.html import check_html

    manifest = json.loads((HARD / "manifest.json").read_text(encoding="utf-8"))
    case = min((c for c in manifest["cases"] if c["kind"] == "compiled" and c["split"] == "dev"),
               key=lambda c: (len((HARD / c["article"]).read_text(encoding="utf-8").splitlines()), c["id"]))
    result = check(HARD / case["article"], [HARD / c["path"] for c in case["candidates"]], translator=translator,
                   one_per_line=True, with_chain=False)
    gold = case["gold"]
    assert result.compiled
    assert sorted(str(p.relative_to(HARD)) for p in map(_path, result.sources)) == sorted(gold["sources"])
    predicted = [[str(_path(m.candidate).relative_to(HARD)), list(m.source)] if m.candidate else None
                 for m in result.composition.sentence_map]
    right = sum(p == [g[0], [g[1]]] for p, g in zip(predicted, gold["sentence_map"]))
    assert right >= 0.85 * len(gold["sentence_map"])
    labels = {str(_path(c.name).relative_to(HARD)): c.score.label for c in result.ranking}
    assert all(labels[p] == gold["labels"][p] for p in gold["sources"])
    data = check_to_dict(result)
    assert data["verdict"]["compiled"] and data["verdict"]["text"].startswith("compiled from ")
    assert len(data["sentence_map"]) == len(gold["sentence_map"])
    assert "## Where each English sentence comes from" in check_markdown(result)
    html = check_html(result)
    assert html.count('<tr class="mapped') == len(gold["sentence_map"]) and 'id="sentence-map"' in html


def _path(name: str):
    from pathlib import Path

    return Path(name).resolve()

"""Real attribution gold: joining text by line and hash, matching spans and edges, the figures.

The sentences here are made up; the real gold (corpora/attribution-real) needs ../shared, and its
test skips without it.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from provenance.evaluation.attribution_gold import (GoldSpan, GoldUnit, in_split, load_gold, match_spans, score, split_of,
                                                    text_sha1)
from provenance.errors import CorpusError
from provenance.evaluation.evaluate import evaluate
from provenance.evaluation.metrics import attribution_metrics
from provenance.lexicon.script import latin_to_cyrillic

from conftest import ROOT, SHARED

LINES = [
    "Vlada je pala, javlja Tanjug.",
    "Ministar finansija Petar Petrović izjavio je za Tanjug da će plate rasti.",
    "Cijene su porasle u martu.",
    "Premijer je rekao da će plate rasti, prenosi Beta.",
    "Plate su porasle u martu.",  # the only one held out by the hash rule
]


def _unit(line: int, sources, edges=(), language="bs", transform=None, non_sources=()):
    original = LINES[line - 2]
    sha1 = text_sha1(original)
    return {"id": f"news:{line}", "file": "data/news.tsv", "lines": [line], "field": "text", "sha1": sha1,
            "transform": transform, "language": language, "split": split_of(sha1),
            "sources": [{"span": s, "kind": k, "n": 1} for s, k in sources], "edges": [list(e) for e in edges],
            "non_sources": [{"span": s, "n": 1} for s in non_sources]}


def _write(tmp_path, units):
    shared = tmp_path / "shared"
    (shared / "data").mkdir(parents=True)
    (shared / "data" / "news.tsv").write_text("variant\ttext\n" + "".join(f"bs\t{t}\n" for t in LINES),
                                               encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gold.jsonl").write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units),
                                       encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"name": "real", "cases": [
        {"id": "news", "task": "attribution", "gold": {"units": "gold.jsonl", "shared_root": "../shared"}}]}))
    return shared, corpus


def test_gold_is_joined_by_line_and_hash_and_spans_become_offsets(tmp_path):
    cyrillic = latin_to_cyrillic(LINES[2])
    shared, corpus = _write(tmp_path, [_unit(2, [("Tanjug", "medium")]),
                                       _unit(4, [], language="sr-Cyrl", transform="to_cyrillic")])
    first, second = load_gold(corpus / "gold.jsonl", shared)
    assert first.text == LINES[0] and first.sources[0] == GoldSpan("Tanjug", "medium", 22, 28)
    assert second.text == cyrillic and second.text.startswith("Цијене")
    assert first.split == split_of(text_sha1(LINES[0]))


@pytest.mark.parametrize("change, message", [
    (lambda u: u.update(sha1="000000000000"), "does not match the text"),
    (lambda u: u["sources"].append({"span": "Reuters", "kind": "medium"}), "'Reuters' (occurrence 1) is not in"),
    (lambda u: u.update(edges=[["Tanjug", "Beta"]]), "both ends must be spans"),
    (lambda u: u.update(split="heldout" if u["split"] == "dev" else "dev"), "breaks the hash rule"),
    (lambda u: u["sources"][0].update(kind="agency"), "kind 'agency' is not one of"),
    (lambda u: u["sources"][0].update(n=0), "'n' an occurrence from 1"),
    (lambda u: u.pop("edges"), "missing 'edges'"),
])
def test_bad_gold_is_named(tmp_path, change, message):
    unit = _unit(2, [("Tanjug", "medium")])
    change(unit)
    shared, corpus = _write(tmp_path, [unit])
    with pytest.raises(CorpusError, match=re.escape(message)):
        load_gold(corpus / "gold.jsonl", shared)


def test_a_repeated_span_is_told_apart_by_its_occurrence(tmp_path):
    # a passage names Tanjug twice; an edge end names one occurrence as "span#n", a bare span that is
    # shared stays refused (it could be either)
    line = "Tanjug javlja da je vlada pala, a Beta prenosi Tanjug."
    unit = {"id": "news:2", "file": "data/news.tsv", "lines": [2], "field": "text", "sha1": text_sha1(line),
            "transform": None, "language": "bs", "split": split_of(text_sha1(line)),
            "sources": [{"span": "Tanjug", "kind": "medium", "n": 1}, {"span": "Tanjug", "kind": "medium", "n": 2},
                        {"span": "Beta", "kind": "medium", "n": 1}],
            "edges": [["Tanjug#2", "Beta"]], "non_sources": []}
    shared = tmp_path / "shared"
    (shared / "data").mkdir(parents=True)
    (shared / "data" / "news.tsv").write_text(f"variant\ttext\nbs\t{line}\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps(unit) + "\n", encoding="utf-8")
    loaded, = load_gold(tmp_path / "gold.jsonl", shared)
    assert [(s.start, s.end) for s in loaded.sources] == [(0, 6), (47, 53), (34, 38)]
    assert loaded.edges == ((1, 2),)
    for edges, message in ([["Tanjug", "Beta"]], "names 2 sources"), ([["Tanjug#3", "Beta"]], "both ends must be"):
        (tmp_path / "gold.jsonl").write_text(json.dumps({**unit, "edges": edges}) + "\n", encoding="utf-8")
        with pytest.raises(CorpusError, match=message):
            load_gold(tmp_path / "gold.jsonl", shared)
    twice = {**unit, "sources": unit["sources"] + [{"span": "Beta", "kind": "medium", "n": 1}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(twice) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="same occurrence"):
        load_gold(tmp_path / "gold.jsonl", shared)


def test_spans_match_by_overlap_and_jaccard_or_registry_one_to_one():
    gold = (GoldSpan("ministar finansija Petar Petrović", "person", 10, 43), GoldSpan("Tanjug", "medium", 60, 66))
    # 'Petar Petrović' overlaps and shares 2 of 4 tokens (0.5): a match; 'agencija Tanjug' elsewhere is the same
    # registry entry; a second 'Tanjug' finds no gold left; 'finansija' alone (1 of 4) is too little
    assert match_spans(gold, [(29, 43, "Petar Petrović"), (0, 15, "agencija Tanjug"), (60, 66, "Tanjug")]) == {0: 0, 1: 1}
    assert match_spans(gold, [(20, 29, "finansija")]) == {}
    assert match_spans(gold, [(0, 9, "Petrović")]) == {}  # the same word, but not where the gold is


def test_edges_count_only_with_both_ends_in_order():
    text = "Ministar Petar Petrović izjavio je za B92, prenosi Tanjug."
    unit = GoldUnit("u", "sr-Latn", "dev", text, (GoldSpan("Ministar Petar Petrović", "person", 0, 23),
                                                  GoldSpan("B92", "medium", 38, 41), GoldSpan("Tanjug", "medium", 51, 57)),
                    ((0, 1), (1, 2)), ())
    sources = [(0, 23, "Ministar Petar Petrović"), (38, 41, "B92"), (51, 57, "Tanjug")]
    # right: X -> B92; reversed B92 -> Tanjug is wrong; the shortcut X -> Tanjug is wrong
    result = score(unit, sources, [[(0, 1)], [(2, 1)], [(0, 2)]], [])
    assert result["sources"] == [3, 0, 0]
    assert result["edges"] == [1, 2, 1]
    # an edge whose end was not matched to any gold source cannot be right
    result = score(unit, sources[:1] + [(42, 50, "prenosi")], [[(0, 1)]], [])
    assert result["sources"] == [1, 1, 2] and result["edges"] == [0, 1, 2]


def test_metrics_pool_counts_per_split_and_language():
    units = [{"language": "bs", "split": "dev", "sources": [2, 1, 1], "edges": [1, 0, 1], "non_sources": [0, 0, 0]},
             {"language": "hr", "split": "dev", "sources": [0, 1, 1], "edges": [0, 0, 0], "non_sources": [0, 0, 1]},
             {"language": "bs", "split": "heldout", "sources": [1, 0, 0], "edges": [0, 0, 0], "non_sources": [0, 0, 0]}]
    m = attribution_metrics(units)
    assert m["sources"]["precision"] == 0.6 and m["sources"]["recall"] == 0.6  # 3 / (3 + 2) each
    assert m["per_split"]["dev"]["sources"]["precision"] == 0.5
    assert m["per_split_language"]["heldout"]["bs"]["sources"]["f1"] == 1.0
    assert m["per_language"]["bs"]["edges"]["recall"] == 0.5
    assert m["per_split_language"]["heldout"]["hr"]["units"] == 0


def test_evaluate_runs_the_extractor_on_the_joined_text(tmp_path, translator):
    cyr = latin_to_cyrillic
    units = [_unit(2, [("Tanjug", "medium")]),
             _unit(3, [("Ministar finansija Petar Petrović", "person"), ("Tanjug", "medium")],
                   [("Ministar finansija Petar Petrović", "Tanjug")], language="sr-Latn"),
             _unit(4, [], language="hr"),
             _unit(5, [(cyr("Premijer"), "person"), (cyr("Beta"), "medium")], [(cyr("Premijer"), cyr("Beta"))],
                   language="sr-Cyrl", transform="to_cyrillic")]
    shared, corpus = _write(tmp_path, units)
    result = evaluate(corpus, translator)
    a = result.metrics["attribution"]
    assert a["units"] == 4
    assert a["per_language"]["sr-Cyrl"]["sources"]["true_positives"] == 2  # found through the transliteration
    assert a["per_language"]["sr-Latn"]["edges"]["true_positives"] == 1
    assert a["per_language"]["hr"]["sources"]["false_positives"] == 0
    assert sum(a["per_split"][s]["units"] for s in a["per_split"]) == 4


def test_evaluate_scores_one_split_only(tmp_path, translator):
    units = [_unit(line, []) for line in (2, 3, 4, 5, 6)]
    assert {u["split"] for u in units} == {"dev", "heldout"}
    _shared, corpus = _write(tmp_path, units)
    for split in ("dev", "heldout"):
        a = evaluate(corpus, translator, split=split).metrics["attribution"]
        assert set(a["per_split"]) == {split}
        assert a["units"] == sum(u["split"] == split for u in units)


def test_dev_blind_and_dev_open_cut_dev_in_two_by_another_part_of_the_hash():
    texts = [f"Ministar {n} je rekao da će plate rasti." for n in range(200)]
    units = [GoldUnit(str(n), "bs", split_of(text_sha1(t)), t, (), (), (), text_sha1(t)) for n, t in enumerate(texts)]
    dev = [u for u in units if in_split(u, "dev")]
    blind = [u for u in units if in_split(u, "dev-blind")]
    open_ = [u for u in units if in_split(u, "dev-open")]
    assert {u.id for u in blind} | {u.id for u in open_} == {u.id for u in dev}
    assert not {u.id for u in blind} & {u.id for u in open_}
    assert {u.id for u in blind} == {u.id for u in dev if int(u.sha1[8:16], 16) % 4 == 0}
    assert 25 < len(blind) < 45 and len(dev) < len(units)  # about a quarter of two thirds; held-out in neither
    assert all(in_split(u, None) for u in units)


def test_evaluate_scores_the_open_part_of_dev(tmp_path, translator):
    units = [_unit(line, []) for line in (2, 3, 4, 5, 6)]
    _shared, corpus = _write(tmp_path, units)
    a = evaluate(corpus, translator, split="dev-open").metrics["attribution"]
    assert a["units"] == sum(int(u["sha1"][8:16], 16) % 4 != 0 for u in units if u["split"] == "dev")


def test_cli_names_a_missing_shared_root_in_one_line(tmp_path):
    _shared, corpus = _write(tmp_path, [_unit(2, [("Tanjug", "medium")])])
    env = {"PROVENANCE_SHARED": str(tmp_path / "nowhere"), "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "provenance.cli", "evaluate", str(corpus)], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "shared data not found" in done.stderr


@pytest.mark.skipif(not (SHARED / "data" / "real-dev" / "dslcc-bcs.tsv").is_file(),
                    reason="the shared data (../shared) is not here")
def test_real_gold_validates():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_real_attribution.py")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].split()[0] == "all"


def _selection_module():
    """scripts/select_real_attribution.py, the rule that chose the real gold's units."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("select_real_attribution",
                                                  ROOT / "scripts" / "select_real_attribution.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SHARED / "data" / "real-dev" / "dslcc-bcs.tsv").is_file(),
                    reason="the shared data (../shared) is not here")
def test_dslcc_gold_is_exactly_the_selection_of_its_rounds():
    # the sentences were chosen by a rule over the raw text, not by hand: the gold holds every selected
    # line once, in the language (script) the selection gave it, and nothing else; round 4 also draws
    # from dslcc-more.tsv, whose sentences have their own gold file
    module = _selection_module()
    tsv = SHARED / "data" / "real-dev" / "dslcc-bcs.tsv"
    first = module.select(tsv)
    second = module.select_relays(tsv, {n for n, _l, _c in first})
    third = module.select_round_3(tsv, {n for n, _l, _c in first + second})
    fourth = module.select_round_4(tsv, tsv.with_name("dslcc-more.tsv"), {n for n, _l, _c in first + second + third})
    selected = {("dslcc-bcs", n, language) for n, language, _cue in first + second + third} | set(fourth)
    assert len(selected) == len(first) + len(second) + len(third) + len(fourth)
    assert {stem for stem, _n, _l in fourth} == {"dslcc-bcs", "dslcc-more"}
    gold = [json.loads(line) for name in ("gold-dslcc.jsonl", "gold-dslcc-more.jsonl") for line in
            (ROOT / "corpora" / "attribution-real" / name).read_text(encoding="utf-8").splitlines()]
    assert len(gold) == len(selected)
    assert {(u["id"].split(":")[0], u["lines"][0], u["language"]) for u in gold} == selected
    assert all((u["transform"] == "to_cyrillic") == (u["language"] == "sr-Cyrl") for u in gold)


@pytest.mark.skipif(not (SHARED / "data" / "ntrex" / "DOCUMENT_IDS.tsv").is_file(),
                    reason="the shared data (../shared) is not here")
def test_ntrex_gold_rounds_3_and_4_are_exactly_their_selection():
    # each NTREX round adds what its rule selects given the gold before it (read from git history), and
    # keeps every unit before it
    module = _selection_module()
    path = "corpora/attribution-real/gold-ntrex.jsonl"
    before = {}
    for commit in (module.BEFORE_ROUND_3, module.BEFORE_ROUND_4):
        done = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{path}"], capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"git history before the round ({commit}) is not here")
        before[commit] = done.stdout
    now = (ROOT / path).read_text(encoding="utf-8")
    for commit, after, select in ((module.BEFORE_ROUND_3, before[module.BEFORE_ROUND_4], module.select_ntrex_round_3),
                                  (module.BEFORE_ROUND_4, now, module.select_ntrex_round_4)):
        old = {json.loads(line)["id"] for line in before[commit].splitlines()}
        units = [json.loads(line) for line in after.splitlines()]
        assert old <= {u["id"] for u in units}
        added = [u for u in units if u["id"] not in old]
        selected = select(SHARED / "data" / "ntrex", before[commit])
        assert sorted(("passage" if u["id"].startswith("passage:") else "sentence", u["language"], u["lines"][0],
                       u["lines"][-1]) for u in added) == sorted(selected)

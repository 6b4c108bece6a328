"""provenance index / find (issue 13): fingerprints, the index file, the cheap ranking, the check on the
shortlist, bad input, interruption, and translation on two Dask workers."""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sacrebleu

from conftest import ROOT

from provenance.archive import build_index, find, open_index
from provenance.archive.fingerprints import fingerprints
from provenance.archive.render import find_html, find_to_dict

NTREX = ROOT / "corpora" / "ntrex" / "texts"
VARIANTS = ("bs", "hr", "sr-Latn", "sr-Cyrl")
# Twelve NTREX documents from four outlets: the queries of the fingerprint-only ranking test.
DOCS = sorted({p.name.split(".en.txt")[0] for p in NTREX.glob("*.en.txt")})[::10][:12]
SHORT_DOCS = ("bbc.381701", "bbc.381780")  # the shortest documents: the real-translation tests


def run_cli(*args, timeout=600, env=None):
    env = env or {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "provenance.cli", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=timeout)


@pytest.fixture(scope="module")
def translations_folder(tmp_path_factory) -> Path:
    """A folder archive: the four translations of DOCS, in subfolders by variant, as a user saves pages."""
    folder = tmp_path_factory.mktemp("archive") / "pages"
    for variant in VARIANTS:
        (folder / variant).mkdir(parents=True)
        for doc in DOCS:
            (folder / variant / f"{doc}.txt").write_bytes((NTREX / f"{doc}.{variant}.txt").read_bytes())
    return folder


@pytest.fixture(scope="module")
def fingerprint_index(translations_folder, tmp_path_factory) -> Path:
    index = tmp_path_factory.mktemp("index") / "pages.index"
    result = run_cli("index", translations_folder, "-o", index, "--lead", "0", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == len(DOCS) * len(VARIANTS)
    return index


# --- fingerprints --------------------------------------------------------------------------------

def test_fingerprints_agree_across_languages_scripts_and_case_endings():
    en = fingerprints(["Donald Trump met Angela Merkel in Berlin on March 12, when 500,000 people marched."], True)
    sr_cyrl = fingerprints(["Доналд Трамп се 12. марта састао са Ангелом Меркел у Берлину, када је "
                            "500.000 људи марширало."], False)
    hr = fingerprints(["Donald Trump sastao se 12. ožujka s Angelom Merkel u Berlinu, kada je marširalo "
                       "500.000 ljudi."], False)
    wanted = {"n:500000", "d:03-12", "s:trm", "s:mrk", "s:prl"}
    assert wanted <= set(en) and wanted <= set(sr_cyrl) and wanted <= set(hr)
    assert en["d:03-12"].lower().startswith("march 12")
    # different facts give different keys
    other = fingerprints(["Владимир Путин је 13. априла говорио пред 400.000 људи."], False)
    assert not ({"n:500000", "d:03-12", "s:trm"} & set(other))


# --- the index file ------------------------------------------------------------------------------

def test_index_holds_metadata_sentences_fingerprints_and_reindexing_adds_nothing(fingerprint_index,
                                                                                 translations_folder):
    db = open_index(fingerprint_index)
    count, sentences = db.execute("SELECT COUNT(*), SUM(sentences) FROM articles").fetchone()
    assert count == len(DOCS) * 4
    stored = sum(1 for _ in db.execute("SELECT 1 FROM sentences"))
    assert stored == sentences > count * 3
    languages = {lang for (lang,) in db.execute("SELECT language FROM articles")}
    assert {"sr-Cyrl", "hr"} <= languages
    assert db.execute("SELECT COUNT(DISTINCT article) FROM fingerprints").fetchone()[0] == count
    db.close()
    again = run_cli("index", translations_folder, "-o", fingerprint_index, "--lead", "0", "--json")
    assert again.returncode == 0, again.stderr
    stats = json.loads(again.stdout)
    assert stats["added"] == 0 and stats["already_indexed"] == count and stats["documents"] == count


def test_extending_with_jsonl_and_another_index_adds_only_new_articles(fingerprint_index, tmp_path):
    jsonl = tmp_path / "monitor.jsonl"
    records = [{"id": "monitor/1", "text": (NTREX / f"{SHORT_DOCS[0]}.bs.txt").read_text(encoding="utf-8"),
                "title": "Naslov", "url": "https://example.org/1", "outlet": "Klix", "date": "2019-03-12"},
               {"id": "monitor/2", "text": (NTREX / f"{SHORT_DOCS[1]}.hr.txt").read_text(encoding="utf-8")}]
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    extended = tmp_path / "extended.index"
    first = run_cli("index", fingerprint_index, jsonl, "-o", extended, "--lead", "0", "--json")
    assert first.returncode == 0, first.stderr
    total = len(DOCS) * 4 + 2
    assert json.loads(first.stdout)["added"] == total
    second = run_cli("index", jsonl, "-o", extended, "--lead", "0", "--json")
    assert json.loads(second.stdout)["added"] == 0
    db = sqlite3.connect(extended)
    row = db.execute("SELECT title, url, outlet, date, language FROM articles WHERE id = 'monitor/1'").fetchone()
    assert row[:4] == ("Naslov", "https://example.org/1", "Klix", "2019-03-12") and row[4] in ("bs", "hr", "sr-Latn")
    # articles copied from the other index keep their fingerprints
    copied = db.execute("SELECT COUNT(*) FROM fingerprints f JOIN articles a ON a.rowid = f.article "
                        "WHERE a.id LIKE '%hr/%'").fetchone()[0]
    assert copied > 0


# --- find ----------------------------------------------------------------------------------------

def test_cheap_ranking_puts_a_translation_first_without_translating(fingerprint_index):
    """Fingerprints alone (no lead translated, no check): every query's first candidate is one of its
    own four translations, among 48 articles on 12 stories."""
    firsts = []
    for doc in DOCS:
        result = find(NTREX / f"{doc}.en.txt", fingerprint_index, top=4, check_shortlist=False)
        assert result.statistics["sentences_translated"] == 0
        firsts.append(Path(result.ranking[0].id).stem == doc)
        assert result.ranking[0].why.startswith("shares ")
    assert sum(firsts) >= len(DOCS) - 1, firsts


def test_find_runs_the_check_on_the_shortlist_and_reports_it(tmp_path):
    """English archive articles need no translation: the full path (cheap stage, check, JSON, HTML) on real
    texts with the real checker."""
    folder = tmp_path / "english"
    folder.mkdir()
    for doc in DOCS[:6]:
        (folder / f"{doc}.txt").write_bytes((NTREX / f"{doc}.en.txt").read_bytes())
    index = tmp_path / "english.index"
    assert run_cli("index", folder, "-o", index).returncode == 0
    query = NTREX / f"{DOCS[2]}.en.txt"
    out = tmp_path / "find.json"
    page = tmp_path / "find.html"
    result = run_cli("find", query, "--index", index, "--top", "3", "--json", "-o", out, "--html", page)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "provenance.find/1"
    assert Path(data["ranking"][0]).stem == DOCS[2] == Path(data["verdict"]["source"]).stem
    assert data["verdict"]["label"] == "wholly derived"
    stats = data["statistics"]
    assert stats["archive_documents"] == 6 and stats["shortlisted"] == 3
    db = open_index(index)
    assert stats["archive_sentences"] == db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0] > 6 * 3
    db.close()
    assert set(stats["seconds"]) >= {"fingerprints", "bm25", "check", "total"}
    assert "k:3" in data["signature"] and "lead:3" in data["signature"]
    assert DOCS[2] in page.read_text(encoding="utf-8")


def test_each_part_of_the_cheap_score_ranks_alone_and_signs_its_weight(tmp_path):
    """English archive articles are their own translated leads, so BM25 works without a model: the
    fingerprints alone and BM25 alone each put the query's own article first, and each ranking says
    in its scores and signature which part made it."""
    from provenance.archive.project import make_translator

    records = [{"id": doc, "text": (NTREX / f"{doc}.en.txt").read_text(encoding="utf-8")} for doc in DOCS[:6]]
    query_lines = (NTREX / f"{DOCS[3]}.en.txt").read_text(encoding="utf-8").splitlines()
    records.append({"id": "tail", "text": "\n".join(query_lines[4:])})  # the query's end, not its lead
    jsonl = tmp_path / "english.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    index = tmp_path / "english.index"
    translator = make_translator(cache_path=False, progress=False)  # English leads: the model never loads
    stats = build_index([jsonl], index, translator, lead_sentences=2)
    assert stats.lead_sentences_translated == 0 and stats.lead_sentences == 0
    query = NTREX / f"{DOCS[3]}.en.txt"
    fp_only = find(query, index, top=3, check_shortlist=False, fingerprint_weight=1.0)
    bm25_only = find(query, index, top=3, check_shortlist=False, fingerprint_weight=0.0)
    both = find(query, index, top=3, check_shortlist=False)
    for result in (fp_only, bm25_only, both):
        assert result.ranking[0].id == DOCS[3]
    assert all(i.bm25_score == 0 for i in fp_only.ranking) and fp_only.ranking[0].fingerprint_score > 0
    assert all(i.fingerprint_score == 0 for i in bm25_only.ranking) and bm25_only.ranking[0].bm25_score > 0
    assert both.ranking[0].bm25_score > 0 and both.ranking[0].fingerprint_score > 0
    assert "|w:1|" in fp_only.signature and "|w:0|" in bm25_only.signature and "|w:0.5|" in both.signature
    # BM25 asks with the article's lead, as long as the index's leads: the tail's lead is the query's
    # fifth line onwards, so what it shares with the query's lead is less than with its own lead
    lead_words = set(re.findall(r"[a-z]+", " ".join(query_lines[:2]).lower()))
    assert all(set(item.lead_words) <= lead_words for item in bm25_only.ranking), [i.lead_words for i in bm25_only.ranking]


def test_since_leaves_out_older_articles(tmp_path):
    doc = DOCS[0]
    text = (NTREX / f"{doc}.hr.txt").read_text(encoding="utf-8")
    jsonl = tmp_path / "dated.jsonl"
    jsonl.write_text(json.dumps({"id": "old", "text": text, "date": "2018-05-01"}, ensure_ascii=False) + "\n"
                     + json.dumps({"id": "new", "text": text + "\nJoš jedna rečenica.", "date": "2019-05-01"},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    index = tmp_path / "dated.index"
    build_index([jsonl], index, lead_sentences=0)
    both = find(NTREX / f"{doc}.en.txt", index, top=5, check_shortlist=False)
    since = find(NTREX / f"{doc}.en.txt", index, top=5, since="2019-01-01", check_shortlist=False)
    assert {i.id for i in both.ranking} == {"old", "new"}
    assert [i.id for i in since.ranking] == ["new"]
    assert "since:2019-01-01" in since.signature


# --- bad input -----------------------------------------------------------------------------------

def test_bad_input_is_one_line_and_exit_2(tmp_path, fingerprint_index):
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text('{"id": "a", "text": "Prva vijest."}\n{"id": "b", "text": \n', encoding="utf-8")
    not_index = tmp_path / "notes.txt"
    not_index.write_text("Some notes of mine, not an index.\n", encoding="utf-8")
    other_db = tmp_path / "other.sqlite"
    sqlite3.connect(other_db).execute("CREATE TABLE t (x)").connection.commit()
    query = NTREX / f"{DOCS[0]}.en.txt"
    cases = [
        (("index", tmp_path / "missing", "-o", tmp_path / "x.index"), "no such file or directory"),
        (("index", bad_jsonl, "-o", tmp_path / "y.index"), f"{bad_jsonl}:2"),
        (("index", bad_jsonl.parent / "notes.txt", "-o", not_index), "not a provenance index"),
        (("find", query, "--index", not_index), "not a provenance index"),
        (("find", query, "--index", other_db), "not a provenance index"),
        (("find", query, "--index", tmp_path / "none.index"), "no such index"),
        (("find", query, "--index", fingerprint_index, "--since", "yesterday"), "not a date"),
    ]
    for args, message in cases:
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "y.index").exists()  # a malformed line stops the run before the index is made
    assert not_index.read_text(encoding="utf-8") == "Some notes of mine, not an index.\n"


@pytest.mark.slow
@pytest.mark.parametrize("workers", [(), ("--workers", "2")], ids=["in-process", "dask"])
def test_interrupt_keeps_the_finished_batches_and_a_rerun_completes(tmp_path, workers):
    # Each batch of 32 articles translates its 32 leads into an empty cache (a second or more with the real
    # model), so the interrupt lands inside a batch however busy the machine is; without translation the whole
    # index could be written between two polls. With Dask workers, Ctrl-C reaches the whole process group, as
    # in a terminal, and the workers must leave it to the driver.
    if workers:
        pytest.importorskip("distributed", reason="dask is an optional extra: pip install 'provenance[dask]'")
    folder = tmp_path / "many"
    folder.mkdir()
    files = sorted(NTREX.glob("*.hr.txt"))  # 123: a batch of 64 (two workers) still leaves one to interrupt
    for path in files:
        (folder / path.name).write_bytes(path.read_bytes())
    index = tmp_path / "many.index"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PROVENANCE_CACHE": str(tmp_path / "translations.sqlite3")}
    # SIGINT as in a terminal, even where the tests run in the background (an ignored SIGINT stays ignored)
    process = subprocess.Popen([sys.executable, "-m", "provenance.cli", "index", str(folder), "-o", str(index),
                                "--lead", "1", *workers], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 300
    indexed = 0
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.05)
        if index.exists():
            try:
                indexed = sqlite3.connect(index).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                indexed = 0
            if indexed:
                break
    assert process.poll() is None, "indexing finished before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the command's whole process group
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "kept" in stderr and "Traceback" not in stderr
    db = sqlite3.connect(index)
    kept = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 0 < kept < len(files)
    assert db.execute("SELECT COUNT(DISTINCT article) FROM fingerprints").fetchone()[0] == kept
    db.close()
    rerun = run_cli("index", folder, "-o", index, "--lead", "1", "--json", env=env)
    stats = json.loads(rerun.stdout)
    assert stats["already_indexed"] == kept and stats["documents"] == len(files)


def test_a_cyrillic_lead_goes_to_the_translator_as_the_check_gives_it():
    # find's check translates a Serbian Cyrillic candidate in Latin; the index must ask for the same sentences,
    # or the lead is translated twice (and worse)
    from provenance.archive.index import ArchiveItem, prepare_batch
    from provenance.text.document import load_text

    doc = DOCS[0]
    items = [ArchiveItem(f"{doc}/{v}", "test", text=(NTREX / f"{doc}.{v}.txt").read_text(encoding="utf-8"))
             for v in ("sr-Cyrl", "sr-Latn")]
    (cyrillic, latin), skipped = prepare_batch(items, 2, "model")
    assert not skipped and cyrillic.language == "sr-Cyrl" and latin.language == "sr-Latn"
    assert cyrillic.lead == load_text(NTREX / f"{doc}.sr-Cyrl.txt").translation_input[:2]
    assert not re.search("[\u0400-\u04FF]", " ".join(cyrillic.lead))
    assert re.search("[\u0400-\u04FF]", cyrillic.sentences[0])  # the index keeps the text as written


# --- real translation (slow) ---------------------------------------------------------------------

def _small_archive(tmp_path: Path) -> Path:
    jsonl = tmp_path / "small.jsonl"
    # two stories in two translations, four other stories as the rest of the archive (BM25 needs a few
    # documents to tell rare words from common ones)
    pairs = [(doc, variant) for doc in SHORT_DOCS for variant in ("bs", "sr-Cyrl")] + [(doc, "hr") for doc in DOCS[:4]]
    records = [{"id": f"{doc}/{variant}", "text": (NTREX / f"{doc}.{variant}.txt").read_text(encoding="utf-8")}
               for doc, variant in pairs]
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return jsonl


@pytest.mark.slow
def test_translated_leads_and_full_check_find_the_source(tmp_path, translator):
    index = tmp_path / "small.index"
    stats = build_index([_small_archive(tmp_path)], index, translator, lead_sentences=1)
    assert stats.added == 8 and stats.lead_sentences_translated == 8
    db = open_index(index)
    leads = [lead for (lead,) in db.execute("SELECT lead_en FROM articles")]
    # English, also for the Cyrillic articles: Latin script (a name may keep its diacritics, Vučić)
    assert all(lead and not re.search("[\u0400-\u04FF]", lead) for lead in leads), leads
    db.close()
    result = find(NTREX / f"{SHORT_DOCS[1]}.en.txt", index, top=2, translator=translator)
    assert result.ranking[0].id.startswith(SHORT_DOCS[1]) and result.source == result.ranking[0].id
    assert result.ranking[0].bm25_score > 0 and result.ranking[0].lead_words
    data = find_to_dict(result)
    assert data["statistics"]["sentences_translated"] <= data["statistics"]["archive_sentences"] / 2
    assert "wholly derived" in find_html(result) or "partially derived" in find_html(result)


@pytest.mark.slow
def test_two_dask_workers_translate_leads_like_one_process(tmp_path, monkeypatch):
    pytest.importorskip("distributed", reason="dask is an optional extra: pip install 'provenance[dask]'")
    from provenance.archive.project import make_translator
    from provenance.archive.scaleout import WorkerSpec, distribute, translation_pool

    archive = _small_archive(tmp_path)
    # an article twice, in the next batch: its leads are on their way to a worker for the first when the
    # second is sent, and must not be translated again
    lines = archive.read_text(encoding="utf-8").splitlines()
    lines.insert(3, json.dumps({**json.loads(lines[0]), "id": "copy"}, ensure_ascii=False))
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # a folder too, with a file that is not an article: the driver ships the bytes, a worker reads them
    folder = tmp_path / "pages"
    folder.mkdir()
    for doc in SHORT_DOCS:
        (folder / f"{doc}.hr.txt").write_bytes((NTREX / f"{doc}.hr.txt").read_bytes())
    (folder / "scan.txt").write_bytes(b"%PDF-1.4 not an article")
    local_index = tmp_path / "local.index"
    # a cache of its own: the session's translator may hold some of these leads from other tests
    local_stats = build_index([archive, folder], local_index,
                              make_translator(cache_path=tmp_path / "local-cache.sqlite3", progress=False),
                              lead_sentences=2)
    cache = tmp_path / "driver-cache.sqlite3"
    driver = make_translator(cache_path=cache, progress=False)
    dask_index = tmp_path / "dask.index"
    with translation_pool(WorkerSpec(None), workers=2) as pool:  # the driver's defaults
        assert pool.workers == 2
        distribute(driver, pool)

        def in_the_driver(*args):
            raise AssertionError("an article was prepared in the driver, not on a worker")

        monkeypatch.setattr("provenance.archive.index._prepare", in_the_driver)  # this process only
        # batches of 3: several in flight on the workers at once, and they must come back in order
        stats = build_index([archive, folder], dask_index, driver, lead_sentences=2, batch_articles=3, pool=pool)
    assert local_stats.lead_sentences_translated == 20 and local_stats.lead_sentences == 22
    assert stats.lead_sentences_translated == 20 and stats.lead_sentences == 22
    assert stats.skipped == local_stats.skipped and "scan.txt" in stats.skipped[0]
    query = "SELECT id, lead_en FROM articles ORDER BY rowid"
    local = sqlite3.connect(local_index).execute(query).fetchall()
    remote = sqlite3.connect(dask_index).execute(query).fetchall()
    assert [i for i, _ in remote] == [i for i, _ in local]
    # what the workers read, segmented and fingerprinted is what this process does
    for table in ("SELECT a.id, s.position, s.text FROM sentences s JOIN articles a ON a.rowid = s.article",
                  "SELECT a.id, f.key FROM fingerprints f JOIN articles a ON a.rowid = f.article",
                  "SELECT id, language, sentences, fingerprints, text_hash FROM articles"):
        assert sorted(sqlite3.connect(dask_index).execute(table)) == sorted(sqlite3.connect(local_index).execute(table))
    # the same model: the same English, up to what batching and thread counts change in floating point
    assert all(sacrebleu.sentence_chrf(r, [l]).score >= 80 for (_, r), (_, l) in zip(remote, local)), remote
    # the driver alone wrote the cache: every lead sentence is in it
    rows = sqlite3.connect(cache).execute("SELECT COUNT(*) FROM translations").fetchone()[0]
    assert rows == 20

"""The attribution memo (attribution/memo.py): what it gives back is what the extractor finds, and a change
to the extractor's code, cue tables or lexicon data is never answered from the memo."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from provenance.attribution import memo
from provenance.attribution.chain import build_chain
from provenance.attribution.extract import extract_attributions
from provenance.render.chain import chain_to_dict
from provenance.text.document import load_text
from provenance.memo import close_all

TEXTS = sorted((ROOT / "corpora" / "seed" / "texts").glob("*.txt")) + sorted(
    (ROOT / "corpora" / "attribution" / "texts").rglob("*.txt"))


@pytest.fixture
def empty_memo(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_CACHE", str(tmp_path / "memo" / "translations.sqlite3"))
    close_all()  # the memos reconnect where the variable now points
    yield tmp_path / "memo" / "memo.sqlite3"
    close_all()  # and, after the test, where it pointed before


def test_memo_gives_back_exactly_what_the_extractor_finds(empty_memo, monkeypatch):
    texts = [load_text(p) for p in TEXTS]
    assert len(texts) >= 60
    direct = [extract_attributions(t.document.text, t.sentences, t.name) for t in texts]
    assert sum(len(found) for found, _non in direct) > 100 and any(non for _found, non in direct)
    first = [memo.attributions(t.document.text, t.sentences, t.name) for t in texts]
    chains_first = [chain_to_dict(build_chain([t])) for t in texts]

    def no_extraction(*args):
        raise AssertionError("extracted again although the memo holds the text")

    monkeypatch.setattr(memo, "_extract", no_extraction)
    close_all()  # a new connection, as a later run opens
    again = [memo.attributions(t.document.text, t.sentences, t.name) for t in texts]
    assert first == direct and again == direct  # every field, types included (spans as tuples, kinds as CueKind)
    assert [chain_to_dict(build_chain([t])) for t in texts] == chains_first
    # a text under another name: the evidence carries the name it was given
    renamed = memo.attributions(texts[0].document.text, texts[0].sentences, "other.txt")
    assert renamed[0] and {a.evidence.document for a in renamed[0]} == {"other.txt"}
    assert empty_memo.exists()


def test_memo_keys_on_the_sentences_not_only_the_text(empty_memo):
    text = load_text(ROOT / "corpora" / "seed" / "texts" / "article.en.txt")
    memo.attributions(text.document.text, text.sentences, text.name)
    fewer = text.sentences[:3]
    assert memo.attributions(text.document.text, fewer, text.name) == extract_attributions(
        text.document.text, fewer, text.name)


_RUN = """
import json, sys
from provenance.attribution.chain import build_chain
from provenance.attribution.memo import extractor_signature
from provenance.text.document import load_text
chain = build_chain([load_text(sys.argv[1])])
print(json.dumps([extractor_signature(), [(a.node.name, a.kind.value) for a in chain.attributions]]))
"""


def _run(tree: Path, text: Path, cache: Path) -> tuple[str, list]:
    env = dict(os.environ, PYTHONPATH=str(tree), PROVENANCE_CACHE=str(cache / "translations.sqlite3"))
    out = subprocess.run([sys.executable, "-c", _RUN, str(text)], env=env, cwd=tree, check=True,
                         capture_output=True, text=True).stdout
    signature, found = json.loads(out)
    return signature, [tuple(a) for a in found]


def _tree(tmp_path: Path, name: str) -> Path:
    tree = tmp_path / name
    shutil.copytree(ROOT / "provenance", tree / "provenance", ignore=shutil.ignore_patterns("__pycache__"))
    return tree


def test_a_changed_cue_table_or_lexicon_file_is_not_answered_from_the_memo(tmp_path):
    text = tmp_path / "vijest.bs.txt"
    text.write_text("Vlada je u ponedjeljak usvojila prijedlog budžeta za narednu godinu, zvrcka Tanjug.\n",
                    encoding="utf-8")
    cache = tmp_path / "cache"
    original = _tree(tmp_path, "original")
    signature, before = _run(original, text, cache)
    assert ("Tanjug", "reported") not in before  # "zvrcka" is no relay verb
    assert _run(original, text, cache) == (signature, before)  # the same tree: the same signature

    added_verb = _tree(tmp_path, "added-verb")  # a relay verb added to the Serbian/Bosnian/Croatian tables
    tables = added_verb / "provenance" / "lexicon" / "attribution_cues.py"
    source = tables.read_text(encoding="utf-8")
    assert source.count('relay_verbs=("prenosi", ') == 1
    tables.write_text(source.replace('relay_verbs=("prenosi", ', 'relay_verbs=("zvrcka", "prenosi", '),
                      encoding="utf-8")
    changed_signature, after = _run(added_verb, text, cache)  # the same memo as the first runs
    assert changed_signature != signature
    assert ("Tanjug", "reported") in after

    data_changed = _tree(tmp_path, "data-changed")  # any data file of the lexicon counts
    names = data_changed / "provenance" / "lexicon" / "data" / "name_forms.json"
    names.write_text(names.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _run(data_changed, text, cache)[0] not in (signature, changed_signature)


def test_processes_filling_one_memo_at_once_agree(tmp_path):
    cache = tmp_path / "cache"
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROVENANCE_CACHE=str(cache / "translations.sqlite3"))
    command = [sys.executable, "-m", "provenance.cli", "chain", "--json",
               *(str(p) for p in TEXTS[:4])]
    runs = [subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate() for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _out, err in outputs]
    warm = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert {out for out, _err in outputs} == {warm}

"""`provenance translate` and the backend choice, as users run them: real processes, the real model."""
import json
import os
import subprocess
import sys

from conftest import ROOT, SEED, SEED_ARTICLE


def run(*args, env_extra=None):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "provenance.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)


def test_translate_prints_one_english_line_per_sentence(tmp_path):
    source = tmp_path / "vijest.txt"
    source.write_text("Bijela kuća je odbila da komentariše izvještaj.\nVlada je u četvrtak usvojila budžet.\n",
                      encoding="utf-8")
    proc = run("translate", "--one-per-line", source)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    assert "White House" in lines[0] and "budget" in lines[1]


def test_translate_json_names_the_backend_and_passes_english_through():
    proc = run("translate", "--json", SEED / "bs-anadolu.txt", SEED_ARTICLE)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema"] == "provenance.translate/1"
    assert "+ctranslate2-int8-beam2" in data["model_fingerprint"]  # the default backend and decoding
    bosnian, english = data["files"]
    assert bosnian["language"] == "bs" and len(bosnian["sentences"]) > 5
    assert all(s["english"] and s["english"] != s["source"] for s in bosnian["sentences"])
    assert all(s["english"] == s["source"] for s in english["sentences"])


def test_backend_from_environment_and_option_give_separate_cache_keys():
    line = "Bela kuća je odbila da komentariše."
    fingerprints = {}
    for label, args, env in (("env", [], {"PROVENANCE_BACKEND": "transformers"}),
                             ("option", ["--backend", "ctranslate2", "--beams", "1"], {})):
        proc = subprocess.run([sys.executable, "-m", "provenance.cli", "translate", "--json", "-", *args],
                              input=line, capture_output=True, text=True, cwd=ROOT, timeout=300,
                              env=dict(os.environ, **env))
        assert proc.returncode == 0, proc.stderr
        data = json.loads(proc.stdout)
        fingerprints[label] = data["model_fingerprint"]
        assert "comment" in data["files"][0]["sentences"][0]["english"]
    assert fingerprints["option"].endswith("+ctranslate2-int8-beam1")
    assert "ctranslate2" not in fingerprints["env"]


def test_unknown_backend_and_unsupported_language_are_one_line_errors(tmp_path):
    proc = run("translate", "--backend", "moses", SEED_ARTICLE)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    german = tmp_path / "de.txt"
    german.write_text("Die Bundesregierung hat am Donnerstag den Haushalt für das kommende Jahr beschlossen.\n",
                      encoding="utf-8")
    proc = run("translate", german)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "not supported" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1

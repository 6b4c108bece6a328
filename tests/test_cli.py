"""The command line as users run it: real processes, exit statuses, one-line errors."""
import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT, SEED, SEED_ARTICLE, SEED_CANDIDATES, SEED_SOURCE


def run(*args, stdin=None):
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "provenance.cli", *map(str, args)], capture_output=True, text=True,
                          input=stdin, cwd=ROOT, env=env, timeout=300)


def assert_one_line_error(proc, *fragments):
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.mark.slow
def test_check_json_schema_and_exit_status_found():
    proc = run("check", SEED_ARTICLE, *SEED_CANDIDATES[:3], "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema"] == "provenance.check/1"
    assert data["verdict"]["source"] == str(SEED_SOURCE) and data["verdict"]["exit_status"] == 0
    top = next(c for c in data["candidates"] if c["rank"] == 1)
    assert set(top["scores"]) >= {"match_score", "label", "chrf", "bleu", "coverage_english", "coverage_source"}
    assert top["language"]["code"] == "bs"
    assert len(top["pairs"]) == 11 and top["pairs"][0]["english"] == [0]
    assert data["chain"]["main_chain_text"] == "Bloomberg → nova.rs → Anadolu Agency → correspondent D.I."


@pytest.mark.slow
def test_check_exit_status_3_when_no_candidate_is_a_source():
    proc = run("check", SEED_ARTICLE, SEED / "bs-tramvaj.txt", SEED / "sr-Cyrl-budzet.txt")
    assert proc.returncode == 3, proc.stderr
    assert "no candidate is a source" in proc.stdout


@pytest.mark.slow
def test_check_text_and_markdown_reports():
    text = run("check", SEED_ARTICLE, *SEED_CANDIDATES)
    assert text.returncode == 0
    assert "Verdict" in text.stdout and "bs-anadolu.txt is the most likely source" in text.stdout
    assert "Bloomberg → nova.rs → Anadolu Agency → correspondent D.I." in text.stdout
    md = run("check", SEED_ARTICLE, *SEED_CANDIDATES[:2], "--format", "markdown")
    assert md.stdout.startswith("# provenance check")
    assert "| 1 | `" in md.stdout and "## Citation chain" in md.stdout


@pytest.mark.slow
def test_text_report_keeps_prose_lines_whole_when_piped(tmp_path):
    # A piped report is 80 columns wide; long paths must not break the verdict or chain across lines
    # (a grep for "is the most likely source" has to find the whole sentence).
    deep = tmp_path / ("a-rather-long-folder-name-for-the-newsroom-archive" * 2) / "2026-11"
    deep.mkdir(parents=True)
    copies = []
    for path in (SEED_ARTICLE, SEED_SOURCE):
        copy = deep / path.name
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    proc = run("check", *copies)
    assert proc.returncode == 0, proc.stderr
    verdict = next(line for line in proc.stdout.splitlines() if line.startswith("Verdict:"))
    assert f"{copies[1]} is the most likely source" in verdict and verdict.endswith("over the next candidate).")
    assert any(line.startswith("Citation chain: Bloomberg → nova.rs") for line in proc.stdout.splitlines())


@pytest.mark.slow
def test_stdin_article():
    proc = run("check", "-", SEED_SOURCE, "--json", "--no-chain", stdin=SEED_ARTICLE.read_text(encoding="utf-8"))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["article"]["path"] == "-"


def test_bad_inputs_give_one_line_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert_one_line_error(run("check", tmp_path / "missing.txt", SEED_SOURCE), "missing.txt", "no such file")
    assert_one_line_error(run("check", SEED_ARTICLE, empty), "empty")
    assert_one_line_error(run("check", SEED_ARTICLE, binary), "binary")
    assert_one_line_error(run("check", SEED_SOURCE, SEED_ARTICLE), "must be in English")
    assert_one_line_error(run("check", SEED_ARTICLE, SEED_SOURCE, "--model", tmp_path), "no config.json")
    assert_one_line_error(run("check", SEED_ARTICLE, SEED_SOURCE, "--model", tmp_path / "nope"), "no such directory")
    assert_one_line_error(run("chain", tmp_path / "missing.txt"), "no such file")
    assert_one_line_error(run("evaluate", tmp_path), "no manifest.json")


def test_inputs_are_never_overwritten(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SEED_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = article.read_bytes()
    assert_one_line_error(run("check", article, SEED_SOURCE, "-o", article), "refusing to overwrite")
    assert article.read_bytes() == before


@pytest.mark.slow
def test_output_file_and_html_option(tmp_path):
    out, html = tmp_path / "r.json", tmp_path / "r.html"
    proc = run("check", SEED_ARTICLE, SEED_SOURCE, "--json", "-o", out, "--html", html)
    assert proc.returncode == 0 and proc.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["verdict"]["source"] == str(SEED_SOURCE)
    assert "<svg" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt,expected", [
    ("dot", '"bloomberg" -> "nova.rs"'), ("mermaid", "==>|relay|"), ("markdown", "| Bloomberg | nova.rs | relay |"),
])
def test_chain_formats(fmt, expected):
    proc = run("chain", SEED_ARTICLE, "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    assert expected in proc.stdout


def test_chain_json_has_offsets_into_the_input():
    proc = run("chain", SEED_ARTICLE, "--json")
    data = json.loads(proc.stdout)
    assert data["schema"] == "provenance.chain/1"
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    for attribution in data["attributions"]:
        ev = attribution["evidence"]
        assert text[ev["source_start"]:ev["source_end"]] == ev["source_text"]
        assert text[ev["cue_start"]:ev["cue_end"]] == ev["cue"]


def test_version_and_help():
    assert run("--version").stdout.startswith("provenance, version")
    assert "Exit status 0" in run("check", "--help").stdout


def test_evaluation_table_and_json_carry_the_same_signature():
    text = run("evaluate", ROOT / "corpora" / "seed", "--task", "variant")
    data = json.loads(run("evaluate", ROOT / "corpora" / "seed", "--task", "variant", "--json").stdout)
    assert text.returncode == 0, text.stderr
    signature = data["signature"]
    assert {"model", "backend", "beams", "align", "score", "variant", "chrF", "BLEU"} <= set(signature)
    assert signature["chrF"].startswith("nrefs:1|") and "nc:6" in signature["chrF"]
    assert "margin=0.0" in signature["align"] and "derived=0.4" in signature["score"]
    assert f"signature: {data['signature_text']}" in text.stdout  # the table prints it whole, brackets and all

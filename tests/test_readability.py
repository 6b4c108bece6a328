"""What a user sees (issue 14): the text report piped at 80 columns, verdicts that claim only what
was compared, one non-source per real-world entity, chain formats that agree, progress in logs."""
import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SEED_ARTICLE, SEED_CANDIDATES, SEED_SOURCE

from provenance.attribution.chain import build_chain
from provenance.compare.check import check
from provenance.render.chain import cue_words, document_labels
from provenance.render.check import check_to_dict
from provenance.render.rows import short_names, verdict_sentence
from provenance.text.document import load_text


def run(*args, env=None):
    full_env = {**os.environ, "COLUMNS": "80", **(env or {})}
    return subprocess.run([sys.executable, "-m", "provenance.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=full_env, timeout=600)


# --- (a) names ----------------------------------------------------------------------------------

def test_piped_80_columns_keeps_every_candidate_name_whole():
    proc = run("check", SEED_ARTICLE, *SEED_CANDIDATES)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    table = lines[lines.index(next(line for line in lines if line.strip() == "Candidates")):]
    table = table[:next(k for k, line in enumerate(table) if line.startswith("No added") or line.startswith("Differ"))]
    for candidate in SEED_CANDIDATES:  # bs-anadolu.txt and bs-tramvaj.txt must not both read "corpora/…"
        assert any(candidate.name in line for line in table), (candidate.name, "\n".join(table))
    assert "…" not in "\n".join(table)
    assert all(len(line) <= 80 for line in table)


def test_short_names_add_folders_only_where_file_names_clash():
    names = short_names(["corpora/a/texts/x.txt", "corpora/b/texts/x.txt", "corpora/a/texts/y.txt"])
    assert names == {"corpora/a/texts/x.txt": "a/texts/x.txt", "corpora/b/texts/x.txt": "b/texts/x.txt",
                     "corpora/a/texts/y.txt": "y.txt"}
    assert short_names(["x.txt", "x.txt"]) == {"x.txt": "x.txt"}


def test_same_file_name_in_two_folders_stays_apart_in_the_table(tmp_path):
    copies = []
    for folder in ("agency-copy", "portal-copy"):
        (tmp_path / folder).mkdir()
        copy = tmp_path / folder / "source.txt"
        copy.write_bytes(SEED_SOURCE.read_bytes())
        copies.append(copy)
    proc = run("check", SEED_ARTICLE, *copies)
    assert proc.returncode == 0, proc.stderr
    assert "agency-copy/source.txt" in proc.stdout and "portal-copy/source.txt" in proc.stdout


# --- (b) margins --------------------------------------------------------------------------------

def test_single_candidate_makes_no_margin_claim(translator):
    result = check(SEED_ARTICLE, [SEED_SOURCE], translator=translator)
    sentence = verdict_sentence(result)
    assert "margin" not in sentence and "no other candidate to compare" in sentence
    assert check_to_dict(result)["verdict"]["margin"] is None
    two = check(SEED_ARTICLE, SEED_CANDIDATES[:2], translator=translator)
    assert "margin" in verdict_sentence(two) and check_to_dict(two)["verdict"]["margin"] == two.margin


def test_other_candidate_unsupported_makes_no_margin_claim(tmp_path, translator):
    german = tmp_path / "de.txt"
    german.write_text("Die Regierung hat am Mittwoch neue Regeln für die Einwanderung beschlossen. "
                      "Der Minister sagte, die Maßnahmen würden im nächsten Jahr in Kraft treten.\n", encoding="utf-8")
    result = check(SEED_ARTICLE, [SEED_SOURCE, german], translator=translator)
    assert any(c.note for c in result.candidates)
    assert "margin" not in verdict_sentence(result)


# --- (c) the citation section -------------------------------------------------------------------

def test_one_non_source_per_real_world_entity(seed_result):
    chain = seed_result.chain
    names = [a.node.name for a in chain.non_sources]
    assert len(names) == 3, names  # White House, State Department, the Serbian foreign ministry
    assert sum(n in ("White House", "Bijela kuća") for n in names) == 1
    assert sum("Ministry" in n or "Ministarstvo" in n for n in names) == 1
    white_house = next(a for a in chain.non_sources if a.node.name == "White House")
    assert chain.also_named[white_house.node.key] == ["Bijela kuća"]
    data = check_to_dict(seed_result)["chain"]
    assert len(data["non_sources"]) == 3


def test_cues_are_whole_words_and_evidence_names_the_document(seed_result, tmp_path):
    chain = seed_result.chain
    for evidence in [e for edge in chain.edges for e in edge.evidence] + [a.evidence for a in chain.non_source_mentions]:
        cue = cue_words(evidence)
        assert cue and cue[0] not in ",;:–—"
        words = re.findall(r"\w+", evidence.sentence)
        assert all(w in words for w in re.findall(r"\w+", cue)), (cue, evidence.sentence)
    proc = run("check", SEED_ARTICLE, *SEED_CANDIDATES)
    assert "odgovor”" not in proc.stdout and "“," not in proc.stdout
    assert "(article s11)" in proc.stdout and "(bs-anadolu s" in proc.stdout
    assert not re.search(r"\(s\d+\)", proc.stdout)
    assert document_labels(["corpora/seed/texts/article.en.txt", "x/bs-anadolu.txt"]) == {
        "corpora/seed/texts/article.en.txt": "article", "x/bs-anadolu.txt": "bs-anadolu"}


# --- (e) help -----------------------------------------------------------------------------------

def test_top_level_help_keeps_every_command_summary_whole():
    for columns in ("80", "50"):
        proc = run("--help", env={"COLUMNS": columns})
        commands = proc.stdout.split("Commands:")[1]
        assert "..." not in commands and "…" not in commands
        assert {"check", "chain", "evaluate", "report"} <= {line.split()[0] for line in commands.splitlines() if line.strip()}


# --- (f) chain formats --------------------------------------------------------------------------

def _dot(text):
    edges = set(re.findall(r"^\s*(\w+) -> (\w+) \[", text, re.M))
    cluster = text.split("subgraph cluster_not_sources", 1)[1] if "cluster_not_sources" in text else ""
    return edges, set(re.findall(r"^\s*(\w+) \[label=", cluster, re.M))


def _mermaid(text):
    edges = set(re.findall(r"^\s*(\w+) (?:==>|-->)\|\w+\| (\w+)$", text, re.M))
    return edges, set(re.findall(r"^\s*(\w+)\[.*\]:::nonsource$", text, re.M))


def test_every_chain_format_carries_the_same_nodes_edges_and_non_sources():
    files = (SEED_ARTICLE, SEED_SOURCE)
    data = json.loads(run("chain", *files, "--json").stdout)
    edges = {(e["source"], e["target"]) for e in data["edges"]}
    non_sources = {n["node"] for n in data["non_sources"]}
    assert edges and non_sources
    dot, mermaid = run("chain", *files, "--format", "dot").stdout, run("chain", *files, "--format", "mermaid").stdout
    assert _dot(dot) == _mermaid(mermaid) == (edges, non_sources)
    names = {n["name"] for n in data["nodes"]} | {n["name"] for n in data["non_sources"]}
    for fmt in ("markdown", "text"):
        out = run("chain", *files, "--format", fmt).stdout
        assert all(name in out for name in names), fmt
    ids = {n["id"] for n in data["nodes"]}
    assert "byline_correspondent_d_i" in ids and all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids)
    again = json.loads(run("chain", *files, "--json").stdout)
    assert [n["id"] for n in again["nodes"]] == [n["id"] for n in data["nodes"]]


def test_node_ids_do_not_depend_on_the_order_of_texts():
    forward = build_chain([load_text(SEED_ARTICLE), load_text(SEED_SOURCE)])
    alone = build_chain([load_text(SEED_SOURCE)])
    from provenance.render.chain import node_id

    assert [node_id(n) for n in alone.main] == [node_id(n) for n in forward.main]


# --- (d) progress -------------------------------------------------------------------------------

@pytest.mark.slow
def test_non_terminal_long_run_prints_progress_and_quiet_silences_it(tmp_path):
    # sentences nobody translated before (--no-cache): the model really works; stderr is a pipe.
    # Enough of them that even the fast CTranslate2 default takes several progress intervals.
    towns = ("Tuzla", "Zenica", "Bihać", "Mostar", "Goražde", "Jajce", "Konjic", "Visoko", "Livno")
    sentences = [f"Općina {towns[n % len(towns)]} je u utorak otvorila novu školu za {n} učenika." for n in range(100, 180)]
    text = tmp_path / "bs-novo.txt"
    text.write_text(" ".join(sentences) + "\n", encoding="utf-8")
    total = len(sentences)
    env = {"PROVENANCE_PROGRESS_SECONDS": "0.2"}
    loud = run("check", "--no-cache", SEED_ARTICLE, text, env=env)
    assert loud.returncode in (0, 3), loud.stderr
    lines = [line for line in loud.stderr.splitlines() if line.startswith("provenance: translating")]
    assert len(lines) >= 2 and re.fullmatch(rf"provenance: translating \d+/{total} \(\d+%\), \d+ s.*", lines[0])
    assert lines[-1].startswith(f"provenance: translating {total}/{total} (100%)")
    quiet = run("check", "--no-cache", "--quiet", SEED_ARTICLE, text, env=env)
    assert quiet.returncode == loud.returncode and "translating" not in quiet.stderr


# --- (h) machine translations -------------------------------------------------------------------

def test_details_say_once_that_the_compact_model_is_rough(translator):
    from rich.console import Console

    from provenance.render.check import print_check

    result = check(SEED_ARTICLE, [SEED_SOURCE], translator=translator)
    console = Console(record=True, width=80, file=open(os.devnull, "w"))
    print_check(result, console, details=True)
    text = console.export_text()
    assert text.count("compact offline model") == 1
    assert "--model Helsinki-NLP/opus-mt-zls-en" in text
    assert text.index("compact offline model") < text.index("Alignment with bs-anadolu.txt")
    first_translation = result.ranking[0].translations[0].split()[:3]
    assert " ".join(first_translation) in " ".join(text.split())  # the translation is shown beside its source

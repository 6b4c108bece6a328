import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED_ARTICLE, SEED_CANDIDATES, SEED_SOURCE

from provenance.compare.check import check
from provenance.render.html import check_html, check_report_model, evidence_colour, row_strength

ARTIFACTS = ROOT / "tests" / "artifacts"
COMPILED_CASE = "compiled/guardian.221756"  # a dev case: two sources of 13 English sentences


@pytest.mark.slow
def test_report_model_rows_and_colours(seed_result):
    model = check_report_model(seed_result)
    assert model["found"] and model["top"] == str(SEED_SOURCE) and model["top_name"] == "bs-anadolu.txt"
    assert len(model["rows"]) == 11 and all(r.status == "match" for r in model["rows"])
    assert model["graph"].nodes[0].name == "Bloomberg" and model["graph"].nodes[0].main
    # the upstream Serbian text, also (partly) a source, gets its own folded view with its extra paragraphs
    assert [o["name"] for o in model["others"]] == ["sr-Latn-nova.txt"]
    assert any(r.status == "omitted" and "Ruanda" in r.source for r in model["others"][0]["rows"])
    assert [n.name for n in model["graph"].nodes if n.non_source] == [
        "White House", "State Department", "Serbian Ministry of Foreign Affairs"]
    assert model["translation_note"] and "--model Helsinki-NLP/opus-mt-zls-en" in model["translation_note"][1]
    # the scale: three classes, strong rows graded by how far their chrF stands above the background
    assert {r.strength for r in model["rows"]} <= {"strong", "weak", "absent"}
    assert sum(r.strength == "strong" for r in model["rows"]) >= 8
    assert len({r.colour for r in model["rows"] if r.strength == "strong"}) >= 3  # not one flat green
    assert evidence_colour("absent") != evidence_colour("weak") != evidence_colour("strong")
    assert row_strength(True, 1.0, "added") == "absent" and row_strength(False, 0.4, "match") == "weak"
    assert row_strength(True, 1.0, "match") == "strong" and row_strength(False, 0.0, "match") == "absent"


@pytest.mark.slow
def test_report_is_self_contained(seed_result):
    html = check_html(seed_result)
    assert "<svg" in html and "<style>" in html
    for needle in ("http://", "https://", "<script", "<link", "src="):
        assert needle not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


@pytest.mark.slow
def test_input_text_is_escaped(tmp_path, translator):
    hostile = tmp_path / "hostile.en.txt"
    hostile.write_text(SEED_ARTICLE.read_text(encoding="utf-8") + "\n<script>alert('x')</script> and <b>bold</b> text here.\n",
                       encoding="utf-8")
    result = check(hostile, [SEED_SOURCE], translator=translator)
    html = check_html(result)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


@pytest.mark.slow
def test_cyrillic_and_many_candidates_render(translator):
    result = check(SEED_ARTICLE, SEED_CANDIDATES, translator=translator)
    html = check_html(result)
    assert "sr-Cyrl-budzet.txt" in html and html.count("<tr><td class=\"num\">") == 5


def _chromium() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture
def chrome(tmp_path):
    """A headless Chromium driven by selenium (skips where either is missing)."""
    tools = _chromium()
    if tools is None:
        pytest.skip("Chromium/ChromeDriver not installed (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = tools[0]
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
                 "--window-size=1400,3000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(tools[1]), options=options)
    yield driver
    driver.quit()


@pytest.mark.slow
@pytest.mark.browser
def test_seed_report_in_a_real_browser(seed_result, tmp_path, chrome):
    from selenium.webdriver.common.by import By

    report = tmp_path / "seed-report.html"
    report.write_text(check_html(seed_result), encoding="utf-8")
    driver = chrome
    if True:
        driver.get(report.as_uri())
        verdict = driver.find_element(By.ID, "verdict")
        assert verdict.is_displayed() and "bs-anadolu.txt is the most likely source" in verdict.text
        rows = driver.find_elements(By.CSS_SELECTOR, "#pairs tr.pair")
        assert len(rows) == 11 and all(r.is_displayed() for r in rows)
        colours = {r.value_of_css_property("background-color") for r in rows}
        assert all(c not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)") for c in colours)
        graph = driver.find_element(By.ID, "chain-graph")
        assert graph.is_displayed() and graph.size["width"] > 400
        labels = [t.text for t in graph.find_elements(By.CSS_SELECTOR, "g.node text")]
        for name in ("Bloomberg", "nova.rs", "Anadolu Agency", "correspondent D.I."):
            assert name in labels
        assert len(graph.find_elements(By.CSS_SELECTOR, "g.edge line")) >= 3
        # non-sources drawn apart, greyed, saying what they did, one per entity across languages
        apart = graph.find_elements(By.CSS_SELECTOR, "g.node.nonsource")
        assert [" ".join(t.text for t in g.find_elements(By.TAG_NAME, "text")[:-1]) for g in apart] == [
            "White House", "State Department", "Serbian Ministry of Foreign Affairs"]
        assert "declined to comment" in apart[0].text and all(g.is_displayed() for g in apart)
        main_y = min(float(g.find_element(By.TAG_NAME, "rect").get_attribute("y")) for g in
                     graph.find_elements(By.CSS_SELECTOR, "g.node:not(.nonsource)"))
        assert all(float(g.find_element(By.TAG_NAME, "rect").get_attribute("y")) > main_y + 100 for g in apart)
        assert apart[0].find_element(By.TAG_NAME, "rect").get_attribute("fill") == "#f9fafb"
        note = driver.find_element(By.ID, "mt-note")
        assert note.is_displayed() and "--model Helsinki-NLP/opus-mt-zls-en" in note.text
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "seed-report.png"
        assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


@pytest.mark.slow
@pytest.mark.browser
def test_compiled_report_in_a_real_browser(tmp_path, chrome, translator):
    """A compiled article of corpora/hard: the verdict names both parts, the map's colour band beside the
    English has one colour per part, and the side-by-side rows use the three classes of the scale."""
    from selenium.webdriver.common.by import By

    hard = ROOT / "corpora" / "hard"
    case = next(c for c in json.loads((hard / "manifest.json").read_text(encoding="utf-8"))["cases"]
                if c["id"] == COMPILED_CASE)
    result = check(hard / case["article"], [hard / c["path"] for c in case["candidates"]], translator=translator,
                   one_per_line=True, with_chain=False)
    report = tmp_path / "compiled-report.html"
    report.write_text(check_html(result), encoding="utf-8")
    chrome.get(report.as_uri())
    verdict = chrome.find_element(By.ID, "verdict").text
    assert "compiled from" in verdict and all(Path(p).name in verdict for p in case["gold"]["sources"])
    bands = chrome.find_elements(By.CSS_SELECTOR, "#sentence-map td.band")
    assert len(bands) == len(case["gold"]["sentence_map"]) and all(b.is_displayed() for b in bands)
    colours = {b.value_of_css_property("background-color") for b in bands if "strong" in b.get_attribute("class")}
    assert len(colours) == 2  # one per part
    rows = chrome.find_elements(By.CSS_SELECTOR, "#pairs tr.pair")
    assert {r.get_attribute("class").split()[2] for r in rows} >= {"strong", "absent"}
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "compiled-report.png"
    chrome.set_window_size(1400, 2600)
    assert chrome.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


def test_evaluation_html_page(tmp_path):
    out = tmp_path / "ev.html"
    proc = subprocess.run([sys.executable, "-m", "provenance.cli", "evaluate", str(ROOT / "corpora" / "seed"), "--task", "variant",
                           "--html", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "Variant confusion" in html and "<table class=\"confusion\">" in html


@pytest.mark.slow
def test_long_article_renders_every_row(tmp_path, translator):
    sentences = [f"Report number {i} says that {i * 7} people met the mayor of town {i % 17} on day {i % 28}."
                 for i in range(300)]
    article = tmp_path / "long.en.txt"
    article.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    candidate = tmp_path / "candidate.en.txt"
    candidate.write_text("\n".join(sentences[:150] + sentences[160:]) + "\n", encoding="utf-8")
    result = check(article, [candidate], translator=translator)
    html = check_html(result)
    assert html.count('<tr class="pair match') == 290
    assert html.count('<tr class="pair added') == 10

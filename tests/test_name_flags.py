"""Name flags an editor can trust: names compared on the original source words, a confidence per flag,
only confident flags shown unless --all-flags."""
import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT

from provenance.compare.name_flags import name_flags
from provenance.lexicon.names import (case_endings, english_forms, english_respelled, is_common_local, is_english_word,
                                      local_stems)


def confident(flags):
    return [f for f in flags if f.confident]


def test_a_name_the_compact_model_garbles_is_not_flagged():
    # NTREX: the source spells both footballers the Serbian way; the translation loses them entirely
    en = "Sturridge received a pass from Xherdan Shaqiri while about 30 yards out from the Chelsea goal."
    src = "Staridž je primio dodavanje od Džerdana Šaćirija na 27 metara od gola Čelsija."
    mt = "Older received a 1-0-kilometre Supda to 27 metres since his guest."
    assert confident(name_flags(en, src, mt, "sr-Latn")) == []


def test_names_with_case_endings_in_cyrillic_are_not_flagged():
    en = "Pompeo is planning to visit Pyongyang next month to prepare for a second Kim-Trump summit."
    src = "Помпео планира да посети Пјонгјанг следећег месеца у склопу припрема за други самит између Кима и Трампа."
    mt = "Pestrian plans to visit Beijing next month in a studience for another year between China and Trammas."
    assert confident(name_flags(en, src, mt, "sr-Cyrl")) == []


def test_a_changed_name_is_flagged_with_the_name_it_replaces():
    en = "\"I yelled at everyone to get out of the water,\" Peterson added."
    src = "„Viknuo sam svima da izađu iz vode“, dodao je Hammel."
    mt = "\"I shouted at everyone to get out of the water,\" Hammel added."
    flags = confident(name_flags(en, src, mt, "hr"))
    assert [(f.english, f.source) for f in flags] == [("Peterson", "Hammel")]
    assert flags[0].confidence >= 0.9


def test_a_changed_name_beside_a_kept_one_is_flagged():
    en = "Prime Minister Gordon May accused critics of her plans of playing politics."
    src = "Premijerka Theresa May optužila je kritičare svog plana da se igraju politike."
    mt = "Prime Minister Theresa May accused critics of her plan of playing politics."
    flags = confident(name_flags(en, src, mt, "hr"))
    assert [f.source for f in flags] == ["Theresa"] and "Gordon" in flags[0].english  # May: a month to the extractor


def test_an_institution_translated_into_words_is_only_a_weak_flag():
    en = "This was the first time the Navy has returned a ship to a shipbuilder after delivery."
    src = "Ovo je prvi put da je mornarica vratila brod brodograditelju nakon isporuke."
    mt = "This is the first time that the boat was returned to a boat boat after the delivery."
    flags = name_flags(en, src, mt, "hr")
    assert [f.english for f in flags] == ["Navy"]  # still there for --all-flags
    assert not flags[0].confident and flags[0].source == ""


def test_declension_tables_per_language():
    assert "tramp" in local_stems("Trampom", "sr-Latn")
    assert "dzonson" in local_stems("Џонсона", "sr-Cyrl")
    assert "johnny" in local_stems("Johnnyju", "hr")
    assert "omu" in case_endings("hr") and "omu" not in case_endings("sr-Latn")  # Croatian dative -omu
    assert local_stems("Ria", "bs") == ("ria",)  # no stem shorter than three letters


def test_english_spelling_as_the_source_writes_it():
    assert english_respelled("Shaqiri") == "sakiri"
    assert english_respelled("Jones") == "dzones"
    assert "jejl" in english_forms("Yale") and "dejli" in english_forms("Daley")  # Jejl, Dejli: the sound a spells


def test_a_transliterated_place_is_not_flagged():
    en = "Mike Lee and Orrin Hatch, both of Utah, were named in the release."
    src = "Мајк Ли и Орин Хеч, обојица из Јуте, наведени су у објави."
    assert confident(name_flags(en, src, "", "sr-Cyrl")) == []


def test_common_word_lexicons():
    assert is_common_local("Odbora", "sr-Latn") and is_common_local("Mreže", "hr")  # Odbor, Mreža
    assert not is_common_local("Birkenheadu", "bs") and not is_common_local("Hammel", "hr")
    assert is_english_word("Navy") and is_english_word("Dwarfs") and not is_english_word("Kowalczyk")


def run(*args):
    return subprocess.run([sys.executable, "-m", "provenance.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=dict(os.environ), timeout=300)


ENGLISH = [
    "The newest report from the Florida commission shows a general decrease in concentrations near Tampa Bay.",
    "A bloom the Red Tide extends approximately 130 miles of coastline from northern Pinellas to southern Lee counties.",
    "Officials in Sarasota said that beaches would stay open through the weekend.",
    "\"We are watching the water every day,\" Peterson said on Friday.",
]
SOURCE = [
    "Najnoviji izvještaj komisije Floride pokazuje generalni pad koncentracije u blizini zaljeva Tampa.",
    "Površina cvjetanja mora se prostire na oko 130 milja obale od okruga Pinellas na sjeveru do okruga Lee na jugu.",
    "Zvaničnici u Sarasoti rekli su da će plaže ostati otvorene tokom vikenda.",
    "„Svaki dan pratimo vodu“, rekao je Hammel u petak.",
]


@pytest.mark.slow
def test_all_flags_shows_the_weak_name_flags_and_json_carries_every_confidence(tmp_path):
    article, source = tmp_path / "article.en.txt", tmp_path / "source.bs.txt"
    article.write_text("\n".join(ENGLISH) + "\n", encoding="utf-8")
    source.write_text("\n".join(SOURCE) + "\n", encoding="utf-8")
    args = ("check", article, source, "--one-per-line", "--no-chain", "--format", "markdown")
    shown, everything = run(*args), run(*args, "--all-flags")
    assert shown.returncode == everything.returncode == 0, shown.stderr + everything.stderr
    assert "names differ: English Peterson / source Hammel" in shown.stdout  # the changed name: confident
    assert "Red Tide" not in shown.stdout  # the institution translated into words: a weak flag, hidden
    assert "names differ: English Red Tide / source –" in everything.stdout  # ... shown with --all-flags
    assert "names differ: English Peterson / source Hammel" in everything.stdout
    data = json.loads(run("check", article, source, "--one-per-line", "--no-chain", "--json").stdout)
    pairs = data["candidates"][0]["pairs"]
    flags = {f["english"]: f for p in pairs for f in p["name_flags"]}
    assert flags["Peterson"]["confident"] and flags["Peterson"]["source"] == "Hammel"
    assert not flags["Red Tide"]["confident"] and 0 < flags["Red Tide"]["confidence"] < 0.5
    shown_names = [n for p in pairs for n in p["names"]["english_only"]]
    assert "Peterson" in shown_names and "Red Tide" not in shown_names

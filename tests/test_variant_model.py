"""The committed variant model: decisions, hedges, evidence, levels, refusals, and what the file holds."""
import json
import subprocess
import sys

import numpy as np
import pytest
from conftest import ROOT

from provenance.evaluation.metrics import calibration_metrics, variant_level_metrics
from provenance.lexicon.script import to_latin
from provenance.lexicon.variants import FUNCTION_WORDS
from provenance.text.language import identify_language
from provenance.text.variant_model import MODEL_PATH, VariantGuess, default_model

SR = ["Vlada Srbije saopštila je posle sednice da će sledeće nedelje usvojiti budžet za narednu godinu.",
      "Predsednik je rekao da deca u Beogradu dobijaju nove škole i da je cena projekta hiljadu evra.",
      "Ministar je naveo da je vreme da se reše problemi u zdravstvu, a opozicija tvrdi da to nije tačno.",
      "Prema rečima direktora, preduzeće je prošle godine ostvarilo gubitak od dva miliona dinara."]
HR = ["Vlada je nakon sjednice priopćila da će sljedećeg tjedna usvojiti proračun za iduću godinu.",
      "Predsjednik je rekao da djeca u Zagrebu dobivaju nove škole i da je cijena projekta tisuću eura.",
      "Ministar je naveo da je vrijeme da se riješe problemi u zdravstvu, a oporba tvrdi da to nije točno.",
      "Prema riječima ravnatelja, tvrtka je prošle godine ostvarila gubitak od dva milijuna kuna."]
BS = ["Vijeće ministara BiH saopćilo je nakon sjednice da će sljedeće sedmice usvojiti budžet institucija.",
      "Predsjedavajući je rekao da djeca u Sarajevu dobijaju nove škole i da historija pokazuje koliko je hiljada "
      "građana otišlo."]


def _cyrillic(text: str) -> str:
    table = {"lj": "љ", "nj": "њ", "dž": "џ"}
    single = dict(zip("abvgdđežzijklmnoprstćufhcčš", "абвгдђежзијклмнопрстћуфхцчш"))
    out, i = [], 0
    while i < len(text):
        pair, ch = text[i:i + 2].lower(), text[i]
        if pair in table:
            out.append(table[pair].upper() if ch.isupper() else table[pair])
            i += 2
            continue
        cyr = single.get(ch.lower(), ch)
        out.append(cyr.upper() if ch.isupper() else cyr)
        i += 1
    return "".join(out)


@pytest.mark.parametrize("sentences,variant", [(SR, "sr"), (HR, "hr"), (BS, "bs")])
def test_sentences_and_documents_get_their_variant(sentences, variant):
    model = default_model()
    document, per_sentence = model.combine(sentences)
    assert document.best == variant and document.probability > 0.9 and not document.mixed
    assert sum(g.best == variant for g in per_sentence) >= len(sentences) - 1
    assert abs(sum(document.posterior.values()) - 1) < 1e-6


def test_cyrillic_reads_like_its_latin_transliteration():
    model = default_model()
    latin = model.sentence(SR[0]).posterior
    cyrillic_text = _cyrillic(SR[0])
    assert to_latin(cyrillic_text) == SR[0]
    cyrillic = model.sentence(cyrillic_text).posterior
    assert all(abs(latin[k] - cyrillic[k]) < 1e-5 for k in latin)
    assert identify_language(" ".join(_cyrillic(s) for s in SR)).code == "sr-Cyrl"


def test_evidence_names_the_markers_that_decided():
    guess = default_model().sentence(HR[0])
    joined = " ".join(guess.evidence)
    assert "tjedna" in joined and "Croatian word" in joined
    serbian = " ".join(default_model().sentence(SR[0]).evidence)
    assert "ekavian" in serbian and ("sledeće" in serbian or "posle" in serbian)


def test_markers_tell_the_infinitive_from_da_and_the_present():
    from provenance.lexicon.variants import MARKERS

    croatian, serbian = "vlada može usvojiti budžet", "vlada može da usvoji budžet"
    assert MARKERS["#modal-infinitive"].search(croatian) and not MARKERS["#modal-infinitive"].search(serbian)
    assert MARKERS["#da-present"].search(serbian) and not MARKERS["#da-present"].search(croatian)
    assert MARKERS["#bosnian"].search("historija pokazuje koliko je hiljada građana otišlo")


def test_evidence_leaves_out_function_words():
    """'je', 'u', 's' carry weight in the model but say nothing to a reader: the evidence shows other words."""
    shown = set()
    for text in HR + SR + BS:
        evidence = default_model().sentence(text, evidence=12).evidence
        shown |= {item for item in evidence if " (" not in item}
    assert len(shown) >= 5 and not shown & FUNCTION_WORDS, shown


def test_close_calls_are_answered_with_both_variants():
    close = VariantGuess({"hr": 0.52, "bs": 0.45, "sr": 0.03})
    assert close.uncertain and close.answer == "hr|bs"
    clear = VariantGuess({"hr": 0.9, "bs": 0.08, "sr": 0.02})
    assert not clear.uncertain and clear.answer == "hr"


def test_a_document_whose_sentences_disagree_is_mixed():
    document, per_sentence = default_model().combine(HR + SR)
    assert document.mixed, document.as_dict()
    other = "sr" if document.best == "hr" else "hr"
    assert document.mixed.get(other, 0) >= 2 and document.answer.endswith("+mixed")


def test_montenegrin_is_not_called_serbian_or_bosnian_with_confidence():
    text = ("Đe si bio juče? Sjutra ćemo viđeti šta će biti u Podgorici, rekao je on. "
            "Đevojke su otišle đe su i lani bile, a śutra se vraćaju kući.")
    lang = identify_language(text)
    assert lang.label.startswith("cnr?") and lang.confidence <= 0.5 and lang.variant["montenegrin_signs"]


def test_macedonian_without_its_own_letters_is_refused():
    macedonian = "Владата на Македонија го усвои буџетот, изјави министерот за финансии. Тој рече дека е задоволен."
    lang = identify_language(macedonian)
    assert lang.code != "sr-Cyrl" and not lang.supported
    serbian = "Влада Србије је усвојила буџет, изјавио је министар финансија. Он је рекао да је задовољан."
    assert identify_language(serbian).code == "sr-Cyrl"


def test_committed_model_holds_no_text():
    """Only character n-grams of up to 5 and single words, each seen in several sentences: no DSL sentence
    can be rebuilt from the file."""
    data = np.load(MODEL_PATH, allow_pickle=False)
    vocab = bytes(data["vocab"]).decode("utf-8").split("\n")
    assert len(vocab) == data["sparse_weights"].shape[0] > 10000
    for feature in vocab:
        assert (feature.startswith("w:") and " " not in feature) or len(feature) <= 5
    assert "min_df=3" in str(data["signature"])
    # a stack of members: three scores each, one map from all of them to the three classes (sentences),
    # and a map of the first member's scores alone (texts of several sentences)
    assert data["sparse_weights"].shape[1] == data["bias"].shape[0] == data["calibration"].shape[0] > 3
    assert data["text_calibration"].shape == (3, 3)


def test_evaluation_figures_for_variants():
    outcomes = [{"gold": "hr", "predicted": "hr", "probability": 0.9, "sentences": [["hr", 0.8, False], ["bs", 0.55, True]]},
                {"gold": "bs", "predicted": "hr", "probability": 0.6, "sentences": [["bs", 0.9, False]]}]
    figures = variant_level_metrics(outcomes)
    assert figures["macro_f1"] == pytest.approx((2 / 3 + 0) / 2, abs=1e-4)
    sentences = figures["sentence_level"]
    assert sentences["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert sentences["uncertain_rate"] == pytest.approx(1 / 3, abs=1e-4) and sentences["accuracy_when_certain"] == 1.0
    calibration = calibration_metrics([(0.9, True), (0.9, False), (0.3, False)])
    assert calibration["ece"] == pytest.approx((2 / 3) * 0.4 + (1 / 3) * 0.3, abs=1e-4)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "provenance.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_language_command_json_and_by_sentence(tmp_path):
    croatian = tmp_path / "hr.txt"
    croatian.write_text("\n".join(HR) + "\n\n" + "\n".join(SR) + "\n", encoding="utf-8")
    proc = _cli("language", croatian, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema"] == "provenance.language/1"
    variant = data["files"][0]["variant"]
    assert [p["variant"] for p in variant["paragraphs"]] == ["hr", "sr"]
    assert variant["document"]["mixed"] and variant["document"]["evidence"]
    assert len(variant["paragraphs"][0]["by_sentence"]) == len(HR)
    text = _cli("language", croatian, "--by-sentence")
    assert text.returncode == 0 and "paragraph 2: sr" in text.stdout and "tjedna" in text.stdout


def test_language_command_missing_file_is_one_line_error(tmp_path):
    proc = _cli("language", tmp_path / "missing.txt")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len([line for line in proc.stderr.splitlines() if line.strip()]) == 1


def test_a_texts_variant_is_computed_once_and_read_back_from_disk(monkeypatch):
    """identify_language's variant guess is remembered per text and model: a later run (here: the memory
    forgotten) reads the same document and sentence guesses back without running the model."""
    from provenance.text import variant_model

    sentences = HR[:3] + ["Ovo je još jedna rečenica o proračunu za " + str(id(monkeypatch))]
    expected_document, expected_sentences = default_model().combine(sentences)
    variant_model._COMBINED.clear()
    document, per_sentence = variant_model.remembered_combine(sentences)
    assert document == expected_document and per_sentence == expected_sentences
    variant_model._COMBINED.clear()
    monkeypatch.setattr(variant_model.VariantModel, "combine", lambda *a, **k: pytest.fail("model ran again"))
    document, per_sentence = variant_model.remembered_combine(sentences)
    assert document == expected_document and per_sentence == expected_sentences
    assert document.answer == "hr"

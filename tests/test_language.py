import pytest

from provenance.text.language import identify_language, reflex_counts

SR = ("Predsednik Srbije izjavio je da će Vlada sledeće nedelje usvojiti budžet, a saopštenje je objavljeno posle "
      "sednice. Vreme je da deca dobiju nove škole, rekao je ministar, dodavši da je cena projekta hiljadu evra.")
BS = ("Predsjednik Predsjedništva izjavio je da će Vijeće ministara sljedeće sedmice usvojiti budžet, a saopćenje "
      "je objavljeno poslije sjednice. Vrijeme je da djeca dobiju nove škole, rekao je ministar, dodavši da historija "
      "pokazuje koliko je hiljada građana otišlo.")
HR = ("Predsjednik Vlade izjavio je da će Vlada sljedećeg tjedna usvojiti proračun, a priopćenje je objavljeno nakon "
      "sjednice. Vrijeme je da djeca dobiju nove škole, rekao je ministar, dodavši da povijest pokazuje koliko je tisuća "
      "građana otišlo vlakom u Europu.")
SR_CYRL = "Председник Србије изјавио је да ће Влада следеће недеље усвојити буџет, саопштено је после седнице."


@pytest.mark.parametrize("text,code", [(SR, "sr-Latn"), (BS, "bs"), (HR, "hr"), (SR_CYRL, "sr-Cyrl")])
def test_variants(text, code):
    result = identify_language(text)
    assert result.code == code
    assert result.supported
    assert 0 < result.confidence <= 1


def test_reflex_counts_tell_ekavian_from_ijekavian():
    ij, ek = reflex_counts(SR)
    assert ek > ij
    ij, ek = reflex_counts(BS)
    assert ij > ek


def test_word_markers_tell_bosnian_from_croatian():
    assert identify_language(HR).variant_scores["hr"] > 0.5
    assert identify_language(BS).variant_scores["bs"] > 0.5


def test_english_and_unsupported_languages():
    assert identify_language("The White House declined to comment on the report on Wednesday.").code == "en"
    german = identify_language("Das Weiße Haus lehnte es ab, sich zu dem Bericht zu äußern, sagte ein Sprecher.")
    assert german.code == "de" and not german.supported
    macedonian = identify_language("Владата на Македонија ќе го усвои буџетот, изјави министерот за финансии.")
    assert macedonian.code != "sr-Cyrl" and not macedonian.supported
    russian = identify_language("Правительство России объявило, что бюджет будет принят на следующей неделе.")
    assert not russian.supported

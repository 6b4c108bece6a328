from provenance.text.segment import sentence_texts, split_sentences


def test_english_abbreviations_initials_and_us():
    text = "The U.S. President met Mr. Smith on Monday. Written by our correspondent D.I."
    assert sentence_texts(text) == ["The U.S. President met Mr. Smith on Monday.", "Written by our correspondent D.I."]


def test_serbian_abbreviations_dates_and_thousands():
    text = ("Skup je održan 27. novembra 2025. godine u Beogradu, gde je dr. Petrović, tj. ministar, govorio pred "
            "500.000 ljudi. Gosp. Jovanović nije došao, npr. zbog bolesti. Prof. Marić je otišao u 19 č. Novi red.")
    assert sentence_texts(text) == [
        "Skup je održan 27. novembra 2025. godine u Beogradu, gde je dr. Petrović, tj. ministar, govorio pred 500.000 ljudi.",
        "Gosp. Jovanović nije došao, npr. zbog bolesti.",
        "Prof. Marić je otišao u 19 č.",
        "Novi red.",
    ]


def test_ordinal_before_capitalised_word_is_not_split_but_year_end_is():
    assert sentence_texts("Rođen je 1. Maja. Otišao je 2019. Tada je sve počelo.") == [
        "Rođen je 1. Maja.", "Otišao je 2019.", "Tada je sve počelo."]


def test_quotes_in_serbian_and_english():
    text = "„Ovo nije pitanje politike, već ustava“, rekao je Roberts. „Sledeće pitanje!“ Onda je otišao. He said: \"Go.\" Then left."
    assert sentence_texts(text) == [
        "„Ovo nije pitanje politike, već ustava“, rekao je Roberts.",
        "„Sledeće pitanje!“",
        "Onda je otišao.",
        "He said: \"Go.\"",
        "Then left.",
    ]


def test_cyrillic_abbreviations_and_guillemets():
    text = "Министар др. Петровић је рекао: »Буџет је усвојен.« Затим је отишао."
    assert sentence_texts(text) == ["Министар др. Петровић је рекао: »Буџет је усвојен.«", "Затим је отишао."]


def test_lines_always_end_sentences_and_offsets_point_into_the_text():
    text = "Naslov bez tačke\nPrva rečenica. Druga rečenica!\n\nPiše: D.I."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Naslov bez tačke", "Prva rečenica.", "Druga rečenica!", "Piše: D.I."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_one_per_line_keeps_lines_whole():
    assert sentence_texts("A. B.\nC.", one_per_line=True) == ["A. B.", "C."]


def test_the_title_g_before_a_name_ends_no_sentence():
    # "g." (gospodin) before a surname: "kaže g. Adams" is one sentence, in both scripts
    assert sentence_texts("Ljudi su otišli, kaže g. Ivić. Ostali su.") == ["Ljudi su otišli, kaže g. Ivić.", "Ostali su."]
    assert len(sentence_texts("Људи су отишли, каже г. Ивић. Остали су.")) == 2

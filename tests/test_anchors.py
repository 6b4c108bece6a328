from provenance.anchors import extract_names, extract_numbers, name_keys, names_match, skeleton


def values(text, english):
    return sorted(n.value for n in extract_numbers(text, english))


def test_numbers_agree_across_conventions():
    sr = "Oko pola miliona ljudi, 500.000 glasova, 5,75 odsto, 1,37 milijardi KM, 27. novembra 2025."
    en = "About half a million people, 500,000 votes, 5.75 percent, 1.37 billion marks, November 27, 2025."
    assert values(sr, False) == values(en, True)
    assert 1.37e9 in values(sr, False) and 500000.0 in values(sr, False)


def test_decimal_and_grouping_marks_by_language():
    assert values("5.750", False) == [5750.0]
    assert values("5.750", True) == [5.75]
    assert values("1.234,5", False) == [1234.5]


def test_skeletons_survive_script_and_case_endings():
    assert skeleton("Trump") == skeleton("Трамп") == skeleton("Trampa")
    assert skeleton("Kushner") == skeleton("Kušnera") == skeleton("Кушнер")
    assert skeleton("Bloomberg") == skeleton("Блумберг")


def test_names_and_aliases():
    names = extract_names("The White House said Jared Kushner met officials in the United States.")
    texts = [n.text for n in names]
    assert "Jared Kushner" in texts and "United States" in texts
    united = next(n for n in names if n.text == "United States")
    assert names_match(united, name_keys("Sjedinjene Američke Države su odbile", capitalised_only=False))
    kushner = next(n for n in names if n.text == "Jared Kushner")
    assert names_match(kushner, name_keys("zet Džared Kušner"))
    assert not names_match(kushner, name_keys("ministar Petrović"))

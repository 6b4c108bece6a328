from conftest import ROOT, SEED_ARTICLE, SEED_SOURCE

from provenance.attribution.chain import build_chain
from provenance.text.document import load_text
from provenance.evaluation.corpus import load_corpus
from provenance.evaluation.evaluate import evaluate


def chain_of(*paths):
    return build_chain([load_text(p) for p in paths])


def test_seed_main_chain_is_exactly_the_expected_one():
    chain = chain_of(SEED_ARTICLE)
    assert [n.name for n in chain.main] == ["Bloomberg", "nova.rs", "Anadolu Agency", "correspondent D.I."]
    assert [n.type for n in chain.main] == ["agency", "outlet", "agency", "person"]


def test_seed_non_sources_stay_out_of_the_chain():
    chain = chain_of(SEED_ARTICLE)
    non = {a.node.name for a in chain.non_sources}
    assert non == {"White House", "State Department", "Serbian Ministry of Foreign Affairs"}
    in_chain = {e.source.name for e in chain.edges} | {e.target.name for e in chain.edges}
    assert not in_chain & non
    roles = {(e.source.name, e.target.name): e.role for e in chain.edges}
    assert roles[("anonymous sources", "Bloomberg")] == "origin"
    assert roles[("The Wall Street Journal", "Anadolu Agency")] == "cited"


def test_bosnian_source_gives_the_same_chain_and_merging_keeps_it():
    assert chain_of(SEED_SOURCE).text() == "Bloomberg → nova.rs → Anadolu Agency → correspondent D.I."
    assert chain_of(SEED_ARTICLE, SEED_SOURCE).text() == "Bloomberg → nova.rs → Anadolu Agency → correspondent D.I."


def test_source_supplies_a_link_the_translation_dropped(tmp_path):
    short = tmp_path / "short.en.txt"
    short.write_text("Washington is pressing Serbia, according to Bloomberg, reports Anadolu Agency.\n", encoding="utf-8")
    alone = chain_of(short)
    assert alone.text() == "Bloomberg → Anadolu Agency"
    merged = chain_of(short, SEED_SOURCE)
    assert merged.text() == "Bloomberg → nova.rs → Anadolu Agency → correspondent D.I."
    assert ("bloomberg", "anadolu agency") not in {(e.source.key, e.target.key) for e in merged.edges}


def test_cyrillic_evidence_offsets_point_into_the_original(tmp_path):
    path = tmp_path / "c.txt"
    text = "Према писању Блумберга, како преноси РТС, администрација врши притисак, наводе извори упознати са преговорима."
    path.write_text(text, encoding="utf-8")
    chain = chain_of(path)
    assert chain.text() == "Bloomberg → RTS"
    for attribution in chain.attributions:
        ev = attribution.evidence
        assert text[ev.source_span[0]:ev.source_span[1]] == ev.source_text
    assert {a.evidence.source_text for a in chain.attributions} >= {"Блумберга", "РТС"}


def test_gold_attribution_set_precision_and_recall(translator):
    corpus = load_corpus(ROOT / "corpora" / "attribution")
    assert len(corpus.cases) >= 60
    languages = {c.gold["language"] for c in corpus.cases}
    assert languages == {"en", "sr-Latn", "sr-Cyrl", "bs", "hr"}
    result = evaluate(corpus, translator)
    chain = result.metrics["chain"]
    assert chain["precision"] >= 0.90 and chain["recall"] >= 0.90
    for language, figures in chain["per_language"].items():
        assert figures["recall"] >= 0.8, language


def edges_of(tmp_path, text):
    path = tmp_path / "p.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return {(e.source.name, e.target.name) for e in chain_of(path).edges}


def test_unnamed_people_bodies_audiences_and_learned_from(tmp_path):
    assert edges_of(tmp_path, "Citing three people with knowledge of the talks, Reuters reported that the deal "
                              "was signed.") == {("anonymous sources", "Reuters")}
    assert edges_of(tmp_path, "SARAJEVO, Dec 2 (Reuters) - The court sentenced a former police chief to eight "
                              "years, prosecutors said.") == {("prosecutors", "Reuters")}
    # "told reporters": the reporters are an audience, not a source
    assert edges_of(tmp_path, "Prime Minister Andrej Plenković told reporters in Zagreb that Croatia would not "
                              "block the talks, Hina reported.") == {("Prime Minister Andrej Plenković", "Hina")}
    assert edges_of(tmp_path, "Kako saznaje N1 od izvora iz Vlade, ministar finansija podneće ostavku.") == {
        ("anonymous sources", "N1")}


def test_parallel_reports_anonymity_and_said_clauses(tmp_path):
    assert edges_of(tmp_path, "A senior EU official, speaking on condition of anonymity, told AFP that the summit "
                              "would be postponed.") == {("anonymous sources", "AFP")}
    # two reports side by side are not a chain, and the sources go to the medium of their own clause
    assert edges_of(tmp_path, "Kako saznaje Kurir, ministar će podneti ostavku, a kako piše Blic, pozivajući se na "
                              "izvore iz SNS-a, rekonstrukcija Vlade je izvesna.") == {("anonymous sources", "Blic")}
    # "said ministers had been warned": the ministers are what was said, The Guardian said it
    assert edges_of(tmp_path, "The Guardian, quoting a leaked government memo, said ministers had been warned.") == {
        ("leaked government memo", "The Guardian")}


def test_datelines_appositives_relays_and_bodies_with_places(tmp_path):
    assert edges_of(tmp_path, "ZAGREB, Feb 9 (AP) - Croatian police said they had detained 40 migrants.") == {
        ("Croatian police", "Associated Press")}
    assert edges_of(tmp_path, "Speaking to CNN, the mayor of Tuzla, Zijad Lugavić, said the city would rebuild "
                              "the bridge.") == {("Zijad Lugavić", "CNN")}
    assert edges_of(tmp_path, "The report, first published by Danas and later picked up by N1, said the tender "
                              "had been rigged.") == {("Danas", "N1")}
    assert edges_of(tmp_path, "Ambasada SAD-a u Sarajevu saopćila je da će vize biti ukinute, javlja Klix.ba.") == {
        ("Ambasada SAD-a u Sarajevu", "Klix.ba")}
    # a body keeps one key whatever its case ending
    assert edges_of(tmp_path, "Kako navodi Politika, pozivajući se na podatke Narodne banke Srbije, inflacija je "
                              "pala.") == {("Narodne banke Srbije", "Politika")}


def test_held_out_attribution_sets_are_scored(translator):
    # Sets 1-4 were studied after their first scoring (now development sets); set 5 is untouched: its
    # figures are a regression guard at the level first measured, not a target.
    for name, (precision, recall) in {"attribution-heldout": (0.95, 0.95), "attribution-heldout-2": (0.95, 0.95),
                                      "attribution-heldout-3": (0.95, 0.95), "attribution-heldout-4": (0.95, 0.95),
                                      "attribution-heldout-5": (0.95, 0.85)}.items():
        corpus = load_corpus(ROOT / "corpora" / name)
        assert len(corpus.cases) >= 12
        chain = evaluate(corpus, translator).metrics["chain"]
        assert chain["precision"] >= precision and chain["recall"] >= recall, name


def test_seed_chain_edges_are_exactly_the_gold_ones_in_both_languages():
    # every edge of the seed's gold chain, and no other: an unnamed source sentences away from any
    # medium goes to the story's origin (Bloomberg), and "koje deportuju SAD, ..., kažu izvori" has one
    # speaker, the sources after the verb, not the country before it
    for texts in ((SEED_ARTICLE,), (SEED_ARTICLE, SEED_SOURCE)):
        edges = {(e.source.name, e.target.name) for e in chain_of(*texts).edges}
        assert edges == {("Bloomberg", "nova.rs"), ("nova.rs", "Anadolu Agency"),
                         ("Anadolu Agency", "correspondent D.I."), ("anonymous sources", "Bloomberg"),
                         ("The Wall Street Journal", "Anadolu Agency")}, texts


def test_a_speech_verb_followed_by_its_subject_takes_no_subject_before_it(tmp_path):
    path = tmp_path / "bs.txt"
    path.write_text("Vlada traži zemlje koje će primiti migrante koje deportuju SAD, uključujući one s Kube, "
                    "kažu izvori upoznati s pregovorima, prema pisanju Bloomberga.\n", encoding="utf-8")
    names = {a.node.name for a in chain_of(path).attributions}
    assert "anonymous sources" in names and "Bloomberg" in names
    assert not any("SAD" in name for name in names), names


def test_later_speakers_reach_the_frame_only_through_a_story_it_reports(tmp_path):
    # "Hina reports that ..." frames the story: a later speaker's words come through Hina
    assert edges_of(tmp_path, "Hina javlja da je policija uhapsila šest osoba. Ministar Ivo Ivić rekao je da je "
                              "akcija uspjela.") == {("Ministar Ivo Ivić", "Hina")}
    # an outlet named with its reporter carries that sentence, not the later ones
    assert edges_of(tmp_path, "Klub je izgubio utakmicu, izvijestio je Ivo Ivić iz Nacionala. Trener "
                              "Ana Anić rekla je da je momčad umorna.") == {("Ivo Ivić", "Nacionala")}
    # a tweet is published by its author: no medium passed it on
    assert edges_of(tmp_path, "Hina javlja da je policija uhapsila šest osoba. Ministar Ivo Ivić tvitovao je da "
                              "je akcija uspjela.") == set()


def test_what_a_speaker_cites_goes_to_the_speaker(tmp_path):
    assert edges_of(tmp_path, "Ana Reed, citing figures from the labour ministry, said unemployment had fallen.") == {
        ("labour ministry", "Ana Reed")}
    # with a medium in the sentence the medium quotes them, as before
    assert ("Ana Reed", "Reuters") in edges_of(
        tmp_path, "Ana Reed, citing figures from the labour ministry, told Reuters unemployment had fallen.")

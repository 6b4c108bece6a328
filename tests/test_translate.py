import json
import shutil

import pytest

from provenance.errors import ModelError
from provenance.translate.backend import model_fingerprint
from provenance.translate.factory import make_translator
from provenance.translate.marian import DEFAULT_MODEL_DIR, resolve_model_dir


@pytest.mark.slow
def test_shipped_model_translates_serbian_and_bosnian(translator):
    english = translator.translate(["Bela kuća je odbila da komentariše.", "Bijela kuća je odbila komentarisati."])
    assert all("White House" in e for e in english)
    assert all("comment" in e for e in english)


@pytest.mark.slow
def test_repeated_sentences_are_translated_once_and_then_cached(tmp_path):
    cache_path = tmp_path / "c.sqlite3"
    first = make_translator(cache_path=cache_path, progress=False)
    sentences = ["Vlada je usvojila budžet.", "Vlada je usvojila budžet.", "Skupština zaseda u petak."]
    out = first.translate(sentences)
    assert out[0] == out[1]
    assert first.stats.translated == 2 and first.stats.requested == 3
    second = make_translator(cache_path=cache_path, progress=False)  # a new process, same cache file
    assert second.translate(sentences) == out
    assert second.stats.translated == 0 and second.stats.cached == 2
    assert second.backend._marian is None  # nothing to translate: the model was never loaded


def test_fingerprint_depends_on_weights_and_decoding(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_DIR, copy)
    base = model_fingerprint(copy, {"num_beams": 1})
    assert model_fingerprint(copy, {"num_beams": 4}) != base
    config = json.loads((copy / "generation_config.json").read_text())
    config["max_length"] = 100
    (copy / "generation_config.json").write_text(json.dumps(config))
    assert model_fingerprint(copy, {"num_beams": 1}) != base


@pytest.mark.parametrize("setup,message", [
    (lambda d: None, "no such directory"),
    (lambda d: d.write_text("x"), "not a directory"),
    (lambda d: d.mkdir(), "no config.json"),
    (lambda d: (d.mkdir(), (d / "config.json").write_text("{broken")), "unreadable config.json"),
    (lambda d: (d.mkdir(), (d / "config.json").write_text('{"model_type": "bert"}')), "not a MarianMT model"),
    (lambda d: (d.mkdir(), (d / "config.json").write_text('{"model_type": "marian"}')), "no weights"),
])
def test_bad_model_directories_say_what_is_wrong(tmp_path, setup, message):
    target = tmp_path / "m"
    setup(target)
    with pytest.raises(ModelError, match=message):
        resolve_model_dir(str(target))


def test_hub_id_without_network_explains_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    with pytest.raises(ModelError, match="cannot download it.*--model DIR"):
        resolve_model_dir("Helsinki-NLP/opus-mt-zls-en")


class _ReversingBackend:
    """A backend of our own (reverses each sentence): the cached translator must work over any backend."""

    name = "reversing"

    def __init__(self):
        self.batches = []

    def fingerprint(self) -> str:
        return "reversing@1"

    def translate_batch(self, sentences: list[str]) -> list[str]:
        self.batches.append(list(sentences))
        return [s[::-1] for s in sentences]


def test_cached_translator_works_over_any_backend(tmp_path):
    backend = _ReversingBackend()
    cache_path = tmp_path / "c.sqlite3"
    translator = make_translator(backend=backend, cache_path=cache_path, progress=False)
    sentences = ["ccc ccc ccc", "a", "bb bb", "a"]
    assert translator.translate(sentences) == [s[::-1] for s in sentences]
    assert [s for batch in backend.batches for s in batch] == ["a", "bb bb", "ccc ccc ccc"]  # unique, shortest first
    assert translator.stats.translated == 3 and translator.stats.requested == 4
    again = make_translator(backend=_ReversingBackend(), cache_path=cache_path, progress=False)
    assert again.translate(["bb bb"]) == ["bb bb"[::-1]] and again.backend.batches == []  # from the cache
    other = _ReversingBackend()
    other.fingerprint = lambda: "reversing@2"  # another model or setting: another cache key
    make_translator(backend=other, cache_path=cache_path, progress=False).translate(["bb bb"])
    assert other.batches == [["bb bb"]]


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(ModelError, match="backend 'nope': unknown"):
        make_translator(backend="nope", cache_path=False)

"""The CTranslate2 backend with the real shipped model: no torch on the hot path, conversions checked
and made once, fingerprints that keep caches apart."""
import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

from provenance.translate import ctranslate2 as ct2_backend
from provenance.translate.ctranslate2 import CONVERSION_RECORD, SHIPPED_CT2_DIR, CTranslate2Backend, check_conversion
from provenance.errors import ModelError
from provenance.translate.backend import directory_digest
from provenance.translate.factory import make_translator
from provenance.translate.marian import DEFAULT_MODEL_DIR

SENTENCES = ["Bijela kuća nije odgovorila na pitanja novinara.", "Vlada je u četvrtak usvojila budžet."]


def test_hot_path_imports_neither_torch_nor_transformers(tmp_path):
    code = ("import sys, json; from provenance.translate.factory import make_translator; "
            f"t = make_translator(cache_path={str(tmp_path / 'c.sqlite3')!r}, progress=False); "
            f"out = t.translate({SENTENCES!r}); "
            "print(json.dumps([out, t.stats.translated, sorted(m for m in ('torch', 'transformers', 'ctranslate2') "
            "if m in sys.modules)]))")
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROVENANCE_CACHE=str(tmp_path / "c.sqlite3"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out, translated, modules = json.loads(proc.stdout)
    assert translated == 2 and "White House" in out[0] and "budget" in out[1]
    assert modules == ["ctranslate2"]  # the model really ran, through ctranslate2 alone
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    out_again, translated, modules = json.loads(proc.stdout)
    assert out_again == out and translated == 0 and modules == []  # cached: not even ctranslate2 is imported


def test_fingerprints_name_backend_compute_type_and_beams(tmp_path):
    keys = {make_translator(cache_path=False, backend="transformers").fingerprint,
            make_translator(cache_path=False, backend="ctranslate2").fingerprint,
            make_translator(cache_path=False, backend="ctranslate2", num_beams=1).fingerprint,
            make_translator(cache_path=False, backend="ctranslate2", num_beams=4).fingerprint,
            CTranslate2Backend(str(DEFAULT_MODEL_DIR), compute_type="float32").fingerprint()}
    assert len(keys) == 5
    assert make_translator(cache_path=False).fingerprint.endswith("+ctranslate2-int8-beam2")  # the default


def test_thread_count_changes_neither_the_translation_nor_the_fingerprint():
    """A single-threaded Dask worker and a driver on every core share one cache: that holds only if
    the thread count leaves the output and the fingerprint alone."""
    one = make_translator(cache_path=False, threads=1)
    every = make_translator(cache_path=False)
    assert one.backend.threads == 1 and every.backend.threads is None
    assert one.fingerprint == every.fingerprint
    lines = (ROOT.parent / "shared" / "data" / "ntrex" / "newstest2019-ref.hrv.txt").read_text(encoding="utf-8")
    sentences = lines.splitlines()[:6]
    assert one.translate(sentences) == every.translate(sentences)


def test_conversion_from_another_ctranslate2_version_is_refused_clearly(tmp_path):
    copy = tmp_path / "ct2"
    shutil.copytree(SHIPPED_CT2_DIR, copy)
    record = json.loads((copy / CONVERSION_RECORD).read_text())
    assert check_conversion(copy)["quantization"] == "int8"
    for version in ("3.24.0", "4.99.0", "5.0.0"):  # another major version, or newer than the installed one
        (copy / CONVERSION_RECORD).write_text(json.dumps({**record, "ctranslate2": version}))
        with pytest.raises(ModelError, match=rf"converted with ctranslate2 {version}, but ctranslate2 4\.\d+"):
            check_conversion(copy)
    (copy / CONVERSION_RECORD).unlink()
    with pytest.raises(ModelError, match="convert it again with scripts/convert_ct2_model.py"):
        check_conversion(copy)


def test_shipped_conversion_of_other_weights_is_refused(tmp_path, monkeypatch):
    copy = tmp_path / "ct2"
    shutil.copytree(SHIPPED_CT2_DIR, copy)
    record = json.loads((copy / CONVERSION_RECORD).read_text())
    (copy / CONVERSION_RECORD).write_text(json.dumps({**record, "source_digest": "0" * 16}))
    monkeypatch.setattr(ct2_backend, "SHIPPED_CT2_DIR", copy)
    with pytest.raises(ModelError, match="converted from other weights.*scripts/convert_ct2_model.py"):
        CTranslate2Backend(str(DEFAULT_MODEL_DIR))


@pytest.mark.slow
def test_another_marian_directory_is_converted_once_into_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_CACHE", str(tmp_path / "cache" / "t.sqlite3"))
    other = tmp_path / "my-marian"
    shutil.copytree(DEFAULT_MODEL_DIR, other)
    backend = CTranslate2Backend(str(other))
    assert backend.model_dir.parent == tmp_path / "cache" / "ctranslate2"
    assert backend.model_dir.name.startswith("my-marian@") and (backend.model_dir / "model.bin").exists()
    assert check_conversion(backend.model_dir)["source"] == "my-marian"
    made = (backend.model_dir / "model.bin").stat().st_mtime_ns
    again = CTranslate2Backend(str(other))
    assert again.model_dir == backend.model_dir and (again.model_dir / "model.bin").stat().st_mtime_ns == made
    # the same weights as the shipped model: the same translations
    assert again.translate_batch(SENTENCES) == CTranslate2Backend(str(DEFAULT_MODEL_DIR)).translate_batch(SENTENCES)


def test_model_digest_is_remembered_by_size_and_mtime(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_CACHE", str(tmp_path / "cache" / "t.sqlite3"))
    model = tmp_path / "m"
    model.mkdir()
    (model / "config.json").write_text('{"a": 1}')
    first = directory_digest(model, {})
    stat = (model / "config.json").stat()
    (model / "config.json").write_text('{"a": 2}')  # same size
    os.utime(model / "config.json", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert directory_digest(model, {}) == first  # not read again: size and mtime say it is unchanged
    (model / "config.json").write_text('{"a": 22}')
    assert directory_digest(model, {}) != first


def test_cuda_without_a_gpu_is_a_clear_error():
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("a GPU is present")
    backend = CTranslate2Backend(str(DEFAULT_MODEL_DIR), device="cuda")
    assert backend.compute_type == "float16"
    with pytest.raises(ModelError, match="no CUDA GPU"):
        backend.translate_batch(SENTENCES)

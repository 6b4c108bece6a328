"""The CTranslate2 backend: MarianMT models run by CTranslate2, tokenised by sentencepiece.

The hot path imports ctranslate2 and sentencepiece only. The shipped model also ships converted
(``models/zls-en-compact-ct2``, made by ``scripts/convert_ct2_model.py``); any other Marian
directory or Hugging Face id is converted once into the cache directory on first use, the only
moment transformers and torch are imported.

Defaults (docs/figures.md, "Speed and translation backends"): int8 weights and beam 2 on the CPU. On NTREX
lines this scores at least the chrF of transformers greedy decoding, at several times its speed;
int8 greedy is faster still but loses about 1 chrF. ``device="cuda"`` computes in float16.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import ModelError
from .backend import directory_digest
from .cache import default_cache_path
from .marian import DEFAULT_MODEL_DIR, resolve_model_dir

SHIPPED_CT2_DIR = Path(__file__).resolve().parents[2] / "models" / "zls-en-compact-ct2"
CONVERSION_RECORD = "provenance-ct2.json"  # how a directory was converted; checked at load
QUANTIZATION = "int8"  # of the stored weights: 25 MB for the compact model, and fastest on a CPU
DEFAULT_BEAMS = 2
COMPUTE_TYPES = {"cpu": "int8", "cuda": "float16"}
MAX_SOURCE_TOKENS = 400  # as the transformers backend: Marian's positions stop at 512
_SPM_FILES = ("source.spm", "target.spm")


class CTranslate2Backend:
    """A Marian model through CTranslate2; ``model`` is a Marian directory or a Hugging Face id.

    ``compute_type`` defaults to int8 on the CPU and float16 on a GPU; the model loads lazily,
    only when a sentence is missing from the cache.
    """

    name = "ctranslate2"

    def __init__(self, model: str, num_beams: int | None = None, device: str = "cpu",
                 compute_type: str | None = None, threads: int | None = None):
        if device not in COMPUTE_TYPES:
            raise ModelError(f"device {device!r}: unknown (cpu or cuda)")
        self.model = model
        self.num_beams = num_beams or DEFAULT_BEAMS
        self.device = device
        self.compute_type = compute_type or COMPUTE_TYPES[device]
        self.threads = threads  # CPU threads; None: one per core. Not in the fingerprint: the output is the same
        self.model_dir = ct2_model_dir(model)
        digest = directory_digest(self.model_dir, {"backend": self.name, "compute_type": self.compute_type,
                                                   "beam_size": self.num_beams, "device": device})
        # device is in the key: float16 on a GPU and int8 on a CPU translate a little differently
        self._fingerprint = (f"{self.model_dir.name}@{digest}+{self.name}-{self.compute_type}-beam{self.num_beams}")
        self._translator = None
        self._source_spm = None
        self._target_spm = None

    def fingerprint(self) -> str:
        return self._fingerprint

    def token_count(self, sentence: str) -> int:
        return len(self._tokenise(sentence))

    def translate_batch(self, sentences: list[str]) -> list[str]:
        translator = self._load()
        sources = [self._tokenise(s) for s in sentences]
        longest = max((len(s) for s in sources), default=1)
        results = translator.translate_batch(sources, beam_size=self.num_beams, max_batch_size=0,
                                             max_decoding_length=min(512, 2 * longest + 16),
                                             no_repeat_ngram_size=self._no_repeat, suppress_sequences=[["<pad>"]])
        return [self._target_spm.decode(r.hypotheses[0]).strip() for r in results]

    def _tokenise(self, sentence: str) -> list[str]:
        if self._source_spm is None:
            self._load_spm()
        return self._source_spm.encode(sentence, out_type=str)[: MAX_SOURCE_TOKENS - 1] + ["</s>"]

    def _load_spm(self) -> None:
        import sentencepiece

        try:  # the model's own decoding constraints, as transformers' generate applies them
            generation = json.loads((self.model_dir / "generation_config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            generation = {}
        self._no_repeat = int(generation.get("no_repeat_ngram_size") or 0)

        self._source_spm = sentencepiece.SentencePieceProcessor(model_file=str(self.model_dir / "source.spm"))
        self._target_spm = sentencepiece.SentencePieceProcessor(model_file=str(self.model_dir / "target.spm"))

    def _load(self):
        if self._translator is None:
            import ctranslate2

            if self.device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
                raise ModelError("--device cuda: no CUDA GPU is visible to CTranslate2; use --device cpu")
            try:
                check_conversion(self.model_dir)
            except ModelError:
                if self.model_dir.parent != conversion_cache_dir():
                    raise
                # our own conversion, made by another ctranslate2: made again from the same weights (this
                # run keeps the fingerprint computed before; the next run's names the new files)
                convert_marian(resolve_model_dir(self.model), self.model_dir)
            self._load_spm()
            threads = 0 if self.device == "cuda" else self.threads or max(1, os.cpu_count() or 1)
            try:
                self._translator = ctranslate2.Translator(str(self.model_dir), device=self.device,
                                                          compute_type=self.compute_type, intra_threads=threads)
            except (RuntimeError, ValueError) as err:
                raise ModelError(f"model {self.model_dir}: CTranslate2 cannot load it "
                                 f"({str(err).splitlines()[0][:200]})") from None
        return self._translator


def ct2_model_dir(model: str) -> Path:
    """The CTranslate2 form of ``model``: itself when converted already, the shipped one, or a
    conversion in the cache directory."""
    if (Path(model).expanduser() / CONVERSION_RECORD).exists():
        return Path(model).expanduser()  # already converted (by convert_marian)
    marian_dir = resolve_model_dir(model)
    if marian_dir.resolve() == DEFAULT_MODEL_DIR.resolve():
        if not (SHIPPED_CT2_DIR / "model.bin").exists():
            raise ModelError(f"{SHIPPED_CT2_DIR}: the shipped CTranslate2 model is missing; "
                             f"run scripts/convert_ct2_model.py or use --backend transformers")
        if _read_record(SHIPPED_CT2_DIR).get("source_digest") != directory_digest(marian_dir, {}):
            raise ModelError(f"{SHIPPED_CT2_DIR}: converted from other weights than {marian_dir}; "
                             f"run scripts/convert_ct2_model.py")
        return SHIPPED_CT2_DIR
    key = f"{marian_dir.name}@{directory_digest(marian_dir, {})}-{QUANTIZATION}"
    target = conversion_cache_dir() / key
    if not (target / CONVERSION_RECORD).exists():
        convert_marian(marian_dir, target)
    return target


def conversion_cache_dir() -> Path:
    return default_cache_path().parent / "ctranslate2"


def convert_marian(marian_dir: Path, target: Path, quantization: str = QUANTIZATION) -> Path:
    """Convert a transformers Marian directory to CTranslate2 at ``target`` (replaced whole, atomically)."""
    import ctranslate2
    from ctranslate2.converters import TransformersConverter

    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        import transformers

        with _quiet(), _faithful_marian_loader():
            TransformersConverter(str(marian_dir)).convert(str(work / "model"), quantization=quantization,
                                                           force=True)
        for name in (*_SPM_FILES, "generation_config.json"):
            if (marian_dir / name).exists():
                shutil.copyfile(marian_dir / name, work / "model" / name)
        record = {"ctranslate2": ctranslate2.__version__, "transformers": transformers.__version__,
                  "converter": "ctranslate2.converters.TransformersConverter", "quantization": quantization,
                  "source": marian_dir.name, "source_digest": directory_digest(marian_dir, {})}
        (work / "model" / CONVERSION_RECORD).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(work / "model", target)  # another process converting the same model: last one wins, both whole
    except ModelError:
        raise
    except Exception as err:  # noqa: BLE001 - any failure means the model cannot be converted
        raise ModelError(f"model {marian_dir}: cannot convert it to CTranslate2 "
                         f"({str(err).splitlines()[0][:200] if str(err) else type(err).__name__}); "
                         f"use --backend transformers") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


class _faithful_marian_loader:
    """Convert Marian as transformers runs it. CTranslate2's own Marian loader drops the <pad> row and
    starts the decoder from a zero embedding, which equals transformers only where that row is zero;
    in the shipped model it is not, and 'Bela kuća je odbila da komentariše' lost its White House.
    Here the decoder starts from <pad>, as transformers does (and <pad> is never generated: see
    ``translate_batch``). This swaps an entry of the converter's loader registry (ctranslate2 < 5)."""

    def __enter__(self):
        from ctranslate2.converters import transformers as loaders

        class FaithfulMarianLoader(loaders.MarianMTLoader):
            def _remove_pad_weights(self, spec):
                pass

            def set_config(self, config, model, tokenizer):
                super().set_config(config, model, tokenizer)
                config.decoder_start_token = tokenizer.pad_token

            def set_decoder(self, spec, decoder):
                loaders.BartLoader.set_decoder(self, spec, decoder)  # no start_from_zero_embedding

            def get_vocabulary(self, model, tokenizer):
                return loaders.BartLoader.get_vocabulary(self, model, tokenizer)  # <pad> kept

        self._registry = loaders._MODEL_LOADERS
        self._saved = self._registry["MarianConfig"]
        self._registry["MarianConfig"] = FaithfulMarianLoader()
        return self

    def __exit__(self, *exc):
        self._registry["MarianConfig"] = self._saved
        return False


def check_conversion(model_dir: Path) -> dict:
    """The conversion record of ``model_dir``, or a clear error when this ctranslate2 cannot read it."""
    import ctranslate2

    try:
        record = json.loads((model_dir / CONVERSION_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ModelError(f"model {model_dir}: no readable {CONVERSION_RECORD}; convert it again with "
                         f"scripts/convert_ct2_model.py") from None
    made, installed = record.get("ctranslate2", "?"), ctranslate2.__version__
    if not _compatible(made, installed):
        raise ModelError(f"model {model_dir}: converted with ctranslate2 {made}, but ctranslate2 {installed} is "
                         f"installed; install ctranslate2=={made} or convert again with scripts/convert_ct2_model.py")
    return record


def _read_record(model_dir: Path) -> dict:
    try:
        return json.loads((model_dir / CONVERSION_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _compatible(made: str, installed: str) -> bool:
    """A model converted by ctranslate2 X.Y loads in X.Z for Z >= Y (same major version)."""
    def parts(version: str) -> tuple[int, int]:
        try:
            major, minor = version.split(".")[:2]
            return int(major), int(minor)
        except ValueError:
            return (-1, -1)

    (made_major, made_minor), (major, minor) = parts(made), parts(installed)
    return made_major == major and minor >= made_minor


class _quiet:
    """transformers' progress bars and the sacremoses warning are noise during a conversion."""

    def __enter__(self):
        import logging
        import warnings

        self._warnings = warnings.catch_warnings()
        self._warnings.__enter__()
        warnings.simplefilter("ignore")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        logging.getLogger("transformers").setLevel(logging.ERROR)
        return self

    def __exit__(self, *exc):
        self._warnings.__exit__(*exc)
        return False

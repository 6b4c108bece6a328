"""The transformers backend: MarianMT models, local directories or Hugging Face ids.

The shipped compact model (``models/zls-en-compact``) is the offline default. Any local
MarianMT directory or Hugging Face id (``Helsinki-NLP/opus-mt-zls-en``) loads through the
same code. The cached translator (``translate.translator``) stores every translation under
this backend's fingerprint, so a sentence is translated once per model, ever.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import ModelError
from .backend import model_fingerprint

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "zls-en-compact"
MAX_SOURCE_TOKENS = 400  # Marian's positions stop at 512; longer "sentences" are cut, with a note


class MarianBackend:
    """MarianMT through transformers; the weights load lazily, only when a sentence is missing
    from the cache."""

    name = "transformers"

    def __init__(self, model: str, num_beams: int = 1):
        self.model = model
        self.num_beams = num_beams  # greedy: about 3x faster than beams, and enough to tell sources apart
        self.model_dir = resolve_model_dir(model)
        # The key the cache has always used for this backend, so existing caches stay valid.
        self._fingerprint = model_fingerprint(self.model_dir, {"num_beams": num_beams})
        self._tokenizer = None
        self._marian = None

    def fingerprint(self) -> str:
        return self._fingerprint

    def token_count(self, sentence: str) -> int:
        tokenizer, _marian = self._load()
        return len(tokenizer(sentence, add_special_tokens=True)["input_ids"])

    def translate_batch(self, sentences: list[str]) -> list[str]:
        tokenizer, marian = self._load()
        import torch  # lazy: loading torch costs seconds, and cached runs never need it

        with torch.inference_mode():
            encoded = tokenizer(sentences, return_tensors="pt", padding=True, truncation=True,
                                max_length=MAX_SOURCE_TOKENS)
            longest = int(encoded["input_ids"].shape[1])
            output = marian.generate(**encoded, num_beams=self.num_beams,
                                     max_new_tokens=min(512, 2 * longest + 16))
        return tokenizer.batch_decode(output, skip_special_tokens=True)

    def _load(self):
        if self._marian is None:
            self._tokenizer, self._marian = load_marian(self.model_dir)
        return self._tokenizer, self._marian


def resolve_model_dir(model: str) -> Path:
    """A local directory holding a MarianMT model, downloading a Hugging Face id if needed."""
    path = Path(model).expanduser()
    if path.exists() or not _looks_like_hub_id(model):
        _check_model_dir(path, model)
        return path
    return _download(model)


def _looks_like_hub_id(model: str) -> bool:
    """'owner/name', as in Helsinki-NLP/opus-mt-zls-en (a path that does not exist is not one)."""
    parts = model.split("/")
    return len(parts) == 2 and all(parts) and not model.startswith((".", "~")) and "\\" not in model


def _check_model_dir(path: Path, name: str) -> None:
    if not path.exists():
        raise ModelError(f"model {name}: no such directory; pass --model a MarianMT directory or a Hugging Face id")
    if not path.is_dir():
        raise ModelError(f"model {name}: not a directory; pass the folder that holds config.json")
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"model {name}: no config.json; this is not a MarianMT model directory") from None
    except (OSError, ValueError) as err:
        raise ModelError(f"model {name}: unreadable config.json ({err})") from None
    if config.get("model_type") != "marian":
        raise ModelError(f"model {name}: model_type is {config.get('model_type')!r}, not a MarianMT model")
    if not any(path.glob("*.safetensors")) and not any(path.glob("*.bin")):
        raise ModelError(f"model {name}: no weights (*.safetensors or *.bin) in the directory")
    if not (path / "source.spm").exists():
        raise ModelError(f"model {name}: no source.spm tokenizer in the directory")


def _download(model_id: str) -> Path:
    try:
        from huggingface_hub import snapshot_download

        wanted = ["*.json", "*.spm", "*.safetensors", "pytorch_model.bin", "*.txt"]  # not the TF/Flax weights
        local = Path(snapshot_download(model_id, allow_patterns=wanted))
    except Exception as err:  # noqa: BLE001 - hub errors come in many types; all mean "not available"
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ModelError(
            f"model {model_id}: cannot download it ({reason[:160]}). Without network, download it elsewhere "
            f"(hf download {model_id} --local-dir DIR) and pass --model DIR"
        ) from None
    _check_model_dir(local, model_id)
    return local


def load_marian(model_dir: Path):
    """Tokenizer and model, float32 on CPU (the compact model's weights are stored in float16)."""
    import logging
    import warnings

    import torch  # lazy: heavy, and only needed when something is translated
    from transformers import MarianMTModel, MarianTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    logging.getLogger("transformers").setLevel(logging.ERROR)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "install sacremoses": the models were trained without it
            tokenizer = MarianTokenizer.from_pretrained(str(model_dir))
            marian = MarianMTModel.from_pretrained(str(model_dir), dtype=torch.float32)
    except Exception as err:  # noqa: BLE001 - any failure here means the directory is not a usable model
        raise ModelError(f"model {model_dir}: cannot load it ({str(err).splitlines()[0][:200]})") from None
    marian.eval()
    return tokenizer, marian

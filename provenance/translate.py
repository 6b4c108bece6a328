"""Machine translation into English with MarianMT, batched and cached on disk.

The shipped compact model (``models/zls-en-compact``) is the offline default. Any local
MarianMT directory or Hugging Face id (``Helsinki-NLP/opus-mt-zls-en``) loads through the
same code. Every translation is stored in an SQLite cache keyed by the model's fingerprint
and the sentence, so a sentence is translated once per model, ever.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .errors import ModelError

MODEL_ENV = "PROVENANCE_MODEL"
CACHE_ENV = "PROVENANCE_CACHE"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "zls-en-compact"
RECOMMENDED_MODELS = ("Helsinki-NLP/opus-mt-zls-en", "Helsinki-NLP/opus-mt-tc-big-zls-en")
MAX_SOURCE_TOKENS = 400  # Marian's positions stop at 512; longer "sentences" are cut, with a note
_PROGRESS_MIN = 8  # below this many sentences a progress bar is only noise


def default_model() -> str:
    return os.environ.get(MODEL_ENV) or str(DEFAULT_MODEL_DIR)


def default_cache_path() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "provenance" / "translations.sqlite3"


@dataclass
class TranslationStats:
    """What a translator did: sentences asked for, found in the cache, translated, seconds spent."""

    requested: int = 0
    cached: int = 0
    translated: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {"requested": self.requested, "cached": self.cached, "translated": self.translated,
                "seconds": round(self.seconds, 3)}


BUSY_TIMEOUT_S = 30


class TranslationCache:
    """SQLite store of translations: (model fingerprint, source sentence) -> English."""

    def __init__(self, path: str | Path | None):
        self.path = Path(path) if path else None
        self._memory: dict[tuple[str, str], str] = {}
        self._db: sqlite3.Connection | None = None
        if self.path is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # Concurrent runs share the file: WAL lets readers go on while one writes, and a writer
                # waits for another's commit instead of failing with "database is locked".
                self._db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS translations (model TEXT NOT NULL, source TEXT NOT NULL, "
                    "target TEXT NOT NULL, PRIMARY KEY (model, source))"
                )
                self._db.commit()
            except (OSError, sqlite3.Error) as err:
                # A cache that cannot be opened costs time, never the result.
                print(f"provenance: warning: translation cache {self.path} unusable ({err}); not caching",
                      file=sys.stderr)
                self._db = None

    def get_many(self, model: str, sources: Sequence[str]) -> dict[str, str]:
        found = {s: self._memory[(model, s)] for s in sources if (model, s) in self._memory}
        missing = [s for s in sources if s not in found]
        if self._db is not None:
            for start in range(0, len(missing), 500):
                chunk = missing[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT source, target FROM translations WHERE model = ? AND source IN ({marks})",
                    [model, *chunk],
                )
                found.update(rows.fetchall())
        return found

    def put_many(self, model: str, pairs: Iterable[tuple[str, str]]) -> None:
        pairs = list(pairs)
        for source, target in pairs:
            self._memory[(model, source)] = target
        if self._db is not None and pairs:
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (model, source, target) VALUES (?, ?, ?)",
                [(model, s, t) for s, t in pairs],
            )
            self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


@dataclass
class Translator:
    """Translate South Slavic sentences into English with a MarianMT model.

    ``model`` is a local directory or a Hugging Face id; the weights load lazily, only when
    a sentence is missing from the cache.
    """

    model: str | None = None
    cache: TranslationCache | None = None
    num_beams: int = 1  # greedy: about 3x faster than beams, and enough to tell sources apart
    batch_tokens: int = 3000
    progress: bool | None = None  # None: show a bar when stderr is a terminal
    stats: TranslationStats = field(default_factory=TranslationStats)

    def __post_init__(self) -> None:
        self.model = self.model or default_model()
        self.model_dir = resolve_model_dir(self.model)
        self.fingerprint = model_fingerprint(self.model_dir, {"num_beams": self.num_beams})
        if self.cache is None:
            self.cache = TranslationCache(None)
        self._tokenizer = None
        self._marian = None

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """English translations of ``sentences``, in order; each distinct sentence is translated at most once."""
        started = time.perf_counter()
        unique = list(dict.fromkeys(sentences))
        self.stats.requested += len(sentences)
        known = self.cache.get_many(self.fingerprint, unique)
        todo = [s for s in unique if s not in known]
        self.stats.cached += len(unique) - len(todo)
        if todo:
            fresh = self._translate_uncached(todo)  # stored batch by batch, so an interrupt keeps them
            known.update(fresh)
            self.stats.translated += len(todo)
        self.stats.seconds += time.perf_counter() - started
        return [known[s] for s in sentences]

    def _translate_uncached(self, sentences: list[str]) -> dict[str, str]:
        tokenizer, marian = self._load()
        import torch

        lengths = {s: len(tokenizer(s, add_special_tokens=True)["input_ids"]) for s in sentences}
        ordered = sorted(sentences, key=lambda s: lengths[s])  # similar lengths batch with little padding
        batches = _batches_by_tokens(ordered, lengths, self.batch_tokens)
        results: dict[str, str] = {}
        with ProgressBar(len(sentences), self.progress, "translating") as advance, torch.inference_mode():
            for batch in batches:
                encoded = tokenizer(batch, return_tensors="pt", padding=True, truncation=True,
                                    max_length=MAX_SOURCE_TOKENS)
                longest = int(encoded["input_ids"].shape[1])
                output = marian.generate(**encoded, num_beams=self.num_beams,
                                         max_new_tokens=min(512, 2 * longest + 16))
                for source, target in zip(batch, tokenizer.batch_decode(output, skip_special_tokens=True)):
                    results[source] = target.strip()
                self.cache.put_many(self.fingerprint, [(source, results[source]) for source in batch])
                advance(len(batch))
        return results

    def _load(self):
        if self._marian is None:
            self._tokenizer, self._marian = load_marian(self.model_dir)
        return self._tokenizer, self._marian


def _batches_by_tokens(ordered: list[str], lengths: dict[str, int], budget: int) -> list[list[str]]:
    batches: list[list[str]] = []
    current: list[str] = []
    for sentence in ordered:
        # padded size of the batch if this sentence joins it (sorted, so it is the longest)
        if current and (len(current) + 1) * lengths[sentence] > budget:
            batches.append(current)
            current = []
        current.append(sentence)
    if current:
        batches.append(current)
    return batches


class ProgressBar:
    """A rich progress bar on stderr, only when there is real work and someone to see it.

    ``with ProgressBar(n, None, "translating") as advance: advance(k)``
    """

    def __init__(self, total: int, enabled: bool | None, label: str):
        if enabled is None:
            enabled = sys.stderr.isatty()
        self.enabled = enabled and total >= _PROGRESS_MIN
        self.total = total
        self.label = label

    def __enter__(self):
        if not self.enabled:
            return lambda n: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                             console=Console(stderr=True), transient=True)
        self._bar.start()
        task = self._bar.add_task(self.label, total=self.total)
        return lambda n: self._bar.advance(task, n)

    def __exit__(self, *exc):
        if self.enabled:
            self._bar.stop()
        return False


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


def model_fingerprint(model_dir: Path, settings: dict) -> str:
    """A short hash of the model's files and decoding settings: the cache key for its translations."""
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    for path in sorted(model_dir.iterdir()):
        if path.is_file() and path.suffix in {".json", ".spm", ".safetensors", ".bin"} and path.name != "README.md":
            digest.update(path.name.encode())
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return f"{model_dir.name}@{digest.hexdigest()[:16]}"


def load_marian(model_dir: Path):
    """Tokenizer and model, float32 on CPU (the compact model's weights are stored in float16)."""
    import logging
    import warnings

    import torch
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

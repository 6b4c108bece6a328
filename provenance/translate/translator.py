"""The cached translator: any backend, behind deduplication, the on-disk cache, length batching,
statistics and a progress bar. A sentence is translated once per backend fingerprint, ever."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Sequence

from ..progress import ProgressBar
from .backend import TranslationBackend
from .cache import TranslationCache


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


@dataclass
class Translator:
    """Translate sentences into English with ``backend``; the backend only sees sentences missing
    from the cache, sorted by length and batched so that padding costs little."""

    backend: TranslationBackend
    model: str  # the model as the user named it, for reports
    cache: TranslationCache | None = None
    batch_tokens: int = 3000
    progress: bool | None = None  # None: show a bar when stderr is a terminal
    stats: TranslationStats = field(default_factory=TranslationStats)

    def __post_init__(self) -> None:
        self.fingerprint = self.backend.fingerprint()
        if self.cache is None:
            self.cache = TranslationCache(None)

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
        count = getattr(self.backend, "token_count", None) or (lambda s: max(1, len(s) // 4))
        lengths = {s: count(s) for s in sentences}
        ordered = sorted(sentences, key=lambda s: lengths[s])  # similar lengths batch with little padding
        results: dict[str, str] = {}
        with ProgressBar(len(sentences), self.progress, "translating") as advance:
            for batch in _batches_by_tokens(ordered, lengths, self.batch_tokens):
                for source, target in zip(batch, self.backend.translate_batch(batch)):
                    results[source] = target.strip()
                self.cache.put_many(self.fingerprint, [(source, results[source]) for source in batch])
                advance(len(batch))
        return results


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

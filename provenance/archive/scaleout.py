"""Translation spread over Dask workers, for indexing a large archive and evaluating a large corpus.

Only the sentences the driver's cache lacks leave the driver; each worker translates its share with
its own model and no cache of its own; the results come back to the driver, which alone writes the
cache and the index (no SQLite on a shared filesystem). Without ``--workers``/``--scheduler`` none of
this runs and Dask need not be installed: the translator translates in its own process, through the
same ``Translator.translate`` call.

    with translation_pool(WorkerSpec(model), workers=2) as pool:
        distribute(translator, pool)      # from now on translator.translate() farms out what is not cached
        translator.translate(sentences)

Indexing goes further (``DaskPool.map_translated``): the workers also read, segment and fingerprint the
articles, and the driver never makes them wait: it queues the next batch's translations while it
writes one, so two workers on two cores keep both busy.
"""
from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections import deque
from dataclasses import asdict, dataclass

from .project import InputError, ProgressBar, make_translator

CHUNKS_PER_WORKER = 2  # shares per worker per call: enough to balance, few enough to batch well
AHEAD_PER_WORKER = 2  # batches ``map_in_order``/``map_translated`` keep in preparation per worker
TRANSLATING_AHEAD = 2  # batches ``map_translated`` keeps translating: the next one queued while the driver writes one
PREPARE_PRIORITY = 1  # preparing a batch (short) runs before queued translation shares (Dask runs higher first),
TRANSLATION_PRIORITY = 0  # so the driver always has the next batch's sentences to send before the workers run dry
WARM_SENTENCE = "Dobar dan."
# A cluster this process starts runs one long task at a time per worker: the workers' statistical profiler
# (every 10 ms) and frequent health checks cost their event loops 3 % of a core each (0.22 s per 8 s; 0.03 s
# with these), and on a machine with a core per worker that time is taken from the translation.
QUIET_CLUSTER = {"distributed.worker.profile.enabled": False, "distributed.admin.system-monitor.gil.enabled": False,
                 "distributed.admin.tick.interval": "1s", "distributed.admin.system-monitor.interval": "5s",
                 "distributed.worker.memory.monitor-interval": "1s"}


@dataclass(frozen=True)
class WorkerSpec:
    """How a worker builds its translator: the same model and decoding settings as the driver's."""

    model: str | None = None
    num_beams: int | None = None  # None: the backend's default, as the driver's make_translator takes it
    threads: int = 1  # translation threads per worker (ctranslate2's, torch's): one per core is what scales
    backend: str | None = None  # translation backend by name (translate.factory.BACKENDS); None: the default


_worker_translators: dict = {}
MMAP_THRESHOLD = 32 * 2**20  # glibc's own upper bound for its dynamic threshold
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD


def _roomy_malloc() -> None:
    """Undo the malloc settings a Dask nanny gives its workers (MALLOC_TRIM_THRESHOLD_=65536, which
    also fixes glibc's mmap threshold at 128 KiB): with them every CTranslate2 decoding buffer is
    mapped and unmapped again, and a worker spends more time in the kernel than translating (192
    lead sentences: 4.3 s system time to 2.6 s user; 0.1 s with these). glibc only; elsewhere a no-op."""
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(-3, MMAP_THRESHOLD)  # M_MMAP_THRESHOLD
        libc.mallopt(-1, TRIM_THRESHOLD)  # M_TRIM_THRESHOLD
    except (OSError, AttributeError):
        pass


def _worker_translator(spec: dict):
    key = tuple(sorted(spec.items()))
    if key not in _worker_translators:
        _roomy_malloc()
        backend = {"backend": spec["backend"]} if spec.get("backend") else {}
        translator = make_translator(spec["model"], cache_path=False, progress=False, num_beams=spec["num_beams"],
                                     threads=spec["threads"], **backend)
        translator.translate([WARM_SENTENCE])  # loads the model, which sets torch's thread count ...
        if "torch" in sys.modules:  # (the transformers backend; CTranslate2 needs no torch, 300 MB a worker)
            sys.modules["torch"].set_num_threads(spec["threads"])  # ... so the worker's own count is set after it
        _worker_translators[key] = translator
    return _worker_translators[key]


def translate_share(spec: dict, sentences: list[str]) -> list[str]:
    """Runs on a worker: English translations of ``sentences``, in order."""
    return _worker_translator(spec).translate(sentences)


def ignore_interrupts() -> None:
    """Runs on a worker of a local cluster: Ctrl-C in the terminal reaches the workers too, and the
    driver stops them itself (their own KeyboardInterrupt would print a traceback each)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def warm_worker(spec: dict) -> str:
    """Runs on a worker: load the model before timing or work starts; returns its fingerprint."""
    return _worker_translator(spec).fingerprint


class DaskPool:
    """Translation on the workers of a Dask cluster (a ``LocalCluster`` it starts, or a running scheduler)."""

    def __init__(self, client, spec: WorkerSpec, cluster=None):
        self.client = client
        self.cluster = cluster
        self.spec = asdict(spec)
        self.fingerprints: list[str] = []

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def warm(self) -> list[str]:
        return sorted(set(self.client.run(warm_worker, self.spec).values()))

    def translate(self, sentences: list[str], on_done=None, progress: bool | None = None) -> dict[str, str]:
        """Translations of ``sentences``; ``on_done(pairs)`` is called as each share comes back."""
        from distributed import as_completed

        if not sentences:
            return {}
        shares = _shares(sentences, self.workers * CHUNKS_PER_WORKER)
        futures = {self.client.submit(translate_share, self.spec, share, pure=False, priority=TRANSLATION_PRIORITY):
                   share for share in shares}
        results: dict[str, str] = {}
        with ProgressBar(len(sentences), progress, "translating") as advance:
            try:
                for future in as_completed(futures):
                    pairs = list(zip(futures[future], future.result()))
                    results.update(pairs)
                    if on_done is not None:
                        on_done(pairs)
                    advance(len(pairs))
            except BaseException:
                self.client.cancel(list(futures))
                raise
        return results

    def map_in_order(self, function, batches, *args):
        """``function(batch, *args)`` on the workers for each of ``batches`` (an iterable, consumed as
        it goes), yielded in order, with ``AHEAD_PER_WORKER`` batches per worker in flight meanwhile."""
        ahead = self.workers * AHEAD_PER_WORKER
        pending: deque = deque()
        batches = iter(batches)
        try:
            while True:
                while len(pending) < ahead:
                    batch = next(batches, None)
                    if batch is None:
                        break
                    pending.append(self.client.submit(function, batch, *args, pure=False))
                if not pending:
                    return
                yield pending.popleft().result()
        finally:
            if pending:
                self.client.cancel(list(pending))

    def map_translated(self, function, batches, args: tuple, sentences_of, translator):
        """For each of ``batches``: ``result = function(batch, *args)`` on a worker, then the English of
        ``sentences_of(result)`` on the workers, for the sentences ``translator``'s cache lacks; yields
        ``(result, english, translated)`` in order (``english``: sentence -> English; ``translated``: how
        many this batch sent to the workers).

        Nothing waits for the driver: batches are prepared a few ahead and before queued translation,
        and the next batch's shares are queued while the driver waits for one and writes it. Each share
        goes into the cache as it comes back (an interrupt keeps it); a sentence already on its way to a
        worker for an earlier batch is not sent again."""
        from distributed import as_completed

        _same_model(translator, self)
        fingerprint, cache = translator.fingerprint, translator.cache
        ahead = self.workers * AHEAD_PER_WORKER
        preparing: deque = deque()
        translating: deque = deque()  # [result, wanted, english so far, keys of the shares it waits for, count]
        in_flight: dict[str, str] = {}  # sentence -> key of the share translating it
        shares: dict[str, tuple] = {}  # key -> (future, its sentences), for the shares not back yet
        arrived = as_completed()
        batches = iter(batches)

        def prepare_ahead():
            while len(preparing) < ahead:
                batch = next(batches, None)
                if batch is None:
                    return
                preparing.append(self.client.submit(function, batch, *args, pure=False, priority=PREPARE_PRIORITY))

        def send(result):
            wanted = list(dict.fromkeys(sentences_of(result)))
            english = cache.get_many(fingerprint, wanted)
            todo = [s for s in wanted if s not in english and s not in in_flight]
            for share in _shares(todo, self.workers * CHUNKS_PER_WORKER):
                future = self.client.submit(translate_share, self.spec, share, pure=False,
                                            priority=TRANSLATION_PRIORITY)
                shares[future.key] = (future, share)
                in_flight.update(dict.fromkeys(share, future.key))
                arrived.add(future)
            waits = {in_flight[s] for s in wanted if s not in english}
            translator.stats.requested += len(wanted)
            translator.stats.cached += len(english)
            translator.stats.translated += len(todo)
            translating.append([result, wanted, english, waits, len(todo)])

        def receive(future):
            share = shares.pop(future.key)[1]
            cache.put_many(fingerprint, zip(share, future.result()))
            for sentence in share:
                del in_flight[sentence]
            for batch in translating:
                batch[3].discard(future.key)

        try:
            while True:
                prepare_ahead()
                while len(translating) < TRANSLATING_AHEAD and preparing:
                    result = preparing.popleft().result()
                    prepare_ahead()
                    send(result)
                if not translating:
                    return
                head = translating[0]
                started = time.perf_counter()
                while head[3]:
                    receive(next(arrived))
                translator.stats.seconds += time.perf_counter() - started
                result, wanted, english, _, count = translating.popleft()
                english.update(cache.get_many(fingerprint, [s for s in wanted if s not in english]))
                yield result, english, count
        finally:
            unfinished = list(preparing) + [future for future, _ in shares.values()]
            if unfinished:
                self.client.cancel(unfinished)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _shares(sentences: list[str], count: int) -> list[list[str]]:
    """``count`` shares of about equal work: sorted by length and dealt out like cards."""
    ordered = sorted(sentences, key=len)
    shares = [ordered[i::count] for i in range(min(count, len(ordered)))]
    return [s for s in shares if s]


@contextlib.contextmanager
def translation_pool(spec: WorkerSpec, workers: int | None = None, scheduler: str | None = None):
    """A ``DaskPool`` on ``workers`` new local single-threaded processes or on the cluster at
    ``scheduler``; ``None`` (translate in this process) when neither is given."""
    if not workers and not scheduler:
        yield None
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--workers and --scheduler need Dask: pip install 'provenance[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            import dask

            with dask.config.set(QUIET_CLUSTER):  # read as the scheduler and the workers start
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.CRITICAL)
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as err:
        raise InputError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {err}") from None
    pool = DaskPool(client, spec, cluster)
    try:
        if cluster is not None:
            client.run(ignore_interrupts)
        pool.fingerprints = pool.warm()
        yield pool
    finally:
        pool.close()


def distribute(translator, pool: DaskPool | None, progress: bool | None = None):
    """Make ``translator`` send the sentences its cache lacks to ``pool``'s workers and write each
    returned share into its cache at once (so an interrupted run keeps what came back)."""
    if pool is None:
        return translator
    _same_model(translator, pool)
    fingerprint = translator.fingerprint

    def translate_uncached(sentences: list[str]) -> dict[str, str]:
        return pool.translate(sentences, on_done=lambda pairs: translator.cache.put_many(fingerprint, pairs),
                              progress=translator.progress if progress is None else progress)

    # The translator keeps its deduplication, cache look-up and statistics; only the engine changes.
    translator._translate_uncached = translate_uncached
    return translator


def _same_model(translator, pool: DaskPool) -> None:
    if pool.fingerprints and pool.fingerprints != [translator.fingerprint]:
        raise InputError(f"the workers translate with {', '.join(pool.fingerprints)}, this process with "
                         f"{translator.fingerprint}: give them the same model")

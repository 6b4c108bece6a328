"""Bench for ``provenance index`` / ``find`` (issue 13): quality, cost, scale-out, in one table.

Builds, outside the repository (``--workdir``), an archive of every NTREX document in its four
translations (492) plus the real sentences of ../shared/data/real-dev grouped into pseudo-articles
of five as noise (that text is never written into the repository), indexes it with translated leads
and prints one table:

- index: seconds per document (reading, segmenting and fingerprinting; translating the leads), lead
  sentences asked and newly translated (the rest came from the shared translation cache), MB per
  1,000 documents;
- quality: for each NTREX English article, is the first result of the full ``find`` (check of the top
  K) one of its translations; shortlist recall at K = 1, 5, 10 of the cheap score, of the fingerprints
  alone and of BM25 over the translated leads alone;
- cost: share of the archive's sentences a query translates (mean, max); a warm query on the archive
  padded to 20,000 documents with perturbed copies (timing only);
- scale-out: indexing the same noise articles from an empty cache in this process, with one and with
  two single-threaded local Dask workers, side by side in this run, with the load average.

    python bench/find_archive.py                  # everything: 10 min on the loaded 2-core machine with the
                                                  # leads cached (the first run translates ~7,000 more: ~5 min)
    python bench/find_archive.py --quick          # 20 NTREX documents, 300 noise articles, 3,000 padded: ~2 min
    python bench/find_archive.py --only dask      # the Dask comparison alone, two rounds (needs the CPU to itself): ~3 min
    python bench/find_archive.py --only dask --dask-rounds 3 --wait-idle 120   # each run waits for a quiet CPU
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provenance.archive import build_index, find  # noqa: E402
from provenance.archive.find import FINGERPRINT_WEIGHT  # noqa: E402
from provenance.archive.index import BATCH_ARTICLES  # noqa: E402
from provenance.archive.project import load_text, make_translator  # noqa: E402
from provenance.archive.scaleout import WorkerSpec, distribute, translation_pool  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
NTREX = SHARED / "ntrex"
TRANSLATIONS = {"srp-Latn": "sr-Latn", "srp-Cyrl": "sr-Cyrl", "bos": "bs", "hrv": "hr"}
NOISE_FILES = ("dslcc-bcs.tsv", "dslcc-more.tsv", "ud-setimes-sr-hr.tsv")


def ntrex_documents() -> dict[str, dict[str, list[str]]]:
    """doc id -> language -> lines, from the sentence-aligned NTREX files and DOCUMENT_IDS.tsv."""
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, dict[str, list[str]]] = {}
    for name, lang in [("eng", "en"), *TRANSLATIONS.items()]:
        file = NTREX / (f"newstest2019-src.{name}.txt" if name == "eng" else f"newstest2019-ref.{name}.txt")
        for doc, line in zip(ids, file.read_text(encoding="utf-8").splitlines()):
            docs.setdefault(doc.strip(), {}).setdefault(lang, []).append(line)
    return docs


def noise_articles() -> list[tuple[str, str]]:
    """(id, text): the real-dev sentences, in file order, five to an article."""
    articles = []
    for name in NOISE_FILES:
        lines = (SHARED / "real-dev" / name).read_text(encoding="utf-8").splitlines()[1:]
        sentences = [line.split("\t")[-1].strip() for line in lines if line.strip()]
        for start in range(0, len(sentences) - 4, 5):
            articles.append((f"noise/{name}/{start // 5}", "\n".join(sentences[start:start + 5])))
    return articles


def build_archive(workdir: Path, ntrex_docs: int | None, noise: int | None) -> tuple[Path, dict[str, Path]]:
    docs = ntrex_documents()
    chosen = sorted(docs)[:ntrex_docs] if ntrex_docs else sorted(docs)
    archive = workdir / "archive.jsonl"
    queries_dir = workdir / "queries"
    queries_dir.mkdir(parents=True, exist_ok=True)
    queries = {}
    with archive.open("w", encoding="utf-8") as out:
        for doc in chosen:
            for lang in TRANSLATIONS.values():
                out.write(json.dumps({"id": f"ntrex/{doc}/{lang}", "text": "\n".join(docs[doc][lang]),
                                      "outlet": doc.split(".")[0], "date": "2019-01-01"}, ensure_ascii=False) + "\n")
            query = queries_dir / f"{doc}.en.txt"
            query.write_text("\n".join(docs[doc]["en"]) + "\n", encoding="utf-8")
            queries[doc] = query
        for id_, text in noise_articles()[:noise]:
            out.write(json.dumps({"id": id_, "text": text}, ensure_ascii=False) + "\n")
    return archive, queries


KS = (1, 5, 10)  # shortlist recall is reported at these K
RANKINGS = {"cheap score": FINGERPRINT_WEIGHT, "fingerprints only": 1.0, "BM25 only": 0.0}
THREADS = None  # --threads: translation threads of this process's translator (None: one per core)


def bench_translator(**options):
    return make_translator(threads=THREADS, **options)


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def bench_index(archive: Path, index: Path, lead: int, reuse: bool) -> dict:
    """A fresh index of the archive (unless ``reuse``): leads come from the shared cache where a
    previous run translated them, which the figures show (asked against newly translated)."""
    if not reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{index}{suffix}").unlink(missing_ok=True)
    translator = bench_translator(progress=True) if lead else None
    before, cpu = load_average(), cpu_seconds()
    stats = build_index([archive], index, translator, progress=True, lead_sentences=lead)
    figures = stats.as_dict()
    figures["cpu_seconds"] = round(cpu_seconds() - cpu, 2)
    figures["load_average_before_after"] = [before, load_average()]
    figures["seconds_preparing_per_document"] = round((stats.seconds - stats.seconds_translating) / max(stats.added, 1), 4)
    figures["seconds_translating_per_new_lead_sentence"] = (
        round(stats.seconds_translating / stats.lead_sentences_translated, 4) if stats.lead_sentences_translated else None)
    db = sqlite3.connect(str(index))
    figures["documents"], figures["archive_sentences"] = db.execute("SELECT COUNT(*), SUM(sentences) FROM articles").fetchone()
    db.close()
    figures["index_mb_per_1000_documents"] = round(index.stat().st_size / 2**20 / figures["documents"] * 1000, 2)
    return figures


def bench_quality(index: Path, queries: dict[str, Path], top: int, check: bool) -> dict:
    """Every query through the three cheap rankings (nothing translated) and, with ``check``, the full find."""
    translator = bench_translator(progress=False) if check else None
    found_at = {name: [] for name in RANKINGS}  # rank of the first translation in each cheap ranking (None: not in top K)
    hits, shares, seconds, cheap_seconds, newly, misses = 0, [], [], [], 0, []
    for doc, query in queries.items():
        english = load_text(query)

        def mine(id_: str) -> bool:
            return id_.startswith(f"ntrex/{doc}/")

        for name, weight in RANKINGS.items():
            result = find(english, index, top=max(KS), check_shortlist=False, fingerprint_weight=weight)
            ids = [item.id for item in result.ranking]
            found_at[name].append(next((rank for rank, id_ in enumerate(ids, start=1) if mine(id_)), None))
            if weight == FINGERPRINT_WEIGHT:
                cheap_seconds.append(result.statistics["seconds"]["total"])
        if not check:
            continue
        result = find(english, index, top=top, translator=translator)
        ids = [item.id for item in result.ranking]
        ok = bool(ids) and mine(ids[0]) and result.source == ids[0]
        hits += ok
        shares.append(result.statistics["sentences_translated_share"])
        seconds.append(result.statistics["seconds"]["total"])
        newly += result.statistics["sentences_newly_translated"]
        if not ok:
            misses.append({"query": doc, "source": result.source, "first": ids[:3]})
        print(f"  {doc}: {'ok' if ok else 'MISS'} {ids[:1]} {result.statistics['sentences_translated_share']:.4f} "
              f"{result.statistics['seconds']['total']:.1f} s", file=sys.stderr, flush=True)
    n = len(queries)
    figures = {"queries": n, "top": top, "checked": check,
               "recall": {name: {str(k): round(sum(r is not None and r <= k for r in ranks) / n, 4) for k in KS}
                          for name, ranks in found_at.items()},
               "cheap_seconds_mean": round(statistics.mean(cheap_seconds), 3),
               "rank_of_first_translation_misses": {name: [(doc, r) for doc, r in zip(queries, ranks) if r != 1][:10]
                                                    for name, ranks in found_at.items()}}
    if check:
        figures.update({"first_result_is_a_translation": round(hits / n, 4), "hits": hits,
                        "translated_share_mean": round(statistics.mean(shares), 5), "translated_share_max": max(shares),
                        "seconds_per_query_mean": round(statistics.mean(seconds), 3),
                        "sentences_newly_translated": newly, "misses": misses[:10]})
    return figures


def pad_index(source: Path, padded: Path, documents: int, seed: int = 13) -> int:
    """Copy ``source`` and add perturbed copies of its articles (a sentence dropped, a tenth of the
    fingerprints and a word of the lead left out) until it holds ``documents`` articles. In bulk SQL:
    the copies are for timing, and padding 20,000 one by one would take longer than the queries."""
    shutil.copyfile(source, padded)
    db = sqlite3.connect(str(padded))
    rng = random.Random(seed)
    rows = db.execute("SELECT rowid, sentences, lead_en FROM articles ORDER BY rowid").fetchall()
    top = max(r for r, _, _ in rows)
    plan = []
    for i in range(max(0, documents - len(rows))):
        old, sentences, lead = rows[i % len(rows)]
        words = lead.split()
        if len(words) > 3:
            words.pop(rng.randrange(len(words)))
        plan.append((top + 1 + i, old, rng.randrange(1, sentences) if sentences > 2 else None, " ".join(words)))
    with db:
        db.execute("CREATE TEMP TABLE pad (new INTEGER PRIMARY KEY, old INTEGER, dropped INTEGER, lead TEXT)")
        db.executemany("INSERT INTO pad VALUES (?, ?, ?, ?)", plan)
        db.execute("INSERT INTO articles (rowid, id, title, url, outlet, date, origin, language, text_hash, sentences, "
                   "fingerprints, lead_en) SELECT p.new, a.id || '#copy' || p.new, a.title, a.url, a.outlet, a.date, "
                   "'bench-padding', a.language, a.text_hash, a.sentences - (p.dropped IS NOT NULL), a.fingerprints, "
                   "p.lead FROM pad p JOIN articles a ON a.rowid = p.old")
        db.execute("INSERT INTO sentences SELECT p.new, s.position, s.text FROM pad p JOIN sentences s "
                   "ON s.article = p.old WHERE p.dropped IS NULL OR s.position != p.dropped")
        db.execute("INSERT INTO fingerprints SELECT f.key, p.new FROM pad p JOIN fingerprints f ON f.article = p.old "
                   "WHERE abs(random()) % 10 != 0")
        db.execute("INSERT INTO leads (rowid, lead_en) SELECT new, lead FROM pad")
    have = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    db.close()
    return have


def bench_warm_query(padded: Path, queries: list[Path], top: int) -> dict:
    """Each query twice on the padded index: the first fills the cache, the second is timed (wall and
    this process's CPU seconds)."""
    translator = bench_translator(progress=False)
    runs = []
    for query in queries:
        find(query, padded, top=top, translator=translator)  # cold: translates what is missing
        started, cpu = time.perf_counter(), cpu_seconds()
        result = find(query, padded, top=top, translator=translator)
        runs.append({"query": query.name, "seconds": round(time.perf_counter() - started, 3),
                     "cpu_seconds": round(cpu_seconds() - cpu, 3), "stages": result.statistics["seconds"],
                     "first": result.ranking[0].id if result.ranking else None})
    return {"documents": result.statistics["archive_documents"], "warm_seconds_max": max(r["seconds"] for r in runs),
            "warm_cpu_seconds_max": max(r["cpu_seconds"] for r in runs), "runs": runs, "load_average": load_average()}


def _worker_cpu_seconds() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def _separate_session_workers(workers: int, port: int):
    """A scheduler and ``workers`` single-threaded workers, each process in a session of its own: the
    kernel's autogroup scheduling then shares the CPU per process, as separate machines would have it
    (in one session, all workers together get one session's share of a shared machine)."""
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    address = f"tcp://127.0.0.1:{port}"
    processes = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                   "--port", str(port), "--no-dashboard"], env=env, start_new_session=True,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    time.sleep(3)
    for _ in range(workers):
        processes.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads",
                                           "1", "--nworkers", "1", "--no-dashboard"], env=env, start_new_session=True,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    return address, processes


def _busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (/proc/stat: all but idle and iowait)."""
    with open("/proc/stat", encoding="ascii") as handle:
        ticks = [int(x) for x in handle.readline().split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def _own_cpu_seconds() -> float:
    """This process's CPU seconds and those of its children (the Dask workers), living or waited for."""
    import psutil

    me = psutil.Process()
    total = sum(me.cpu_times()[:4])  # user, system, children's user and system
    for child in me.children(recursive=True):
        try:
            times = child.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def _idle_seconds(tasks: list[dict], seconds: float) -> list[float]:
    """Per worker, the seconds of a run it had no task to compute (waiting for the driver, or done early)."""
    busy: dict[str, float] = {}
    for task in tasks:
        for span in task["startstops"]:
            if span["action"] == "compute":
                busy[task["worker"]] = busy.get(task["worker"], 0.0) + span["stop"] - span["start"]
    return [round(max(0.0, seconds - b), 2) for b in busy.values()]


def wait_for_idle(limit: float, threshold: float = 0.25, window: float = 3.0) -> float:
    """Wait (at most ``limit`` seconds) until the other processes on this machine use less than
    ``threshold`` of a core over ``window`` seconds; the seconds waited."""
    started = time.perf_counter()
    while True:
        busy, own = _busy_cpu_seconds(), _own_cpu_seconds()
        time.sleep(window)
        others = (_busy_cpu_seconds() - busy) - (_own_cpu_seconds() - own)
        if others / window < threshold or time.perf_counter() - started >= limit:
            return round(time.perf_counter() - started, 1)


def bench_dask(archive: Path, workdir: Path, docs: int, lead: int, separate_sessions: bool = False,
               rounds: int = 2, wait_idle: float = 0.0) -> dict:
    """Index the same ``docs`` noise articles from an empty cache in this process (one translation
    thread), then with one and with two single-threaded Dask workers, ``rounds`` times in the order
    1, 2, 2, 1, 1, 2, ... (a drift in the machine's load falls on both). Both Dask runs alike: the same
    articles, an empty cache, the cluster started and every worker's model loaded before the clock
    starts, batches of BATCH_ARTICLES per worker (so shares of the same size). Per run: wall time, the
    workers' and this process's CPU seconds, and the CPU the machine's other processes took meanwhile."""
    lines = [line for line in archive.read_text(encoding="utf-8").splitlines() if '"noise/' in line]
    sample = workdir / "dask-sample.jsonl"
    sample.write_text("\n".join(lines[-docs:]) + "\n", encoding="utf-8")
    figures = {"documents": docs, "lead": lead, "separate_sessions": separate_sessions,
               "load_average_before": load_average(), "runs": []}
    order = [0] + [w for r in range(rounds) for w in ((1, 2) if r % 2 == 0 else (2, 1))]
    for run, workers in enumerate(order):
        cache = workdir / f"dask-cache-{workers}.sqlite3"
        index = workdir / f"dask-{workers}.index"
        for path in (cache, index):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        translator = make_translator(cache_path=cache, progress=False, threads=1)
        if not workers:
            translator.backend.translate_batch(["Dobar dan."])  # the model loaded, the cache left empty
            started, cpu = time.perf_counter(), cpu_seconds()
            stats = build_index([sample], index, translator, lead_sentences=lead)
            figures["seconds_in_process"] = round(time.perf_counter() - started, 2)
            figures["cpu_seconds_in_process"] = round(cpu_seconds() - cpu, 2)
            figures["lead_sentences"] = stats.lead_sentences_translated
            continue
        from distributed import get_task_stream

        processes, scheduler = [], None
        if separate_sessions:
            from distributed import Client

            scheduler, processes = _separate_session_workers(workers, 8790 + run)
            with Client(scheduler) as client:
                client.wait_for_workers(workers, timeout=120)
        try:
            starting = time.perf_counter()
            with translation_pool(WorkerSpec(None, threads=1), workers=None if scheduler else workers,
                                  scheduler=scheduler) as pool:
                starting = round(time.perf_counter() - starting, 2)  # the cluster started, every model loaded
                distribute(translator, pool, progress=False)
                waited = wait_for_idle(wait_idle) if wait_idle else 0.0
                worker_cpu = pool.client.run(_worker_cpu_seconds)
                load = load_average()
                busy, own = _busy_cpu_seconds(), _own_cpu_seconds()
                started, cpu = time.perf_counter(), cpu_seconds()
                with get_task_stream(client=pool.client) as stream:
                    stats = build_index([sample], index, translator, lead_sentences=lead,
                                        batch_articles=BATCH_ARTICLES * workers, pool=pool)
                seconds = time.perf_counter() - started
                others = (_busy_cpu_seconds() - busy) - (_own_cpu_seconds() - own)
                figures["runs"].append({
                    "workers": workers, "seconds": round(seconds, 2), "driver_cpu_seconds": round(cpu_seconds() - cpu, 2),
                    "worker_cpu_seconds": [round(after - worker_cpu[worker], 2) for worker, after
                                           in pool.client.run(_worker_cpu_seconds).items()],
                    "other_processes_cores": round(max(0.0, others) / seconds, 2), "load_average": load,
                    "seconds_starting_untimed": starting, "worker_idle_seconds": _idle_seconds(stream.data, seconds),
                    "waited_for_idle_seconds": waited})
                assert stats.lead_sentences_translated == figures["lead_sentences"], stats.as_dict()
        finally:
            for process in reversed(processes):
                process.terminate()
                process.wait(timeout=30)
        print(f"  {workers} worker(s): {figures['runs'][-1]}", file=sys.stderr, flush=True)
    runs = figures["runs"]
    one = [r for r in runs if r["workers"] == 1]
    two = [r for r in runs if r["workers"] == 2]
    # the ratio of each round's pair of runs, which ran next to each other
    figures["speedups_2_over_1"] = [round(a["seconds"] / b["seconds"], 3) for a, b in zip(one, two)]
    figures["speedup_2_over_1"] = round(statistics.median(figures["speedups_2_over_1"]), 3)
    figures["seconds_1_worker"] = round(statistics.median(r["seconds"] for r in one), 2)
    figures["seconds_2_worker"] = round(statistics.median(r["seconds"] for r in two), 2)
    figures["seconds_per_document_in_process"] = round(figures["seconds_in_process"] / docs, 4)
    figures["speedup_2_over_in_process"] = round(figures["seconds_in_process"] / figures["seconds_2_worker"], 3)
    # What the split allows whatever the machine's load: one worker's CPU seconds over the busier of two
    # (the busier one, plus the driver's share, is what an idle two-core machine waits for).
    figures["speedup_2_over_1_cpu_bound"] = round(statistics.median(
        sum(a["worker_cpu_seconds"]) / max(b["worker_cpu_seconds"]) for a, b in zip(one, two)), 3)
    figures["other_processes_cores_max"] = max(r["other_processes_cores"] for r in runs)
    figures["load_average_after"] = load_average()
    return figures


def table(report: dict, full_scale: bool = True) -> str:
    """The figures, one row each, with the issue's target where it has one (judged on a full-scale run
    only: the targets are for the 492 + 2,197 archive, 20,000 padded and a real comparison)."""
    rows = []

    def row(figure, value, target="", met=None):
        if target and not full_scale:
            target, met = f"({target} at full scale)", None
        rows.append((figure, value, target, "" if met is None else ("met" if met else "MISSED")))

    if "index" in report:
        i = report["index"]
        row("archive: documents / sentences", f"{i['documents']:,} / {i['archive_sentences']:,}")
        row("indexing: s per document (this run, wall)", f"{i['seconds_per_document']}; preparing {i['seconds_preparing_per_document']}")
        row("lead sentences asked / newly translated", f"{i['lead_sentences']:,} / {i['lead_sentences_translated']:,}",
            "cached leads reused")
        row("index MB per 1,000 documents", f"{i['index_mb_per_1000_documents']}")
    if "quality" in report:
        q = report["quality"]
        if q["checked"]:
            row(f"first result a translation (find, K={q['top']})",
                f"{q['first_result_is_a_translation']:.3f} ({q['hits']}/{q['queries']})", ">= 0.99, K <= 10",
                q["first_result_is_a_translation"] >= 0.99 and q["top"] <= 10)
        for name, recall in q["recall"].items():
            row(f"shortlist recall@1/5/10, {name}", " / ".join(f"{recall[str(k)]:.3f}" for k in KS))
        row("cheap stage s per query (mean)", f"{q['cheap_seconds_mean']}")
        if q["checked"]:
            row("share of archive sentences a query translates: mean / max",
                f"{q['translated_share_mean']:.2%} / {q['translated_share_max']:.2%}", "<= 2%", q["translated_share_max"] <= 0.02)
            row("find s per query (mean), sentences newly translated by all queries",
                f"{q['seconds_per_query_mean']}; {q['sentences_newly_translated']:,}")
    if "warm_query" in report:
        w, p = report["warm_query"], report["padded"]
        row(f"warm find on {w['documents']:,} documents: max wall / CPU s",
            f"{w['warm_seconds_max']} / {w['warm_cpu_seconds_max']}", "<= 5 s", w["warm_seconds_max"] <= 5)
        row("padded index MB per 1,000 documents", f"{p['index_mb_per_1000_documents']}")
    if "dask" in report:
        d = report["dask"]
        row(f"indexing {d['documents']} articles from an empty cache: in process / 1 / 2 workers, s (median)",
            f"{d['seconds_in_process']} / {d['seconds_1_worker']} / {d['seconds_2_worker']}")
        row("2 single-threaded Dask workers over 1 (median of the rounds)",
            f"{d['speedup_2_over_1']}x ({', '.join(f'{x}x' for x in d['speedups_2_over_1'])}; other processes "
            f"up to {d['other_processes_cores_max']} cores)", ">= 1.6x, idle machine", d["speedup_2_over_1"] >= 1.6)
        row("the same by CPU seconds: 1 worker's over the busier of 2 (median)",
            f"{d['speedup_2_over_1_cpu_bound']}x (driver {', '.join(str(r['driver_cpu_seconds']) for r in d['runs'])} s)")
        row("seconds a worker had nothing to compute, per run (2 workers)",
            "; ".join(" + ".join(map(str, r["worker_idle_seconds"])) for r in d["runs"] if r["workers"] == 2))
        row("s per document from an empty cache, in process", f"{d['seconds_per_document_in_process']}")
    width = [max(len(str(r[c])) for r in rows + [("figure", "value", "target", "")]) for c in range(4)]
    lines = ["| " + " | ".join(h.ljust(width[c]) for c, h in enumerate(("figure", "value", "target", ""))) + " |",
             "|" + "|".join("-" * (w + 2) for w in width) + "|"]
    lines += ["| " + " | ".join(str(v).ljust(width[c]) for c, v in enumerate(r)) + " |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, default=None, help="default /tmp/provenance-find-bench[-quick]")
    parser.add_argument("--quick", action="store_true", help="a small version: 20 NTREX documents, 300 noise "
                        "articles, 3,000 padded, 64 in the Dask comparison")
    parser.add_argument("--lead", type=int, default=3, help="lead sentences translated per article (0: none)")
    parser.add_argument("--top", type=int, default=10, help="K: shortlisted articles checked in full")
    parser.add_argument("--ntrex-docs", type=int, default=None, help="only the first N NTREX documents")
    parser.add_argument("--noise-articles", type=int, default=None, help="only the first N noise articles")
    parser.add_argument("--no-check", action="store_true", help="cheap stage only (nothing translated by queries)")
    parser.add_argument("--queries", type=int, default=None, help="only N of the queries, evenly spaced")
    parser.add_argument("--pad", type=int, default=20000, help="documents in the padded archive for timing")
    parser.add_argument("--warm-queries", type=int, default=3, help="queries timed warm on the padded archive")
    parser.add_argument("--dask-docs", type=int, default=512, help="noise articles indexed in the Dask comparison")
    parser.add_argument("--dask-rounds", type=int, default=2, help="pairs of 1- and 2-worker runs (1, 2, 2, 1, ...)")
    parser.add_argument("--wait-idle", type=float, default=0.0, metavar="SECONDS",
                        help="before each Dask run wait up to SECONDS for the other processes to leave the CPU")
    parser.add_argument("--dask-separate-sessions", action="store_true",
                        help="workers in sessions of their own, like separate machines (see _separate_session_workers)")
    parser.add_argument("--reuse-index", action="store_true", help="keep the workdir's index instead of building it afresh")
    parser.add_argument("--only", default="index,quality,pad,dask", help="stages to run (comma-separated)")
    parser.add_argument("--threads", type=int, default=None, help="translation threads of this process (default: one per core)")
    args = parser.parse_args()
    global THREADS
    THREADS = args.threads
    if args.quick:
        args.ntrex_docs = args.ntrex_docs or 20
        args.noise_articles = args.noise_articles or 300
        args.pad = min(args.pad, 3000)
        args.warm_queries = min(args.warm_queries, 2)
        args.dask_docs = min(args.dask_docs, 64)
    workdir = args.workdir or Path("/tmp/provenance-find-bench" + ("-quick" if args.quick else ""))
    workdir.mkdir(parents=True, exist_ok=True)
    archive, queries = build_archive(workdir, args.ntrex_docs, args.noise_articles)
    index = workdir / f"archive-lead{args.lead}.index"
    report = {"machine": {"cpus": os.cpu_count(), "load_average": load_average()}, "arguments": sys.argv[1:]}
    stages = set(args.only.split(","))
    if stages & {"index", "quality", "pad"}:
        report["index"] = bench_index(archive, index, args.lead, args.reuse_index or "index" not in stages)
        print(json.dumps({"index": report["index"]}, indent=2), file=sys.stderr, flush=True)
    if "quality" in stages:
        asked = queries
        if args.queries:
            step = max(1, len(queries) // args.queries)
            asked = dict(list(queries.items())[::step][: args.queries])
        report["quality"] = bench_quality(index, asked, args.top, not args.no_check)
        print(json.dumps({"quality": report["quality"]}, indent=2), file=sys.stderr, flush=True)
    if "pad" in stages:
        padded = workdir / f"padded-{args.pad}.index"
        report["padded"] = {"documents": pad_index(index, padded, args.pad),
                            "index_mb_per_1000_documents": round(padded.stat().st_size / 2**20 / args.pad * 1000, 2)}
        by_length = sorted(queries.values(), key=lambda q: len(q.read_text(encoding="utf-8")))
        step = max(1, (len(by_length) - 1) // max(1, args.warm_queries - 1))
        report["warm_query"] = bench_warm_query(padded, by_length[::step][: args.warm_queries - 1] + by_length[-1:],
                                                args.top)
        print(json.dumps({"padded": report["padded"], "warm_query": report["warm_query"]}, indent=2),
              file=sys.stderr, flush=True)
    if "dask" in stages:
        report["dask"] = bench_dask(archive, workdir, args.dask_docs, max(args.lead, 1), args.dask_separate_sessions,
                                    args.dask_rounds, args.wait_idle)
        print(json.dumps({"dask": report["dask"]}, indent=2), file=sys.stderr, flush=True)
    (workdir / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"machine: {os.cpu_count()} CPUs, load average {report['machine']['load_average']} at the start, "
          f"{load_average()} at the end; report: {workdir / 'report.json'}")
    print(table(report, full_scale=not args.quick))


if __name__ == "__main__":
    main()

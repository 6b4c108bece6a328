"""Bench for ``provenance index`` / ``find`` (issue 13): quality, cost, scale-out.

Builds, outside the repository (``--workdir``), an archive of every NTREX document in its four
translations (492) plus the real sentences of ../shared/data/real-dev grouped into pseudo-articles
of five as noise (that text is never written into the repository), indexes it and prints:

- quality: for each NTREX English article, is the first result one of its translations (K <= 10);
  the cheap stage's own top-1 and recall@K next to it;
- cost: share of the archive's sentences a query translates; seconds per indexed document;
  index size per 1,000 documents; a warm query on the archive padded to 20,000 documents with
  perturbed copies (timing only);
- scale-out: indexing with two single-threaded local Dask workers against one, side by side in
  this run, each from an empty translation cache, with the load average printed.

    python bench/find_archive.py                       # everything (hours on a loaded 2-core machine)
    python bench/find_archive.py --lead 0 --no-check   # cheap stage only, fingerprints alone: minutes
    python bench/find_archive.py --ntrex-docs 20 --noise-articles 200 --skip-pad --dask-docs 16
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provenance.archive import build_index, find  # noqa: E402
from provenance.archive.index import BATCH_ARTICLES  # noqa: E402
from provenance.archive.project import make_translator  # noqa: E402
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


TORCH_THREADS = None  # --torch-threads: set after the model loads (the loader sets one thread per core)


def bench_translator(**options):
    """The project's translator; with --torch-threads, torch runs on that many threads (on a loaded
    machine one thread translates several times faster than two that wait on each other)."""
    translator = make_translator(**options)
    if TORCH_THREADS:
        translator.translate(["Dobar dan."])
        import torch

        torch.set_num_threads(TORCH_THREADS)
    return translator


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def bench_index(archive: Path, index: Path, lead: int) -> dict:
    translator = bench_translator(progress=True) if lead else None
    before = load_average()
    stats = build_index([archive], index, translator, progress=True, lead_sentences=lead)
    figures = stats.as_dict()
    figures["load_average_before_after"] = [before, load_average()]
    figures["seconds_preparing_per_document"] = round((stats.seconds - stats.seconds_translating) / max(stats.added, 1), 4)
    figures["index_mb_per_1000_documents"] = round(index.stat().st_size / 2**20 / stats.documents * 1000, 2)
    return figures


def bench_quality(index: Path, queries: dict[str, Path], top: int, check: bool) -> dict:
    translator = bench_translator(progress=False)
    hits = cheap_hits = recall = 0
    shares, seconds, misses = [], [], []
    for doc, query in queries.items():
        result = find(query, index, top=top, translator=translator, check_shortlist=check)
        ids = [item.id for item in result.ranking]
        cheap = sorted(result.ranking, key=lambda item: item.cheap_rank)
        ok = bool(ids) and ids[0].startswith(f"ntrex/{doc}/") and (not check or result.source is not None)
        hits += ok
        cheap_hits += bool(cheap) and cheap[0].id.startswith(f"ntrex/{doc}/")
        recall += any(i.startswith(f"ntrex/{doc}/") for i in ids)
        shares.append(result.statistics["sentences_translated_share"])
        seconds.append(result.statistics["seconds"]["total"])
        if not ok:
            misses.append({"query": doc, "first": ids[:3]})
    n = len(queries)
    return {"queries": n, "top": top, "checked": check,
            "first_result_is_a_translation": round(hits / n, 4) if check else None,
            "cheap_top1": round(cheap_hits / n, 4), "cheap_recall_at_k": round(recall / n, 4),
            "translated_share_max": max(shares), "translated_share_mean": round(sum(shares) / n, 5),
            "seconds_per_query_mean": round(sum(seconds) / n, 3), "misses": misses[:10]}


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


def bench_warm_query(padded: Path, queries: list[Path], top: int, check: bool) -> dict:
    translator = bench_translator(progress=False)
    runs = []
    for query in queries:
        find(query, padded, top=top, translator=translator, check_shortlist=check)  # cold: translates what is missing
        started = time.perf_counter()
        result = find(query, padded, top=top, translator=translator, check_shortlist=check)
        runs.append({"query": query.name, "seconds": round(time.perf_counter() - started, 3),
                     "stages": result.statistics["seconds"], "first": result.ranking[0].id if result.ranking else None})
    return {"documents": result.statistics["archive_documents"], "checked": check, "warm_seconds_max": max(r["seconds"] for r in runs),
            "runs": runs, "load_average": load_average()}


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


def bench_dask(archive: Path, workdir: Path, docs: int, lead: int, separate_sessions: bool = False) -> dict:
    """Index the same ``docs`` noise articles from an empty cache with one and with two single-threaded
    Dask workers, started and warm before the clock starts; wall time and the workers' CPU seconds."""
    from distributed import Client

    lines = [line for line in archive.read_text(encoding="utf-8").splitlines() if '"noise/' in line]
    sample = workdir / "dask-sample.jsonl"
    sample.write_text("\n".join(lines[-docs:]) + "\n", encoding="utf-8")
    figures = {"documents": docs, "lead": lead, "separate_sessions": separate_sessions,
               "load_average_before": load_average()}
    for workers in (1, 2):
        cache = workdir / f"dask-cache-{workers}.sqlite3"
        index = workdir / f"dask-{workers}.index"
        for path in (cache, index):
            path.unlink(missing_ok=True)
        processes = []
        scheduler = None
        if separate_sessions:
            scheduler, processes = _separate_session_workers(workers, 8790 + workers)
            with Client(scheduler) as client:
                client.wait_for_workers(workers, timeout=120)
        translator = make_translator(cache_path=cache, progress=False)
        try:
            with translation_pool(WorkerSpec(None, 1, threads=1), workers=None if scheduler else workers,
                                  scheduler=scheduler) as pool:
                distribute(translator, pool, progress=False)
                cpu = sum(pool.client.run(_worker_cpu_seconds).values())
                started = time.perf_counter()
                stats = build_index([sample], index, translator, lead_sentences=lead,
                                    batch_articles=BATCH_ARTICLES * workers)
                figures[f"seconds_{workers}_worker"] = round(time.perf_counter() - started, 2)
                figures[f"worker_cpu_seconds_{workers}_worker"] = round(
                    sum(pool.client.run(_worker_cpu_seconds).values()) - cpu, 2)
                figures[f"sentences_{workers}_worker"] = stats.lead_sentences_translated
        finally:
            for process in reversed(processes):
                process.terminate()
                process.wait(timeout=30)
    figures["speedup_2_over_1"] = round(figures["seconds_1_worker"] / figures["seconds_2_worker"], 3)
    figures["load_average_after"] = load_average()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/provenance-find-bench"))
    parser.add_argument("--lead", type=int, default=3, help="lead sentences translated per article (0: none)")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--ntrex-docs", type=int, default=None, help="only the first N NTREX documents")
    parser.add_argument("--noise-articles", type=int, default=None, help="only the first N noise articles")
    parser.add_argument("--no-check", action="store_true", help="cheap stage only (nothing translated by queries)")
    parser.add_argument("--queries", type=int, default=None, help="only N of the queries, evenly spaced")
    parser.add_argument("--pad", type=int, default=20000, help="documents in the padded archive for timing")
    parser.add_argument("--warm-queries", type=int, default=3)
    parser.add_argument("--skip-pad", action="store_true")
    parser.add_argument("--dask-docs", type=int, default=48, help="noise articles indexed in the Dask comparison")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--dask-separate-sessions", action="store_true",
                        help="workers in sessions of their own, like separate machines (see bench_dask)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the index even if the workdir has one")
    parser.add_argument("--only", default="index,quality,pad,dask", help="stages to run (comma-separated)")
    parser.add_argument("--torch-threads", type=int, default=None, help="torch threads of this process's translator")
    args = parser.parse_args()
    global TORCH_THREADS
    TORCH_THREADS = args.torch_threads

    args.workdir.mkdir(parents=True, exist_ok=True)
    archive, queries = build_archive(args.workdir, args.ntrex_docs, args.noise_articles)
    index = args.workdir / f"archive-lead{args.lead}.index"
    if args.fresh:
        index.unlink(missing_ok=True)
    report = {"machine": {"cpus": os.cpu_count(), "load_average": load_average()}}
    stages = set(args.only.split(","))
    if stages & {"index", "quality", "pad"}:
        report["index"] = bench_index(archive, index, args.lead)
        print(json.dumps({"index": report["index"]}, indent=2), flush=True)
    if "quality" in stages:
        asked = queries
        if args.queries:
            step = max(1, len(queries) // args.queries)
            asked = dict(list(queries.items())[::step][: args.queries])
        report["quality"] = bench_quality(index, asked, args.top, not args.no_check)
        print(json.dumps({"quality": report["quality"]}, indent=2), flush=True)
    if not args.skip_pad and "pad" in stages:
        padded = args.workdir / f"padded-{args.pad}.index"
        report["padded"] = {"documents": pad_index(index, padded, args.pad),
                            "index_mb_per_1000_documents": round(padded.stat().st_size / 2**20 / args.pad * 1000, 2)}
        report["warm_query"] = bench_warm_query(padded, list(queries.values())[: args.warm_queries], args.top,
                                                not args.no_check)
        print(json.dumps({"padded": report["padded"], "warm_query": report["warm_query"]}, indent=2), flush=True)
    if not args.skip_dask and "dask" in stages:
        report["dask"] = bench_dask(archive, args.workdir, args.dask_docs, max(args.lead, 1),
                                    args.dask_separate_sessions)
        print(json.dumps({"dask": report["dask"]}, indent=2), flush=True)
    (args.workdir / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"report: {args.workdir / 'report.json'}")


if __name__ == "__main__":
    main()

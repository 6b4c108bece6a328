"""Speed, side by side in one run: translation backends, the seed check and the NTREX evaluation.

    python bench/speed.py [--lines 200] [--rounds 3] [--skip-ntrex] [--transformers-cache FILE]
                          [--json OUT.json] > table.md

1. Translation: the plain transformers script (bench/plain_transformers.py) and every backend setting
   translate the same NTREX lines (never news-pairs: the model was trained on those), each in its own
   process; sentences/s of the translation itself, chrF against the NTREX English, peak memory.
2. The seed check as a user runs it, whole process: the plain script translating the seed's 39
   candidate sentences, then `provenance check` first (empty cache) and cached, with each backend;
   rounds interleaved, medians reported, verdicts compared.
3. `provenance evaluate corpora/ntrex`: first (empty cache) and cached with the default backend; the
   transformers backend cached from --transformers-cache (a copy is used) to compare the figures.

Wall times on a shared machine depend on its load: the table gives the load average and CPU seconds
(user + system) beside each wall time, and ratios are taken between runs made side by side.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
NTREX = ROOT.parent / "shared" / "data" / "ntrex"
SEED = ROOT / "corpora" / "seed" / "texts"
VARIANTS = ("bos", "hrv", "srp-Latn", "srp-Cyrl")

WORKER = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
spec = json.loads(sys.argv[2])
if spec.get("threads"):
    import os
    os.cpu_count = lambda: spec["threads"]  # both backends size their thread pools by it
lines = open(spec["input"], encoding="utf-8").read().splitlines()
started = time.perf_counter()
from provenance.translate.cache import TranslationCache
from provenance.translate.ctranslate2 import CTranslate2Backend
from provenance.translate.factory import make_translator
backend = spec["backend"]
if spec.get("compute_type"):
    backend = CTranslate2Backend(spec["model"], spec["beams"], compute_type=spec["compute_type"])
t = make_translator(spec.get("model"), backend, cache_path=False, progress=False, num_beams=spec["beams"])
t.translate(lines[:2])  # loads the model
t.cache = TranslationCache(None)
loaded = time.perf_counter()
out = t.translate(lines)
done = time.perf_counter()
json.dump({"load_s": loaded - started, "translate_s": done - loaded, "out": out,
           "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, sys.stdout)
"""


def load() -> str:
    return "%.1f" % os.getloadavg()[0]


def timed(cmd: list[str], env: dict | None = None, stdout=subprocess.PIPE) -> dict:
    """Run a whole process; wall seconds, CPU seconds (user + system) and peak memory of that process."""
    out_file = tempfile.TemporaryFile("w+", encoding="utf-8")
    err_file = tempfile.TemporaryFile("w+", encoding="utf-8")
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        started = time.perf_counter()
        # /usr/bin/time reports the command's own peak memory: a child forked from this (large) process
        # would otherwise count the parent's pages too
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name, *cmd], cwd=ROOT, env=env,
                                stdout=out_file, stderr=err_file, text=True)
        _pid, status, usage = os.wait4(proc.pid, 0)  # CPU time of the command (and the small time process)
        wall = time.perf_counter() - started
        maxrss_kb = int((rss.read().strip().splitlines() or ["0"])[-1])
    proc.returncode = os.waitstatus_to_exitcode(status)
    out_file.seek(0)
    err_file.seek(0)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err_file.read()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_mb": maxrss_kb / 1024,
            "stdout": out_file.read()}


def env_with(cache: Path, **extra) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROVENANCE_CACHE=str(cache))
    env.pop("PROVENANCE_BACKEND", None)
    env.pop("PROVENANCE_MODEL", None)
    return {**env, **extra}


# --- 1. translation --------------------------------------------------------------------------------

def translation_table(lines_per_variant: int, work: Path, threads: int | None = None) -> tuple[str, list[dict]]:
    import sacrebleu

    from provenance.translate.ctranslate2 import convert_marian
    from provenance.translate.marian import DEFAULT_MODEL_DIR

    english_all = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    sources, english = [], []
    for k, variant in enumerate(VARIANTS):  # a different stretch of NTREX for each variant
        lines = (NTREX / f"newstest2019-ref.{variant}.txt").read_text(encoding="utf-8").splitlines()
        span = range(k * 400, k * 400 + lines_per_variant)
        sources += [lines[i] for i in span]
        english += [english_all[i] for i in span]
    source_file = work / "ntrex-lines.txt"
    source_file.write_text("\n".join(sources) + "\n", encoding="utf-8")
    float32_dir = convert_marian(DEFAULT_MODEL_DIR, work / "zls-en-compact-ct2-float32", quantization="float32")
    settings = [
        ("plain transformers script, greedy", None),
        ("transformers backend, greedy", {"backend": "transformers", "beams": 1}),
        ("ctranslate2 int8, greedy", {"backend": "ctranslate2", "beams": 1}),
        ("ctranslate2 int8, beam 2 (default)", {"backend": "ctranslate2", "beams": 2}),
        ("ctranslate2 int8, beam 4", {"backend": "ctranslate2", "beams": 4}),
        ("ctranslate2 float32, greedy", {"backend": "ctranslate2", "beams": 1, "model": str(float32_dir),
                                         "compute_type": "float32"}),
        ("ctranslate2 float32, beam 2", {"backend": "ctranslate2", "beams": 2, "model": str(float32_dir),
                                         "compute_type": "float32"}),
        ("transformers backend, greedy (again)", {"backend": "transformers", "beams": 1}),
    ]
    rows = []
    for label, spec in settings:
        load_before = load()
        if spec is None:
            run = timed([sys.executable, "bench/plain_transformers.py", str(source_file)],
                        dict(os.environ, OMP_NUM_THREADS=str(threads)) if threads else None)
            out = run["stdout"].splitlines()
            row = {"setting": label, "translate_s": None, "wall_s": run["wall"], "maxrss_mb": run["maxrss_mb"]}
        else:
            run = timed([sys.executable, "-c", WORKER, str(ROOT),
                         json.dumps({**spec, "input": str(source_file), "threads": threads})])
            result = json.loads(run["stdout"])
            out = result["out"]
            row = {"setting": label, "translate_s": result["translate_s"], "wall_s": run["wall"],
                   "maxrss_mb": result["maxrss_mb"]}
        row["sent_per_s"] = len(sources) / (row["translate_s"] or row["wall_s"])
        row["chrf"] = sacrebleu.corpus_chrf(out, [english]).score
        row["load"] = f"{load_before}→{load()}"
        rows.append(row)
        print(f"  {label}: {row['sent_per_s']:.1f} sent/s, chrF {row['chrf']:.2f}", file=sys.stderr, flush=True)
    baseline = statistics.mean(r["sent_per_s"] for r in rows if r["setting"].startswith("transformers backend"))
    table = ["| setting | sent/s | × transformers greedy | chrF | peak RSS MB | load avg |", "|---|---|---|---|---|---|"]
    for r in rows:
        note = " (whole process)" if r["translate_s"] is None else ""
        table.append(f"| {r['setting']} | {r['sent_per_s']:.1f}{note} | {r['sent_per_s'] / baseline:.2f} | "
                     f"{r['chrf']:.2f} | {r['maxrss_mb']:.0f} | {r['load']} |")
    header = (f"{len(sources)} NTREX lines ({lines_per_variant} each of {', '.join(VARIANTS)}), chrF against the "
              f"NTREX English; sent/s of the translation alone (model loaded), except the plain script's, which "
              f"includes its start. The baseline is the mean of the two transformers-greedy runs."
              + (f" Every engine limited to {threads} thread(s)." if threads else ""))
    return header + "\n\n" + "\n".join(table), rows


# --- 2. the seed check -----------------------------------------------------------------------------

def seed_table(rounds: int, work: Path) -> tuple[str, dict]:
    from provenance.text.document import load_text

    candidates = sorted(str(p.relative_to(ROOT)) for p in SEED.glob("*-*.txt"))
    article = str((SEED / "article.en.txt").relative_to(ROOT))
    sentences = [s for c in candidates for s in load_text(ROOT / c).sentence_texts
                 if load_text(ROOT / c).language.code != "en"]
    seed_lines = work / "seed-sentences.txt"
    seed_lines.write_text("\n".join(dict.fromkeys(sentences)) + "\n", encoding="utf-8")
    check = [sys.executable, "-m", "provenance.cli", "check", article, *candidates, "--json"]
    runs: dict[str, list[dict]] = {}
    verdicts: dict[str, str] = {}
    rankings: dict[str, list] = {}
    for r in range(rounds):
        for backend in ("ctranslate2", "transformers"):
            cache = work / f"seed-{backend}-{r}.sqlite3"
            env = env_with(cache, PROVENANCE_BACKEND=backend)
            for kind in ("first", "cached"):
                run = timed(check, env)
                run["load"] = load()
                runs.setdefault(f"{backend} {kind}", []).append(run)
                data = json.loads(run["stdout"])
                verdicts[backend] = json.dumps([data["verdict"]["source"],
                                                sorted((c["path"], (c["scores"] or {}).get("label"))
                                                       for c in data["candidates"])])
                rankings[backend] = data["ranking"]
        run = timed([sys.executable, "bench/plain_transformers.py", str(seed_lines)])
        run["load"] = load()
        runs.setdefault("plain", []).append(run)
        # torch's threads wait actively for each other: on a loaded machine one thread is fairer to it
        run = timed([sys.executable, "bench/plain_transformers.py", str(seed_lines)],
                    dict(os.environ, OMP_NUM_THREADS="1"))
        run["load"] = load()
        runs.setdefault("plain 1 thread", []).append(run)
    med = {k: {m: statistics.median(x[m] for x in v) for m in ("wall", "cpu", "maxrss_mb")} for k, v in runs.items()}
    plain = med["plain"]
    table = ["| run | wall s (median) | × plain script | CPU s | peak RSS MB |", "|---|---|---|---|---|"]
    for key, label in (("plain", "plain transformers script (translation only)"),
                       ("plain 1 thread", "plain transformers script, OMP_NUM_THREADS=1"),
                       ("ctranslate2 first", "`check`, ctranslate2, empty cache"),
                       ("ctranslate2 cached", "`check`, ctranslate2, cached"),
                       ("transformers first", "`check --backend transformers`, empty cache"),
                       ("transformers cached", "`check --backend transformers`, cached")):
        m = med[key]
        table.append(f"| {label} | {m['wall']:.2f} | {m['wall'] / plain['wall']:.2f} | {m['cpu']:.2f} | "
                     f"{m['maxrss_mb']:.0f} |")
    same = verdicts["ctranslate2"] == verdicts["transformers"]
    same_ranking = rankings["ctranslate2"] == rankings["transformers"]
    loads = [x["load"] for v in runs.values() for x in v]
    header = (f"The seed check (5 candidates, {len(set(sentences))} sentences to translate), {rounds} rounds "
              f"interleaved, load average {min(loads)}–{max(loads)}. Verdicts (source and every label) identical "
              f"with both backends: **{same}**; the whole ranking identical: **{same_ranking}**.")
    return header + "\n\n" + "\n".join(table), {"median": med, "verdicts_identical": same, "verdicts": verdicts,
                                                 "ranking_identical": same_ranking, "rankings": rankings}


# --- 3. NTREX evaluation ---------------------------------------------------------------------------

def ntrex_table(work: Path, transformers_cache: Path | None, keep: Path | None) -> tuple[str, dict]:
    evaluate = [sys.executable, "-m", "provenance.cli", "evaluate", "corpora/ntrex", "--json", "--cases"]
    cache = work / "ntrex-ct2.sqlite3"
    results = {}
    for kind in ("first", "cached"):
        load_before = load()
        run = timed(evaluate, env_with(cache))
        run["load"] = f"{load_before}→{load()}"
        results[f"ctranslate2 {kind}"] = run
        print(f"  ntrex {kind}: {run['wall']:.1f} s", file=sys.stderr, flush=True)
    if keep:
        shutil.copyfile(cache, keep)
    copy = work / "ntrex-transformers.sqlite3"
    if transformers_cache and transformers_cache.exists():
        shutil.copyfile(transformers_cache, copy)
    if copy.exists() and _cached_rows(copy, "zls-en-compact@") >= 6149:  # else it would translate for hours
        load_before = load()
        run = timed(evaluate, env_with(copy, PROVENANCE_BACKEND="transformers"))
        run["load"] = f"{load_before}→{load()}"
        results["transformers cached"] = run
    table = ["| run | wall s | CPU s | peak RSS MB | sentences translated | load avg |", "|---|---|---|---|---|---|"]
    figures = {}
    for key, run in results.items():
        data = json.loads(run["stdout"])
        figures[key] = data
        table.append(f"| `evaluate corpora/ntrex`, {key} | {run['wall']:.1f} | {run['cpu']:.1f} | "
                     f"{run['maxrss_mb']:.0f} | {data['translation']['translated']} | {run['load']} |")
    text = "\n".join(table)
    if "transformers cached" in figures:
        text += "\n\n" + compare_backends(figures["ctranslate2 cached"], figures["transformers cached"])
    return text, {k: {"wall": r["wall"], "cpu": r["cpu"], "maxrss_mb": r["maxrss_mb"]} for k, r in results.items()}


def _cached_rows(cache: Path, prefix: str) -> int:
    import sqlite3

    from provenance.translate.backend import model_fingerprint
    from provenance.translate.marian import DEFAULT_MODEL_DIR

    key = model_fingerprint(DEFAULT_MODEL_DIR, {"num_beams": 1})
    with sqlite3.connect(str(cache)) as db:
        return db.execute("SELECT COUNT(*) FROM translations WHERE model = ?", (key,)).fetchone()[0]


def compare_backends(ct2: dict, hf: dict) -> str:
    """Source verdicts case by case and the headline figures of both backends."""
    def verdicts(data):
        return {c["id"]: (c.get("predicted_source"), json.dumps(c.get("labels"), sort_keys=True))
                for c in data["cases"] if c["task"] == "source"}

    a, b = verdicts(ct2), verdicts(hf)
    differing = sorted(k for k in a if a[k] != b.get(k))
    rows = ["| figure | ctranslate2 int8 beam 2 | transformers greedy |", "|---|---|---|"]
    for task, keys in (("source", ("top1_accuracy", "mrr", "none_accuracy", "label_accuracy")),
                       ("alignment", ("precision", "recall", "f1")), ("variant", ("accuracy",))):
        for key in keys:
            rows.append(f"| {task} {key} | {ct2['metrics'][task][key]} | {hf['metrics'][task][key]} |")
    for flag in ("number_mismatch", "name_mismatch"):
        for key in ("precision", "recall", "false_alarms_per_100"):
            rows.append(f"| changes {flag} {key} | {ct2['metrics']['changes'][flag][key]} | "
                        f"{hf['metrics']['changes'][flag][key]} |")
    note = (f"Source cases whose predicted source or labels differ between the backends: {len(differing)} of "
            f"{len(a)}" + (f" ({', '.join(differing)})" if differing else "") + ".")
    return note + "\n\n" + "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=50, help="NTREX lines per variant (4 variants)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-ntrex", action="store_true")
    parser.add_argument("--only", choices=("translation", "seed", "ntrex"), default=None)
    parser.add_argument("--transformers-cache", type=Path, default=None,
                        help="a translation cache holding the transformers translations of NTREX")
    parser.add_argument("--keep-cache", type=Path, default=None, help="save the NTREX run's cache here")
    parser.add_argument("--threads", type=int, default=None,
                        help="limit every engine to N threads (fairer to torch on a loaded machine)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="provenance-bench-"))
    report, data = [], {"load_start": os.getloadavg(), "cpus": os.cpu_count()}
    try:
        if args.only in (None, "translation"):
            text, data["translation"] = translation_table(args.lines, work, args.threads)
            title = f", {args.threads} thread(s) each" if args.threads else ""
            report += [f"### Translation throughput and quality{title}", "", text, ""]
        if args.only in (None, "seed"):
            text, data["seed"] = seed_table(args.rounds, work)
            report += ["### The seed check, whole process", "", text, ""]
        if args.only in (None, "ntrex") and not args.skip_ntrex:
            text, data["ntrex"] = ntrex_table(work, args.transformers_cache, args.keep_cache)
            report += ["### NTREX evaluation, whole process", "", text, ""]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    data["load_end"] = os.getloadavg()
    print(f"Machine: {os.cpu_count()} cores, load average {data['load_start'][0]:.1f} at the start and "
          f"{data['load_end'][0]:.1f} at the end (other engineers' jobs).\n")
    print("\n".join(report))
    if args.json:
        args.json.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Command line: a thin layer over the Python API (``provenance.check``, ``chain``, ``evaluate``).

Exit statuses: 0 a source was found (or the command succeeded), 3 no candidate is a source,
2 usage, input or model error, 1 an unexpected internal error.
"""
from __future__ import annotations

import os
import signal
import sys
import tempfile
import warnings
from pathlib import Path

import click
from click.core import ParameterSource

from . import __version__
from .errors import EXIT_INTERNAL, EXIT_USAGE, InputWarning, ProvenanceError
from .evaluation.corpus import TASKS
from .render.registry import RENDERERS, formats
from .translate.cache import CACHE_ENV
from .translate.factory import BACKEND_ENV, BACKENDS, MODEL_ENV

EXIT_INTERRUPTED = 130

_interrupted = False


def _on_sigint(signum, frame):
    # Remember the interrupt: a library's bare "except:" (langdetect's) may swallow the
    # KeyboardInterrupt, and whatever error follows must still end as "interrupted".
    global _interrupted
    _interrupted = True
    raise KeyboardInterrupt


def _interrupt_exit():
    click.echo("provenance: interrupted", err=True)
    sys.exit(EXIT_INTERRUPTED)


def _closed_pipe_exit():
    """The reader of stdout went away (`| head -1`): stop quietly, as cat does."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the final flush does not fail again
    except (OSError, ValueError):
        pass
    sys.exit(0)


def _show_warning(message, category, filename, lineno, file=None, line=None):
    if issubclass(category, InputWarning):
        click.echo(f"provenance: warning: {message}", err=True)
    else:
        click.echo(f"provenance: warning: {category.__name__}: {message}", err=True)


class _Group(click.Group):
    """Turns our errors into one line on stderr and a documented exit status, never a traceback."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        # Where SIGINT is ignored (nohup, a background job) it stays ignored.
        catch = _main_thread() and signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
        previous = signal.signal(signal.SIGINT, _on_sigint) if catch else None
        try:
            super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as err:
            click.echo(err.format_message())  # a bare "provenance" shows the help
            sys.exit(err.exit_code)
        except click.UsageError as err:
            # click's own usage errors in our one-line form, with where to look for help
            where = err.ctx.command_path if err.ctx else "provenance"
            click.echo(f"provenance: error: {err.format_message()} (see '{where} --help')", err=True)
            sys.exit(EXIT_USAGE)
        except click.ClickException as err:
            click.echo(f"provenance: error: {err.format_message()}", err=True)
            sys.exit(err.exit_code)
        except (click.exceptions.Abort, KeyboardInterrupt):
            _interrupt_exit()
        except BrokenPipeError:
            _closed_pipe_exit()
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)
        if _interrupted:
            _interrupt_exit()
        sys.exit(0)

    def invoke(self, ctx):
        shown, warnings.showwarning = warnings.showwarning, _show_warning
        try:
            return super().invoke(ctx)
        except SystemExit:
            if _interrupted:
                _interrupt_exit()
            raise
        except KeyboardInterrupt:
            _interrupt_exit()
        except BrokenPipeError:
            _closed_pipe_exit()
        except ProvenanceError as err:
            if _interrupted:
                _interrupt_exit()
            click.echo(f"provenance: error: {err}", err=True)
            sys.exit(err.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as err:  # noqa: BLE001 - the last line of defence against tracebacks
            if _interrupted:
                _interrupt_exit()
            if os.environ.get("PROVENANCE_DEBUG"):
                raise
            click.echo(f"provenance: internal error: {type(err).__name__}: {err} "
                       f"(set PROVENANCE_DEBUG=1 for the traceback and report it)", err=True)
            sys.exit(EXIT_INTERNAL)
        finally:
            warnings.showwarning = shown


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _check_cache_path(ctx, param, value):
    if value and Path(value).is_dir():
        given = (f"{CACHE_ENV}={value}" if ctx.get_parameter_source(param.name) == ParameterSource.ENVIRONMENT
                 else f"--cache {value}")
        raise click.BadParameter(f"{given} is a directory; point it at a file such as "
                                 f"{Path(value) / 'translations.sqlite3'}", ctx=ctx, param=param)
    return value


model_option = click.option(
    "--model", "-m", envvar=MODEL_ENV, default=None, metavar="DIR|HF-ID",
    help="MarianMT model: a local directory or a Hugging Face id such as Helsinki-NLP/opus-mt-zls-en "
         f"(default: the shipped models/zls-en-compact; env {MODEL_ENV}).")
cache_option = click.option(
    "--cache", "cache_path", envvar=CACHE_ENV, default=None, type=click.Path(), callback=_check_cache_path,
    help=f"Translation cache file (default: ~/.cache/provenance/translations.sqlite3; env {CACHE_ENV}).")
no_cache_option = click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
beams_option = click.option("--beams", default=None, type=click.IntRange(1, 8),
                            help="Beam size for translation (1 = greedy; default: 2 with ctranslate2, 1 with "
                                 "transformers).")
backend_option = click.option("--backend", type=click.Choice(BACKENDS), envvar=BACKEND_ENV, default=None,
                              help=f"Translation engine (default: ctranslate2; env {BACKEND_ENV}).")
device_option = click.option("--device", type=click.Choice(("cpu", "cuda")), default="cpu", show_default=True,
                             help="Translate on the CPU (int8) or a CUDA GPU (float16; ctranslate2 only).")
quiet_option = click.option("--quiet", "-q", is_flag=True,
                            help="No progress on stderr (by default: a bar on a terminal, a line every few seconds "
                                 "elsewhere).")
output_option = click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
                             help="Write the report to this file instead of stdout.")


def translator_options(command):
    """The options of every command that translates: model, cache, beams, backend, device."""
    for option in (device_option, backend_option, beams_option, no_cache_option, cache_option, model_option):
        command = option(command)
    return command
all_flags_option = click.option(
    "--all-flags", is_flag=True,
    help="Show every name flag, also those of low confidence (by default only confident ones; JSON has all).")
workers_option = click.option("--workers", type=click.IntRange(1, 512), default=None,
                              help="Translate on a local Dask cluster of N single-threaded workers "
                                   "(needs: pip install 'provenance[dask]').")
scheduler_option = click.option("--scheduler", default=None, metavar="ADDRESS",
                                help="Translate on the running Dask cluster at ADDRESS (tcp://host:8786).")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="provenance")
def main() -> None:
    """Find the source of a translated news article, the chain of who reported it, and measure both."""


def _translator(model, cache_path, no_cache, beams, backend=None, device="cpu", quiet=False):
    from .translate.factory import make_translator

    return make_translator(model, cache_path=False if no_cache else (cache_path or True), num_beams=beams,
                           backend=backend, device=device, progress=False if quiet else None)


def _format(fmt: str, as_json: bool) -> str:
    return "json" if as_json else fmt


@main.command()
@click.argument("article", type=str)
@click.argument("candidates", nargs=-1, required=True, type=str)
@translator_options
@click.option("--format", "fmt", type=click.Choice(formats("check")), default="text", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json (schema provenance.check/1).")
@click.option("--details", is_flag=True, help="Show every aligned pair, not only the differences.")
@click.option("--one-per-line", is_flag=True, help="Inputs are pre-segmented: one sentence per line.")
@click.option("--encoding", default=None, help="Force the input encoding (e.g. cp1250, cp1251).")
@click.option("--no-chain", is_flag=True, help="Leave the citation chain out of the report.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the self-contained HTML report here.")
@all_flags_option
@quiet_option
@output_option
def check(article, candidates, model, cache_path, no_cache, beams, backend, device, fmt, as_json, details,
          one_per_line, encoding, no_chain, html_path, all_flags, quiet, output):
    """Find the source of ARTICLE.

    Ranks CANDIDATES as sources of the English ARTICLE ('-' reads a text from stdin).

    Exit status 0 when a source is found, 3 when no candidate is a source, 2 on bad input.
    """
    from .compare.check import check as run_check, show_all_name_flags
    from .render.check import exit_status

    _refuse_overwrite([output, html_path], [article, *candidates])
    translator = _translator(model, cache_path, no_cache, beams, backend, device, quiet)
    result = run_check(article, list(candidates), translator=translator, one_per_line=one_per_line,
                       encoding=encoding, with_chain=not no_chain)
    if all_flags:
        result = show_all_name_flags(result)
    _render("check", _format(fmt, as_json), result, output, details=details)
    if html_path:
        from .render.html import check_html

        _write_file(html_path, check_html(result))
    sys.exit(exit_status(result))


@main.command()
@click.argument("files", nargs=-1, required=True, type=str)
@click.option("--format", "fmt", type=click.Choice(formats("chain")), default="text", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json (schema provenance.chain/1).")
@click.option("--encoding", default=None, help="Force the input encoding (e.g. cp1250, cp1251).")
@output_option
def chain(files, fmt, as_json, encoding, output):
    """Show who reported what to whom.

    Prints the citation chain of FILES. Give the English article first; a candidate source
    text after it adds the links the translation dropped.
    """
    from .attribution.chain import build_chain
    from .text.document import load_text

    _refuse_overwrite([output], list(files))
    texts = [load_text(f, encoding=encoding) for f in files]
    result = build_chain(texts)
    _render("chain", _format(fmt, as_json), result, output)


@main.command()
@click.argument("corpus", type=click.Path(exists=True, file_okay=True, dir_okay=True))
@translator_options
@click.option("--task", "tasks", multiple=True, type=click.Choice(TASKS),
              help="Evaluate only these tasks (repeatable).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Only the first N cases of each task.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON (schema provenance.evaluate/1).")
@click.option("--cases/--no-cases", "with_cases", default=False, help="Include every case's outcome in --json.")
@click.option("--split", type=click.Choice(["dev", "heldout", "dev-open", "dev-blind"]), default=None,
              help="Only the attribution units of this split (by their text hash; dev-blind: the quarter of dev "
                   "kept unread while tuning, dev-open: the rest); default all.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the figures as an HTML page.")
@quiet_option
@output_option
@workers_option
@scheduler_option
@click.option("--jobs", "-j", type=click.IntRange(1, 512), default=None,
              help="Run the cases on N processes once every text is translated (default: one per CPU core, at "
                   "most 8; 1 = in this process). The figures are the same for every N.")
def evaluate(corpus, model, cache_path, no_cache, beams, backend, device, tasks, limit, as_json, with_cases, split,
             html_path, quiet, output, workers, scheduler, jobs):
    """Measure the checker on a CORPUS.

    CORPUS is an annotated corpus: a directory with a manifest.json (or that file)."""
    from .archive.scaleout import WorkerSpec, distribute, translation_pool
    from .evaluation.evaluate import evaluate as run_evaluate
    from .evaluation.workers import default_jobs

    _refuse_overwrite([output, html_path], [])
    translator = _translator(model, cache_path, no_cache, beams, backend, device, quiet)
    with translation_pool(WorkerSpec(model, beams, backend=backend), workers, scheduler) as pool:
        result = run_evaluate(corpus, distribute(translator, pool), tasks=tuple(tasks) or None, limit=limit,
                              split=split, jobs=jobs or default_jobs())
    _render("evaluation", _format("text", as_json), result, output, cases=with_cases)
    if html_path:
        from .render.html import evaluation_html

        _write_file(html_path, evaluation_html(result))


@main.command()
@click.argument("article", type=str)
@click.argument("candidates", nargs=-1, required=True, type=str)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@translator_options
@click.option("--one-per-line", is_flag=True, help="Inputs are pre-segmented: one sentence per line.")
@click.option("--encoding", default=None, help="Force the input encoding (e.g. cp1250, cp1251).")
@all_flags_option
@quiet_option
def report(article, candidates, output, model, cache_path, no_cache, beams, backend, device, one_per_line, encoding,
           all_flags, quiet):
    """Write an HTML report of a check.

    One self-contained file: ARTICLE and CANDIDATES side by side, the ranking and the chain."""
    from .compare.check import check as run_check, show_all_name_flags
    from .render.html import check_html
    from .render.rows import verdict_sentence

    _refuse_overwrite([output], [article, *candidates])
    translator = _translator(model, cache_path, no_cache, beams, backend, device, quiet)
    result = run_check(article, list(candidates), translator=translator, one_per_line=one_per_line,
                       encoding=encoding)
    if all_flags:
        result = show_all_name_flags(result)
    _write_file(output, check_html(result))
    click.echo(f"{output}: {verdict_sentence(result)}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=str)
@translator_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON (schema provenance.translate/1).")
@click.option("--one-per-line", is_flag=True, help="Inputs are pre-segmented: one sentence per line.")
@click.option("--encoding", default=None, help="Force the input encoding (e.g. cp1250, cp1251).")
@output_option
def translate(files, model, cache_path, no_cache, beams, backend, device, as_json, one_per_line, encoding, output):
    """Machine-translate FILES to English.

    One English line per sentence ('-' reads stdin).

    English input passes through unchanged; each translated sentence is cached like check's.
    """
    import json

    from .text.document import load_text

    _refuse_overwrite([output], list(files))
    texts = [load_text(f, one_per_line=one_per_line, encoding=encoding) for f in files]
    for text in texts:
        if not text.language.supported:
            raise ProvenanceError(f"{text.name}: language {text.language.code!r} is not supported "
                                  f"(sr-Latn, sr-Cyrl, bs, hr, en)")
    translator = _translator(model, cache_path, no_cache, beams, backend, device)
    wanted = [s for t in texts if t.language.code != "en" for s in t.translation_input]
    english = dict(zip(wanted, translator.translate(wanted))) if wanted else {}
    rows = [[(s, s if t.language.code == "en" else english[given])
             for s, given in zip(t.sentence_texts, t.translation_input)] for t in texts]
    if as_json:
        data = {"schema": "provenance.translate/1", "model": translator.model,
                "model_fingerprint": translator.fingerprint, "translation": translator.stats.as_dict(),
                "files": [{"name": t.name, "language": t.language.code,
                           "sentences": [{"source": s, "english": e} for s, e in pairs]}
                          for t, pairs in zip(texts, rows)]}
        _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
        return
    blocks = []
    for t, pairs in zip(texts, rows):
        header = f"# {t.name} ({t.language.code})\n" if len(texts) > 1 else ""
        blocks.append(header + "".join(e + "\n" for _s, e in pairs))
    _emit("\n".join(blocks), output)


@main.command("language")
@click.argument("files", nargs=-1, required=True, type=str)
@click.option("--by-sentence", is_flag=True, help="Also show the variant of every sentence.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (schema provenance.language/1).")
@click.option("--one-per-line", is_flag=True, help="Inputs are pre-segmented: one sentence per line.")
@click.option("--encoding", default=None, help="Force the input encoding (e.g. cp1250, cp1251).")
@output_option
def language(files, by_sentence, as_json, one_per_line, encoding, output):
    """Tell the language variant of FILES.

    Language and variant (sr-Latn, sr-Cyrl, bs, hr), with probability and evidence.

    A document combines its sentences; "hr|bs" means the two are too close to call, "+mixed" that
    some sentences read confidently as another variant, "cnr?" that Montenegrin forms occur.
    """
    import json

    from .text.io import read_document
    from .text.language import identify_language
    from .text.segment import split_sentences
    from .text.variant_model import analyse

    _refuse_overwrite([output], list(files))
    results = []
    for path in files:
        document = read_document(path, encoding=encoding)
        sentences = [s.text for s in split_sentences(document.text, one_per_line=one_per_line)]
        lang = identify_language(document.text, sentences)
        result = {"path": document.name, "language": lang.code, "label": lang.label, "supported": lang.supported,
                  "confidence": round(lang.confidence, 4), "script": lang.script}
        if lang.variant:
            result["variant"] = analyse(document.text, one_per_line=one_per_line)
        results.append(result)
    if as_json:
        _emit(json.dumps({"schema": "provenance.language/1", "files": results}, ensure_ascii=False, indent=2) + "\n",
              output)
        return
    lines = []
    for result in results:
        head = f"{result['path']}: {result['label']} {result['confidence']:.2f}"
        variant = result.get("variant")
        if not result["supported"]:
            head += " (not supported: sr-Latn, sr-Cyrl, bs, hr, en)"
        elif variant:
            doc = variant["document"]
            posterior = " ".join(f"{k} {v:.2f}" for k, v in doc["posterior"].items())
            head += f" [{posterior}; {doc['sentences']} sentences]"
            if doc["mixed"]:
                head += " mixed: " + ", ".join(f"{n} sentences read as {v}" for v, n in doc["mixed"].items())
            head += "\n  evidence: " + "; ".join(doc["evidence"])
        lines.append(head)
        if variant and by_sentence:
            for paragraph in variant["paragraphs"]:
                if len(variant["paragraphs"]) > 1:
                    lines.append(f"  paragraph {paragraph['index'] + 1}: {paragraph['answer']} {paragraph['probability']:.2f}")
                for sentence in paragraph["by_sentence"]:
                    lines.append(f"    {sentence['answer']:<8} {sentence['probability']:.2f}  {sentence['text'][:90]}"
                                 f"  [{'; '.join(sentence['evidence'][:3])}]")
    _emit("\n".join(lines) + "\n", output)


# --- archive: index and find (provenance.archive) ---------------------------------------------------

@main.command("index")
@click.argument("archives", nargs=-1, required=True, type=str)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
              help="The index file to create, or to extend with what it does not hold yet.")
@model_option
@cache_option
@no_cache_option
@beams_option
@backend_option
@click.option("--lead", "lead_sentences", type=click.IntRange(0, 20), default=3, show_default=True,
              help="Sentences of each article's lead translated for the full-text search (0: none, "
                   "fingerprints only).")
@workers_option
@scheduler_option
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON (schema provenance.index/1).")
def index_command(archives, output, model, cache_path, no_cache, beams, backend, lead_sentences, workers, scheduler,
                  as_json):
    """Index an archive for find.

    ARCHIVES are folders of .txt/.md/.html, JSONL exports or other indexes; they go into one file.

    Articles already in the index are left alone; Ctrl-C keeps every finished batch.
    """
    import json

    from .archive.index import BATCH_ARTICLES, build_index, read_archives
    from .archive.scaleout import WorkerSpec, distribute, translation_pool

    items = read_archives(list(archives), output)  # bad input fails before a cluster starts
    translator = _translator(model, cache_path, no_cache, beams, backend) if lead_sentences else None
    with translation_pool(WorkerSpec(model, beams, backend=backend), workers, scheduler) as pool:
        if translator is not None:
            distribute(translator, pool)
        batch = BATCH_ARTICLES * (pool.workers if pool is not None else 1)  # a share per worker stays a good batch
        stats = build_index(items, output, translator, lead_sentences=lead_sentences, batch_articles=batch, pool=pool)
    if as_json:
        click.echo(json.dumps(stats.as_dict(), ensure_ascii=False, indent=2))
    else:
        per = f", {stats.seconds / stats.added:.3f} s per article" if stats.added else ""
        click.echo(f"{output}: added {stats.added:,} articles ({stats.sentences:,} sentences, "
                   f"{stats.lead_sentences_translated:,} lead sentences translated) in {stats.seconds:.1f} s{per}; "
                   f"{stats.already:,} already indexed, {len(stats.skipped):,} skipped; "
                   f"{stats.documents:,} articles in the index")
        for line in stats.skipped[:5]:
            click.echo(f"  skipped {line}", err=True)
    if stats.interrupted:
        click.echo(f"provenance: interrupted; the {stats.documents:,} articles indexed so far are kept", err=True)
        sys.exit(130)


@main.command("find")
@click.argument("article", type=str)
@click.option("--index", "index_path", required=True, type=str, help="An index built by `provenance index`.")
@click.option("--top", type=click.IntRange(1, 200), default=10, show_default=True,
              help="Shortlisted articles translated in full and checked.")
@click.option("--since", default=None, metavar="YYYY-MM-DD",
              help="Only articles dated on or after this day (undated articles are kept).")
@translator_options
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (schema provenance.find/1).")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the ranking as an HTML page.")
@output_option
def find_command(article, index_path, top, since, model, cache_path, no_cache, beams, backend, device, as_json, html_path,
                 output):
    """Find ARTICLE's source in an index.

    Which article of the index the English ARTICLE is translated from ('-' reads stdin).

    Exit status 0 when a source is found, 3 when none is, 2 on bad input.
    """
    import datetime
    import json

    from .archive.find import find
    from .archive.render import exit_status, find_html, find_to_dict, print_find

    if since:
        try:
            since = datetime.date.fromisoformat(since).isoformat()
        except ValueError:
            raise ProvenanceError(f"--since {since}: not a date (write YYYY-MM-DD)") from None
    _refuse_overwrite([output, html_path], [article, index_path])
    translator = _translator(model, cache_path, no_cache, beams, backend, device)
    result = find(article, index_path, top=top, since=since, translator=translator)
    if as_json:
        _emit(json.dumps(find_to_dict(result), ensure_ascii=False, indent=2) + "\n", output)
    else:
        _emit_rich(lambda console: print_find(result, console), output)
    if html_path:
        _write_file(html_path, find_html(result))
    sys.exit(exit_status(result))


# --- output ---------------------------------------------------------------------------------------

def _refuse_overwrite(outputs, inputs) -> None:
    """Nothing the user gave is overwritten: an output path may not be one of the inputs."""
    # realpath, not Path.resolve: a symbolic link loop among the inputs is the reader's to report
    given = {os.path.realpath(p) for p in inputs if p and p != "-"}
    for out in outputs:
        if out and os.path.realpath(out) in given:
            raise ProvenanceError(f"{out}: refusing to overwrite an input file; choose another output path")
        if out:
            _check_output_path(out)


def _check_output_path(path: str) -> None:
    """Say before any work is done why a report could not be written there."""
    for parent in Path(path).absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise ProvenanceError(f"{path}: {parent} is a file, not a directory; choose another output path")
            break


def _write_file(path: str, text: str) -> None:
    """Write atomically: a crash never leaves a half-written report in place of an old one."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, target)
    except (FileExistsError, NotADirectoryError):
        _check_output_path(path)
        raise ProvenanceError(f"{path}: a part of the path is not a directory; choose another output path") from None
    except OSError as err:
        raise ProvenanceError(f"{path}: cannot write ({err.strerror or err})") from None


def _render(kind: str, fmt: str, result, output: str | None, **options) -> None:
    renderer = RENDERERS[kind][fmt]
    if renderer.console:
        _emit_rich(lambda console: renderer(result, console, **options), output)
    else:
        _emit(renderer(result, **options), output)


def _emit(text: str, output: str | None) -> None:
    if output:
        _write_file(output, text)
    else:
        click.echo(text, nl=False)


def _emit_rich(render, output: str | None) -> None:
    from rich.console import Console

    if output:
        console = Console(record=True, width=120, file=open(os.devnull, "w"))
        render(console)
        _write_file(output, console.export_text())
    else:
        console = Console()
        console.on_broken_pipe = _closed_pipe_exit  # rich's own exits 1, which reads as a failure
        render(console)


if __name__ == "__main__":  # pragma: no cover
    main()

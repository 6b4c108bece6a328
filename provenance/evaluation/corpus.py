"""Evaluation corpora: a directory with ``manifest.json`` listing annotated cases.

The format is documented in ``corpora/README.md``. Loading validates every case and names
each malformed one, so a corpus is either entirely usable or rejected with reasons.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusError
from ..text.language import SUPPORTED
from ..compare.scoring import LABELS

TASKS = ("source", "alignment", "variant", "chain", "changes", "attribution")
ARTICLE_TASKS = ("source", "alignment", "changes")  # an English article compared with candidate texts
FLAG_TYPES = ("number_mismatch", "name_mismatch")


@dataclass(frozen=True)
class Candidate:
    path: Path


@dataclass(frozen=True)
class Case:
    id: str
    task: str
    article: Path | None = None
    candidates: tuple[Candidate, ...] = ()
    texts: tuple[Path, ...] = ()
    one_per_line: bool = False
    gold: dict = field(default_factory=dict)
    root: Path = Path(".")  # the corpus directory: gold paths are relative to it
    kind: str = ""  # optional: figures are also given per kind (compiled, near-miss, ...)
    split: str = ""  # optional: "dev" (tuned on) or "heldout"


@dataclass(frozen=True)
class Corpus:
    name: str
    root: Path
    license: str
    cases: tuple[Case, ...]


def load_corpus(root: str | Path) -> Corpus:
    root = Path(root)
    manifest_path = root / "manifest.json" if root.is_dir() else root
    if not manifest_path.exists():
        raise CorpusError(f"{root}: no manifest.json (a corpus is a directory with a manifest; see corpora/README.md)")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(f"{manifest_path}: cannot read it ({err})") from None
    except json.JSONDecodeError as err:
        raise CorpusError(f"{manifest_path}: not valid JSON (line {err.lineno}: {err.msg})") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("cases"), list):
        raise CorpusError(f"{manifest_path}: the manifest must be an object with a list of 'cases'")
    base = manifest_path.parent
    cases, problems, seen = [], [], set()
    for index, raw in enumerate(manifest["cases"]):
        case_id = raw.get("id") if isinstance(raw, dict) else None
        label = case_id or f"#{index}"
        try:
            case = _parse_case(raw, base)
            if case.id in seen:
                raise ValueError("duplicate id")
            seen.add(case.id)
            cases.append(case)
        except (ValueError, TypeError, KeyError) as err:
            problems.append(f"case {label}: {err.args[0] if err.args else err}")
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise CorpusError(f"{manifest_path}: {len(problems)} malformed case(s): {shown}")
    return Corpus(manifest.get("name", base.name), base, manifest.get("license", ""), tuple(cases))


def _parse_case(raw, base: Path) -> Case:
    if not isinstance(raw, dict):
        raise TypeError("a case must be an object")
    for key in ("id", "task", "gold"):
        if key not in raw:
            raise KeyError(f"missing '{key}'")
    task = raw["task"]
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r} (one of {', '.join(TASKS)})")
    gold = raw["gold"]
    if not isinstance(gold, dict):
        raise TypeError("'gold' must be an object")
    article = _existing(base, raw["article"]) if raw.get("article") else None
    candidates = tuple(_candidate(base, c) for c in raw.get("candidates", []))
    texts = tuple(_existing(base, t) for t in raw.get("texts", []))
    for key in ("kind", "split"):
        if not isinstance(raw.get(key, ""), str):
            raise TypeError(f"'{key}' must be a string")
    case = Case(str(raw["id"]), task, article, candidates, texts, bool(raw.get("one_per_line", False)), gold,
                base.resolve(), raw.get("kind", ""), raw.get("split", ""))
    _validate_gold(case, base)
    return case


def _candidate(base: Path, raw) -> Candidate:
    if isinstance(raw, str):
        return Candidate(_existing(base, raw))
    if not isinstance(raw, dict) or "path" not in raw:
        raise ValueError("a candidate needs a 'path'")
    language = raw.get("language")  # an annotation of the corpus format, checked; the evaluator identifies languages itself
    if language is not None and language not in SUPPORTED:
        raise ValueError(f"candidate {raw['path']}: language {language!r} is not one of {', '.join(SUPPORTED)}")
    return Candidate(_existing(base, raw["path"]))


def _existing(base: Path, relative: str) -> Path:
    if not isinstance(relative, str) or not relative:
        raise ValueError("a path must be a non-empty string")
    path = (base / relative).resolve()
    if not path.is_file():
        raise ValueError(f"file {relative} does not exist")
    return path


def _validate_gold(case: Case, base: Path) -> None:
    gold = case.gold
    candidate_paths = {c.path for c in case.candidates}
    if case.task in ARTICLE_TASKS:
        if case.article is None or not case.candidates:
            raise ValueError(f"a {case.task} case needs an 'article' and 'candidates'")
    if case.task == "source":
        if "source" not in gold:
            raise KeyError("missing gold 'source' (a candidate path, or null)")
        if gold["source"] is not None and (base / gold["source"]).resolve() not in candidate_paths:
            raise ValueError(f"gold source {gold['source']} is not among the candidates")
        sources = gold.get("sources", [])
        if not isinstance(sources, list) or any((base / p).resolve() not in candidate_paths for p in sources):
            raise ValueError("gold 'sources' must list candidate paths")
        for entry in gold.get("sentence_map", []):
            if entry is not None and not (isinstance(entry, list) and len(entry) == 2 and entry[0] in sources
                                          and isinstance(entry[1], int)):
                raise ValueError(f"sentence_map entry {entry!r} must be null or [one of 'sources', sentence index]")
        for path, label in gold.get("labels", {}).items():
            if label not in LABELS:
                raise ValueError(f"label {label!r} for {path} is not one of {', '.join(LABELS)}")
            if (base / path).resolve() not in candidate_paths:
                raise ValueError(f"labelled text {path} is not among the candidates")
    if case.task == "alignment":
        alignment = gold.get("alignment")
        if not isinstance(alignment, dict) or not isinstance(alignment.get("links"), list):
            raise KeyError("missing gold 'alignment' with 'links'")
        for link in alignment["links"]:
            if not (isinstance(link, list) and len(link) == 2 and all(isinstance(side, list) for side in link)):
                raise ValueError(f"alignment link {link!r} must be [[english indices], [candidate indices]]")
    if case.task == "changes":
        for flag in FLAG_TYPES:
            lines = gold.get(flag, [])
            if not (isinstance(lines, list) and all(isinstance(i, int) and i >= 0 for i in lines)):
                raise ValueError(f"gold {flag!r} must be a list of English sentence indices")
    if case.task == "variant":
        if len(case.texts) != 1 or gold.get("language") not in SUPPORTED:
            raise ValueError("a variant case needs one text and a gold 'language' in " + ", ".join(SUPPORTED))
    if case.task == "attribution":
        # gold units keyed by line and hash of a shared file (provenance.attribution_gold reads them)
        if not isinstance(gold.get("units"), str) or not isinstance(gold.get("shared_root"), str):
            raise ValueError("an attribution case needs gold 'units' (a JSONL file) and 'shared_root' (a directory)")
        _existing(base, gold["units"])
    if case.task == "chain":
        if not case.texts or not isinstance(gold.get("edges"), list):
            raise ValueError("a chain case needs 'texts' and gold 'edges' ([[from, to], ...])")
        for edge in gold["edges"]:
            if not (isinstance(edge, list) and len(edge) == 2 and all(isinstance(x, str) for x in edge)):
                raise ValueError(f"edge {edge!r} must be [from, to]")

"""``provenance index``: an archive of local-language news as one SQLite file, searchable from English.

Per article the index keeps its id and metadata (title, url, outlet, date), language variant,
sentences, fingerprints (``fingerprints.py``) and the English translation of its lead in an FTS5
table. Articles are added in batches, each committed: an interrupted run keeps every finished batch,
and running the command again adds only what is missing.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

from .fingerprints import FINGERPRINT_VERSION, fingerprints
from .project import (InputError, ProgressBar, document_from_bytes, document_from_text, load_text, read_bytes,
                      translation_input)

INDEX_SCHEMA = "provenance.index/1"
LEAD_SENTENCES = 3  # the lead: headline and first sentences, the part a translation keeps closest
BATCH_ARTICLES = 32  # articles per committed batch
SQLITE_MAGIC = b"SQLite format 3\x00"
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
SUPPORTED_LANGUAGES = ("sr-Latn", "sr-Cyrl", "bs", "hr", "en")

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, url TEXT, outlet TEXT, date TEXT,
    origin TEXT NOT NULL, language TEXT NOT NULL, text_hash TEXT NOT NULL, sentences INTEGER NOT NULL,
    fingerprints INTEGER NOT NULL, lead_en TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
CREATE TABLE IF NOT EXISTS sentences (
    article INTEGER NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (article, position)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fingerprints (
    key TEXT NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (key, article)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS leads USING fts5(lead_en, content='', tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS lead_terms USING fts5vocab(leads, 'row');
"""


@dataclass(frozen=True)
class ArchiveItem:
    """One article to index, as read from a folder, a JSONL file or another index."""

    id: str
    origin: str  # the file, "FILE:LINE" of a JSONL export, or "INDEX" for an article copied from one
    text: str | None = None  # None: read ``path`` when its turn comes
    path: Path | None = None
    data: bytes | None = None  # the file's bytes, read by the driver for a worker that cannot see ``path``
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    indexed: dict | None = None  # an article row of another index with its sentences, fingerprints and lead


@dataclass
class IndexStats:
    """What one ``build_index`` run did."""

    index: str
    added: int = 0
    already: int = 0  # ids the index held before
    skipped: list[str] = field(default_factory=list)  # "ID: why", for articles that could not be indexed
    sentences: int = 0
    lead_sentences: int = 0  # asked of the translator: from its cache or translated
    lead_sentences_translated: int = 0
    seconds: float = 0.0
    seconds_translating: float = 0.0
    interrupted: bool = False
    documents: int = 0  # in the index after the run

    def as_dict(self) -> dict:
        return {"schema": INDEX_SCHEMA, "index": self.index, "added": self.added, "already_indexed": self.already,
                "skipped": len(self.skipped), "skipped_examples": self.skipped[:5], "sentences": self.sentences,
                "lead_sentences": self.lead_sentences, "lead_sentences_translated": self.lead_sentences_translated,
                "documents": self.documents,
                "seconds": round(self.seconds, 3), "seconds_translating": round(self.seconds_translating, 3),
                "seconds_per_document": round(self.seconds / self.added, 4) if self.added else None,
                "interrupted": self.interrupted}


# --- opening -------------------------------------------------------------------------------------

def is_index_file(path: str | Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def open_index(path: str | Path, create: bool = False) -> sqlite3.Connection:
    """The index at ``path``; ``create`` makes a new one where there is no file. Anything else at
    ``path`` (another SQLite database, a text file) is refused, never overwritten."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an index file")
    if not path.exists():
        if not create:
            raise InputError(f"{path}: no such index (build one with: provenance index ARCHIVE -o {path})")
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not is_index_file(path):
        raise InputError(f"{path}: not a provenance index (it is not an SQLite file)")
    try:
        db = sqlite3.connect(str(path))
        db.execute("PRAGMA journal_mode=WAL")
        existing = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if existing and "meta" not in existing:
            raise InputError(f"{path}: an SQLite file, but not a provenance index")
        if not existing:
            db.executescript(_SCHEMA_SQL)
            db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                           [("schema", INDEX_SCHEMA), ("fingerprints", FINGERPRINT_VERSION),
                            ("created", time.strftime("%Y-%m-%dT%H:%M:%S"))])
            db.commit()
        schema = index_meta(db).get("schema")
        if schema != INDEX_SCHEMA:
            raise InputError(f"{path}: index schema {schema!r}; this provenance reads {INDEX_SCHEMA}")
    except sqlite3.DatabaseError as err:
        raise InputError(f"{path}: not a usable provenance index ({err})") from None
    return db


def index_meta(db: sqlite3.Connection) -> dict[str, str]:
    return dict(db.execute("SELECT key, value FROM meta"))


# --- reading archives ----------------------------------------------------------------------------

def read_archives(archives: list[str | Path], output: str | Path | None = None) -> list[ArchiveItem]:
    """The articles of every archive, all read (and JSONL files checked) before an index is touched;
    ``output``, the index being extended, is skipped if it is among them."""
    items: list[ArchiveItem] = []
    for source in map(Path, archives):
        if output is not None and source.exists() and Path(output).exists() and source.resolve() == Path(output).resolve():
            continue  # the index itself, given as an archive to extend: nothing to copy
        items.extend(read_archive(source))
    return items


def read_archive(path: str | Path) -> Iterator[ArchiveItem]:
    """The articles of a folder (recursively: .txt, .md, .html), a JSONL export, an index or one file.

    A JSONL file is checked whole before anything is yielded: a malformed line stops the run before
    the index is touched."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        if not files:
            raise InputError(f"{path}: no .txt, .md or .html files in the folder")
        return iter([ArchiveItem(str(p), str(p), path=p) for p in files])
    if is_index_file(path):
        return _index_items(path)
    if path.suffix.lower() in JSONL_SUFFIXES or _starts_with_brace(path):
        return iter(_jsonl_items(path))
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return iter([ArchiveItem(str(path), str(path), path=path)])
    raise InputError(f"{path}: not an archive (give a folder of .txt/.md/.html files, a JSONL file or an index)")


def _starts_with_brace(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(64).lstrip().startswith(b"{")


def _jsonl_items(path: Path) -> list[ArchiveItem]:
    items = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8; a JSONL file must be UTF-8") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except ValueError as err:
            raise InputError(f"{where}: not a JSON object ({err.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: not a JSON object")
        if record.get("id") in (None, "") or not isinstance(record.get("id"), (str, int)):
            raise InputError(f"{where}: no 'id' (each line needs 'id' and 'text')")
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            raise InputError(f"{where}: no 'text' (each line needs 'id' and 'text')")
        meta = {k: (str(record[k]) if record.get(k) not in (None, "") else None) for k in ("title", "url", "outlet", "date")}
        items.append(ArchiveItem(str(record["id"]), where, text=record["text"], **meta))
    if not items:
        raise InputError(f"{path}: no articles in the JSONL file")
    return items


def _index_items(path: Path) -> Iterator[ArchiveItem]:
    db = open_index(path)
    lead_model = index_meta(db).get("lead_model")
    rows = db.execute("SELECT rowid, id, title, url, outlet, date, origin, language, lead_en FROM articles "
                      "ORDER BY rowid").fetchall()
    keys_of: dict[int, list[str]] = {}
    for key, rowid in db.execute("SELECT key, article FROM fingerprints"):  # one pass: the table is keyed by key
        keys_of.setdefault(rowid, []).append(key)
    for rowid, id_, title, url, outlet, date, origin, language, lead_en in rows:
        sentences = [s for (s,) in db.execute("SELECT text FROM sentences WHERE article = ? ORDER BY position",
                                              (rowid,))]
        keys = keys_of.get(rowid, [])
        yield ArchiveItem(id_, origin, text="\n".join(sentences), title=title, url=url, outlet=outlet, date=date,
                          indexed={"language": language, "lead_en": lead_en, "lead_model": lead_model,
                                   "sentences": sentences, "fingerprints": keys})
    db.close()


# --- building ------------------------------------------------------------------------------------

@dataclass
class _Prepared:
    item: ArchiveItem
    sentences: list[str]
    language: str
    keys: list[str]
    lead: list[str]  # lead sentences to translate (empty when the lead is English or copied)
    lead_en: str | None  # known already: English articles, articles copied from another index


def build_index(archives: "list[str | Path | ArchiveItem]", output: str | Path, translator=None,
                progress: bool | None = None, lead_sentences: int = LEAD_SENTENCES,
                batch_articles: int = BATCH_ARTICLES, pool=None) -> IndexStats:
    """Add the articles of ``archives`` (paths, or items already read) to the index at ``output`` (created
    if missing); articles whose id is there already are left as they are. ``translator`` translates the
    leads (None: leads are left untranslated, and ``find`` ranks by fingerprints alone).

    ``pool`` (a ``scaleout.DaskPool``): its workers read, segment and fingerprint the articles and
    translate the leads the cache lacks, a few batches ahead of the one being written; this process
    only looks up and writes the cache and writes the index."""
    started = time.perf_counter()
    output = Path(output)
    stats = IndexStats(str(output))
    items = [a for a in archives if isinstance(a, ArchiveItem)]
    items += read_archives([a for a in archives if not isinstance(a, ArchiveItem)], output)
    db = open_index(output, create=True)
    ready = None
    try:
        meta = index_meta(db)
        lead_model, lead_sentences = _lead_settings(db, meta, translator, lead_sentences)
        known = {id_ for (id_,) in db.execute("SELECT id FROM articles")}
        todo = []
        for item in items:
            if item.id in known:
                stats.already += 1
            else:
                known.add(item.id)
                todo.append(item)
        batches = [todo[start:start + batch_articles] for start in range(0, len(todo), batch_articles)]
        if pool is None:
            ready = _prepared_here(batches, lead_sentences, lead_model, translator, stats)
        else:
            ready = _prepared_on(pool, batches, lead_sentences, lead_model, translator, stats)
        with ProgressBar(len(todo), progress, "indexing") as advance:
            for batch, (prepared, skipped) in zip(batches, ready):
                stats.skipped.extend(skipped)
                _write_batch(db, prepared, stats)
                advance(len(batch))
    except KeyboardInterrupt:
        stats.interrupted = True  # every committed batch stays; the one in flight is rolled back
        db.rollback()
    finally:
        if ready is not None:
            ready.close()  # batches still on the workers are cancelled
        stats.documents = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        db.close()
        stats.seconds = time.perf_counter() - started
    return stats


def _lead_settings(db: sqlite3.Connection, meta: dict, translator, lead_sentences: int) -> tuple[str, int]:
    """The translator fingerprint and length of the index's leads, fixed when it is created: every
    lead in one index is translated alike, or BM25 would compare unlike texts."""
    wanted = translator.fingerprint if translator is not None and lead_sentences else "none"
    have = meta.get("lead_model")
    if have is None:
        lead_sentences = lead_sentences if wanted != "none" else 0
        db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                       [("lead_model", wanted), ("lead_sentences", str(lead_sentences))])
        db.commit()
        return wanted, lead_sentences
    if have != wanted:
        raise InputError(f"the index's leads were translated with {have}; extend it with the same model "
                         f"and lead settings (this run: {wanted})")
    return have, int(meta.get("lead_sentences", lead_sentences))


def prepare_batch(items: list[ArchiveItem], lead_sentences: int,
                  lead_model: str) -> tuple[list[_Prepared], list[str]]:
    """The articles of ``items`` ready to translate and write, and "ID: why" for those that cannot be
    indexed. Runs in this process or on a worker: it touches neither the index nor the cache, and
    what it returns carries no article text (the sentences are in it)."""
    prepared, skipped = [], []
    for item in items:
        result = _prepare(item, lead_sentences, lead_model)
        if isinstance(result, str):
            skipped.append(f"{item.id}: {result}")
        else:
            result.item = replace(item, text=None, data=None, indexed=None)
            prepared.append(result)
    return prepared, skipped


def _shippable(items: list[ArchiveItem]) -> list[ArchiveItem]:
    """``items`` for a worker that may not see this machine's files: each file read into ``data``
    here (an unreadable one keeps its path, and ``_prepare`` reports why on the worker)."""
    shipped = []
    for item in items:
        if item.path is not None and item.data is None:
            try:
                item = replace(item, data=read_bytes(item.path))
            except InputError:
                pass
        shipped.append(item)
    return shipped


def _prepare(item: ArchiveItem, lead_sentences: int, lead_model: str) -> _Prepared | str:
    """Sentences, language, fingerprints and lead of an article; why not, when it cannot be indexed."""
    copied = item.indexed
    if copied is not None:  # from another index: read there already
        sentences, language, keys = copied["sentences"], copied["language"], copied["fingerprints"]
        same_model = copied["lead_model"] == lead_model != "none" and copied["lead_en"]
        lead_en = copied["lead_en"] if same_model else None
    else:
        try:
            if item.data is not None:
                document = document_from_bytes(item.data, str(item.path))
            elif item.path is not None:
                document = document_from_bytes(read_bytes(item.path), str(item.path))
            else:
                document = document_from_text(item.text, item.id)
            text = load_text(document)
        except InputError as err:
            return str(err)
        sentences, language = text.sentence_texts, text.language.code
        keys = list(fingerprints(sentences, english=language == "en"))
        lead_en = None
    if language not in SUPPORTED_LANGUAGES:
        return f"language {language!r} is not supported"
    # given to the translator as the check gives it the article's sentences, so find's check reuses the lead's
    # translations (Serbian Cyrillic goes as Latin)
    lead = translation_input(sentences[:lead_sentences], language)
    if language == "en":
        lead_en = " ".join(lead)
    return _Prepared(item, sentences, language, keys, [] if lead_en is not None else lead, lead_en)


def _prepared_here(batches, lead_sentences: int, lead_model: str, translator, stats: IndexStats):
    """Each batch prepared and its leads translated in this process."""
    for batch in batches:
        prepared, skipped = prepare_batch(batch, lead_sentences, lead_model)
        translating = time.perf_counter()
        _translate_leads(prepared, translator, stats)
        stats.seconds_translating += time.perf_counter() - translating
        yield prepared, skipped


def _prepared_on(pool, batches, lead_sentences: int, lead_model: str, translator, stats: IndexStats):
    """Each batch prepared and its leads translated on ``pool``'s workers, in order."""
    if translator is None:
        for prepared, skipped in pool.map_in_order(prepare_batch, map(_shippable, batches), lead_sentences, lead_model):
            _fill_leads(prepared, {})
            yield prepared, skipped
        return
    results = pool.map_translated(prepare_batch, map(_shippable, batches), (lead_sentences, lead_model),
                                  _lead_sentences, translator)
    waited = translator.stats.seconds
    for (prepared, skipped), english, translated in results:
        stats.lead_sentences += len(_lead_sentences((prepared, skipped)))
        stats.lead_sentences_translated += translated
        stats.seconds_translating += translator.stats.seconds - waited  # waiting for the workers' translations
        waited = translator.stats.seconds
        _fill_leads(prepared, english)
        yield prepared, skipped


def _lead_sentences(batch: tuple[list[_Prepared], list[str]]) -> list[str]:
    return [s for p in batch[0] for s in p.lead]


def _translate_leads(prepared: list[_Prepared], translator, stats: IndexStats) -> None:
    wanted = _lead_sentences((prepared, []))
    if translator is None or not wanted:
        _fill_leads(prepared, {})
        return
    before = translator.stats.translated
    stats.lead_sentences += len(wanted)
    english = dict(zip(wanted, translator.translate(wanted)))
    stats.lead_sentences_translated += translator.stats.translated - before
    _fill_leads(prepared, english)


def _fill_leads(prepared: list[_Prepared], english: dict[str, str]) -> None:
    for p in prepared:
        if p.lead_en is None:
            p.lead_en = " ".join(english[s] for s in p.lead) if p.lead else ""


def _write_batch(db: sqlite3.Connection, prepared: list[_Prepared], stats: IndexStats) -> None:
    with db:  # one transaction per batch
        for p in prepared:
            item = p.item
            cursor = db.execute(
                "INSERT INTO articles (id, title, url, outlet, date, origin, language, text_hash, sentences, "
                "fingerprints, lead_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (item.id, item.title or (p.sentences[0][:200] if p.sentences else None), item.url, item.outlet,
                 item.date, item.origin, p.language, _hash("\n".join(p.sentences)), len(p.sentences), len(p.keys),
                 p.lead_en))
            rowid = cursor.lastrowid
            db.executemany("INSERT INTO sentences (article, position, text) VALUES (?, ?, ?)",
                           [(rowid, i, s) for i, s in enumerate(p.sentences)])
            db.executemany("INSERT OR IGNORE INTO fingerprints (key, article) VALUES (?, ?)",
                           [(k, rowid) for k in p.keys])
            db.execute("INSERT INTO leads (rowid, lead_en) VALUES (?, ?)", (rowid, p.lead_en))
            stats.added += 1
            stats.sentences += len(p.sentences)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

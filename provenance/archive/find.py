"""``provenance find``: which article of an index is the English article translated from?

Two stages. The cheap one ranks the whole archive without translating anything: fingerprint overlap
(numbers, dates, names, places and media, weighted by rarity) plus BM25 of the English article
against the translated leads. The expensive one translates only the ``top`` shortlisted articles in
full and runs the normal check on them; its ranking is the answer.
"""
from __future__ import annotations

import math
import re
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from .fingerprints import FINGERPRINT_VERSION, fingerprints
from .index import index_meta, open_index
from .project import InputError, Text, __version__, check, document_from_text, load_text

FIND_SCHEMA = "provenance.find/1"
DEFAULT_TOP = 10
POOL = 200  # candidates each cheap signal contributes before they are combined
FINGERPRINT_WEIGHT = 0.5  # share of the fingerprint score in the cheap score; BM25 has the rest
QUERY_TERMS = 250  # distinct words of the article's lead in the BM25 query, at most
_TERM = re.compile(r"[a-z][a-z'’-]*[a-z]|[0-9]{2,}")
_STOP = frozenset("""the and for that with was were are has have had his her its from this they their will would
been not but said also who which than more about after into over what when there been other some could
""".split())
_KEY_KINDS = {"n": "numbers", "t": "times", "d": "dates", "s": "names", "c": "places and media"}


@dataclass
class Shortlisted:
    """An article of the archive that the cheap stage put on the shortlist."""

    rowid: int
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    date: str | None
    language: str
    sentences: int
    cheap_rank: int = 0
    cheap_score: float = 0.0
    fingerprint_score: float = 0.0
    bm25_score: float = 0.0
    shared: dict[str, list[str]] = field(default_factory=dict)  # kind -> what the article and it share
    lead_words: list[str] = field(default_factory=list)  # rarest words the English article shares with its lead
    candidate: object | None = None  # check's CandidateResult, after the full check

    @property
    def why(self) -> str:
        """Why the cheap stage shortlisted it, in words."""
        parts = [f"shares {kind} {', '.join(values[:4])}" for kind, values in self.shared.items() if values]
        if self.lead_words:
            parts.append(f"lead says {', '.join(self.lead_words[:5])}")
        return "; ".join(parts) or "weak overlap only"

    @property
    def label(self) -> str | None:
        score = getattr(self.candidate, "score", None)
        return score.label if score is not None else None


@dataclass
class FindResult:
    article: Text
    ranking: list[Shortlisted]  # best first: checked candidates by the check's ranking
    check: object | None  # the CheckResult on the shortlist
    source: str | None  # id of the article the English one is translated from, or None
    statistics: dict
    signature: str
    index: str

    @property
    def verdict(self) -> str:
        if self.check is None:
            return "not checked: the cheap ranking only"
        if self.source is None:
            return "no article of the archive is a source of this one"
        return f"{self.source} ({self.ranking[0].label})"


def find(article, index: str | Path, top: int = DEFAULT_TOP, since: str | None = None, translator=None,
         check_shortlist: bool = True, fingerprint_weight: float = FINGERPRINT_WEIGHT) -> FindResult:
    """Find the source of the English ``article`` (a path, '-', a Document or a Text) in ``index``.

    ``check_shortlist=False`` stops after the cheap stage (nothing is translated; no verdict).
    ``fingerprint_weight`` is the fingerprints' share of the cheap score (1: they alone, 0: BM25 alone);
    an index without translated leads ranks by fingerprints alone whatever it is."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    db = open_index(index)
    try:
        meta = index_meta(db)
        english = load_text(article)
        if english.language.code != "en":
            raise InputError(f"{english.name}: the article must be in English; it reads as {english.language.code}")
        documents, archive_sentences = db.execute("SELECT COUNT(*), COALESCE(SUM(sentences), 0) FROM articles").fetchone()
        if not documents:
            raise InputError(f"{index}: the index holds no articles")
        allowed = _allowed(db, since)
        if meta.get("lead_model") == "none":
            fingerprint_weight = 1.0  # no translated leads to rank by
        timings["load"] = _lap(clock)

        started = time.perf_counter()
        query_keys = fingerprints(english.sentence_texts, english=True)
        by_fingerprint, shared = (_fingerprint_scores(db, query_keys, documents, allowed)
                                  if fingerprint_weight > 0 else ({}, {}))
        timings["fingerprints"] = _lap(started)

        started = time.perf_counter()
        # the article's lead against the archive's leads, as long as they are: the rest of a long article
        # only adds words that leads lack (BM25 alone, 123 NTREX queries, 2,689 documents: the first
        # result a translation 0.878 with the whole article's words, 0.984 with its first 3 sentences)
        terms = _query_terms(english.sentence_texts[: int(meta.get("lead_sentences") or 0) or None])
        by_bm25 = _bm25_scores(db, terms, allowed) if fingerprint_weight < 1 else {}
        timings["bm25"] = _lap(started)

        shortlist = _shortlist(db, by_fingerprint, by_bm25, shared, top, fingerprint_weight)
        _explain_leads(db, shortlist, terms)

        started = time.perf_counter()
        wanted = shortlist if check_shortlist else []
        check_result, translated = _check(english, db, wanted, translator) if wanted else (None, {})
        timings["check"] = _lap(started)
    finally:
        db.close()
    ranking = _final_ranking(shortlist, check_result)
    source = check_result.source if check_result is not None else None
    timings["total"] = _lap(clock)
    statistics = {
        "archive_documents": documents,
        "archive_sentences": archive_sentences,
        "candidates_after_filter": len(allowed) if allowed is not None else documents,
        "shortlisted": len(shortlist),
        "sentences_translated": translated.get("requested", 0),
        "sentences_translated_share": round(translated.get("requested", 0) / archive_sentences, 5)
        if archive_sentences else 0.0,
        "sentences_newly_translated": translated.get("translated", 0),
        "seconds": {k: round(v, 3) for k, v in timings.items()},
    }
    signature = find_signature(top, since, meta, translator, fingerprint_weight)
    return FindResult(english, ranking, check_result, source, statistics, signature, str(index))


def find_signature(top: int, since: str | None, meta: dict, translator,
                   fingerprint_weight: float = FINGERPRINT_WEIGHT) -> str:
    """How the result was computed, sacrebleu-style: enough to reproduce it."""
    model = translator.fingerprint if translator is not None else "default"
    return (f"find:{__version__}|fp:{meta.get('fingerprints', FINGERPRINT_VERSION)}|lead:{meta.get('lead_sentences')}"
            f"|lead-mt:{meta.get('lead_model')}|bm25:fts5-porter-lead|w:{fingerprint_weight:g}|pool:{POOL}|k:{top}"
            f"|since:{since or '-'}|mt:{model}")


def _lap(started: float) -> float:
    return time.perf_counter() - started


def _allowed(db: sqlite3.Connection, since: str | None) -> set[int] | None:
    """Row ids dated on or after ``since`` (undated articles stay: their date is unknown, not old)."""
    if not since:
        return None
    return {r for (r,) in db.execute("SELECT rowid FROM articles WHERE date IS NULL OR date >= ?", (since,))}


def _fingerprint_scores(db, query_keys: dict[str, str], documents: int, allowed):
    """Rarity-weighted fingerprint overlap per article (an inverse-document-frequency sum, divided by
    the square root of the article's own number of fingerprints so long articles do not win by size)."""
    if not query_keys:
        return {}, {}
    keys = list(query_keys)
    postings: dict[str, list[int]] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        rows = db.execute(f"SELECT key, article FROM fingerprints WHERE key IN ({','.join('?' * len(chunk))})", chunk)
        for key, rowid in rows:
            postings.setdefault(key, []).append(rowid)
    scores: dict[int, float] = {}
    shared: dict[int, list[tuple[float, str]]] = {}
    for key, rowids in postings.items():
        idf = math.log(1 + (documents - len(rowids) + 0.5) / (len(rowids) + 0.5))
        for rowid in rowids:
            if allowed is None or rowid in allowed:
                scores[rowid] = scores.get(rowid, 0.0) + idf
                shared.setdefault(rowid, []).append((idf, key))
    if not scores:
        return {}, {}
    best = sorted(scores, key=scores.get, reverse=True)[: POOL * 5]
    sizes = _column(db, "fingerprints", best)
    normalised = {r: scores[r] / math.sqrt(max(sizes.get(r, 1), 10)) for r in best}
    top = sorted(normalised, key=normalised.get, reverse=True)[:POOL]
    return {r: normalised[r] for r in top}, {r: _by_kind(shared[r], query_keys) for r in top}


def _by_kind(pairs: list[tuple[float, str]], query_keys: dict[str, str]) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for _, key in sorted(pairs, reverse=True):  # rarest first
        shown = query_keys[key]
        values = kinds.setdefault(_KEY_KINDS[key[0]], [])
        if shown not in values:
            values.append(shown)
    return kinds


def _column(db, column: str, rowids: list[int]) -> dict[int, object]:
    found: dict[int, object] = {}
    for start in range(0, len(rowids), 500):
        chunk = rowids[start:start + 500]
        found.update(db.execute(f"SELECT rowid, {column} FROM articles WHERE rowid IN ({','.join('?' * len(chunk))})",
                                chunk))
    return found


def _query_terms(sentences: list[str]) -> list[str]:
    terms: dict[str, None] = {}
    for sentence in sentences:
        for term in _TERM.findall(sentence.lower()):
            term = term.strip("'’-").replace("’", "'")
            if len(term) >= 3 and term not in _STOP and "'" not in term and "-" not in term:
                terms.setdefault(term)
        if len(terms) >= QUERY_TERMS:
            break
    return list(terms)[:QUERY_TERMS]


def _bm25_scores(db, terms: list[str], allowed) -> dict[int, float]:
    """BM25 of the English article's words against the translated leads (higher is better)."""
    if not terms:
        return {}
    query = " OR ".join(f'"{t}"' for t in terms)
    limit = POOL if allowed is None else POOL * 20
    try:
        rows = db.execute("SELECT rowid, -bm25(leads) FROM leads WHERE leads MATCH ? ORDER BY rank LIMIT ?",
                          (query, limit)).fetchall()
    except sqlite3.OperationalError:
        return {}
    return {r: s for r, s in rows if (allowed is None or r in allowed) and s > 0}


def _shortlist(db, by_fingerprint: dict[int, float], by_bm25: dict[int, float], shared, top: int,
               weight: float) -> list[Shortlisted]:
    """The ``top`` articles by the cheap score: each signal scaled to its best, then mixed."""
    best_fp = max(by_fingerprint.values(), default=0.0) or 1.0
    best_bm = max(by_bm25.values(), default=0.0) or 1.0
    combined = {}
    for rowid in set(by_fingerprint) | set(by_bm25):
        combined[rowid] = (weight * by_fingerprint.get(rowid, 0.0) / best_fp
                           + (1 - weight) * by_bm25.get(rowid, 0.0) / best_bm)
    chosen = sorted(combined, key=lambda r: (-combined[r], r))[:top]
    rows = {}
    for start in range(0, len(chosen), 500):
        chunk = chosen[start:start + 500]
        for row in db.execute("SELECT rowid, id, title, url, outlet, date, language, sentences FROM articles "
                              f"WHERE rowid IN ({','.join('?' * len(chunk))})", chunk):
            rows[row[0]] = row
    shortlist = []
    for rank, rowid in enumerate(chosen, start=1):
        item = Shortlisted(*rows[rowid], cheap_rank=rank, cheap_score=round(combined[rowid], 4),
                           fingerprint_score=round(by_fingerprint.get(rowid, 0.0), 4),
                           bm25_score=round(by_bm25.get(rowid, 0.0), 4), shared=shared.get(rowid, {}))
        shortlist.append(item)
    return shortlist


def _explain_leads(db, shortlist: list[Shortlisted], terms: list[str]) -> None:
    """The rarest words of the article that each shortlisted lead contains (the why of its BM25)."""
    if not shortlist or not terms:
        return
    marks = ",".join("?" * len(terms))
    rarity = dict(db.execute(f"SELECT term, doc FROM lead_terms WHERE term IN ({marks})", terms))
    leads = _column(db, "lead_en", [s.rowid for s in shortlist])
    for item in shortlist:
        words = set(_TERM.findall((leads.get(item.rowid) or "").lower()))
        item.lead_words = sorted((t for t in terms if t in words), key=lambda t: (rarity.get(t, 0) or 10**9, t))[:8]


def _check(english: Text, db, shortlist: list[Shortlisted], translator):
    """The normal check of the English article against the shortlisted articles, translated in full."""
    texts = []
    for item in shortlist:
        sentences = [s for (s,) in db.execute("SELECT text FROM sentences WHERE article = ? ORDER BY position",
                                              (item.rowid,))]
        texts.append(load_text(document_from_text("\n".join(sentences), item.id), one_per_line=True))
    wanted = {s for t in texts if t.language.code != "en" for s in t.sentence_texts}
    before = dict(translator.stats.as_dict()) if translator is not None else None
    from threadpoolctl import threadpool_limits

    # The alignment's matrices are small: BLAS threads cost more than they bring, and on a loaded
    # machine they spin (a warm 10-candidate check took 33 s with them, 2 s without).
    with threadpool_limits(limits=1, user_api="blas"):
        result = check(english, texts, translator=translator, with_chain=False)
    after = result.translation.as_dict()
    translated = {"requested": len(wanted),
                  "translated": after["translated"] - (before["translated"] if before else 0)}
    for item, candidate in zip(shortlist, result.candidates):
        item.candidate = candidate
    return result, translated


def _final_ranking(shortlist: list[Shortlisted], check_result) -> list[Shortlisted]:
    if check_result is None:
        return shortlist

    def order(item: Shortlisted):
        rank = getattr(item.candidate, "rank", None)
        return (rank is None, rank or 0, item.cheap_rank)

    return sorted(shortlist, key=order)

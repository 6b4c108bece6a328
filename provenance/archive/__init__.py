"""Finding the source in an archive: ``index`` a pile of local news once, ``find`` an English article in it.

    from provenance.archive import build_index, find
    build_index(["saved-pages/", "monitor.jsonl"], "news.index")
    result = find("article.en.txt", "news.index", top=10)
    print(result.ranking[0].id, result.verdict)

The index is one SQLite file (schema ``provenance.index/1``): per article its metadata, variant,
sentences, language-independent fingerprints and the English translation of its lead in an FTS5
table. ``find`` ranks the archive cheaply (fingerprints + BM25), translates only the shortlist in
full and runs the normal check on it.
"""
from .find import FIND_SCHEMA, FindResult, find
from .index import INDEX_SCHEMA, IndexStats, build_index, open_index

__all__ = ["build_index", "open_index", "find", "FindResult", "IndexStats", "FIND_SCHEMA", "INDEX_SCHEMA"]

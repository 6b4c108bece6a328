"""The real labelled sentences for the variant model, and their feature matrices (shared by the
training and the cross-validation scripts; build time only: numpy, scipy, scikit-learn).

Reads ../shared/data/real-dev (DSL Corpus Collection: research use, never copied into the repo;
SETimes UD: CC BY-SA 4.0). Sentences that normalise to the same text are kept once; a text that
occurs with two labels is dropped.
"""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from provenance.text.variant_model import DENSE_NAMES, dense_features, normalise, sparse_features  # noqa: E402

REAL_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "real-dev"
NEWS_PAIRS = REAL_DEV.parent / "news-pairs"
NTREX = Path(__file__).resolve().parents[1] / "corpora" / "ntrex" / "texts"
CLASSES = ("sr", "bs", "hr")
MIN_DF = 3  # a feature must occur in 3 sentences: rare n-grams and words could give text away


@dataclass
class Sentences:
    texts: list[str]
    labels: np.ndarray  # index into CLASSES
    sources: list[str]  # dslcc-bcs, dslcc4, dslcc2015B, ud-setimes
    counts: sparse.csr_matrix  # sentences x all features (1 where present)
    dense: np.ndarray  # sentences x DENSE_NAMES
    feature_names: list[str]


def load(folder: Path = REAL_DEV, news_pairs: bool = False, ntrex: bool = False) -> Sentences:
    """The real sentences; with ``news_pairs`` also the project's own labelled sentences (source
    "news-pairs"), with ``ntrex`` the sentences of corpora/ntrex (bs, hr, sr-Latn; source "ntrex"):
    training material only, never scored."""
    rows: list[tuple[str, str, str]] = []
    with open(folder / "dslcc-bcs.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append((row["variant"], "dslcc-bcs", row["text"]))
    with open(folder / "dslcc-more.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append((row["variant"], row["collection"], row["text"]))
    with open(folder / "ud-setimes-sr-hr.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append((row["variant"], "ud-setimes", row["text"]))
    if news_pairs:
        for path in sorted(NEWS_PAIRS.glob("[a-z]_*.tsv")):
            for line in path.read_text(encoding="utf-8").splitlines():
                variant, text = line.split("\t")[:2]
                rows.append(("sr" if variant.startswith("sr") else variant, "news-pairs", text))
    if ntrex:
        for path in sorted(NTREX.glob("*.txt")):
            variant = path.name.split(".")[-2]
            if variant in ("bs", "hr", "sr-Latn"):
                rows += [(variant[:2], "ntrex", line) for line in path.read_text(encoding="utf-8").splitlines()
                         if line.strip()]
    by_text: dict[str, list[tuple[str, str, str]]] = {}
    for variant, source, text in rows:
        by_text.setdefault(normalise(text), []).append((variant, source, text))
    kept = [group[0] for group in by_text.values() if len({v for v, _s, _t in group}) == 1]
    texts = [t for _v, _s, t in kept]
    labels = np.array([CLASSES.index(v) for v, _s, _t in kept])
    sources = [s for _v, s, _t in kept]
    vocab: dict[str, int] = {}
    indptr, indices, data, dense = [0], [], [], []
    for text in texts:
        norm = normalise(text)
        feats = sparse_features(norm)
        for feat in feats:
            indices.append(vocab.setdefault(feat, len(vocab)))
            data.append(1)
        indptr.append(len(indices))
        dense.append(dense_features(norm))
    counts = sparse.csr_matrix((np.array(data, np.float32), np.array(indices), np.array(indptr)),
                               shape=(len(texts), len(vocab)))
    names = [None] * len(vocab)
    for feat, i in vocab.items():
        names[i] = feat
    print(f"{len(rows)} sentences read, {len(texts)} kept after removing duplicates; {len(vocab)} features",
          file=sys.stderr)
    return Sentences(texts, labels, sources, counts, np.array(dense, np.float32), names)


def kept_columns(counts: sparse.csr_matrix, rows: np.ndarray) -> np.ndarray:
    """Features that occur in at least MIN_DF of the given sentences."""
    df = np.asarray((counts[rows] > 0).sum(axis=0)).ravel()
    return np.flatnonzero(df >= MIN_DF)


def near_duplicate_groups(texts: list[str], jaccard: float = 0.5) -> np.ndarray:
    """A group id per sentence: sentences whose sets of words of 4+ letters overlap by at least ``jaccard``
    (and share 3 of them) are linked, and linked sentences share a group, so that cross-validation keeps
    them in one fold. It links the SETimes UD sentences that translate the same English sentence into
    Serbian and Croatian, and DSL sentences that a later test set repeats with names masked."""
    from scipy.sparse.csgraph import connected_components

    word = re.compile(r"[^\W\d_]{4,}")
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, text in enumerate(texts):
        for w in set(word.findall(text.replace("#NE#", " ").lower())):
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(vocab)))
    sizes = np.asarray(x.sum(axis=1)).ravel()
    shared = (x @ x.T).tocoo()
    union = sizes[shared.row] + sizes[shared.col] - shared.data
    link = ((shared.row < shared.col) & (np.minimum(sizes[shared.row], sizes[shared.col]) >= 3)
            & (shared.data >= jaccard * union))
    graph = sparse.coo_matrix((np.ones(link.sum()), (shared.row[link], shared.col[link])), shape=shared.shape)
    return connected_components(graph, directed=False)[1]


__all__ = ["CLASSES", "DENSE_NAMES", "MIN_DF", "Sentences", "kept_columns", "load", "near_duplicate_groups"]

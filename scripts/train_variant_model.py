"""Train the variant model on the real labelled news and write provenance/lexicon/data/variant_model.npz.

    pip install scikit-learn==1.9.1 scipy   # build time only
    python scripts/build_variant_lexicon.py  # first, if the dictionaries changed
    python scripts/train_variant_model.py [../shared/data/real-dev] [--with-news-pairs]

An NB-SVM (Wang & Manning 2012) over the presence of character 1-5-grams and words, with the dense
features of provenance.text.variant_model: for each variant against the rest, every sparse feature
is scaled by its naive-Bayes log-count ratio, the row (dense features appended) is L2-normalised and
a linear SVM is fitted. C is chosen from C_GRID by a 3-fold cross-validation inside the training text;
the out-of-fold scores of that C fit a 3x3 affine map (multinomial logistic regression on the three
scores) that makes them calibrated probabilities. The file keeps only what is derived: feature strings
that occur in at least three sentences (no sentence can be rebuilt from them), the ratio and weight of
each, and the calibration. ``scripts/evaluate_variant_cv.py`` measures the same recipe with
cross-validation.
"""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from variant_data import CLASSES, DENSE_NAMES, MIN_DF, REAL_DEV, kept_columns, load  # noqa: E402

ALPHA = 1.0  # add-one smoothing of the naive-Bayes counts
C_GRID = (0.1, 0.3, 1.0)
INNER_FOLDS = 3
OUT = Path(__file__).resolve().parents[1] / "provenance" / "lexicon" / "data" / "variant_model.npz"


class NBSVM:
    """One NB-weighted linear SVM per class against the rest; scores computed as the runtime does."""

    def __init__(self, c: float):
        self.c = c

    def fit(self, x: sparse.csr_matrix, dense: np.ndarray, y: np.ndarray) -> "NBSVM":
        from sklearn.svm import LinearSVC

        k = len(CLASSES)
        self.ratios = np.zeros((x.shape[1], k))
        self.weights = np.zeros((x.shape[1], k))
        self.dense_weights = np.zeros((dense.shape[1], k))
        self.bias = np.zeros(k)
        for c in range(k):
            p = ALPHA + np.asarray(x[y == c].sum(axis=0)).ravel()
            q = ALPHA + np.asarray(x[y != c].sum(axis=0)).ravel()
            r = np.log(p / p.sum()) - np.log(q / q.sum())
            scaled = sparse.hstack([x @ sparse.diags(r), sparse.csr_matrix(dense)]).tocsr()
            norms = np.sqrt(np.asarray(scaled.multiply(scaled).sum(axis=1)).ravel())
            norms[norms == 0] = 1
            svm = LinearSVC(C=self.c, class_weight="balanced", max_iter=3000).fit(
                sparse.diags(1 / norms) @ scaled, (y == c).astype(int))
            w = svm.coef_.ravel()
            self.ratios[:, c] = r
            self.weights[:, c] = w[: x.shape[1]] * r
            self.dense_weights[:, c] = w[x.shape[1]:]
            self.bias[c] = svm.intercept_[0]
        return self

    def decision_function(self, x: sparse.csr_matrix, dense: np.ndarray) -> np.ndarray:
        norms = np.sqrt(x @ np.square(self.ratios) + (dense * dense).sum(axis=1, keepdims=True))
        norms[norms == 0] = 1
        return (x @ self.weights + dense @ self.dense_weights) / norms + self.bias


@dataclass
class Trained:
    model: NBSVM
    columns: np.ndarray
    c: float
    calibration: np.ndarray  # (classes, classes)
    offset: np.ndarray  # (classes,)
    inner_accuracy: dict

    def scores(self, data, rows, dense_mask=None) -> np.ndarray:
        return self.model.decision_function(data.counts[rows][:, self.columns], _dense(data, rows, dense_mask))

    def logits(self, data, rows, dense_mask=None) -> np.ndarray:
        return self.scores(data, rows, dense_mask) @ self.calibration + self.offset


def _dense(data, rows, dense_mask=None) -> np.ndarray:
    dense = data.dense[rows].astype(np.float64)
    return dense if dense_mask is None else dense * dense_mask


def fit(data, rows: np.ndarray, c: float, dense_mask=None) -> tuple[NBSVM, np.ndarray]:
    columns = kept_columns(data.counts, rows)
    model = NBSVM(c).fit(data.counts[rows][:, columns], _dense(data, rows, dense_mask), data.labels[rows])
    return model, columns


def fit_calibration(scores: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The affine map of the three scores that minimises the log-loss (matrix scaling)."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=100.0, max_iter=1000).fit(scores, y)
    return lr.coef_.T.copy(), lr.intercept_.copy()


def train(data, rows: np.ndarray, seed: int = 0, dense_mask=None, c: float | None = None,
          calibrate: bool = True) -> Trained:
    """The recipe on ``rows``: C from C_GRID by inner cross-validation (or the given ``c``), the
    calibration on the inner out-of-fold scores, then the model refitted on all rows."""
    from sklearn.model_selection import StratifiedKFold

    grid = C_GRID if c is None else (c,)
    inner: dict[float, np.ndarray] = {}
    if len(grid) > 1 or calibrate:
        y = data.labels[rows]
        splits = list(StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=seed).split(rows, y))
        for value in grid:
            out = np.zeros((len(rows), len(CLASSES)))
            for fit_part, held in splits:
                model, columns = fit(data, rows[fit_part], value, dense_mask)
                out[held] = model.decision_function(data.counts[rows[held]][:, columns],
                                                    _dense(data, rows[held], dense_mask))
            inner[value] = out
        accuracy = {value: float((out.argmax(axis=1) == y).mean()) for value, out in inner.items()}
        best = max(grid, key=lambda value: (accuracy[value], -value))
    else:
        accuracy, best = {}, grid[0]
    calibration, offset = np.eye(len(CLASSES)), np.zeros(len(CLASSES))
    if calibrate:
        calibration, offset = fit_calibration(inner[best], data.labels[rows])
    model, columns = fit(data, rows, best, dense_mask)
    return Trained(model, columns, best, calibration, offset, {str(k): round(v, 4) for k, v in accuracy.items()})


def main(folder: str | None = None, news_pairs: bool = False, out: Path = OUT) -> None:
    data = load(Path(folder) if folder else REAL_DEV, news_pairs=news_pairs)
    rows = np.arange(len(data.texts))
    trained = train(data, rows)
    model = trained.model
    vocab = "\n".join(data.feature_names[c] for c in trained.columns).encode("utf-8")
    signature = (f"variant-nbsvm|C={trained.c}|alpha={ALPHA}|char1-5+words+dense{len(DENSE_NAMES)}|min_df={MIN_DF}|"
                 f"matrix-scaling|n={len(rows)}|{hashlib.sha256(vocab).hexdigest()[:12]}")
    np.savez_compressed(
        out, classes=np.array(CLASSES), vocab=np.frombuffer(vocab, dtype=np.uint8),
        sparse_weights=model.weights.astype(np.float16), ratios=model.ratios.astype(np.float16),
        dense_weights=model.dense_weights.astype(np.float32), bias=model.bias.astype(np.float32),
        dense_scale=np.ones(len(DENSE_NAMES), np.float32),
        calibration=trained.calibration.astype(np.float32), calibration_offset=trained.offset.astype(np.float32),
        signature=np.array(signature),
        licence=np.array("Weights derived from DSL Corpus Collection sentences (research use) and SETimes UD "
                         "(CC BY-SA 4.0); dictionary features from Hunspell bs_BA/hr_HR/sr_RS (GPL/LGPL/MPL)."))
    print(f"{out}: {len(trained.columns)} sparse + {len(DENSE_NAMES)} dense features, C={trained.c} "
          f"(inner accuracy {trained.inner_accuracy}), {out.stat().st_size / 1e6:.2f} MB; {signature}", file=sys.stderr)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=None, help="real-dev folder (default ../shared/data/real-dev)")
    parser.add_argument("--with-news-pairs", action="store_true",
                        help="also train on ../shared/data/news-pairs (the project's own sentences)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    main(args.folder, args.with_news_pairs, args.out)

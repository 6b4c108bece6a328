"""Train the variant model on the real labelled news and write provenance/lexicon/data/variant_model.npz.

    pip install scikit-learn==1.9.1 scipy   # build time only
    python scripts/build_variant_lexicon.py  # first, if the dictionaries changed
    python scripts/train_variant_model.py [../shared/data/real-dev] [--with-news-pairs]

An NB-SVM (Wang & Manning 2012) over the presence of character 1-5-grams and words, with the dense
features of provenance.text.variant_model: for each variant against the rest, every sparse feature
is scaled by its naive-Bayes log-count ratio, the row (dense features appended) is L2-normalised and
a linear SVM is fitted. Three such models (MEMBERS: add-one or add-half smoothing, the news-pairs
sentences weighted 1 or 0) are stacked. C is chosen from C_GRID by a 3-fold cross-validation of the
first member inside the training text (accuracy on its real sentences); the members' out-of-fold scores
of the real sentences fit a 9x3 affine map (multinomial logistic regression on the nine scores) that
makes them calibrated probabilities. The file keeps only what is derived: feature strings
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
# The members of the stacked ensemble: (smoothing of the naive-Bayes counts, weight of the project's own
# news-pairs sentences). One NB-SVM each on the same features; a logistic regression over their nine scores
# combines them. Stacked, they beat each alone by about 0.01 in cross-validation (docs/figures.md): the
# stack weighs rare n-grams (the smaller smoothing) and the real text (the member without news-pairs) apart.
MEMBERS = ((1.0, 1.0), (0.5, 1.0), (1.0, 0.0))
C_GRID = (0.1, 0.3, 1.0)
INNER_FOLDS = 3
OUT = Path(__file__).resolve().parents[1] / "provenance" / "lexicon" / "data" / "variant_model.npz"


class NBSVM:
    """One NB-weighted linear SVM per class against the rest; scores computed as the runtime does."""

    def __init__(self, c: float, alpha: float = ALPHA):
        self.c, self.alpha = c, alpha

    def fit(self, x: sparse.csr_matrix, dense: np.ndarray, y: np.ndarray,
            weight: np.ndarray | None = None) -> "NBSVM":
        from sklearn.svm import LinearSVC

        k = len(CLASSES)
        weight = np.ones(len(y)) if weight is None else weight
        self.ratios = np.zeros((x.shape[1], k))
        self.weights = np.zeros((x.shape[1], k))
        self.dense_weights = np.zeros((dense.shape[1], k))
        self.bias = np.zeros(k)
        for c in range(k):
            p = self.alpha + np.asarray(x.T @ (weight * (y == c))).ravel()
            q = self.alpha + np.asarray(x.T @ (weight * (y != c))).ravel()
            r = np.log(p / p.sum()) - np.log(q / q.sum())
            scaled = sparse.hstack([x @ sparse.diags(r), sparse.csr_matrix(dense)]).tocsr()
            norms = np.sqrt(np.asarray(scaled.multiply(scaled).sum(axis=1)).ravel())
            norms[norms == 0] = 1
            svm = LinearSVC(C=self.c, class_weight="balanced", max_iter=3000).fit(
                sparse.diags(1 / norms) @ scaled, (y == c).astype(int), sample_weight=weight)
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
    models: list[NBSVM]  # one per member of the ensemble
    columns: np.ndarray
    c: float
    calibration: np.ndarray  # (members x classes, classes): the stack over the members' scores
    offset: np.ndarray  # (classes,)
    inner_accuracy: dict
    text_calibration: np.ndarray  # (classes, classes): the first member alone, for texts of several sentences
    text_offset: np.ndarray

    def scores(self, data, rows, dense_mask=None) -> np.ndarray:
        x, dense = data.counts[rows][:, self.columns], _dense(data, rows, dense_mask)
        return np.hstack([model.decision_function(x, dense) for model in self.models])

    def logits(self, data, rows, dense_mask=None) -> np.ndarray:
        return self.scores(data, rows, dense_mask) @ self.calibration + self.offset


def _dense(data, rows, dense_mask=None) -> np.ndarray:
    dense = data.dense[rows].astype(np.float64)
    return dense if dense_mask is None else dense * dense_mask


def _is_extra(data, rows) -> np.ndarray:
    """The training-only sentences (the project's news-pairs, NTREX) among ``rows``."""
    return np.isin(np.asarray(data.sources)[rows], ["news-pairs", "ntrex"])


def fit(data, rows: np.ndarray, c: float, dense_mask=None, member=MEMBERS[0]) -> tuple[NBSVM, np.ndarray]:
    alpha, extra_weight = member
    columns = kept_columns(data.counts, rows)
    weight = np.where(_is_extra(data, rows), extra_weight, 1.0)
    model = NBSVM(c, alpha).fit(data.counts[rows][:, columns], _dense(data, rows, dense_mask), data.labels[rows],
                                weight)
    return model, columns


def fit_calibration(scores: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The affine map of the members' scores that minimises the log-loss (matrix scaling for one member,
    stacking for several)."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=100.0, max_iter=3000).fit(scores, y)
    return lr.coef_.T.copy(), lr.intercept_.copy()


def train(data, rows: np.ndarray, seed: int = 0, dense_mask=None, c: float | None = None,
          calibrate: bool = True, members=MEMBERS) -> Trained:
    """The recipe on ``rows``: C from C_GRID by inner cross-validation of the first member (or the given
    ``c``), scored on the real sentences; the stack (calibration) fitted on the members' inner out-of-fold
    scores of the real sentences; then each member refitted on all rows."""
    from sklearn.model_selection import StratifiedKFold

    extra = _is_extra(data, rows)
    if not extra.any():  # members that differ only in the weight of the training-only sentences are one
        members = list(dict.fromkeys((alpha, 1.0) for alpha, _w in members))
    real = ~extra if (~extra).any() else np.ones(len(rows), bool)
    grid = C_GRID if c is None else (c,)
    inner: dict[float, np.ndarray] = {}
    y = data.labels[rows]
    splits = list(StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=seed).split(rows, y)) \
        if len(grid) > 1 or calibrate else []

    def out_of_fold(value: float, member) -> np.ndarray:
        out = np.zeros((len(rows), len(CLASSES)))
        for fit_part, held in splits:
            model, columns = fit(data, rows[fit_part], value, dense_mask, member)
            out[held] = model.decision_function(data.counts[rows[held]][:, columns],
                                                _dense(data, rows[held], dense_mask))
        return out

    if splits:
        inner = {value: out_of_fold(value, members[0]) for value in grid}
        accuracy = {value: float((out[real].argmax(axis=1) == y[real]).mean()) for value, out in inner.items()}
        best = max(grid, key=lambda value: (accuracy[value], -value))
    else:
        accuracy, best = {}, grid[0]
    k = len(CLASSES)
    calibration = np.vstack([np.eye(k)] + [np.zeros((k, k))] * (len(members) - 1))
    offset = np.zeros(k)
    text_calibration, text_offset = np.eye(k), np.zeros(k)
    if calibrate:
        stacked = np.hstack([inner[best]] + [out_of_fold(best, member) for member in members[1:]])
        calibration, offset = fit_calibration(stacked[real], y[real])
        text_calibration, text_offset = fit_calibration(inner[best][real], y[real])
    fitted = [fit(data, rows, best, dense_mask, member) for member in members]
    return Trained([m for m, _c in fitted], fitted[0][1], best, calibration, offset,
                   {str(k): round(v, 4) for k, v in accuracy.items()}, text_calibration, text_offset)


def main(folder: str | None = None, news_pairs: bool = False, out: Path = OUT) -> None:
    data = load(Path(folder) if folder else REAL_DEV, news_pairs=news_pairs)
    rows = np.arange(len(data.texts))
    trained = train(data, rows)
    models = trained.models
    vocab = "\n".join(data.feature_names[c] for c in trained.columns).encode("utf-8")
    members = "+".join(f"a{alpha:g}w{weight:g}" for alpha, weight in MEMBERS[:len(models)])
    signature = (f"variant-nbsvm-stack|C={trained.c}|members={members}|char1-5+words+dense{len(DENSE_NAMES)}|"
                 f"min_df={MIN_DF}|stacked-logistic|n={len(rows)}|{hashlib.sha256(vocab).hexdigest()[:12]}")

    def side_by_side(name: str, dtype) -> np.ndarray:  # (…, members x classes), member by member
        return np.concatenate([getattr(m, name) for m in models], axis=-1).astype(dtype)

    np.savez_compressed(
        out, classes=np.array(CLASSES), vocab=np.frombuffer(vocab, dtype=np.uint8),
        sparse_weights=side_by_side("weights", np.float16), ratios=side_by_side("ratios", np.float16),
        dense_weights=side_by_side("dense_weights", np.float32), bias=side_by_side("bias", np.float32),
        dense_scale=np.ones(len(DENSE_NAMES), np.float32),
        calibration=trained.calibration.astype(np.float32), calibration_offset=trained.offset.astype(np.float32),
        text_calibration=trained.text_calibration.astype(np.float32),
        text_calibration_offset=trained.text_offset.astype(np.float32),
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

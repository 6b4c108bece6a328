"""Train the variant model on the real labelled news and write provenance/lexicon/data/variant_model.npz.

    pip install scikit-learn==1.9.1 scipy   # build time only
    python scripts/build_variant_lexicon.py  # first, if the dictionaries changed
    python scripts/train_variant_model.py [../shared/data/real-dev]

A linear SVM (one against the rest, liblinear) over character 1-5-grams, words and the dense
features of provenance.text.variant_model; its scores become probabilities through a softmax whose
temperature is fitted on a held-out tenth of the training text. The file keeps only what is derived:
feature strings that occur in at least three sentences (no sentence can be rebuilt from them),
weights and the temperature. ``scripts/evaluate_variant_cv.py`` measures the same recipe with
cross-validation.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize_scalar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from variant_data import CLASSES, DENSE_NAMES, MIN_DF, REAL_DEV, design, kept_columns, load  # noqa: E402

SVM_C = 1.0
OUT = Path(__file__).resolve().parents[1] / "provenance" / "lexicon" / "data" / "variant_model.npz"


def fit_svm(x, y, sample_weight=None):
    from sklearn.svm import LinearSVC

    return LinearSVC(C=SVM_C, class_weight="balanced", max_iter=2000).fit(x, y, sample_weight=sample_weight)


def fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """The T that minimises the log-loss of softmax(scores / T) on held-out sentences."""
    def loss(log_t):
        z = scores / np.exp(log_t)
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    return float(np.exp(minimize_scalar(loss, bounds=(-5, 3), method="bounded").x))


def train(data, rows: np.ndarray, seed: int = 0, dense_mask=None, calibrate: bool = True):
    """(svm, columns, temperature) trained on ``rows``: 90% to fit, 10% to fit the temperature, then
    the SVM refitted on all rows (``calibrate=False``: one fit on all rows, temperature 1)."""
    if not calibrate:
        columns = kept_columns(data.counts, rows)
        return fit_svm(design(data, rows, columns, dense_mask=dense_mask), data.labels[rows]), columns, 1.0
    rng = np.random.default_rng(seed)
    shuffled = rng.permutation(rows)
    cut = len(shuffled) // 10
    held, fit_rows = shuffled[:cut], shuffled[cut:]
    columns = kept_columns(data.counts, fit_rows)
    svm = fit_svm(design(data, fit_rows, columns, dense_mask=dense_mask), data.labels[fit_rows])
    temperature = fit_temperature(svm.decision_function(design(data, held, columns, dense_mask=dense_mask)),
                                  data.labels[held])
    columns = kept_columns(data.counts, rows)
    svm = fit_svm(design(data, rows, columns, dense_mask=dense_mask), data.labels[rows])
    return svm, columns, temperature


def main(folder: str | None = None, news_pairs: bool = False, out: Path = OUT) -> None:
    data = load(Path(folder) if folder else REAL_DEV, news_pairs=news_pairs)
    rows = np.arange(len(data.texts))
    svm, columns, temperature = train(data, rows)
    n_sparse = len(columns)
    coef = svm.coef_.T.astype(np.float32)  # (features, classes), classes in CLASSES order
    assert tuple(CLASSES[c] for c in svm.classes_) == CLASSES
    vocab = "\n".join(data.feature_names[c] for c in columns).encode("utf-8")
    signature = (f"variant-svm|C={SVM_C}|char1-5+words+dense{len(DENSE_NAMES)}|min_df={MIN_DF}|"
                 f"T={temperature:.3f}|n={len(rows)}|{hashlib.sha256(vocab).hexdigest()[:12]}")
    np.savez_compressed(
        out, classes=np.array(CLASSES), vocab=np.frombuffer(vocab, dtype=np.uint8),
        sparse_weights=coef[:n_sparse].astype(np.float16), dense_weights=coef[n_sparse:],
        bias=svm.intercept_.astype(np.float32), dense_scale=np.ones(len(DENSE_NAMES), np.float32),
        temperature=np.float32(temperature), signature=np.array(signature),
        licence=np.array("Weights derived from DSL Corpus Collection sentences (research use) and SETimes UD "
                         "(CC BY-SA 4.0); dictionary features from Hunspell bs_BA/hr_HR/sr_RS (GPL/LGPL/MPL)."))
    print(f"{out}: {n_sparse} sparse + {len(DENSE_NAMES)} dense features, T={temperature:.3f}, "
          f"{out.stat().st_size / 1e6:.2f} MB; {signature}", file=sys.stderr)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=None, help="real-dev folder (default ../shared/data/real-dev)")
    parser.add_argument("--with-news-pairs", action="store_true",
                        help="also train on ../shared/data/news-pairs (the project's own sentences)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    main(args.folder, args.with_news_pairs, args.out)

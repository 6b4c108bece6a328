"""Cross-validated figures for the variant model on the real labelled news (never scoring a
sentence the model was trained on), next to a plain character+word baseline on the same folds.

    python scripts/evaluate_variant_cv.py [--folds 5] [--json docs/variant-cv.json]

Folds: stratified by collection and label, near-duplicate sentences (SETimes UD's Serbian and Croatian
translations of one English sentence, DSL sentences repeated with names masked) kept in one fold.
Figures: sentence accuracy, macro-F1, per variant, confusion, per collection; calibration (reliability
table and expected calibration error of the top probability on the held-out folds); how often the
uncertain answer ("hr|bs") is used, the accuracy when it is not, and how often the gold is one of the
two in an uncertain answer (at the shipped margin and at others); ablations (no dictionary, no markers/jat); the learning curve (25/50/100%
of each training fold; the ablations and the curve take the first member of the ensemble alone, the C most
folds chose and no calibration; ``--curve`` adds the curve of the model itself, calibrated, with each
fold's C). The baseline is TF-IDF character 1-5-grams (within words) and words, a linear
SVM with default settings, trained on the sentences as they stand.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from train_variant_model import MEMBERS, train  # noqa: E402
from variant_data import CLASSES, DENSE_NAMES, load, near_duplicate_groups  # noqa: E402

from provenance.text.variant_model import UNCERTAIN_MARGIN, normalise  # noqa: E402

_LAT_CYR = {"lj": "љ", "nj": "њ", "dž": "џ", "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "đ": "ђ", "e": "е",
            "ž": "ж", "z": "з", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п",
            "r": "р", "s": "с", "t": "т", "ć": "ћ", "u": "у", "f": "ф", "h": "х", "c": "ц", "č": "ч", "š": "ш"}


def to_cyrillic_text(text: str) -> str:
    """Serbian Latin -> Cyrillic (digraphs first), keeping case of the first letter."""
    out, i = [], 0
    while i < len(text):
        pair = text[i:i + 2]
        if pair.lower() in _LAT_CYR:
            cyr = _LAT_CYR[pair.lower()]
            out.append(cyr.upper() if pair[0].isupper() else cyr)
            i += 2
            continue
        ch = text[i]
        cyr = _LAT_CYR.get(ch.lower())
        out.append((cyr.upper() if ch.isupper() else cyr) if cyr else ch)
        i += 1
    return "".join(out)


def softmax(scores, temperature=1.0):
    z = scores / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def metrics(gold: np.ndarray, predicted: np.ndarray) -> dict:
    per, f1s = {}, []
    for k, c in enumerate(CLASSES):
        tp = int(((predicted == k) & (gold == k)).sum())
        recall = tp / max(1, int((gold == k).sum()))
        precision = tp / max(1, int((predicted == k).sum()))
        per[c] = round(recall, 4)
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    confusion = {c: {c2: int(((gold == i) & (predicted == j)).sum()) for j, c2 in enumerate(CLASSES)}
                 for i, c in enumerate(CLASSES)}
    return {"sentences": int(len(gold)), "accuracy": round(float((gold == predicted).mean()), 4),
            "macro_f1": round(float(np.mean(f1s)), 4), "per_variant": per, "confusion": confusion}


def calibration(gold: np.ndarray, probs: np.ndarray, bins: int = 10) -> dict:
    top = probs.max(axis=1)
    right = probs.argmax(axis=1) == gold
    table, ece = [], 0.0
    edges = np.linspace(1 / len(CLASSES), 1, bins + 1)
    for i in range(bins):
        inside = (top >= edges[i]) & ((top < edges[i + 1]) if i < bins - 1 else (top <= 1))
        if inside.any():
            conf, acc = float(top[inside].mean()), float(right[inside].mean())
            ece += inside.mean() * abs(conf - acc)
            table.append({"bin": f"{edges[i]:.2f}-{edges[i + 1]:.2f}", "sentences": int(inside.sum()),
                          "mean_probability": round(conf, 3), "accuracy": round(acc, 3)})
    return {"ece": round(float(ece), 4), "reliability": table}


def uncertainty(gold: np.ndarray, probs: np.ndarray, margin: float = UNCERTAIN_MARGIN) -> dict:
    order = np.argsort(-probs, axis=1)
    p1 = probs[np.arange(len(gold)), order[:, 0]]
    p2 = probs[np.arange(len(gold)), order[:, 1]]
    uncertain = p1 - p2 < margin
    certain_right = order[~uncertain, 0] == gold[~uncertain]
    in_two = (order[uncertain, 0] == gold[uncertain]) | (order[uncertain, 1] == gold[uncertain])
    per = {c: round(float(certain_right[gold[~uncertain] == k].mean()), 4) for k, c in enumerate(CLASSES)}
    return {"margin": margin, "uncertain_rate": round(float(uncertain.mean()), 4),
            "accuracy_when_certain": round(float(certain_right.mean()), 4), "per_variant_when_certain": per,
            "uncertain_contains_gold": round(float(in_two.mean()), 4) if uncertain.any() else None}


def baseline_predict(texts, train_rows, test_rows, labels):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_union
    from sklearn.svm import LinearSVC

    vec = make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 5), min_df=2, sublinear_tf=True),
                     TfidfVectorizer(analyzer="word", sublinear_tf=True))
    x = vec.fit_transform([texts[i] for i in train_rows])
    return LinearSVC().fit(x, labels[train_rows]).predict(vec.transform([texts[i] for i in test_rows]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", default=None, help="write the figures here")
    parser.add_argument("--with-news-pairs", action="store_true",
                        help="add the project's own sentences (news-pairs) to every training fold; never scored")
    parser.add_argument("--with-ntrex", action="store_true",
                        help="add corpora/ntrex's sentences to every training fold; never scored (NTREX figures "
                             "of a model trained so are development figures)")
    parser.add_argument("--model-only", action="store_true", help="skip the baseline, ablations and learning curve")
    parser.add_argument("--curve", action="store_true",
                        help="also the learning curve of the model itself (the stacked ensemble, calibrated; C as chosen)")
    args = parser.parse_args()
    from sklearn.model_selection import StratifiedGroupKFold

    data = load(news_pairs=args.with_news_pairs, ntrex=args.with_ntrex)
    training_only = np.isin(np.array(data.sources), ["news-pairs", "ntrex"])
    extra, real = np.flatnonzero(training_only), np.flatnonzero(~training_only)
    y = data.labels
    sources = np.array(data.sources)
    strata = np.array([f"{s}-{label}" for s, label in zip(sources[real], y[real])])
    groups = near_duplicate_groups([data.texts[i] for i in real])
    n_dense = len(DENSE_NAMES)
    no_dict = np.array([0.0 if n.startswith("#dict") else 1.0 for n in DENSE_NAMES])
    no_markers = np.array([1.0 if n.startswith("#dict") else 0.0 for n in DENSE_NAMES])
    ablations = {"all features": None, "no dictionary": no_dict, "no markers or jat": no_markers,
                 "no dense features": np.zeros(n_dense)}
    probs = np.zeros((len(y), len(CLASSES)))
    raw_probs = np.zeros((len(y), len(CLASSES)))
    predictions = {name: np.zeros(len(y), int) for name in ["model", *ablations, "baseline", "25%", "50%",
                                                            "model 25%", "model 50%"]}
    chosen, inner = [], []
    folds = list(StratifiedGroupKFold(args.folds, shuffle=True, random_state=0).split(real, strata, groups))
    for fold, (train_rows, test_rows) in enumerate(folds):
        train_rows, test_rows = np.concatenate([real[train_rows], extra]), real[test_rows]
        trained = train(data, train_rows, seed=fold)
        logits = trained.logits(data, test_rows)
        predictions["model"][test_rows] = logits.argmax(axis=1)
        probs[test_rows] = softmax(logits)
        raw_probs[test_rows] = softmax(trained.scores(data, test_rows)[:, :len(CLASSES)])  # first member
        chosen.append(trained.c)
        inner.append(trained.inner_accuracy)
        print(f"fold {fold + 1}/{args.folds}: model {np.mean(predictions['model'][test_rows] == y[test_rows]):.4f} "
              f"(C={trained.c})", file=sys.stderr, flush=True)
    c = max(set(chosen), key=chosen.count)
    rng = np.random.default_rng(0)
    for fold, (train_rows, test_rows) in enumerate([] if args.model_only else folds):
        train_rows, test_rows = np.concatenate([real[train_rows], extra]), real[test_rows]
        for name, mask in ablations.items():
            trained = train(data, train_rows, seed=fold, dense_mask=mask, c=c, calibrate=False, members=MEMBERS[:1])
            predictions[name][test_rows] = trained.scores(data, test_rows, mask).argmax(axis=1)
        for share in (25, 50):
            subset = rng.permutation(train_rows)[: len(train_rows) * share // 100]
            trained = train(data, subset, seed=fold, c=c, calibrate=False, members=MEMBERS[:1])
            predictions[f"{share}%"][test_rows] = trained.scores(data, test_rows).argmax(axis=1)
        predictions["baseline"][test_rows] = baseline_predict(data.texts, train_rows, test_rows, y)
        print(f"fold {fold + 1}/{args.folds}: baseline {np.mean(predictions['baseline'][test_rows] == y[test_rows]):.4f}",
              file=sys.stderr, flush=True)
    for fold, (train_rows, test_rows) in enumerate(folds if args.curve else []):
        train_rows, test_rows = np.concatenate([real[train_rows], extra]), real[test_rows]
        for share in (25, 50):
            subset = np.random.default_rng(fold).permutation(train_rows)[: len(train_rows) * share // 100]
            trained = train(data, subset, seed=fold, c=chosen[fold])
            predictions[f"model {share}%"][test_rows] = trained.logits(data, test_rows).argmax(axis=1)
        print(f"fold {fold + 1}/{args.folds}: model on 25/50% done", file=sys.stderr, flush=True)
    keep = ~training_only  # the project's own sentences and NTREX are training material only
    dsl = keep & (sources != "ud-setimes")
    y, sources, probs, raw_probs, dsl = y[keep], sources[keep], probs[keep], raw_probs[keep], dsl[keep]
    predictions = {name: p[keep] for name, p in predictions.items()}
    report = {
        "data": ("../shared/data/news-pairs added to every training fold (never scored); " if args.with_news_pairs else "")
        + ("corpora/ntrex (bs, hr, sr-Latn) added to every training fold (never scored); " if args.with_ntrex else "")
        + "../shared/data/real-dev: dslcc-bcs, dslcc-more (dslcc4, dslcc2015B), ud-setimes-sr-hr; "
                f"{len(y)} sentences after removing duplicates; {args.folds}-fold CV stratified by collection and "
                f"label, near-duplicates grouped in one fold (seed 0)",
        "model": {"all": metrics(y, predictions["model"]), "dsl_only": metrics(y[dsl], predictions["model"][dsl]),
                  "per_collection": {s: metrics(y[sources == s], predictions["model"][sources == s])["accuracy"]
                                     for s in sorted(set(sources))},
                  "calibration": calibration(y, probs), "uncalibrated_ece": calibration(y, raw_probs)["ece"],
                  "chosen_c": chosen, "inner_accuracy": inner, "uncertain": uncertainty(y, probs),
                  "uncertain_at_other_margins": [uncertainty(y, probs, m) for m in (0.1, 0.2, 0.4, 0.5, 0.6)]},
        "baseline": {"all": metrics(y, predictions["baseline"]),
                     "dsl_only": metrics(y[dsl], predictions["baseline"][dsl])},
        "ablations": {name: metrics(y, predictions[name])["accuracy"] for name in ablations},
        "learning_curve": {share: metrics(y, predictions[share])["accuracy"] for share in ("25%", "50%")}
        | {"100%": metrics(y, predictions["all features"])["accuracy"]},
        "cyrillic": {"serbian_sentences_identical_after_latin_cyrillic_latin": round(float(np.mean(
            [normalise(to_cyrillic_text(t)) == normalise(t) for t, label, s in zip(data.texts, data.labels, data.sources)
             if label == 0 and s not in ("news-pairs", "ntrex")])), 4)},
    }
    if args.curve:
        report["model"]["learning_curve"] = {share: metrics(y, predictions[f"model {share}"])["accuracy"]
                                             for share in ("25%", "50%")} | {"100%": report["model"]["all"]["accuracy"]}
    if args.model_only:
        for key in ("baseline", "ablations", "learning_curve"):
            del report[key]
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

"""The Serbian / Bosnian / Croatian variant model: features, the committed weights, and decisions.

An NB-SVM (Wang & Manning 2012): for each variant against the other two, the presence of each
character 1-5-gram and word is weighted by its naive-Bayes log-count ratio, the vector (with a few
dense features appended) is L2-normalised, and a linear SVM scores it. Three such models (members
that differ in the smoothing of the counts and in the weight of the project's own training sentences)
are stacked: an affine map of their nine scores, fitted on held-out folds, gives calibrated probabilities. The dense features carry what
the norms know: the jat reflex (ekavian ``vreme`` against
ijekavian ``vrijeme``), the lexical marker pairs of ``language.py`` (``tisuća``/``hiljada``, ``tjedan``/
``sedmica`` ...), the future-tense forms, and the share of words that each Hunspell dictionary
(bs_BA, hr_HR, sr_RS) alone accepts. Trained on real news by ``scripts/train_variant_model.py``;
evaluated with numpy only, so it costs no heavy import. Serbian Cyrillic is read through its Latin
transliteration: the model is script-blind and the script is decided apart.

Levels: a sentence gets a posterior; a paragraph or document is scored on all its sentences at once
(one bag of features), and is *mixed* when a share of its sentences confidently read as another variant.
"""
from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..lexicon.script import to_latin
from ..lexicon.variants import EKAVIAN as _EKAVIAN
from ..lexicon.variants import FUNCTION_WORDS as _FUNCTION_WORDS
from ..lexicon.variants import IJEKAVIAN as _IJEKAVIAN
from ..lexicon.variants import LEXICAL_MARKERS as _LEXICAL_MARKERS
from ..lexicon.variants import MARKERS as _MARKERS

MODEL_PATH = Path(__file__).parents[1] / "lexicon" / "data" / "variant_model.npz"
LEXICON_PATH = Path(__file__).parents[1] / "lexicon" / "data" / "variant_lexicon.json.gz"
NGRAM_ORDERS = (1, 2, 3, 4, 5)
# Two variants whose probabilities lie closer than this are both reported ("hr|bs").
UNCERTAIN_MARGIN = 0.3
# A text is mixed when at least this share of its sentences (and two of them) read, each with at
# least MIXED_SENTENCE_CONFIDENCE, as a variant other than the text's own.
MIXED_SHARE = 0.25
MIXED_SENTENCE_CONFIDENCE = 0.9
# Montenegrin letters and words (ś, ź, iotated đe/śe forms); there is no Montenegrin training data,
# so the model does not score it, and a text that shows these is answered "cnr" with low confidence.
_MONTENEGRIN = re.compile(r"(ś|ź|\b(đe|neđe|ovđe|onđe|sjutra|đevojk\w*|đec\w*|iđe|viđeti|ćera(ti|m|š|o|la|li|ju)|"
                          r"đed|đeda|đedu|đedom)\b)")  # ś, ź cover śutra, śedi, pośle

_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
DENSE_NAMES = ("#ijekavian", "#ekavian", "#markers-hr", "#markers-bs-sr", *_MARKERS,
               "#dict-bs", "#dict-sr", "#dict-bs+hr", "#dict-bs+sr", "#dict-hr+sr")
_DICT_PATTERNS = ("bs", "sr", "bs+hr", "bs+sr", "hr+sr")


def normalise(text: str) -> str:
    """Latin, lower case, one space between words, digits as 0, DSL's ``#NE#`` placeholders removed."""
    text = to_latin(text).replace("#NE#", " ").lower()
    return _SPACE.sub(" ", _DIGITS.sub("0", text)).strip()


def sparse_features(norm: str) -> set[str]:
    """Character n-grams (within one padded string) and words of a normalised text (present or not)."""
    padded = f" {norm} "
    feats: set[str] = set()
    length = len(padded)
    for n in NGRAM_ORDERS:
        feats.update(padded[i:i + n] for i in range(length - n + 1))
    feats.update("w:" + w for w in _WORD.findall(norm))
    return feats


@lru_cache(maxsize=1)
def lexicon() -> dict[str, int]:
    """Word -> index of its acceptance pattern in _DICT_PATTERNS (words that all three dictionaries, or
    only hr_HR, accept are absent)."""
    if not LEXICON_PATH.exists():
        return {}
    with gzip.open(LEXICON_PATH, "rt", encoding="utf-8") as handle:
        patterns = json.load(handle)["patterns"]
    table: dict[str, int] = {}
    for pattern, words in patterns.items():
        if pattern in _DICT_PATTERNS:
            table.update(dict.fromkeys(words, _DICT_PATTERNS.index(pattern)))
    return table


def dense_features(norm: str, words: list[str] | None = None) -> list[float]:
    """Jat reflex, marker and dictionary features of a normalised text (log counts and shares)."""
    words = _WORD.findall(norm) if words is None else words
    values = [len(_IJEKAVIAN.findall(norm)), len(_EKAVIAN.findall(norm))]
    croatian = other = 0
    for pattern, targets, _weight in _LEXICAL_MARKERS:
        hits = len(pattern.findall(norm))
        if targets == ("hr",):
            croatian += hits
        else:
            other += hits
    values += [croatian, other]
    values += [len(p.findall(norm)) for p in _MARKERS.values()]
    dense = [math.log1p(v) for v in values]
    lex = lexicon()
    shares = [0] * len(_DICT_PATTERNS)
    known = 0
    for word in words:
        if len(word) < 3:
            continue
        known += 1
        index = lex.get(word)
        if index is not None:
            shares[index] += 1
    dense += [s / known if known else 0.0 for s in shares]
    return dense


@dataclass
class VariantGuess:
    """A variant decision: the posterior, the answer ("hr", or "hr|bs" when uncertain), and why."""

    posterior: dict[str, float]
    evidence: list[str] = field(default_factory=list)
    sentences: int = 1
    mixed: dict[str, int] = field(default_factory=dict)  # other variant -> sentences that read as it
    montenegrin: bool = False

    @property
    def ranked(self) -> list[tuple[str, float]]:
        return sorted(self.posterior.items(), key=lambda kv: -kv[1])

    @property
    def best(self) -> str:
        return self.ranked[0][0]

    @property
    def probability(self) -> float:
        return self.ranked[0][1]

    @property
    def uncertain(self) -> bool:
        (_a, p1), (_b, p2) = self.ranked[:2]
        return self.montenegrin or p1 - p2 < UNCERTAIN_MARGIN

    @property
    def answer(self) -> str:
        """"hr", "hr|bs" when the top two are close, "cnr?" for Montenegrin signs, "+mixed" when sentences disagree."""
        if self.montenegrin:
            label = "cnr?"
        elif self.uncertain:
            label = "|".join(v for v, _p in self.ranked[:2])
        else:
            label = self.best
        return label + ("+mixed" if self.mixed else "")

    def as_dict(self) -> dict:
        return {"answer": self.answer, "variant": self.best, "probability": round(self.probability, 4),
                "uncertain": self.uncertain, "posterior": {k: round(v, 4) for k, v in self.ranked},
                "evidence": self.evidence, "sentences": self.sentences, "mixed": self.mixed,
                "montenegrin_signs": self.montenegrin}


class VariantModel:
    """The committed NB-SVM, applied with numpy."""

    def __init__(self, path: Path = MODEL_PATH):
        data = np.load(path, allow_pickle=False)
        self.classes = tuple(str(c) for c in data["classes"])
        vocab = bytes(data["vocab"]).decode("utf-8").split("\n")
        self.index = {f: i for i, f in enumerate(vocab)}
        self.vocab = vocab
        self.is_word = np.array([f.startswith("w:") and f[2:] not in _FUNCTION_WORDS for f in vocab], dtype=bool)
        # Per feature, member of the ensemble and class: the SVM weight times the log-count ratio, then the
        # squared ratio (for the norm), side by side so that one gather fetches both.
        self.table = np.hstack([data["sparse_weights"].astype(np.float32),
                                np.square(data["ratios"].astype(np.float32))])  # (features, 2 x members x classes)
        self.dense_weights = data["dense_weights"].astype(np.float32)  # (dense, members x classes)
        self.bias = data["bias"].astype(np.float32)
        self.dense_scale = data["dense_scale"].astype(np.float32)
        # (members x classes, classes): logits = scores @ it + offset (the stack over the members' scores)
        self.calibration = data["calibration"].astype(np.float64)
        self.calibration_offset = data["calibration_offset"].astype(np.float64)
        # A text of several sentences is read by the first member alone, with its own calibration: the stack
        # is fitted on one-sentence scores, and a whole text's scores lie outside their range.
        self.text_calibration = data["text_calibration"].astype(np.float64)  # (classes, classes)
        self.text_calibration_offset = data["text_calibration_offset"].astype(np.float64)
        self.signature = str(data["signature"])

    def logits(self, norm: str, explain: bool = True,
               whole_text: bool = False) -> tuple[np.ndarray, list[tuple[str, np.ndarray]]]:
        """Calibrated class logits of a normalised text, and (``explain``) each known word/marker feature's
        contribution. The same features as ``sparse_features``, looked up without building them. A sentence
        is read by the stacked members, a ``whole_text`` by the first member."""
        padded = f" {norm} "
        get = self.index.get
        length = len(padded)
        ids: set = set()  # features count once: the model reads presence
        for n in NGRAM_ORDERS:
            ids.update(map(get, [padded[i:i + n] for i in range(length - n + 1)]))
        words = _WORD.findall(norm)
        ids.update(map(get, ["w:" + w for w in words]))
        ids.discard(None)
        known = np.fromiter(ids, dtype=np.int64, count=len(ids))
        dense = np.asarray(dense_features(norm, words), np.float32) * self.dense_scale
        rows = self.table[known]
        k = self.bias.shape[0]  # members x classes: each member's three scores
        sums = rows.sum(axis=0)
        used = len(self.classes) if whole_text else k
        calibration, offset = ((self.text_calibration, self.text_calibration_offset) if whole_text
                               else (self.calibration, self.calibration_offset))
        norms = np.sqrt(sums[k:k + used] + dense @ dense)
        norms[norms == 0] = 1
        weights = self.dense_weights[:, :used]
        scores = (sums[:used] + dense @ weights) / norms + self.bias[:used]
        named: list[tuple[str, np.ndarray]] = []
        if explain:  # contributions mapped through the calibration: what each feature adds to the logits
            for i in np.flatnonzero(self.is_word[known]):
                named.append((self.vocab[known[i]], (rows[i, :used] / norms) @ calibration))
            named += [(name, (dense[j] * weights[j] / norms) @ calibration)
                      for j, name in enumerate(DENSE_NAMES) if dense[j]]
        return scores.astype(np.float64) @ calibration + offset, named

    def sentence(self, text: str, evidence: int = 5) -> VariantGuess:
        norm = normalise(text)
        scores, named = self.logits(norm, explain=evidence > 0)
        posterior = _softmax(scores)
        guess = VariantGuess(dict(zip(self.classes, posterior.tolist())), montenegrin=bool(_MONTENEGRIN.search(norm)))
        if evidence:
            guess.evidence = self._evidence(named, int(np.argmax(posterior)), posterior, evidence, norm)
        return guess

    def combine(self, sentences: list[str], evidence: int = 5,
                sentence_evidence: int = 0) -> tuple[VariantGuess, list[VariantGuess]]:
        """A paragraph's or document's variant from its sentences, and the sentences' own guesses."""
        sentences = [s for s in sentences if _WORD.search(s)]
        if not sentences:
            return VariantGuess({c: 1 / len(self.classes) for c in self.classes}, sentences=0), []
        guesses = [self.sentence(text, sentence_evidence) for text in sentences]
        # The text is scored as one bag of features: on the project's own documents (news-pairs, a
        # development set) that beat summing the sentences' log-posteriors for Bosnian, 1.00 against 0.88,
        # because the markers of a variant are rare in any one sentence but add up over a text.
        whole = normalise(" ".join(sentences))
        scores, named = self.logits(whole, explain=evidence > 0, whole_text=len(sentences) > 1)
        posterior = _softmax(scores)
        best = int(np.argmax(posterior))
        doc = VariantGuess(dict(zip(self.classes, posterior.tolist())), sentences=len(sentences))
        if evidence:
            doc.evidence = self._evidence(named, best, posterior, evidence, whole)
        others = Counter(g.best for g in guesses
                         if g.best != self.classes[best] and g.probability >= MIXED_SENTENCE_CONFIDENCE)
        if len(sentences) >= 2:
            doc.mixed = {v: n for v, n in others.items() if n >= 2 and n >= MIXED_SHARE * len(sentences)}
        doc.montenegrin = sum(g.montenegrin for g in guesses) >= max(1, len(guesses) // 4)
        return doc, guesses

    def _evidence(self, named, best: int, posterior: np.ndarray, limit: int, norm: str) -> list[str]:
        """The words and markers that pushed most towards the chosen variant against the runner-up."""
        second = int(np.argsort(posterior)[-2])
        ranked = sorted(((float(c[best] - c[second]), name) for name, c in named), reverse=True)
        return [_readable(name, norm) for push, name in ranked[:limit] if push > 0]


_DENSE_LABELS = {"#ijekavian": "ijekavian", "#ekavian": "ekavian", "#markers-hr": "Croatian word",
                 "#markers-bs-sr": "Bosnian/Serbian word", "#inf-t-future": "future 'radit ću'",
                 "#fused-future": "future 'radiću'", "#da-present": "'da' + present", "#europ": "Europa",
                 "#evrop": "Evropa", "#modal-infinitive": "modal + infinitive", "#bosnian": "Bosnian word"}


def _readable(name: str, norm: str) -> str:
    """'tjedna (Croatian word)', 'vrijeme, mjesto (ijekavian)', 'saopštio (only in sr dictionary)', or a word."""
    if name.startswith("w:"):
        return name[2:]
    if name.startswith("#dict-"):
        pattern = name[len("#dict-"):]
        lex = lexicon()
        index = _DICT_PATTERNS.index(pattern)
        words = list(dict.fromkeys(w for w in _WORD.findall(norm) if lex.get(w) == index))[:3]
        return f"{', '.join(words)} (only in the {pattern.replace('+', '/')} dictionar{'ies' if '+' in pattern else 'y'})"
    matcher = {"#ijekavian": _IJEKAVIAN, "#ekavian": _EKAVIAN, **_MARKERS}.get(name)
    if matcher is None:
        targets = ("hr",) if name == "#markers-hr" else ("bs", "sr")
        found = [m.group() for p, t, _w in _LEXICAL_MARKERS if t == targets for m in p.finditer(norm)]
    else:
        found = [m.group() for m in matcher.finditer(norm)]
    words = list(dict.fromkeys(_word_at(norm, w) for w in found))[:3]
    return f"{', '.join(words)} ({_DENSE_LABELS.get(name, name)})"


def _word_at(norm: str, fragment: str) -> str:
    """The whole word a marker fragment ('tjedn') begins."""
    start = norm.find(fragment)
    match = _WORD.match(norm, start) if start >= 0 else None
    return match.group() if match and len(match.group()) >= len(fragment) else fragment.strip()


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores.astype(np.float64)  # the weights are float32: probabilities that sum to 1 need float64
    exps = np.exp(scores - scores.max())
    return exps / exps.sum()


@lru_cache(maxsize=1)
def default_model() -> VariantModel:
    return VariantModel()


def has_words(text: str) -> bool:
    """Does ``text`` have a word (sentences without one are not scored by ``combine``)?"""
    return bool(_WORD.search(text))


def remembered_combine(sentences: list[str]) -> tuple[VariantGuess, list[VariantGuess]]:
    """``default_model().combine(sentences)``, computed once per text and model: remembered in memory
    and on disk, since a cached re-run would otherwise spend most of its time here."""
    key = _memo_key(sentences)
    if key in _COMBINED:
        return _COMBINED[key]
    from ..memo import table

    memo = table("variant_combine")
    found = memo.get(key)
    if found is not None:
        result = _guess_from(found["document"]), [_guess_from(g) for g in found["sentences"]]
    else:
        result = default_model().combine(sentences)
        memo.put(key, {"document": _guess_data(result[0]), "sentences": [_guess_data(g) for g in result[1]]})
    if len(_COMBINED) >= 4096:
        _COMBINED.clear()
    _COMBINED[key] = result
    return result


_COMBINED: dict[str, tuple[VariantGuess, list[VariantGuess]]] = {}


def _memo_key(sentences: list[str]) -> str:
    from ..memo import digest, source_stamp

    # the weights, and the code and tables the guesses come from (a stamp: where they lie and when they changed)
    stamp = source_stamp("provenance.text.variant_model", "provenance.lexicon.variants", "provenance.lexicon.script")
    return digest(model_version(), stamp, *sentences)


@lru_cache(maxsize=1)
def model_version() -> str:
    """A short hash of the shipped model (the weights, and the dictionary lists they use)."""
    import hashlib

    return "sha256:" + hashlib.sha256(MODEL_PATH.read_bytes() + LEXICON_PATH.read_bytes()).hexdigest()[:12]


def _guess_data(guess: VariantGuess) -> dict:
    return {"posterior": guess.posterior, "evidence": guess.evidence, "sentences": guess.sentences,
            "mixed": guess.mixed, "montenegrin": guess.montenegrin}


def _guess_from(data: dict) -> VariantGuess:
    return VariantGuess(data["posterior"], data["evidence"], data["sentences"], data["mixed"], data["montenegrin"])


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs: blocks between blank lines, or lines where there are none (wire copy: one paragraph a line)."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    if len(blocks) == 1:
        blocks = [line for line in text.splitlines() if line.strip()]
    return blocks


def analyse(text: str, one_per_line: bool = False) -> dict:
    """The variant of a document, of each paragraph and of each sentence (for ``provenance language``)."""
    from .segment import split_sentences

    model = default_model()
    paragraphs = []
    all_sentences = []
    for index, paragraph in enumerate(paragraphs_of(text)):
        sentences = [s.text for s in split_sentences(paragraph, one_per_line=one_per_line)]
        guess, per_sentence = model.combine(sentences, sentence_evidence=3)
        all_sentences += sentences
        paragraphs.append({"index": index, **guess.as_dict(),
                           "by_sentence": [{"text": s, **g.as_dict()} for s, g in
                                           zip([s for s in sentences if _WORD.search(s)], per_sentence)]})
    document, _ = model.combine(all_sentences)
    return {"document": document.as_dict(), "paragraphs": paragraphs, "signature": model.signature}

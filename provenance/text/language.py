"""Language, script and variant: English, Serbian (Latin/Cyrillic), Bosnian, Croatian.

langdetect gives the coarse language but has no Serbian or Bosnian profile (it calls
Serbian Latin ``hr`` and Serbian Cyrillic ``mk``), so the South Slavic variants are told
apart here: the script, then a naive Bayes model over words and reflex markers (ekavian
``vreme``/``mesto`` vs ijekavian ``vrijeme``/``mjesto``, ``hiljada``/``tisuća``,
``saopštio``/``saopćio``/``priopćio``, ``radiću``/``radit ću`` …) trained on labelled news
sentences by ``scripts/train_variant_model.py``.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..lexicon.script import script_of, to_latin

SUPPORTED = ("en", "sr-Latn", "sr-Cyrl", "bs", "hr")
VARIANT_CLASSES = ("sr", "bs", "hr")
_MODEL_PATH = Path(__file__).parents[1] / "lexicon" / "data" / "variant_model.json"

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Hand-written markers, each a named feature added to the words; the model learns their weights.
_MARKERS = {
    "#inf-t-future": re.compile(r"\b\w+t (ću|ćeš|će|ćemo|ćete)\b"),  # hr: radit ću
    "#fused-future": re.compile(r"\b\w+(iću|aću|ićeš|aćeš|iće|aće|ićemo|aćemo|ićete|aćete)\b"),  # sr: radiću
    "#da-present": re.compile(r"\b(ću|ćeš|će|ćemo|ćete|treba|trebalo|mogu|može|želi|žele) da \w+"),
    "#europ": re.compile(r"\beurop"),  # hr Europa vs sr/bs Evropa
    "#evrop": re.compile(r"\bevrop"),
}
_SERBIAN_CYRILLIC = re.compile("[ђћџјљњЂЋЏЈЉЊ]")
_SERBIAN_ONLY = re.compile("[ђћЂЋ]")
# Letters of Macedonian, Bulgarian, Russian and Ukrainian that Serbian Cyrillic does not have.
_OTHER_CYRILLIC = re.compile("[ѓќѕыэъїєіёйщяюЃЌЅЫЭЪЇЄІЁЙЩЯЮ]")

# The reflex of old jat splits Serbian (ekavian: vreme, mesto, dete) from Bosnian and Croatian
# (ijekavian: vrijeme, mjesto, dijete). Lists of whole stems, not a generic "ije" pattern, because
# "premijer", "pacijent", "Sjedinjene" and comparatives such as "novijeg" have "ije" in every variant.
_IJEKAVIAN = re.compile(
    r"\b(vrijem|mjest|riječ|djec|dijete|djetet|poslije|prije|uvijek|htio|htjel|predsjedn|gdje|ovdje|ondje|"
    r"rijek|cijen|dvije|vijest|mjesec|svijet|svjetsk|vidje|željel|razumio|cijel|sjever|vjerovatn|vjerojatn|"
    r"djel|dio\b|mlijek|lijep|bijel|sjedišt|susjed|posljednj|primjer|odjel|pjesm|mjer|sjeć|tijel|lijek|"
    r"nedjelj|zvijezd|pjev|smjer|bježa|snijeg|vijek|cvijet|dijel|slijed|sljede|mjenj|mijenj|pobjed|bijes|"
    r"uspje|vjetr|sjedn|sjedi|lijev|zapovjed|objasni|izvješt|izvijest|ozlije|povrije)"
)
_EKAVIAN = re.compile(
    r"\b(vreme\b|mest|reč|dec[aeiu]\b|dete|detet|posle|pre\b|uvek|hteo|htel|predsedn|gde|ovde|onde|"
    r"reka\b|reke\b|cen[aeiu]\b|dve\b|vest|mesec|videt|želeo|želel|razumeo|ceo\b|cel[aeiou]|celog|sever|"
    r"verovatn|del[aou]\b|deo\b|mlek|lep[aeiou]?\b|bel[aeiou]\b|sedišt|sused|poslednj|primer|odel|pesm|"
    r"mer[aeiu]\b|seć|tel[aou]\b|lek\b|nedelj|zvezd|pev|smer|beža|sneg|vek\b|veka\b|cvet|deli|sled|"
    r"menj|pobed|uspe|vetr|sedn|sedi|levo|levi|zapoved|izvešt|izvest|povre|povređ)"
)

# Words that mark a variant more reliably than counts from a small training set can, each
# with the log-odds it adds to the classes it points to.
_LEXICAL_MARKERS: list[tuple[re.Pattern, tuple[str, ...], float]] = [
    (re.compile(r"\b(tisuć|tjedn|tjedan|vlak|glazb|kruh|zrakoplov|nogomet|sveučilišt|povijes|znanost|obitelj|tvrtk|"
                r"izvješć|tijekom|milijun|uvjet|siječ|veljač|ožuj|travnj|travan|svib|lipanj|lipnj|srpanj|srpnj|kolovoz|"
                r"rujan|rujn|listopad|studen(?:i|og|oga|om)\b|prosin|tko\b|točn|točk|općenit|ravnatelj|glasnogovorn|priopć|izvanredn|"
                r"sudjelov|surađ|mirovin|gospodarst|dužnosni|momčad|prosvjed|vjerojatn|primjeric|sustav|proračun|"
                r"veleposlan|prijevoz|tiskovn|kazališt|zapovjedn|športsk|izbornik|sabor|dopušt|je li\b|jest\b|"
                r"obranu|obrane|obrana|zrakoplovn|nazočn|glede|svezi|iznimn|unatoč|čimbenik)"), ("hr",), 3.0),
    (re.compile(r"\b(hiljad|sedmic|voz(a|om|u|ovi|ova)?\b|muzik|hljeb|hleb|avion|fudbal|univerzitet|histori|istorij|"
                r"nauk|porodic|kompanij|izvještaj|izveštaj|tokom|milion|uslov|ko\b|šta\b|tačn|tačk|direktor|"
                r"portparol|saopć|saopšt|vanredn|učestvov|sarađ|penzij|privred|zvaničn|vjerovatn|verovatn|"
                r"naprimjer|sistem|budžet|ambasad|prevoz|štamp|evrop|pozorišt|hemij|lahk|povrijeđ|povređ|"
                r"desi|dešava|da li\b|opštin|spoljn|bezbedn|bezbjedn|kafa|kafe|fudbaler|uhapš)"), ("bs", "sr"), 3.0),
]
_HBS_LATIN = re.compile("[ćđĆĐ]")


@dataclass(frozen=True)
class LanguageId:
    """What language a text is in, and how sure we are."""

    code: str  # "en", "sr-Latn", "sr-Cyrl", "bs", "hr", or another ISO code (unsupported)
    confidence: float  # 0-1
    script: str  # "Latn", "Cyrl", "mixed", "none"
    detector: str  # langdetect's own answer, kept for transparency
    variant_scores: dict[str, float] = field(default_factory=dict)  # posterior of sr/bs/hr

    @property
    def supported(self) -> bool:
        return self.code in SUPPORTED


@lru_cache(maxsize=1)
def variant_model_version() -> str:
    """A short hash of the shipped variant model: part of every result's signature."""
    return "sha256:" + hashlib.sha256(_MODEL_PATH.read_bytes()).hexdigest()[:12]


def features(text: str) -> Counter:
    """Features for the variant model: lower-case words (names left out) and markers."""
    latin = to_latin(text)
    feats: Counter = Counter()
    for i, match in enumerate(_WORD.finditer(latin)):
        word = match.group()
        if word[0].isupper() and i > 0 and not word.isupper():
            continue  # a name: says more about the topic than about the language
        low = word.lower()
        feats[low] += 1
        if len(low) >= 6:
            feats["p:" + low[:5]] += 1  # stems catch inflected forms: tisuća/tisuće, evropski/evropske
    low = latin.lower()
    for name, pattern in _MARKERS.items():
        hits = len(pattern.findall(low))
        if hits:
            feats[name] += hits
    return feats


@lru_cache(maxsize=1)
def _variant_model() -> tuple[tuple[str, ...], dict[str, list[float]], list[float]]:
    """Log-probabilities per feature and class, with add-one smoothing."""
    model = json.loads(_MODEL_PATH.read_text(encoding="utf-8"))
    classes = tuple(model["classes"])
    vocab_size = len(model["features"]) + 1
    totals = [model["totals"][c] for c in classes]
    logp = {
        feat: [math.log((counts[k] + 1) / (totals[k] + vocab_size)) for k in range(len(classes))]
        for feat, counts in model["features"].items()
    }
    unseen = [math.log(1 / (totals[k] + vocab_size)) for k in range(len(classes))]
    return classes, logp, unseen


def reflex_counts(text: str) -> tuple[int, int]:
    """(ijekavian, ekavian) word counts."""
    low = to_latin(text).lower()
    return len(_IJEKAVIAN.findall(low)), len(_EKAVIAN.findall(low))


def variant_posterior(text: str) -> dict[str, float]:
    """Posterior over sr/bs/hr: the jat reflex decides Serbian against Bosnian/Croatian; the
    word model and markers decide Bosnian against Croatian (and Serbian where no reflex shows)."""
    ijekavian, ekavian = reflex_counts(text)
    hits = _marker_hits(text)
    words = _word_posterior(text, hits)
    if ijekavian + ekavian == 0:
        return words
    p_ijekavian = _logistic(1.5 * (ijekavian - ekavian) / math.sqrt(ijekavian + ekavian))
    bs_hr = words["bs"] + words["hr"]
    q_hr = words["hr"] / bs_hr if bs_hr > 0 else 0.5
    croatian, not_croatian = _croatian_and_other(hits)
    if croatian + not_croatian:
        # The norms' own word pairs (tisuća/hiljada, tjedan/sedmica, tijekom/tokom …) outweigh a word
        # model trained on a few thousand topical sentences: they decide, the model breaks ties.
        q_markers = _logistic(1.2 * (croatian - not_croatian))
        q_hr = 0.8 * q_markers + 0.2 * q_hr
    return {"sr": 1 - p_ijekavian, "bs": p_ijekavian * (1 - q_hr), "hr": p_ijekavian * q_hr}


def _logistic(x: float) -> float:
    """1 / (1 + e^-x) without overflow: long texts give counts in the thousands."""
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    z = math.exp(x)
    return z / (1 + z)


def _marker_hits(text: str) -> list[int]:
    """How often each of the lexical markers occurs in ``text``, in the order of _LEXICAL_MARKERS."""
    low = to_latin(text).lower()
    return [len(pattern.findall(low)) for pattern, _targets, _weight in _LEXICAL_MARKERS]


def _croatian_and_other(hits: list[int]) -> tuple[int, int]:
    """(Croatian-only, Bosnian/Serbian-only) marker words, from _marker_hits."""
    croatian = sum(h for h, (_p, targets, _w) in zip(hits, _LEXICAL_MARKERS) if targets == ("hr",))
    other = sum(h for h, (_p, targets, _w) in zip(hits, _LEXICAL_MARKERS) if targets == ("bs", "sr"))
    return croatian, other


def _word_posterior(text: str, hits: list[int]) -> dict[str, float]:
    """Naive Bayes over words and markers. Evidence is tempered by sqrt(#features) so that long
    texts are confident and a single sentence is not (naive Bayes is over-confident on correlated words)."""
    classes, logp, _unseen = _variant_model()
    feats = features(text)
    scores = [0.0] * len(classes)
    n = 0
    for feat, count in feats.items():
        row = logp.get(feat)
        if row is None:
            continue  # unseen words carry no evidence about the variant
        n += count
        for k in range(len(classes)):
            scores[k] += count * row[k]
    for count, (_pattern, targets, weight) in zip(hits, _LEXICAL_MARKERS):
        for target in targets:
            scores[classes.index(target)] += weight * count
        n += count
    if n == 0:
        return {c: 1 / len(classes) for c in classes}
    temper = max(1.0, math.sqrt(n)) / 2
    top = max(scores)
    exps = [math.exp((s - top) / temper) for s in scores]
    total = sum(exps)
    return {c: e / total for c, e in zip(classes, exps)}


def _langdetect(text: str) -> tuple[str, float]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # deterministic answers
    try:
        best = detect_langs(text[:5000])[0]
    except LangDetectException as err:
        if isinstance(err.__context__, KeyboardInterrupt):
            # langdetect's bare except turns a Ctrl-C while loading its profiles into a format error
            # (and keeps the half-loaded factory): forget the factory and let the interrupt through.
            from langdetect import detector_factory

            detector_factory._factory = None
            raise KeyboardInterrupt from None
        return "unknown", 0.0
    return best.lang, best.prob


def identify_language(text: str) -> LanguageId:
    """Identify English or the South Slavic variant of ``text``."""
    script = script_of(text)
    detected, prob = _langdetect(text)
    if script in ("Cyrl", "mixed") and _is_serbian_cyrillic(text, detected):
        return LanguageId("sr-Cyrl", _cyrillic_confidence(text), "Cyrl", detected, {})
    if script == "Cyrl":
        return LanguageId(detected, prob, script, detected, {})
    if detected == "en":
        return LanguageId("en", prob, script, detected, {})
    if detected in ("hr", "sr", "bs") or (detected in ("sl", "cs", "sk", "pl") and _looks_south_slavic(text)):
        posterior = variant_posterior(text)
        best = max(posterior, key=posterior.get)
        code = "sr-Latn" if best == "sr" else best
        return LanguageId(code, round(prob * posterior[best], 4), script, detected, posterior)
    return LanguageId(detected, prob, script, detected, {})


_HBS_WORDS = re.compile(r"\b(su|nije|nisu|će|ću|koji|koja|koje|što|šta|prema|godine|odsto|posto|izjavio|rekao)\b",
                        re.I)


def _looks_south_slavic(text: str) -> bool:
    """langdetect reads short Serbian/Croatian as Slovenian or Czech now and then: ć/đ or words
    that those languages lack (su, nije, će, koji, što …) say otherwise."""
    return bool(_HBS_LATIN.search(text) or _HBS_WORDS.search(text))


def _is_serbian_cyrillic(text: str, detected: str) -> bool:
    """Serbian Cyrillic has ђ and ћ; Macedonian has ѓ, ќ, ѕ; Russian, Bulgarian and Ukrainian have
    letters Serbian lacks (ы, э, ъ, й, щ, я, ю, і …). ј, љ, њ, џ are shared with Macedonian."""
    if len(_OTHER_CYRILLIC.findall(text)) > len(_SERBIAN_ONLY.findall(text)):
        return False
    return bool(_SERBIAN_CYRILLIC.search(text)) or detected in ("mk", "sr", "bg")


def _cyrillic_confidence(text: str) -> float:
    serbian = len(_SERBIAN_CYRILLIC.findall(text)) + text.lower().count("ј")
    other = len(_OTHER_CYRILLIC.findall(text))
    return round(serbian / (serbian + other + 1), 4) if serbian else 0.5

"""Language, script and variant: English, Serbian (Latin/Cyrillic), Bosnian, Croatian.

langdetect gives the coarse language but has no Serbian or Bosnian profile (it calls
Serbian Latin ``hr`` and Serbian Cyrillic ``mk``), so the South Slavic variants are told
apart here: the script, then the variant model (``text/variant_model.py``: a linear model over
character n-grams, words, the jat reflex, lexical markers such as ``hiljada``/``tisuća`` and dictionary
coverage, trained on real news by ``scripts/train_variant_model.py``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon.script import script_of, to_latin
from ..lexicon.variants import EKAVIAN as _EKAVIAN
from ..lexicon.variants import IJEKAVIAN as _IJEKAVIAN

SUPPORTED = ("en", "sr-Latn", "sr-Cyrl", "bs", "hr")
VARIANT_CLASSES = ("sr", "bs", "hr")

_SERBIAN_CYRILLIC = re.compile("[ђћџјљњЂЋЏЈЉЊ]")
_SERBIAN_ONLY = re.compile("[ђћЂЋ]")
# Letters of Macedonian, Bulgarian, Russian and Ukrainian that Serbian Cyrillic does not have.
_OTHER_CYRILLIC = re.compile("[ѓќѕыэъїєіёйщяюЃЌЅЫЭЪЇЄІЁЙЩЯЮ]")

_HBS_LATIN = re.compile("[ćđĆĐ]")


@dataclass(frozen=True)
class LanguageId:
    """What language a text is in, and how sure we are."""

    code: str  # "en", "sr-Latn", "sr-Cyrl", "bs", "hr", or another ISO code (unsupported)
    confidence: float  # 0-1
    script: str  # "Latn", "Cyrl", "mixed", "none"
    detector: str  # langdetect's own answer, kept for transparency
    variant_scores: dict[str, float] = field(default_factory=dict)  # posterior of sr/bs/hr
    variant: dict = field(default_factory=dict)  # the variant model's answer, probability and evidence

    @property
    def supported(self) -> bool:
        return self.code in SUPPORTED

    @property
    def label(self) -> str:
        """The code, or the variant model's hedged answer where it hedges: "hr|bs", "bs+mixed", "cnr?"."""
        answer = self.variant.get("answer")
        if not answer or answer == self.variant.get("variant"):
            return self.code
        return answer.replace("sr", self.code) if self.code.startswith("sr") else answer


@lru_cache(maxsize=1)
def variant_model_version() -> str:
    """A short hash of the shipped variant model (the weights, and the dictionary lists they use): part of
    every result's signature."""
    from .variant_model import model_version

    return model_version()


def reflex_counts(text: str) -> tuple[int, int]:
    """(ijekavian, ekavian) word counts."""
    low = to_latin(text).lower()
    return len(_IJEKAVIAN.findall(low)), len(_EKAVIAN.findall(low))


@lru_cache(maxsize=4096)
def _langdetect(text: str) -> tuple[str, float]:
    """langdetect's answer, computed once per text: remembered in memory and on disk (loading its
    profiles alone costs a second, on every run)."""
    from ..memo import digest, source_stamp, table

    key = digest(source_stamp("langdetect"), text[:5000])
    memo = table("langdetect")
    found = memo.get(key)
    if found is not None:
        return found[0], found[1]
    result = _run_langdetect(text)
    memo.put(key, list(result))
    return result


def _run_langdetect(text: str) -> tuple[str, float]:
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


def identify_language(text: str, sentences: list[str] | None = None) -> LanguageId:
    """Identify English or the South Slavic variant of ``text`` (whose ``sentences`` the variant model
    combines; split here when not given)."""
    script = script_of(text)
    detected, prob = _langdetect(text)
    if script in ("Cyrl", "mixed") and _is_serbian_cyrillic(text, detected):
        guess = _variant_guess(text, sentences)
        return LanguageId("sr-Cyrl", _cyrillic_confidence(text), "Cyrl", detected, guess.posterior, guess.as_dict())
    if script == "Cyrl":
        return LanguageId(detected, prob, script, detected, {})
    if detected == "en":
        return LanguageId("en", prob, script, detected, {})
    if detected in ("hr", "sr", "bs") or (detected in ("sl", "cs", "sk", "pl") and _looks_south_slavic(text)):
        guess = _variant_guess(text, sentences)
        code = "sr-Latn" if guess.best == "sr" else guess.best
        confidence = prob * guess.probability if not guess.montenegrin else min(0.5, prob * guess.probability)
        return LanguageId(code, round(confidence, 4), script, detected, guess.posterior, guess.as_dict())
    return LanguageId(detected, prob, script, detected, {})


def _variant_guess(text: str, sentences: list[str] | None):
    """The document-level guess of the variant model (text/variant_model.py) over ``text``'s sentences."""
    from .variant_model import remembered_combine

    if sentences is None:
        from .segment import split_sentences

        sentences = [s.text for s in split_sentences(text)]
    return remembered_combine(sentences)[0]


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
    if not _SERBIAN_ONLY.search(text) and _macedonian_words(text) > max(1, len(_SERBIAN_CYRILLIC_WORDS.findall(text))):
        return False  # Macedonian written without ѓ, ќ, ѕ: its function words (во, со, дека, е ...) give it away
    return bool(_SERBIAN_CYRILLIC.search(text)) or detected in ("mk", "sr", "bg")


# Function words of Macedonian that Serbian lacks, and of Serbian that Macedonian lacks.
_MACEDONIAN_WORDS = re.compile(r"(?<!\w)(во|со|дека|го|ги|е|беше|биде|кои|оваа|сите|нивните|неговата|вели|рече)(?!\w)",
                               re.I)
_SERBIAN_CYRILLIC_WORDS = re.compile(r"(?<!\w)(у|је|су|није|нису|ће|који|која|које|из|због|већ|још|био|била|били|"
                                     r"рекао|каже)(?!\w)", re.I)


def _macedonian_words(text: str) -> int:
    return len(_MACEDONIAN_WORDS.findall(text))


def _cyrillic_confidence(text: str) -> float:
    serbian = len(_SERBIAN_CYRILLIC.findall(text)) + text.lower().count("ј")
    other = len(_OTHER_CYRILLIC.findall(text))
    return round(serbian / (serbian + other + 1), 4) if serbian else 0.5

"""Every tuned constant of the comparison, and the signature that says how a result was computed.

As sacrebleu prints ``nrefs:1|case:mixed|...`` next to a score, every JSON output and evaluation
table carries ``signature()``: the translation backend and model fingerprint, the decoding beams,
the alignment and scoring constants below, the variant model's version and sacrebleu's own chrF
and BLEU signatures. Two figures are comparable only when their signatures match.
"""
from __future__ import annotations

from functools import lru_cache

from .. import __version__
from ..text.language import variant_model_version

# --- alignment (compare/align.py) ----------------------------------------------------------------
CHAR_ORDER = 6
# Gains, tuned on the NTREX alignment cases (README "Alignment"): a link must beat its background
# by MARGIN; a merged link counts MERGED_WEIGHT per sentence pair and each sentence beyond the
# first two costs MERGE_PENALTY, so merges win only where they clearly explain more.
MARGIN = 0.0
MERGED_WEIGHT = 0.85
MERGE_PENALTY = 0.1
ANCHOR_WEIGHT = 0.3
SHAPES = ((1, 1), (1, 2), (2, 1), (2, 2))
FULL_MATRIX_CELLS = 40_000  # beyond 200 x 200 sentences, only a band around the diagonal is scored
BAND_MIN = 25
BLOCK_ROWS = 64  # memory only: results do not depend on it, so it is not in the signature
PRIOR_BACKGROUND = 0.18  # typical similarity of unrelated sentences, for texts too short for medians

# --- scoring (compare/scoring.py) ----------------------------------------------------------------
# Thresholds tuned on the NTREX source cases (README "How the verdict is made").
CONFIDENT_MARGIN = 0.03  # a link whose similarity beats its row/column background by less is "weak"
EVIDENCE_FLOOR = 3.0  # chrF points above background at which a pair starts to count as evidence
EVIDENCE_SPAN = 5.0  # ... and the span over which its evidence rises to 1
DERIVED_SCORE = 0.40  # match score from which a candidate counts as a source
WHOLE_COVERAGE = 0.60  # evidence-weighted coverage of both texts from which it is wholly derived
# ... and the plain share of sentences on each side that found a counterpart: a text of which a fifth
# or more has no counterpart was only partly used, however well the rest matches.
WHOLE_ALIGNED = 0.80
CONVERSION_TOLERANCE = 0.10  # an imperial measure matches its metric conversion within 10 %

# Strong pairs and the labels that rest on them; tuned on the dev split of corpora/hard (and NTREX).
STRONG_CHRF = 15.0  # chrF points above the background from which a pair alone explains its English sentence
RUN_CHRF = 5.0  # ... or from which it does within a run of RUN_LENGTH pairs consecutive on both sides
RUN_LENGTH = 2
DERIVED_STRONG = 3  # a candidate over DERIVED_SCORE is a source only with this many strong sentences (at most half its text)
RESCUE_STRONG = 4  # a candidate under DERIVED_SCORE is a source all the same with this many strong sentences
RESCUE_SHARE = 0.3  # ... and at least this share of the shorter text
SHORT_PROOF_SHARE = 0.25  # fewer than RESCUE_STRONG strong sentences must be this share of the English (or all stand out)
# A source has a strong pair that beats every other pair of its row and column (the same English sentence against
# the candidate's other sentences, the same candidate sentence against the other English ones) by this many chrF
# points: a translation is its sentence's best match, a same-topic story's sentences match many as loosely.
DISTINCT_CHRF = 3.0

# --- composition (compare/composition.py): several sources, one verdict ---------------------------
MAP_EVIDENCE = 0.1  # a sentence no part explains strongly is mapped (weakly) from this evidence on; else to none
PART_MIN_SENTENCES = 3  # each part explains at least this many English sentences strongly that no earlier part does
PART_MIN_SHARE = 0.15  # ... and (after the first) at least this share of the English
SHORT_PART_SENTENCES = 2  # ... or, after the first, this many consecutive ones whose pairs are each STRONG_CHRF strong
BLOCK_CHRF = 7.0  # ... or, after a first part that is a source, a block of PART_MIN_SENTENCES pairs this far above on average
COMPILED_SHARE = 0.6  # parts none of which is a source alone must together explain this share of the English
EXPLAINED_BY = 5.0  # a candidate whose strong sentences the verdict's sources explain this many chrF points better
EXPLAINED_SHARE = 0.5  # ... for at least this share of them is not derived: it only resembles the source

# --- name flags (compare/name_flags.py) ----------------------------------------------------------
# Tuned on the dev two thirds of the NTREX changes cases and the extra dev cases of scripts/build_name_dev_cases.py
# (bench/name_flags.py --dev-only): a word counts as
# present on the other side from NAME_LIKE likeness; a flag is shown from NAME_CONFIDENT; an English name
# missing from the source with no unmatched source name to pair it with weighs NAME_ONE_SIDED of its absence,
# below NAME_CONFIDENT: only a name missing on both sides is a confident flag.
NAME_LIKE = 0.8
NAME_UNRELATED = 0.5  # ... and from NAME_UNRELATED down it is as unlike as unrelated words are
NAME_CONFIDENT = 0.5
NAME_ONE_SIDED = 0.45
NAME_SOURCE_ONLY = 0.45  # ... and a source name alone (names are translated: Sjeverni tok), this much
NAME_COMMON_WORD = 0.45  # an English name made of common words (the Navy, the Harbour Board) weighs this much
NAME_COMMON_SOURCE = 0.6  # ... a source one (Odbor, Zapad; also names that are words too, as Ruža) this much
NAME_CLAIM_MARGIN = 0.1  # a word another word of its side matches as the same name this much better is taken

ALIGNMENT = {"nc": CHAR_ORDER, "margin": MARGIN, "merged": MERGED_WEIGHT, "merge_penalty": MERGE_PENALTY,
             "anchor": ANCHOR_WEIGHT, "shapes": "+".join(f"{a}-{b}" for a, b in SHAPES),
             "full_cells": FULL_MATRIX_CELLS, "band": BAND_MIN, "prior": PRIOR_BACKGROUND}
SCORING = {"confident": CONFIDENT_MARGIN, "floor": EVIDENCE_FLOOR, "span": EVIDENCE_SPAN,
           "derived": DERIVED_SCORE, "whole": WHOLE_COVERAGE, "aligned": WHOLE_ALIGNED,
           "conversion": CONVERSION_TOLERANCE, "strong": STRONG_CHRF, "run": RUN_CHRF, "run_length": RUN_LENGTH,
           "derived_strong": DERIVED_STRONG, "rescue": RESCUE_STRONG, "rescue_share": RESCUE_SHARE,
           "short_proof": SHORT_PROOF_SHARE, "distinct": DISTINCT_CHRF}
COMPOSITION = {"mapped": MAP_EVIDENCE, "part_min": PART_MIN_SENTENCES, "part_share": PART_MIN_SHARE,
               "short_part": SHORT_PART_SENTENCES, "block": BLOCK_CHRF,
               "compiled_share": COMPILED_SHARE, "explained_by": EXPLAINED_BY, "explained_share": EXPLAINED_SHARE,
               "split": "realigned"}  # a part split around another's block is aligned again without it
NAMES = {"like": NAME_LIKE, "unrelated": NAME_UNRELATED, "confident": NAME_CONFIDENT, "one_sided": NAME_ONE_SIDED, "source_only": NAME_SOURCE_ONLY, "common": NAME_COMMON_WORD, "common_source": NAME_COMMON_SOURCE,
         "claim": NAME_CLAIM_MARGIN}


def signature(translator=None) -> dict[str, str]:
    """How results are computed, field by field; ``translator`` adds the model, backend and beams
    (a chain, which translates nothing, has none)."""
    fields = {"provenance": __version__}
    if translator is not None:
        fields["model"] = translator.fingerprint
        fields["backend"] = translator.backend.name
        fields["beams"] = str(getattr(translator.backend, "num_beams", "default"))
        fields["input"] = "sr-Cyrl:latin"  # Serbian Cyrillic is translated transliterated (text/document.py)
    fields["align"] = _join(ALIGNMENT)
    fields["score"] = _join(SCORING)
    fields["compose"] = _join(COMPOSITION)
    fields["names"] = _join(NAMES)
    fields["variant"] = variant_model_version()
    fields["chrF"], fields["BLEU"] = _sacrebleu_signatures()
    return fields


def signature_text(fields: dict[str, str]) -> str:
    """One line, sacrebleu style: ``provenance:0.1.0|model:...|align:nc=6,margin=0.0,...|chrF:[...]``."""
    return "|".join(f"{k}:[{v}]" if "|" in v else f"{k}:{v}" for k, v in fields.items())


def _join(values: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in values.items())


@lru_cache(maxsize=1)
def _sacrebleu_signatures() -> tuple[str, str]:
    """sacrebleu's signatures of the corpus chrF and BLEU that scoring computes (sacrebleu only
    builds one after a first score)."""
    from sacrebleu.metrics import BLEU, CHRF  # lazy: only outputs that carry a signature need it

    signatures = []
    for metric in (CHRF(), BLEU()):
        metric.corpus_score(["a b"], [["a b"]])
        signatures.append(metric.get_signature().format())
    return signatures[0], signatures[1]

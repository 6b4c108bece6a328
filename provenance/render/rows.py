"""What every view of a check shows alike: the side-by-side rows (built here once) and the verdict's wording."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..compare.check import CandidateResult, CheckResult
    from ..text.document import Text


@dataclass(frozen=True)
class Row:
    """One line of the side-by-side view: an aligned pair, or a sentence found on one side only."""

    english: str
    source: str
    translation: str
    status: str  # match, weak, added, omitted
    similarity: float
    evidence: float
    chrf: float
    flags: list[str]
    notes: list[str]  # numbers and names that differ

    @property
    def is_pair(self) -> bool:
        return bool(self.english) and bool(self.source)

    @property
    def differences(self) -> list[str]:
        """What differs, in words; empty for a pair that agrees."""
        what = []
        if self.status == "added":
            what.append("only in the English (added)")
        if self.status == "omitted":
            what.append("only in the source (omitted)")
        return what + self.notes


def side_by_side(article: "Text", candidate: "CandidateResult") -> list[Row]:
    """Every pair and unpaired sentence of ``candidate`` against the English ``article``, in order."""
    english = article.sentence_texts
    source = candidate.text.sentence_texts
    return [Row(" ".join(english[i] for i in pair.english), " ".join(source[j] for j in pair.source),
                " ".join(candidate.translations[j] for j in pair.source), pair.status, pair.similarity,
                pair.evidence, pair.chrf, pair.flags, mismatch_notes(pair))
            for pair in candidate.score.pairs]


def difference_rows(article: "Text", candidate: "CandidateResult") -> list[tuple[str, str, str]]:
    """(English, source, what differs) for every added, omitted or changed pair."""
    return [(row.english, row.source, "; ".join(row.differences))
            for row in side_by_side(article, candidate) if row.differences]


def mismatch_notes(pair) -> list[str]:
    """'numbers differ: English 500,000 / source 400.000' and the same for names, where they differ."""
    notes = []
    for kind, only_english, only_source in (("numbers", pair.numbers_only_english, pair.numbers_only_source),
                                            ("names", pair.names_only_english, pair.names_only_source)):
        if only_english or only_source:
            english, source = ", ".join(only_english) or "–", ", ".join(only_source) or "–"
            notes.append(f"{kind} differ: English {english} / source {source}")
    return notes


def verdict_sentence(result: "CheckResult") -> str:
    if not result.ranking:
        return "no candidate could be compared."
    top = result.ranking[0]
    if result.source is None:
        return (f"no candidate is a source of this article (best: {top.name}, match {top.score.match_score:.2f}, "
                f"{top.score.label}).")
    return (f"{top.name} is the most likely source ({top.score.label}, match {top.score.match_score:.2f}, "
            f"margin {result.margin:.2f} over the next candidate).")

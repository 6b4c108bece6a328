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
    name = display_names(result)[top.name]
    if result.compiled:
        return compiled_sentence(result)
    if result.source is None:
        return (f"no candidate is a source of this article (best: {name}, match {top.score.match_score:.2f}, "
                f"{top.score.label}).")
    if not compared_with_another(result):
        # a margin over nothing means nothing: say what the verdict rests on
        return (f"{name} is the most likely source ({top.score.label}, match {top.score.match_score:.2f}); "
                f"there was no other candidate to compare it with.")
    return (f"{name} is the most likely source ({top.score.label}, match {top.score.match_score:.2f}, "
            f"margin {result.margin:.2f} over the next candidate).")


def compiled_sentence(result: "CheckResult") -> str:
    """'compiled from a.txt (sentences 1–4) and b.txt (5–8); sentence 9 matches no candidate.'"""
    names = display_names(result)
    parts = [f"{names[p.candidate]} ({'sentences ' if k == 0 else ''}{p.spans_text()})"
             for k, p in enumerate(result.composition.parts)]
    listed = ", ".join(parts[:-1]) + " and " + parts[-1]
    unmapped = [m.english for m in result.composition.sentence_map if m.candidate is None]
    rest = ""
    if unmapped:
        from ..compare.composition import Part

        runs = Part("", tuple(unmapped)).spans_text()
        rest = f"; {'sentence' if len(unmapped) == 1 else 'sentences'} {runs} {'matches' if len(unmapped) == 1 else 'match'} no candidate"
    return f"compiled from {listed}{rest}."


def sentence_map_rows(result: "CheckResult") -> list[tuple[int, str, str, str, str]]:
    """(English sentence number, English, candidate, its sentence numbers, evidence strength) per English sentence."""
    names = display_names(result)
    english = result.article.sentence_texts
    rows = []
    for m in result.composition.sentence_map:
        where = ", ".join(str(j + 1) for j in m.source)
        rows.append((m.english + 1, english[m.english], names[m.candidate] if m.candidate else "none", where,
                     m.strength))
    return rows


def compared_with_another(result: "CheckResult") -> bool:
    """True when a second candidate was scored, so that a margin over it means something."""
    return len(result.ranking) > 1


def display_names(result: "CheckResult") -> dict[str, str]:
    """Each candidate's shortest unambiguous name (see ``short_names``), keyed by its path."""
    return short_names([c.name for c in result.candidates])


def short_names(paths: list[str]) -> dict[str, str]:
    """The file name of each path; where two share a file name, as many folders as tell them apart.

    ``corpora/seed/texts/bs-anadolu.txt`` -> ``bs-anadolu.txt``; ``a/x.txt`` and ``b/x.txt`` keep
    ``a/x.txt`` and ``b/x.txt``. Names in a table must keep the part that distinguishes them.
    """
    parts = {p: p.replace("\\", "/").split("/") for p in dict.fromkeys(paths)}
    depth = {p: 1 for p in parts}
    while True:
        names = {p: "/".join(parts[p][-depth[p]:]) for p in parts}
        clashes = {n for n in names.values() if list(names.values()).count(n) > 1}
        grow = [p for p in parts if names[p] in clashes and depth[p] < len(parts[p])]
        if not grow:
            return names
        for p in grow:
            depth[p] += 1

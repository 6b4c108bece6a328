"""Which candidate each English sentence comes from, and whether the article was compiled from several.

Each candidate's score says which English sentences it explains *strongly*
(``CandidateScore.strong_english``: pairs that stand out clearly from unrelated sentences, see
``scoring.strongly_explained``) and, per pair, the evidence of the rest. The parts are chosen
greedily, as in set cover: the candidate that strongly explains the most English sentences first,
then the one that strongly explains most of what is left, and so on while a candidate explains at
least ``PART_MIN_SENTENCES`` (and ``PART_MIN_SHARE`` of the English) that no earlier part does, or, after
the first, ``SHORT_PART_SENTENCES`` that stand out on their own and follow each other on both sides (a
sentence an earlier part explains strongly counts too where this candidate explains it EXPLAINED_BY better).
After a first part that is a source by its own label, a candidate's block of PART_MIN_SENTENCES pairs that
follow each other on both sides, on sentences no part explains, counts too when its pairs stand BLOCK_CHRF
above the background on average: the rest of a derived article, whose short translation the model garbled.
A part split around another's block (A1..Ak, B..., Ak+1..) may have had its later sentences paired inside that
block by its own alignment; a candidate with a pair inside a part's block is aligned again with only the English
outside the blocks (``align_within``: the same pair scores, another path) and judged there by the same rules,
provided its sentences join across a block. It runs only for such candidates, after a first part that is a source.
Two or more parts make a compilation, "compiled from A (sentences 1–4) and B (5–8)", provided the
first is a source on its own or the parts together explain ``COMPILED_SHARE`` of the English. A
near-copy of the source explains nothing the source does not, so it is never a part of its own.
The sentence map gives each English sentence the part that explains it strongly (the earliest
chosen), else the part with the most evidence for it (a weak mapping), else none.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from .scoring import NOT_DERIVED, CandidateScore, PairReport, confident_pairs, consecutive_runs
from .settings import (BLOCK_CHRF, COMPILED_SHARE, EXPLAINED_BY, EXPLAINED_SHARE, MAP_EVIDENCE, PART_MIN_SENTENCES,
                       PART_MIN_SHARE, SHORT_PART_SENTENCES, STRONG_CHRF)


Realigner = Callable[[str, tuple[int, ...]], CandidateScore]  # (candidate, English sentences) -> its score there


@dataclass(frozen=True)
class MappedSentence:
    """Where one English sentence comes from: a candidate and its sentence(s), or nowhere (candidate None)."""

    english: int
    candidate: str | None
    source: tuple[int, ...] = ()
    evidence: float = 0.0

    strong: bool = False  # explained strongly (else weakly, or not at all)

    @property
    def strength(self) -> str:
        """'strong', 'weak' or 'none': how the evidence reads, for colour scales and summaries."""
        if self.candidate is None:
            return "none"
        return "strong" if self.strong else "weak"


@dataclass(frozen=True)
class Part:
    """A candidate that explains its own part of the English: the English sentences mapped to it."""

    candidate: str
    english: tuple[int, ...]

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Runs of consecutive English sentence indices, (first, last), 0-based."""
        runs: list[tuple[int, int]] = []
        for i in self.english:
            if runs and i == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
        return runs

    def spans_text(self) -> str:
        """'1–4, 9–10': the runs 1-based, as an editor counts sentences."""
        return ", ".join(f"{a + 1}" if a == b else f"{a + 1}–{b + 1}" for a, b in self.spans)


@dataclass
class Composition:
    sentence_map: list[MappedSentence]
    parts: list[Part] = field(default_factory=list)  # in order of their first English sentence

    @property
    def compiled(self) -> bool:
        return len(self.parts) >= 2


def compose(english_count: int, scored: Sequence[tuple[str, CandidateScore]],
            realign: Realigner | None = None) -> Composition:
    """The sentence map and the parts, from candidates' scores given in rank order (best first).

    ``realign(name, rows)``, when given, scores a candidate aligned with the English sentences ``rows`` only
    (``align_within``): after a first part that is a source, a candidate that is no part on its
    own alignment but has a pair inside a part's block is aligned again without the parts' blocks (a part
    split around another's block, whose second half the first alignment paired inside that block)."""
    names = [name for name, _score in scored]
    strong = [set(score.strong_english) for _name, score in scored]
    best = [_best_pairs(english_count, score) for _name, score in scored]
    pairs_of = [score.pairs for _name, score in scored]  # in the article's numbering, realigned ones too
    chosen: list[int] = []
    taken: dict[int, set[int]] = {}  # per part, the English sentences it explains: strongly, or as a block
    left = set(range(english_count))
    while len(chosen) < len(names):
        parts = [(taken[c], best[c]) for c in chosen]
        source_first = bool(chosen) and scored[chosen[0]][1].label != NOT_DERIVED
        # most newly explained sentences first; ties go to the better-ranked candidate
        new = {k: _newly_explained(strong[k], left, best[k], parts) for k in range(len(names)) if k not in chosen}
        if source_first:  # the rest of a derived article, block by block
            for k in new:
                new[k] |= _unexplained_block(scored[k][1], left, best[k], parts)
        eligible = {k for k in new if _is_part(new[k], best[k], english_count, bool(chosen))}
        again: dict[int, tuple] = {}
        if source_first and realign is not None:
            blocks = set().union(*(_block_of(pairs_of[c], taken[c]) for c in chosen))
            rows = tuple(i for i in range(english_count) if i not in blocks)
            split = any(b > a + 1 for a, b in zip(rows, rows[1:]))  # a block with English on both sides
            for k in new:
                # without a pair inside a block, aligning again without the blocks would change nothing
                if k in eligible or not split or len(rows) < max(SHORT_PART_SENTENCES, PART_MIN_SHARE * english_count) \
                        or not any(i in blocks for p in pairs_of[k] if p.source for i in p.english):
                    continue
                found = _realigned(realign(names[k], rows), rows, left, parts, english_count)
                if found is not None:
                    new[k], again[k] = found[0], found[1:]
                    eligible.add(k)
        if not eligible:
            break
        k = max(eligible, key=lambda k: (len(new[k]), -k))
        if k in again:
            best[k], strong[k], pairs_of[k] = again[k]
        chosen.append(k)
        taken[k] = strong[k] | new[k]
        left -= taken[k]
    if len(chosen) >= 2 and scored[chosen[0]][1].label == NOT_DERIVED \
            and english_count - len(left) < COMPILED_SHARE * english_count:
        chosen = chosen[:1]
    sentence_map: list[MappedSentence | None] = []
    for i in range(english_count):
        # strongly explained: the part whose pair stands furthest above its background; else the most evidence
        held = [(best[k][i][2], -k, k) for k in chosen if i in taken[k]]
        weak = [(best[k][i][0], best[k][i][2], -k, k) for k in chosen if best[k][i][0] >= MAP_EVIDENCE]
        if held:
            k = max(held)[2]
        elif weak:
            k = max(weak)[3]
        else:
            sentence_map.append(None)
            continue
        sentence_map.append(MappedSentence(i, names[k], best[k][i][1], round(best[k][i][0], 4), i in strong[k]))
    sentence_map = _fill_gaps(sentence_map, [names[k] for k in chosen], {names[k]: scored[k][1].sentences for k in chosen})
    parts = [Part(names[k], tuple(m.english for m in sentence_map if m.candidate == names[k])) for k in chosen]
    parts.sort(key=lambda p: p.english[0] if p.english else english_count)
    return Composition(sentence_map, parts)


def explained_away(english_count: int, scored: Sequence[tuple[str, CandidateScore]], sources: Sequence[str]) -> set[str]:
    """The candidates that are no source although their own label says so: for at least EXPLAINED_SHARE of the
    English sentences they explain strongly, one of ``sources`` (the verdict's) has a pair whose chrF stands
    EXPLAINED_BY chrF points higher above its background, unless they explain half the English strongly
    themselves. A same-topic story resembles the article where the
    source translates it; a copy of the source (or part of it) matches as well as the source does and stays."""
    if not sources:
        return set()
    best = {name: _best_pairs(english_count, score) for name, score in scored}
    away = set()
    for name, score in scored:
        if name in sources or score.label == NOT_DERIVED or not score.strong_english \
                or len(score.strong_english) >= EXPLAINED_SHARE * english_count:
            continue  # strongly explaining half the article or more, it is a source in its own right (an upstream text)
        beaten = sum(1 for i in score.strong_english
                     if max(best[s][i][2] for s in sources) >= best[name][i][2] + EXPLAINED_BY)
        if beaten >= EXPLAINED_SHARE * len(score.strong_english):
            away.add(name)
    return away


def _newly_explained(strong: set[int], left: set[int], best: list[tuple],
                     parts: list[tuple[set[int], list[tuple]]]) -> set[int]:
    """The English sentences a candidate would add to the parts: those no part explains strongly, and those a
    part explains strongly but EXPLAINED_BY chrF points less well (a part's pair that took the first sentence of
    the next block by resemblance), provided its own chrF is higher too: a copy of the part's text has a
    background of its own, not a better pair)."""
    contested = {i for i in strong - left
                 if best[i][2] >= max(b[i][2] for s, b in parts if i in s) + EXPLAINED_BY
                 and best[i][3] > max(b[i][3] for s, b in parts if i in s)}
    return (strong & left) | contested


def _unexplained_block(score: CandidateScore, left: set[int], best: list[tuple],
                       parts: list[tuple[set[int], list[tuple]]]) -> set[int]:
    """The English sentences of the candidate's blocks that explain what a source part leaves: runs of
    PART_MIN_SENTENCES or more confident pairs consecutive on both sides whose chrF stands on average BLOCK_CHRF
    above the background, each on a sentence no part explains strongly or one whose part's pair stands lower
    above its background and has a lower chrF (a pair that took the first sentence of the next block by
    resemblance). The model garbles one sentence in three or four of a short block, so no pair of it need be
    strong alone; a same-topic story's pairs that follow each other stay close to the background."""
    def free(i: int) -> bool:
        held = [b[i] for s, b in parts if i in s]
        return not held or (best[i][2] > max(h[2] for h in held) and best[i][3] > max(h[3] for h in held))

    pairs = [p for p in confident_pairs(score.pairs) if all(free(i) for i in p.english)]
    block: set[int] = set()
    for run in consecutive_runs(pairs):
        if sum(len(p.english) for p in run) >= PART_MIN_SENTENCES \
                and sum(p.chrf - score.background_chrf for p in run) / len(run) >= BLOCK_CHRF:
            block.update(i for p in run for i in p.english)
    return block


def _is_part(new: set[int], best: list[tuple], english_count: int, later: bool) -> bool:
    """Whether a candidate that newly explains ``new`` is a part: PART_MIN_SENTENCES (and, after the first part,
    PART_MIN_SHARE of the English), or after the first a clear short part."""
    return len(new) >= max(PART_MIN_SENTENCES, PART_MIN_SHARE * english_count if later else 0) \
        or later and _clear_short_part(sorted(new), best, english_count)


def _block_of(pairs: Sequence[PairReport], taken: set[int]) -> set[int]:
    """The English sentences of a part's block: those it explains, and those of its confident pairs that follow
    on from a pair it explains on both sides (a headline or a sentence the model garbled inside the block)."""
    block = set(taken)
    for run in consecutive_runs(confident_pairs(pairs)):
        if any(i in taken for p in run for i in p.english):
            block.update(i for p in run for i in p.english)
    return block


def _realigned(score: CandidateScore, rows: tuple[int, ...], left: set[int],
               parts: list[tuple[set[int], list[tuple]]], english_count: int):
    """A candidate aligned with the English sentences ``rows`` only (``score`` numbers them 0, 1, ...): what it
    newly explains there by the same rules, in the article's numbering, with its best pairs, strong sentences and
    pairs; None when it is no part there either."""
    at = {row: r for r, row in enumerate(rows)}
    local_left = {at[i] for i in left if i in at}
    local_parts = [({at[i] for i in s if i in at}, [b[row] for row in rows]) for s, b in parts]
    local_best = _best_pairs(len(rows), score)
    new = _newly_explained(set(score.strong_english), local_left, local_best, local_parts) \
        | _unexplained_block(score, local_left, local_best, local_parts)
    # it must join across a block: two of its sentences next to each other here, with a block between them in
    # the article, from consecutive sentences of its own; else the freer path only finds a same-topic story's run
    joined = any(r + 1 in new and rows[r + 1] > rows[r] + 1 and local_best[r][1] and local_best[r + 1][1]
                 and local_best[r + 1][1][0] == local_best[r][1][-1] + 1 for r in new)
    if not joined or not _is_part(new, local_best, english_count, True):
        return None
    best = [(0.0, (), -100.0, 0.0)] * english_count
    for r, row in enumerate(rows):
        best[row] = local_best[r]
    pairs = [replace(p, english=tuple(rows[i] for i in p.english)) for p in score.pairs]
    return {rows[r] for r in new}, best, {rows[r] for r in score.strong_english}, pairs


def _clear_short_part(new: list[int], best: list[tuple], english_count: int) -> bool:
    """A later part too short for PART_MIN_SENTENCES (a three-sentence block with one sentence the model garbled):
    SHORT_PART_SENTENCES or more newly explained English sentences, consecutive and from consecutive sentences of
    the candidate, each pair STRONG_CHRF above its background on its own, and PART_MIN_SHARE of the English. A
    same-topic story's strong pairs rarely follow each other, and seldom stand out that far."""
    if len(new) < max(SHORT_PART_SENTENCES, PART_MIN_SHARE * english_count):
        return False
    if any(best[i][2] < STRONG_CHRF or not best[i][1] for i in new):
        return False
    return all(b == a + 1 and best[b][1][0] == best[a][1][-1] + 1 for a, b in zip(new, new[1:]))


def _best_pairs(english_count: int, score: CandidateScore) -> list[tuple[float, tuple[int, ...], float, float]]:
    """Per English sentence: the evidence of the candidate's pair that holds it (a confident pair's, or a weak
    link's at zero), its sentences, how far its chrF stands above the background, and its chrF."""
    best: list[tuple[float, tuple[int, ...], float, float]] = [(-1.0, (), -100.0, 0.0)] * english_count
    for pair in score.pairs:
        if pair.status not in ("match", "weak") or not pair.source:
            continue
        for i in pair.english:
            if i < english_count and (pair.evidence, pair.chrf) > best[i][::2]:
                best[i] = (pair.evidence, pair.source, round(pair.chrf - score.background_chrf, 2), pair.chrf)
    return [(max(0.0, e), src, above, chrf) for e, src, above, chrf in best]


def _fill_gaps(mapped: list[MappedSentence | None], parts: list[str], sizes: dict[str, int]) -> list[MappedSentence]:
    """An English sentence no part explains, beside one mapped to sentence j of a part, comes (weakly) from that
    part's sentence next to j, when that sentence is free: a headline or a sentence the model garbled inside a
    block. The next mapped sentence is tried first (a block opens with its headline), then the previous one."""
    mapped = list(mapped)
    used = {(m.candidate, j) for m in mapped if m for j in m.source}
    changed = True
    while changed:
        changed = False
        for i, m in enumerate(mapped):
            if m is not None:
                continue
            for step in (1, -1):
                k = i + step
                if not 0 <= k < len(mapped) or mapped[k] is None or not mapped[k].source:
                    continue
                neighbour = mapped[k]
                j = neighbour.source[0] - 1 if step == 1 else neighbour.source[-1] + 1
                if 0 <= j < sizes.get(neighbour.candidate, 0) and (neighbour.candidate, j) not in used:
                    mapped[i] = MappedSentence(i, neighbour.candidate, (j,), 0.0, False)
                    used.add((neighbour.candidate, j))
                    changed = True
                    break
    return [m if m is not None else MappedSentence(i, None) for i, m in enumerate(mapped)]

"""Name flags with a confidence: is a name of one side really missing from the other?

The machine translation of a source sentence often garbles a name (Anrio -> "Anri"), and an
English institution or title is often translated into common words (the Navy -> mornarica), so a
name missing from the translation says little. Names are therefore compared with the *original*
source words too, through case endings (Anrioa = Henriot), local spelling of the English sounds
(Vitbridž = Whitbridge, Braun = Browne, Ajova = Iowa) and consonant skeletons, each word against the words of
the other side that no other word of its own side claims (Zoran is not there because Zorica is); and a
name counts as *changed* with confidence only when
the evidence is strong on both sides: an English name that nothing in the source resembles, and a
source name that nothing in the English resembles, the two unlike each other. A name missing on
one side only (added, dropped, or translated beyond recognition) is a weak flag.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

from ..lexicon.names import (english_forms, is_common_local, is_english_word, is_title, local_stems, sound_groups,
                             titles)
from ..lexicon.places import canonical_keys
from ..lexicon.script import NAME_TOKEN, fold, skeleton
from .anchors import Name, extract_names, is_common_english, is_common_english_word, name_keys
from .settings import (NAME_CLAIM_MARGIN, NAME_COMMON_SOURCE, NAME_COMMON_WORD, NAME_CONFIDENT, NAME_LIKE, NAME_ONE_SIDED, NAME_SOURCE_ONLY,
                       NAME_UNRELATED)

ACRONYM = re.compile(r"^(?:[A-ZА-Я]\.?){1,4}s?$")  # UK, U.K, D.C, GOPs: rendered otherwise in translation
_ABBREVIATION_DOT = re.compile(r"\b([^\W\d_]{1,12})\.(?=\s)")  # Sen. Jeff, г. Досеба, U.N. General, St. Mirren
_COMMA = re.compile(r",\s+")
_CONTRACTION = re.compile(r"['’][a-z]")  # it's, I've, don't; but O'Neill and D'Amato are names
_QUOTES = re.compile(r"[\"“”„«»‚‘]|(?<=[.!?,])'")
_CLOSING_PUNCTUATION = re.compile(r"[.!?,]+(?=['’\"“”«»‘]+\s+\w)")
# Adjective endings (folded to ASCII): -ni/-nog/-noj, -ski/-skog, -čki, -ov/-in possessives and the
# oblique -og/-om/-oj/-ih/-im forms that nouns of names rarely take.
_DEMONYM = re.compile(r"(?:[ei]an|can|ans|ese|ish|ic)$")  # Germans, American, Chinese, British: a people (Jordan, Iran: places)
_SURNAME_ENDING = re.compile(r"(?:ov|ev|in)(?:a|e|u|oj|om)$")  # Sandersova, Fordove: a woman's surname, declined
SPELLING_STEP = 0.5  # what one English letter written as another local letter, or left silent, costs
ADJECTIVE_ENDING = re.compile(r"(?:n|sk|ck|ov|ev|in)(?:i|a|o|e|u|og|oj|om|ih|im|ima)$|(?:og|oj|ih)$")


@dataclass(frozen=True)
class NameFlag:
    """A name of one side that the other side lacks, with how sure we are (0-1).

    ``english`` is the English name (empty when only the source has one), ``source`` the source
    name it seems to replace (empty when none was found); ``confident`` flags are shown by default.
    """

    english: str
    source: str
    confidence: float

    @property
    def confident(self) -> bool:
        return self.confidence >= NAME_CONFIDENT

    def as_dict(self) -> dict:
        return {"english": self.english or None, "source": self.source or None,
                "confidence": self.confidence, "confident": self.confident}


def name_flags(en_text: str, src_text: str, mt_text: str, language: str | None,
               source_candidates: tuple[str, ...] = ()) -> tuple[NameFlag, ...]:
    """Flags for one aligned pair: English names nothing in the source or its translation resembles,
    each paired with the source name nothing in the English resembles that is least like it.
    ``source_candidates`` are source names that ``scoring._name_diff`` found missing from the English
    while the translation also carries a name the English lacks: alone, they make weak flags."""
    en_text, src_text = _for_names(en_text, "en"), _for_names(src_text, "local")
    src_words = _words(src_text)
    mt_words = [w for w in _words(mt_text) if w[:1].isupper()]  # a name the translation kept is capitalised
    en_words = [w for w in _words(en_text) if w[:1].isupper() or not is_english_word(w)]  # names, twp, pwp
    src_keys = name_keys(src_text, capitalised_only=False) | name_keys(mt_text, capitalised_only=False)
    en_keys = name_keys(en_text, capitalised_only=False)
    english_names = _english_names(en_text)
    others = src_words + mt_words
    claimers = tuple(dict.fromkeys([w for n in english_names for w in _core_words(n.text)]
                                   + [w for w in en_words if w[:1].isupper()]))  # a name or not (Congress: Kongresom)
    missing_en = []  # (English name, {its missing word: how surely it is missing})
    for name in english_names:
        if _acronym_shared(name.text, src_words):  # the Democratic ... Committee (DCCC): Odbor ... (DCCC)
            continue
        covered = _aliased(name.text, _word_before(en_text, name.text), src_keys)  # United Nations = UN
        absence = {w: _absence(_best_likeness(w, others, claimers, language, english_side=True))
                   for w in _core_words(name.text) if w not in covered}
        missing = {w: a for w, a in absence.items() if a > 0}
        if missing:  # a name that is also an English word (the Navy, the Harbour Board) is often translated,
            weight = NAME_COMMON_WORD if all(is_english_word(w) for w in missing) else 1.0
            if _rendered_territory(name.text, src_keys, en_keys):  # and so is a nationality (Germans: Nemci)
                weight = min(weight, NAME_COMMON_WORD)
            missing_en.append((name.text, {w: weight * a for w, a in missing.items()}))
    missing_src = []  # source names nothing in the English resembles
    opening = _opening_words(src_text)  # capitalised as any first word is: weaker evidence of a name
    source_names = _source_names(src_text, source_candidates)
    claimers = tuple(dict.fromkeys([w for n in source_names for w in re.split(r"[\s-]+", n)]
                                   + [w for w in src_words if w[:1].isupper()]))
    for name in source_names:
        covered = _aliased(name, _word_before(src_text, name), en_keys)  # (Sjedinjene) Države = US
        words = [w for w in re.split(r"[\s-]+", name) if not is_title(w, "local") and len(fold(w)) >= 2
                 and w not in covered and not ACRONYM.match(w)]
        absence = {w: _absence(_best_likeness(w, en_words, claimers, language, english_side=False)) for w in words}
        missing = {w: a for w, a in absence.items() if a > 0}
        if missing:
            weight = _source_weight(name, list(missing), language) * (NAME_COMMON_SOURCE if name in opening else 1.0)
            missing_src.append((name, {w: weight * a for w, a in missing.items()}))
    flags = []
    paired: set[str] = set()
    for name, words in missing_en:
        best = ("", NAME_ONE_SIDED * max(words.values()))
        for src_name, src_words in missing_src:
            # the word that changed: missing here, its counterpart missing there, and the two unlike
            confidence = max(min(a, b, _absence(_likeness(w, s, language)))
                             for w, a in words.items() for s, b in src_words.items())
            if confidence > best[1]:
                best = (src_name, confidence)
        flags.append(NameFlag(name, best[0], round(best[1], 3)))
        paired.add(best[0])
    for src_name, src_words in missing_src:
        if src_name not in paired and src_name in source_candidates:
            flags.append(NameFlag("", src_name, round(NAME_SOURCE_ONLY * max(src_words.values()), 3)))
    return tuple(flags)


@lru_cache(maxsize=65536)
def _claim(other: str, claimers: tuple[str, ...], language: str | None, english_first: bool) -> tuple[float, frozenset]:
    """``other``'s best likeness to the words of the far side that could claim it, and the (folded) words
    that reach it: a word the same name of one's own side matches (Zorica = Зорицом) is no evidence for
    another (Zoran)."""
    scored = [(_likeness(w, other, language) if english_first else _likeness(other, w, language), fold(w))
              for w in claimers]
    best = max((score for score, _ in scored), default=0.0)
    return best, frozenset(folded for score, folded in scored if score == best)


def _best_likeness(word: str, others: list[str], claimers: tuple[str, ...], language: str | None,
                   english_side: bool) -> float:
    """``word``'s best likeness to the words of the other side, leaving out those that another word of its
    own side (one of ``claimers``) matches as the same name and clearly better (Korea is no Kristin where
    Christine is there). Claims are looked up for the best candidates only, best first."""
    folded = fold(word)
    scored = sorted(((_likeness(word, o, language) if english_side else _likeness(o, word, language), o)
                     for o in dict.fromkeys(others)), reverse=True)
    for score, other in scored:
        if score <= NAME_UNRELATED:
            return score  # as missing as can be: no claim changes that
        claimed, holders = _claim(other, claimers, language, english_side)
        if (claimed >= NAME_LIKE and folded not in holders and score < claimed - NAME_CLAIM_MARGIN
                and not any(_same_word(word, holder, language) for holder in holders)):
            continue
        return score
    return 0.0


@lru_cache(maxsize=65536)
def _same_word(a: str, b: str, language: str | None) -> bool:
    """Two forms of one word of a side (Aljasci / Aljaske: Aljaska declined), not two names (Zoran / Zorica)."""
    return any(x == y or (min(len(x), len(y)) >= 4 and Indel.normalized_similarity(x, y) >= NAME_LIKE)
               for x in local_stems(a, language) for y in local_stems(b, language))


def _source_weight(name: str, missing: list[str], language: str | None) -> float:
    """How much a source name that the English lacks says: less when its missing words are common
    words of the language (Odbora, Zapad: institutions and titles translate) or it is one adjective
    (Narodnom skupštinom)."""
    weight = 1.0
    if all(is_common_local(w, language) for w in missing):
        weight *= NAME_COMMON_SOURCE
    if " " not in name and ADJECTIVE_ENDING.search(fold(name)) and not _SURNAME_ENDING.search(fold(name)):
        weight *= 0.8
    return weight


def _rendered_territory(name: str, src_keys: set[str], en_keys: set[str]) -> bool:
    """Is the English name a people or its adjective (Germans: '=DE') while the source names no place the English
    lacks? Then the source wrote it as a word the place tables do not tie to it (Nemci, Aljasci); a country
    changed for another (Germany for Francuska) leaves the source's own key unmatched."""
    if " " in name or not _DEMONYM.search(fold(name)):
        return False  # a country's own name (Britain, Macedonia) the source writes as the tables do
    keys = {k for k in canonical_keys(name) if k.startswith("=")}
    return bool(keys) and not keys & src_keys and not {k for k in src_keys if k.startswith("=")} - en_keys


def _acronym_shared(name: str, other_words: list[str]) -> bool:
    """Does the name carry an acronym of two letters or more that the other side writes too?"""
    return any(len(w) >= 2 and ACRONYM.match(w) and w in other_words for w in re.split(r"[\s-]+", name))


def _for_names(text: str, side: str) -> str:
    """The text as names are read from it: 'Sen. Jeff Flake' -> 'Sen Jeff Flake', 'the U.N. General
    Assembly' -> 'the U.N General Assembly' and '," Peterson said' -> ', Peterson said': neither the dot of an
    abbreviated title or an initial nor a closing quote ends a sentence, so the name after it is no
    sentence-initial word."""
    def undotted(match: re.Match) -> str:
        word = match.group(1)
        return word if is_title(word, side) or (len(word) == 1 and word.isupper()) else match.group()

    text = _CLOSING_PUNCTUATION.sub(",", _ABBREVIATION_DOT.sub(undotted, text))  # 'today!'" Peterson added'
    return _QUOTES.sub("", text)


def _absence(likeness: float) -> float:
    """0-1: how surely a word is missing, from its best likeness to the other side's words: 1 at the
    likeness of unrelated words, 0 from the likeness at which it counts as the same name."""
    return max(0.0, min(1.0, (NAME_LIKE - likeness) / (NAME_LIKE - NAME_UNRELATED)))


def _english_names(en_text: str) -> list[Name]:
    """English names worth a flag: not acronyms (UK, GOP), contractions, or runs of common words (the Navy);
    with them the words no English dictionary has that open the sentence or a clause (Pompeo met Ri; the
    assertion: Tornillo has ...), or stand anywhere in a headline in Title Case, where capitals say nothing."""
    runs = _runs(en_text)
    found = {w for n in runs for w in n.text.split()}
    loose = [w for w in _clause_openings(en_text, every_word=not runs and _is_title_case(en_text))
             if w not in found and not is_english_word(w) and not is_common_english_word(w) and not is_title(w, "en")]
    return [n for n in runs + [Name(w, (skeleton(w),)) for w in dict.fromkeys(loose)]
            if n.keys and not ACRONYM.match(n.text) and not _CONTRACTION.search(n.text) and not is_common_english(n)]


def _runs(text: str) -> list[Name]:
    """The capitalised runs of ``extract_names``, a comma ending one: 'Roy Keane, Martin O'Neill' is two names."""
    return extract_names(_COMMA.sub(" , x ", text))  # the lower-case x ends a run, as a common word does


_CLAUSE_ENDS = frozenset(".!?:;–—")
_POSSESSIVE = re.compile(r"['’]s$")


def _clause_openings(text: str, every_word: bool = False) -> list[str]:
    """The capitalised words (three letters or more) that open the text or a clause (after . ! ? : ; or a
    dash), or with ``every_word`` all capitalised words: capitals there say nothing about names."""
    words = []
    end = None  # where the previous word ended: None before the first
    for match in NAME_TOKEN.finditer(text):
        opens = every_word or end is None or text[end:match.start()].rstrip()[-1:] in _CLAUSE_ENDS
        end = match.end()
        if not opens or not match.group()[:1].isupper():
            continue
        word = _POSSESSIVE.sub("", match.group()).strip(".'’-")
        if word[:1].isupper() and len(word) > 2 and not word.isupper():  # NOOOO, ANOTHER: shouting, not names
            words.append(word)
    return words


def _is_title_case(text: str) -> bool:
    words = [m.group() for m in NAME_TOKEN.finditer(text) if len(m.group()) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def _core_words(name: str) -> list[str]:
    """The words of an English name that carry it: not titles, not common English words."""
    words = [w for w in re.split(r"[\s-]+", name) if w and not is_title(w, "en") and not ACRONYM.match(w)
             and not any(ch.isdigit() for ch in w)]  # codes such as SS19 are no names
    core = [w for w in words if not is_common_english_word(w) and len(fold(w)) >= 2]
    return core or words


def _source_names(src_text: str, candidates: tuple[str, ...]) -> list[str]:
    """Capitalised runs of the source (not contractions), its first word when that is no common
    word, and the given candidates."""
    runs = [n.text for n in _runs(src_text)] + list(_opening_words(src_text))
    return [r for r in dict.fromkeys(runs + list(candidates)) if r and not _CONTRACTION.search(r)]


def _opening_words(src_text: str) -> tuple[str, ...]:
    """The source's words that open it or a clause when they may be names: no common word, no title."""
    return tuple(w for w in _clause_openings(src_text) if not is_common_local(w) and not is_title(w, "local"))


def _word_before(text: str, name: str) -> str:
    at = text.find(name)
    before = re.findall(r"[^\W\d_]+", text[:at]) if at > 0 else []
    return before[-1] if before else ""


def _aliased(name: str, before: str, other_keys: set[str]) -> set[str]:
    """The words of ``name`` inside a stretch of it (with the word before it) whose canonical key the
    other side has: 'United Nations' in 'United Nations Harbour Board', 'Države' after 'Sjedinjene'."""
    words = ([before] if before else []) + name.split()
    covered: set[str] = set()
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            keys = canonical_keys(" ".join(words[start:end])) & other_keys
            if end - start > 1:  # only the words the key needs: not Hammel in 'Chad Hammel'
                keys -= canonical_keys(" ".join(words[start + 1:end])) | canonical_keys(" ".join(words[start:end - 1]))
            if keys:
                covered |= set(words[start:end])
    return covered - {before}


def _words(text: str) -> list[str]:
    """The words of a text, hyphenated ones also apart (Mils-Hiks: Mils, Hiks), without possessive 's."""
    words = []
    for match in NAME_TOKEN.finditer(text):
        word = re.sub(r"['’]s$", "", match.group()).strip(".'’-")
        words += [word] + (word.split("-") if "-" in word else [])
    return [w for w in words if len(w) >= 2]


@lru_cache(maxsize=262144)
def _likeness(english: str, local: str, language: str | None) -> float:
    """0-1: how alike an English word and a source (or English) word are as written names, allowing
    the source's case endings and local spelling of English sounds (Whitbridge/Vitbridž, Henriot/Anrioa).
    Letters decide; alike consonant skeletons (Vossler/Fosler) close up to a third of the remaining gap."""
    en_forms = english_forms(english)
    local_forms = set(local_stems(local, language))
    letters = 0.0
    for a in en_forms:
        for b in local_forms:
            if a == b:
                return 1.0
            if len(a) <= 3 and b.startswith(a) and len(b) - len(a) <= 1:
                letters = max(letters, 0.9)  # short names take endings too: Un/Una, Lee/Lija (li)
            if min(len(a), len(b)) >= 3:
                letters = max(letters, Indel.normalized_similarity(a, b))
                if (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 2:
                    letters = max(letters, 0.9)
    if not (local[:1].isupper() and english[:1].isupper()):  # a common word (belgijske, korejsko; credit): by its letters only,
        same_opening = any(a[:2] == b[:2] for a in en_forms for b in local_forms)
        return letters if same_opening else min(letters, NAME_UNRELATED)  # and it opens as the name does
    if letters < NAME_LIKE and _same_onset(english, local_forms):  # two names: also as local spelling may
        letters = max([letters] + [_spelled_likeness(english, b) for b in local_forms])  # write the sounds (Iowa/Ajova)
    code_en, code = _consonants(english), 0.0
    for b in local_forms:
        other = _consonants(b)
        if len(code_en) >= 2 and len(other) >= 2:
            code = max(code, Indel.normalized_similarity(code_en, other))
            short, long_ = sorted((code_en, other), key=len)
            if long_.startswith(short) and len(long_) - len(short) <= 1:
                code = max(code, 0.9)
    return max(letters, (2 * letters + code) / 3)


@lru_cache(maxsize=65536)
def _spelling_steps(english: str) -> tuple[dict[str, tuple[tuple[int, str, float], ...]], ...]:
    """``sound_groups`` as the comparison walks them: per position, by the first local letter of a spelling,
    (end, spelling, its cost). A letter as itself or a letter group respelled is free; one letter for another
    (a/e, s/z) or left silent costs half a letter, or any two names would come out alike."""
    positions = []
    for i, groups in enumerate(sound_groups(english)):
        by_letter: dict[str, list] = {}
        for end, spellings in groups:
            for k, spelled in enumerate(spellings):
                step = SPELLING_STEP if k and end == i + 1 and len(spelled) <= 1 else 0.0
                by_letter.setdefault(spelled[:1], []).append((end, spelled, step))
        positions.append({letter: tuple(options) for letter, options in by_letter.items()})
    return tuple(positions)


def _same_onset(english: str, local_forms: set[str]) -> bool:
    """Does a local form open as the English word's first letter group may be written (Jose: h, Iowa: aj)?
    Names a source writes as they sound keep their onset; the test spares the slower comparison."""
    groups = sound_groups(english)
    openings = [spelled for _end, spellings in (groups[0] if groups else ()) for spelled in spellings if spelled]
    return any(b.startswith(o) for o in openings for b in local_forms)


@lru_cache(maxsize=262144)
def _spelled_likeness(english: str, local: str) -> float:
    """0-1: Indel likeness of an English word and a folded local word, where an English letter group and a
    local spelling of it (``english_sounds``: ow = au, j = dž, ie = i) count as equal letters: 1 - the letters
    left unmatched / all letters, the English counted as written locally (They = 'dej': 3 letters, not 4).
    Geoff/dzef -> 1.0, Browne/braun -> 0.95; They/doseba -> 0.5."""
    steps = _spelling_steps(english)
    n, m = len(steps), len(local)
    # per cell: (letters unmatched, letters of the English as written locally), fewest unmatched first
    best = [[(float(n + m), 0.0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, 0.0)
    for i in range(n + 1):
        row = best[i]
        for j in range(m + 1):
            cost, written = row[j]
            if j < m and (cost + 1, -written) < (row[j + 1][0], -row[j + 1][1]):
                row[j + 1] = (cost + 1, written)  # a local letter the English lacks
            if i == n:
                continue
            below = best[i + 1]
            if (cost + 1, -written - 1) < (below[j][0], -below[j][1]):
                below[j] = (cost + 1, written + 1)  # an English letter the local spelling leaves out
            by_letter = steps[i]
            for end, spelled, step in by_letter.get(local[j] if j < m else "", ()) + by_letter.get("", ()):
                if spelled and not local.startswith(spelled, j):
                    continue
                target, here = best[end], (cost + step, written + len(spelled) + step)
                if (here[0], -here[1]) < (target[j + len(spelled)][0], -target[j + len(spelled)][1]):
                    target[j + len(spelled)] = here
    cost, written = best[n][m]
    return 1.0 - cost / (m + written) if m + written else 0.0


@lru_cache(maxsize=262144)
def _consonants(word: str) -> str:
    """The consonant skeleton without its opening vowel or h, voiced and voiceless merged and v = f:
    Henriot/Anrioa -> 'nrt'/'nr', Vossler/Fosler -> 'vslr'."""
    code = skeleton(word)
    return re.sub(r"^[aeiouhj]", "", code).replace("f", "v")

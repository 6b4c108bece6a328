"""How the sentences of corpora/attribution-real/gold-dslcc.jsonl were chosen (reproducible; prints no text).

Scans ../shared/data/real-dev/dslcc-bcs.tsv for reporting cues with one broad regular expression (the
extractor was not run), then draws with a fixed seed: per outlet label, sentences with a cue and some
without (bs 50 + 9, hr 50 + 9, sr 94 + 17); every other sr sentence drawn is turned into Cyrillic
(transform to_cyrillic), so that no sentence appears twice. Prints line, language, has-cue.

Round 2 (``--round 2``) adds edges: every sentence not yet in the gold whose text has a relay or
receiver cue (RELAY: "prenosi", "javlja", "piše", "prema pisanju", "izjavio je za X", "u intervjuu",
...), in line order, every other sr sentence in Cyrillic; the held-out edge figure rested on ten edges.

    python scripts/select_real_attribution.py > selection.tsv
    python scripts/select_real_attribution.py --round 2 > selection-2.tsv
    python scripts/select_real_attribution.py --round 3 > selection-3.tsv

Round 3 (``--round 3``) grows the set: every sentence not in rounds 1 and 2 whose text has a reporting
cue (CUES), in line order, until a label has its quota (bs 48, hr 48, sr 96); every other sr sentence in
Cyrillic, the first in Latin.

NTREX round 3 (``--ntrex 3``, gold-ntrex.jsonl): one NTREX document serves one part only, as in NOTES-ntrex.md.
Passages: the first eight documents (file order) not used by the gold yet with at least two lines matching
NTREX_CUES in English, five consecutive lines from the first such line (the last five of the document when
fewer are left), in the languages of PASSAGE_LANGUAGES in turn. Sentences: every English line not yet in the
gold that matches NTREX_CUES, in line order, in documents used only for English sentences or not used at all
(the eight passage documents excepted), the first 56. Prints kind, language, first and last line.
"""
from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 10
QUOTA = {"bs": (50, 9), "hr": (50, 9), "sr": (94, 17)}  # (with a cue, without)
QUOTA_3 = {"bs": 48, "hr": 48, "sr": 96}
NTREX_CUES = re.compile(
    r"\b(said|says|say|told|tells|according to|reported|reports|reportedly|quoted|quoting|citing|cited|statement|"
    r"announced|claimed|claims|confirmed|added|insisted|warned|wrote|writes|sources?|expected|spokesman|"
    r"spokeswoman|interview)\b", re.I)
PASSAGE_LANGUAGES = ("en", "sr-Latn", "en", "sr-Cyrl", "en", "bs", "en", "hr")
NTREX_SENTENCES = 56
CUES = re.compile(
    r"\b(prenosi|prenose|prenijel|prenel|javlja|javljaju|javio|javila|piše|pišu|pisao|pisala|navodi|navode|"
    r"navodi se|navela|naveo|naveli|izjavio|izjavila|izjavili|izjavi|izjavu|rekao|rekla|rekli|prema|saopćio|"
    r"saopćila|saopćeno|saopćenju|saopštio|saopštila|saopšteno|saopštenju|saopćenje|saopštenje|priopćio|"
    r"priopćila|priopćeno|priopćenju|priopćenje|kako se navodi|u izjavi za|izvijestio|izvijestila|izvijestili|"
    r"izvještava|izveštava|izvestio|izvestila|objavio|objavila|objavili|objavljeno|kazao|kazala|dodao|dodala|"
    r"dodaje|ističe|istakao|istakla|tvrdi|tvrde|upozorio|upozorila|ocijenio|ocenio|kaže|kažu|najavio|najavila|"
    r"potvrdio|potvrdila|smatra|izvori|izvor|agencija|agencije|list|dnevnik|portal|televizija|Tanjug|Beta|Hina|"
    r"Fena|Srna|Reuters|AFP|AP|BBC|SETimes|Southeast European Times|N1|RTS|HRT|izjavom|rekavši|kazavši|"
    r"riječima|rečima|navodima|tvrdnjama|pisanju|citira|citirao|citirajući|pozivajući)\b", re.I)

# relays and receivers: a medium or a document passing on a statement, a speaker talking to a medium
RELAY = re.compile(
    r"\b(prenosi|prenose|prenio|prenijel\w*|prenel\w*|javlja|javljaju|javila|javio|piše|pišu|prema pisanju|"
    r"prema navodima|citira\w*|pozivajući se|(izjavi|rekao|rekla|kazao|kazala|izjavio|izjavila|izjavili|rekli|"
    r"kazali|potvrdio|potvrdila|kaže|rekavši|izjavivši)[^.,]{0,40}\bza\s+[A-ZČĆŠŽĐ\"„]|u intervjuu|"
    r"u razgovoru za|intervjuu za|izvijesti\w*|izvještava|izveštava|izvesti\w*)", re.I)


def select(path: Path) -> list[tuple[int, str, bool]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if number > 1 and line:
            label, text = line.split("\t", 1)
            rows.append((number, label, bool(CUES.search(text))))
    rng = random.Random(SEED)
    chosen = []
    for label, (with_cue, without) in QUOTA.items():
        cue = [r for r in rows if r[1] == label and r[2]]
        none = [r for r in rows if r[1] == label and not r[2]]
        rng.shuffle(cue)
        rng.shuffle(none)
        picked = cue[:with_cue] + none[:without]
        rng.shuffle(picked)
        for i, (number, _label, has_cue) in enumerate(picked):
            language = {"bs": "bs", "hr": "hr"}.get(label) or ("sr-Latn" if i % 2 == 0 else "sr-Cyrl")
            chosen.append((number, language, has_cue))
    rng.shuffle(chosen)
    return chosen


def select_relays(path: Path, taken: set[int]) -> list[tuple[int, str, bool]]:
    """Round 2: every sentence outside ``taken`` with a relay or receiver cue, in line order."""
    chosen, serbian = [], 0
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if number > 1 and line and number not in taken:
            label, text = line.split("\t", 1)
            if RELAY.search(text):
                language = {"bs": "bs", "hr": "hr"}.get(label) or ("sr-Latn" if serbian % 2 == 0 else "sr-Cyrl")
                serbian += label == "sr"
                chosen.append((number, language, True))
    return chosen


def select_round_3(path: Path, taken: set[int]) -> list[tuple[int, str, bool]]:
    """Round 3: sentences outside ``taken`` with a cue (CUES), in line order, up to QUOTA_3 per label."""
    chosen, count = [], {label: 0 for label in QUOTA_3}
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if number > 1 and line and number not in taken:
            label, text = line.split("\t", 1)
            if CUES.search(text) and count[label] < QUOTA_3[label]:
                language = {"bs": "bs", "hr": "hr"}.get(label) or ("sr-Latn" if count[label] % 2 == 0 else "sr-Cyrl")
                count[label] += 1
                chosen.append((number, language, True))
    return chosen


BEFORE_ROUND_3 = "26eb6ed"  # the commit whose gold-ntrex.jsonl holds the NTREX units chosen before round 3


def select_ntrex_round_3(ntrex: Path, gold_text: str) -> list[tuple[str, str, int, int]]:
    """NTREX round 3: (kind, language, first line, last line) of the new passages and sentences, given the
    NTREX gold as it was before the round."""
    import json

    documents = (ntrex / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    english = (ntrex / "newstest2019-src.eng.txt").read_text(encoding="utf-8").split("\n")
    parts: dict[str, set[str]] = {}
    taken = set()
    for line in gold_text.splitlines():
        unit = json.loads(line)
        part = ("passage " if unit["id"].startswith("passage:") else "sentence ") + unit["language"]
        for number in unit["lines"]:
            parts.setdefault(documents[number - 1], set()).add(part)
            taken.add(number)
    lines: dict[str, list[int]] = {}
    for number, document in enumerate(documents, 1):
        if document:
            lines.setdefault(document, []).append(number)
    chosen, passage_documents = [], set()
    for document, numbers in lines.items():
        cued = [n for n in numbers if NTREX_CUES.search(english[n - 1])]
        if document in parts or len(cued) < 2 or len(passage_documents) == len(PASSAGE_LANGUAGES):
            continue
        first = min(cued[0], numbers[-1] - 4) if len(numbers) >= 5 else numbers[0]
        chosen.append(("passage", PASSAGE_LANGUAGES[len(passage_documents)], max(first, numbers[0]),
                       min(max(first, numbers[0]) + 4, numbers[-1])))
        passage_documents.add(document)
    sentences = [n for n, document in enumerate(documents, 1)
                 if document and document not in passage_documents and parts.get(document, {"sentence en"}) == {"sentence en"}
                 and n not in taken and NTREX_CUES.search(english[n - 1])]
    chosen += [("sentence", "en", n, n) for n in sentences[:NTREX_SENTENCES]]
    return chosen


if __name__ == "__main__":
    shared = Path(os.environ.get("PROVENANCE_SHARED") or ROOT.parent / "shared")
    tsv = shared / "data" / "real-dev" / "dslcc-bcs.tsv"
    if sys.argv[1:] == ["--ntrex", "3"]:
        import subprocess

        before = subprocess.run(["git", "-C", str(ROOT), "show", f"{BEFORE_ROUND_3}:corpora/attribution-real/gold-ntrex.jsonl"],
                                capture_output=True, text=True, check=True).stdout
        for kind, language, first, last in select_ntrex_round_3(shared / "data" / "ntrex", before):
            sys.stdout.write(f"{kind}\t{language}\t{first}\t{last}\n")
        sys.exit(0)
    first = {number for number, _language, _cue in select(tsv)}
    if sys.argv[1:] == ["--round", "2"]:
        rows = select_relays(tsv, first)
    elif sys.argv[1:] == ["--round", "3"]:
        taken = first | {number for number, _language, _cue in select_relays(tsv, first)}
        rows = select_round_3(tsv, taken)
    else:
        rows = select(tsv)
    for number, language, has_cue in rows:
        sys.stdout.write(f"{number}\t{language}\t{int(has_cue)}\n")

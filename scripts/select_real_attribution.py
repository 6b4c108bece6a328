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
    python scripts/select_real_attribution.py --round 4 > selection-4.tsv   # file stem, line, language
    python scripts/select_real_attribution.py --ntrex 4 > ntrex-4.tsv

Round 3 (``--round 3``) grows the set: every sentence not in rounds 1 and 2 whose text has a reporting
cue (CUES), in line order, until a label has its quota (bs 48, hr 48, sr 96); every other sr sentence in
Cyrillic, the first in Latin.

Round 4 (``--round 4``) is chosen for edges: every sentence outside rounds 1-3 whose text has a relay or
receiver cue (RELAY_4, credit lines included), in line order, in dslcc-bcs.tsv, then in dslcc-more.tsv (dslcc4),
up to QUOTA_4 per label, sr filled up with CUES sentences; NTREX round 4 (``--ntrex 4``) likewise for NTREX.

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


def _ntrex_parts(documents: list[str], gold_text: str) -> tuple[dict[str, set[str]], set[int], dict[str, list[int]]]:
    """The parts ("sentence en", "passage hr", ...) each NTREX document serves in the gold, the lines the gold
    holds, and each document's lines."""
    import json

    parts: dict[str, set[str]] = {}
    annotated = set()
    for line in gold_text.splitlines():
        unit = json.loads(line)
        part = ("passage " if unit["id"].startswith("passage:") else "sentence ") + unit["language"]
        for number in unit["lines"]:
            parts.setdefault(documents[number - 1], set()).add(part)
            annotated.add(number)
    lines: dict[str, list[int]] = {}
    for number, document in enumerate(documents, 1):
        if document:
            lines.setdefault(document, []).append(number)
    return parts, annotated, lines


BEFORE_ROUND_3 = "26eb6ed"  # the commit whose gold-ntrex.jsonl holds the NTREX units chosen before round 3


def select_ntrex_round_3(ntrex: Path, gold_text: str) -> list[tuple[str, str, int, int]]:
    """NTREX round 3: (kind, language, first line, last line) of the new passages and sentences, given the
    NTREX gold as it was before the round."""
    documents = (ntrex / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    english = (ntrex / "newstest2019-src.eng.txt").read_text(encoding="utf-8").split("\n")
    parts, taken, lines = _ntrex_parts(documents, gold_text)
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



# round 4: cues that mark a relay or a receiver, the places where edges are (RELAY grown, credit lines added)
RELAY_4 = re.compile(
    r"\b(prenosi|prenose|prenio|prenijel\w*|prenel\w*|prenoseći|javlja|javljaju|javio|javila|javili|"
    r"(piše|pišu|pisao|pisala|pisali)\s+(\w+\s+){0,2}?(list\w*|dnevnik\w*|portal\w*|magazin\w*|agencij\w*|"
    r"tjednik\w*|nedeljnik\w*|sedmičnik\w*|u\b|na\b|[A-ZČĆŠŽĐ\"„«])|"
    r"prema pisanju|prema navodima|prema izvještaj\w*|prema izveštaj\w*|prema izvješć\w*|"
    r"kako (piše|pišu|prenosi|prenose|javlja|javljaju|navodi|navode|izvještava|izveštava|izvješćuje)|"
    r"(izjavi|izjavio|izjavila|izjavili|rekao|rekla|rekli|kazao|kazala|kazali|potvrdio|potvrdila|kaže|kažu|"
    r"rekavši|izjavivši|kazavši|govoreći|izjavu|intervju\w*)[^.]{0,40}?\bza\s+[A-ZČĆŠŽĐ\"„«]|"
    r"za (novinsk\w+ )?(agenciju|list|dnevnik|portal|televiziju|radio|tjednik|nedeljnik|magazin|TV)\b|"
    r"u izjavi za|u intervjuu|u razgovoru za|intervjuu za|citira\w*|pozivajući se|pozivaju se na|"
    r"(navodi|navode|kaže|ističe|dodaje|stoji|piše) se u|"
    r"izvijesti\w*|izvještava|izveštava|izvesti[ol]\w*|izvješćuje|izvjesti[ol]\w*|"
    r"(Tanjugu|Beti|Hini|Feni|Srni|Reutersu|AFP-u|AP-u|BBC-ju|SETimesu|RTS-u|agenciji)\b)"
    r"|\([^()]*(\d\d/\d\d/\d\d|\b(Tanjug|Beta|Hina|Fena|Srna|AFP|AP|Reuters|RTS|BBC|SETimes|Izvori)\b)[^()]*\)")
MEDIUM_EN = (r"(newspaper|paper|magazine|agency|network|station|radio|television|TV|broadcaster|website|"
             r"outlet|programme|program|show|news|daily|tabloid)")
EN_RELAY_4 = re.compile(
    r"\btold (the )?[A-Z]|\btold (the |a |an )?(\w+ ){0,2}" + MEDIUM_EN + r"\b|\breported by\b|\bquoted by\b|"
    r"\baccording to (the |a )?[A-Z]|\baccording to (the |a )?(\w+ ){0,2}" + MEDIUM_EN + r"\b|"
    r"\bin an interview (with|on)\b|\bstatement to\b|\bciting\b|\bcited by\b|\b[A-Z][\w.']*( News)? (reported|reports)\b|"
    r"\b(reported|reports|wrote|writes) (the )?[A-Z]|\bspeaking to (the )?[A-Z]|\bsaid on [A-Z]|\b(interview|spoke) with (the )?[A-Z]")
QUOTA_4 = {"bs": 40, "hr": 40, "sr": 72}  # sr: every dslcc4 sentence with a relay cue (53), then
QUOTA_4_FILL = {"sr": 72}  # sentences with any cue, so that each script has 36
MORE_COLLECTION = "dslcc4"  # dslcc2015B has its names replaced by #NE#: no medium could be named
NTREX_PASSAGES_4 = ("sr-Latn", "sr-Cyrl", "bs", "hr")
NTREX_SENTENCES_4 = {"sr-Cyrl": 10, "sr-Latn": 10, "en": 45}
NTREX_FILES = {"en": "newstest2019-src.eng.txt", "sr-Latn": "newstest2019-ref.srp-Latn.txt",
               "sr-Cyrl": "newstest2019-ref.srp-Cyrl.txt", "bs": "newstest2019-ref.bos.txt",
               "hr": "newstest2019-ref.hrv.txt"}
BEFORE_ROUND_4 = "d0dc6e3"  # the commit whose gold holds rounds 1-3


def select_round_4(bcs: Path, more: Path, taken: set[int]) -> list[tuple[str, int, str]]:
    """Round 4: (file stem, line, language) of every sentence outside ``taken`` whose text has a relay or
    receiver cue (RELAY_4), in line order, first in dslcc-bcs.tsv, then in dslcc-more.tsv (collection dslcc4),
    up to QUOTA_4 per label; then, for Serbian (two scripts to fill), dslcc4 sentences with any cue (CUES) up to
    QUOTA_4_FILL; every other sr sentence in Cyrillic, the first in Latin."""
    chosen, count = [], {label: 0 for label in QUOTA_4}
    for cue, quota, paths in ((RELAY_4, QUOTA_4, (bcs, more)), (CUES, QUOTA_4_FILL, (more,))):
        for path in paths:
            for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
                fields = line.split("\t")
                if (number == 1 or not line or (path == bcs and number in taken) or (path == more and fields[1] != MORE_COLLECTION)
                        or (path.stem, number) in {(stem, n) for stem, n, _l in chosen}):
                    continue
                label, text = fields[0], fields[-1]
                if cue.search(text) and count[label] < quota.get(label, 0):
                    language = {"bs": "bs", "hr": "hr"}.get(label) or ("sr-Latn" if count[label] % 2 == 0 else "sr-Cyrl")
                    count[label] += 1
                    chosen.append((path.stem, number, language))
    return chosen


def select_ntrex_round_4(ntrex: Path, gold_text: str) -> list[tuple[str, str, int, int]]:
    """NTREX round 4: (kind, language, first line, last line), given the NTREX gold before the round. One document
    serves one part only. Passages: for each language of NTREX_PASSAGES_4 in turn, the first unused document with
    a line whose translation has a relay cue (RELAY_4, Cyrillic read in Latin), five lines from that
    line; then sentences with a relay cue (RELAY_4, or EN_RELAY_4 for English), in line order, from documents
    unused or used only for sentences of that language, NTREX_SENTENCES_4 per language, the sr-Cyrl ones first;
    English, whose relay cues are nearly all taken, is filled up with lines matching NTREX_CUES."""
    sys.path.insert(0, str(ROOT))
    from provenance.lexicon.script import to_latin

    documents = (ntrex / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    parts, annotated, lines = _ntrex_parts(documents, gold_text)

    def cued(language: str) -> list[bool]:
        text = (ntrex / NTREX_FILES[language.replace("any ", "")]).read_text(encoding="utf-8").split("\n")
        cue = {"en": EN_RELAY_4, "any en": NTREX_CUES}.get(language, RELAY_4)
        return [bool(cue.search(to_latin(t) if language == "sr-Cyrl" else t)) for t in text]

    chosen = []
    for language in NTREX_PASSAGES_4:
        cue = cued(language)
        for document, numbers in lines.items():
            hits = [n for n in numbers if cue[n - 1]]
            if document in parts or not hits:
                continue
            first = max(min(hits[0], numbers[-1] - 4), numbers[0])
            chosen.append(("passage", language, first, min(first + 4, numbers[-1])))
            parts[document] = {"passage " + language}
            break
    for language, quota in NTREX_SENTENCES_4.items():
        picked: list[int] = []
        for cue in [cued(language)] + ([cued("any en")] if language == "en" else []):
            for number, document in enumerate(documents, 1):
                if (document and cue[number - 1] and number not in annotated | set(picked) and len(picked) < quota
                        and parts.get(document, {"sentence " + language}) == {"sentence " + language}):
                    picked.append(number)
                    parts[document] = {"sentence " + language}
        chosen += [("sentence", language, n, n) for n in picked]
    return chosen


if __name__ == "__main__":
    shared = Path(os.environ.get("PROVENANCE_SHARED") or ROOT.parent / "shared")
    tsv = shared / "data" / "real-dev" / "dslcc-bcs.tsv"
    if sys.argv[1:] in (["--ntrex", "3"], ["--ntrex", "4"]):
        import subprocess

        commit, rule = {"3": (BEFORE_ROUND_3, select_ntrex_round_3), "4": (BEFORE_ROUND_4, select_ntrex_round_4)}[sys.argv[2]]
        before = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:corpora/attribution-real/gold-ntrex.jsonl"],
                                capture_output=True, text=True, check=True).stdout
        for kind, language, first, last in rule(shared / "data" / "ntrex", before):
            sys.stdout.write(f"{kind}\t{language}\t{first}\t{last}\n")
        sys.exit(0)
    first = {number for number, _language, _cue in select(tsv)}
    if sys.argv[1:] == ["--round", "2"]:
        rows = select_relays(tsv, first)
    elif sys.argv[1:] == ["--round", "3"]:
        taken = first | {number for number, _language, _cue in select_relays(tsv, first)}
        rows = select_round_3(tsv, taken)
    elif sys.argv[1:] == ["--round", "4"]:
        taken = first | {number for number, _language, _cue in select_relays(tsv, first)}
        taken |= {number for number, _language, _cue in select_round_3(tsv, taken)}
        for stem, number, language in select_round_4(tsv, tsv.with_name("dslcc-more.tsv"), taken):
            sys.stdout.write(f"{stem}\t{number}\t{language}\n")
        sys.exit(0)
    else:
        rows = select(tsv)
    for number, language, has_cue in rows:
        sys.stdout.write(f"{number}\t{language}\t{int(has_cue)}\n")

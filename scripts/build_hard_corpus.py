"""Build corpora/hard from NTREX-128 (CC BY-SA 4.0), deterministically: the cases an editor meets.

    python scripts/build_hard_corpus.py [../shared/data/ntrex] [corpora/hard]

A distractor never shares a sentence with the article's own documents (English chrF >= 50 for a sentence of
six words or more: NTREX has a few stories told by two outlets quoting one statement), so its gold "not
derived" holds. Every case reuses NTREX sentences verbatim (one sentence per line), so the translations cached for
corpora/ntrex serve here too. Distractors are *same-topic*: the NTREX documents closest to the
case's own by TF-IDF cosine over their English words. Five kinds of source case, 64 of each, the
variants (sr-Latn, sr-Cyrl, bs, hr) in rotation:

* compiled: the English is the opening sentences of two NTREX articles A and B joined (every third
  case A's block is split around B's, as paragraphs of two); candidates: A and B whole, and two
  same-topic distractors. Gold: A and B partially derived (``sources``), the rest not, and the
  ``sentence_map``: for each English sentence, [candidate, its sentence index].
* near-miss: the true source and a copy of it whose second half is replaced by the sentences of the
  closest-topic article (which is a candidate too). Gold: the true source wholly derived, the copy
  partially, the other not.
* mixed-variants: the true source in one variant, three same-topic distractors, one in each other variant.
* none: four same-topic distractors, no source (gold: none, exit 3).
* edited: the English drops one sentence, gains one from an unrelated article, and has up to two
  numbers and two names changed where the translation has them (as corpora/ntrex's changes cases);
  candidates: the true source and two same-topic distractors. Each edited article also makes a
  ``changes`` case against its true source, with corpora/ntrex's gold format.

Every case carries its ``kind`` and a ``split``: ``heldout`` iff ``int(sha1(doc_id)[:8], 16) % 3 == 0``
for the case's own NTREX document, else ``dev`` (so one document is in one split in every kind). Rules
are tuned on dev cases only; held-out figures are read, not studied.
"""
from __future__ import annotations

import hashlib
import math
import random
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # provenance itself, when not installed
from build_ntrex_corpus import VARIANT_FILES, alter_numbers_and_names, load, write, write_corpus  # noqa: E402

SEED = 20261201
PER_KIND = 64
SHARED_CHRF = 50.0  # English sentences this close are one text, not one topic: such a document is no distractor
VARIANTS = list(VARIANT_FILES)
KINDS = ("compiled", "near-miss", "mixed-variants", "none", "edited")


# --- topics -----------------------------------------------------------------------------------------

class Topics:
    """TF-IDF (smoothed idf, sublinear tf, L2-normalised) over each document's English words; cosine nearest."""

    def __init__(self, order: list[str], docs: dict):
        counts = {d: Counter(re.findall(r"[a-z]{3,}", " ".join(docs[d]["en"]).lower())) for d in order}
        df = Counter(w for c in counts.values() for w in c)
        n = len(order)
        self.order = order
        self.docs = docs
        self._shared: dict[tuple[str, str], bool] = {}
        self.vectors = {}
        for d, c in counts.items():
            vector = {w: (1 + math.log(k)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, k in c.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            self.vectors[d] = {w: v / norm for w, v in vector.items()}

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.vectors[a], self.vectors[b]
        return sum(v * vb.get(w, 0.0) for w, v in va.items())

    def closest(self, doc_id: str, k: int, exclude: set[str], distinct_from: tuple[str, ...] = ()) -> list[str]:
        """The ``k`` nearest documents; with ``distinct_from``, only those that share no sentence with any of
        those documents (same topic, not the same text: two outlets quoting one statement)."""
        ranked = sorted((o for o in self.order if o != doc_id and o not in exclude),
                        key=lambda o: (-self.similarity(doc_id, o), o))
        chosen = []
        for o in ranked:
            if len(chosen) == k:
                break
            if not any(self.shares_text(o, d) for d in distinct_from):
                chosen.append(o)
        return chosen

    def shares_text(self, a: str, b: str) -> bool:
        """True when an English sentence of six words or more of one is (nearly) in the other: chrF >= SHARED_CHRF."""
        key = (min(a, b), max(a, b))
        if key not in self._shared:
            from provenance.compare.align import chrf_matrix  # sacrebleu's sentence chrF, computed by fastchrf

            long_a = [x for x in self.docs[a]["en"] if len(x.split()) >= 6]
            long_b = [y for y in self.docs[b]["en"] if len(y.split()) >= 6]
            self._shared[key] = bool((chrf_matrix(long_a, long_b) >= SHARED_CHRF).any()) if long_a and long_b else False
        return self._shared[key]


def split_of(doc_id: str) -> str:
    return "heldout" if int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 3 == 0 else "dev"


def _path(doc_id: str, variant: str) -> str:
    return f"texts/{doc_id}.{variant}.txt"


def _candidate(path: str, variant: str, role: str) -> dict:
    return {"path": path, "language": variant, "role": role}


def _case(kind: str, doc_id: str, article: str, candidates: list[dict], gold: dict, rng: random.Random,
          task: str = "source") -> dict:
    rng.shuffle(candidates)
    return {"id": f"{kind}/{doc_id}" if task == "source" else f"{kind}/{task}/{doc_id}", "task": task,
            "kind": kind, "split": split_of(doc_id), "article": article, "one_per_line": True,
            "candidates": candidates, "gold": gold}


def _chosen(order: list[str], docs: dict, rng: random.Random, minimum: int) -> list[str]:
    """PER_KIND documents of at least ``minimum`` sentences, in a kind-specific random order."""
    pool = [d for d in order if len(docs[d]["en"]) >= minimum]
    return rng.sample(pool, k=min(PER_KIND, len(pool)))


# --- kinds ------------------------------------------------------------------------------------------

def compiled_cases(order, docs, topics: Topics, texts: Path, rng: random.Random) -> list[dict]:
    cases = []
    for index, a in enumerate(_chosen(order, docs, rng, 6)):
        variant = VARIANTS[index % 4]
        b = topics.closest(a, 1, {d for d in order if len(docs[d]["en"]) < 6})[0]
        distractors = topics.closest(a, 1, {b}, (a, b))
        distractors += topics.closest(b, 1, {a, *distractors}, (a, b))
        take_a = min(8, max(3, (len(docs[a]["en"]) + 1) // 2))
        take_b = min(6, max(3, len(docs[b]["en"]) // 2))
        # blocks of (document, first sentence, count): A then B, or A's block split around B's
        if index % 3 == 2:
            head = max(2, take_a // 2)
            blocks = [(a, 0, head), (b, 0, take_b), (a, head, take_a - head)]
        else:
            blocks = [(a, 0, take_a), (b, 0, take_b)]
        english, sentence_map = [], []
        for doc, start, count in blocks:
            for k in range(start, start + count):
                english.append(docs[doc]["en"][k])
                sentence_map.append([_path(doc, variant), k])
        name = f"{a}+{b}"
        article = f"texts/compiled/{name}.en.txt"
        write(texts / "compiled" / f"{name}.en.txt", english)
        candidates = [_candidate(_path(a, variant), variant, "source"), _candidate(_path(b, variant), variant, "source")]
        candidates += [_candidate(_path(d, variant), variant, "distractor") for d in distractors]
        gold = {"source": _path(a, variant), "sources": [_path(a, variant), _path(b, variant)],
                "labels": {c["path"]: "partially derived" if c["role"] == "source" else "not derived" for c in candidates},
                "sentence_map": sentence_map}
        cases.append(_case("compiled", a, article, candidates, gold, rng))
    return cases


def near_miss_cases(order, docs, topics: Topics, texts: Path, rng: random.Random) -> list[dict]:
    cases = []
    for index, doc_id in enumerate(_chosen(order, docs, rng, 6)):
        variant = VARIANTS[(index + 1) % 4]
        own = docs[doc_id][variant]
        half = len(own) // 2
        other = next(o for o in topics.closest(doc_id, 20, set(), (doc_id,)) if len(docs[o][variant]) >= len(own) - half)
        copy = own[:half] + docs[other][variant][: len(own) - half]
        copy_path = f"texts/near-miss/{doc_id}.{variant}.txt"
        write(texts / "near-miss" / f"{doc_id}.{variant}.txt", copy)
        candidates = [_candidate(_path(doc_id, variant), variant, "source"),
                      _candidate(copy_path, variant, "near-copy"),
                      _candidate(_path(other, variant), variant, "distractor")]
        gold = {"source": _path(doc_id, variant),
                "labels": {_path(doc_id, variant): "wholly derived", copy_path: "partially derived",
                           _path(other, variant): "not derived"}}
        cases.append(_case("near-miss", doc_id, _path(doc_id, "en"), candidates, gold, rng))
    return cases


def mixed_variant_cases(order, docs, topics: Topics, texts: Path, rng: random.Random) -> list[dict]:
    cases = []
    for index, doc_id in enumerate(_chosen(order, docs, rng, 1)):
        variant = VARIANTS[(index + 2) % 4]
        others = [v for v in VARIANTS if v != variant]
        distractors = topics.closest(doc_id, 3, set(), (doc_id,))
        candidates = [_candidate(_path(doc_id, variant), variant, "source")]
        candidates += [_candidate(_path(d, v), v, "distractor") for d, v in zip(distractors, others)]
        gold = {"source": _path(doc_id, variant),
                "labels": {c["path"]: "wholly derived" if c["role"] == "source" else "not derived" for c in candidates}}
        cases.append(_case("mixed-variants", doc_id, _path(doc_id, "en"), candidates, gold, rng))
    return cases


def none_cases(order, docs, topics: Topics, texts: Path, rng: random.Random) -> list[dict]:
    cases = []
    for index, doc_id in enumerate(_chosen(order, docs, rng, 1)):
        distractors = topics.closest(doc_id, 4, set(), (doc_id,))
        candidates = [_candidate(_path(d, VARIANTS[(index + k) % 4]), VARIANTS[(index + k) % 4], "distractor")
                      for k, d in enumerate(distractors)]
        gold = {"source": None, "labels": {c["path"]: "not derived" for c in candidates}}
        cases.append(_case("none", doc_id, _path(doc_id, "en"), candidates, gold, rng))
    return cases


def edited_cases(order, docs, topics: Topics, texts: Path, rng: random.Random) -> list[dict]:
    """Source and changes cases of edited articles. The English line ``i`` of the document keeps the
    translation's line ``i`` until one English line is dropped and a foreign one inserted; the gold
    indices follow the edited English."""
    cases = []
    chosen = [d for d in _chosen(order, docs, rng, 8)]
    for index, doc_id in enumerate(chosen):
        variant = VARIANTS[(index + 3) % 4]
        latin = docs[doc_id]["sr-Latn"] if variant == "sr-Cyrl" else docs[doc_id][variant]
        altered, flags = alter_numbers_and_names(docs[doc_id]["en"], latin, rng)
        changed = set(flags["number_mismatch"]) | set(flags["name_mismatch"])
        nearest = topics.closest(doc_id, 2, set())
        distractors = topics.closest(doc_id, 2, set(), (doc_id,))
        far = [o for o in order if o != doc_id and o not in nearest]
        far.sort(key=lambda o: (topics.similarity(doc_id, o), o))
        donor = rng.choice(far[:40])  # an unrelated article, not a candidate
        dropped = rng.choice([i for i in range(1, len(altered)) if i not in changed])
        lines = [(i, line) for i, line in enumerate(altered) if i != dropped]
        insert_at = rng.randrange(1, len(lines) + 1)
        lines.insert(insert_at, (None, rng.choice(docs[donor]["en"])))
        position = {original: k for k, (original, _line) in enumerate(lines) if original is not None}
        article = f"texts/edited/{doc_id}.en.txt"
        write(texts / "edited" / f"{doc_id}.en.txt", [line for _i, line in lines])
        candidates = [_candidate(_path(doc_id, variant), variant, "source")]
        candidates += [_candidate(_path(d, variant), variant, "distractor") for d in distractors]
        gold = {"source": _path(doc_id, variant),
                "labels": {c["path"]: "wholly derived" if c["role"] == "source" else "not derived" for c in candidates}}
        cases.append(_case("edited", doc_id, article, candidates, gold, rng))
        changes_gold = {flag: sorted(position[i] for i in lines_) for flag, lines_ in flags.items()}
        changes_gold.update({"added": [insert_at], "omitted": [dropped]})  # informative: the source sentence index
        cases.append(_case("edited", doc_id, article, [_candidate(_path(doc_id, variant), variant, "source")],
                           changes_gold, rng, task="changes"))
    return cases


BUILDERS = {"compiled": compiled_cases, "near-miss": near_miss_cases, "mixed-variants": mixed_variant_cases,
            "none": none_cases, "edited": edited_cases}


def main(src: Path, out: Path) -> None:
    order, docs = load(src)
    if out.exists():
        shutil.rmtree(out)
    texts = out / "texts"
    topics = Topics(order, docs)
    cases = []
    for offset, kind in enumerate(KINDS):
        cases += BUILDERS[kind](order, docs, topics, texts, random.Random(SEED + offset))
    used = {c["article"] for c in cases} | {x["path"] for c in cases for x in c["candidates"]}
    for doc_id in order:
        for variant in ["en", *VARIANTS]:
            if _path(doc_id, variant) in used:
                write(texts / f"{doc_id}.{variant}.txt", docs[doc_id][variant])
    write_corpus(src, out, "hard", "Hard source-identification cases (compiled, near-miss, mixed variants, none, "
                 "edited) built from NTREX-128 by scripts/build_hard_corpus.py; split by document hash into dev and "
                 "heldout", cases,
                 "# corpora/hard\n\nHard source-identification cases built from NTREX-128 (CC BY-SA 4.0, Microsoft; LICENSE.md,\n"
                 "NTREX-README.md) by `python scripts/build_hard_corpus.py ../shared/data/ntrex corpora/hard`. Do not edit by\n"
                 "hand. The derived texts and manifest are under the same license. See the builder's docstring for the kinds,\n"
                 "../README.md for the format (`kind`, `split`, gold `sources` and `sentence_map`).\n\n"
                 "`split`: `heldout` iff `int(sha1(doc_id)[:8], 16) % 3 == 0` for the case's own document, else `dev`.\n"
                 "Tune on dev cases only; read held-out figures, do not study their cases.\n")
    counts = Counter((c["kind"], c["task"], c["split"]) for c in cases)
    print(f"{out}: {len(cases)} cases from {len(order)} documents")
    for key in sorted(counts):
        print("  " + " / ".join(key) + f": {counts[key]}")
    per_variant = Counter((c["kind"], c["gold"]["source"].rsplit(".", 2)[1]) for c in cases
                          if c["task"] == "source" and c["gold"]["source"])
    per_variant.update((c["kind"], x["language"]) for c in cases if c["kind"] == "none" for x in c["candidates"])
    print("  variants (of the true source; of the candidates for none):", dict(sorted(per_variant.items())))


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data" / "ntrex",
         Path(sys.argv[2]) if len(sys.argv) > 2 else root / "corpora" / "hard")

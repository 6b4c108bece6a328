"""Extra name-change cases from the dev NTREX documents only, to study name flags (not shipped).

    python scripts/build_name_dev_cases.py [../shared/data/ntrex] [/tmp/name-dev] [seed]

bench/name_flags.py splits the NTREX documents by ``sha1(doc_id) % 3`` (the whole hash) and
corpora/hard by its first eight hex digits; a document held out by either is left out here. Each
remaining document gives two ``changes`` cases, in the two variants its corpora/ntrex changes case
does not use, with up to two names changed and nothing else. Unlike corpora/ntrex, whose changed
names are always ones the translation kept letter for letter and whose substitutes come from a
list of ten, a name here is also one the translation respelled (Sullivan = Salivan, Заев = Zaev:
same consonant skeleton), and its substitute is a name from another dev document (Pompeo, Kushner),
so the flags are studied on the names an editor meets. Gold as corpora/ntrex's changes cases.
"""
from __future__ import annotations

import hashlib
import random
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
from build_ntrex_corpus import VARIANT_FILES, load, write, write_corpus  # noqa: E402

from provenance.lexicon.names import is_english_word  # noqa: E402
from provenance.lexicon.script import fold, skeleton  # noqa: E402

SEED = 20261202
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][a-z]{3,}\b")
_CALENDAR = set("monday tuesday wednesday thursday friday saturday sunday january february march april june july august"
                " september october november december".split())  # capitalised, but no names the flags look for


def held_out(doc_id: str) -> bool:
    digest = hashlib.sha1(doc_id.encode("utf-8")).hexdigest()
    return int(digest, 16) % 3 == 0 or int(digest[:8], 16) % 3 == 0


def _names(line: str) -> list[str]:
    return [w for w in _CAPITALISED.findall(line) if not is_english_word(w) and w.lower() not in _CALENDAR]


def _in_source(name: str, local: str) -> bool:
    """The name is in the source line as written or respelled (same consonant skeleton, any case ending)."""
    key = skeleton(name)
    return name in local or (len(key) >= 3 and any(skeleton(w).startswith(key) and len(skeleton(w)) - len(key) <= 1
                                                   for w in re.findall(r"\w+", local)))


def main(src: Path, out: Path, seed: int) -> None:
    order, docs = load(src)
    dev = [d for d in order if not held_out(d)]
    pool = {d: sorted(set(n for line in docs[d]["en"] for n in _names(line))) for d in dev}
    rng = random.Random(seed)
    variants = list(VARIANT_FILES)
    if out.exists():
        shutil.rmtree(out)
    texts, cases = out / "texts", []
    for doc_id in dev:
        index = order.index(doc_id)  # corpora/ntrex's changes case uses variants[index % 4]
        mine = {fold(w) for v in ["en", *variants] for line in docs[doc_id][v] for w in re.findall(r"\w+", line)}
        others = [n for d in dev if d != doc_id for n in pool[d] if fold(n) not in mine]
        for variant in (variants[(index + 1) % 4], variants[(index + 2) % 4]):
            english, local = list(docs[doc_id]["en"]), docs[doc_id][variant]
            lines = [i for i, line in enumerate(english) if i < len(local)
                     and any(_in_source(n, local[i]) for n in _names(line))]
            gold = []
            for i in sorted(rng.sample(lines, k=min(2, len(lines)))):
                name = rng.choice([n for n in _names(english[i]) if _in_source(n, local[i])])
                english[i] = re.sub(rf"\b{name}\b", rng.choice(others), english[i])
                gold.append(i)
            if not gold:
                continue
            write(texts / "changed" / f"{doc_id}.{variant}.en.txt", english)
            write(texts / f"{doc_id}.{variant}.txt", local)
            cases.append({"id": f"names/{variant}/{doc_id}", "task": "changes", "one_per_line": True,
                          "article": f"texts/changed/{doc_id}.{variant}.en.txt",
                          "candidates": [{"path": f"texts/{doc_id}.{variant}.txt", "language": variant}],
                          "gold": {"number_mismatch": [], "name_mismatch": gold}})
    write_corpus(src, out, "name-dev", "Extra dev name-change cases (scripts/build_name_dev_cases.py); not shipped",
                 cases, "# name-dev\n\nBuilt by `python scripts/build_name_dev_cases.py` from NTREX-128 "
                 "(CC BY-SA 4.0) dev documents. Not shipped.\n")
    print(f"{out}: {len(cases)} changes cases from {len(dev)} dev documents, "
          f"{sum(len(c['gold']['name_mismatch']) for c in cases)} names changed")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    root = Path(__file__).resolve().parents[1]
    main(Path(arguments[0]) if arguments else root.parent / "shared" / "data" / "ntrex",
         Path(arguments[1]) if len(arguments) > 1 else Path("/tmp/name-dev"),
         int(arguments[2]) if len(arguments) > 2 else SEED)

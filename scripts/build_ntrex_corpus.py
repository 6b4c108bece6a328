"""Build corpora/ntrex from NTREX-128 (CC BY-SA 4.0), deterministically.

    python scripts/build_ntrex_corpus.py [../shared/data/ntrex] [corpora/ntrex]

Writes one text per document and variant (one sentence per line, as in NTREX), the
perturbed texts of the alignment cases, and manifest.json with three kinds of case:

* source identification: each English document with its translation (variants in
  rotation), a partial copy of it, two hard distractors (same outlet or closest topic) and
  a random one, all in the same variant; every fifth case leaves the true source and its
  partial copy out (gold: none);
* alignment: English/translation pairs with sentences dropped on either side, a sentence
  from another document inserted, and adjacent sentences merged on either side (gold 1-2
  and 2-1 links);
* variant identification: every document in each of the four variants;
* changes: the English of each document with up to two numbers and two names altered where
  its translation has them (gold: the altered lines), to measure the number/name flags.
"""
from __future__ import annotations

import json
import random
import re
import shutil
import sys
from collections import Counter, OrderedDict
from pathlib import Path

VARIANT_FILES = OrderedDict(
    [("sr-Latn", "srp-Latn"), ("sr-Cyrl", "srp-Cyrl"), ("bs", "bos"), ("hr", "hrv")]
)
SEED = 20261127
NONE_EVERY = 5


def load(src: Path) -> tuple[list[str], dict[str, dict[str, list[str]]]]:
    ids = (src / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    files = {"en": "newstest2019-src.eng.txt", **{v: f"newstest2019-ref.{f}.txt" for v, f in VARIANT_FILES.items()}}
    columns = {v: (src / f).read_text(encoding="utf-8").split("\n") for v, f in files.items()}
    order: list[str] = []
    docs: dict[str, dict[str, list[str]]] = {}
    for index, doc_id in enumerate(ids):
        if not doc_id.strip():
            continue
        if doc_id not in docs:
            order.append(doc_id)
            docs[doc_id] = {v: [] for v in files}
        for variant in files:
            docs[doc_id][variant].append(columns[variant][index].strip())
    return order, docs


def words(lines: list[str]) -> Counter:
    return Counter(w for w in re.findall(r"[a-z]{4,}", " ".join(lines).lower()))


def closest_topic(doc_id: str, order: list[str], docs, exclude: set[str]) -> str:
    mine = words(docs[doc_id]["en"])

    def overlap(other: str) -> float:
        theirs = words(docs[other]["en"])
        shared = sum((mine & theirs).values())
        return shared / (sum(mine.values()) + sum(theirs.values()) or 1)

    return max((o for o in order if o not in exclude), key=lambda o: (overlap(o), o))


def same_outlet(doc_id: str, order: list[str], exclude: set[str], rng: random.Random) -> str | None:
    outlet = doc_id.rsplit(".", 1)[0]
    options = [o for o in order if o.rsplit(".", 1)[0] == outlet and o not in exclude]
    return rng.choice(options) if options else None


def write(path: Path, lines: list[str]) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.name


def partial(lines: list[str]) -> list[str]:
    """The first half (at least one line fewer than the whole): a text only partly used."""
    keep = max(1, min(len(lines) - 1, (len(lines) + 1) // 2))
    return lines[:keep]


def source_cases(order, docs, texts: Path, rng: random.Random) -> list[dict]:
    cases = []
    variants = list(VARIANT_FILES)
    for index, doc_id in enumerate(order):
        variant = variants[index % 4]
        used = {doc_id}
        hard = []
        for pick in (same_outlet(doc_id, order, used, rng), None):
            other = pick or closest_topic(doc_id, order, docs, used | set(hard))
            hard.append(other)
            used.add(other)
        randoms = rng.choice([o for o in order if o not in used])
        distractors = hard + [randoms]
        candidates = [{"path": f"texts/{d}.{variant}.txt", "language": variant, "role": "distractor"} for d in distractors]
        gold: dict = {"labels": {c["path"]: "not derived" for c in candidates}}
        if index % NONE_EVERY == NONE_EVERY - 1:
            gold["source"] = None
        else:
            true_path = f"texts/{doc_id}.{variant}.txt"
            part_path = f"texts/partial/{doc_id}.{variant}.txt"
            write(texts / "partial" / f"{doc_id}.{variant}.txt", partial(docs[doc_id][variant]))
            candidates += [{"path": true_path, "language": variant, "role": "source"},
                           {"path": part_path, "language": variant, "role": "partial"}]
            gold["source"] = true_path
            gold["labels"][true_path] = "wholly derived"
            gold["labels"][part_path] = "partially derived"
        rng.shuffle(candidates)
        cases.append({"id": f"source/{doc_id}", "task": "source", "article": f"texts/{doc_id}.en.txt",
                      "one_per_line": True, "candidates": candidates, "gold": gold})
    return cases


def alignment_cases(order, docs, texts: Path, rng: random.Random) -> list[dict]:
    cases = []
    variants = list(VARIANT_FILES)
    for index, doc_id in enumerate(order):
        variant = variants[(index + 1) % 4]
        # each side is a list of items: an original sentence index, ("other", k) for a sentence from
        # another document, or ("merged", a, b); gold links follow from the shared original sentences
        en_ids = list(range(len(docs[doc_id]["en"])))
        src_ids = list(range(len(docs[doc_id][variant])))
        n = len(en_ids)
        if n >= 4:
            ops = rng.sample(["drop_en", "drop_src", "insert_src", "insert_en", "merge_src", "merge_en"], k=3)
        else:
            ops = [rng.choice(["insert_src", "drop_src"])]
        other = rng.choice([o for o in order if o != doc_id])
        for op in ops:
            if op == "drop_en" and len(en_ids) > 2:
                en_ids.pop(rng.randrange(1, len(en_ids)))
            elif op == "drop_src" and len(src_ids) > 2:
                src_ids.pop(rng.randrange(1, len(src_ids)))
            elif op == "insert_src":
                src_ids.insert(rng.randrange(1, len(src_ids) + 1), ("other", rng.randrange(len(docs[other][variant]))))
            elif op == "insert_en":
                en_ids.insert(rng.randrange(1, len(en_ids) + 1), ("other", rng.randrange(len(docs[other]["en"]))))
            elif op == "merge_src":
                _merge_adjacent(src_ids, rng)
            elif op == "merge_en":
                _merge_adjacent(en_ids, rng)
        en_lines = [_render(item, docs[doc_id]["en"], docs[other]["en"]) for item in en_ids]
        src_lines = [_render(item, docs[doc_id][variant], docs[other][variant]) for item in src_ids]
        gold_links = _gold_links(en_ids, src_ids)
        name = f"{doc_id}.{variant}"
        write(texts / "aligned" / f"{name}.en.txt", en_lines)
        write(texts / "aligned" / f"{name}.txt", src_lines)
        cases.append({"id": f"alignment/{doc_id}", "task": "alignment", "article": f"texts/aligned/{name}.en.txt",
                      "one_per_line": True, "perturbations": ops,
                      "candidates": [{"path": f"texts/aligned/{name}.txt", "language": variant}],
                      "gold": {"alignment": {"candidate": f"texts/aligned/{name}.txt", "links": gold_links}}})
    return cases


def _merge_adjacent(ids: list, rng: random.Random) -> None:
    spots = [k for k in range(len(ids) - 1) if isinstance(ids[k], int) and isinstance(ids[k + 1], int)]
    if spots:
        k = rng.choice(spots)
        ids[k : k + 2] = [("merged", ids[k], ids[k + 1])]


def _render(item, own: list[str], other: list[str]) -> str:
    if isinstance(item, int):
        return own[item]
    if item[0] == "other":
        return other[item[1]]
    return own[item[1]] + " " + own[item[2]]


def _members(item) -> list[int]:
    if isinstance(item, int):
        return [item]
    if item[0] == "merged":
        return [item[1], item[2]]
    return []


def _gold_links(en_ids: list, src_ids: list) -> list[list[list[int]]]:
    """Links between positions: an English line and a source line are linked when they share an original sentence."""
    src_pos = {s: p for p, item in enumerate(src_ids) for s in _members(item)}
    groups: list[tuple[set[int], set[int]]] = []
    for e_pos, item in enumerate(en_ids):
        targets = {src_pos[s] for s in _members(item) if s in src_pos}
        if targets:
            for group in groups:
                if group[1] & targets:
                    group[0].add(e_pos)
                    group[1].update(targets)
                    break
            else:
                groups.append(({e_pos}, targets))
    return [[sorted(e), sorted(s)] for e, s in groups]


SUBSTITUTE_NAMES = ["Lindqvist", "Okonkwo", "Haraldsen", "Abernathy", "Kowalczyk", "Delacroix", "Fitzgerald",
                    "Nakamura", "Villanueva", "Oyelaran"]
_INTEGER = re.compile(r"(?<![\d.,])\d{1,4}(?![\d.,]\d)")
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][a-z]{3,}\b")


def changes_cases(order, docs, texts: Path, rng: random.Random) -> list[dict]:
    """The English of each document with up to two numbers and two names changed, against the
    translation used in its source case (translated there already). A number or name counts only
    where the translation's line has it too, so the gold mismatch is unambiguous."""
    cases = []
    variants = list(VARIANT_FILES)
    for index, doc_id in enumerate(order):
        variant = variants[index % 4]
        latin = docs[doc_id]["sr-Latn"] if variant == "sr-Cyrl" else docs[doc_id][variant]
        english, gold = alter_numbers_and_names(docs[doc_id]["en"], latin, rng)
        if not gold["number_mismatch"] and not gold["name_mismatch"]:
            continue
        path = f"texts/changed/{doc_id}.en.txt"
        write(texts / "changed" / f"{doc_id}.en.txt", english)
        cases.append({"id": f"changes/{doc_id}", "task": "changes", "article": path, "one_per_line": True,
                      "candidates": [{"path": f"texts/{doc_id}.{variant}.txt", "language": variant}], "gold": gold})
    return cases


def alter_numbers_and_names(english: list[str], latin: list[str], rng: random.Random) -> tuple[list[str], dict]:
    """A copy of ``english`` with up to two numbers and two names changed in lines whose translation
    (``latin``, line by line, in Latin script) has them too, and the gold: the changed line indices."""
    english = list(english)
    number_lines = [i for i, line in enumerate(english)
                    if i < len(latin) and any(n in re.findall(r"\d+", latin[i]) for n in _INTEGER.findall(line))]
    name_lines = [i for i, line in enumerate(english)
                  if i < len(latin) and any(w in latin[i] for w in _CAPITALISED.findall(line))]
    gold = {"number_mismatch": [], "name_mismatch": []}
    for i in rng.sample(number_lines, k=min(2, len(number_lines))):
        number = next(n for n in _INTEGER.findall(english[i]) if n in re.findall(r"\d+", latin[i]))
        english[i] = re.sub(rf"(?<![\d.,]){number}(?![\d.,]\d)", _changed_number(int(number)), english[i], count=1)
        gold["number_mismatch"].append(i)
    name_lines = [i for i in name_lines if i not in gold["number_mismatch"]]
    for i in rng.sample(name_lines, k=min(2, len(name_lines))):
        name = next(w for w in _CAPITALISED.findall(english[i]) if w in latin[i])
        substitute = rng.choice([s for s in SUBSTITUTE_NAMES if s[0] != name[0]])
        english[i] = re.sub(rf"\b{name}\b", substitute, english[i])
        gold["name_mismatch"].append(i)
    return english, {k: sorted(v) for k, v in gold.items()}


def _changed_number(value: int) -> str:
    if 1900 <= value <= 2100:
        return str(value - 2)  # another year
    return str(value + max(2, round(value * 0.3)))


def variant_cases(order) -> list[dict]:
    return [{"id": f"variant/{doc_id}.{variant}", "task": "variant", "texts": [f"texts/{doc_id}.{variant}.txt"],
             "gold": {"language": variant}} for doc_id in order for variant in VARIANT_FILES]


def write_corpus(src: Path, out: Path, name: str, description: str, cases: list[dict], readme: str) -> None:
    """The manifest, NTREX's licence and README beside it, and the corpus README."""
    manifest = {"name": name, "format": 1, "description": description,
                "license": "CC BY-SA 4.0 (derived from NTREX-128, Microsoft; see LICENSE.md and NTREX-README.md)",
                "cases": cases}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for file_name in ("LICENSE.md", "NTREX-README.md"):
        shutil.copy(src / file_name, out / file_name)
    (out / "README.md").write_text(readme, encoding="utf-8")


def main(src: Path, out: Path) -> None:
    order, docs = load(src)
    if out.exists():
        shutil.rmtree(out)
    texts = out / "texts"
    for doc_id in order:
        for variant in ["en", *VARIANT_FILES]:
            write(texts / f"{doc_id}.{variant}.txt", docs[doc_id][variant])
    rng = random.Random(SEED)
    cases = source_cases(order, docs, texts, rng) + alignment_cases(order, docs, texts, rng) + variant_cases(order)
    cases += changes_cases(order, docs, texts, random.Random(SEED + 1))
    write_corpus(src, out, "ntrex", "Source identification, alignment, variant identification and changes cases "
                 "built from NTREX-128 by scripts/build_ntrex_corpus.py", cases,
                 "# corpora/ntrex\n\nBuilt from NTREX-128 (CC BY-SA 4.0, Microsoft; LICENSE.md, NTREX-README.md) by\n"
                 "`python scripts/build_ntrex_corpus.py ../shared/data/ntrex corpora/ntrex`. Do not edit by hand.\n"
                 "The derived texts and manifest are under the same license. See ../README.md for the format.\n")
    counts = Counter(c["task"] for c in cases)
    print(f"{out}: {len(cases)} cases ({dict(counts)}) from {len(order)} documents")


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data" / "ntrex",
         Path(sys.argv[2]) if len(sys.argv) > 2 else root / "corpora" / "ntrex")

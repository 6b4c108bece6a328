"""Build provenance/lexicon/data/english_words.txt: English words that news copy writes in lower case.

    python scripts/build_english_lexicon.py ../shared/data/news-pairs

A capitalised word inside an English sentence is usually a name, but institutions and titles
capitalise common words too ("the Navy", "Treasury", "Game of Thrones"), and translation turns those
into common nouns. The name-mismatch check skips an English name made only of words that the
project's English news sentences (CC BY-SA 4.0; this list is a derived work under the same license)
write in lower case.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "provenance" / "lexicon" / "data" / "english_words.txt"
_WORD = re.compile(r"[A-Za-z]+")
MIN_LOWER = 1  # seen in lower case: a common word, whatever institutions capitalise


def main(folder: str) -> None:
    lower = Counter()
    for path in sorted(Path(folder).glob("*.tsv")):
        if path.name.startswith("heldout"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            english = line.split("\t")[2]
            for word in _WORD.findall(english):
                if word.islower():
                    lower[word] += 1
    words = sorted(w for w, n in lower.items() if len(w) > 1 and n >= MIN_LOWER)
    header = ("# English words written in lower case in the news-pairs sentences (CC BY-SA 4.0);\n"
              "# built by scripts/build_english_lexicon.py\n")
    OUTPUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(words)} words")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news-pairs")

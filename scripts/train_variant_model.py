"""Build provenance/lexicon/data/variant_model.json from the labelled news sentences.

    python scripts/train_variant_model.py ../shared/data/news-pairs   (with provenance installed: pip install -e .)

Counts word and ekavian/ijekavian features per variant (sr, bs, hr) over the labelled
sentences (CC BY-SA 4.0; the counts are a derived work under the same license). Names
(capitalised words) are left out so the model learns the language, not the news topics.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from provenance.text.language import VARIANT_CLASSES, features  # the installed package (pip install -e .)

MIN_COUNT = 3


def main(folder: str) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    sentences = Counter()
    for path in sorted(Path(folder).glob("*.tsv")):
        if path.name.startswith("heldout"):
            continue  # unlabelled
        for line in path.read_text(encoding="utf-8").splitlines():
            variant, source, _english = line.split("\t")
            cls = "sr" if variant.startswith("sr") else variant
            counts[cls].update(features(source))
            sentences[cls] += 1
    vocab = sorted({f for c in counts.values() for f in c if sum(cc[f] for cc in counts.values()) >= MIN_COUNT})
    model = {
        "license": "CC BY-SA 4.0 (derived from the news-pairs sentences written for provenance)",
        "classes": list(VARIANT_CLASSES),
        "sentences": {c: sentences[c] for c in VARIANT_CLASSES},
        "totals": {c: sum(counts[c][f] for f in vocab) for c in VARIANT_CLASSES},
        "features": {f: [counts[c][f] for c in VARIANT_CLASSES] for f in vocab},
    }
    out = Path(__file__).resolve().parents[1] / "provenance" / "lexicon" / "data" / "variant_model.json"
    out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"{out}: {len(vocab)} features from {sum(sentences.values())} sentences")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news-pairs")

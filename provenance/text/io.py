"""Reading articles: files or stdin, any common encoding, plain text, Markdown or HTML.

Everything that reaches the rest of the pipeline is NFC-normalised Unicode text with
``\\n`` line breaks; everything that cannot become such text raises ``InputError``.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import sys
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, InputWarning
from ..lexicon.script import repair_homoglyphs

MAX_BYTES = 5 * 1024 * 1024  # news articles are kilobytes; megabytes mean a wrong file

# Encodings that Serbian, Bosnian, Croatian and English news actually arrive in.
CANDIDATE_ENCODINGS = ["cp1250", "cp1251", "iso8859_2", "iso8859_5", "koi8_r", "cp1252"]

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (DOCX/ODT?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x7fELF": "an executable",
}
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(r"</?(p|div|span|br|a|article|h[1-6]|section|table)\b[^>]*>", re.I)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")


@dataclass(frozen=True)
class Document:
    """An input text after decoding, extraction and normalisation."""

    text: str
    name: str  # the path as given, or "<stdin>" / "<text>"
    encoding: str  # encoding detected or given; "str" for text passed in memory
    format: str  # "text", "markdown" or "html"


def read_document(path: str | Path, encoding: str | None = None) -> Document:
    """Read a file (or ``-`` for stdin) and return its normalised text."""
    name = str(path)
    data = _read_bytes(name)
    return document_from_bytes(data, name, encoding=encoding)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file (or ``-``, stdin), refused as ``read_document`` refuses it (too big, a
    directory, a pipe); ``document_from_bytes`` makes the document, possibly in another process."""
    return _read_bytes(str(path))


def document_from_text(text: str, name: str = "<text>") -> Document:
    """Wrap text already in memory, normalised like a file."""
    fmt = "html" if _looks_like_html(text.encode("utf-8", "replace")[:4096], text) else "text"
    if fmt == "html":
        text = _html_to_text(text, name)
    return Document(_finish(text, name), name, "str", fmt)


def document_from_bytes(data: bytes, name: str, encoding: str | None = None) -> Document:
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    _reject_binary(data, name)
    text, used = _decode(data, name, encoding)
    fmt = _detect_format(name, data, text)
    if fmt == "html":
        text = _html_to_text(text, name)
    elif fmt == "markdown":
        text = _markdown_to_text(text)
    return Document(_finish(text, name), name, used, fmt)


def _read_bytes(name: str) -> bytes:
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"<stdin>: more than {MAX_BYTES // 2**20} MB; this is not a news article")
        return data
    try:
        st = os.stat(name)  # follows links; a loop is ELOOP, reported below
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{name}: is a directory, not a text file")
        if not stat.S_ISREG(st.st_mode):
            # A FIFO or device would block or never end: only stdin ('-') may be a stream.
            raise InputError(f"{name}: not a regular file (a pipe or device); save it to a file or pass it as '-' on stdin")
        if st.st_size > MAX_BYTES:
            raise InputError(
                f"{name}: {st.st_size / 2**20:.1f} MB is more than the {MAX_BYTES // 2**20} MB limit; this is not a news article"
            )
        # st_size can lie (/proc, a file still growing): never read more than the limit allows.
        with open(name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(f"{name}: symbolic link loop; point it at a real file") from None
        raise InputError(f"{name}: cannot read ({err.strerror or err})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: more than the {MAX_BYTES // 2**20} MB limit; this is not a news article")
    return data


def _reject_binary(data: bytes, name: str) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not text; save the article as text or HTML first")
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _bomless_utf16(data):
        return  # UTF-16 has NUL bytes but is text
    if b"\x00" in head:
        raise InputError(f"{name}: this is a binary file, not text")


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: not valid {encoding} (byte {err.start})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    utf16 = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as err:  # cut off mid-character, or a lone surrogate
            raise InputError(f"{name}: not valid UTF-16 (byte {err.start}: {err.reason}); the file is cut off or "
                             f"damaged: save it again, as UTF-8") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data, name)
    if mixed:
        return mixed
    return _decode_legacy(data, name)


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 without a byte order mark: its NUL bytes (the high
    byte of every ASCII letter, space and digit) all fall on one side of the byte pairs."""
    head = data[:8192]
    head = head[: len(head) // 2 * 2]
    nul_even, nul_odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    if pairs < 2 or max(nul_even, nul_odd) < 0.1 * pairs or min(nul_even, nul_odd) > 0.01 * pairs:
        return None
    codec = "utf-16-le" if nul_odd > nul_even else "utf-16-be"
    text = data[: len(data) // 2 * 2].decode(codec, errors="replace")
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text[:4096])
    return codec if printable >= 0.95 * len(text[:4096]) else None


def _decode_mixed(data: bytes, name: str) -> tuple[str, str] | None:
    """A file pasted together from UTF-8 and a legacy encoding: decode each line in its own and
    warn, rather than read the UTF-8 lines as mojibake."""
    lines = data.split(b"\n")
    utf8 = [i for i, line in enumerate(lines) if not line.isascii() and _is_utf8(line)]
    legacy = [i for i, line in enumerate(lines) if not _is_utf8(line)]
    if not utf8 or not legacy:
        return None
    _, encoding = _decode_legacy(b"\n".join(lines[i] for i in legacy), name)
    legacy_lines = set(legacy)
    text = "\n".join(line.decode(encoding if i in legacy_lines else "utf-8", errors="replace")
                     for i, line in enumerate(lines))
    warnings.warn(InputWarning(f"{name}: mixed encodings: {len(utf8)} UTF-8 and {len(legacy)} {encoding} lines, each "
                               f"decoded in its own; check the text, or pass --encoding"))
    return text, f"utf-8+{encoding}"


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    """Pick among the legacy 8-bit encodings with charset-normalizer."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding; pass --encoding (e.g. cp1250 or cp1251)")
    encoding = best.encoding
    # The Latin-2 encodings differ exactly on š, ž, Š, Ž (and cp1252 lacks č, ć, đ), where a
    # detector trained on other languages guesses poorly: pick the one that yields our letters.
    if encoding in {"cp1250", "iso8859_2", "cp1252"}:
        return _best_latin2(data, encoding)
    return str(best), encoding


_OUR_LETTERS = re.compile("[čćđšžČĆĐŠŽ]")
_UNLIKELY = re.compile("[ľąĽĄ©®¦»«¬ŕĺťźŤŹèð°]")


def _best_latin2(data: bytes, detected: str) -> tuple[str, str]:
    options = []
    for encoding in dict.fromkeys([detected, "cp1250", "iso8859_2"]):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = len(_OUR_LETTERS.findall(text)) - 3 * len(_UNLIKELY.findall(text))
        options.append((score, encoding == detected, text, encoding))
    score, _, text, encoding = max(options)
    return text, encoding


def _detect_format(name: str, data: bytes, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"} or _looks_like_html(data[:4096], text):
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return "text"


def _looks_like_html(head: bytes, text: str) -> bool:
    if _HTML_START.match(head):
        return True
    tags = len(_HTML_TAGS.findall(text[:20000]))
    return tags >= 5 and tags * 40 > len(text[:20000]) / 10


def _html_to_text(html: str, name: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise InputError(f"{name}: HTML page with no article text that could be extracted")
    return text


def _markdown_to_text(text: str) -> str:
    """Keep the prose of a Markdown file: headings, paragraphs and list items, one per line."""
    from markdown_it import MarkdownIt

    lines: list[str] = []
    for token in MarkdownIt().parse(text):
        if token.type == "inline":
            parts = []
            for child in token.children or []:
                if child.type in {"text", "code_inline"}:
                    parts.append(child.content)
                elif child.type in {"softbreak", "hardbreak"}:
                    parts.append(" ")
            lines.append("".join(parts))
    return "\n".join(lines)


def _finish(text: str, name: str) -> str:
    text = repair_homoglyphs(unicodedata.normalize("NFC", text).translate(_INVISIBLE))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        raise InputError(f"{name}: no text in the file")
    if sum(ch.isalpha() for ch in text) < 0.3 * len(text):
        raise InputError(f"{name}: this does not look like prose (too few letters)")
    return text

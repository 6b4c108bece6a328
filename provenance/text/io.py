"""Reading articles: files or stdin, any common encoding, plain text, Markdown or HTML.

Everything that reaches the rest of the pipeline is NFC-normalised Unicode text with
``\\n`` line breaks; everything that cannot become such text raises ``InputError``.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
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
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not a text file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{name}: {size / 2**20:.1f} MB is more than the {MAX_BYTES // 2**20} MB limit; this is not a news article"
            )
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror or err})") from None


def _reject_binary(data: bytes, name: str) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not text; save the article as text or HTML first")
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with BOM has NUL bytes but is text
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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, name)


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

import pytest

from provenance.errors import InputError
from provenance.text.io import MAX_BYTES, document_from_text, read_document

SERBIAN = "Predsednik je rekao da će Vlada usvojiti budžet. Šef diplomatije Đurić čeka odgovor.\n"
CYRILLIC = "Председник је рекао да ће Влада усвојити буџет. Шеф дипломатије Ђурић чека одговор.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250", "iso8859_2", "utf-16"])
def test_latin_serbian_in_common_encodings(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(SERBIAN.encode(encoding))
    doc = read_document(path)
    assert doc.text == SERBIAN.strip()


@pytest.mark.parametrize("encoding", ["cp1251", "iso8859_5", "koi8_r"][:1])
def test_cyrillic_serbian_in_windows_1251(tmp_path, encoding):
    path = tmp_path / "c.txt"
    path.write_bytes(CYRILLIC.encode(encoding))
    doc = read_document(path)
    assert doc.text == CYRILLIC.strip()
    assert doc.encoding == "cp1251"


def test_forced_encoding_and_wrong_forced_encoding(tmp_path):
    path = tmp_path / "c.txt"
    path.write_bytes(CYRILLIC.encode("cp1251"))
    assert read_document(path, encoding="cp1251").text == CYRILLIC.strip()
    with pytest.raises(InputError, match="not valid utf-8"):
        read_document(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        read_document(path, encoding="klingon")


def test_html_goes_through_main_text_extraction(tmp_path):
    body = "".join(f"<p>{s} Ovo je rečenica broj {i} u članku o budžetu Srbije.</p>" for i, s in enumerate(["Prva.", "Druga."] * 4))
    html = f"<!DOCTYPE html><html><head><title>x</title><script>var a=1;</script></head><body><nav>Meni Početna Kontakt</nav><article>{body}</article><footer>© 2025 Portal</footer></body></html>"
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html"
    assert "rečenica broj 3" in doc.text
    assert "var a" not in doc.text and "<p>" not in doc.text


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><div></div></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_document(path)


def test_markdown_markup_is_removed(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Naslov\n\nPrema pisanju **Bloomberga**, kako prenosi [nova.rs](https://nova.rs), vlada...\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.text.splitlines() == ["Naslov", "Prema pisanju Bloomberga, kako prenosi nova.rs, vlada..."]


@pytest.mark.parametrize("content,message", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"%PDF-1.7 binary", "PDF"), (b"PK\x03\x04rest", "ZIP"),
    (b"\x00\x01\x02\x03text", "binary"), (b"12345 67890 ---- 1111", "prose"),
])
def test_bad_files_are_rejected_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_document(path)


def test_missing_directory_and_oversized(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(InputError, match="limit"):
        read_document(big)


def test_normalisation_nfc_spaces_and_homoglyphs():
    decomposed = "Vuc\u030cic\u0301\u00a0je\u200b rekao."  # NFD letters, NBSP, zero-width space
    assert document_from_text(decomposed).text == "Vučić je rekao."
    mixed = "Лajнбeкeр je oпeрисaн."  # Latin a, e, j, o inside Cyrillic words (as in NTREX)
    assert document_from_text(mixed).text == "Лајнбекер је оперисан."

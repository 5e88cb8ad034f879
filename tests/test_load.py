import codecs

import pytest

from pipeline.errors import InputError, UnsupportedFormatError
from pipeline.load import load


def test_plain_utf8() -> None:
    loaded = load("Title\n\nBody text.\n".encode(), "a.txt")
    assert loaded.text == "Title\n\nBody text.\n"
    src = loaded.source
    assert (src.media_type, src.encoding, src.bom, src.newline, src.size_bytes) == ("text/plain", "utf-8", False, "LF", 18)


def test_sha256_is_of_the_raw_bytes() -> None:
    import hashlib
    data = codecs.BOM_UTF8 + "Text".encode()
    assert load(data, "a.txt").source.sha256 == hashlib.sha256(data).hexdigest()


def test_utf8_bom_is_reported_and_not_in_text() -> None:
    loaded = load(codecs.BOM_UTF8 + "Title\r\nText\r\n".encode(), "a.txt")
    assert loaded.text == "Title\r\nText\r\n"
    assert (loaded.source.encoding, loaded.source.bom, loaded.source.newline) == ("utf-8-sig", True, "CRLF")


def test_utf16_with_bom() -> None:
    loaded = load("Title\nText\n".encode("utf-16"), "a.txt")
    assert loaded.text == "Title\nText\n"
    assert loaded.source.encoding == "utf-16" and loaded.source.bom


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", "\u00a0\n".encode()])
def test_empty_or_blank_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^x\.txt: the file is empty"):
        load(data, "x.txt")


@pytest.mark.parametrize("text, codec", [
    ("Решение Генеральной Ассамблеи о праве на воду и санитарию", "cp1251"),
    ("Решение Генеральной Ассамблеи о праве на воду и санитарию", "koi8-r"),
    ("Résolution sur le droit à l’eau, adoptée à Genève le 3 mars", "cp1252"),
    ("Resolution on the human right to water and sanitation", "utf-16-le"),
])
def test_other_encodings_are_detected_and_reported(text: str, codec: str) -> None:
    loaded = load(text.encode(codec), "a.txt")
    assert loaded.text == text
    assert loaded.source.encoding != "utf-8" and not loaded.source.bom
    assert 0.0 <= loaded.source.encoding_confidence <= 1.0


def test_valid_utf8_is_certain() -> None:
    assert load("Résolution".encode(), "a.txt").source.encoding_confidence == 1.0


def test_bytes_no_encoding_reads_are_an_error_naming_file_and_position() -> None:
    with pytest.raises(InputError) as info:
        load(bytes(range(128, 256)) * 4, "noise.txt")
    assert info.value.position == 0
    assert str(info.value).startswith("noise.txt:@0: bytes 0-1 are not valid UTF-8")
    assert "no other encoding reads the file" in str(info.value)


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n...", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n....", "a PNG image"),
    (b"PK\x03\x04....", "a ZIP archive"),
])
def test_binary_files_are_refused_with_their_type(data: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=kind):
        load(data, "given.txt")


def test_html_is_sniffed_and_rendered_whatever_the_suffix() -> None:
    loaded = load(b"<!DOCTYPE html><html><body><p>Hi <b>there</b></p><p>Next</p></body></html>", "page.txt")
    assert loaded.source.media_type == "text/html" and loaded.source.text_form == "rendered-html"
    assert loaded.text == "Hi there\n\nNext"
    assert loaded.page is not None and [ln.path for ln in loaded.page.lines] == ["/html/body/p[1]", "/html/body/p[2]"]


def test_binary_files_raise_the_unsupported_format_error() -> None:
    with pytest.raises(UnsupportedFormatError):
        load(b"%PDF-1.7\n", "a.pdf.txt")


def test_markdown_by_front_matter_and_by_suffix() -> None:
    assert load(b"---\ntitle: x\n---\nText\n", "a.txt").source.media_type == "text/markdown"
    assert load(b"# Title\n\nText\n", "a.md").source.media_type == "text/markdown"
    assert load(b"Text\n", "a.txt").source.media_type == "text/plain"


@pytest.mark.parametrize("text, style", [("a\nb", "LF"), ("a\r\nb", "CRLF"), ("a\rb", "CR"), ("a\nb\r\nc", "mixed"), ("a", "none")])
def test_newline_style(text: str, style: str) -> None:
    assert load(text.encode(), "a.txt").source.newline == style


@pytest.mark.parametrize("original", [
    "Résolution adoptée à Genève — l’eau pour tous",
    "Решение Генеральной Ассамблеи",
])
def test_mojibake_is_repaired_when_certain(original: str) -> None:
    garbled = original.encode("utf-8").decode("cp1252", errors="strict") if original[0] == "R" and "é" in original \
        else original.encode("utf-8").decode("latin-1")
    loaded = load(garbled.encode("utf-8"), "m.txt")
    assert loaded.text == original
    assert loaded.source.mojibake_repaired_from in ("cp1252", "latin-1")


def test_text_that_only_looks_like_mojibake_is_left_alone() -> None:
    # Real words with a capital A-tilde before a symbol, mixed with text cp1252 cannot hold.
    text = "PRÃ–TOTYPE 'Ã©' explained in Русский text"
    loaded = load(text.encode("utf-8"), "m.txt")
    assert loaded.text == text and loaded.source.mojibake_repaired_from is None

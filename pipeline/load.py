"""Stage 1, load: bytes in, decoded text and the facts about the source out.

Postconditions:
- `Loaded.text` is the decoded input without its byte-order mark; every span in the
  output is an offset into this string.
- The media type is sniffed from the content first, the suffix second.
- Anything that is not a readable text document raises `InputError` naming the file.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from typing import Literal

from .errors import InputError, UnsupportedFormatError
from .model import Source

MediaType = Literal["text/plain", "text/markdown", "text/html"]

# Magic numbers of files people give by mistake; checked before any decoding.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/ODT)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_HTML_OPENINGS = ("<!doctype html", "<html", "<?xml", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<!--")


@dataclass(frozen=True)
class Loaded:
    """The decoded document and its source facts."""

    text: str
    source: Source


def load(data: bytes, path: str) -> Loaded:
    """Decode `data` (the bytes of the file at relative `path`) and describe its source."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(path, f"this is {kind}, not a text document; give the text or HTML of the page")
    encoding, bom = _sniff_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"bytes {exc.start}-{exc.end} are not valid {exc.encoding}"
            f" ({data[exc.start:exc.end + 3]!r}); save the file as UTF-8",
            position=exc.start,
        ) from None
    if text.startswith("\ufeff"):  # utf-16/utf-32 codecs keep no BOM, but be sure
        text = text[1:]
    if "\x00" in text:
        raise InputError(path, "the text contains NUL characters; this looks like a binary file",
                         position=text.index("\x00"))
    if not text.strip():
        raise InputError(path, "the file is empty or holds only whitespace; nothing to extract")
    media_type = _sniff_media_type(text, path)
    if media_type == "text/html":
        raise UnsupportedFormatError(path, "HTML input is recognised but not supported yet; "
                                           "give a text dump of the page instead")
    source = Source(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        media_type=media_type,
        encoding=encoding,
        bom=bom,
        newline=_newline_style(text),
    )
    return Loaded(text=text, source=source)


def _sniff_encoding(data: bytes) -> tuple[str, bool]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, True
    return "utf-8", False


def _sniff_media_type(text: str, path: str) -> MediaType:
    head = text.lstrip()[:512].lower()
    if head.startswith(_HTML_OPENINGS) and ("<html" in head or "<body" in head or "<!doctype html" in head
                                            or "<p" in head or "<div" in head):
        return "text/html"
    lowered = path.lower()
    if lowered.endswith(_HTML_SUFFIXES) and "<" in head:
        return "text/html"
    if text.startswith("---") and text.split("\n", 1)[0].rstrip() == "---":
        return "text/markdown"
    if lowered.endswith(_MARKDOWN_SUFFIXES):
        return "text/markdown"
    return "text/plain"


def _newline_style(text: str) -> Literal["LF", "CRLF", "CR", "mixed", "none"]:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, count in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if count]
    if not kinds:
        return "none"
    if len(kinds) > 1:
        return "mixed"
    return kinds[0]  # type: ignore[return-value]

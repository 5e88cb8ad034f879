"""Stage 1, load: bytes in, decoded text and the facts about the source out.

Postconditions:
- `Loaded.text` is the decoded input without its byte-order mark; every span in the
  output is an offset into this string.
- The media type is sniffed from the content first, the suffix second; an HTML page is
  rendered to its visible text (html.py) and that text is what spans point into.
- Anything that is not a readable text document raises `InputError` naming the file.
- Mojibake (UTF-8 once read as cp1252 and saved again: 'Ã©') is repaired only when the
  whole text turns back into valid UTF-8; `source.mojibake_repaired_from` says so, and the
  repaired text is what spans point into.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from typing import Literal

from .errors import InputError, UnsupportedFormatError
from .html import Rendered, decode_html, render
from .model import Source

MediaType = Literal["text/plain", "text/markdown"]

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
    """The decoded document (for HTML: the page's rendered visible text) and its source facts."""

    text: str
    source: Source
    page: Rendered | None = None


def load(data: bytes, path: str) -> Loaded:
    """Decode `data` (the bytes of the file at relative `path`) and describe its source."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnsupportedFormatError(path, f"this is {kind}, not a text document; give the text or HTML of the page")
    if _looks_like_html(data, path):
        return _load_html(data, path)
    text, encoding, bom, confidence = _decode_text(data, path)
    if text.startswith("\ufeff"):  # utf-16/utf-32 codecs keep no BOM, but be sure
        text = text[1:]
    text, mojibake = repair_mojibake(text)
    if "\x00" in text:
        raise InputError(path, "the text contains NUL characters; this looks like a binary file",
                         position=text.index("\x00"))
    if not text.strip():
        raise InputError(path, "the file is empty or holds only whitespace; nothing to extract")
    media_type = _sniff_media_type(text, path)
    source = Source(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        media_type=media_type,
        encoding=encoding,
        encoding_confidence=confidence,
        bom=bom,
        newline=_newline_style(text),
        mojibake_repaired_from=mojibake,
    )
    return Loaded(text=text, source=source)


_UTF16_SAMPLE = 4096
_UTF16_ZERO_SHARE = 0.4


# 'Ã©', 'Ã¨', 'â€™', 'Ð°', 'Ñ\x81': UTF-8 bytes read as cp1252 or Latin-1, two or three
# characters standing for one.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                       "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Text whose UTF-8 was once read as cp1252 (or Latin-1) and saved again: repaired only
    when certain, that is when the whole text turns back into valid UTF-8 and no mojibake is
    left. Returns the text and the codec it was repaired from (None when left as it was)."""
    if _MOJIBAKE.search(text) is None:
        return text, None
    for codec in ("cp1252", "latin-1"):
        try:
            repaired = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _MOJIBAKE.search(repaired) is None and len(repaired) < len(text):
            return repaired, codec
    return text, None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when every other byte of the sample is zero on one side."""
    sample = data[:_UTF16_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    pairs = len(sample) // 2
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    if odd_zeros >= _UTF16_ZERO_SHARE * pairs and even_zeros == 0:
        return "utf-16-le"
    if even_zeros >= _UTF16_ZERO_SHARE * pairs and odd_zeros == 0:
        return "utf-16-be"
    return None


def _decode_text(data: bytes, path: str) -> tuple[str, str, bool, float]:
    """Text, codec, BOM flag and confidence: a byte-order mark decides; then UTF-16 without a
    BOM (every other byte zero); then valid UTF-8; then charset-normalizer's best reading
    (cp1251, koi8-r, cp1252 ...), its confidence reported."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, True, 1.0
            except UnicodeDecodeError as exc:
                raise InputError(path, f"bytes {exc.start}-{exc.end} are not valid {codec} although the file "
                                       f"starts with its byte-order mark", position=exc.start) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16, False, 1.0
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", False, 1.0
    except UnicodeDecodeError as exc:
        utf8_error = exc
    import charset_normalizer  # imported only for the files that need it

    results = list(charset_normalizer.from_bytes(data))
    best = results[0] if results else None
    if best is not None:
        # Single-byte codecs that read the text equally cleanly and whose language evidence is
        # about as weak: the most widespread one (cp1252) wins.
        for match in results:
            if match.encoding == "cp1252" and match.chaos <= best.chaos and best.coherence - match.coherence < 0.1:
                best = match
                break
    if best is None:
        raise InputError(
            path,
            f"bytes {utf8_error.start}-{utf8_error.end} are not valid UTF-8 "
            f"({data[utf8_error.start:utf8_error.end + 3]!r}) and no other encoding reads the file; "
            "save it as UTF-8",
            position=utf8_error.start,
        )
    return str(best), best.encoding, False, round(max(0.0, 1.0 - best.chaos), 3)


def _looks_like_html(data: bytes, path: str) -> bool:
    """Sniffed from the first bytes (any of the usual openings), or an HTML suffix with markup."""
    head = data[:1024]
    for bom in (codecs.BOM_UTF8,):
        head = head.removeprefix(bom)
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        head = head.decode("utf-16", "ignore").encode("utf-8", "ignore")
    lowered = head.lstrip().lower()
    opening = lowered.startswith(tuple(o.encode() for o in _HTML_OPENINGS))
    markup = any(tag in lowered for tag in (b"<html", b"<body", b"<!doctype html", b"<p", b"<div", b"<head"))
    return (opening and markup) or (path.lower().endswith(_HTML_SUFFIXES) and b"<" in lowered)


def _load_html(data: bytes, path: str) -> Loaded:
    markup, encoding, bom = decode_html(data, path)
    page = render(markup, path)
    if not page.text.strip():
        raise InputError(path, "the HTML page has no visible text; nothing to extract")
    source = Source(
        path=path, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data), media_type="text/html",
        encoding=encoding, bom=bom, newline=_newline_style(page.text), text_form="rendered-html",
    )
    return Loaded(text=page.text, source=source, page=page)


def _sniff_media_type(text: str, path: str) -> MediaType:
    lowered = path.lower()
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

"""Stage 3, normalize: the cleaning applied to every `text` field, never to the source.

`normalize_pieces` turns source pieces (spans) into one clean string: zero-width
characters dropped, look-alike letters of another script hidden in a Latin word repaired
(each repair a warning with its source span), Unicode NFC, whitespace runs (NBSP included)
collapsed to one space, ends trimmed. Postcondition: `normalize(normalize(x)) == normalize(x)`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .model import ParseWarning
from .patterns import WHITESPACE_RUN

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Cyrillic and Greek letters that are drawn exactly like a Latin letter.
_LOOKALIKES: dict[str, str] = {
    # Cyrillic lower / upper case
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o",
}
# A word, zero-width characters inside it included ('A\u200bс' is one word once they go).
_WORD = re.compile("[^\\W\\d_](?:[^\\W\\d_]|[\u200b\u200c\u200d\u2060\ufeff\u00ad])*")


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha() or ("LATIN" in unicodedata.name(ch, ""))


def normalize(text: str) -> str:
    """Normalize a string that has no source position (e.g. an expected text)."""
    cleaned, _ = _repair(text, None)
    return _collapse(cleaned)


def normalize_pieces(source: str, pieces: Iterable[tuple[int, int]]) -> tuple[str, list[ParseWarning]]:
    """Normalize the source pieces joined by spaces; repairs are reported with source spans."""
    parts: list[str] = []
    warnings: list[ParseWarning] = []
    for start, end in pieces:
        repaired, found = _repair(source[start:end], start)
        parts.append(repaired)
        warnings.extend(found)
    return _collapse(" ".join(parts)), warnings


def _collapse(text: str) -> str:
    text = unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", text))
    return WHITESPACE_RUN.sub(" ", text).strip()


def _repair(text: str, offset: int | None) -> tuple[str, list[ParseWarning]]:
    if text.isascii():
        return text, []
    warnings: list[ParseWarning] = []
    chars = list(text)
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        letters = [i for i, ch in enumerate(word) if ch.isalpha()]
        foreign = [i for i in letters if not _is_latin(word[i])]
        if len(foreign) == len(letters) or not all(word[i] in _LOOKALIKES for i in foreign):
            continue  # a word of another script, or a letter with no Latin twin: leave it
        for i in foreign:
            pos = match.start() + i
            chars[pos] = _LOOKALIKES[word[i]]
            if offset is not None:
                warnings.append(ParseWarning(
                    code="homoglyph-repaired",
                    message=(f"{unicodedata.name(word[i], hex(ord(word[i])))} in the Latin word "
                             f"{word!r} read as {_LOOKALIKES[word[i]]!r}"),
                    span=(offset + pos, offset + pos + 1),
                ))
    return "".join(chars), warnings

"""Kept lines -> blocks: paragraphs and labelled items, with their printed labels.

A block is a run of kept lines that reads as one unit. A new block starts
- after an empty or whitespace-only line, or a separator rule;
- at a line that opens with a clause label ("1)", "(a)", "iv.") or a bullet ("-", "•");
- at and after a markdown heading line ("# Title"), which is a block of its own;
- after a line that ends with a colon (a list introduction);
- after a line that was ended on purpose: the first word of the next line would have fitted
  on it within the document's wrap width (the usual test for hard-wrapped text; in a
  one-paragraph-per-line dump every line passes it, so every line is a block), unless the
  line has no closing punctuation and the next one goes on in lower case (a sentence
  that runs on over the line end).
Other chrome lines (running headers, credits) inside a paragraph do not split it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .chrome import ChromeResult
from .lines import Line
from .patterns import ATX_HEADING, BULLET, LABEL, LINE_END_PUNCTUATION, ROMAN

_BREAKING_CHROME = frozenset({"whitespace-only", "separator-rule", "front-matter"})
_WRAP_PERCENTILE = 0.9
_WRAP_SLACK = 0.85  # a line this full (of the wrap width) or fuller was wrapped, not ended
_MAX_WRAP_WIDTH = 160  # wider "wrapping" is one paragraph per line
_MIN_FULL_SHARE = 0.4  # share of lines near the width that marks a hard-wrapped document


@dataclass(frozen=True, slots=True)
class Label:
    """A printed clause label: `printed` as on the page, `value` without punctuation."""

    printed: str
    value: str | None
    kind: str  # "number" | "letter" | "LETTER" | "roman" | "bullet"
    form: str  # punctuation form: "1)", "1.", "(1)", "-" ... used to tell list levels apart
    span: tuple[int, int]


@dataclass(frozen=True)
class Block:
    """A unit of kept text: its source pieces (label excluded) and its printed label."""

    pieces: tuple[tuple[int, int], ...]
    """Source spans of the text, one per line (label excluded); never empty."""
    label: Label | None
    gap_before: bool
    """True when an empty line, a blank line or a rule separates it from the previous block."""
    line_count: int
    marked_heading: bool = False
    """The block is a markdown heading line ('# Title'); its text starts after the hashes."""

    @property
    def text_start(self) -> int:
        return self.pieces[0][0]

    @property
    def start(self) -> int:
        return self.label.span[0] if self.label else self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def raw_text(self, source: str) -> str:
        return " ".join(source[s:e] for s, e in self.pieces)

    def split(self, source: str, at: int) -> tuple[Block | None, Block | None]:
        """The parts before and after offset `at` (whitespace at the cut trimmed); the label
        stays with the first part, the second part starts without a gap."""
        before = _trim([(s, min(e, at)) for s, e in self.pieces if s < at], source)
        after = _trim([(max(s, at), e) for s, e in self.pieces if e > at], source)
        first = Block(tuple(before), self.label, self.gap_before, len(before), self.marked_heading) if before else None
        second = Block(tuple(after), None, first is None and self.gap_before, len(after)) if after else None
        if first is None and second is not None and self.label is not None:
            second = Block(second.pieces, self.label, self.gap_before, second.line_count)
        return first, second


_SPACE = " \t\u00a0\u2007\u202f\u3000\u200b\u200c\u200d\u2060\ufeff\f\v"


def _trim(pieces: list[tuple[int, int]], source: str) -> list[tuple[int, int]]:
    out = []
    for s, e in pieces:
        while s < e and source[s] in _SPACE:
            s += 1
        while e > s and source[e - 1] in _SPACE:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def read_label(line: Line) -> Label | None:
    """The clause label or bullet that opens `line`, if any."""
    match = LABEL.match(line.raw)
    if match:
        group = match.group("label")
        lead = match.start("label")
        span = (line.start + lead, line.start + lead + len(group))
        if match.group("pnum") or match.group("num"):
            value = match.group("pnum") or match.group("num")
            form = "(1)" if match.group("pnum") else "1" + match.group("numpunct")[-1]
            return Label(group, value, "number", form, span)
        letters = match.group("plet") or match.group("let")
        form_punct = "()" if match.group("plet") else match.group("letpunct")
        if len(letters) > 1 and not ROMAN.match(letters):
            return None  # "ab)" or "etc." are words, not labels
        if letters.isupper():
            kind = "LETTER"
        elif len(letters) > 1:
            kind = "roman"
        else:
            kind = "letter"  # "i", "v", "x" are resolved against their siblings later
        return Label(group, letters, kind, f"{kind}{form_punct}", span)
    match = BULLET.match(line.raw)
    if match:
        lead = match.start("label")
        return Label(match.group("label"), None, "bullet", "bullet" + match.group("label"),
                     (line.start + lead, line.start + lead + 1))
    return None


def segment(text: str, chrome: ChromeResult) -> list[Block]:
    """Group the kept lines of `text` into blocks (see module docstring)."""
    width = _wrap_width(chrome.kept)
    blocks: list[Block] = []
    current: list[Line] = []
    label: Label | None = None
    gap = True

    def flush() -> None:
        nonlocal current, label, gap
        if current:
            first = current[0]
            marker = ATX_HEADING.match(first.raw) if label is None else None
            cut = label.span[1] if label is not None else (first.start + marker.end() if marker else first.start)
            spans = [line.content_span() for line in current]
            spans[0] = (max(spans[0][0], cut), spans[0][1])
            pieces = _trim(spans, text)
            if pieces:
                blocks.append(Block(tuple(pieces), label, gap, len(current), marker is not None))
            elif label is not None:  # a label alone: keep it, with an empty text at its end
                blocks.append(Block(((label.span[1], label.span[1]),), label, gap, len(current)))
            gap = False
        current, label = [], None

    for line in chrome.lines:
        reason = chrome.reasons.get(line.index)
        if line.is_empty or reason in _BREAKING_CHROME:
            flush()
            gap = True
            continue
        if reason is not None:
            continue
        line_label = read_label(line)
        heading = ATX_HEADING.match(line.raw) is not None
        if current and (line_label is not None or heading or _ended_on_purpose(current[-1], line, width)):
            flush()
        if not current:
            label = line_label
        current.append(line)
        if heading:
            flush()
    flush()
    return blocks


def _wrap_width(kept: tuple[Line, ...]) -> int:
    """The width the text was hard-wrapped at, or 0 when it is one paragraph per line."""
    lengths = sorted(len(line.stripped) for line in kept if " " in line.stripped)
    if not lengths:
        return 0
    width = lengths[min(len(lengths) - 1, int(len(lengths) * _WRAP_PERCENTILE))]
    full = sum(1 for n in lengths if n >= width * 0.75)
    if width > _MAX_WRAP_WIDTH or full < _MIN_FULL_SHARE * len(lengths):
        return 0
    return width


def _ended_on_purpose(prev: Line, line: Line, width: int) -> bool:
    prev_text = prev.stripped
    if prev_text.endswith(":"):
        return True
    if prev_text.endswith("-") and not prev_text.endswith(" -"):
        return False  # a hyphenated word goes on
    following = line.stripped
    if not LINE_END_PUNCTUATION.search(prev_text) and following[:1].islower():
        return False  # the sentence runs on over the line end
    if width == 0:
        return True
    first_word = line.stripped.split(" ", 1)[0]
    return len(prev_text) + 1 + len(first_word) < width * _WRAP_SLACK

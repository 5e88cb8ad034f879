"""Source lines with exact offsets: the coordinate system every later stage works in."""

from __future__ import annotations

from dataclasses import dataclass

from .patterns import HSPACE_CHARACTERS, LINE_BREAK

_STRIPPED = HSPACE_CHARACTERS + "\f\v"  # what a line's content is stripped of


@dataclass(frozen=True, slots=True)
class Line:
    """One source line. `start`/`end` delimit its content (terminator excluded)."""

    index: int
    start: int
    end: int
    raw: str

    @property
    def stripped(self) -> str:
        return self.raw.strip(_STRIPPED)

    @property
    def is_empty(self) -> bool:
        return self.raw == ""

    @property
    def is_blank(self) -> bool:
        """Nothing but horizontal whitespace (patterns.BLANK_LINE), told without the engine."""
        return not self.raw.strip(HSPACE_CHARACTERS)

    def content_span(self) -> tuple[int, int]:
        """The span of the line without leading and trailing whitespace."""
        lead = len(self.raw) - len(self.raw.lstrip(_STRIPPED))
        return self.start + lead, self.start + lead + len(self.stripped)


def split_lines(text: str) -> tuple[Line, ...]:
    """Split on CRLF, CR or LF, keeping exact offsets. A final terminator adds no empty line."""
    out: list[Line] = []
    pos = 0
    for match in LINE_BREAK.finditer(text):
        out.append(Line(len(out), pos, match.start(), text[pos:match.start()]))
        pos = match.end()
    if pos < len(text):
        out.append(Line(len(out), pos, len(text), text[pos:]))
    return tuple(out)

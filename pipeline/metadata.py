"""Stage 4, metadata: title, publisher, dateline place and date, attribution, date lines.

Works on blocks and chrome decisions only. Postconditions:
- a fact the document does not give is None, never guessed;
- every block used for metadata is reported in `Found.used`, so that the structure stage
  does not also list it as narrative (each source line ends up in exactly one place).

Rules:
- title: the first heading-like block (see shapes.py) before the body, with the heading-like
  lines printed right under it (a wrapped title); lines that are never titles (adoption
  lines, bracketed notes, dated headers, handling markings, number lines, by-lines) and
  short other lines above it are passed over; the body begins at a labelled item, a
  formula, a clause or a paragraph of more than twelve words; a dateline is never the title;
- publisher: the first line removed as the site name (masthead or copyright repetition);
- dateline: a one-line block 'Place, <date>' before the first labelled item;
- date lines: a one-line block that is only a date ('August 2018'), anywhere;
- attribution: after the last labelled item, a short one-line block without final
  punctuation that is followed by nothing but date lines (a signature or source line).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .blocks import Block, text_of_group
from .chrome import ChromeResult
from .model import DateValue, Metadata, TextSpan
from .normalize import normalize
from .patterns import CLAUSE_END, DATE_DMY, DATE_ISO, DATE_MDY, DATE_MY, DATE_NUMERIC, DATELINE, HEADING_LEAD_IN
from .shapes import is_formula, is_heading_like, is_never_title

_MONTHS = {
    name: i + 1
    for i, names in enumerate([
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ])
    for name in names
}
_MAX_PRELUDE_WORDS = 12  # a short non-title line above the title does not end the search
_MAX_TITLE_PART_LINES = 3
_MAX_ATTRIBUTION_CHARS = 100
_MAX_ATTRIBUTION_WORDS = 12


@dataclass(frozen=True)
class Found:
    title: TextSpan | None
    metadata: Metadata
    used: frozenset[int]
    """Indices (into the block list) of blocks consumed as metadata or title."""


def parse_date(text: str) -> str | None:
    """ISO 8601 for '8 December 2017', 'December 8, 2017', 'August 2018', '2017-12-08', '29.1.2025'."""
    text = text.strip().rstrip(".")
    for pattern in (DATE_DMY, DATE_MDY, DATE_ISO, DATE_NUMERIC, DATE_MY):
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        month = parts["m"]
        month_no = int(month) if month.isdigit() else _MONTHS.get(month.lower())
        if month_no is None:
            return None
        year = int(parts["y"])
        if "d" not in parts:
            return f"{year:04d}-{month_no:02d}" if 1 <= month_no <= 12 else None
        try:
            return dt.date(year, month_no, int(parts["d"])).isoformat()
        except ValueError:
            return None
    return None


def find_metadata(source: str, blocks: list[Block], texts: list[str], chrome: ChromeResult) -> Found:
    """Find the metadata facts (see module docstring); `texts` are the blocks' normalized texts."""
    used: set[int] = set()
    labelled = [i for i, b in enumerate(blocks) if b.label is not None]
    first_item = labelled[0] if labelled else len(blocks)
    last_item = labelled[-1] if labelled else -1

    def span_of(i: int) -> tuple[int, int]:
        return (blocks[i].text_start, blocks[i].end)

    place: TextSpan | None = None
    date: DateValue | None = None
    dates: list[DateValue] = []
    for i, block in enumerate(blocks):
        if block.line_count != 1:
            continue
        iso = parse_date(texts[i])
        if iso:
            dates.append(DateValue(text=texts[i], span=span_of(i), iso=iso, role="issue"))
            used.add(i)
            continue
        if i < first_item and date is None:
            # Matched on the printed line, so that the spans are the printed ones whatever
            # spaces it uses; the texts are normalized.
            line_start = blocks[i].text_start
            match = DATELINE.match(source[line_start:blocks[i].end])
            iso = parse_date(normalize(match.group("date"))) if match else None
            if match and iso:
                place_span = (line_start + match.start("place"), line_start + match.end("place"))
                date_span = (line_start + match.start("date"), line_start + match.end("date"))
                place = TextSpan(text=normalize(match.group("place")), span=place_span)
                date = DateValue(text=normalize(match.group("date")), span=date_span, iso=iso, role="dateline")
                dates.append(date)
                used.add(i)

    title_blocks: list[int] = []
    for i in range(min(first_item, len(blocks))):
        block, text = blocks[i], texts[i]
        if i in used or is_never_title(text):
            if title_blocks:
                break
            continue
        heading = is_heading_like(block, text) and not is_formula(block, text)
        if title_blocks:
            dangling = HEADING_LEAD_IN.search(texts[title_blocks[-1]]) is not None
            runs_on = dangling or text[:1].islower()
            if (heading or runs_on) and (not block.gap_before or runs_on) and not block.marked_heading \
                    and not blocks[title_blocks[-1]].marked_heading \
                    and block.label is None and block.line_count <= _MAX_TITLE_PART_LINES and not is_formula(block, text):
                # a title wrapped or set over several lines ('Proposal for a'); a markdown
                # heading is complete in itself
                title_blocks.append(i)
                continue
            break
        if heading and i + 1 < len(blocks) and blocks[i + 1].label is not None and not blocks[i + 1].gap_before:
            break  # a heading printed on the line of the first item heads that list
        if heading:
            title_blocks.append(i)
        elif block.label is not None or is_formula(block, text) or len(text.split()) > _MAX_PRELUDE_WORDS \
                or CLAUSE_END.search(text) and text.endswith((",", ";")):
            break  # the body has begun: no title
    title = None
    if title_blocks:
        title = TextSpan(text=text_of_group(source, [blocks[i] for i in title_blocks])[0],
                         span=(blocks[title_blocks[0]].text_start, blocks[title_blocks[-1]].end))
        used.update(title_blocks)

    attribution: TextSpan | None = None
    trailing = [i for i in range(last_item + 1, len(blocks)) if i not in used]
    if last_item >= 0 and len(trailing) == 1:
        i = trailing[0]
        text = texts[i]
        if (blocks[i].line_count == 1 and blocks[i].gap_before and len(text) <= _MAX_ATTRIBUTION_CHARS
                and len(text.split()) <= _MAX_ATTRIBUTION_WORDS and not CLAUSE_END.search(text)
                and not any(ch.isdigit() for ch in text)
                and blocks[i].label is None):
            attribution = TextSpan(text=text, span=span_of(i))
            used.add(i)

    publisher = next(
        (TextSpan(text=c.text, span=c.span) for c in chrome.removed if c.reason == "site-name"), None
    )
    metadata = Metadata(publisher=publisher, place=place, date=date, attribution=attribution,
                        dates=sorted(dates, key=lambda d: d.span))
    return Found(title=title, metadata=metadata, used=frozenset(used))

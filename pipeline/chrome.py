"""Stage 2, strip page chrome: decide for every source line whether it is page furniture.

Postconditions:
- every non-empty source line is either kept (`ChromeResult.kept`) or listed in
  `ChromeResult.removed` with its span and a reason code; empty lines carry no text and
  are only separators;
- decisions use general signals: position (masthead above the first body text, footer
  after the last), shape (rules, lone punctuation, one stray word), widget vocabulary,
  credit/copyright markers and repetition (a top line repeated in the copyright line is
  the site name; a line by a page number that repeats a line printed elsewhere is a running
  header). No rule names a particular site or document.
- page furniture of PDF text: footnotes under an underscore rule (and markdown footnote
  definitions), page numbers with the running header/footer lines around them, and a
  masthead of short lines on top that carries a distribution line or document identifiers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .config import active
from .lines import Line
from .model import ChromeLine
from .normalize import normalize
from .patterns import (
    found,
    BRACKETED_REFERENCE,
    COPYRIGHT,
    COPYRIGHT_FIELD_SEPARATOR,
    COPYRIGHT_NOISE,
    DATE_DMY,
    DISTRIBUTION,
    DOCUMENT_IDENTIFIER,
    CARD_EVIDENCE,
    FIELD_LINE,
    FOOTNOTE_LINE,
    FOOTNOTE_REFERENCE,
    FOOTNOTE_RULE,
    INDENTED_NOTE,
    DATELINE,
    MARKDOWN_FOOTNOTE,
    MASTHEAD_END,
    PAGE_NUMBER,
    FRONT_MATTER_FENCE,
    PHOTO_CREDIT,
    SEPARATOR_RULE,
    ATX_HEADING,
    BULLET,
    IMAGE_PLACEHOLDER,
    LABEL,
    LABEL_ALONE,
    LINK_ITEM,
    SECTION_OF_LINKS,
    PROMO,
    CAPTION_CREDIT,
    DATED_HEADER,
    WIDE_CHARACTER,
    WIDE_SENTENCE_END,
    COMMENT_HEADER,
    STRAY_NUMBER,
    TEASER,
    TIMESTAMP,
    TRAILING_CREDIT,
    BYLINE,
    COOKIE_NOTICE,
    STRAY_PUNCTUATION,
    WIDGET,
)

# Lines longer than these are prose, whatever words they contain.
_MAX_CREDIT_LEN = 120
_MAX_COOKIE_NOTICE = 300
_MAX_COPYRIGHT_LEN = 200
_MAX_MASTHEAD_LEN = 60
_MAX_MASTHEAD_WORDS = 6
_MIN_MENU_RUN = 3
_MAX_HEADER_LEN = 90
_MAX_HEADER_LINES = 5
_MIN_REPEAT_LEN = 8
_MIN_COVER = 0.6  # a line printed elsewhere must make up this much of a running-header line
_MAX_MASTHEAD_LINE = 100
_MAX_MASTHEAD_WORDS_PER_LINE = 12
_MAX_WRAPPER_LINES = 12
_MIN_LOOSE_FOOTNOTES = 2
_MAX_INSTITUTION_LINES = 2
_PAGE_SIGNALS = frozenset({"widget", "menu", "copyright", "site-name", "photo-credit"})
_MIN_PROSE = 80  # a paragraph this long that reads as sentences is article text
_SHORT_PENALTY = 25
_EXTEND_BLOCKS = 3
_WALL = 600.0
_STREAK_STEP = 1.0
_LONE_WEIGHT = 0.25
_STRONG_SHARE = 0.5
_HEADLINE_WINDOW = 8
_MIN_HEADLINE_WORDS = 4
_MAX_HEADLINE_WORDS = 25
_BRIDGE_BLOCKS = 40
_STREAK_WALL = 6
_MIN_REPEAT_PREFIX = 30
_MAX_WRAPPER_LINE = 160
_SENTENCE_ENDS = (".", ";", ":", ",", "\u201d", "\"")


@dataclass(frozen=True)
class ChromeResult:
    lines: tuple[Line, ...]
    kept: tuple[Line, ...]
    removed: tuple[ChromeLine, ...]
    reasons: dict[int, str]
    """Line index -> reason, for every removed line."""


def strip_chrome(text: str, lines: tuple[Line, ...], media_type: str,
                 page_roles: dict[int, str] | None = None) -> ChromeResult:
    """Classify every line of `text` as kept or chrome (see module postconditions).
    `page_roles` gives, for a rendered HTML page, the role of the lines that lie outside its
    main content (line index -> 'navigation', 'page-footer', ...); those lines are chrome."""
    reasons: dict[int, str] = dict(page_roles or {})
    start = 0
    if media_type == "text/markdown" or (lines and FRONT_MATTER_FENCE.match(lines[0].raw)):
        start = _mark_front_matter(lines, reasons)
    configured = active().chrome
    for line in lines[start:]:
        if line.index in reasons:
            continue
        if configured and not line.is_empty and any(p.search(line.stripped) for p in configured):
            reasons[line.index] = "configured"
            continue
        reason = _line_reason(line)
        if reason:
            reasons[line.index] = reason
    _mark_wrapper(lines, reasons, start)
    _mark_footnotes(lines, reasons)
    _mark_page_furniture(lines, reasons)
    _mark_document_masthead(lines, reasons, start)
    _mark_loose_footnotes(text, lines, reasons, lines[start].start if start < len(lines) else len(text))
    _mark_trailing_notes(lines, reasons)
    _mark_identifiers(lines, reasons)
    _mark_institution(lines, reasons, start)
    _mark_trailing_references(lines, reasons)
    _mark_masthead(lines, reasons)
    _mark_copyright_names(lines, reasons)
    if media_type == "text/plain" and not page_roles and _looks_like_page_dump(lines, reasons):
        _mark_outside_main_text(lines, reasons)
    _mark_stray_words(lines, reasons)

    removed = tuple(
        ChromeLine(text=normalize(line.raw), span=line.content_span() if not line.is_blank
                   else (line.start, line.end), reason=reasons[line.index])  # type: ignore[arg-type]
        for line in lines if line.index in reasons
    )
    kept = tuple(line for line in lines if line.index not in reasons and not line.is_empty)
    return ChromeResult(lines=lines, kept=kept, removed=removed, reasons=reasons)


def _mark_front_matter(lines: tuple[Line, ...], reasons: dict[int, str]) -> int:
    if not lines or not FRONT_MATTER_FENCE.match(lines[0].raw):
        return 0
    for line in lines[1:]:
        if FRONT_MATTER_FENCE.match(line.raw) or line.raw.rstrip() == "...":
            for inner in lines[: line.index + 1]:
                if not inner.is_empty:
                    reasons[inner.index] = "front-matter"
            return line.index + 1
    return 0  # an unclosed fence is not front matter


def _line_reason(line: Line) -> str | None:
    if line.is_empty:
        return None
    if line.is_blank:
        return "whitespace-only"
    text = line.stripped
    for reason, longest, test in _LINE_RULES:
        if len(text) <= longest and test(text):
            return reason
    return None


def _match(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.match(text) is not None


def _search(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: found(pattern, text)


def _looks_like_footer(text: str) -> bool:
    # "Recognizing the role of copyright, ..." is a clause; a footer has © / a year / no clause ending.
    return "©" in text or any(ch.isdigit() for ch in text) or "reserved" in text.lower()


# The line rules in the order they are tried: (reason, longest line it applies to, test).
_LINE_RULES: tuple[tuple[str, float, Callable[[str], bool]], ...] = (
    ("separator-rule", float("inf"), _match(SEPARATOR_RULE)),
    ("stray-punctuation", float("inf"), _match(STRAY_PUNCTUATION)),
    ("stray-number", float("inf"), _match(STRAY_NUMBER)),
    ("timestamp", _MAX_CREDIT_LEN, _match(TIMESTAMP)),
    ("widget", _MAX_MASTHEAD_LEN, _match(WIDGET)),
    ("photo-credit", _MAX_CREDIT_LEN, _match(PHOTO_CREDIT)),
    ("photo-credit", _MAX_COPYRIGHT_LEN, _search(TRAILING_CREDIT)),  # a caption closing with its credit
    ("byline", _MAX_CREDIT_LEN, _match(BYLINE)),
    ("cookie-notice", _MAX_COOKIE_NOTICE, _search(COOKIE_NOTICE)),
    ("teaser", _MAX_CREDIT_LEN, _match(TEASER)),
    ("promo", _MAX_COOKIE_NOTICE, _search(PROMO)),
    ("copyright", _MAX_COPYRIGHT_LEN, lambda text: found(COPYRIGHT, text) and _looks_like_footer(text)),
)


def _is_short_name(text: str) -> bool:
    return (len(text) <= _MAX_MASTHEAD_LEN and len(text.split()) <= _MAX_MASTHEAD_WORDS
            and not text.endswith((".", ",", ";", ":")) and any(ch.isalpha() for ch in text))


def _mark_masthead(lines: tuple[Line, ...], reasons: dict[int, str]) -> None:
    """Short lines above a widget bar at the top of the page are the site name and menu."""
    first_widget = next((ln.index for ln in lines if reasons.get(ln.index) == "widget"), None)
    if first_widget is None:
        return
    above = [ln for ln in lines[:first_widget] if not ln.is_empty and ln.index not in reasons]
    # The widget bar counts as masthead only when nothing but short lines stands above it.
    if not above or not all(_is_short_name(ln.stripped) for ln in above):
        return
    label = "menu" if len(above) >= _MIN_MENU_RUN else "site-name"
    for ln in above:
        reasons[ln.index] = label


def _mark_copyright_names(lines: tuple[Line, ...], reasons: dict[int, str]) -> None:
    """A short line that reappears as a field of a copyright line is the site name."""
    names: set[str] = set()
    for ln in lines:
        if reasons.get(ln.index) == "copyright":
            for field in COPYRIGHT_FIELD_SEPARATOR.split(ln.stripped):
                name = normalize(COPYRIGHT_NOISE.sub(" ", field)).strip(" ,;:-").casefold()
                if name:
                    names.add(name)
    if not names:
        return
    for ln in lines:
        if (reasons.get(ln.index, "menu") == "menu" and not ln.is_empty and _is_short_name(ln.stripped)
                and normalize(ln.stripped).casefold() in names):
            reasons[ln.index] = "site-name"


def _mark_stray_words(lines: tuple[Line, ...], reasons: dict[int, str]) -> None:
    """A lone word (not an upper-case heading, not a number) boxed in by chrome on both sides."""
    content = [ln for ln in lines if not ln.is_empty]
    for pos, ln in enumerate(content):
        if ln.index in reasons:
            continue
        word = ln.stripped
        if " " in word or not word.isalpha() or word.isupper():
            continue
        before = content[pos - 1].index in reasons if pos > 0 else True
        after = content[pos + 1].index in reasons if pos + 1 < len(content) else True
        if before and after:
            reasons[ln.index] = "stray-word"


def _mark_footnotes(lines: tuple[Line, ...], reasons: dict[int, str]) -> None:
    """Footnotes: the numbered lines under an underscore rule (with their continuation lines,
    up to the next empty line), and markdown definitions '[^1]: ...' with indented lines."""
    in_zone = False
    in_definition = False
    seen_note = False
    for line in lines:
        if in_definition:
            if line.raw[:1] in (" ", "\t") and not line.is_blank:
                reasons[line.index] = "footnote"
                continue
            in_definition = False
        if MARKDOWN_FOOTNOTE.match(line.raw):
            reasons[line.index] = "footnote"
            in_definition = True
            continue
        if FOOTNOTE_RULE.match(line.raw):
            in_zone, seen_note = True, False
            continue
        if not in_zone or line.is_blank and not line.is_empty:
            continue
        if line.is_empty:
            in_zone = not seen_note
            continue
        if FOOTNOTE_LINE.match(line.raw) or seen_note:
            reasons[line.index] = "footnote"
            seen_note = True
        else:
            in_zone = False


def _norm(text: str) -> str:
    return normalize(text).casefold()


def _mark_page_furniture(lines: tuple[Line, ...], reasons: dict[int, str]) -> None:
    """Page numbers, and the header/footer lines printed around them: identifiers, or short
    lines that repeat text printed elsewhere in the document (a running title)."""
    numbers = [ln.index for ln in lines if PAGE_NUMBER.match(ln.raw)]
    if not numbers:
        return
    texts = [_norm(ln.raw) for ln in lines]
    for index in numbers:
        reasons[index] = "page-number"
    for index in numbers:
        for step in (-1, 1):
            found = 0
            pos = index + step
            while 0 <= pos < len(lines) and found < _MAX_HEADER_LINES:
                line = lines[pos]
                if line.is_empty or line.is_blank or reasons.get(pos) in ("page-number", "footnote", "separator-rule"):
                    pos += step
                    continue
                if not _is_running_header(pos, lines, texts):
                    break
                reasons[pos] = "running-header"
                found += 1
                pos += step


def _is_running_header(pos: int, lines: tuple[Line, ...], texts: list[str]) -> bool:
    text = lines[pos].stripped
    if len(text) > _MAX_HEADER_LEN or text.endswith((",", ";", ":", ".")):
        return False
    if DOCUMENT_IDENTIFIER.match(text):
        return True
    mine = texts[pos]
    if len(mine) < _MIN_REPEAT_LEN:
        return False
    return any(
        i != pos and abs(i - pos) > _MAX_HEADER_LINES
        and (mine in other or (len(other) >= _MIN_COVER * len(mine) and other in mine))
        for i, other in enumerate(texts) if other
    )


def _mark_document_masthead(lines: tuple[Line, ...], reasons: dict[int, str], start: int) -> None:
    """Short lines on top of an official document, before its own text begins, when they
    carry a distribution line or a document identifier (symbol, job number, barcode, COM
    number)."""
    region: list[Line] = []
    closed = False
    for line in lines[start:]:
        if line.is_empty or line.is_blank:
            continue
        text = line.stripped
        if MASTHEAD_END.search(text):
            closed = True
            break
        if (len(text) > _MAX_MASTHEAD_LINE or text.endswith((",", ";"))
                or len(text.split()) > _MAX_MASTHEAD_WORDS_PER_LINE or line.index in reasons):
            break
        region.append(line)
    marked = [i for i, ln in enumerate(region) if DISTRIBUTION.search(ln.stripped) or DOCUMENT_IDENTIFIER.match(ln.stripped)]
    if not marked:
        return
    # Closed by the document's own opening, the whole region is masthead (session, agenda
    # item and its title included); otherwise it ends at its last identifier line.
    for line in region if closed else region[:marked[-1] + 1]:
        reasons.setdefault(line.index, "masthead")


def _mark_trailing_references(lines: tuple[Line, ...], reasons: dict[int, str]) -> None:
    """Bracketed archive/web references alone on the last lines of the document."""
    for line in reversed(lines):
        if line.is_empty or line.index in reasons:
            continue
        if not BRACKETED_REFERENCE.match(line.stripped):
            return
        reasons[line.index] = "archive-reference"


def _mark_wrapper(lines: tuple[Line, ...], reasons: dict[int, str], start: int) -> None:
    """A repository's card above the document: a few short lines (a version line, a link,
    a heading, 'Key: value' fields) on top, closed by a horizontal rule. When the card holds
    fields, a markdown heading right under the rule ('## Full Text') belongs to it too."""
    content = [ln for ln in lines[start:] if not ln.is_empty and not ln.is_blank]
    rule = next((i for i, ln in enumerate(content[:_MAX_WRAPPER_LINES + 1])
                 if SEPARATOR_RULE.match(ln.raw) and set(ln.stripped) <= {"-", " "}), None)
    if not rule or any(len(ln.stripped) > _MAX_WRAPPER_LINE or ln.stripped.endswith((",", ";"))
                       for ln in content[:rule]):
        return
    if not any(ATX_HEADING.match(ln.raw) or FIELD_LINE.match(ln.stripped) or CARD_EVIDENCE.search(ln.stripped)
               for ln in content[:rule]):
        return  # short lines above a rule, but nothing that makes them a card
    for ln in content[:rule]:
        reasons[ln.index] = "wrapper"
    after = content[rule + 1] if rule + 1 < len(content) else None
    if after is not None and ATX_HEADING.match(after.raw) and any(FIELD_LINE.match(ln.stripped) for ln in content[:rule]):
        reasons[after.index] = "wrapper"


def _mark_loose_footnotes(text: str, lines: tuple[Line, ...], reasons: dict[int, str], body: int) -> None:
    """Footnotes printed without a rule: lines 'N text' whose numbers run in sequence and
    are each referenced above them, below any front matter ('Treaty,1', '[3]', '[^4]')."""
    candidates = [ln for ln in lines if ln.index not in reasons and FOOTNOTE_LINE.match(ln.raw)
                  and not DATE_DMY.match(ln.stripped) and ln.start > body
                  and not ln.stripped.split(None, 1)[1][:1].islower()]  # '8 and 9 December': prose
    runs: list[list[Line]] = []
    for ln in candidates:
        number = int(ln.stripped.split(None, 1)[0])
        if runs and number == int(runs[-1][-1].stripped.split(None, 1)[0]) + 1 and _only_gaps_between(
                lines, runs[-1][-1].index, ln.index, reasons):
            runs[-1].append(ln)
        else:
            runs.append([ln])
    for run in runs:
        if len(run) >= _MIN_LOOSE_FOOTNOTES and all(_is_referenced(text, int(ln.stripped.split(None, 1)[0]), body, ln.start) for ln in run):
            for ln in run:
                reasons[ln.index] = "footnote"


def _only_gaps_between(lines: tuple[Line, ...], a: int, b: int, reasons: dict[int, str]) -> bool:
    return all(lines[i].is_empty or lines[i].is_blank or i in reasons for i in range(a + 1, b))


def _is_referenced(text: str, number: int, start: int, before: int) -> bool:
    return FOOTNOTE_REFERENCE(number).search(text, start, before) is not None


def _mark_trailing_notes(lines: tuple[Line, ...], reasons: dict[int, str]) -> None:
    """Footnotes at the foot of a rendered page: indented '(n)   text' lines, numbered from 1,
    with nothing after them but chrome."""
    tail: list[Line] = []
    for line in reversed(lines):
        if line.is_empty or line.is_blank or line.index in reasons:
            continue
        if not INDENTED_NOTE.match(line.raw):
            break
        tail.append(line)
    numbers = [int(ln.stripped[1:].split(")", 1)[0]) for ln in reversed(tail)]
    if numbers and numbers == list(range(1, len(numbers) + 1)):
        for line in tail:
            reasons[line.index] = "footnote"


def _mark_identifiers(lines: tuple[Line, ...], reasons: dict[int, str]) -> None:
    """A document identifier alone on a line ('COM(2025) 18 final', '2025/0006 (NLE)')."""
    for line in lines:
        if line.index not in reasons and not line.is_empty and DOCUMENT_IDENTIFIER.match(line.stripped):
            reasons[line.index] = "identifier"


def _mark_institution(lines: tuple[Line, ...], reasons: dict[int, str], start: int) -> None:
    """A cover page: short lines above a dateline that is followed by identifier lines
    ('COM(2025) 18 final') name the issuing institution. (Above an ordinary dateline, a
    short line is the title.)"""
    content = [ln for ln in lines[start:] if not ln.is_empty and not ln.is_blank][:_MAX_INSTITUTION_LINES + 2]
    for pos, line in enumerate(content[:-1]):
        match = DATELINE.match(line.stripped)
        if match and any(ch.isdigit() for ch in match.group("date")) and reasons.get(content[pos + 1].index) == "identifier":
            above = content[:pos]
            if above and all(_is_short_name(ln.stripped) and ln.index not in reasons for ln in above):
                for ln in above:
                    reasons[ln.index] = "masthead"
            return


def _looks_like_page_dump(lines: tuple[Line, ...], reasons: dict[int, str]) -> bool:
    """A text dump of a web page: page furniture was found (widgets, a menu, a copyright
    footer, a credit), or a run of three or more short bullet lines (a menu) stands on top."""
    if any(reason in _PAGE_SIGNALS for reason in reasons.values()):
        return True
    content = [ln for ln in lines if not ln.is_empty and not ln.is_blank][: max(10, len(lines) // 5)]
    run = 0
    for line in content:
        short_bullet = BULLET.match(line.raw) is not None and len(line.stripped) <= _MAX_MASTHEAD_LEN // 2
        run = run + 1 if short_bullet else 0
        if run >= _MIN_MENU_RUN:
            return True
    return False


def _mark_outside_main_text(lines: tuple[Line, ...], reasons: dict[int, str]) -> None:
    """The article in a page dump: a contiguous run of paragraphs with a high score (long
    sentence-like paragraphs count for; short lines, bullets, image placeholders and
    paragraphs printed twice against; headings of related-links and comment sections
    strongly against), widened by up to three lines on each side (title, byline, dateline,
    attribution). Each further short line in a run of them costs more than the one before,
    so a share bar, a tag list or a menu ends the article. Of the runs that score at least
    half the best, the first is taken (an article comes before its comments and related
    links), joined by a strong run after captions or a gallery; nothing below a blog's first
    comment header is the article. What lies outside is chrome; image placeholders and
    agency-credited captions inside are chrome too."""
    # A page dump prints one paragraph per line: lines are the units.
    blocks = [[line] for line in lines if not line.is_empty and not line.is_blank and line.index not in reasons]
    if not blocks:
        return
    scores = [_prose_score(block) for block in blocks]
    headings = [score <= -_WALL for score in scores]  # related-links and comment headings
    repeated = _repeated(blocks)
    for i in range(len(blocks)):
        if repeated[i] and scores[i] > 0:
            scores[i] = -_SHORT_PENALTY
    streaks = _streaks(blocks, lines, scores)
    # Below the first comment header, nothing is the article (unless nothing is above it).
    comments = next((i for i, block in enumerate(blocks) if found(COMMENT_HEADER, block[0].stripped)), len(blocks))
    walls = [heading or streak >= _STREAK_WALL for heading, streak in zip(headings, streaks)]
    first, last = _first_strong_run(scores, comments, walls)
    if last < first:
        return
    headline = _headline(blocks, first, headings)
    for step, edge in ((-1, first), (1, last)):
        if step < 0 and headline is not None:
            first = headline  # the article's headline and what lies between it and the text
            continue
        taken = 0
        pos = edge + step
        while 0 <= pos < len(blocks) and taken < _EXTEND_BLOCKS and not _is_furniture_block(blocks[pos]) \
                and not headings[pos] and not (step > 0 and repeated[pos]) \
                and not (step > 0 and streaks[pos] > 1):
            taken += 1
            pos += step
        if step < 0:
            first = edge - taken
        else:
            last = edge + taken
    for i, block in enumerate(blocks):
        for line in block:
            if not first <= i <= last:
                reasons[line.index] = "outside-main"
            elif IMAGE_PLACEHOLDER.match(line.stripped):
                reasons[line.index] = "image"
            elif found(CAPTION_CREDIT, line.stripped):
                reasons[line.index] = "photo-credit"


def _headline(blocks: list[list[Line]], first: int, headings: list[bool]) -> int | None:
    """The article's headline above its text, within a few lines: the nearest heading-shaped
    line (a capitalised line of a few words with no closing punctuation, not a bullet, a
    placeholder or a wall), preferring one printed again above it (a page prints its title
    in the header bar or breadcrumb too). None when there is none."""
    candidates = []
    for i in range(first - 1, max(-1, first - 1 - _HEADLINE_WINDOW), -1):
        if headings[i]:
            break
        if _is_headline_shaped(blocks[i][0]):
            candidates.append(i)
    if not candidates:
        return None
    for i in candidates:
        text = blocks[i][0].stripped
        if any(text in blocks[j][0].stripped for j in range(i)):
            return i
    return candidates[0]


def _is_headline_shaped(line: Line) -> bool:
    text = line.stripped
    words = text.split()
    return (_MIN_HEADLINE_WORDS <= len(words) <= _MAX_HEADLINE_WORDS and text[:1].isupper()
            and not text.endswith((".", ",", ";", ":", "!")) and not BULLET.match(line.raw)
            and not IMAGE_PLACEHOLDER.match(text) and not SECTION_OF_LINKS.match(text)
            and not BYLINE.match(text) and not found(CAPTION_CREDIT, text)
            and not DATELINE.match(text) and not DATED_HEADER.search(text))


def _repeated(blocks: list[list[Line]]) -> list[bool]:
    """Paragraphs printed twice on the page: teaser cards, captions repeated as alt text,
    a caption printed again with its credit. Not article prose."""
    seen = Counter(block[0].stripped for block in blocks)
    repeated = [seen[block[0].stripped] > 1 or _is_doubled(block[0].stripped) for block in blocks]
    for i in range(1, len(blocks)):
        before, text = blocks[i - 1][0].stripped, blocks[i][0].stripped
        if len(before) >= _MIN_REPEAT_PREFIX and text.startswith(before):
            repeated[i - 1] = repeated[i] = True
    return repeated


def _streaks(blocks: list[list[Line]], lines: tuple[Line, ...], scores: list[float]) -> list[float]:
    """A long run of short lines (share bar, tags, a menu, comment headers) is where the
    article ends: each further short line of a run costs more than the one before (scores
    are changed in place). A line packed against the previous one or a bullet counts one,
    a short line standing alone between blank lines a quarter; image placeholders count
    nothing. Returns the length of the run at every block."""
    streak, streaks = 0.0, [0.0] * len(scores)
    for i, score in enumerate(scores):
        line = blocks[i][0]
        packed = line.index > 0 and not (lines[line.index - 1].is_empty or lines[line.index - 1].is_blank)
        if -_WALL < score < 0 and not IMAGE_PLACEHOLDER.match(line.stripped):
            streak += 1 if packed or BULLET.match(line.raw) else _LONE_WEIGHT
            scores[i] = score * (1 + streak / _STREAK_STEP)
        elif score >= 0:
            streak = 0
        streaks[i] = streak
    return streaks


def _first_strong_run(scores: list[float], limit: int, walls: list[bool]) -> tuple[int, int]:
    """The best-scoring run of each stretch between two resets of Kadane's maximum-sum
    scan, and of those the first that scores at least _STRONG_SHARE of the best: an
    article comes before its comments and the related links below it. Runs that start at
    `limit` or later are candidates only when no run starts before it."""
    runs: list[tuple[float, int, int]] = []
    best, best_range, run, start = 0.0, (0, -1), 0.0, 0
    for i, score in enumerate(scores):
        if run <= 0:
            if best > 0:
                runs.append((best, *best_range))
            best, best_range, run, start = 0.0, (0, -1), score, i
        else:
            run += score
        if run > best:
            best, best_range = run, (start, i)
    if best > 0:
        runs.append((best, *best_range))
    runs = [r for r in runs if r[1] < limit] or runs
    if not runs:
        return 0, -1
    top = max(score for score, _, _ in runs)
    pick = next(i for i, r in enumerate(runs) if r[0] >= _STRONG_SHARE * top)
    _, first, last = runs[pick]
    # Captions or a gallery split the article: a strong run after a gap with no heading of
    # related links or comments and no long run of short lines in it is the article going on.
    for score, start, end in runs[pick + 1:]:
        if start >= limit or any(walls[last + 1:start]) or start - last - 1 > _BRIDGE_BLOCKS:
            break
        if score >= _STRONG_SHARE * top:
            last = end
    return first, (min(last, limit - 1) if first < limit else last)


def _is_doubled(text: str) -> bool:
    """'Stairs leading upwardStairs leading upward': an image's alt text and caption run
    together."""
    half = len(text) // 2
    return len(text) % 2 == 0 and half > 0 and text[:half] == text[half:]


def _is_furniture_block(block: list[Line]) -> bool:
    return all(BULLET.match(ln.raw) or IMAGE_PLACEHOLDER.match(ln.stripped) for ln in block)


def _prose_score(block: list[Line]) -> float:
    score = 0.0
    for line in block:
        text = line.stripped
        size = _weight(text)
        if SECTION_OF_LINKS.match(text) or found(COMMENT_HEADER, text):
            score -= _WALL  # related links, comments, teasers: the article does not go on here
        elif LABEL.match(line.raw) or LABEL_ALONE.match(line.raw) or (text.endswith(":") and len(text.split()) > 3):
            score += max(size, _MIN_PROSE)  # numbered clauses and list introductions are what we extract
        elif IMAGE_PLACEHOLDER.match(text) or LINK_ITEM.match(text) or (BULLET.match(line.raw) and size < _MIN_PROSE) \
                or found(CAPTION_CREDIT, text):
            score -= _SHORT_PENALTY
        elif size >= _MIN_PROSE and (". " in text or text.endswith(_SENTENCE_ENDS) or WIDE_SENTENCE_END.search(text)):
            score += size
        elif size >= _MIN_PROSE:
            score += size / 2
        else:
            score -= _SHORT_PENALTY
    return score


def _weight(text: str) -> int:
    """Length in Latin-letter terms: a Chinese, Japanese or Korean character carries about
    as much text as three Latin letters."""
    return len(text) + 2 * len(WIDE_CHARACTER.findall(text))

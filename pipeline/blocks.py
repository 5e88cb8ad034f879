"""Kept lines -> blocks: paragraphs and labelled items, with their printed labels.

A block is a run of kept lines that reads as one unit. A new block starts
- after an empty or whitespace-only line, or a separator rule;
- at a line that opens with a clause label ("1)", "(a)", "iv.") or a bullet ("-", "•"); a
  label alone on its line takes the next line as its text;
- at and after a markdown heading line ("# Title", or a line set wholly in bold), which is
  a block of its own;
- after a line that ends with a colon (a list introduction);
- after a line that was ended on purpose: the first word of the next line would have fitted
  on it within the document's wrap width (the usual test for hard-wrapped text; in a
  one-paragraph-per-line dump every line passes it, so every line is a block), unless the
  line has no closing punctuation and the next one goes on in lower case (a sentence
  that runs on over the line end).
Other chrome lines (running headers, credits) inside a paragraph do not split it, and a
paragraph goes on across a gap when it has no closing punctuation and what follows is
unlabelled and either opens in lower case (or with a digit) or comes after page furniture
(a page break in the middle of a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chrome import ChromeResult
from .lines import Line
from .normalize import normalize_pieces
from .lexicon import PREAMBULAR_FIRST_WORDS, is_operative, is_preambular, lead_of
from .patterns import (
    ARTICLE_LABEL,
    ATX_HEADING,
    BOLD_LINE,
    BRACKETED_LINE,
    BULLET,
    FOOTNOTE_REF_END,
    GLUED_LABEL,
    LABEL,
    LABEL_ALONE,
    LEAD_WORDS,
    LEADING_FORMULA,
    LINE_BREAK,
    LINE_END_PUNCTUATION,
    ROMAN,
    RUN_ON_NUMBER,
    TRAILING_FORMULA,
)

_SAME_LINE_GAP = 200  # a label and its text on one line
_BREAKING_CHROME = frozenset({"whitespace-only", "separator-rule", "front-matter"})
_PAGE_FURNITURE = frozenset({"footnote", "page-number", "running-header"})
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
    connectives: tuple[tuple[int, int], ...] = ()
    """Formula words printed with the block but not part of its text ('BE IT', 'be it further')."""

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

    def whole(self) -> tuple[tuple[int, int], ...]:
        """Pieces and connectives together, in source order: everything the block printed."""
        return tuple(sorted(self.pieces + self.connectives))

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
    match = LABEL.match(line.raw) or LABEL_ALONE.match(line.raw)
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
    match = GLUED_LABEL.match(line.raw)
    if match:
        lead = match.start("label")
        group = match.group("label")
        return Label(group, match.group("pnum"), "number", "(1)", (line.start + lead, line.start + lead + len(group)))
    match = ARTICLE_LABEL.match(line.raw)
    if match:
        lead = match.start("label")
        group = match.group("label")
        return Label(group, match.group("num"), "article", "article", (line.start + lead, line.start + lead + len(group)))
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
            bold = BOLD_LINE.match(first.raw) if label is None and len(current) == 1 else None
            cut = label.span[1] if label is not None else (first.start + marker.end() if marker else first.start)
            spans = [line.content_span() for line in current]
            spans[0] = (max(spans[0][0], cut), spans[0][1])
            if bold:
                spans = [(first.start + bold.start("inner"), first.start + bold.end("inner"))]
            pieces = _trim(spans, text)
            if pieces:
                blocks.append(Block(tuple(pieces), label, gap, len(current), marker is not None or bold is not None))
            elif label is not None:  # a label alone: keep it, with an empty text at its end
                blocks.append(Block(((label.span[1], label.span[1]),), label, gap, len(current)))
            gap = False
        current, label = [], None

    last_lines: list[Line] = []
    last_label: Label | None = None
    last_gap = False
    page_break = False
    for line in chrome.lines:
        reason = chrome.reasons.get(line.index)
        if (line.is_empty or reason in _BREAKING_CHROME) and current and len(current) == 1 and label is not None \
                and _is_label_only(current[0], label):
            continue  # 'Article 1' alone, its text after a blank line
        if line.is_empty or reason in _BREAKING_CHROME:
            if current:
                last_lines, last_label, last_gap = current, label, gap
            flush()
            gap = True
            continue
        if reason is not None:
            page_break = page_break or reason in _PAGE_FURNITURE
            continue
        line_label = read_label(line)
        heading = ATX_HEADING.match(line.raw) is not None or BOLD_LINE.match(line.raw) is not None
        reopened = False
        if (not current and gap and blocks and last_lines and line_label is None and not heading
                and _runs_on_across_gap(last_lines[-1], line, page_break) and not blocks[-1].marked_heading):
            blocks.pop()  # the previous paragraph goes on after a page break or a gap
            current, label, gap = last_lines, last_label, last_gap
            reopened = True
        label_only = bool(current) and len(current) == 1 and label is not None and _is_label_only(current[0], label)
        if current and not label_only and not reopened and (
                line_label is not None or heading or _ended_on_purpose(current[-1], line, width)):
            flush()
        if not current:
            label = line_label
        current.append(line)
        page_break = False
        if heading:
            flush()
    flush()
    return blocks


def _is_upper_line(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(text.split()) >= 2 and bool(letters) and all(ch.isupper() for ch in letters)


def _is_label_only(line: Line, label: Label) -> bool:
    return line.content_span()[1] == label.span[1]


def _runs_on_across_gap(prev: Line, line: Line, page_break: bool) -> bool:
    """An unfinished sentence goes on after a gap: the next line opens in lower case or
    with a number that is no label ('8 and 9 December'), or comes after page furniture.
    A comma at the end is unfinished only before such a number."""
    text = FOOTNOTE_REF_END.sub("", prev.stripped)
    following = line.stripped
    if text == "" or BRACKETED_LINE.match(text):
        return False
    if text.endswith(","):
        return RUN_ON_NUMBER.match(following) is not None
    if LINE_END_PUNCTUATION.search(text):
        return False
    return following[:1].islower() or RUN_ON_NUMBER.match(following) is not None or page_break


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
    prev_text = FOOTNOTE_REF_END.sub("", prev.stripped)
    if prev_text.endswith(":"):
        return True
    if prev_text.endswith("-") and not prev_text.endswith(" -"):
        return False  # a hyphenated word goes on
    following = line.stripped
    if not LINE_END_PUNCTUATION.search(prev_text) and (following[:1].islower() or following[:1] == "("):
        return False  # the sentence runs on over the line end
    if prev_text.endswith(",") and RUN_ON_NUMBER.match(following):
        return False  # '... 1995,' / '51/45 O of ...': a list of references goes on
    if width == 0:
        return True
    if (LINE_END_PUNCTUATION.search(prev_text) and _is_upper_line(following) and not _is_upper_line(prev_text)):
        return True  # a finished sentence, then an upper-case title line
    first_word = line.stripped.split(" ", 1)[0]
    return len(prev_text) + 1 + len(first_word) < width * _WRAP_SLACK


# --- refining blocks inside their lines ------------------------------------------------------

def _joined(block: Block, source: str) -> tuple[str, list[tuple[int, int]]]:
    """The block's text joined by single spaces, and (joined offset, source offset) per piece."""
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    pos = 0
    for s, e in block.pieces:
        starts.append((pos, s))
        parts.append(source[s:e])
        pos += e - s + 1
    return " ".join(parts), starts


def _to_source(index: int, starts: list[tuple[int, int]], block: Block) -> int:
    for (joined_start, src_start), (_, e) in zip(reversed(starts), reversed(block.pieces), strict=True):
        if index >= joined_start:
            return min(src_start + (index - joined_start), e)
    return block.pieces[0][0]


def trim_connectives(block: Block, source: str) -> Block:
    """Move formula words at the edges of a clause ('BE IT' before 'RESOLVED', '; and be it
    further' / '; NOW, THEREFORE,' after it) out of its text into `connectives`."""
    text, starts = _joined(block, source)
    connectives = list(block.connectives)
    current = block
    lead = LEADING_FORMULA.match(text)
    if lead and lead.end() < len(text) and not text.rstrip().endswith(":"):
        cut = _to_source(lead.end(), starts, block)
        head, rest = current.split(source, cut)
        if head and rest:
            connectives.extend(head.pieces)
            current = Block(rest.pieces, None, block.gap_before, block.line_count, block.marked_heading)
    text, starts = _joined(current, source)
    tail = TRAILING_FORMULA.search(text)
    if tail and tail.start("formula") > 0:
        cut = _to_source(tail.start("formula"), starts, current)
        body, rest = current.split(source, cut)
        if body and rest:
            connectives.extend(rest.pieces)
            current = body
    if current is block:
        return block
    return Block(current.pieces, current.label, block.gap_before, block.line_count, block.marked_heading,
                 tuple(sorted(connectives)))


def split_run_in_formula(block: Block, source: str) -> list[Block]:
    """'... The General Assembly - Having asked ...' / 'Begins- The Commission Taking note ...' /
    'TITLE The General Assembly, [matter omitted]': an enacting formula (a 'The <Body>' name)
    run into the first preambular clause, or closing a line after other text, is cut into a
    block of its own; so is the text printed before it, which keeps no clause label (a cable
    paragraph number in front of narrative labels the narrative)."""
    text, starts = _joined(block, source)
    for match in _FORMULA_START.finditer(text):
        end = _formula_end(text, match.end(), upper="THE" in match.group())
        if end is None or (end == len(text) and match.start() == 0):
            continue
        before, rest = block.split(source, _to_source(match.start(), starts, block))
        if rest is None:
            return [block]
        formula, clause = rest.split(source, _to_source(end, starts, block)) if end < len(text) else (rest, None)
        if clause is not None:
            clause = _with_inline_label(clause, source)
        out: list[Block] = []
        if before is not None:
            if before.label is not None:
                first = (before.label.span[0], before.pieces[0][1])
                before = Block((first, *before.pieces[1:]), None, before.gap_before, before.line_count)
            out.append(before)
        if formula is not None:
            out.append(Block(formula.pieces, None, before is None and block.gap_before, formula.line_count))
        if clause is not None:
            out.append(Block(clause.pieces, clause.label, False, clause.line_count))
        return out
    return [block]


_FORMULA_START = re.compile(r"(?:(?<=\s)|^)['\"\u2018\u201c]?(?:The|THE)\s+(?=[A-Z])")
_INLINE_LABEL = re.compile(r"^\(?\d{1,3}[.)]$")


def _with_inline_label(block: Block, source: str) -> Block:
    """A clause cut out of a line may open with its label ('1. Recalling ...')."""
    start, end = block.pieces[0]
    label = read_label(Line(-1, start, end, source[start:end]))
    if label is None or label.kind == "bullet":
        return block
    rest = _trim([(label.span[1], end), *block.pieces[1:]], source)
    return Block(tuple(rest), label, block.gap_before, block.line_count) if rest else block
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "to"})
_MAX_BODY_WORDS = 10
_EDITORIAL_NOTE = re.compile(r"\[[^\]]{1,60}\]\s*$")


def _formula_end(text: str, pos: int, upper: bool = False) -> int | None:
    """Where the clause after a 'The <Body>' name starts; len(text) when the name (with an
    editorial note like '[matter omitted]') ends the text; None when it is no formula. An
    upper-case name ('THE GENERAL ASSEMBLY') counts only before a labelled clause, since
    upper-case titles are full of 'THE ...'."""
    words = list(re.finditer(r"\S+", text[pos:]))
    for count, word in enumerate(words[:_MAX_BODY_WORDS + 1]):
        token = word.group()
        bare = token.strip(",:;*_")
        start = pos + word.start()
        if count > 0 and not upper and bare[:1].isupper() and is_preambular(lead_of(
                [w.lower() for w in LEAD_WORDS.findall(text[start:start + 80])][:6])):
            return start
        following = [w.lower() for w in LEAD_WORDS.findall(text[start + len(token):start + 80])][:6]
        if count > 0 and _INLINE_LABEL.match(token) and (is_preambular(lead_of(following)) or is_operative(following)):
            return start  # '... Assembly, 1. Recalling' / 'THE GENERAL ASSEMBLY 1. Notes': a labelled clause
        if count > 0 and not upper and _EDITORIAL_NOTE.fullmatch(text[start:].rstrip()) and text[:start].rstrip().endswith(","):
            return len(text)
        if token in ("-", "\u2013", "\u2014", ",", ":"):
            continue
        if not (bare[:1].isupper() or bare in _CONNECTORS):
            return None
    return None


_RUN_IN_HEADING = re.compile(r"^(?P<head>[A-Z][A-Z0-9 ,'\u2019&-]{2,80}?)\s+(?=\(?1\\?[.)]\s+\S)")


def split_run_in_heading(block: Block, source: str) -> list[Block]:
    """'RECOMMENDATIONS 1. ASSOCIATION OF ...': an upper-case heading with the first item of
    its list run into the same line is a heading block and a labelled item."""
    if block.label is not None:
        return [block]
    text, starts = _joined(block, source)
    match = _RUN_IN_HEADING.match(text)
    if not match or not any(ch.isalpha() for ch in match.group("head")):
        return [block]
    cut = _cut_before_label(block, source, _to_source(match.end(), starts, block))
    return list(cut) if cut else [block]


def _cut_before_label(block: Block, source: str, at: int) -> tuple[Block, Block] | None:
    """The block cut at `at`, when what follows the cut opens with a clause label."""
    head, rest = block.split(source, at)
    if head is None or rest is None:
        return None
    item = _with_inline_label(rest, source)
    return (head, item) if item.label is not None else None


_GOVERNING_VERB = re.compile(r"^(?P<verb>[A-Z]{3,}(?:\s+[A-Z]{2,}){0,3})\s+(?=\d{1,3}\\?[.)]\s+\S)")


def split_governing_verb(block: Block, source: str) -> Block:
    """'BELIEVES 3. That ...': an upper-case operative verb printed before a paragraph number
    governs the paragraphs that follow; it becomes a connective of the labelled item."""
    if block.label is not None:
        return block
    text, starts = _joined(block, source)
    match = _GOVERNING_VERB.match(text)
    if not match or not is_operative(match.group("verb").lower().split()):
        return block
    cut = _cut_before_label(block, source, _to_source(match.end(), starts, block))
    if cut is None:
        return block
    head, item = cut
    return Block(item.pieces, item.label, block.gap_before, block.line_count, False, head.pieces)


# "...; and 11. DECIDES": a paragraph number run into the paragraph before (group n).
_RUN_IN_NUMBER = re.compile(r"[;,](?:\s+(?:and|or))?\s+(?=(?P<n>\d{1,5})\\?[.)]\s+[A-Z'\"\u2018\u201c])")


def split_inline_numbers(block: Block, source: str) -> list[Block]:
    """'... capital investment, and 8. The intention ...': the next paragraph number run into
    a numbered paragraph after a comma or semicolon (and 'and') starts the next item."""
    if block.label is None or block.label.kind != "number" or block.label.value is None:
        return [block]
    text, starts = _joined(block, source)
    number = str(int(block.label.value) + 1)
    match = next((m for m in _RUN_IN_NUMBER.finditer(text) if m.group("n") == number), None)
    if not match:
        return [block]
    cut = _cut_before_label(block, source, _to_source(match.end(), starts, block))
    if cut is None:
        return [block]
    head, item = cut
    return [head, *split_inline_numbers(Block(item.pieces, item.label, False, item.line_count), source)]


_RUN_ON_FORMULA = re.compile(
    r"^['\"\u2018\u201c]?The(?:\s+(?:[A-Z][\w.'\u2019-]*|of|for|and|the|on|in)){1,8}?\s+(?=(?P<word>[a-z]+)\b)"
)
_CLAUSE_BOUNDARY = re.compile(r"(?<=[,.;])\s+(?=(?P<word>[A-Za-z]+)\b)")


def split_run_on_preamble(block: Block, source: str) -> list[Block]:
    """"'The Security Council recalling ..., taking note ..., considering ... . Noting also
    ..."': a formula run straight into a lower-case preambular phrase opens a preamble
    printed as one paragraph; it is cut into the formula and one clause per listed
    preambular opening that follows a comma or a full stop."""
    if block.label is not None:
        return [block]
    text, starts = _joined(block, source)
    match = _RUN_ON_FORMULA.match(text)
    if not match or match.group("word") not in PREAMBULAR_FIRST_WORDS:
        return [block]
    cuts = [match.end()] + [m.start("word") for m in _CLAUSE_BOUNDARY.finditer(text, match.end())
                             if m.group("word").lower() in PREAMBULAR_FIRST_WORDS]
    out: list[Block] = []
    rest: Block | None = block
    for cut in cuts:
        if rest is None:
            break
        head, rest = rest.split(source, _to_source(cut, starts, block))
        if head is not None:
            out.append(Block(head.pieces, None, not out and block.gap_before, head.line_count))
    if rest is not None:
        out.append(Block(rest.pieces, None, False, rest.line_count))
    return out


def refine(blocks: list[Block], source: str) -> list[Block]:
    """Cut run-in headings, governing verbs, formulas and paragraph numbers out of blocks;
    trim formula words off clause edges."""
    return [
        trim_connectives(item, source)
        for block in blocks
        for run_in in split_run_in_heading(block, source)
        for piece in split_run_on_preamble(run_in, source)
        for part in split_run_in_formula(split_governing_verb(piece, source), source)
        for item in split_inline_numbers(part, source)
    ]


def with_printed_label(source: str, block: Block, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`pieces` with the block's label in front as printed: a label glued to its text on the
    same line ('(1)The') widens the first piece, so no space is put between them."""
    if block.label is None:
        return pieces
    label = block.label.span
    pieces = sorted(pieces)
    between = any(label[1] <= c[0] < pieces[0][0] for c in block.connectives) if pieces else True
    if pieces and pieces[0][0] - label[1] <= _SAME_LINE_GAP and not between \
            and not LINE_BREAK.search(source, label[1], pieces[0][0]):
        return [(label[0], pieces[0][1]), *pieces[1:]]
    return [label, *pieces]


def text_of_group(source: str, group: list[Block], with_labels: bool = False) -> tuple[str, list[tuple[int, int]]]:
    """The text of something printed over several blocks (a title, a heading, an item with
    follow-on paragraphs, a recital with sub-items), and the spans of its edge connectives.
    Formula words are connectives only at the outer edges; between the blocks they are text,
    and so are the labels of later blocks when `with_labels` (as printed: '(2)It' stays
    glued). The text then matches the source from the first block's text to the last's end."""
    pieces: list[tuple[int, int]] = []
    edges: list[tuple[int, int]] = []
    last = len(group) - 1
    for i, block in enumerate(group):
        lead = [c for c in block.connectives if c[1] <= block.pieces[0][0]]
        tail = [c for c in block.connectives if c[0] >= block.pieces[-1][1]]
        own = with_printed_label(source, block, list(block.pieces)) if i > 0 and with_labels else list(block.pieces)
        pieces += (lead if i > 0 else []) + own + (tail if i < last else [])
        edges += (lead if i == 0 else []) + (tail if i == last else [])
    return normalize_pieces(source, sorted(pieces))[0], sorted(edges)

"""Shapes of blocks that several stages ask about: heading-like, enacting formula.

Kept in one place so that the metadata stage (title) and the structure stage (headings,
formulas) read a block the same way.
"""

from __future__ import annotations

from .blocks import Block
from .config import active
from .lexicon import is_preambular, lead_of
from .patterns import (
    ABBREVIATION_END,
    BRACKETED_LINE,
    BY_LINE,
    CLAUSE_CONTINUES,
    CLAUSE_END,
    DATED_HEADER,
    FOOTNOTE_REF_END,
    HANDLING_MARKING,
    LEAD_WORDS,
    MASTHEAD_END,
    NUMBER_LINE,
    PARENTHESISED_LINE,
    TRAILING_NOTE,
)

_MAX_HEADING_LINES = 3
_MAX_HEADING_CHARS = 250
_MAX_UPPER_HEADING_CHARS = 400
_MAX_FORMULA_WORDS = 10
_MAX_BARE_FORMULA_WORDS = 6
_BODY_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in"})
_MIN_TITLE_CASE_WORDS = 3
_TITLE_CASE_SHARE = 0.6
_SMALL_WORDS = frozenset({"of", "the", "and", "to", "for", "in", "on", "a", "an", "by", "at", "or", "with", "from", "-"})


def lead(text: str) -> str:
    """The clause's opening phrase in lower case."""
    return lead_of([w.lower() for w in LEAD_WORDS.findall(text[:120])][:6])


def is_title_case(text: str) -> bool:
    words = text.split()
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    if len(words) < _MIN_TITLE_CASE_WORDS or not content:
        return False
    return sum(1 for w in content if w[:1].isupper()) >= _TITLE_CASE_SHARE * len(content)


def shape_text(text: str) -> str:
    """The text as far as its shape goes: footnote digits after the final punctuation dropped."""
    return FOOTNOTE_REF_END.sub("", text)


def is_heading_like(block: Block, text: str) -> bool:
    """Short, unlabelled, not a clause: no final comma/semicolon/colon, and no sentence
    period unless the line is upper case, in title case ('Ad Hoc Committee - Reduction of
    Armaments.') or ends with an abbreviation ('... to E.C.A.F.E.')."""
    if block.marked_heading:
        return bool(text)
    if any(cue.search(text) for cue in active().headings):
        return True  # a configured heading cue
    text = shape_text(text)
    upper = text.upper() == text and any(ch.isalpha() for ch in text)
    limit = _MAX_UPPER_HEADING_CHARS if upper else _MAX_HEADING_CHARS
    if block.label is not None or block.line_count > _MAX_HEADING_LINES or len(text) > limit:
        return False
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘([*_"):
        return False
    if text.rstrip("*_").endswith(("-", "\u2013", "\u2014")):
        return False  # 'Begins-': a marker run into what follows
    if CLAUSE_CONTINUES.search(text):
        return False  # '...; and', ', or': a clause that goes on in the next one
    if CLAUSE_END.search(text):
        end = text.rstrip("\"'’”)]*_")[-1:]
        if end != ".":
            return False
        body = text.rstrip("\"'’”)]*_")[:-1]
        return upper or ABBREVIATION_END.search(text) is not None or (". " not in body and is_title_case(body))
    return True


def is_formula(block: Block, text: str) -> bool:
    """'The General Assembly,' / '*The General Assembly*,' / 'The Economic Commission for Asia
    and the Far East' (a body's name alone: capitalised words and connectors): a short line
    naming who acts."""
    if block.label is not None:
        return False
    text = TRAILING_NOTE.sub("", text).rstrip()  # 'The General Assembly, [matter omitted]'
    bare = text.lstrip("*_'\"“‘")
    words = bare.rstrip(",:*_ ").split()
    if not bare[:1].isupper() or not words or len(words) > _MAX_FORMULA_WORDS or is_preambular(lead(text)):
        return False
    if text.endswith((",", ":", "-", "\u2014")):
        return True
    return words[0].lower() == "the" and all(w[:1].isupper() or w in _BODY_CONNECTORS for w in words) and sum(
        1 for w in words if w[:1].isupper()) <= _MAX_BARE_FORMULA_WORDS


def is_never_title(text: str) -> bool:
    """Lines printed above a title that are never the title: adoption lines, bracketed or
    parenthesised notes, dated lines (cable and memo headers, passage dates), handling
    markings, number lines ('RESOLUTION NO. 5') and by-lines ('BY: Senator ...')."""
    return bool(MASTHEAD_END.search(text) and not text[:1].isdigit() or BRACKETED_LINE.match(text)
                or PARENTHESISED_LINE.match(text) or DATED_HEADER.search(text) or HANDLING_MARKING.match(text)
                or NUMBER_LINE.match(text) or BY_LINE.match(text))

"""Stage 5, structure: blocks -> sections (heading, formula, considerations, introduction,
recommendations with sub-items) and narrative paragraphs.

How it decides (numbering and layout first, wording only as further evidence):
- Recommendations: a run of items with ordinal labels ("1)", "2.", "(a)", "iv.") is an
  operative list; numbering restarting at the first value starts a new list. A run that
  starts in the middle ('2.'-'8.') with no introduction, formula or clause before it is
  numbered narrative (cable or memo paragraphs). Unlabelled paragraphs opening with an
  operative verb ('Decides', 'Also requests') are unnumbered items. Items of
  another label form inside the list are sub-items (a form seen before closes the deeper
  levels); unlabelled paragraphs between items of the same list are follow-on paragraphs of
  the item before them. A bulleted run right after an introduction (a block ending with a
  colon) is an operative list too, unnumbered.
- Introduction: the unlabelled block ending with a colon (or a dash) right before a list.
- Considerations: walking back from the introduction (or the list), bulleted items and
  unlabelled paragraphs that read as clauses (ending with a comma or semicolon, or opening
  with a preambular phrase) are the considerations; so are the items of a list introduced
  by a preambular lead-in ('Whereas:' and recitals (1)-(5)), the lead-in staying narrative.
- Formula: a short block before the considerations that ends with a comma or colon and
  does not open with a preambular phrase ('The General Assembly,').
- Heading: the heading-like blocks right above (adjacent lines); a first line that ends with
  a colon or a dangling preposition ('... for the section on:') is the heading's prefix. A
  mover's line ending with a colon and a parenthesised subtitle may stand between the
  heading and the clauses (they stay narrative).
- A list restarting with an item that opens with an ellipsis ('(1) ... reconsiders') resumes
  the list of the section before (a motion interrupted and taken up again).
- Everything else that is kept becomes a narrative paragraph (role 'heading' when it is
  heading-like), so every kept line ends up in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Block, Label, text_of_group, with_printed_label
from .lexicon import is_operative, is_preambular
from .shapes import is_formula as _is_formula
from .shapes import is_heading_like, is_never_title, lead, shape_text
from .model import Consideration, Paragraph, ParseWarning, Recommendation, Section, TextSpan
from .normalize import normalize_pieces
from .patterns import BRACKETED_LINE, ELLIPSIS_START, HEADING_LEAD_IN, LEAD_WORDS, PARENTHESISED_LINE, ROMAN

_FIRST_VALUES = frozenset({"1", "a", "i", "A", "I"})
_MAX_LEAD_IN_CHARS = 80
_MAX_NOTE_CHARS = 40
_MAX_INTERSTITIAL = 2
_INTRO_ENDINGS = (":", " -", "\u2014", "\u2013")


@dataclass(frozen=True)
class Structure:
    sections: list[Section]
    paragraphs: list[Paragraph]
    warnings: list[ParseWarning]


@dataclass
class _Item:
    label: Label | None
    kind: str
    value: str | None
    blocks: list[int] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)


@dataclass
class _List:
    start: int
    end: int  # exclusive block index
    items: list[_Item]
    notes: frozenset[int] = frozenset()
    """Editorial notes between the items; they stay narrative paragraphs."""


def build_structure(source: str, blocks: list[Block], texts: list[str], used: frozenset[int]) -> Structure:
    """Split the blocks into sections and narrative paragraphs (see module docstring)."""
    found_lists = _find_lists(blocks, texts, used)
    # A list introduced by a preambular lead-in ('Whereas:') holds considerations (recitals).
    preamble: dict[int, list[int]] = {}
    lead_ins: set[int] = set()
    lists: list[_List] = []
    for op_list in found_lists:
        k = op_list.start - 1
        if k >= 0 and _is_intro(blocks[k], texts[k]) and is_preambular(lead(texts[k])):
            lead_ins.add(k)
            for item in op_list.items:
                group = sorted(_item_blocks(item))
                for b in group:
                    preamble[b] = group
        else:
            lists.append(op_list)
    sections: list[Section] = []
    taken: set[int] = set(used)
    warnings: list[ParseWarning] = []
    prev_end = -1
    for op_list in lists:
        if sections and _resumes(op_list, texts):
            # '(1) ... reconsiders its position': the mover starts again after an interruption
            resumed = [_recommendation(source, blocks, texts, item) for item in op_list.items]
            sections[-1] = sections[-1].model_copy(
                update={"recommendations": [*sections[-1].recommendations, *resumed]})
            taken.update(set(range(op_list.start, op_list.end)) - op_list.notes)
            prev_end = op_list.end - 1
            continue
        section, consumed = _section_for(source, blocks, texts, taken, op_list, prev_end, warnings, preamble, lead_ins)
        sections.append(section)
        taken.update(consumed)
        prev_end = op_list.end - 1
    paragraphs = []
    for i, b in enumerate(blocks):
        if i not in taken:
            text, span = _whole(source, b, texts[i])
            if b.label is not None:  # a numbered narrative paragraph keeps its number, as printed
                text = _labelled_text(source, b)
                span = (b.label.span[0], span[1])
            paragraphs.append(Paragraph(text=text, span=span, role="heading" if is_heading_like(b, texts[i]) else "body"))
    if not sections:
        warnings.append(ParseWarning(code="no-structure", span=None,
                                     message="no numbered or introduced list of clauses was found; "
                                             "the text is kept as paragraphs"))
    return Structure(sections=sections, paragraphs=paragraphs, warnings=warnings)


def _whole(source: str, block: Block, text: str) -> tuple[str, tuple[int, int]]:
    """Text and span of everything the block printed, connectives included (for blocks that
    are not clauses, such formula words are simply part of the text)."""
    if not block.connectives:
        return text, (block.text_start, block.end)
    pieces = block.whole()
    return normalize_pieces(source, pieces)[0], (pieces[0][0], pieces[-1][1])


def _group_text(source: str, group: list[Block], with_labels: bool) -> tuple[str, list[TextSpan]]:
    text, edges = text_of_group(source, group, with_labels)
    return text, [TextSpan(text=normalize_pieces(source, [c])[0], span=c) for c in edges]


def _labelled_text(source: str, block: Block) -> str:
    """The block's text with its label as printed: '(1)The ...' stays glued, '1. The' spaced."""
    return normalize_pieces(source, with_printed_label(source, block, list(block.whole())))[0]


# --- lists -------------------------------------------------------------------------------

def _is_intro(block: Block, text: str) -> bool:
    return block.label is None and text.endswith(_INTRO_ENDINGS)


def _find_lists(blocks: list[Block], texts: list[str], used: frozenset[int]) -> list[_List]:
    lists: list[_List] = []
    i = 0
    while i < len(blocks):
        label = blocks[i].label
        if i not in used and label is None and _is_operative_paragraph(blocks[i], texts[i]):
            found = _scan_list(blocks, texts, used, i)
            if len(found.items) > 1 or _has_clause_context(blocks, texts, used, i):
                lists.append(found)
                i = found.end
                continue
        if i in used or label is None:
            i += 1
            continue
        if label.kind != "bullet":
            found = _scan_list(blocks, texts, used, i)
            if found.items[0].value in _FIRST_VALUES or _has_clause_context(blocks, texts, used, i):
                lists.append(found)
            # else: numbering that starts in the middle with nothing to introduce it
            # (cable or memo paragraphs '2.'-'8.') is narrative, not a list of clauses
            i = found.end
            continue
        j = i
        while j < len(blocks) and j not in used and blocks[j].label is not None and blocks[j].label.kind == "bullet":
            j += 1
        # Bullets that lead, through an introduction, into another list are its considerations.
        followed_by_list = (j + 1 < len(blocks) and _is_intro(blocks[j], texts[j])
                            and blocks[j + 1].label is not None)
        if i > 0 and (i - 1) not in used and _is_intro(blocks[i - 1], texts[i - 1]) and not followed_by_list:
            lists.append(_scan_list(blocks, texts, used, i))
            i = lists[-1].end
        else:
            i = j
    return lists


def _resolve(label: Label, stack: list[_Item]) -> tuple[str, str | None]:
    """The label's kind in context: 'i' after 'h' is a letter, 'i' opening a level is roman."""
    if label.kind == "letter" and label.value and ROMAN.match(label.value):
        punct = label.form[len("letter"):]
        for item in reversed(stack):
            if item.kind == "letter" and item.label.form == label.form and item.value:
                if ord(item.value) + 1 == ord(label.value):
                    return "letter", label.value
            if item.kind == "roman" and item.label.form[len("roman"):] == punct:
                return "roman", label.value
        if label.value == "i":
            return "roman", label.value
    return label.kind, label.value


def _level_key(kind: str, label: Label) -> str:
    """List level identity: kind plus punctuation ('number)', 'letter()', 'bullet-')."""
    if label.kind in ("bullet", "article"):
        return label.form
    return kind + ("()" if label.printed.startswith("(") else label.printed[-1])


def _is_operative_paragraph(block: Block, text: str) -> bool:
    """An unlabelled paragraph opening with a capitalised operative verb ('Decides', 'Also requests')."""
    bare = text.lstrip("*_'\"“‘")
    return block.label is None and bare[:1].isupper() and is_operative(
        [w.lower() for w in LEAD_WORDS.findall(bare[:80])][:4])


def _has_clause_context(blocks: list[Block], texts: list[str], used: frozenset[int], i: int) -> bool:
    """The block before is a clause, an introduction or an enacting formula."""
    k = i - 1
    return k >= 0 and k not in used and (
        _is_clause_like(blocks[k], texts[k]) or _is_intro(blocks[k], texts[k]) or _is_formula(blocks[k], texts[k]))


def _item_key(block: Block, text: str, stack: list[_Item]) -> tuple[str, str | None, str] | None:
    """(kind, value, level key) of a block that is a list item here, or None."""
    if block.label is not None:
        kind, value = _resolve(block.label, stack)
        return kind, value, _level_key(kind, block.label)
    if (not stack or stack[0].kind == "para") and _is_operative_paragraph(block, text):
        return "para", None, "para"
    return None


def _scan_list(blocks: list[Block], texts: list[str], used: frozenset[int], start: int) -> _List:
    top: list[_Item] = []
    stack: list[_Item] = []  # open items, outermost first
    keys: list[str] = []  # level key of each open item
    skipped: set[int] = set()
    j = start
    while j < len(blocks) and j not in used:
        found = _item_key(blocks[j], texts[j], stack)
        if found is None and stack and _is_editorial_note(texts[j]):
            nxt = _item_key(blocks[j + 1], texts[j + 1], stack) if j + 1 < len(blocks) and j + 1 not in used else None
            if nxt is not None and nxt[2] in keys:
                skipped.add(j)  # '[matter omitted]' between items: a note, not part of either
                j += 1
                continue
        if found is None:
            k = j
            while k < len(blocks) and k not in used and _item_key(blocks[k], texts[k], stack) is None:
                if is_heading_like(blocks[k], texts[k]) or _is_intro(blocks[k], texts[k]) or not stack:
                    break
                k += 1
            nxt = _item_key(blocks[k], texts[k], stack) if k < len(blocks) and k not in used else None
            # The list goes on if the next label is at a level already open, or opens a deeper
            # level in mid-sequence ('(c)' after '(a) ... (b)' printed inside the text).
            deeper = nxt is not None and nxt[2] not in keys and nxt[0] in ("letter", "roman", "LETTER") \
                and nxt[1] not in _FIRST_VALUES
            if k == j or nxt is None or (nxt[2] not in keys and not deeper) or (
                    nxt[2] == keys[0] and nxt[1] in _FIRST_VALUES):
                break
            stack[-1].blocks.extend(range(j, k))  # follow-on paragraphs of the open item
            j = k
            continue
        kind, value, key = found
        item = _Item(blocks[j].label, kind, value, [j])
        if not stack:
            top.append(item)
            stack, keys = [item], [key]
        elif key in keys:
            level = keys.index(key)
            if level == 0 and value in _FIRST_VALUES and top:
                break  # numbering restarts: a new list
            del stack[level:], keys[level:]
            (stack[-1].children if stack else top).append(item)
            stack.append(item)
            keys.append(key)
        else:
            stack[-1].children.append(item)
            stack.append(item)
            keys.append(key)
        j += 1
    return _List(start, j, top, frozenset(skipped))


# --- sections ----------------------------------------------------------------------------

def _resumes(op_list: _List, texts: list[str]) -> bool:
    first = op_list.items[0]
    return first.value in _FIRST_VALUES and ELLIPSIS_START.match(texts[first.blocks[0]]) is not None


def _is_clause_like(block: Block, text: str) -> bool:
    if block.label is not None:
        return block.label.kind == "bullet"
    return shape_text(text).endswith((",", ";", "; and", "; or")) or is_preambular(lead(text))


def _is_editorial_note(text: str) -> bool:
    """'[matter omitted]', '[...]': an editor's note standing between clauses."""
    return BRACKETED_LINE.match(text) is not None and len(text) <= _MAX_NOTE_CHARS


def _item_blocks(item: _Item) -> set[int]:
    out = set(item.blocks)
    for child in item.children:
        out |= _item_blocks(child)
    return out


def _section_for(
    source: str, blocks: list[Block], texts: list[str], taken: set[int], op_list: _List,
    prev_end: int, warnings: list[ParseWarning], preamble: dict[int, list[int]], lead_ins: set[int],
) -> tuple[Section, set[int]]:
    consumed = set(range(op_list.start, op_list.end)) - op_list.notes

    def free(k: int) -> bool:
        return k > prev_end and k not in taken

    def span(k: int) -> TextSpan:
        text, whole = _whole(source, blocks[k], texts[k])
        return TextSpan(text=text, span=whole)

    k = op_list.start - 1
    introduction = None
    if free(k) and _is_intro(blocks[k], texts[k]) and not is_heading_like(blocks[k], texts[k]):
        introduction = span(k)
        consumed.add(k)
        k -= 1
    first_consideration = k + 1
    while free(k) and (_is_clause_like(blocks[k], texts[k]) or k in preamble or k in lead_ins):
        k -= 1
    clause_idx = [c for c in range(k + 1, first_consideration) if c not in lead_ins]
    formula = None
    if clause_idx and _is_formula(blocks[clause_idx[0]], texts[clause_idx[0]]):
        formula = span(clause_idx.pop(0))
    elif free(k) and _is_formula(blocks[k], texts[k]):
        formula = span(k)
        consumed.add(k)
        k -= 1
    consumed.update(c for c in range(k + 1, first_consideration) if c not in lead_ins)

    # A mover's line ('Ms X: Chairperson, I move without notice:') and a parenthesised
    # subtitle ('(Draft Resolution)') may stand between a heading and its clauses; they stay
    # narrative.
    m = k
    while m > k - _MAX_INTERSTITIAL and free(m) and blocks[m].label is None and (
            texts[m].endswith(":") or PARENTHESISED_LINE.match(texts[m])):
        m -= 1
    if m != k and free(m) and is_heading_like(blocks[m], texts[m]) and not is_never_title(texts[m]):
        k = m
    heading_blocks: list[int] = []
    while free(k) and is_heading_like(blocks[k], texts[k]) and not is_never_title(texts[k]) and (
            not heading_blocks or (not blocks[k + 1].gap_before and not blocks[k].marked_heading
                                   and not blocks[heading_blocks[0]].marked_heading)):
        if heading_blocks and _is_lead_in(blocks[k], texts[k]):
            break  # "... for the section on" announces the heading below it
        heading_blocks.insert(0, k)
        k -= 1
    prefix = None
    if heading_blocks and free(k) and not blocks[heading_blocks[0]].gap_before and _is_lead_in(blocks[k], texts[k]):
        prefix = span(k)
        consumed.add(k)
    consumed.update(heading_blocks)

    considerations = [_consideration(source, blocks, texts, group)
                      for group in _clause_groups(blocks, texts, clause_idx, preamble)]
    items = list(op_list.items)
    # Old style: the preamble shares the operative numbering ('1. Recalling ...,').
    while len(items) > 1 and not items[0].children and is_preambular(lead(texts[items[0].blocks[0]])):
        first = items.pop(0)
        label = first.label
        text, connectives = _group_text(source, [blocks[b] for b in first.blocks], with_labels=False)
        considerations.append(Consideration(
            text=text, span=(blocks[first.blocks[0]].text_start, blocks[first.blocks[-1]].end),
            label=label.printed if label else None, label_span=label.span if label else None,
            lead=lead(texts[first.blocks[0]]), connectives=connectives))
    recommendations = [_recommendation(source, blocks, texts, item) for item in items]
    _check_numbering(items, blocks, warnings)
    section = Section(
        heading=text_of_group(source, [blocks[h] for h in heading_blocks])[0] or None,
        heading_span=(blocks[heading_blocks[0]].text_start, blocks[heading_blocks[-1]].end) if heading_blocks else None,
        heading_prefix=prefix,
        formula=formula,
        considerations=considerations,
        introduction=introduction,
        recommendations=recommendations,
    )
    return section, consumed


def _clause_groups(blocks: list[Block], texts: list[str], idx: list[int],
                   preamble: dict[int, list[int]]) -> list[list[int]]:
    """Considerations, one group of blocks each: a recital with its sub-items; an unlabelled
    line printed right under a clause that ends with a comma, and that opens no clause itself
    ('Production and Stockpiling of ...'), is the rest of that clause."""
    groups: list[list[int]] = []
    for c in idx:
        block = blocks[c]
        if c in preamble:
            if preamble[c][0] == c:
                groups.append(list(preamble[c]))
            continue
        if (groups and block.label is None and not block.gap_before and blocks[groups[-1][-1]].label is None
                and shape_text(texts[groups[-1][-1]]).endswith(",") and not is_preambular(lead(texts[c]))
                and not _is_operative_paragraph(block, texts[c])):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _consideration(source: str, blocks: list[Block], texts: list[str], group: list[int]) -> Consideration:
    first = blocks[group[0]]
    text, connectives = _group_text(source, [blocks[c] for c in group], with_labels=True)
    return Consideration(
        text=text, span=(first.text_start, blocks[group[-1]].end),
        label=first.label.printed if first.label else None, label_span=first.label.span if first.label else None,
        lead=lead(texts[group[0]]), connectives=connectives,
    )


def _is_lead_in(block: Block, text: str) -> bool:
    return (block.label is None and block.line_count == 1 and len(text) <= _MAX_LEAD_IN_CHARS
            and text[:1].isupper() and HEADING_LEAD_IN.search(text) is not None)


def _recommendation(source: str, blocks: list[Block], texts: list[str], item: _Item) -> Recommendation:
    text, connectives = _group_text(source, [blocks[b] for b in item.blocks], with_labels=False)
    start = blocks[item.blocks[0]].text_start
    end = blocks[item.blocks[-1]].end
    return Recommendation(
        text=text, span=(start, end), number=item.value if item.kind not in ("bullet", "para") else None,
        label=item.label.printed if item.label else None, label_span=item.label.span if item.label else None,
        lead=lead(text), connectives=connectives,
        items=[_recommendation(source, blocks, texts, child) for child in item.children],
    )


def _check_numbering(items: list[_Item], blocks: list[Block], warnings: list[ParseWarning]) -> None:
    numbers = [item for item in items if item.kind == "number" and item.value and item.label]
    for before, after in zip(numbers, numbers[1:]):
        if before.value and after.value and int(after.value) != int(before.value) + 1:
            warnings.append(ParseWarning(
                code="numbering-gap", span=after.label.span,
                message=f"item {after.label.printed} follows item {before.label.printed}",
            ))

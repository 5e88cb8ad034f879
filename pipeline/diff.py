"""A structural diff of two extractions, for regression review.

`diff_documents(old, new)` compares two documents (dicts, as in the JSON) part by part:
title, publication facts, narrative paragraphs, sections, and in each section its heading,
formula, introduction, considerations and recommendations (sub-items included), then the
removed lines (counted by reason) and the warnings (by code). Parts are matched by their
ids where they have them (a section by its heading, a recommendation by its number, path
included: `2.b`) and otherwise by position in the alignment of their texts; a matched part
whose text differs is `changed`, with a word-level difference. Spans are not compared:
a document re-parsed from an edited source moves every offset.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

_SIMILAR = 0.5  # below this word similarity, a replaced part is a removal and an addition


@dataclass(frozen=True)
class Change:
    where: str
    """Readable place: 'section 2 "Heading" > recommendation 3'."""
    change: str
    """'added', 'removed' or 'changed'."""
    kind: str
    """'title', 'metadata', 'paragraph', 'section', 'heading', 'formula', 'introduction',
    'consideration', 'recommendation', 'chrome', 'warnings'."""
    old: str | None = None
    new: str | None = None
    words: str | None = None
    """For 'changed': the new text with [-removed words-] and {+added words+} marked."""

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class _Diff:
    changes: list[Change] = field(default_factory=list)

    def text(self, where: str, kind: str, old: str | None, new: str | None) -> None:
        if old == new:
            return
        if old is None:
            self.changes.append(Change(where, "added", kind, new=new))
        elif new is None:
            self.changes.append(Change(where, "removed", kind, old=old))
        else:
            self.changes.append(Change(where, "changed", kind, old, new, word_diff(old, new)))


def word_diff(old: str, new: str) -> str:
    """The new text with [-removed-] and {+added+} words, as `git diff --word-diff` shows."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(a[i1:i2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio() >= _SIMILAR


def _align(old: Sequence[Any], new: Sequence[Any], key) -> Iterator[tuple[Any | None, Any | None]]:  # type: ignore[no-untyped-def]
    """Pairs (old, new), (old, None) for a removal, (None, new) for an addition: the two lists
    aligned on their keys; within a replaced stretch, parts pair by position while their
    texts are similar."""
    keys_a, keys_b = [key(x) for x in old], [key(x) for x in new]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if op == "equal":
            yield from zip(old[i1:i2], new[j1:j2])
            continue
        a, b = list(old[i1:i2]), list(new[j1:j2])
        while a and b and _similar(_text(a[0]), _text(b[0])):
            yield a.pop(0), b.pop(0)
        for x in a:
            yield x, None
        for y in b:
            yield None, y


def _text(part: Any) -> str:
    if isinstance(part, dict):
        return part.get("text") or part.get("heading") or ""
    return str(part)


def _number_key(rec: dict[str, Any]) -> str:
    # Numbered items match on their number (the id a reader uses); others on their text.
    return f"#{rec['number']}" if rec.get("number") else rec["text"]


def diff_documents(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    d = _Diff()
    d.text("title", "title", old.get("title"), new.get("title"))
    for name in ("publisher", "place", "date", "attribution"):
        d.text(f"metadata.{name}", "metadata", (old["metadata"].get(name) or {}).get("text"),
               (new["metadata"].get(name) or {}).get("text"))
    for i, (a, b) in enumerate(_align(old["paragraphs"], new["paragraphs"], key=lambda p: p["text"])):
        d.text(f"paragraph {i + 1}", "paragraph", a and a["text"], b and b["text"])
    sections = list(_align(old["sections"], new["sections"], key=lambda s: s.get("heading") or ""))
    for n, (a, b) in enumerate(sections, 1):
        label = f'section {n} "{_short((b or a).get("heading") or "")}"' if (b or a).get("heading") else f"section {n}"
        if a is None or b is None:
            part = a or b
            summary = f'{part.get("heading") or "(no heading)"}: {len(part["considerations"])} considerations, ' \
                      f'{_count(part["recommendations"])} recommendations'
            d.changes.append(Change(label, "added" if a is None else "removed", "section",
                                    old=summary if b is None else None, new=summary if a is None else None))
            continue
        _section(d, label, a, b)
    _counted(d, "chrome", Counter(c["reason"] for c in old["chrome"]), Counter(c["reason"] for c in new["chrome"]))
    _counted(d, "warnings", Counter(w["code"] for w in old["warnings"]), Counter(w["code"] for w in new["warnings"]))
    return d.changes


def _section(d: _Diff, label: str, a: dict[str, Any], b: dict[str, Any]) -> None:
    d.text(f"{label} > heading", "heading", a.get("heading"), b.get("heading"))
    for part in ("heading_prefix", "formula", "introduction"):
        d.text(f"{label} > {part.replace('_', ' ')}", "introduction" if part == "introduction" else "formula",
               (a.get(part) or {}).get("text"), (b.get(part) or {}).get("text"))
    for i, (x, y) in enumerate(_align(a["considerations"], b["considerations"], key=lambda c: c["text"]), 1):
        d.text(f"{label} > consideration {i}", "consideration", x and x["text"], y and y["text"])
    _recommendations(d, label, a["recommendations"], b["recommendations"], "")


def _recommendations(d: _Diff, label: str, old: list[dict[str, Any]], new: list[dict[str, Any]], prefix: str) -> None:
    for i, (x, y) in enumerate(_align(old, new, key=_number_key), 1):
        part = y or x
        number = prefix + (part.get("number") or f"#{i}")
        where = f"{label} > recommendation {number}"
        d.text(where, "recommendation", x and _with_label(x), y and _with_label(y))
        if x is not None and y is not None:
            _recommendations(d, label, x["items"], y["items"], number + ".")
        elif (x or y)["items"]:
            for item in (x or y)["items"]:
                d.text(f"{where}.{item.get('number') or '#'}", "recommendation",
                       _with_label(item) if y is None else None, _with_label(item) if x is None else None)


def _with_label(rec: dict[str, Any]) -> str:
    return f"{rec['label']} {rec['text']}" if rec.get("label") else rec["text"]


def _counted(d: _Diff, kind: str, old: Counter[str], new: Counter[str]) -> None:
    if old == new:
        return
    parts = [f"{'+' if new[k] > old[k] else '-'}{abs(new[k] - old[k])} {k}"
             for k in sorted(set(old) | set(new)) if new[k] != old[k]]
    d.changes.append(Change(kind, "changed", kind, str(sum(old.values())), str(sum(new.values())), ", ".join(parts)))


def _count(recs: list[dict[str, Any]]) -> int:
    return sum(1 + _count(r["items"]) for r in recs)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def render(name: str, changes: list[Change]) -> list[str]:
    """The changes of one document as indented lines for a terminal."""
    lines = [f"{name}: {len(changes)} change(s)"]
    for c in changes:
        sign = {"added": "+", "removed": "-", "changed": "~"}[c.change]
        if c.change == "changed":
            lines.append(f"  {sign} {c.where}: {c.words}" + (f" (was {c.old}, now {c.new})" if c.kind in ("chrome", "warnings") else ""))
        else:
            lines.append(f"  {sign} {c.where}: {_short(c.new if c.change == 'added' else c.old or '', 160)}")
    return lines

"""Small documents of each shape, checked against hand-reviewed expected files.

`NAME.expected.json` beside each fixture holds the parts a reader checks by eye (no spans:
those are checked for every item by test_invariants). Rewrite them with
`pytest --update-golden` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.model import Recommendation
from pipeline.run import extract

from .conftest import DOCUMENTS


def _rec(rec: Recommendation) -> dict[str, Any]:
    out: dict[str, Any] = {"number": rec.number, "label": rec.label, "text": rec.text}
    if rec.connectives:
        out["connectives"] = [c.text for c in rec.connectives]
    if rec.items:
        out["items"] = [_rec(item) for item in rec.items]
    return out


def summarize(path: Path) -> dict[str, Any]:
    doc = extract(path.read_bytes(), path.name)
    meta = doc.metadata
    return {
        "title": doc.title,
        "metadata": {
            "publisher": meta.publisher.text if meta.publisher else None,
            "place": meta.place.text if meta.place else None,
            "date": meta.date.iso if meta.date else None,
            "attribution": meta.attribution.text if meta.attribution else None,
            "dates": [[d.iso, d.role] for d in meta.dates],
        },
        "paragraphs": [[p.role, p.text] for p in doc.paragraphs],
        "sections": [
            {
                "heading": s.heading,
                "heading_prefix": s.heading_prefix.text if s.heading_prefix else None,
                "formula": s.formula.text if s.formula else None,
                "considerations": [[c.label, c.lead, c.text, *[x.text for x in c.connectives]] for c in s.considerations],
                "introduction": s.introduction.text if s.introduction else None,
                "recommendations": [_rec(r) for r in s.recommendations],
            }
            for s in doc.sections
        ],
        "chrome": [[c.reason, c.text] for c in doc.chrome],
        "warnings": [w.code for w in doc.warnings],
    }


FIXTURES = sorted(p for p in DOCUMENTS.iterdir() if not p.name.endswith(".json"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fixture_document(path: Path, update_golden: bool) -> None:
    expected_path = path.with_name(path.name + ".expected.json")
    got = summarize(path)
    if update_golden:
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert expected_path.exists(), f"{expected_path.name} missing: run pytest --update-golden and review it"
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


def test_a_page_dump_keeps_its_headline_as_the_title() -> None:
    """The headline is the title even with a standfirst, an author and a picture between it
    and the article (the case file tests/fixtures/chrome_cases.txt holds the same page)."""
    from .test_chrome import _cases

    text = next(t for name, t, _ in _cases() if name.startswith("the headline of a page dump"))
    doc = extract(text.encode("utf-8"), "dump.txt")
    assert doc.title == "Library opens after two years of building work"

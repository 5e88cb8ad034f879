"""The seed end to end: against ../shared/seed/expected.json, and from raw/ without ../shared."""

from __future__ import annotations

import json

from pipeline.evaluate import compare, flat_text
from pipeline.normalize import normalize
from pipeline.run import extract

from .conftest import RAW, SEED, need_shared

SEED_RAW = RAW / "diplomatic-society-2017-anti-corruption-conference-recommendations.txt"


def test_seed_matches_expected_exactly() -> None:
    raw = need_shared(SEED / "raw.txt")
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    doc = extract(raw.read_bytes(), "seed.txt")
    assert doc.title == expected["title"]
    assert len(doc.sections) == len(expected["sections"])
    for got, exp in zip(doc.sections, expected["sections"]):
        assert got.heading == exp["heading"]
        # Expected texts are as printed; ours are normalized (the Cyrillic 'с' is repaired).
        assert [c.text for c in got.considerations] == [normalize(t) for t in exp["considerations"]]
        assert [(r.number, flat_text(r)) for r in got.recommendations] == [
            (r["number"], normalize(r["text"])) for r in exp["recommendations"]
        ]
    assert compare(doc, expected, "seed", raw.read_text(encoding="utf-8")).exact


def test_seed_chrome_is_removed_and_never_inside_kept_text() -> None:
    raw = need_shared(SEED / "raw.txt")
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    doc = extract(raw.read_bytes(), "seed.txt")
    removed = {c.text for c in doc.chrome}
    kept = [doc.title or ""] + [p.text for p in doc.paragraphs] + [
        t for s in doc.sections
        for t in [s.heading or ""] + [c.text for c in s.considerations] + [r.text for r in s.recommendations]
    ]
    for line in expected["chrome"]:
        assert any(normalize(line) in text for text in removed), line
        assert not any(normalize(line) in text for text in kept), line


def test_seed_counts_from_raw() -> None:
    doc = extract(SEED_RAW.read_bytes(), SEED_RAW.name)
    assert [len(s.considerations) for s in doc.sections] == [3, 4, 5]
    assert [len(s.recommendations) for s in doc.sections] == [6, 7, 5]
    assert all(s.introduction is not None for s in doc.sections)
    assert [s.heading_prefix is not None for s in doc.sections] == [True, True, True]
    assert doc.title == "United efforts against corruption yield positive results"
    meta = doc.metadata
    assert meta.publisher is not None and meta.publisher.text == "The Diplomatic Society"
    assert meta.place is not None and meta.place.text == "Astana"
    assert meta.date is not None and meta.date.iso == "2017-12-08"
    assert meta.attribution is not None and meta.attribution.text == "Embassy of Kazakhstan in Pretoria, South Africa"
    assert [d.iso for d in meta.dates] == ["2017-12-08", "2018-08"]
    assert [w.code for w in doc.warnings] == ["homoglyph-repaired"]
    assert doc.sections[2].considerations[0].text.startswith("considering that")
    assert {c.reason for c in doc.chrome} >= {"site-name", "widget", "photo-credit", "separator-rule",
                                              "stray-word", "copyright", "whitespace-only"}
    assert {c.text: c.reason for c in doc.chrome}["Translater"] == "stray-word"

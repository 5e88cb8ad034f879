"""Shared helpers: where documents are, and how to walk every item of a Document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.model import Document, Recommendation

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DOCUMENTS = FIXTURES / "documents"
RAW = ROOT / "raw"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
CORPUS = SHARED / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the expected files of tests/fixtures from the current parser")
    parser.addoption("--update-gate", action="store_true",
                     help="rewrite tests/corpus_gate.json from the current results (raising pins only)")
    parser.addoption("--allow-lower", action="store_true",
                     help="with --update-gate: allow pins to go down (shows up in review)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: third-party documents live in ../shared beside the project")
    return path


def walk_recommendations(recs: list[Recommendation]) -> Iterator[Recommendation]:
    for rec in recs:
        yield rec
        yield from walk_recommendations(rec.items)


def all_spans(doc: Document) -> Iterator[tuple[str, str | None, tuple[int, int]]]:
    """(kind, text, span) for every span-carrying part of the document."""
    if doc.title_span:
        yield "title", doc.title, doc.title_span
    meta = doc.metadata
    for name in ("publisher", "place", "attribution"):
        part = getattr(meta, name)
        if part:
            yield name, part.text, part.span
    for date in meta.dates:
        yield "date", date.text, date.span
    for para in doc.paragraphs:
        yield "paragraph", para.text, para.span
    for section in doc.sections:
        if section.heading_span:
            yield "heading", section.heading, section.heading_span
        for part in (section.heading_prefix, section.formula, section.introduction):
            if part:
                yield "section-part", part.text, part.span
        for cons in section.considerations:
            yield "consideration", cons.text, cons.span
            if cons.label_span:
                yield "label", cons.label, cons.label_span
            for part in cons.connectives:
                yield "connective", part.text, part.span
        for rec in walk_recommendations(section.recommendations):
            yield "recommendation", rec.text, rec.span
            if rec.label_span:
                yield "label", rec.label, rec.label_span
            for part in rec.connectives:
                yield "connective", part.text, part.span
    for chrome in doc.chrome:
        yield "chrome", chrome.text, chrome.span


def test_documents() -> list[tuple[str, Path]]:
    """Every document the invariant tests run on: fixtures, raw/, and ../shared when present."""
    docs = [(p.name, p) for p in sorted(DOCUMENTS.iterdir()) if not p.name.endswith(".json")]
    docs += [(f"raw/{p.name}", p) for p in sorted(RAW.iterdir())]
    if SEED.exists():
        docs.append(("shared/seed", SEED / "raw.txt"))
    if CORPUS.exists():
        for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
            for raw in (folder / "raw.txt", folder / "raw.html"):
                if raw.exists():
                    docs.append((f"corpus/{folder.name}", raw))
    return docs


test_documents.__test__ = False  # type: ignore[attr-defined]


def check_invariants(doc: Document, source: str) -> None:
    """What must hold for every document: spans in range; every span's slice (chrome lines
    blanked) normalizes to the item's text; labels slice to themselves; every non-blank
    source line is accounted for; normalizing a text again changes nothing."""
    from pipeline.lines import split_lines
    from pipeline.normalize import normalize

    blanked = list(source)
    for chrome in doc.chrome:
        for i in range(*chrome.span):
            blanked[i] = " "
    blank = "".join(blanked)
    covered = bytearray(len(source) + 1)
    for kind, text, (start, end) in all_spans(doc):
        assert 0 <= start <= end <= len(source), (kind, text)
        covered[start:end] = b"\x01" * (end - start)
        if kind == "label":
            assert source[start:end] == text
        elif kind in ("chrome", "publisher"):
            assert normalize(source[start:end]) == text
        elif kind == "recommendation" and text == "":
            assert not normalize(blank[start:end])
        else:
            assert normalize(blank[start:end]) == text, (kind, text)
        if text is not None:
            assert normalize(text) == text or kind in ("label",), (kind, text)
    for line in split_lines(source):
        if line.is_empty or line.is_blank:
            continue
        start, end = line.content_span()
        assert any(covered[start:end]), f"line {line.index + 1} is lost: {line.raw!r}"

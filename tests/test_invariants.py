"""Invariants on every test document: fixtures, raw/, and ../shared documents when present.

- the output validates against the committed schema (and pydantic round-trips it);
- every span is in range, and its slice (chrome lines blanked) normalizes to the item's text;
- every label span slices to the printed label;
- every non-empty source line is accounted for: in structure, narrative, metadata or chrome;
- two runs give identical bytes; normalizing a text again changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.load import load
from pipeline.model import Document
from pipeline.normalize import normalize
from pipeline.run import extract
from pipeline.validate import is_valid, schema_errors
from pipeline.write import to_json

from .conftest import all_spans, check_invariants, test_documents

DOCS = test_documents()


def _extract(path: Path) -> Document:
    try:
        return extract(path.read_bytes(), path.name)
    except PipelineError as exc:  # a documented refusal is allowed, never a crash
        pytest.skip(f"refused as documented: {exc}")


@pytest.mark.parametrize("name, path", DOCS, ids=[d[0] for d in DOCS])
def test_output_validates_and_round_trips(name: str, path: Path) -> None:
    doc = _extract(path)
    dumped = doc.model_dump(mode="json")
    assert schema_errors(dumped) == [] and is_valid(dumped)  # both validators agree
    assert Document.model_validate_json(to_json(dumped)) == doc


@pytest.mark.parametrize("name, path", DOCS, ids=[d[0] for d in DOCS])
def test_spans_cover_their_text_and_every_line_is_accounted_for(name: str, path: Path) -> None:
    doc = _extract(path)
    check_invariants(doc, load(path.read_bytes(), path.name).text)


@pytest.mark.parametrize("name, path", DOCS, ids=[d[0] for d in DOCS])
def test_two_runs_same_bytes_and_normalized_texts_are_stable(name: str, path: Path) -> None:
    first = to_json(_extract(path).model_dump(mode="json"))
    second = to_json(_extract(path).model_dump(mode="json"))
    assert first == second
    for _, text, _ in all_spans(_extract(path)):
        if text is not None:
            assert normalize(text) == normalize(normalize(text))
    assert json.loads(first)["schema_version"] == "1.0.0"

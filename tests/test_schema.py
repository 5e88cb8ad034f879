import json

import pytest

from jsonschema import Draft202012Validator

from pipeline.model import SCHEMA_DIALECT, SCHEMA_ID, json_schema
from pipeline.validate import SCHEMA_PATH, is_valid, schema_errors

from .conftest import ROOT


def test_committed_schema_matches_the_models() -> None:
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == json_schema(), "schemas/ drifted from pipeline/model.py: run `make schema` and commit"


def test_schema_is_valid_draft_2020_12_with_id() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == SCHEMA_DIALECT and schema["$id"] == SCHEMA_ID


def test_committed_outputs_validate() -> None:
    outputs = sorted((ROOT / "output").rglob("*.json"))
    assert outputs, "output/ holds no JSON"
    for path in outputs:
        assert schema_errors(json.loads(path.read_text(encoding="utf-8"))) == [], path


def test_every_error_is_reported_by_json_path() -> None:
    doc = json.loads(sorted((ROOT / "output").rglob("*.json"))[0].read_text(encoding="utf-8"))
    doc["title"] = 5
    doc["sections"][0]["recommendations"][0]["number"] = 1
    del doc["chrome"]
    errors = schema_errors(doc)
    assert not is_valid(doc)  # the compiled validator rejects what jsonschema rejects
    assert len(errors) == 3
    assert errors[0].startswith("$: 'chrome' is a required property")
    assert any(e.startswith("$.sections[0].recommendations[0].number:") for e in errors)
    assert any(e.startswith("$.title: 5 is not valid") for e in errors)


@pytest.mark.parametrize("mutation", [
    lambda d: d.update(schema_version="2.0.0"),
    lambda d: d["source"].update(sha256="xyz"),
    lambda d: d["chrome"].append({"text": "x", "span": [0, 1], "reason": "made-up"}),
    lambda d: d["sections"][0]["considerations"][0].update(span=[1]),
    lambda d: d.update(extra_field=1),
    lambda d: d["metadata"].update(dates=[{"text": "x", "span": [0, 1], "iso": "2017-1", "role": "issue"}]),
])
def test_both_validators_reject_the_same_broken_documents(mutation) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(sorted((ROOT / "output").rglob("*.json"))[0].read_text(encoding="utf-8"))
    mutation(doc)
    assert not is_valid(doc)
    assert schema_errors(doc)

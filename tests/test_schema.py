import json

from jsonschema import Draft202012Validator

from pipeline.model import SCHEMA_DIALECT, SCHEMA_ID, json_schema
from pipeline.validate import SCHEMA_PATH, schema_errors

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
    assert len(errors) == 3
    assert errors[0].startswith("$: 'chrome' is a required property")
    assert any(e.startswith("$.sections[0].recommendations[0].number:") for e in errors)
    assert any(e.startswith("$.title: 5 is not valid") for e in errors)

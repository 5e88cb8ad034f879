"""Stage 6, validate: every document is checked against the committed JSON Schema.

The schema file is read and checked once, and the validator is built once per process.
Errors are reported by JSON path, sorted, every one of them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .errors import SchemaValidationError

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "document.schema.json"


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(instance: Any) -> list[str]:
    """Every schema error as 'json.path: message', sorted by path."""
    errors = sorted(_validator().iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{e.json_path}: {e.message}" for e in errors]


def validate(instance: Any, path: str) -> None:
    """Raise `SchemaValidationError` naming `path` when `instance` breaks the schema."""
    errors = schema_errors(instance)
    if errors:
        raise SchemaValidationError(path, errors)

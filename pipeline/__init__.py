"""Raw published documents -> clean, validated, structured JSON.

Public verbs: `extract` (bytes -> Document), `json_schema` (the output contract).
They are imported on first use, so that `python -m pipeline --help` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    InputError,
    PipelineError,
    SchemaValidationError,
    StructureError,
    UnsupportedFormatError,
    UsageError,
)

if TYPE_CHECKING:
    from .model import Document, json_schema
    from .run import extract

__all__ = [
    "Document",
    "InputError",
    "PipelineError",
    "SchemaValidationError",
    "StructureError",
    "UnsupportedFormatError",
    "UsageError",
    "extract",
    "json_schema",
]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from .run import extract

        return extract
    if name in ("Document", "json_schema"):
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")

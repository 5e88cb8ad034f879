"""Raw published documents -> clean, validated, structured JSON.

Public verbs: `extract` (bytes -> Document), `json_schema` (the output contract).
"""

from .errors import InputError, PipelineError, SchemaValidationError, StructureError, UnsupportedFormatError
from .model import Document, json_schema
from .run import extract

__all__ = [
    "Document",
    "InputError",
    "PipelineError",
    "SchemaValidationError",
    "StructureError",
    "UnsupportedFormatError",
    "extract",
    "json_schema",
]

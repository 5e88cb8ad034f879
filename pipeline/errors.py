"""One exception hierarchy for the whole pipeline.

Every message names the file, the position in the original input when there is one,
what was found and what was expected, so that the CLI can print it as one line.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base of every error the library raises on purpose."""

    def __init__(self, path: str, problem: str, *, position: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.position = position
        where = f"{path}" if position is None else f"{path}:@{position}"
        super().__init__(f"{where}: {problem}")


class UsageError(PipelineError):
    """A command cannot run as asked: `path` names the option ('--dask-scheduler'), the
    problem says what is missing (an optional dependency, an unreachable scheduler)."""


class InputError(PipelineError):
    """The bytes cannot be read as a document: empty, undecodable, unsupported format."""


class UnsupportedFormatError(InputError):
    """The input is of a format the pipeline recognises but does not handle (yet)."""


class StructureError(PipelineError):
    """The document was read but its structure breaks an invariant of the parser."""


class SchemaValidationError(PipelineError):
    """The produced document does not validate against the committed JSON Schema."""

    def __init__(self, path: str, errors: list[str]) -> None:
        self.errors = errors
        shown = "; ".join(errors[:3]) + (f" (+{len(errors) - 3} more)" if len(errors) > 3 else "")
        super().__init__(path, f"output does not match the schema: {shown}")

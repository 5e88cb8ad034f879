"""The pipeline as one short, ordered list of named steps.

    load -> split lines -> strip chrome -> segment blocks -> refine blocks -> normalize texts
         -> metadata -> structure -> assemble Document -> validate

`extract(data, path)` runs them all; each step is a pure function of the steps before it, so
a test can run any prefix (see `tests/test_stages.py`).
"""

from __future__ import annotations

from .blocks import refine, segment
from .chrome import strip_chrome
from .lines import split_lines
from .load import load
from .metadata import find_metadata
from .model import Document, ParseWarning
from .normalize import normalize_pieces
from .structure import build_structure
from .validate import validate


def extract(data: bytes, path: str) -> Document:
    """Bytes of one input (at `path`, relative to its input root) -> a validated Document."""
    loaded = load(data, path)
    lines = split_lines(loaded.text)
    chrome = strip_chrome(loaded.text, lines, loaded.source.media_type)
    blocks = refine(segment(loaded.text, chrome), loaded.text)
    texts: list[str] = []
    warnings: list[ParseWarning] = []
    for block in blocks:
        text, repairs = normalize_pieces(loaded.text, block.pieces)
        texts.append(text)
        warnings.extend(repairs)
    found = find_metadata(loaded.text, blocks, texts, chrome)
    structure = build_structure(loaded.text, blocks, texts, found.used)
    document = Document(
        source=loaded.source,
        title=found.title.text if found.title else None,
        title_span=found.title.span if found.title else None,
        metadata=found.metadata,
        paragraphs=structure.paragraphs,
        sections=structure.sections,
        chrome=list(chrome.removed),
        warnings=sorted(warnings + structure.warnings, key=lambda w: (w.span or (-1, -1), w.code)),
    )
    validate(document.model_dump(mode="json"), path)
    return document

"""The pipeline as one short, ordered list of named steps.

    load (HTML: render) -> split lines -> strip chrome -> segment blocks -> refine blocks
         -> normalize texts
         -> metadata -> structure -> assemble Document -> validate

`extract(data, path)` runs them all; each step is a pure function of the steps before it, so
a test can run any prefix (see `tests/test_stages.py`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .blocks import refine, segment
from .chrome import strip_chrome
from .config import Config, activate, site_text
from .lines import Line, split_lines
from .load import Loaded, load
from .metadata import find_metadata
from .model import Document, PageFacts, ParseWarning, SourceLine
from .normalize import normalize_pieces
from .structure import build_structure
from .validate import validate


def extract(data: bytes, path: str, config: Config | None = None, profile: str | None = None) -> Document:
    """Bytes of one input (at `path`, relative to its input root) -> a validated Document.
    `config` adds configured rules (the profile named, or the first whose match applies)."""
    return extract_with_json(data, path, config, profile)[0]


def extract_with_json(data: bytes, path: str, config: Config | None = None,
                      profile: str | None = None) -> tuple[Document, dict[str, Any]]:
    """`extract`, and the document as the JSON-ready dict it was validated as (so that a
    writer need not dump the model a second time)."""
    return extract_loaded(load(data, path), path, config, profile)


def extract_loaded(loaded: Loaded, path: str, config: Config | None = None,
                   profile: str | None = None) -> tuple[Document, dict[str, Any]]:
    """`extract_with_json` for an input already loaded (a caller that needs the text the
    spans point into, such as the review page, loads it once)."""
    if config is None and profile is None:
        return _extract(loaded, path)
    config = config or Config()
    meta = loaded.page.meta if loaded.page is not None else None
    name, rules = config.choose(path, site_text(loaded.text, meta and meta.site_name, meta and meta.title), profile)
    if name is not None:
        loaded = replace(loaded, source=loaded.source.model_copy(update={"profile": name}))
    with activate(rules):
        return _extract(loaded, path)


def _extract(loaded: Loaded, path: str) -> tuple[Document, dict[str, Any]]:
    lines = split_lines(loaded.text)
    chrome = strip_chrome(loaded.text, lines, loaded.source.media_type, _page_roles(loaded, lines))
    blocks = refine(segment(loaded.text, chrome), loaded.text)
    texts: list[str] = []
    warnings: list[ParseWarning] = []
    for block in blocks:
        text, repairs = normalize_pieces(loaded.text, block.pieces)
        texts.append(text)
        warnings.extend(repairs)
    if loaded.page is not None:
        warnings.extend(ParseWarning(code="markup-flattened", message=m, span=None) for m in loaded.page.warnings)
    if loaded.source.mojibake_repaired_from:
        warnings.append(ParseWarning(
            code="mojibake-repaired", span=None,
            message=f"the text was UTF-8 read as {loaded.source.mojibake_repaired_from} and saved again; "
                    "it was turned back into the original characters"))
    found = find_metadata(loaded.text, blocks, texts, chrome)
    structure = build_structure(loaded.text, blocks, texts, found.used)
    metadata = found.metadata
    source_map: list[SourceLine] = []
    if loaded.page is not None:
        facts = loaded.page.meta
        metadata = metadata.model_copy(update={"page": PageFacts(
            title=facts.title, site_name=facts.site_name, description=facts.description,
            published=facts.published, author=facts.author, url=facts.url)})
        source_map = [SourceLine(span=(ln.start, ln.end), element=ln.path) for ln in loaded.page.lines]
    document = Document(
        source=loaded.source,
        title=found.title.text if found.title else None,
        title_span=found.title.span if found.title else None,
        metadata=metadata,
        paragraphs=structure.paragraphs,
        sections=structure.sections,
        chrome=list(chrome.removed),
        warnings=sorted(warnings + structure.warnings, key=lambda w: (w.span or (-1, -1), w.code)),
        source_map=source_map,
    )
    dumped = document.model_dump(mode="json")
    validate(dumped, path)
    return document, dumped


def _page_roles(loaded: Loaded, lines: tuple[Line, ...]) -> dict[int, str]:
    """Line index -> role, for the lines of a rendered page that lie outside its main content."""
    if loaded.page is None:
        return {}
    by_start = {ln.start: ln.role for ln in loaded.page.lines if ln.role != "content"}
    return {line.index: by_start[line.start] for line in lines if line.start in by_start}

"""The output contract: frozen pydantic models, the single source of truth for the JSON Schema.

`schemas/document.schema.json` is generated from `Document` (``make schema``) and committed;
a test fails when the committed copy drifts from these models.

Spans are half-open ``[start, end)`` offsets in Unicode code points into the *decoded*
source text (after the byte-order mark, if any, is removed by decoding).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0.0"
SCHEMA_ID = "https://resolution-pipeline.invalid/schemas/document.schema.json"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

Span = Annotated[
    tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]],
    Field(description="Half-open [start, end) code-point offsets into the decoded source."),
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class Source(_Frozen):
    """Where the document came from and how its bytes were read."""

    path: str
    """Path of the input relative to the input root given on the command line (POSIX separators)."""
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    """SHA-256 of the raw input bytes, hex."""
    size_bytes: int = Field(ge=0)
    """Size of the raw input in bytes."""
    media_type: Literal["text/plain", "text/markdown", "text/html"]
    """Format the loader detected by sniffing the content (and the file suffix)."""
    encoding: str
    """Codec used to decode the bytes, e.g. 'utf-8', 'utf-8-sig' (UTF-8 with a byte-order mark),
    'cp1251' (detected)."""
    encoding_confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    """1.0 when the encoding is certain (a byte-order mark, valid UTF-8, a declared charset
    that decodes); the detector's confidence when it had to be guessed."""
    bom: bool
    """Whether the input started with a byte-order mark (it is not part of the decoded text)."""
    newline: Literal["LF", "CRLF", "CR", "mixed", "none"]
    """Line-ending convention found in the input (of the rendered text, for HTML)."""
    mojibake_repaired_from: str | None = None
    """The codec a mojibake text was repaired from ('cp1252'), or null; when set, spans point
    into the repaired text."""
    text_form: Literal["decoded", "rendered-html"] = "decoded"
    """What spans point into: the decoded input itself, or, for an HTML page, its visible text
    as rendered by the pipeline (see `source_map` for the element of every line)."""
    profile: str | None = None
    """The configuration profile applied to this document (`--config`), or null."""


class TextSpan(_Frozen):
    """A piece of kept text and where it is in the source."""

    text: str
    """Normalized text: Unicode NFC, whitespace runs collapsed to one space, hidden look-alike letters repaired."""
    span: Span


class Paragraph(TextSpan):
    """Narrative text outside the sections (article body, headings without clauses)."""

    role: Literal["body", "heading"]
    """'heading' for a short heading-like line that introduces no clauses of its own."""


class Consideration(TextSpan):
    """A preambular clause ('recognizing ...', 'Whereas ...'); the bullet, if any, is not in text."""

    label: str | None
    """The bullet or label as printed ('-', '•', '(a)'), or null when the clause is unlabelled."""
    label_span: Span | None
    lead: str
    """The clause's opening phrase in lower case ('recognizing', 'taking into account')."""
    connectives: list[TextSpan] = Field(default_factory=list)
    """Formula words printed with the clause but not part of it ('BE IT' before 'RESOLVED',
    'be it further' or 'NOW, THEREFORE,' after it)."""


class Recommendation(TextSpan):
    """An operative clause with its sub-items. `span` covers the clause text without its label
    and without its sub-items; `label_span` covers the printed label."""

    number: str | None
    """The label without punctuation ('1', 'a', 'iv'), or null when unnumbered or bulleted."""
    label: str | None
    """The label as printed ('1)', '2.', '(a)', '-'), or null when the clause is unlabelled."""
    label_span: Span | None
    lead: str
    """The clause's opening phrase in lower case ('to promote', 'urges', 'development')."""
    connectives: list[TextSpan] = Field(default_factory=list)
    """Formula words printed with the clause but not part of it ('BE IT' before 'RESOLVED',
    'be it further' after it)."""
    items: list[Recommendation] = Field(default_factory=list)
    """Sub-items, same shape, in printed order."""


class Section(_Frozen):
    """A heading with its considerations, list introduction and recommendations."""

    heading: str | None
    """The section heading as printed (lines joined with one space), or null."""
    heading_span: Span | None
    heading_prefix: TextSpan | None
    """A lead-in line printed above the heading that announces it ('... for the section on:')."""
    formula: TextSpan | None
    """An enacting formula printed before the considerations ('The General Assembly,')."""
    considerations: list[Consideration]
    introduction: TextSpan | None
    """The list introduction or enacting formula before the recommendations; neither a consideration nor a recommendation."""
    recommendations: list[Recommendation]


class ChromeLine(TextSpan):
    """A source line removed as page furniture, with the reason it was removed."""

    reason: Literal[
        "front-matter",
        "whitespace-only",
        "separator-rule",
        "stray-punctuation",
        "widget",
        "photo-credit",
        "copyright",
        "site-name",
        "stray-word",
        "menu",
        "footnote",
        "page-number",
        "running-header",
        "masthead",
        "archive-reference",
        "wrapper",
        "identifier",
        "navigation",
        "page-header",
        "page-footer",
        "sidebar",
        "form",
        "boilerplate",
        "outside-main",
        "caption",
        "stray-number",
        "timestamp",
        "image",
        "byline",
        "teaser",
        "cookie-notice",
        "promo",
        "configured",
    ]


class DateValue(TextSpan):
    """A date found in the document with its ISO 8601 value (YYYY, YYYY-MM or YYYY-MM-DD)."""

    iso: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    role: Literal["dateline", "issue", "other"]
    """'dateline': the date of the dateline; 'issue': a date line of its own outside the body; 'other': a date in a heading or metadata line."""


class PageFacts(_Frozen):
    """What an HTML page states about itself in its markup (<title>, og:/twitter: meta tags,
    JSON-LD, <time datetime>); null where the page says nothing."""

    title: str | None
    site_name: str | None
    description: str | None
    published: str | None
    """As the page gives it (ISO 8601 in well-made pages)."""
    author: str | None
    url: str | None


class SourceLine(_Frozen):
    """One line of a rendered HTML page and the element it was printed from."""

    span: Span
    element: str
    """XPath of the block element that holds the line ('/html/body/div[2]/p[3]')."""


class Metadata(_Frozen):
    """Facts about the publication; a fact the document does not give is null, never guessed."""

    publisher: TextSpan | None
    """The publisher or site name (from the masthead or the copyright line)."""
    place: TextSpan | None
    """The dateline place ('Astana')."""
    date: DateValue | None
    """The dateline date."""
    attribution: TextSpan | None
    """Who the text is attributed to (a signature or source line after the body)."""
    dates: list[DateValue]
    """Every date line of its own found outside the body, dateline included, in source order."""
    page: PageFacts | None = None
    """For an HTML page, what its markup says about it."""


class ParseWarning(_Frozen):
    """Something the pipeline repaired or could not decide; never fatal."""

    code: Literal["homoglyph-repaired", "no-structure", "numbering-gap", "markup-flattened", "mojibake-repaired"]
    message: str
    span: Span | None


class Document(_Frozen):
    """One input document as structured, validated data."""

    schema_version: Literal["1.0.0"] = SCHEMA_VERSION
    """Version of this output contract (semantic versioning)."""
    source: Source
    title: str | None
    """The document title as printed, or null."""
    title_span: Span | None
    metadata: Metadata
    paragraphs: list[Paragraph]
    sections: list[Section]
    chrome: list[ChromeLine]
    """Every removed line, with its span and reason: nothing disappears silently."""
    warnings: list[ParseWarning]
    source_map: list[SourceLine] = Field(default_factory=list)
    """For an HTML page: every rendered line with the element it came from (empty for text)."""


def json_schema() -> dict[str, object]:
    """The JSON Schema of `Document`, draft 2020-12, with `$schema` and `$id`."""
    schema = Document.model_json_schema(mode="serialization")
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **schema}

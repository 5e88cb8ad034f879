import pytest

from pipeline.blocks import segment
from pipeline.chrome import strip_chrome
from pipeline.lines import split_lines
from pipeline.metadata import find_metadata, parse_date
from pipeline.normalize import normalize_pieces


@pytest.mark.parametrize("text, iso", [
    ("8 December 2017", "2017-12-08"),
    ("8 Dec. 2017", "2017-12-08"),
    ("December 8, 2017", "2017-12-08"),
    ("Sept 1 2020", "2020-09-01"),
    ("August 2018", "2018-08"),
    ("2017-12-08", "2017-12-08"),
    ("31 February 2017", None),
    ("8 Decembre 2017", None),
    ("Chapter 2017", None),
])
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def _meta(text: str):  # type: ignore[no-untyped-def]
    lines = split_lines(text)
    chrome = strip_chrome(text, lines, "text/plain")
    blocks = segment(text, chrome)
    texts = [normalize_pieces(text, b.pieces)[0] for b in blocks]
    return find_metadata(text, blocks, texts, chrome)


def test_title_dateline_attribution_and_issue_date() -> None:
    text = ("Leaders agree on water plan\n\nLusaka, 2 May 2019\n\nLeaders met today.\n\n"
            "They recommend:\n1) to build wells;\n2) to train staff.\n\nOffice of the Chair\n\nJune 2019\n")
    found = _meta(text)
    meta = found.metadata
    assert found.title is not None and found.title.text == "Leaders agree on water plan"
    assert meta.place is not None and (meta.place.text, text[slice(*meta.place.span)]) == ("Lusaka", "Lusaka")
    assert meta.date is not None and (meta.date.iso, text[slice(*meta.date.span)]) == ("2019-05-02", "2 May 2019")
    assert meta.attribution is not None and meta.attribution.text == "Office of the Chair"
    assert [(d.iso, d.role) for d in meta.dates] == [("2019-05-02", "dateline"), ("2019-06", "issue")]


def test_what_a_document_lacks_is_null() -> None:
    found = _meta("We met and talked about the weather, which was fine.\n\nThen we went home.\n")
    meta = found.metadata
    assert found.title is None
    assert (meta.publisher, meta.place, meta.date, meta.attribution, meta.dates) == (None, None, None, None, [])


def test_a_closing_paragraph_is_not_an_attribution() -> None:
    found = _meta("Title\n\nIntro:\n1) one;\n2) two.\n\nThe meeting closed at noon after 3 hours.\n")
    assert found.metadata.attribution is None

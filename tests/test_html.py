"""HTML input: rendering, list numbering, page furniture, metadata, broken and odd markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.html import decode_html, render
from pipeline.load import load
from pipeline.run import extract

from .conftest import FIXTURES

HTML = FIXTURES / "html"


def _lines(markup: str) -> list[tuple[str, str]]:
    page = render(markup, "t.html")
    return [(page.text[ln.start:ln.end], ln.role) for ln in page.lines]


def _structure(doc):  # type: ignore[no-untyped-def]
    return [
        (s.heading, [c.text for c in s.considerations],
         [(r.number, r.text, [(i.number, i.text) for i in r.items]) for r in s.recommendations])
        for s in doc.sections
    ]


def test_the_same_resolution_as_html_and_as_text_gives_the_same_structure() -> None:
    page = extract((HTML / "resolution.html").read_bytes(), "resolution.html")
    text = extract((HTML / "resolution.txt").read_bytes(), "resolution.txt")
    assert _structure(page) == _structure(text)
    assert page.title == text.title == "Resolution on Ocean Literacy"
    assert page.sections[0].formula is not None and page.sections[0].formula.text == "The Assembly,"


def test_page_furniture_is_chrome_with_its_role_and_scripts_are_no_text() -> None:
    page = extract((HTML / "resolution.html").read_bytes(), "resolution.html")
    reasons = {c.text: c.reason for c in page.chrome}
    assert reasons["\u2022 Home"] == "navigation"
    assert reasons["Example Assembly"] == "page-header"
    assert reasons["Related"] == "sidebar"
    assert reasons["\u00a9 2024 Example Assembly. All rights reserved."] == "page-footer"
    assert reasons["Facebook Twitter"] == "boilerplate"
    everything = load((HTML / "resolution.html").read_bytes(), "r.html").text
    assert "Decides to do nothing" not in everything and "hidden things" not in everything and "color" not in everything


def test_page_metadata_and_source_map() -> None:
    page = extract((HTML / "resolution.html").read_bytes(), "resolution.html")
    facts = page.metadata.page
    assert facts is not None
    assert (facts.title, facts.site_name, facts.published, facts.author) == (
        "Resolution on Ocean Literacy", "Example Assembly", "2024-06-08", "A. Writer")
    assert page.source.text_form == "rendered-html"
    first = page.sections[0].recommendations[0]
    lines = [ln for ln in page.source_map if ln.span[0] <= first.span[0] < ln.span[1]]
    assert lines and lines[0].element == "/html/body/main/article/ol/li[1]"


@pytest.mark.parametrize("markup, expected", [
    ('<ol start="3"><li>c</li><li>d</li></ol>', ["3. c", "4. d"]),
    ('<ol type="a" start="2"><li>x</li><li value="5">y</li><li>z</li></ol>', ["b. x", "e. y", "f. z"]),
    ('<ol type="i"><li>x</li><li>y</li><li>z</li><li>w</li></ol>', ["i. x", "ii. y", "iii. z", "iv. w"]),
    ('<ol type="A"><li>x</li></ol>', ["A. x"]),
    ('<ol reversed start="3"><li>x</li><li>y</li></ol>', ["3. x", "2. y"]),
    ('<ol><li>x<ol><li>y</li></ol></li></ol>', ["1. x", "(1) y"]),
    ('<ul><li>x<ul><li>y</li></ul></li></ul>', ["\u2022 x", "\u2013 y"]),
])
def test_list_numbers_as_a_browser_computes_them(markup: str, expected: list[str]) -> None:
    assert [text for text, _ in _lines(f"<html><body>{markup}</body></html>")] == expected


def test_inline_elements_join_blocks_break_and_entities_decode() -> None:
    lines = _lines("<html><body><h2>twelf<span>th</span> &amp; last</h2>"
                   "<p>one<br>two &nbsp;three&#x21;</p><div>a <b>b</b>\n  c</div></body></html>")
    assert [t for t, _ in lines] == ["twelfth & last", "one", "two three!", "a b c"]


def test_broken_markup_still_renders() -> None:
    lines = _lines("<html><body><p>Unclosed <b>bold<p>Next paragraph<div><span>deep")
    assert [t for t, _ in lines] == ["Unclosed bold", "Next paragraph", "deep"]


@pytest.mark.parametrize("depth", [300, 5000, 100_000])
def test_deep_nesting_loses_no_text_and_says_so(depth: int) -> None:
    markup = "<html><body>" + "<div>" * depth + "<p>Deep text</p>" + "</div>" * depth + "</body></html>"
    page = render(markup, "deep.html")
    assert [page.text[ln.start:ln.end] for ln in page.lines] == ["Deep text"]
    assert bool(page.warnings) == (depth > 2048)


def test_declared_charsets_are_honoured() -> None:
    data = '<html><head><meta charset="windows-1251"></head><body><p>Решение</p></body></html>'.encode("cp1251")
    text, codec, bom = decode_html(data, "p.html")
    assert codec == "windows-1251" and "Решение" in text and not bom
    data = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>caf\xe9</body></html>'
    assert "caf\u00e9" in decode_html(data, "p.html")[0]
    assert load("\ufeff<html><body><p>x</p></body></html>".encode("utf-8"), "p.html").source.bom
    # bytes undefined in cp1252 (0x81) still decode, as Latin-1, and the codec says so
    assert decode_html(b"<html><body><p>\x81x\xe9</p></body></html>", "p.html")[1] == "latin-1"


def test_a_page_with_no_visible_text_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no visible text"):
        load(b"<html><body><script>1. Decides</script></body></html>", "empty.html")


def test_main_content_wins_over_comments_and_related_lists() -> None:
    article = "".join(f"<p>Paragraph {i} of the article, with enough words, commas, and length to count.</p>"
                      for i in range(6))
    comments = "".join(f"<p>Comment {i}, which is long enough, has commas, and says little at all.</p>"
                       for i in range(3))
    markup = (f"<html><body><div class='story-body'>{article}</div>"
              f"<div id='comments' class='comment-list'>{comments}</div></body></html>")
    roles = {"".join(text.replace(",", "").split()[:2]): role for text, role in _lines(markup)}
    assert roles["Paragraph0"] == "content" and roles["Paragraph5"] == "content"
    assert roles["Comment0"] != "content"


def test_text_printed_directly_in_a_container_scores_that_container() -> None:
    """An article body printed as text beside images and <br>s, not in <p>s, in a grid row
    whose other column is a long list of links: the body's own container is the main
    content, not the footer's one short address line (a grid like Bootstrap's)."""
    links = "".join(f"<li><a href='/archive/{i}'>Archive month {i} <span>(3)</span></a></li>" for i in range(150))
    body = ("The health team reported on Monday that two of its five cars were broken into overnight, "
            "their batteries taken, and the police came to look at the damage, the city said. "
            "Patients booked for the morning are being given new times, and the service expects to "
            "be back to normal by the afternoon, with the cars repaired by the end of the week.")
    markup = ("<html><body><div class='container'><div class='row'><div class='col-12'><div class='row'>"
              f"<div class='col-side'><ul>{links}</ul></div>"
              "<div class='col-main'><p class='title'>Cars broken into</p><small>5 October</small><br>"
              f"<img src='a.jpg'><img src='b.jpg'>{body}<br><br></div></div></div></div>"
              "<div class='row'><div class='col-12'><div>City Hall, 1 Main Street, Springfield, Phone 555-0100"
              "</div></div></div></div></body></html>")
    roles = {text[:20]: role for text, role in _lines(markup)}
    assert roles[body[:20]] == "content"
    assert roles["City Hall, 1 Main St"] != "content"
    assert roles["\u2022 Archive month 1 (3"] != "content"


def test_rendered_html_documents_keep_every_line(tmp_path: Path) -> None:
    doc = extract((HTML / "resolution.html").read_bytes(), "resolution.html")
    assert len(doc.source_map) == len([ln for ln in load((HTML / "resolution.html").read_bytes(), "r.html").page.lines])  # type: ignore[union-attr]

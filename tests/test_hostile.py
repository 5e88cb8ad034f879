"""Odd and hostile input: every case ends in a valid document or a documented error, the
invariants hold, and nothing outside the input is ever read."""

from __future__ import annotations

import pytest

from pipeline.errors import PipelineError
from pipeline.load import load
from pipeline.run import extract

from .conftest import check_invariants

RESOLUTION = "The Council,\n\nRecalling its work,\n\n1. Decides to act;\n2. Requests a report.\n"

TEXT_CASES = {
    "crlf": RESOLUTION.replace("\n", "\r\n"),
    "cr": RESOLUTION.replace("\n", "\r"),
    "tabs": RESOLUTION.replace(" ", "\t"),
    "form-feed page break": RESOLUTION.replace("1. Decides", "\f1. Decides"),
    "zero-width characters": RESOLUTION.replace("Decides", "De\u200bci\u200ddes"),
    "bom in the middle": RESOLUTION.replace("Requests", "\ufeffRequests"),
    "control characters": RESOLUTION.replace("act", "a\x01c\x07t"),
    "right-to-left marks": RESOLUTION.replace("Council", "\u200fCouncil\u200e"),
    "unicode line separators": RESOLUTION.replace("\n", "\u2028"),
    "one line": RESOLUTION.replace("\n", " "),
    "a 1 MB line": "The Council, " + "word " * 200_000 + "\n\n1. Decides to act.\n",
    "only labels": "1.\n2.\n(a)\n-\n",
    "only punctuation": "....\n----\n,,,,\n",
    "mixed scripts": "Решение\n\n1. Постановляет действовать;\n2. Просит доклад.\n",
}


@pytest.mark.parametrize("name", list(TEXT_CASES))
def test_odd_text_gives_a_valid_document_with_the_invariants(name: str) -> None:
    data = TEXT_CASES[name].encode("utf-8")
    try:
        doc = extract(data, "odd.txt")
    except PipelineError as exc:
        assert str(exc).startswith("odd.txt"), exc
        return
    check_invariants(doc, load(data, "odd.txt").text)


def test_the_resolution_survives_odd_whitespace_and_line_ends() -> None:
    for name in ("crlf", "cr", "tabs", "form-feed page break", "unicode line separators", "zero-width characters"):
        doc = extract(TEXT_CASES[name].encode("utf-8"), "odd.txt")
        assert [(r.number, r.text) for r in doc.sections[0].recommendations] == [
            ("1", "Decides to act;"), ("2", "Requests a report.")], name


def test_entity_expansion_bomb_is_not_expanded() -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{"&lol{};".format(i - 1 if i > 1 else "") * 10}">' for i in range(1, 10))
            + ']><html><body><p>Text &lol9; end.</p></body></html>')
    text = load(bomb.encode(), "bomb.html").text
    assert len(text) < 200 and "lollollol" not in text


def test_external_entities_are_never_resolved(tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT", encoding="utf-8")
    page = (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            '<html><body><p>Before &xxe; after.</p><img src="file:///etc/passwd"></body></html>')
    text = load(page.encode(), "xxe.html").text
    assert "TOP SECRET" not in text and "root:" not in text


def test_huge_attributes_and_unclosed_tags() -> None:
    page = '<html><body><div class="' + "x" * 1_000_000 + '"><p>Kept text.<p>Second<div><span>third'
    text = load(page.encode(), "huge.html").text
    assert text == "Kept text.\n\nSecond\n\nthird"


def test_script_text_that_looks_like_recommendations_is_no_text() -> None:
    page = ("<html><body><script>var s = '1. Decides to invade;\\n2. Requests a war.';</script>"
            "<p>The Council,</p><ol><li>Decides to meet again.</li></ol></body></html>")
    doc = extract(page.encode(), "s.html")
    assert [r.text for r in doc.sections[0].recommendations] == ["Decides to meet again."]

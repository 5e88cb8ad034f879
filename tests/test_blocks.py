import pytest

from pipeline.blocks import read_label, segment
from pipeline.chrome import strip_chrome
from pipeline.lines import Line, split_lines


@pytest.mark.parametrize("line, printed, value, kind", [
    ("1) to promote", "1)", "1", "number"),
    ("12. Urges", "12.", "12", "number"),
    ("1\\. Decides", "1\\.", "1", "number"),
    ("(3) to review", "(3)", "3", "number"),
    ("(a) to prepare", "(a)", "a", "letter"),
    ("b) the cost", "b)", "b", "letter"),
    ("iv. fourth", "iv.", "iv", "roman"),
    ("(iv) fourth", "(iv)", "iv", "roman"),
    ("(B) upper", "(B)", "B", "LETTER"),
    ("\u00a0\u00a0 1)\u00a0 text", "1)", "1", "number"),
    ("- recognizing", "-", None, "bullet"),
    ("-\u00a0\u00a0 recognizing", "-", None, "bullet"),
    ("• item", "•", None, "bullet"),
    ("\u2013 item", "\u2013", None, "bullet"),
    ("* item", "*", None, "bullet"),
])
def test_labels(line: str, printed: str, value: str | None, kind: str) -> None:
    label = read_label(Line(0, 0, len(line), line))
    assert label is not None
    assert (label.printed, label.value, label.kind) == (printed, value, kind)
    assert line[label.span[0]:label.span[1]] == printed


@pytest.mark.parametrize("line", ["2.5 million people", "1)x", "etc. and so on", "*Recalling* the", "Mr. Smith"])
def test_not_labels(line: str) -> None:
    assert read_label(Line(0, 0, len(line), line)) is None


def _texts(text: str) -> list[str]:
    chrome = strip_chrome(text, split_lines(text), "text/plain")
    return [b.raw_text(text) for b in segment(text, chrome)]


def test_one_paragraph_per_line_makes_every_line_a_block() -> None:
    text = "A first sentence that is long enough to matter here.\nA second one.\nAnd a third one here.\n"
    assert len(_texts(text)) == 3


def test_hard_wrapped_lines_are_joined() -> None:
    para = ("The committee considered the report of the working group on the roads\n"
            "and bridges of the region, and decided to take note of its findings\n"
            "on the state of the network in the northern provinces this year.\n\n")
    assert _texts(para * 3)[0].startswith("The committee considered") and len(_texts(para * 3)) == 3


def test_labels_and_colons_start_blocks() -> None:
    text = "The Council decides:\n(1) to act;\n(2) to report.\n"
    assert _texts(text) == ["The Council decides:", "to act;", "to report."]


def test_lower_case_run_on_joins_lines() -> None:
    text = "Considering that the measures were not carried out in full and\nthat the situation is worse,\n"
    assert len(_texts(text)) == 1


def test_a_year_opening_a_paragraph_is_narrative_not_a_list() -> None:
    from pipeline.run import extract

    doc = extract(b"Council news\n\n2017. The year in which the council met more often than ever.\n\n"
                  b"It met twelve times in all, twice in December.\n", "y.txt")
    assert doc.sections == []
    assert doc.paragraphs[0].text == "2017. The year in which the council met more often than ever."


def test_lists_longer_than_999_items_go_on() -> None:
    from pipeline.run import extract

    text = "The Council,\n\n" + "".join(f"{i}. Decides item {i};\n" for i in range(1, 1201))
    doc = extract(text.encode(), "long.txt")
    assert [r.number for r in doc.sections[0].recommendations][-2:] == ["1199", "1200"]

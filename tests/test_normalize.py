import pytest

from pipeline.normalize import normalize, normalize_pieces


def test_cyrillic_letter_hidden_in_a_latin_word_is_repaired_with_a_warning() -> None:
    source = "- \u0441onsidering that"
    text, warnings = normalize_pieces(source, [(2, len(source))])
    assert text == "considering that"
    assert len(warnings) == 1
    assert warnings[0].code == "homoglyph-repaired"
    assert warnings[0].span == (2, 3) and source[2] == "\u0441"
    assert "CYRILLIC SMALL LETTER ES" in warnings[0].message


def test_words_of_another_script_are_left_alone() -> None:
    assert normalize("Казахстан и Astana") == "Казахстан и Astana"
    assert normalize("Ελλάδα") == "Ελλάδα"


def test_whitespace_nbsp_zero_width_and_nfc() -> None:
    assert normalize(" a\u00a0\u00a0b \n\t c ") == "a b c"
    assert normalize("co\u200bordinate") == "coordinate"
    assert normalize("Cafe\u0301") == "Caf\u00e9"


@pytest.mark.parametrize("text", ["- \u0441onsidering\u00a0 x", "a\u200b b\u0301", "  ", "Ελλάδα Раз рaз"])
def test_normalizing_twice_changes_nothing(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


def test_pieces_join_with_one_space() -> None:
    source = "first line\n   second line"
    assert normalize_pieces(source, [(0, 10), (14, 25)])[0] == "first line second line"

"""Chrome rules, one readable case each in tests/fixtures/chrome_cases.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.chrome import strip_chrome
from pipeline.lines import split_lines

CASES = Path(__file__).parent / "fixtures" / "chrome_cases.txt"


def _cases() -> list[tuple[str, str, list[tuple[str, str]]]]:
    cases = []
    blocks = CASES.read_text(encoding="utf-8").split("@@ case: ")[1:]
    for block in blocks:
        name, rest = block.split("\n", 1)
        text, expect = rest.split("@@ expect\n", 1)
        expect = expect.split("@@ end")[0]
        expected = [tuple(part.strip() for part in line.split(" | ", 1)) for line in expect.splitlines() if line.strip()]
        cases.append((name.strip(), text, expected))  # type: ignore[arg-type]
    return cases


@pytest.mark.parametrize("name, text, expected", _cases(), ids=[c[0] for c in _cases()])
def test_chrome_case(name: str, text: str, expected: list[tuple[str, str]]) -> None:
    media = "text/markdown" if text.startswith("---\n") else "text/plain"
    result = strip_chrome(text, split_lines(text), media)
    assert [(c.reason, c.text) for c in result.removed] == [(r, t.strip()) for r, t in expected]


@pytest.mark.parametrize("name, text, expected", _cases(), ids=[c[0] for c in _cases()])
def test_every_nonempty_line_is_kept_or_removed(name: str, text: str, expected: list[tuple[str, str]]) -> None:
    lines = split_lines(text)
    result = strip_chrome(text, lines, "text/plain")
    kept = {line.index for line in result.kept}
    for line in lines:
        if not line.is_empty:
            assert (line.index in kept) != (line.index in result.reasons), line

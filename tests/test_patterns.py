"""Every regular expression of the pipeline against adversarial lines.

Patterns are written to match in linear time (see patterns.py). Each one here meets long
runs of the characters its quantifiers repeat, with the tail that makes a backtracking
engine try every split; a catastrophic pattern would not finish. No time is asserted
(speed belongs to the benchmark): finishing is the test.
"""

from __future__ import annotations

import re

import pytest

from pipeline import patterns

PATTERNS = {name: value for name, value in vars(patterns).items() if isinstance(value, re.Pattern)}
N = 20_000
ADVERSARIAL = [
    " " * N + "x", "\u00a0" * N + "!", "a" * N + "!", "A" * N + "1", "1" * N + "x", "_" * N + "a",
    "-" * N + "a", "(" * N, "[" * N + "x", "*" * N + "x", "a " * N + "!", "A. " * (N // 3) + "x",
    "1. " * (N // 3) + "!", "the " * (N // 4) + "x", "a,b;" * (N // 4), "© " * N + "x",
    "Whereas, " * (N // 9), "be it " * (N // 6) + "x", "of the " * (N // 7) + "!", "\t \u00a0" * (N // 3) + "x",
]


def test_there_are_patterns_to_test() -> None:
    assert len(PATTERNS) > 40


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_finishes_on_adversarial_lines(name: str) -> None:
    pattern = PATTERNS[name]
    for line in ADVERSARIAL:
        pattern.search(line)
        pattern.match(line)


def _lines_to_check() -> list[str]:
    from .conftest import ROOT

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "tests" / "fixtures").rglob("*"))
             if p.is_file() and p.suffix in (".txt", ".md", ".html")]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT.parent / "shared").glob("*/*/raw.*"))]
    lines = [line.strip() for text in texts for line in text.splitlines()]
    return lines + ADVERSARIAL + [
        "\u00a9 2024 Site", "(C) 2020", "All Rights Reserved.", "Readers queue (AP Photo/Jane Doe)", "REUTERS/Jane Doe",
        "Image copyright Getty Images", "We use cookies.", "Subscribe to our newsletter", "Sign up here",
        "Get the news delivered to your inbox", "Follow us on X", "Jo on May 2, 2024 at 4:47 pm said:",
        "1. fan says:", "34 responses to \u201cTitle\u201d", "12 thoughts on \"X\"", "Rain (Photo: AFP)",
        "\u017fubscribe to our newsletter", "photo credit: Jane",
    ]


@pytest.mark.parametrize("name", sorted(name for name, p in PATTERNS.items() if p in patterns.NEEDLES))
def test_needles_never_change_an_answer(name: str) -> None:
    """`found` skips the engine when no needle is in the line: it must agree with the pattern."""
    pattern = PATTERNS[name]
    lines = _lines_to_check()
    matching = [line for line in lines if pattern.search(line)]
    assert matching, f"no line matches {name}: the check would be empty"
    assert [patterns.found(pattern, line) for line in lines] == [pattern.search(line) is not None for line in lines]

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

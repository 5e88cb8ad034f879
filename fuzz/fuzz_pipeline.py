"""Coverage-guided fuzzing of the text and HTML paths with atheris.

    python fuzz/fuzz_pipeline.py [libFuzzer flags] -max_total_time=SECONDS [CORPUS_DIR]

Every input is run through the whole pipeline twice, once as a text file and once as an
HTML page. Anything but a valid Document or a documented PipelineError is a crash; so is a
broken invariant (a span out of range, an item whose span does not cover its text, output
that does not validate, two runs that differ). make fuzz runs it; crashes are written by
libFuzzer as crash-* files, and each one found becomes a regression test
(tests/test_fuzz_regressions.py).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from pipeline.errors import PipelineError
    from pipeline.load import load
    from pipeline.normalize import normalize
    from pipeline.run import extract
    from pipeline.validate import is_valid
    from pipeline.write import to_json


def check(data: bytes, name: str) -> None:
    try:
        doc = extract(data, name)
    except PipelineError:
        return
    dumped = doc.model_dump(mode="json")
    if not is_valid(dumped):
        raise AssertionError("output does not validate")
    source = load(data, name).text
    for section in doc.sections:
        for item in [*section.considerations, *section.recommendations]:
            start, end = item.span
            if not 0 <= start <= end <= len(source):
                raise AssertionError(f"span {item.span} out of range")
    for chrome in doc.chrome:
        if normalize(source[slice(*chrome.span)]) != chrome.text:
            raise AssertionError(f"chrome span {chrome.span} does not cover {chrome.text!r}")
    if to_json(extract(data, name).model_dump(mode="json")) != to_json(dumped):
        raise AssertionError("two runs differ")


def test_one_input(data: bytes) -> None:
    check(data, "fuzz.txt")
    check(data, "fuzz.html")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

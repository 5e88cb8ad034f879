"""Property tests (hypothesis, seeded by hypothesis' database-free derandomized mode): for
arbitrary text and for mutations of real documents, the pipeline raises nothing but its
documented errors, its output validates, every span is in range and covers its text,
every source line is accounted for, and two runs give the same bytes."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import PipelineError
from pipeline.load import load
from pipeline.run import extract
from pipeline.validate import is_valid
from pipeline.write import to_json

from .conftest import CORPUS, DOCUMENTS, RAW, check_invariants

PROFILE = settings(derandomize=True, deadline=None, max_examples=400, database=None,
                   suppress_health_check=[HealthCheck.too_slow])

# Lines people's documents are made of: labels, bullets, clause openings, rules, widgets.
PIECES = ["1. ", "2) ", "(a) ", "(iv) ", "- ", "• ", "* ", "WHEREAS, ", "RESOLVED, That ", "The Assembly,",
          "Recalling ", "Decides ", "Whereas:", "Article 1", "SECTION 2.", "____", "----", "© 2020 Site",
          "Increase font size", "Photo: x", "[^1]: note", "2/3", "A/RES/1/1", "---", "# Title", "**Bold**",
          ";", ",", ".", ":", " ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u200b", "\u0441", "é", "Ω"]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(min_size=0, max_size=12)), max_size=60).map("".join)


def _check(data: bytes, name: str) -> None:
    try:
        doc = extract(data, name)
    except PipelineError as exc:
        assert str(exc).startswith(name)
        return
    dumped = doc.model_dump(mode="json")
    assert is_valid(dumped)
    check_invariants(doc, load(data, name).text)
    assert to_json(extract(data, name).model_dump(mode="json")) == to_json(dumped)


@PROFILE
@given(texts)
def test_arbitrary_text(text: str) -> None:
    _check(text.encode("utf-8"), "any.txt")


@PROFILE
@given(texts)
def test_arbitrary_text_as_html(text: str) -> None:
    _check(f"<html><body><p>{text}</p><ol><li>{text[:20]}</li></ol></body></html>".encode(), "any.html")


def _real_documents() -> list[bytes]:
    docs = [p.read_bytes() for p in sorted(DOCUMENTS.iterdir()) if not p.name.endswith(".json")]
    docs += [p.read_bytes() for p in sorted(RAW.iterdir())]
    if CORPUS.exists():
        docs += [p.read_bytes() for p in sorted(CORPUS.glob("*/raw.*"))]
    return docs


REAL = _real_documents()
MUTATIONS = ["drop", "duplicate", "shuffle", "relabel", "rebullet", "crlf", "spaces", "latin1", "utf16"]


def _mutate(data: bytes, kind: str, rng: random.Random) -> bytes:
    lines = data.decode("utf-8").split("\n")
    if kind == "drop" and lines:
        del lines[rng.randrange(len(lines))]
    elif kind == "duplicate" and lines:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif kind == "shuffle" and len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "relabel":
        lines = [f"{rng.choice(['1.', '(a)', 'iv)', '2)'])} {ln.lstrip('0123456789.)(- ')}" if ln[:1].isdigit() else ln
                 for ln in lines]
    elif kind == "rebullet":
        lines = [rng.choice(["• ", "- ", "* ", "– "]) + ln if ln and rng.random() < 0.2 else ln for ln in lines]
    text = "\n".join(lines)
    if kind == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if kind == "spaces":
        return text.replace(" ", rng.choice(["  ", "\u00a0", "\t"])).encode("utf-8")
    if kind == "latin1":
        return text.encode("latin-1", "replace")
    if kind == "utf16":
        return text.encode("utf-16")
    return text.encode("utf-8")


@PROFILE
@given(st.integers(min_value=0, max_value=len(REAL) - 1), st.sampled_from(MUTATIONS), st.integers(0, 2**32 - 1))
def test_mutations_of_real_documents(index: int, kind: str, seed: int) -> None:
    _check(_mutate(REAL[index], kind, random.Random(seed)), "mutated.txt")

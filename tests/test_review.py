"""`pipeline review`: the page shows every extracted span once per item, by kind, over the
exact source text; and, in a real headless browser (Debian's chromium), it loads without
errors, its highlighted items per kind equal the JSON's, and a screenshot is written."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from lxml import html as lxml_html

from pipeline.load import load
from pipeline.review import expected_counts, review_page
from pipeline.run import extract_with_json

from .conftest import DOCUMENTS, FIXTURES, RAW
from .test_cli import run

SEED = next(RAW.iterdir())
CASES = [SEED, FIXTURES / "html" / "resolution.html", DOCUMENTS / "pdf_resolution.txt", DOCUMENTS / "declaration.md"]


def _page(path: Path) -> tuple[dict, str, str]:  # type: ignore[type-arg]
    data = path.read_bytes()
    _, doc = extract_with_json(data, path.name)
    text = load(data, path.name).text
    return doc, text, review_page(doc, text, path.name)


def _json_counts(doc: dict) -> dict[str, int]:  # type: ignore[type-arg]
    """What the page must highlight, counted from the JSON on its own (not through the
    review module): items with a non-empty span, per kind."""
    counts: dict[str, int] = {}

    def add(kind: str, span: list[int] | None) -> None:
        if span and span[1] > span[0]:
            counts[kind] = counts.get(kind, 0) + 1

    def clause(kind: str, c: dict) -> None:  # type: ignore[type-arg]
        add(kind, c["span"])
        add("label", c["label_span"])
        for word in c["connectives"]:
            add("connective", word["span"])

    add("title", doc["title_span"])
    for field in ("publisher", "place", "date", "attribution"):
        add("metadata", (doc["metadata"][field] or {}).get("span"))
    for p in doc["paragraphs"]:
        add("paragraph", p["span"])
    for s in doc["sections"]:
        add("heading", s["heading_span"])
        for part, kind in (("heading_prefix", "formula"), ("formula", "formula"), ("introduction", "introduction")):
            add(kind, (s[part] or {}).get("span"))
        for c in s["considerations"]:
            clause("consideration", c)
        stack = list(s["recommendations"])
        while stack:
            r = stack.pop()
            clause("recommendation", r)
            stack.extend(r["items"])
    for line in doc["chrome"]:
        add("chrome", line["span"])
    return counts


def _dom_counts(tree) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ids: dict[str, set[str]] = {}
    for mark in tree.iter("mark"):
        ids.setdefault(mark.get("data-kind"), set()).add(mark.get("data-id"))
    return {kind: len(found) for kind, found in ids.items()}


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_the_page_holds_the_exact_source_and_every_item_once(path: Path) -> None:
    doc, text, page = _page(path)
    tree = lxml_html.fromstring(page)
    source = tree.find(".//pre")
    warnings = "".join(a.text_content() for a in source.iter("a"))
    assert source.text_content().replace("\u26a0", "") == text and warnings.count("\u26a0") == sum(
        1 for w in doc["warnings"] if w["span"])
    expected = _json_counts(doc)
    assert _dom_counts(tree) == expected
    assert {k: v for k, v in expected_counts(doc).items() if v} == expected


def test_review_command_writes_pages_and_an_index_and_lists_failures(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "seed.txt").write_bytes(SEED.read_bytes())
    (src / "empty.txt").write_bytes(b"")
    code, _, err = run("review", str(src), "-o", str(tmp_path / "review"))
    assert code == 1 and "review: 1 page(s) and index.html written" in err and "1 failed" in err
    index = (tmp_path / "review" / "index.html").read_text(encoding="utf-8")
    assert 'href="seed.html"' in index and "empty.txt" in index and "the file is empty" in index
    assert (tmp_path / "review" / "seed.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", index)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it when run as root: "
                             "apt-get install chromium)")


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--enable-logging=stderr", "--v=0", *args],
                          capture_output=True, text=True, timeout=120, check=False)


@needs_browser
@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_in_a_real_browser_the_page_loads_cleanly_and_counts_match_the_json(path: Path, tmp_path: Path) -> None:
    doc, _, page = _page(path)
    target = tmp_path / "page.html"
    target.write_text(page, encoding="utf-8")
    result = _chromium("--virtual-time-budget=5000", "--dump-dom", target.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    body = re.search(r"<body([^>]*)>", result.stdout)
    assert body, "the browser returned no DOM"
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1)))
    assert json.loads(unescape(attrs["data-errors"])) == []
    shown = json.loads(unescape(attrs["data-counts"]))
    assert shown == _json_counts(doc)


@needs_browser
def test_a_screenshot_of_the_seed_review_page(tmp_path: Path) -> None:
    _, _, page = _page(SEED)
    target = tmp_path / "seed.html"
    target.write_text(page, encoding="utf-8")
    shot = tmp_path / "seed.png"
    result = _chromium("--hide-scrollbars", "--window-size=1280,1100", f"--screenshot={shot}", target.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000

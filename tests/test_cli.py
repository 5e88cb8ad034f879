"""The CLI in-process (main(argv) with captured streams) and once as a real subprocess."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import write
from pipeline.cli import main

from .conftest import DOCUMENTS, FIXTURES, ROOT

FIXTURES_HTML = FIXTURES / "html"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_committed_output_is_up_to_date() -> None:
    code, _, err = run("extract", str(ROOT / "raw"), "-o", str(ROOT / "output"), "--check")
    assert code == 0, err
    assert "up to date" in err


def test_extract_writes_one_json_per_input_mirroring_folders(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_bytes((DOCUMENTS / "un_style.txt").read_bytes())
    (src / "sub" / "b.md").write_bytes((DOCUMENTS / "declaration.md").read_bytes())
    (src / "notes.pdf").write_bytes(b"%PDF-1.4")  # not an input suffix: not picked up
    code, _, err = run("extract", str(src), "-o", str(tmp_path / "out"))
    assert code == 0, err
    files = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*"))
    assert files == ["a.json", "sub", "sub/b.json"]
    doc = json.loads((tmp_path / "out" / "sub" / "b.json").read_text(encoding="utf-8"))
    assert doc["source"]["path"] == "sub/b.md"
    assert "extract: 2 document(s) written" in err


def test_bad_inputs_get_one_line_each_and_the_batch_completes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "1-empty.txt").write_bytes(b"")
    (src / "2-noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    (src / "3-good.txt").write_bytes((DOCUMENTS / "un_style.txt").read_bytes())
    (src / "4-pdf.txt").write_bytes(b"%PDF-1.7 binary")
    (src / "5-page.html").write_bytes(b"<html><body><script>var x = 1;</script></body></html>")
    (src / "6-prose.txt").write_bytes(b"Just a sentence with no structure at all.")
    code, _, err = run("extract", str(src), "-o", str(tmp_path / "out"), str(tmp_path / "missing"))
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert lines == [
        "error: 1-empty.txt: the file is empty or holds only whitespace; nothing to extract",
        "error: 2-noise.txt:@0: bytes 0-1 are not valid UTF-8 (b'\\x80\\x81\\x82\\x83') and no other encoding "
        "reads the file; save it as UTF-8",
        "error: 4-pdf.txt: this is a PDF file, not a text document; give the text or HTML of the page",
        "error: 5-page.html: the HTML page has no visible text; nothing to extract",
        f"error: {tmp_path / 'missing'}: no such file or directory",
    ]
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["3-good.json", "6-prose.json"]
    prose = json.loads((tmp_path / "out" / "6-prose.json").read_text(encoding="utf-8"))
    assert prose["sections"] == [] and [w["code"] for w in prose["warnings"]] == ["no-structure"]
    assert "extract: 2 document(s) written" in err and "4 failed" not in err


def test_check_reports_a_short_diff_and_stale_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes((DOCUMENTS / "un_style.txt").read_bytes())
    assert run("extract", str(src), "-o", str(tmp_path / "out"))[0] == 0
    target = tmp_path / "out" / "a.json"
    target.write_text(target.read_text(encoding="utf-8").replace("Ocean Literacy", "Ocean Lit"), encoding="utf-8")
    (tmp_path / "out" / "old.json").write_text("{}\n", encoding="utf-8")
    before = target.read_bytes()
    code, _, err = run("extract", str(src), "-o", str(tmp_path / "out"), "--check")
    assert code == 1
    assert f"check: {target} differs" in err
    assert any(line.startswith("  -") and "Ocean Lit" in line for line in err.splitlines())
    assert "old.json has no input any more" in err
    assert target.read_bytes() == before  # --check writes nothing


def test_two_runs_write_identical_bytes(tmp_path: Path) -> None:
    for name in ("one", "two"):
        assert run("extract", str(DOCUMENTS), "-o", str(tmp_path / name))[0] == 0
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert one == two and len(one) == len([p for p in DOCUMENTS.iterdir() if not p.name.endswith(".json")])
    assert all(data.endswith(b"}\n") and b"\\u" not in data for data in one.values())


def test_colliding_outputs_are_an_error_not_an_overwrite(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_bytes((DOCUMENTS / "declaration.md").read_bytes())
    (src / "a.txt").write_bytes((DOCUMENTS / "un_style.txt").read_bytes())
    code, _, err = run("extract", str(src), "-o", str(tmp_path / "out"))
    assert code == 1 and "a.txt: its output" in err


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "doc.json"
    target.write_text("old\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write.write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json"]


def test_schema_command_prints_the_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert json.loads(out)["$id"].endswith("document.schema.json")


def test_usage_errors_exit_2() -> None:
    assert run("extract", "raw")[0] == 2  # -o is required
    assert run("frobnicate")[0] == 2


def test_evaluate_on_a_folder_of_annotated_documents(tmp_path: Path) -> None:
    doc = tmp_path / "corpus" / "ocean"
    doc.mkdir(parents=True)
    (doc / "raw.txt").write_bytes((DOCUMENTS / "un_style.txt").read_bytes())
    expected = {
        "title": "Resolution on Ocean Literacy",
        "sections": [{
            "heading": None,
            "considerations": ["Recalling its earlier resolutions on the oceans,",
                               "Deeply concerned about the loss of marine biodiversity,"],
            "recommendations": [
                {"number": "1", "text": "Decides to proclaim an International Day of Ocean Literacy;"},
                {"number": "2", "text": "Requests the Secretary-General: (a) to prepare a report on the Day; "
                                        "(b) to consult Member States on its observance;"},
                {"number": "3", "text": "Invites all States to observe the Day."},
            ],
        }],
        "chrome": [],
    }
    (doc / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    code, out, _ = run("evaluate", str(tmp_path / "corpus"), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["overall"]["exact"] == 1
    assert result["documents"][0]["recommendations"]["f1"] == 1.0
    expected["sections"][0]["recommendations"][2]["text"] = "Invites all States."
    (doc / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    result = json.loads(run("evaluate", str(tmp_path / "corpus"), "--json")[1])
    assert result["overall"]["exact"] == 0
    assert result["documents"][0]["recommendations"]["matched"] == 2
    code, out, _ = run("evaluate", str(tmp_path / "corpus"))
    assert "overall: 0/1 exact" in out


def test_module_entry_point_runs_as_a_subprocess(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(DOCUMENTS / "un_style.txt"), "-o", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "un_style.json").is_file()


def test_text_and_source_formats(tmp_path: Path) -> None:
    page = FIXTURES_HTML / "resolution.html"
    assert run("extract", str(page), "-o", str(tmp_path), "--format", "text")[0] == 0
    text = (tmp_path / "resolution.txt").read_text(encoding="utf-8")
    assert text.startswith("Resolution on Ocean Literacy\n\nThe Assembly,\n\n")
    assert "1. Decides to proclaim" in text and "(a) to prepare a report" in text and "Home" not in text
    assert run("extract", str(page), "-o", str(tmp_path), "--format", "source")[0] == 0
    source = (tmp_path / "resolution.source.txt").read_text(encoding="utf-8")
    doc = json.loads(run_json(page))
    start, end = doc["sections"][0]["recommendations"][0]["span"]
    assert source[start:end] == "Decides to proclaim an International Day of Ocean Literacy;"


def run_json(path: Path) -> str:
    from pipeline.run import extract
    from pipeline.write import to_json
    return to_json(extract(path.read_bytes(), path.name).model_dump(mode="json"))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_a_summary_of_the_batch(tmp_path: Path) -> None:
    terminal = _Terminal()
    assert main(["extract", str(DOCUMENTS), "-o", str(tmp_path / "a")], err=terminal) == 0
    shown = terminal.getvalue()
    files = len([p for p in DOCUMENTS.iterdir() if p.suffix in (".txt", ".md")])
    assert f"/{files} [" in shown and "doc/s" in shown  # the bar, with the number of inputs
    summary = shown.rsplit("\r", 1)[-1].splitlines()
    assert summary[0].startswith(f"extract: {files} document(s) written to ")
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "a").glob("*.json")]
    sections = sum(len(d["sections"]) for d in documents)
    considerations = sum(len(s["considerations"]) for d in documents for s in d["sections"])

    def items(recs: list[dict]) -> int:  # type: ignore[type-arg]
        return sum(1 + items(r["items"]) for r in recs)

    recommendations = sum(items(s["recommendations"]) for d in documents for s in d["sections"])
    warnings = sum(len(d["warnings"]) for d in documents)
    assert summary[1] == (f"extract: {sections} sections, {considerations} considerations, "
                          f"{recommendations} recommendations (sub-items included), {warnings} warnings")
    plain = io.StringIO()  # not a terminal: no bar
    assert main(["extract", str(DOCUMENTS), "-o", str(tmp_path / "b")], err=plain) == 0
    assert "\r" not in plain.getvalue() and plain.getvalue().startswith("extract: ")
    quiet = _Terminal()
    assert main(["extract", str(DOCUMENTS), "-o", str(tmp_path / "c"), "--quiet"], err=quiet) == 0
    assert quiet.getvalue() == ""


def test_an_output_that_would_overwrite_its_input_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes((DOCUMENTS / "un_style.txt").read_bytes())
    before = page.read_bytes()
    code, _, err = run("extract", str(page), "-o", str(tmp_path), "--format", "text")
    assert code == 1 and "its output would overwrite the input itself" in err
    assert page.read_bytes() == before
    html = tmp_path / "p.html"
    html.write_bytes((FIXTURES / "html" / "resolution.html").read_bytes())
    code, _, err = run("review", str(html), "-o", str(tmp_path))
    assert code == 1 and "would overwrite the input itself" in err
    assert html.read_bytes() == (FIXTURES / "html" / "resolution.html").read_bytes()
    code, _, err = run("extract", str(page), "-o", str(page), "--format", "jsonl")
    assert code == 2 and "the output file is one of the inputs" in err and page.read_bytes() == before

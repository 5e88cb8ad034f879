"""Batch integrity: an error report per failed input, a size limit, and no half-written
output even when the process is killed with SIGKILL in the middle of a batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipeline.cli import main
from pipeline.validate import is_valid
from pipeline.write import TEMP_SUFFIX

from .conftest import DOCUMENTS, ROOT
from .test_cli import run


def test_errors_file_lists_every_failure_as_json_lines(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a-empty.txt").write_bytes(b"")
    (src / "b-good.txt").write_bytes((DOCUMENTS / "un_style.txt").read_bytes())
    (src / "c-pdf.txt").write_bytes(b"%PDF-1.7")
    report = tmp_path / "errors.jsonl"
    code, _, err = run("extract", str(src), "-o", str(tmp_path / "out"), "--errors", str(report))
    assert code == 1
    records = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [(r["file"], r["error"]) for r in records] == [
        ("a-empty.txt", "InputError"), ("c-pdf.txt", "UnsupportedFormatError")]
    assert all(r["message"].startswith(r["file"]) for r in records)
    assert "extract: 1 document(s) written" in err and "2 failed" in err


def test_inputs_over_the_size_limit_are_refused_without_being_read(tmp_path: Path) -> None:
    src = tmp_path / "big.txt"
    src.write_bytes(b"Resolution text. " * 100)
    code, _, err = run("extract", str(src), "-o", str(tmp_path / "out"), "--max-bytes", "1000")
    assert code == 1
    assert "error: big.txt: the file is 1700 bytes, over the limit of 1000 (raise it with --max-bytes)" in err
    assert run("extract", str(src), "-o", str(tmp_path / "out"), "--max-bytes", "2000")[0] == 0


def test_a_run_removes_temporaries_a_killed_run_left(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f".doc.json.abc123{TEMP_SUFFIX}"
    stale.write_text('{"half": ', encoding="utf-8")
    assert run("extract", str(DOCUMENTS / "un_style.txt"), "-o", str(out))[0] == 0
    assert not stale.exists() and (out / "un_style.json").exists()


def test_sigkill_in_the_middle_of_a_batch_leaves_only_complete_outputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    seed = (ROOT / "raw").iterdir().__next__().read_bytes()
    for i in range(400):
        (src / f"doc{i:03}.txt").write_bytes(seed)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 20:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = sorted(out.glob("*.json"))
    assert 20 <= len(written) < 400, "the kill should land in the middle of the batch"
    for path in written:  # every finished file is complete, valid JSON of a valid document
        assert is_valid(json.loads(path.read_text(encoding="utf-8"))), path
    # A re-run completes cleanly: no temporaries left, every document written, nothing differs.
    assert main(["extract", str(src), "-o", str(out)]) == 0
    assert not list(out.glob(f".*{TEMP_SUFFIX}"))
    assert len(list(out.glob("*.json"))) == 400
    assert main(["extract", str(src), "-o", str(out), "--check"]) == 0

"""Parallel batches and JSON Lines: the same bytes as a serial run, in input order, with
failures reported and the rest of the batch completed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch import CHUNK, Job
from pipeline.batch import run as run_jobs
from pipeline.validate import is_valid

from .conftest import DOCUMENTS, ROOT
from .test_cli import run


def _batch(folder: Path, copies: int = 3) -> Path:
    """Every fixture document several times over (more jobs than one chunk per worker), and
    two bad inputs in the middle."""
    folder.mkdir()
    sources = sorted(p for p in DOCUMENTS.iterdir() if p.suffix in (".txt", ".md"))
    sources += sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
    for n in range(copies):
        for src in sources:
            (folder / f"{n}-{src.name}").write_bytes(src.read_bytes())
    (folder / "1-zz-empty.txt").write_bytes(b"")
    (folder / "2-zz-binary.txt").write_bytes(b"\x00\x01\x02 binary")
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_jobs_2_writes_the_same_bytes_as_a_serial_run(tmp_path: Path) -> None:
    src = _batch(tmp_path / "in")
    serial = run("extract", str(src), "-o", str(tmp_path / "serial"), "--errors", str(tmp_path / "e1.jsonl"))
    parallel = run("extract", str(src), "-o", str(tmp_path / "parallel"), "--jobs", "2",
                   "--errors", str(tmp_path / "e2.jsonl"))
    assert serial[0] == parallel[0] == 1  # two bad inputs
    assert len(_tree(tmp_path / "serial")) > 2 * CHUNK * 2
    assert _tree(tmp_path / "serial") == _tree(tmp_path / "parallel")
    assert (tmp_path / "e1.jsonl").read_bytes() == (tmp_path / "e2.jsonl").read_bytes()
    errors = [line for line in parallel[2].splitlines() if line.startswith("error:")]
    assert errors == [line for line in serial[2].splitlines() if line.startswith("error:")]
    assert [e.split(":")[1].strip() for e in errors] == ["1-zz-empty.txt", "2-zz-binary.txt"]


def test_outcomes_come_back_in_job_order_whatever_the_worker_count(tmp_path: Path) -> None:
    src = _batch(tmp_path / "in", copies=2)
    jobs = [Job(str(p), p.name, "") for p in sorted(src.iterdir())]
    serial = list(run_jobs(jobs, "jsonl", 10**9, workers=1))
    parallel = list(run_jobs(iter(jobs), "jsonl", 10**9, workers=2))
    assert [o.job for o in parallel] == jobs
    assert [(o.content, o.error, o.counts) for o in parallel] == [(o.content, o.error, o.counts) for o in serial]


def test_jsonl_file_holds_one_valid_document_per_line_in_input_order(tmp_path: Path) -> None:
    src = _batch(tmp_path / "in", copies=1)
    target = tmp_path / "all.jsonl"
    code, _, err = run("extract", str(src), "-o", str(target), "--format", "jsonl", "--jobs", "2")
    assert code == 1 and "2 failed" in err
    lines = target.read_text(encoding="utf-8").splitlines()
    documents = [json.loads(line) for line in lines]
    good = sorted(p.name for p in src.iterdir() if "zz-" not in p.name)
    assert [d["source"]["path"] for d in documents] == good
    assert all(is_valid(d) for d in documents)
    # The same documents as the one-file-per-input run, byte for byte once re-serialized.
    run("extract", str(src), "-o", str(tmp_path / "files"))
    for document in documents:
        name = Path(document["source"]["path"]).with_suffix(".json")
        on_disk = json.loads((tmp_path / "files" / name).read_text(encoding="utf-8"))
        assert document == on_disk


def test_jsonl_to_stdout_streams_and_check_compares(tmp_path: Path) -> None:
    src = _batch(tmp_path / "in", copies=1)
    for bad in src.glob("*zz-*"):
        bad.unlink()
    code, out, err = run("extract", str(src), "-o", "-", "--format", "jsonl")
    assert code == 0 and "written to stdout" in err
    target = tmp_path / "all.jsonl"
    assert run("extract", str(src), "-o", str(target), "--format", "jsonl")[0] == 0
    assert target.read_text(encoding="utf-8") == out
    assert run("extract", str(src), "-o", str(target), "--format", "jsonl", "--check")[0] == 0
    target.write_text(out.replace('"title":', '"title" :', 1), encoding="utf-8")
    code, _, err = run("extract", str(src), "-o", str(target), "--format", "jsonl", "--check")
    assert code == 1 and "differs (first at line 1)" in err
    target.write_text(out + out.splitlines(keepends=True)[0], encoding="utf-8")
    assert run("extract", str(src), "-o", str(target), "--format", "jsonl", "--check")[0] == 1


def test_a_failing_jsonl_batch_leaves_no_temporary_and_no_partial_file(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    src = _batch(tmp_path / "in", copies=1)
    target = tmp_path / "out" / "all.jsonl"
    from pipeline import cli

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    original = cli._Lines.add
    calls = {"n": 0}

    def add_then_stop(self, line):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            boom()
        original(self, line)

    monkeypatch.setattr(cli._Lines, "add", add_then_stop)
    with pytest.raises(KeyboardInterrupt):
        run("extract", str(src), "-o", str(target), "--format", "jsonl")
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


def test_negative_jobs_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("extract", str(DOCUMENTS / "un_style.txt"), "-o", str(tmp_path), "--jobs", "-1")
    assert code == 2 and "--jobs" in err


def test_help_does_not_import_the_parser_or_the_model() -> None:
    """`pipeline --help` must start fast; its speed is measured in `make bench`, this only
    checks the reason it is fast."""
    code = ("import sys, contextlib, io\n"
            "from pipeline.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['--help'])\n"
            "heavy = [m for m in ('pydantic', 'lxml', 'jsonschema', 'jsonschema_rs', 'pipeline.run', 'bs4')"
            " if m in sys.modules]\n"
            "print(','.join(heavy))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_dask_option_without_dask_installed_is_a_one_line_usage_error(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an install without the extra looks like
    code, _, err = run("extract", str(DOCUMENTS / "un_style.txt"), "-o", str(tmp_path / "out"),
                       "--dask-scheduler", "local")
    assert code == 2
    assert err.strip() == ("error: --dask-scheduler: Dask is not installed; install the extra with: "
                           "pip install '.[dask]' (distributed is missing)")


def test_inputs_refused_before_reading_keep_their_place_in_a_parallel_run(tmp_path: Path) -> None:
    first = _batch(tmp_path / "first", copies=2)
    second = _batch(tmp_path / "second", copies=1)
    args = [str(first), str(tmp_path / "missing.txt"), str(second), str(first / "0-un_style.txt")]
    serial = run("extract", *args, "-o", str(tmp_path / "s"), "--errors", str(tmp_path / "s.jsonl"))
    parallel = run("extract", *args, "-o", str(tmp_path / "p"), "--jobs", "2", "--errors", str(tmp_path / "p.jsonl"))
    same = (tmp_path / "s.jsonl").read_text(encoding="utf-8").replace(str(tmp_path / "s"), str(tmp_path / "p"))
    assert same == (tmp_path / "p.jsonl").read_text(encoding="utf-8")  # messages name the output folder
    errors = [line.replace(str(tmp_path / "s"), str(tmp_path / "p")) for line in serial[2].splitlines()
              if line.startswith("error:")]
    assert errors == [line for line in parallel[2].splitlines() if line.startswith("error:")]
    assert any("missing.txt: no such file" in e for e in errors)
    assert any("already produced by another input" in e for e in errors)
    names = [json.loads(line)["file"] for line in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    missing = next(i for i, name in enumerate(names) if name.endswith("missing.txt"))
    assert names.index("1-zz-empty.txt") < missing < names.index("0-declaration.md")  # in input order

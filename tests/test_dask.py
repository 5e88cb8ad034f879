"""The Dask integration against a dask.distributed LocalCluster with 2 worker processes:
the same output as a local run, from the bag API and from the command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

dask_bag = pytest.importorskip("dask.bag", reason="the dask extra is not installed (pip install '.[dask]')")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed (pip install '.[dask]')")

from pipeline.distributed import extract_bag
from pipeline.run import extract

from .conftest import DOCUMENTS, ROOT
from .test_cli import run
from .test_parallel import _batch, _tree


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def _sources() -> list[Path]:
    return sorted(p for p in DOCUMENTS.iterdir() if p.suffix in (".txt", ".md")) + [
        ROOT / "tests" / "fixtures" / "html" / "resolution.html"]


def test_bag_of_paths_gives_the_local_documents(cluster: object) -> None:
    paths = [str(p) for p in _sources()]
    with distributed.Client(cluster) as client:  # type: ignore[arg-type]
        assert len(client.scheduler_info()["workers"]) == 2
        got = extract_bag(dask_bag.from_sequence(paths, npartitions=4)).compute()
    expected = [extract(Path(p).read_bytes(), p).model_dump(mode="json") for p in paths]
    assert got == json.loads(json.dumps(expected))


def test_bag_of_texts_and_bad_items(cluster: object) -> None:
    good = (DOCUMENTS / "un_style.txt").read_text(encoding="utf-8")
    items = [("a.txt", good), ("b.txt", b""), ("c.txt", good.encode("utf-8")), ("missing.txt", None)]
    with distributed.Client(cluster):  # type: ignore[arg-type]
        got = extract_bag(dask_bag.from_sequence(items, npartitions=2)).compute()
        texts = extract_bag(dask_bag.from_sequence(items[:1]), fmt="text").compute()
    assert got[0]["source"]["path"] == "a.txt" and got[2]["source"]["path"] == "c.txt"
    assert got[0]["sections"] == got[2]["sections"]
    assert got[1]["error"] == "InputError" and got[1]["message"].startswith("b.txt")
    assert got[3]["error"] == "OSError"
    assert isinstance(texts[0], str) and texts[0].strip()


def test_cli_on_the_cluster_writes_the_same_bytes_as_a_local_run(cluster: object, tmp_path: Path) -> None:
    src = _batch(tmp_path / "in", copies=2)
    local = run("extract", str(src), "-o", str(tmp_path / "local"))
    remote = run("extract", str(src), "-o", str(tmp_path / "dask"),
                 "--dask-scheduler", cluster.scheduler_address)  # type: ignore[attr-defined]
    assert local[0] == remote[0] == 1  # the two bad inputs
    assert _tree(tmp_path / "local") == _tree(tmp_path / "dask")
    assert [ln for ln in local[2].splitlines() if ln.startswith("error:")] == \
        [ln for ln in remote[2].splitlines() if ln.startswith("error:")]
    jsonl = run("extract", str(src), "-o", str(tmp_path / "all.jsonl"), "--format", "jsonl",
                "--dask-scheduler", cluster.scheduler_address)  # type: ignore[attr-defined]
    assert jsonl[0] == 1
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(_tree(tmp_path / "local"))


def test_an_unreachable_scheduler_is_a_one_line_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pipeline.distributed._CONNECT_SECONDS", 1)
    code, _, err = run("extract", str(DOCUMENTS / "un_style.txt"), "-o", str(tmp_path / "out"),
                       "--dask-scheduler", "tcp://127.0.0.1:9")
    assert code == 2
    assert err.strip().startswith("error: --dask-scheduler: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())

"""Beyond one machine: the pipeline on Dask (the optional extra: pip install '.[dask]').

Two ways in:

- `extract_bag(bag)`: map the pipeline over a `dask.bag` whose items are paths (str) or
  (name, bytes) / (name, str) pairs; the result is a bag of JSON-ready documents, one per
  item, in the same order, with a failure as an error record instead of a document. Use it
  inside your own Dask code.
- `run_on_dask(jobs, fmt, max_bytes, scheduler)`: what `pipeline extract --dask-scheduler
  ADDRESS` runs. The jobs go to the cluster in chunks with a bounded number in flight and
  come back in input order, so the output is byte-identical to a local run and memory stays
  flat. Workers read the input paths themselves: on a real cluster, the paths must be
  readable on every worker (a shared filesystem), and `pipeline` must be installed there.

Both run `pipeline.batch.process`, the function a local run uses.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .batch import (
    CHUNK,
    IN_FLIGHT_PER_WORKER,
    Job,
    Outcome,
    _chunks,
    _process_chunk,
    default_workers,
)
from .errors import PipelineError, UsageError

_CONNECT_SECONDS = 10


def _dask() -> Any:
    try:
        import dask.bag  # noqa: F401
        import distributed
    except ImportError as exc:
        raise UsageError("--dask-scheduler", "Dask is not installed; install the extra with: "
                         f"pip install '.[dask]' ({exc.name} is missing)") from exc
    return distributed


def extract_bag(items: Any, fmt: str = "json") -> Any:
    """A bag of documents (dicts, as written to JSON) from a bag of paths or (name, data)
    pairs. With fmt='text', the kept main text (str) of each instead. A failed item gives
    {'file': name, 'error': class name, 'message': one line, 'position': int or None}."""
    _dask()
    return items.map(_extract_item, fmt=fmt)


def _extract_item(item: Any, fmt: str = "json") -> Any:
    from .run import extract_with_json
    from .write import to_text

    if isinstance(item, str):
        name, data = item, None
    else:
        name, data = item
    try:
        if data is None:
            with open(name, "rb") as handle:
                data = handle.read()
        document, dumped = extract_with_json(data.encode("utf-8") if isinstance(data, str) else data, name)
    except PipelineError as exc:
        return {"file": name, "error": type(exc).__name__, "message": str(exc), "position": exc.position}
    except OSError as exc:
        return {"file": name, "error": "OSError", "message": f"{name}: cannot read it ({exc.strerror})", "position": None}
    return to_text(document) if fmt == "text" else dumped  # the dict the document was validated as


def connect(scheduler: str) -> Any:
    """A Dask client for a scheduler address, or, for 'local', for a new local cluster with
    one single-threaded worker process per CPU (the parser holds the GIL)."""
    distributed = _dask()
    if scheduler == "local":
        cluster = distributed.LocalCluster(n_workers=default_workers(), threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        return distributed.Client(cluster)
    try:
        return distributed.Client(scheduler, timeout=_CONNECT_SECONDS)
    except (OSError, TimeoutError) as exc:
        raise UsageError("--dask-scheduler", f"cannot reach the Dask scheduler at {scheduler} "
                         f"within {_CONNECT_SECONDS} s ({type(exc).__name__})") from exc


def run_on_dask(jobs: Iterable[Job | Outcome], fmt: str, max_bytes: int, scheduler: str, config: Any = None,
                profile: str | None = None) -> Iterator[Outcome]:
    """One Outcome per job, in job order, computed on the cluster at `scheduler`."""
    client = connect(scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = _chunks(iter(jobs), CHUNK)
        pending: deque[Any] = deque()
        for chunk in islice(chunks, workers * IN_FLIGHT_PER_WORKER):
            pending.append(client.submit(_process_chunk, chunk, fmt, max_bytes, config, profile, pure=False))
        while pending:
            future = pending.popleft()
            done: list[Outcome] = future.result()
            future.release()
            following = next(chunks, None)
            if following is not None:
                pending.append(client.submit(_process_chunk, following, fmt, max_bytes, config, profile, pure=False))
            yield from done
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()

"""Batches: the same per-document work, in input order, on one process or several.

`process(job, ...)` turns one input file into the bytes of its output (or an error record).
`run(jobs, ..., workers=N)` yields one `Outcome` per job, in the order of the jobs, whatever
the number of worker processes: the output of a parallel run is byte-identical to a serial
one. Jobs are handed out in small chunks with a bounded number of chunks in flight, so
memory stays flat however many documents the batch holds. (`pipeline.distributed` runs the
same `process` on a Dask cluster.)
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from .errors import InputError, PipelineError

if TYPE_CHECKING:
    from .config import Config

FORMATS = ("json", "jsonl", "text", "source", "akn", "sqlite")
CHUNK = 8
"""Jobs per task sent to a worker: enough to make the cost of a round trip small."""
IN_FLIGHT_PER_WORKER = 4
"""Chunks queued per worker: keeps every worker busy while bounding memory."""


@dataclass(frozen=True)
class Job:
    path: str
    relative: str
    """POSIX path relative to the input root: the document's `source.path`."""
    target: str
    """Where its output goes (unused for jsonl)."""


@dataclass(frozen=True)
class Counts:
    sections: int = 0
    considerations: int = 0
    recommendations: int = 0
    warnings: int = 0


@dataclass(frozen=True)
class Outcome:
    job: Job
    content: str | None
    """The output text (for jsonl: one line with its newline), or None when the job failed."""
    counts: Counts = Counts()
    error: str | None = None
    """Error class name ('InputError', ...) when the job failed."""
    message: str | None = None
    position: int | None = None


def process(job: Job, fmt: str, max_bytes: int, config: Config | None = None, profile: str | None = None) -> Outcome:
    """Read, extract and serialize one input. Never raises for a bad input: the failure
    comes back as an Outcome with `error` set (a bug is reported the same way, so that it
    cannot stop the batch)."""
    try:
        size = os.stat(job.path).st_size
        if size > max_bytes:
            raise InputError(job.relative, f"the file is {size} bytes, over the limit of {max_bytes} "
                                           "(raise it with --max-bytes)")
        with open(job.path, "rb") as handle:
            data = handle.read()
        if fmt == "source":
            from .load import load
            return Outcome(job, load(data, job.relative).text)
        from .run import extract_with_json
        from .write import to_json, to_json_line, to_text

        document, dumped = extract_with_json(data, job.relative, config, profile)
        counts = _counts(document)
        if fmt == "text":
            return Outcome(job, to_text(document), counts)
        if fmt in ("jsonl", "sqlite"):  # for sqlite, the main process writes the rows
            return Outcome(job, to_json_line(dumped), counts)
        if fmt == "akn":
            from .akn import to_akn

            return Outcome(job, to_akn(dumped), counts)
        return Outcome(job, to_json(dumped), counts)
    except PipelineError as exc:
        return Outcome(job, None, error=type(exc).__name__, message=str(exc), position=exc.position)
    except OSError as exc:
        return Outcome(job, None, error="OSError", message=f"{job.relative}: cannot read it ({exc.strerror})")
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the batch; report it as one line
        return Outcome(job, None, error=type(exc).__name__,
                       message=f"{job.relative}: internal error {type(exc).__name__}: {exc}")


def _counts(document) -> Counts:  # type: ignore[no-untyped-def]
    def items(recs) -> int:  # type: ignore[no-untyped-def]
        return sum(1 + items(r.items) for r in recs)

    return Counts(
        sections=len(document.sections),
        considerations=sum(len(s.considerations) for s in document.sections),
        recommendations=sum(items(s.recommendations) for s in document.sections),
        warnings=len(document.warnings),
    )


def _process_chunk(chunk: list[Job | Outcome], fmt: str, max_bytes: int, config: Config | None = None,
                   profile: str | None = None) -> list[Outcome]:
    return [item if isinstance(item, Outcome) else process(item, fmt, max_bytes, config, profile) for item in chunk]


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(jobs: Iterable[Job | Outcome], fmt: str, max_bytes: int, workers: int = 1, config: Config | None = None,
        profile: str | None = None) -> Iterator[Outcome]:
    """One Outcome per job, in job order. `workers` > 1 uses that many processes. `config`
    and `profile` are the configured rules (see `pipeline.config`). An Outcome among the
    jobs (an input refused before it was read) passes through in its place."""
    if workers <= 1:
        for job in jobs:
            yield job if isinstance(job, Outcome) else process(job, fmt, max_bytes, config, profile)
        return
    work = partial(_process_chunk, fmt=fmt, max_bytes=max_bytes, config=config, profile=profile)
    chunks = _chunks(iter(jobs), CHUNK)
    # 'fork' where the platform has it (fast to start; the parent holds no threads), else the default.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in islice(chunks, workers * IN_FLIGHT_PER_WORKER):
            pending.append(pool.submit(work, chunk))
        while pending:
            done = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(work, following))
            yield from done


def _chunks(jobs: Iterator[Job | Outcome], size: int) -> Iterator[list[Job | Outcome]]:
    while chunk := list(islice(jobs, size)):
        yield chunk

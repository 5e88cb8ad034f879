"""`make bench`: speed, side by side in one run, on this machine.

    python bench/run_bench.py [--shared ../shared] [--out bench/results] [--quick]

Every case runs in a fresh Python process (so that its peak memory is its own) and reports
documents per second, MB per second, per-document latency percentiles and peak RSS:

- ceiling: read + decode + split lines + serialize the lines as JSON: the least any
  pipeline must do, on the same seed-sized documents as the text path;
- text path, seed-sized (8 KB): a batch of copies of the seed, end to end through the CLI
  (read, extract, validate, write one JSON file each), with --jobs 1 and --jobs 2 (the
  outputs are compared byte for byte);
- text path, the corpus (../shared/corpus), and generated documents of 1, 10 and 50 MB;
- HTML path: the 181 pages of ../shared/bench/article-extraction-benchmark, the pipeline
  and trafilatura on the same pages in the same run, with the benchmark's F1;
- memory against batch size: JSON Lines batches of 500 and 2,000 documents;
- `python -m pipeline --help` start-up time.

It prints a table and writes OUT/bench.json and OUT/bench.png (throughput against document
size and against --jobs).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "raw" / "diplomatic-society-2017-anti-corruption-conference-recommendations.txt"
TARGET_DOCS_PER_SECOND = 2000  # 8 KB documents, one process, end to end (issue 6)
TARGET_MB_PER_SECOND = 20  # large documents (issue 6)
ITEM = "{n}. Decides that the measures listed in the annex shall apply to item {n} of the programme;\n"


def _peak_mb(children: bool = False) -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return round(usage.ru_maxrss / 1024, 1)  # KB on Linux


def _latencies(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 3)

    return {"p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99)}


def _row(case: str, docs: int, size: int, seconds: float, latencies: list[float] | None = None, **extra: object) -> dict:
    row = {"case": case, "documents": docs, "megabytes": round(size / 1e6, 3), "seconds": round(seconds, 3),
           "docs_per_second": round(docs / seconds, 1), "mb_per_second": round(size / 1e6 / seconds, 2),
           "peak_rss_mb": _peak_mb()}
    if latencies:
        row.update(_latencies(latencies))
    row.update(extra)
    return row


def large_document(megabytes: float) -> bytes:
    head = "Resolution on a long programme\n\nThe Assembly,\n\nRecalling its earlier decisions,\n\n"
    parts, size, n = [head], len(head), 0
    while size < megabytes * 1_000_000:
        n += 1
        line = ITEM.format(n=n)
        parts.append(line)
        size += len(line)
    return "".join(parts).encode("utf-8")


def _seed_folder(folder: Path, copies: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    data = SEED.read_bytes()
    for i in range(copies):
        (folder / f"doc-{i:06d}.txt").write_bytes(data)
    return len(data) * copies


# ---- cases (each runs in its own process) ----------------------------------------------

def case_ceiling(args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        size = _seed_folder(Path(tmp), args.copies)
        files = sorted(Path(tmp).iterdir())
        lat = []
        started = time.perf_counter()
        for f in files:
            t = time.perf_counter()
            text = f.read_bytes().decode("utf-8")
            json.dumps(text.splitlines(), ensure_ascii=False)
            lat.append(time.perf_counter() - t)
        return _row("ceiling (read, decode, split, JSON)", len(files), size, time.perf_counter() - started, lat)


def case_seed_batch(args: argparse.Namespace) -> dict:
    from pipeline.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        size = _seed_folder(src, args.copies)
        null = open(os.devnull, "w")  # noqa: SIM115
        started = time.perf_counter()
        code = main(["extract", str(src), "-o", str(out), "--jobs", str(args.jobs)], err=null)
        seconds = time.perf_counter() - started
        assert code == 0, "the seed batch failed"
        digest = _digest(out)
    row = _row(f"text 8 KB, CLI batch, --jobs {args.jobs}", args.copies, size, seconds, jobs=args.jobs,
               output_digest=digest)
    row["peak_rss_mb"] = max(row["peak_rss_mb"], _peak_mb(children=True))
    return row


def _digest(folder: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    for p in sorted(folder.rglob("*.json")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _in_process(label: str, items: list[tuple[str, bytes]]) -> dict:
    from pipeline.run import extract
    from pipeline.write import to_json

    extract(items[0][1], items[0][0])  # warm-up: first-call costs are not timed
    lat = []
    started = time.perf_counter()
    for name, data in items:
        t = time.perf_counter()
        to_json(extract(data, name).model_dump(mode="json"))
        lat.append(time.perf_counter() - t)
    return _row(label, len(items), sum(len(d) for _, d in items), time.perf_counter() - started, lat)


def case_seed_latency(args: argparse.Namespace) -> dict:
    data = SEED.read_bytes()
    return _in_process("text 8 KB, extract + JSON in process", [(f"d{i}.txt", data) for i in range(args.copies)])


def case_corpus(args: argparse.Namespace) -> dict:
    raws = sorted(p for p in (args.shared / "corpus").glob("*/raw.*"))
    return _in_process(f"text, corpus ({len(raws)} documents)", [(p.parent.name + p.suffix, p.read_bytes()) for p in raws])


def case_large(args: argparse.Namespace) -> dict:
    from pipeline.run import extract
    from pipeline.write import to_json

    data = large_document(args.megabytes)
    started = time.perf_counter()
    doc = extract(data, "large.txt")
    to_json(doc.model_dump(mode="json"))
    seconds = time.perf_counter() - started
    items = sum(len(s.recommendations) for s in doc.sections)
    return _row(f"text {args.megabytes:g} MB", 1, len(data), seconds, items=items)


def _html_pages(shared: Path) -> list[tuple[str, bytes]]:
    return [(p.name.removesuffix(".gz"), gzip.decompress(p.read_bytes()))
            for p in sorted((shared / "bench" / "article-extraction-benchmark" / "html").glob("*.html.gz"))]


def case_html(args: argparse.Namespace) -> dict:
    pages = _html_pages(args.shared)
    if args.tool == "trafilatura":
        import trafilatura

        def tool(name: str, data: bytes) -> str:
            return trafilatura.extract(data) or ""
    else:
        from pipeline.errors import PipelineError
        from pipeline.run import extract
        from pipeline.write import to_text

        def tool(name: str, data: bytes) -> str:
            try:
                return to_text(extract(data, name))
            except PipelineError:
                return ""
    tool(*pages[0])
    lat, texts = [], []
    started = time.perf_counter()
    for name, data in pages:
        t = time.perf_counter()
        texts.append(tool(name, data))
        lat.append(time.perf_counter() - t)
    seconds = time.perf_counter() - started
    scores = _score(args.shared, [(n.removesuffix(".html"), t) for (n, _), t in zip(pages, texts)])
    label = "HTML, trafilatura 2.3.1" if args.tool == "trafilatura" else "HTML, pipeline"
    return _row(label, len(pages), sum(len(d) for _, d in pages), seconds, lat, **scores)


def _score(shared: Path, texts: list[tuple[str, str]]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in texts:
            (Path(tmp) / f"{name}.txt").write_text(text, encoding="utf-8")
        out = subprocess.run([sys.executable, str(shared / "bench" / "score_articles.py"), tmp],
                             capture_output=True, text=True, check=True).stdout.split()
    return {"precision": float(out[1]), "recall": float(out[3]), "f1": float(out[5])}


def case_memory(args: argparse.Namespace) -> dict:
    from pipeline.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        size = _seed_folder(src, args.copies)
        null = open(os.devnull, "w")  # noqa: SIM115
        started = time.perf_counter()
        main(["extract", str(src), "-o", str(Path(tmp) / "all.jsonl"), "--format", "jsonl"], err=null)
        seconds = time.perf_counter() - started
    return _row(f"JSON Lines batch of {args.copies}", args.copies, size, seconds)


CASES = {"ceiling": case_ceiling, "seed-batch": case_seed_batch, "seed-latency": case_seed_latency,
         "corpus": case_corpus, "large": case_large, "html": case_html, "memory": case_memory}


def _run_case(name: str, **options: object) -> dict:
    argv = [sys.executable, str(Path(__file__).resolve()), "--case", name]
    for key, value in options.items():
        argv += [f"--{key.replace('_', '-')}", str(value)]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"bench: case {name} {options} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _help_seconds() -> float:
    times = []
    for _ in range(7):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 3)


def _machine() -> dict:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with open("/proc/meminfo", encoding="utf-8") as info:
        mem = f"{int(info.readline().split()[1]) / 1024 / 1024:.1f} GB"
    return {"cpu": cpu, "cpus": len(os.sched_getaffinity(0)), "memory": mem, "python": platform.python_version(),
            "system": platform.platform()}


def _plot(rows: list[dict], target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (by_size, by_jobs) = plt.subplots(1, 2, figsize=(11, 4.2))
    sized = sorted((r for r in rows if r["case"].startswith("text ") and "jobs" not in r and r["documents"] >= 1
                    and "corpus" not in r["case"]), key=lambda r: r["megabytes"] / r["documents"])
    xs = [r["megabytes"] / r["documents"] for r in sized]
    by_size.plot(xs, [r["mb_per_second"] for r in sized], "o-", label="pipeline (extract + JSON)")
    ceiling = next(r for r in rows if r["case"].startswith("ceiling"))
    by_size.axhline(ceiling["mb_per_second"], color="grey", linestyle="--", label="ceiling (8 KB docs)")
    by_size.axhline(TARGET_MB_PER_SECOND, color="tab:red", linestyle=":", label="target for large documents")
    by_size.set_xscale("log")
    by_size.set_yscale("log")
    by_size.set_xlabel("document size (MB)")
    by_size.set_ylabel("MB per second")
    by_size.set_title("Text path: throughput against document size")
    by_size.legend()
    jobs = sorted((r for r in rows if "jobs" in r), key=lambda r: r["jobs"])
    by_jobs.bar([str(r["jobs"]) for r in jobs], [r["docs_per_second"] for r in jobs], color="tab:green")
    for i, r in enumerate(jobs):
        by_jobs.text(i, r["docs_per_second"], f"{r['docs_per_second']:.0f}", ha="center", va="bottom")
    by_jobs.axhline(TARGET_DOCS_PER_SECOND, color="tab:red", linestyle=":", label="target, single process")
    by_jobs.legend()
    by_jobs.set_xlabel("--jobs")
    by_jobs.set_ylabel("documents per second")
    by_jobs.set_title("8 KB documents, CLI batch, end to end")
    fig.tight_layout()
    fig.savefig(target, dpi=110)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--quick", action="store_true", help="smaller batches and no 50 MB document")
    parser.add_argument("--case", choices=sorted(CASES), help=argparse.SUPPRESS)
    parser.add_argument("--copies", type=int, default=1000, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--megabytes", type=float, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--tool", default="pipeline", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(CASES[args.case](args)))
        return 0

    have_shared = (args.shared / "bench").is_dir() and (args.shared / "corpus").is_dir()
    copies = 300 if args.quick else 2000
    rows = [_run_case("ceiling", copies=copies), _run_case("seed-latency", copies=copies)]
    rows += [_run_case("seed-batch", copies=copies, jobs=j) for j in (1, 2)]
    if have_shared:
        rows.append(_run_case("corpus", shared=args.shared))
    rows += [_run_case("large", megabytes=mb) for mb in ((1, 10) if args.quick else (1, 10, 50))]
    if have_shared:
        rows += [_run_case("html", shared=args.shared, tool=t) for t in ("pipeline", "trafilatura")]
    rows += [_run_case("memory", copies=n) for n in ((100, 400) if args.quick else (500, 2000))]
    help_s = _help_seconds()

    print(f"{'case':<42} {'docs':>6} {'docs/s':>9} {'MB/s':>7} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'peak MB':>8}")
    for r in rows:
        print(f"{r['case']:<42} {r['documents']:>6} {r['docs_per_second']:>9} {r['mb_per_second']:>7} "
              f"{r.get('p50_ms', ''):>8} {r.get('p90_ms', ''):>8} {r.get('p99_ms', ''):>8} {r['peak_rss_mb']:>8}")
    batch = {r["jobs"]: r for r in rows if "jobs" in r}
    speedup = batch[2]["docs_per_second"] / batch[1]["docs_per_second"]
    same = batch[1]["output_digest"] == batch[2]["output_digest"]
    print(f"--jobs 2 / --jobs 1: {speedup:.2f}x, outputs {'identical' if same else 'DIFFERENT'}")
    summary: dict[str, object] = {"jobs_speedup": round(speedup, 2), "jobs_outputs_identical": same,
                                  "help_seconds": help_s}
    html = {r["case"]: r for r in rows if r["case"].startswith("HTML")}
    if html:
        ratio = html["HTML, pipeline"]["docs_per_second"] / html["HTML, trafilatura 2.3.1"]["docs_per_second"]
        summary["html_speed_vs_trafilatura"] = round(ratio, 2)
        for r in html.values():
            print(f"{r['case']:<26} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}")
        print(f"HTML pages/s, pipeline / trafilatura: {ratio:.2f}x (same pages, same run)")
    print(f"python -m pipeline --help: {help_s * 1000:.0f} ms (median of 7)")
    if not have_shared:
        print(f"bench: {args.shared} is absent; the corpus and HTML cases were skipped", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    result = {"machine": _machine(), "rows": rows, "summary": summary}
    (args.out / "bench.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    _plot(rows, args.out / "bench.png")
    print(f"bench: wrote {args.out / 'bench.json'} and {args.out / 'bench.png'}")
    shutil.rmtree(ROOT / "bench" / "__pycache__", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

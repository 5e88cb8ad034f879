"""Chrome-stripping benchmark: our pipeline against trafilatura, side by side in one run.

    python bench/chrome_bench.py [--shared ../shared] [--json FILE]

HTML: the 181 pages of ../shared/bench/article-extraction-benchmark, scored with the
benchmark's own metric (../shared/bench/score_articles.py); our pipeline (full extract call:
render, strip, structure, validate, then the kept text) and trafilatura.extract are timed on
the same pages in the same process, one after the other.
Text dumps: the same pages as w3m text dumps (../shared/bench/text-dumps), our pipeline and
the keep-everything baseline.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.run import extract
from pipeline.write import to_text


def _score(shared: Path, pred_dir: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(shared / "bench" / "score_articles.py"), str(pred_dir)],
                         capture_output=True, text=True, check=True).stdout.split()
    return {"precision": float(out[1]), "recall": float(out[3]), "f1": float(out[5])}


def _ours(name: str, data: bytes) -> str:
    try:
        return to_text(extract(data, name))
    except PipelineError:
        return ""


def _run(label: str, pages: list[tuple[str, bytes]], tool, shared: Path, work: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    out_dir = work / label
    out_dir.mkdir()
    texts = []
    started = time.perf_counter()
    for name, data in pages:
        texts.append((name, tool(name, data)))
    elapsed = time.perf_counter() - started
    for name, text in texts:
        (out_dir / f"{name}.txt").write_text(text or "", encoding="utf-8")
    result: dict[str, object] = {"tool": label, **_score(shared, out_dir), "pages": len(pages),
                                 "seconds": round(elapsed, 3), "pages_per_second": round(len(pages) / elapsed, 1)}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    bench = args.shared / "bench"
    if not bench.is_dir():
        print(f"bench: {bench} is absent; the benchmark needs ../shared/bench", file=sys.stderr)
        return 1
    html_pages = [(p.name.removesuffix(".html.gz"), gzip.decompress(p.read_bytes()))
                  for p in sorted((bench / "article-extraction-benchmark" / "html").glob("*.html.gz"))]
    dumps = [(p.stem, p.read_bytes()) for p in sorted((bench / "text-dumps").glob("*.txt"))]

    import trafilatura  # imported here: a benchmark-only dependency

    def traf(name: str, data: bytes) -> str:
        return trafilatura.extract(data) or ""

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # Warm both up once so that import and first-call costs are not timed.
        _ours(html_pages[0][0], html_pages[0][1])
        traf(*html_pages[0])
        results.append({"input": "html", **_run("pipeline", html_pages, lambda n, d: _ours(n + ".html", d), args.shared, work)})
        results.append({"input": "html", **_run("trafilatura-2.3.1", html_pages, traf, args.shared, work)})
        results.append({"input": "text-dump", **_run("pipeline-dumps", dumps, lambda n, d: _ours(n + ".txt", d), args.shared, work)})
        results.append({"input": "text-dump", **_run("keep-everything", dumps, lambda n, d: d.decode("utf-8", "replace"), args.shared, work)})
    ours, theirs = results[0], results[1]
    print(f"{'input':<10} {'tool':<20} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8}")
    for r in results:
        print(f"{r['input']:<10} {r['tool']:<20} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} {r['pages_per_second']:>8}")
    speed = float(ours["pages_per_second"]) / float(theirs["pages_per_second"])  # type: ignore[arg-type]
    print(f"html speed: pipeline / trafilatura = {speed:.2f}x (same pages, same run)")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "html_speed_ratio": round(speed, 2)}, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

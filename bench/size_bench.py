"""Time against input size: generated resolutions of 1, 5 and 10 MB (up to 100,000 numbered
items), the whole extract call, one after the other in one process.

    python bench/size_bench.py [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pipeline.run import extract

ITEM = "{n}. Decides that the measures listed in the annex shall apply to item {n} of the programme;\n"


def document(megabytes: float) -> bytes:
    head = "Resolution on a long programme\n\nThe Assembly,\n\nRecalling its earlier decisions,\n\n"
    parts, size, n = [head], len(head), 0
    while size < megabytes * 1_000_000:
        n += 1
        line = ITEM.format(n=n)
        parts.append(line)
        size += len(line)
    return "".join(parts).encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rows = []
    for megabytes in (1, 5, 10):
        data = document(megabytes)
        started = time.perf_counter()
        doc = extract(data, "long.txt")
        seconds = time.perf_counter() - started
        items = sum(len(s.recommendations) for s in doc.sections)
        rows.append({"megabytes": round(len(data) / 1e6, 2), "items": items, "seconds": round(seconds, 2),
                     "megabytes_per_second": round(len(data) / 1e6 / seconds, 2)})
    print(f"{'MB':>6} {'items':>8} {'seconds':>8} {'MB/s':>6}")
    for r in rows:
        print(f"{r['megabytes']:>6} {r['items']:>8} {r['seconds']:>8} {r['megabytes_per_second']:>6}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

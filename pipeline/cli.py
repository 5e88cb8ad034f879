"""The command line: a thin adapter over the library.

    python -m pipeline extract PATH... -o DIR [--check] [--format json|text|source]
                                              [--errors FILE] [--max-bytes N]
    python -m pipeline schema [-o FILE]
    python -m pipeline evaluate CORPUS_DIR [--json]

Each command parses its options, calls the library, and turns library errors into one
line on stderr naming the file. A failing input never stops the batch. Exit status: 0 all
good; 1 some input failed or (with --check) DIR differs; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO

from .errors import InputError, PipelineError
from .load import load
from .model import json_schema
from .run import extract
from .write import remove_stale_temporaries, to_json, to_text, write_atomic

INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_SUFFIXES = {"json": ".json", "text": ".txt", "source": ".source.txt"}
DEFAULT_MAX_BYTES = 50_000_000
_DIFF_LINES = 20


@dataclass(frozen=True)
class Job:
    path: Path
    relative: str  # POSIX path relative to the input root
    target: Path


def _inputs(paths: Sequence[str], out_dir: Path, suffix: str) -> Iterator[Job | str]:
    """Jobs in a stable order; a string is an error line for a path that cannot be used."""
    for given in paths:
        root = Path(given)
        if root.is_dir():
            files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            for file in files:
                rel = PurePosixPath(file.relative_to(root).as_posix())
                yield Job(file, str(rel), out_dir / Path(str(rel.with_suffix(suffix))))
        elif root.is_file():
            yield Job(root, root.name, out_dir / Path(root.name).with_suffix(suffix))
        else:
            yield f"{given}: no such file or directory"


class _Report:
    """One line on stderr per failed input, and the same facts as JSON Lines for --errors."""

    def __init__(self, err: TextIO, path: str | None) -> None:
        self.err = err
        self.handle = open(path, "w", encoding="utf-8") if path else None  # noqa: SIM115 - closed in close()
        self.failed = 0

    def fail(self, file: str, kind: str, message: str, position: int | None = None) -> None:
        self.failed += 1
        print(f"error: {message}", file=self.err)
        if self.handle:
            record = {"file": file, "error": kind, "message": message, "position": position}
            self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.handle.flush()

    def close(self) -> None:
        if self.handle:
            self.handle.close()


def _extract(args: argparse.Namespace, err: TextIO) -> int:
    out_dir = Path(args.output)
    written = differing = with_warnings = 0
    produced: set[Path] = set()
    report = _Report(err, args.errors)
    if not args.check:
        remove_stale_temporaries(out_dir)
    for job in _inputs(args.paths, out_dir, _SUFFIXES[args.format]):
        if isinstance(job, str):
            report.fail(job.split(":", 1)[0], "InputError", job)
            continue
        if job.target in produced:
            report.fail(job.relative, "InputError",
                        f"{job.relative}: its output {job.target} is already produced by another input")
            continue
        produced.add(job.target)
        try:
            size = job.path.stat().st_size
            if size > args.max_bytes:
                raise InputError(job.relative, f"the file is {size} bytes, over the limit of {args.max_bytes} "
                                               "(raise it with --max-bytes)")
            data = job.path.read_bytes()
            if args.format == "source":
                content = load(data, job.relative).text
            else:
                document = extract(data, job.relative)
                with_warnings += bool(document.warnings)
                content = to_text(document) if args.format == "text" else to_json(document.model_dump(mode="json"))
        except PipelineError as exc:
            report.fail(job.relative, type(exc).__name__, str(exc), exc.position)
            continue
        except OSError as exc:
            report.fail(job.relative, "OSError", f"{job.relative}: cannot read it ({exc.strerror})")
            continue
        except Exception as exc:  # a bug must not stop the batch; report it as one line
            report.fail(job.relative, type(exc).__name__, f"{job.relative}: internal error {type(exc).__name__}: {exc}")
            continue
        if args.check:
            differing += _compare(job.target, content, err)
        else:
            write_atomic(job.target, content)
            written += 1
    report.close()
    failed = report.failed
    if args.check:
        if out_dir.is_dir():
            pattern = "*" + _SUFFIXES[args.format]
            for stale in sorted(p for p in out_dir.rglob(pattern) if p not in produced):
                print(f"check: {stale} has no input any more", file=err)
                differing += 1
        verdict = "up to date" if not differing else f"{differing} file(s) differ"
        print(f"check: {len(produced)} document(s), {verdict}, {failed} failed", file=err)
    else:
        print(f"extract: {written} document(s) written to {out_dir} ({with_warnings} with warnings), "
              f"{failed} failed", file=err)
    return 1 if failed or differing else 0


def _compare(target: Path, content: str, err: TextIO) -> int:
    old = target.read_text(encoding="utf-8") if target.is_file() else ""
    if old == content:
        return 0
    diff = list(difflib.unified_diff(old.splitlines(), content.splitlines(), str(target), "new", lineterm="", n=1))
    print(f"check: {target} differs", file=err)
    for line in diff[:_DIFF_LINES]:
        print(f"  {line}", file=err)
    if len(diff) > _DIFF_LINES:
        print(f"  ... {len(diff) - _DIFF_LINES} more diff lines", file=err)
    return 1


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    content = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        write_atomic(Path(args.output), content)
    else:
        out.write(content)
    return 0


def _evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .evaluate import evaluate_folder, summary

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"error: {corpus}: not a folder of <name>/raw.* + expected.json documents", file=err)
        return 1
    results = evaluate_folder(corpus)
    overall = summary(results)
    if args.json:
        out.write(json.dumps({"documents": [r.as_dict() for r in results], "overall": overall},
                             ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(f"{'document':<55} exact  cons P/R      recs P/R      num    head  title leaks\n")
    for r in results:
        c, m = r.considerations, r.recommendations
        flag = "ERROR" if r.error else ("yes" if r.exact else "no")
        out.write(f"{r.name[:55]:<55} {flag:<6} {c.precision:.2f}/{c.recall:.2f}  {m.precision:.2f}/{m.recall:.2f}"
                  f"  {r.numbers_right:>2}/{r.numbers_total:<3} {r.headings_right}/{r.sections_expected:<3}"
                  f" {'ok' if r.title_right else '--':<5} {r.chrome_leaks}\n")
    c, m = overall["considerations"], overall["recommendations"]
    out.write(f"overall: {overall['exact']}/{overall['documents']} exact, {overall['errors']} errors; "
              f"considerations P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}; "
              f"recommendations P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}\n")
    out.write(f"numbers {overall['number_accuracy']:.3f}, headings {overall['heading_accuracy']:.3f}, "
              f"section counts {overall['section_count_accuracy']:.3f}, titles {overall['title_accuracy']:.3f}, "
              f"chrome leaks {overall['chrome_leaks']}\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description="Turn raw published documents into validated, structured JSON.")
    commands = parser.add_subparsers(dest="command", required=True)
    ext = commands.add_parser(
        "extract", help="raw documents -> structured JSON",
        description="Extract every input (files, or folders searched for "
                    + ", ".join(INPUT_SUFFIXES) + ") into DIR/<relative path>.json.",
        epilog="examples: pipeline extract raw -o output | pipeline extract raw -o output --check | "
               "pipeline extract page.html -o clean --format text",
    )
    ext.add_argument("paths", nargs="+", metavar="PATH")
    ext.add_argument("-o", "--output", required=True, metavar="DIR")
    ext.add_argument("--check", action="store_true",
                     help="write nothing; exit 1 with a short diff when DIR differs from a fresh run")
    ext.add_argument("--errors", metavar="FILE", help="also write every failure as JSON Lines "
                     "(file, error, message, position) to FILE")
    ext.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                     help=f"refuse inputs larger than N bytes (default {DEFAULT_MAX_BYTES})")
    ext.add_argument("--format", choices=("json", "text", "source"), default="json",
                     help="json: the structured document (default); text: the kept main text as plain "
                          "UTF-8; source: the text that spans point into (an HTML page's rendered text)")
    sch = commands.add_parser("schema", help="print (or write) the output JSON Schema",
                              epilog="example: pipeline schema -o schemas/document.schema.json")
    sch.add_argument("-o", "--output", metavar="FILE")
    ev = commands.add_parser(
        "evaluate", help="score the parser on annotated documents",
        description="Compare the extraction of every CORPUS_DIR/<name>/raw.* with its expected.json.",
        epilog="example: pipeline evaluate ../shared/corpus --json",
    )
    ev.add_argument("corpus", metavar="CORPUS_DIR")
    ev.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            parser = _parser()
            args, extra = parser.parse_known_args(argv)
            # Paths may also come after the options ("extract a -o out b").
            if extra and args.command == "extract" and not any(e.startswith("-") for e in extra):
                args.paths += extra
            elif extra:
                parser.error("unrecognized arguments: " + " ".join(extra))
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command == "extract":
        return _extract(args, err)
    if args.command == "evaluate":
        return _evaluate(args, out, err)
    return _schema(args, out)


def main_entry() -> None:
    raise SystemExit(main())

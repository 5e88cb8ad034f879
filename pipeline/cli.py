"""The command line: a thin adapter over the library.

    python -m pipeline extract PATH... -o DIR|FILE|- [--check] [--format json|jsonl|text|source]
                       [--jobs N] [--dask-scheduler ADDRESS] [--errors FILE] [--max-bytes N]
    python -m pipeline schema [-o FILE]
    python -m pipeline evaluate CORPUS_DIR [--json]

Each command parses its options, calls the library, and turns library errors into one
line on stderr naming the file. A failing input never stops the batch. Exit status: 0 all
good; 1 some input failed or (with --check) the output differs; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import TextIO

from .batch import FORMATS, Job, Outcome, default_workers, run
from .errors import UsageError
from .write import TEMP_SUFFIX, remove_stale_temporaries, write_atomic

# Only light modules are imported here: `pipeline --help` must start fast. The parser, the
# model and the validator are imported by the commands that use them.

INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_SUFFIXES = {"json": ".json", "text": ".txt", "source": ".source.txt", "jsonl": ".jsonl", "akn": ".akn.xml",
             "sqlite": ".sqlite"}
DEFAULT_MAX_BYTES = 50_000_000
_DIFF_LINES = 20


def _inputs(paths: Sequence[str], out_dir: Path, suffix: str) -> Iterator[Job | str]:
    """Jobs in a stable order; a string is an error line for a path that cannot be used."""
    for given in paths:
        root = Path(given)
        if root.is_dir():
            files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            for file in files:
                rel = PurePosixPath(file.relative_to(root).as_posix())
                yield Job(str(file), str(rel), str(out_dir / Path(str(rel.with_suffix(suffix)))))
        elif root.is_file():
            yield Job(str(root), root.name, str(out_dir / Path(root.name).with_suffix(suffix)))
        else:
            yield f"{given}: no such file or directory"


def _overwrites_input(job: Job, single_output: str | None) -> bool:
    """Whether writing this job's output (or the one output file of the batch) would replace
    the input file itself ('pipeline extract a.txt -o . --format text')."""
    target = Path(single_output) if single_output and single_output != "-" else Path(job.target)
    try:
        return target.resolve() == Path(job.path).resolve()
    except OSError:
        return False


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


class _Lines:
    """The destination of --format jsonl: stdout ('-'), or a file that appears complete or
    not at all (written under a temporary name, renamed when the batch is done); with
    --check, a comparison with the existing file, line by line, without holding either."""

    def __init__(self, target: str, check: bool, out: TextIO) -> None:
        self.target, self.check, self.out = target, check, out
        self.lines = 0
        self.first_difference: int | None = None
        self.handle: TextIO | None = None
        self.old: TextIO | None = None
        if target == "-":
            self.handle = out
        elif check:
            self.old = open(target, encoding="utf-8") if Path(target).is_file() else None  # noqa: SIM115
        else:
            folder = Path(target).resolve().parent
            folder.mkdir(parents=True, exist_ok=True)
            self.tmp = folder / f".{Path(target).name}.{id(self)}{TEMP_SUFFIX}"
            self.handle = open(self.tmp, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def add(self, line: str) -> None:
        self.lines += 1
        if self.old is not None or (self.check and self.target != "-"):
            if (self.old.readline() if self.old else "") != line and self.first_difference is None:
                self.first_difference = self.lines
        elif self.handle is not None:
            self.handle.write(line)

    def finish(self, err: TextIO) -> int:
        """Close the destination; with --check, the number of differing files (0 or 1)."""
        if self.target == "-":
            self.out.flush()
            return 0
        if self.check:
            extra = bool(self.old and self.old.readline())
            if self.old:
                self.old.close()
            if self.first_difference is None and not extra and (self.old or not self.lines):
                return 0
            where = self.first_difference or self.lines + 1
            print(f"check: {self.target} differs (first at line {where})", file=err)
            return 1
        assert self.handle is not None
        self.handle.flush()
        import os

        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.tmp, self.target)
        return 0

    def abandon(self) -> None:
        if self.handle is not None and self.target != "-" and not self.check:
            self.handle.close()
            Path(self.tmp).unlink(missing_ok=True)


class _Rows:
    """The destination of --format sqlite: documents upserted one transaction each."""

    def __init__(self, target: str) -> None:
        from .store import connect

        Path(target).resolve().parent.mkdir(parents=True, exist_ok=True)
        self.db = connect(target)
        self.states: dict[str, int] = {"added": 0, "updated": 0, "unchanged": 0}

    def add(self, line: str) -> None:
        from .store import upsert

        self.states[upsert(self.db, json.loads(line), line.rstrip("\n"))] += 1

    def finish(self, err: TextIO) -> int:
        self.db.close()
        print("extract: database rows: " + ", ".join(f"{n} {state}" for state, n in self.states.items()), file=err)
        return 0

    def abandon(self) -> None:
        self.db.close()


def _extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    started = time.perf_counter()
    if args.format == "sqlite" and (args.check or args.output == "-"):
        print("error: --format sqlite writes a database file: give -o FILE, without --check", file=err)
        return 2
    if args.format == "akn":
        try:
            from .akn import _schema

            _schema()
        except UsageError as exc:
            print(f"error: {exc}", file=err)
            return 2
    try:
        config = _config(args)  # a bad configuration stops the run before anything is written
    except UsageError as exc:
        print(f"error: {exc}", file=err)
        return 2
    jsonl = args.format in ("jsonl", "sqlite")
    if jsonl and args.output != "-" and Path(args.output).is_file():
        target = Path(args.output).resolve()
        if any(isinstance(job, Job) and Path(job.path).resolve() == target
               for job in _inputs(args.paths, Path(args.output), "")):
            print(f"error: {args.output}: the output file is one of the inputs; choose another -o", file=err)
            return 2
    out_dir = Path(args.output)
    written = differing = 0
    totals = {"documents with warnings": 0}
    produced: set[str] = set()
    report = _Report(err, args.errors)
    if not args.check and not jsonl:
        remove_stale_temporaries(out_dir)
    if jsonl and args.output != "-" and not args.check:
        remove_stale_temporaries(out_dir.resolve().parent)
    lines: _Lines | _Rows | None = None
    if args.format == "sqlite":
        lines = _Rows(args.output)
    elif jsonl:
        lines = _Lines(args.output, args.check, out)

    def usable() -> Iterator[Job | Outcome]:
        # An input refused here goes down the batch as a failed Outcome, so that its error
        # line comes out in input order whatever the number of workers.
        for job in _inputs(args.paths, out_dir, _SUFFIXES[args.format]):
            if isinstance(job, str):
                name = job.split(":", 1)[0]
                yield Outcome(Job(name, name, ""), None, error="InputError", message=job)
            elif not jsonl and job.target in produced:
                yield Outcome(job, None, error="InputError",
                              message=f"{job.relative}: its output {job.target} is already produced by another input")
            elif _overwrites_input(job, args.output if jsonl else None):
                yield Outcome(job, None, error="InputError",
                              message=f"{job.relative}: its output would overwrite the input itself; choose another -o")
            else:
                produced.add(job.target)
                yield job

    outcomes: Iterator[Outcome]
    if args.dask_scheduler:
        from .distributed import run_on_dask

        outcomes = run_on_dask(usable(), args.format, args.max_bytes, args.dask_scheduler, config, args.profile)
    else:
        outcomes = run(usable(), args.format, args.max_bytes, workers=args.jobs or default_workers(),
                       config=config, profile=args.profile)
    progress = _progress(args, err)
    try:
        for outcome in outcomes:
            job = outcome.job
            if progress is not None:
                progress.update()
            if outcome.content is None:
                report.fail(job.relative, outcome.error or "Error", outcome.message or "", outcome.position)
                continue
            totals["documents with warnings"] += bool(outcome.counts.warnings)
            for key in ("sections", "considerations", "recommendations", "warnings"):
                totals[key] = totals.get(key, 0) + getattr(outcome.counts, key)
            if lines is not None:
                lines.add(outcome.content)
                written += 1
            elif args.check:
                differing += _compare(Path(job.target), outcome.content, err)
            else:
                write_atomic(Path(job.target), outcome.content)
                written += 1
    except UsageError as exc:
        if lines is not None:
            lines.abandon()
        report.close()
        print(f"error: {exc}", file=err)
        return 2
    except BaseException:
        if lines is not None:
            lines.abandon()
        raise
    finally:
        if progress is not None:
            progress.close()
    report.close()
    failed = report.failed
    if lines is not None:
        differing += lines.finish(err)
    seconds = time.perf_counter() - started
    if args.check:
        if not jsonl and out_dir.is_dir():
            pattern = "*" + _SUFFIXES[args.format]
            for stale in sorted(p for p in out_dir.rglob(pattern) if str(p) not in produced):
                print(f"check: {stale} has no input any more", file=err)
                differing += 1
        count = written if jsonl else len(produced)
        verdict = "up to date" if not differing else f"{differing} file(s) differ"
        print(f"check: {count} document(s), {verdict}, {failed} failed", file=err)
    elif not args.quiet:
        where = "stdout" if args.output == "-" else args.output
        print(f"extract: {written} document(s) written to {where} ({totals['documents with warnings']} with warnings), "
              f"{failed} failed in {seconds:.1f} s", file=err)
        print(f"extract: {totals.get('sections', 0)} sections, {totals.get('considerations', 0)} considerations, "
              f"{totals.get('recommendations', 0)} recommendations (sub-items included), "
              f"{totals.get('warnings', 0)} warnings", file=err)
    return 1 if failed or differing else 0


def _config(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The configuration given with --config (checked whole before any document is read),
    with --profile checked against it; None when neither is given."""
    if not args.config and not args.profile:
        return None
    from .config import Config, load_config

    config = load_config(args.config) if args.config else Config()
    if args.profile:
        config.profile(args.profile)
    return config


def _progress(args: argparse.Namespace, err: TextIO):  # type: ignore[no-untyped-def]
    """A progress bar on stderr for a batch, only when stderr is a terminal and not --quiet
    (the inputs are counted first: listing files is cheap next to parsing them)."""
    if args.quiet or not (hasattr(err, "isatty") and err.isatty()):
        return None
    from tqdm import tqdm

    total = sum(1 for _ in _inputs(args.paths, Path(args.output), _SUFFIXES[args.format]))
    return tqdm(total=total, file=err, unit="doc", dynamic_ncols=True, leave=False)


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


def _review(args: argparse.Namespace, err: TextIO) -> int:
    from .errors import PipelineError
    from .load import load
    from .review import expected_counts, index_page, review_page
    from .run import extract_loaded

    out_dir = Path(args.output)
    entries: list[dict[str, object]] = []
    failed = 0
    try:
        config = _config(args)
    except UsageError as exc:
        print(f"error: {exc}", file=err)
        return 2
    for job in _inputs(args.paths, out_dir, ".html"):
        if isinstance(job, str):
            print(f"error: {job}", file=err)
            failed += 1
            continue
        if _overwrites_input(job, None):
            print(f"error: {job.relative}: its review page would overwrite the input itself; choose another -o",
                  file=err)
            entries.append({"name": job.relative, "error": "its review page would overwrite the input"})
            failed += 1
            continue
        try:
            loaded = load(Path(job.path).read_bytes(), job.relative)
            _, doc = extract_loaded(loaded, job.relative, config, args.profile)
            text = loaded.text
        except (PipelineError, OSError) as exc:
            message = str(exc) if isinstance(exc, PipelineError) else f"{job.relative}: cannot read it ({exc})"
            print(f"error: {message}", file=err)
            entries.append({"name": job.relative, "error": message})
            failed += 1
            continue
        write_atomic(Path(job.target), review_page(doc, text, job.relative))
        entries.append({"name": job.relative, "href": Path(job.target).relative_to(out_dir).as_posix(),
                        "title": doc["title"], "sections": len(doc["sections"]), "counts": expected_counts(doc),
                        "warnings": len(doc["warnings"])})
    write_atomic(out_dir / "index.html", index_page(entries))
    print(f"review: {len(entries) - failed} page(s) and index.html written to {out_dir}, {failed} failed", file=err)
    return 1 if failed else 0


def _json_documents(paths: Sequence[str]) -> Iterator[tuple[str, object]]:
    """(name, parsed JSON or the one-line parse error) for every .json file (folders searched
    recursively) and every line of a .jsonl file."""
    for given in paths:
        root = Path(given)
        files = sorted(p for p in root.rglob("*") if p.suffix in (".json", ".jsonl")) if root.is_dir() else [root]
        for file in files:
            name = str(file)
            try:
                raw = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield name, ValueError(f"cannot read it ({exc})")
                continue
            chunks = [(f"{name}:{n}", line) for n, line in enumerate(raw.splitlines(), 1) if line.strip()] \
                if file.suffix == ".jsonl" else [(name, raw)]
            for where, text in chunks:
                try:
                    yield where, json.loads(text)
                except json.JSONDecodeError as exc:
                    yield where, ValueError(f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .validate import schema_errors

    valid = invalid = 0
    for name, document in _json_documents(args.files):
        problems = [str(document)] if isinstance(document, ValueError) else schema_errors(document)
        if problems:
            invalid += 1
            out.writelines(f"{name}: {problem}\n" for problem in problems)
        else:
            valid += 1
            if args.verbose:
                out.write(f"{name}: valid\n")
    if valid + invalid == 0:
        print("validate: no .json or .jsonl file found in " + " ".join(args.files), file=err)
        return 1
    print(f"validate: {valid} valid, {invalid} invalid", file=err)
    return 1 if invalid else 0


def _diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .diff import diff_documents, render

    old_root, new_root = Path(args.old), Path(args.new)
    if old_root.is_dir() != new_root.is_dir():
        print("error: diff takes two files or two folders", file=err)
        return 2
    if old_root.is_dir():
        old_files = {p.relative_to(old_root).as_posix(): p for p in old_root.rglob("*.json")}
        new_files = {p.relative_to(new_root).as_posix(): p for p in new_root.rglob("*.json")}
        pairs = [(name, old_files.get(name), new_files.get(name)) for name in sorted(set(old_files) | set(new_files))]
    else:
        pairs = [(new_root.name, old_root, new_root)]
    records: list[dict[str, object]] = []
    differing = changes_total = 0
    for name, old_path, new_path in pairs:
        if old_path is None or new_path is None:
            differing += 1
            state = "added" if old_path is None else "removed"
            records.append({"document": name, "change": state})
            if not args.json:
                out.write(f"{name}: {'only in NEW' if old_path is None else 'only in OLD'}\n")
            continue
        try:
            old = json.loads(old_path.read_text(encoding="utf-8"))
            new = json.loads(new_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"error: {name}: cannot read it as JSON ({exc})", file=err)
            return 2
        changes = diff_documents(old, new)
        if changes:
            differing += 1
            changes_total += len(changes)
            records.append({"document": name, "change": "changed", "changes": [c.as_dict() for c in changes]})
            if not args.json:
                out.write("\n".join(render(name, changes)) + "\n")
    if args.json:
        out.write(json.dumps({"documents": records}, ensure_ascii=False, indent=2) + "\n")
    print(f"diff: {differing} of {len(pairs)} document(s) differ, {changes_total} change(s)", file=err)
    return 1 if differing else 0


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    from .model import json_schema

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


def _config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE",
                        help="a TOML file of extra rules (chrome patterns, heading cues, lexicon) and per-source "
                             "profiles; see the README")
    parser.add_argument("--profile", metavar="NAME",
                        help="apply this profile of the configuration to every input (default: the first "
                             "profile whose match applies to the input, if any)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description="Turn raw published documents into validated, structured JSON.")
    commands = parser.add_subparsers(dest="command", required=True)
    ext = commands.add_parser(
        "extract", help="raw documents -> structured JSON",
        description="Extract every input (files, or folders searched for "
                    + ", ".join(INPUT_SUFFIXES) + ") into DIR/<relative path>.json, or, with "
                    "--format jsonl, into one JSON Lines FILE (or stdout with -o -).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  pipeline extract raw -o output\n"
               "  pipeline extract raw -o output --check\n"
               "  pipeline extract crawl/ -o crawl.jsonl --format jsonl --jobs 2\n"
               "  pipeline extract crawl/ -o - --format jsonl | jq .title\n"
               "  pipeline extract page.html -o clean --format text\n"
               "  pipeline extract raw -o akn --format akn\n"
               "  pipeline extract crawl/ -o crawl.sqlite --format sqlite --jobs 2\n"
               "  pipeline extract crawl/ -o out --dask-scheduler tcp://scheduler:8786",
    )
    ext.add_argument("paths", nargs="+", metavar="PATH")
    ext.add_argument("-o", "--output", required=True, metavar="DIR|FILE",
                     help="the output folder; for --format jsonl a file, or - for stdout")
    ext.add_argument("--check", action="store_true",
                     help="write nothing; exit 1 with a short diff when the output differs from a fresh run")
    ext.add_argument("--errors", metavar="FILE", help="also write every failure as JSON Lines "
                     "(file, error, message, position) to FILE")
    ext.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                     help=f"refuse inputs larger than N bytes (default {DEFAULT_MAX_BYTES})")
    ext.add_argument("--format", choices=FORMATS, default="json",
                     help="json: the structured document, one file per input (default); jsonl: one "
                          "document per line, streamed in input order; text: the kept main text as plain "
                          "UTF-8; source: the text that spans point into (an HTML page's rendered text); akn: "
                          "Akoma Ntoso 3.0 XML, validated against the OASIS schema (DIR/<path>.akn.xml); sqlite: "
                          "rows with full-text search in the database FILE given as -o (updated in place on re-runs)")
    _config_options(ext)
    ext.add_argument("-q", "--quiet", action="store_true",
                     help="no progress bar and no summary; only the error lines")
    ext.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                     help="worker processes (default 1; 0: one per CPU); the output is the same as with 1")
    ext.add_argument("--dask-scheduler", metavar="ADDRESS",
                     help="run on a Dask cluster: its scheduler address (tcp://host:8786), or 'local' for a "
                          "local cluster; needs the dask extra (pip install '.[dask]')")
    rev = commands.add_parser(
        "review", help="an HTML page per document showing what was extracted",
        description="Extract every input and write DIR/<relative path>.html: the source text with every "
                    "extracted span highlighted by kind (chrome greyed out), warnings at their positions, a "
                    "legend and a summary; and DIR/index.html for the batch. The pages have no external "
                    "assets: open them from disk.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  pipeline review raw -o review && xdg-open review/index.html\n"
               "  pipeline review page.html -o /tmp/review",
    )
    rev.add_argument("paths", nargs="+", metavar="PATH")
    rev.add_argument("-o", "--output", required=True, metavar="DIR")
    _config_options(rev)
    val = commands.add_parser(
        "validate", help="check JSON documents against the schema",
        description="Validate every FILE (a .json document, every line of a .jsonl file, or every such file "
                    "in a folder) against the output schema. Each error is printed as FILE: JSON path: message; "
                    "the exit status is 1 when any document is invalid.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  pipeline validate output\n  pipeline validate crawl.jsonl other.json -v",
    )
    val.add_argument("files", nargs="+", metavar="FILE")
    val.add_argument("-v", "--verbose", action="store_true", help="also name the valid documents")
    dif = commands.add_parser(
        "diff", help="what changed between two extractions",
        description="Compare two extractions (two JSON files, or two output folders matched by relative "
                    "path): title, facts, paragraphs, sections, considerations and recommendations (sub-items "
                    "included) added, removed or changed, matched by heading and number where they have them "
                    "and by position otherwise, with word-level differences ([-old-] {+new+}); removed lines "
                    "and warnings by count. Exit status 1 when they differ.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  pipeline extract raw -o /tmp/new && pipeline diff output /tmp/new\n"
               "  pipeline diff old/doc.json new/doc.json --json",
    )
    dif.add_argument("old", metavar="OLD")
    dif.add_argument("new", metavar="NEW")
    dif.add_argument("--json", action="store_true", help="machine-readable output")
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
        if args.jobs < 0:
            print("error: --jobs must be 0 (one per CPU) or more", file=err)
            return 2
        return _extract(args, out, err)
    if args.command == "evaluate":
        return _evaluate(args, out, err)
    if args.command == "review":
        return _review(args, err)
    if args.command == "validate":
        return _validate(args, out, err)
    if args.command == "diff":
        return _diff(args, out, err)
    return _schema(args, out)


def main_entry() -> None:
    raise SystemExit(main())

"""`pipeline validate` and `pipeline diff`, in process and as a subprocess."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

from pipeline.diff import diff_documents, word_diff

from .conftest import DOCUMENTS, ROOT
from .test_cli import run

SEED_JSON = next((ROOT / "output").glob("*.json"))


def _seed() -> dict:  # type: ignore[type-arg]
    return json.loads(SEED_JSON.read_text(encoding="utf-8"))


def test_validate_reports_every_error_with_its_json_path(tmp_path: Path) -> None:
    good = _seed()
    bad = copy.deepcopy(good)
    bad["sections"][0]["recommendations"][1]["span"] = [5, "x"]
    del bad["source"]["sha256"]
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"a": ', encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    code, out, err = run("validate", str(tmp_path))
    assert code == 1 and "validate: 2 valid, 3 invalid" in err
    lines = out.splitlines()
    assert f"{tmp_path / 'bad.json'}: $.sections[0].recommendations[1].span[1]: 'x' is not of type 'integer'" in lines
    assert f"{tmp_path / 'bad.json'}: $.source: 'sha256' is a required property" in lines
    assert f"{tmp_path / 'batch.jsonl'}:2: $.source: 'sha256' is a required property" in lines
    assert any(line.startswith(f"{tmp_path / 'broken.json'}: not JSON: Expecting value at line 1") for line in lines)
    assert run("validate", str(tmp_path / "good.json"))[0] == 0
    assert run("validate", str(tmp_path / "nothing-here"))[0] == 1


def test_word_diff_marks_removed_and_added_words() -> None:
    assert word_diff("to promote the adoption of measures", "to promote adoption of strong measures") == \
        "to promote [-the-] adoption of {+strong+} measures"


def test_diff_of_a_document_with_itself_is_empty_and_exit_0(tmp_path: Path) -> None:
    assert diff_documents(_seed(), _seed()) == []
    code, out, err = run("diff", str(SEED_JSON), str(SEED_JSON))
    assert code == 0 and out == "" and "diff: 0 of 1 document(s) differ" in err


def test_diff_matches_items_by_number_and_shows_word_changes(tmp_path: Path) -> None:
    old, new = _seed(), _seed()
    section = new["sections"][0]
    recs = section["recommendations"]
    recs[2]["text"] = recs[2]["text"].replace("support", "help", 1)
    removed = recs.pop(4)
    section["considerations"].insert(0, dict(section["considerations"][0], text="noting the new report of the panel,"))
    new["title"] = old["title"] + " again"
    new["chrome"] = new["chrome"][:-1]
    changes = [(c.change, c.kind, c.where) for c in diff_documents(old, new)]
    heading = old["sections"][0]["heading"]
    assert ("changed", "title", "title") in changes
    assert ("added", "consideration", f'section 1 "{heading[:59]}\u2026" > consideration 1') in changes
    number = recs[2]["number"]
    assert ("changed", "recommendation", f'section 1 "{heading[:59]}\u2026" > recommendation {number}') in changes
    assert ("removed", "recommendation",
            f'section 1 "{heading[:59]}\u2026" > recommendation {removed["number"]}') in changes
    assert ("changed", "chrome", "chrome") in changes
    # Items after the removed one keep their numbers, so they match and are not "changed".
    assert len([c for c in changes if c[1] == "recommendation"]) == 2
    words = next(c.words for c in diff_documents(old, new) if c.kind == "recommendation" and c.change == "changed")
    assert "[-support-] {+help+}" in words


def test_diff_of_two_folders_as_text_and_json(tmp_path: Path) -> None:
    run("extract", str(DOCUMENTS), "-o", str(tmp_path / "a"))
    run("extract", str(DOCUMENTS), "-o", str(tmp_path / "b"))
    target = next((tmp_path / "b").glob("*.json"))
    doc = json.loads(target.read_text(encoding="utf-8"))
    doc["sections"][0]["recommendations"][0]["text"] += " and more"
    target.write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "b" / "extra.json").write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run("diff", str(tmp_path / "a"), str(tmp_path / "b"))
    assert code == 1 and "diff: 2 of" in err
    assert f"{target.name}: 1 change(s)" in out and "{+and more+}" in out and "extra.json: only in NEW" in out
    code, out, _ = run("diff", str(tmp_path / "a"), str(tmp_path / "b"), "--json")
    records = {r["document"]: r for r in json.loads(out)["documents"]}
    assert records["extra.json"]["change"] == "added"
    assert records[target.name]["changes"][0]["kind"] == "recommendation"
    assert run("diff", str(tmp_path / "a"), str(target))[0] == 2  # a folder and a file


def test_every_subcommand_has_help_with_examples() -> None:
    for command in ("extract", "validate", "diff", "review", "schema", "evaluate"):
        result = subprocess.run([sys.executable, "-m", "pipeline", command, "--help"], capture_output=True,
                                text=True, check=True, cwd=ROOT)
        assert "example" in result.stdout, command


def test_each_subcommand_end_to_end_as_a_subprocess(tmp_path: Path) -> None:
    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pipeline", *argv], capture_output=True, text=True, cwd=ROOT,
                              check=False)

    src = tmp_path / "in"
    src.mkdir()
    (src / "un_style.txt").write_bytes((DOCUMENTS / "un_style.txt").read_bytes())
    extracted = cli("extract", str(src), "-o", str(tmp_path / "a"), "--jobs", "2")
    assert extracted.returncode == 0 and "1 document(s) written" in extracted.stderr
    assert cli("extract", str(src), "-o", str(tmp_path / "all.jsonl"), "--format", "jsonl").returncode == 0
    valid = cli("validate", str(tmp_path / "a"), str(tmp_path / "all.jsonl"), "-v")
    assert valid.returncode == 0 and "validate: 2 valid, 0 invalid" in valid.stderr
    same = cli("diff", str(tmp_path / "a"), str(tmp_path / "a"))
    assert same.returncode == 0 and same.stdout == ""
    reviewed = cli("review", str(src), "-o", str(tmp_path / "review"))
    assert reviewed.returncode == 0 and (tmp_path / "review" / "un_style.html").is_file()
    schema = cli("schema")
    assert schema.returncode == 0 and json.loads(schema.stdout)["title"] == "Document"
    corpus = tmp_path / "corpus" / "one"
    corpus.mkdir(parents=True)
    (corpus / "raw.txt").write_bytes((DOCUMENTS / "un_style.txt").read_bytes())
    (corpus / "expected.json").write_text(json.dumps({"title": None, "sections": []}), encoding="utf-8")
    evaluated = cli("evaluate", str(tmp_path / "corpus"), "--json")
    assert evaluated.returncode == 0 and json.loads(evaluated.stdout)["overall"]["documents"] == 1

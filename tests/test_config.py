"""Configuration: extra chrome patterns, heading cues and lexicon phrases from a TOML file,
per-source profiles, and one-line errors for a bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import Config, load_config
from pipeline.errors import UsageError
from pipeline.run import extract

from .conftest import FIXTURES
from .test_cli import run

MINUTES = FIXTURES / "config_minutes.txt"
BOARD = FIXTURES / "config_board.toml"


def _shape(doc) -> tuple:  # type: ignore[no-untyped-def,type-arg]
    return (doc.source.profile, doc.title,
            [(s.heading, [c.text for c in s.considerations], [r.text for r in s.recommendations]) for s in doc.sections],
            [p.text for p in doc.paragraphs], [(c.reason, c.text) for c in doc.chrome if c.text])


def test_without_configuration_the_shipped_rules_apply_alone() -> None:
    profile, title, sections, paragraphs, chrome = _shape(extract(MINUTES.read_bytes(), "minutes.txt"))
    assert profile is None and sections == [] and chrome == []
    assert "session one - finance and accounts" in paragraphs
    assert "Tap here to follow the board" in (title or "")


def test_rules_and_a_profile_matched_by_site_teach_the_parser_the_document() -> None:
    doc = extract(MINUTES.read_bytes(), "minutes.txt", load_config(BOARD))
    profile, title, sections, _, chrome = _shape(doc)
    assert profile == "harbour"
    assert title == "Harbour Board Bulletin Minutes of the annual meeting"
    assert chrome == [("configured", "Tap here to follow the board")]
    assert sections == [("session one - finance and accounts", ["In view of the report of the treasurer,"],
                         ["Instructs the treasurer to publish the accounts by June;",
                          "Asks the members to pay their dues before the end of the year."])]
    assert [r.lead for r in doc.sections[0].recommendations] == ["instructs", "asks"]
    assert doc.sections[0].considerations[0].lead == "in view of"


def test_profiles_match_by_path_or_by_name() -> None:
    config = load_config(BOARD)
    other = MINUTES.read_bytes().replace(b"Harbour Board", b"River Board")
    assert extract(other, "minutes.txt", config).source.profile is None
    assert extract(other, "ministry/2024/minutes.txt", config).source.profile == "other"
    assert extract(other, "minutes.txt", config, profile="harbour").source.profile == "harbour"
    with pytest.raises(UsageError, match="no profile named 'nope' \\(profiles: harbour, other\\)"):
        extract(other, "minutes.txt", config, profile="nope")


def test_cli_config_and_profile_serial_and_parallel_give_the_same_bytes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(20):
        (src / f"m{i:02d}.txt").write_bytes(MINUTES.read_bytes())
    assert run("extract", str(src), "-o", str(tmp_path / "a"), "--config", str(BOARD))[0] == 0
    assert run("extract", str(src), "-o", str(tmp_path / "b"), "--config", str(BOARD), "--jobs", "2")[0] == 0
    for a in sorted((tmp_path / "a").iterdir()):
        assert a.read_bytes() == (tmp_path / "b" / a.name).read_bytes()
    doc = json.loads((tmp_path / "a" / "m00.json").read_text(encoding="utf-8"))
    assert doc["source"]["profile"] == "harbour" and doc["chrome"][0]["reason"] == "configured"
    code, _, err = run("extract", str(src), "-o", str(tmp_path / "c"), "--config", str(BOARD), "--profile", "nope")
    assert code == 2 and err.strip() == "error: --profile: no profile named 'nope' (profiles: harbour, other)"
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize("content, message", [
    ("[rules]\nchrome_patterns = ['(unclosed']\n",
     "rules.chrome_patterns: item 0: invalid regular expression '(unclosed': missing ), unterminated subpattern"),
    ("[rules]\nchrome_pattern = ['x']\n", "rules.chrome_pattern: Extra inputs are not permitted"),
    ("[[profiles]]\nname = 'a'\n[[profiles]]\nname = 'a'\n", "profile names must be unique: a"),
    ("[rules\n", "not valid TOML: "),
    ("[rules]\noperative = ['  ']\n", "rules.operative: a phrase is empty"),
])
def test_a_bad_configuration_is_one_line_naming_the_file_and_the_key(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    code, _, err = run("extract", str(MINUTES), "-o", str(tmp_path / "out"), "--config", str(bad))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"error: --config: {bad}: ") and message in err
    assert not (tmp_path / "out").exists()
    for fmt, target in (("jsonl", "all.jsonl"), ("sqlite", "all.sqlite")):
        assert run("extract", str(MINUTES), "-o", str(tmp_path / target), "--format", fmt, "--config", str(bad))[0] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]  # no database, no temporary file


def test_a_missing_configuration_file(tmp_path: Path) -> None:
    code, _, err = run("extract", str(MINUTES), "-o", str(tmp_path), "--config", str(tmp_path / "none.toml"))
    assert code == 2 and "cannot read it" in err


def test_the_example_configuration_in_the_repository_is_valid() -> None:
    config = load_config(Path(__file__).resolve().parent.parent / "docs" / "pipeline.example.toml")
    assert isinstance(config, Config) and config.profiles

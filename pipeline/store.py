"""SQLite with full-text search: every document, section, consideration and recommendation
as rows, for analysts who query across thousands of documents.

Tables (foreign keys on; spans are half-open code-point offsets into the source text):

- `documents`: one row per input path (unique), its source facts, title, publication facts,
  and the whole JSON document (`json`);
- `sections`, `considerations`, `recommendations` (sub-items are rows too, with `parent_id`,
  `depth` and a `path` of numbers such as `3.a`), `paragraphs` (narrative text);
- `considerations_fts`, `recommendations_fts`, `paragraphs_fts`: FTS5 indexes over the
  texts (unicode61 tokenizer, diacritics folded, Porter stemming), kept in step by
  triggers. "Every recommendation that mentions asset recovery" is one query:

      SELECT d.path, r.path, r.text FROM recommendations_fts
      JOIN recommendations r ON r.id = recommendations_fts.rowid
      JOIN documents d ON d.id = r.document_id
      WHERE recommendations_fts MATCH 'asset NEAR recovery';

Re-running on the same inputs updates rows instead of adding them: a document is keyed by
its path; an unchanged document (same SHA-256 and same JSON) is left alone, a changed one
keeps its `documents.id` and has its sections and clauses replaced. Each document is written
in one transaction, so the database never holds half a document.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1

_DDL = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    encoding TEXT NOT NULL,
    encoding_confidence REAL NOT NULL,
    text_form TEXT NOT NULL,
    profile TEXT,
    title TEXT,
    title_start INTEGER,
    title_end INTEGER,
    publisher TEXT,
    place TEXT,
    date TEXT,
    attribution TEXT,
    warnings INTEGER NOT NULL,
    chrome_lines INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    heading TEXT,
    heading_start INTEGER,
    heading_end INTEGER,
    formula TEXT,
    introduction TEXT,
    UNIQUE (document_id, position)
);
CREATE TABLE IF NOT EXISTS considerations (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT,
    lead TEXT NOT NULL,
    text TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS recommendations (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES recommendations(id) ON DELETE CASCADE,
    depth INTEGER NOT NULL,
    position INTEGER NOT NULL,
    number TEXT,
    path TEXT NOT NULL,
    label TEXT,
    lead TEXT NOT NULL,
    text TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id);
CREATE INDEX IF NOT EXISTS considerations_section ON considerations(section_id);
CREATE INDEX IF NOT EXISTS considerations_document ON considerations(document_id);
CREATE INDEX IF NOT EXISTS recommendations_section ON recommendations(section_id);
CREATE INDEX IF NOT EXISTS recommendations_document ON recommendations(document_id);
CREATE INDEX IF NOT EXISTS recommendations_parent ON recommendations(parent_id);
CREATE INDEX IF NOT EXISTS paragraphs_document ON paragraphs(document_id);
"""

_FTS = ("considerations", "recommendations", "paragraphs")


def _fts_ddl(table: str) -> str:
    return f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5(
    text, content='{table}', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS {table}_ai AFTER INSERT ON {table} BEGIN
    INSERT INTO {table}_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS {table}_ad AFTER DELETE ON {table} BEGIN
    INSERT INTO {table}_fts({table}_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER IF NOT EXISTS {table}_au AFTER UPDATE ON {table} BEGIN
    INSERT INTO {table}_fts({table}_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO {table}_fts(rowid, text) VALUES (new.id, new.text);
END;
"""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating when needed) a database with the tables, indexes and triggers."""
    db = sqlite3.connect(str(path), isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.executescript(_DDL + "".join(_fts_ddl(t) for t in _FTS))
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    return db


def upsert(db: sqlite3.Connection, doc: dict[str, Any], raw_json: str | None = None) -> str:
    """Write one document; returns 'added', 'updated' or 'unchanged'."""
    text = raw_json if raw_json is not None else json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    source, meta = doc["source"], doc["metadata"]
    row = db.execute("SELECT id, sha256, json FROM documents WHERE path = ?", (source["path"],)).fetchone()
    if row is not None and row[1] == source["sha256"] and row[2] == text:
        return "unchanged"
    values = (source["sha256"], source["size_bytes"], source["media_type"], source["encoding"],
              source["encoding_confidence"], source["text_form"], source.get("profile"), doc.get("title"),
              *(doc.get("title_span") or (None, None)),
              *((meta.get(k) or {}).get("text") for k in ("publisher", "place")),
              (meta.get("date") or {}).get("iso"), (meta.get("attribution") or {}).get("text"),
              len(doc["warnings"]), len(doc["chrome"]), text)
    db.execute("BEGIN")
    try:
        if row is None:
            cur = db.execute(
                "INSERT INTO documents(path, sha256, size_bytes, media_type, encoding, encoding_confidence, text_form,"
                " profile, title, title_start, title_end, publisher, place, date, attribution, warnings, chrome_lines,"
                " json) VALUES (?, " + ", ".join("?" * len(values)) + ")", (source["path"], *values))
            doc_id = cur.lastrowid
        else:
            doc_id = row[0]
            db.execute(
                "UPDATE documents SET sha256=?, size_bytes=?, media_type=?, encoding=?, encoding_confidence=?,"
                " text_form=?, profile=?, title=?, title_start=?, title_end=?, publisher=?, place=?, date=?,"
                " attribution=?, warnings=?, chrome_lines=?, json=? WHERE id=?", (*values, doc_id))
            db.execute("DELETE FROM sections WHERE document_id = ?", (doc_id,))
            db.execute("DELETE FROM paragraphs WHERE document_id = ?", (doc_id,))
        _children(db, doc_id, doc)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return "added" if row is None else "updated"


def _children(db: sqlite3.Connection, doc_id: int | None, doc: dict[str, Any]) -> None:
    for position, para in enumerate(doc["paragraphs"], 1):
        db.execute("INSERT INTO paragraphs(document_id, position, role, text, span_start, span_end)"
                   " VALUES (?, ?, ?, ?, ?, ?)", (doc_id, position, para["role"], para["text"], *para["span"]))
    for position, section in enumerate(doc["sections"], 1):
        cur = db.execute(
            "INSERT INTO sections(document_id, position, heading, heading_start, heading_end, formula, introduction)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc_id, position, section.get("heading"), *(section.get("heading_span") or (None, None)),
             (section.get("formula") or {}).get("text"), (section.get("introduction") or {}).get("text")))
        section_id = cur.lastrowid
        for n, cons in enumerate(section["considerations"], 1):
            db.execute("INSERT INTO considerations(section_id, document_id, position, label, lead, text, span_start,"
                       " span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (section_id, doc_id, n, cons.get("label"), cons["lead"], cons["text"], *cons["span"]))
        _recommendations(db, section_id, doc_id, None, section["recommendations"], 0, "")


def _recommendations(db: sqlite3.Connection, section_id: int | None, doc_id: int | None, parent: int | None,
                     recs: list[dict[str, Any]], depth: int, prefix: str) -> None:
    for n, rec in enumerate(recs, 1):
        path = prefix + (rec.get("number") or f"#{n}")
        cur = db.execute(
            "INSERT INTO recommendations(section_id, document_id, parent_id, depth, position, number, path, label,"
            " lead, text, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (section_id, doc_id, parent, depth, n, rec.get("number"), path, rec.get("label"), rec["lead"],
             rec["text"], *rec["span"]))
        _recommendations(db, section_id, doc_id, cur.lastrowid, rec["items"], depth + 1, path + ".")

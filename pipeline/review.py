"""The extraction, seen: a self-contained HTML page per document, and an index for a batch.

`review_page(document, text)` prints the source text (the text the spans point into) with
every extracted span highlighted by kind (chrome greyed out; title, headings, formulas,
introductions, considerations, recommendations with their numbers, labels, narrative
paragraphs and publication facts in their own colours), warnings marked at their positions
and listed, a legend and a summary. No external assets: the page opens from disk.

Every highlighted run carries `data-kind` and `data-id`; an item split by a chrome line
inside it (a running header) is several runs with one id. A small script on the page counts
the distinct ids of each kind into `<body data-counts>`, which the browser test compares
with the JSON (`expected_counts`).
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Iterator, Sequence
from typing import Any

KINDS: tuple[tuple[str, str, str], ...] = (
    # kind, legend label, colour
    ("title", "title", "#ffd54f"),
    ("heading", "section heading", "#ffab91"),
    ("formula", "formula / heading lead-in", "#ce93d8"),
    ("introduction", "list introduction", "#b39ddb"),
    ("consideration", "consideration", "#90caf9"),
    ("recommendation", "recommendation", "#a5d6a7"),
    ("label", "label as printed", "#fff59d"),
    ("connective", "connective", "#e6ee9c"),
    ("paragraph", "narrative paragraph", "#e0e0e0"),
    ("metadata", "publication fact", "#80deea"),
    ("chrome", "removed (chrome)", "transparent"),
)
_INNER_FIRST = {kind: rank for rank, (kind, _, _) in enumerate(KINDS)}  # ties: earlier kinds inside


def _spans(doc: dict[str, Any]) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, kind, id, tooltip) for every highlighted span of the document."""
    if doc.get("title_span"):
        yield (*doc["title_span"], "title", "title", "title")
    meta = doc["metadata"]
    for field in ("publisher", "place", "date", "attribution"):
        if meta.get(field):
            yield (*meta[field]["span"], "metadata", f"meta-{field}", field)
    for i, para in enumerate(doc["paragraphs"]):
        yield (*para["span"], "paragraph", f"p{i}", f"paragraph ({para['role']})")
    for s, section in enumerate(doc["sections"]):
        if section.get("heading_span"):
            yield (*section["heading_span"], "heading", f"s{s}-heading", f"section {s + 1} heading")
        for part, kind in (("heading_prefix", "formula"), ("formula", "formula"), ("introduction", "introduction")):
            if section.get(part):
                yield (*section[part]["span"], kind, f"s{s}-{part}", f"section {s + 1} {part.replace('_', ' ')}")
        for c, cons in enumerate(section["considerations"]):
            yield from _clause(cons, "consideration", f"s{s}-c{c}", f"consideration {c + 1} ({cons['lead']})")
        stack = [(rec, f"s{s}-r{r}", rec.get("number") or f"#{r + 1}") for r, rec in enumerate(section["recommendations"])]
        while stack:
            rec, ident, number = stack.pop()
            yield from _clause(rec, "recommendation", ident, f"recommendation {number} ({rec['lead']})")
            stack.extend((item, f"{ident}-{i}", f"{number}.{item.get('number') or i + 1}")
                         for i, item in enumerate(rec["items"]))
    for i, line in enumerate(doc["chrome"]):
        yield (*line["span"], "chrome", f"x{i}", f"removed: {line['reason']}")


def _clause(clause: dict[str, Any], kind: str, ident: str, tip: str) -> Iterator[tuple[int, int, str, str, str]]:
    yield (*clause["span"], kind, ident, tip)
    if clause.get("label_span"):
        yield (*clause["label_span"], "label", f"{ident}-label", f"label {clause['label']!r}")
    for k, word in enumerate(clause.get("connectives") or []):
        yield (*word["span"], "connective", f"{ident}-w{k}", "connective")


def expected_counts(doc: dict[str, Any]) -> dict[str, int]:
    """How many distinct items of each kind the page highlights: the JSON's own counts (an
    empty span highlights nothing and is not counted)."""
    counts = {kind: 0 for kind, _, _ in KINDS}
    for start, end, kind, _, _ in _spans(doc):
        if end > start:
            counts[kind] += 1
    return counts


def _marked(text: str, doc: dict[str, Any]) -> tuple[str, list[tuple[int, str]]]:
    """The source text as HTML with <mark>s (nested where spans nest).
    Returns the HTML and the positions of the warning markers."""
    spans = [s for s in _spans(doc) if s[1] > s[0]]
    warnings = [(w["span"][0], f"w{i}") for i, w in enumerate(doc["warnings"]) if w.get("span")]
    cuts = sorted({0, len(text), *(p for s in spans for p in s[:2]), *(p for p, _ in warnings)})
    starts: dict[int, list[tuple[int, int, str, str, str]]] = {}
    for span in spans:
        starts.setdefault(span[0], []).append(span)
    markers: dict[int, list[str]] = {}
    for pos, ident in warnings:
        markers.setdefault(pos, []).append(ident)
    active: list[tuple[int, int, str, str, str]] = []
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        active = [s for s in active if s[1] > a] + starts.get(a, [])
        for ident in markers.get(a, []):
            out.append(f'<a class="warn" id="{ident}" href="#{ident}-note" title="warning">\u26a0</a>')
        piece = html.escape(text[a:b], quote=False)
        if not active:
            out.append(piece)
            continue
        # Every span over this run, outermost first: the innermost colour shows, and a line
        # that is both chrome and a fact (a site name taken as publisher) is both.
        nested = sorted(active, key=lambda s: (s[0] - s[1], -_INNER_FIRST[s[2]]))
        for _, _, kind, ident, tip in nested:
            out.append(f'<mark class="k-{kind}" data-kind="{kind}" data-id="{ident}" title="{html.escape(tip)}">')
        out.append(piece + "</mark>" * len(nested))
    return "".join(out), warnings


_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0}
h1{font-size:18px;margin:0 0 6px}
.summary{margin:4px 0;color:#444}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;list-style:none;padding:0;margin:6px 0 0}
.legend li{display:flex;align-items:center;gap:5px}
.legend i{display:inline-block;width:14px;height:14px;border:1px solid #999}
main{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:16px;padding:16px 20px}
pre.source{white-space:pre-wrap;word-wrap:break-word;background:#fff;border:1px solid #ddd;padding:14px;margin:0;
  font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}
mark{color:inherit;border-radius:2px}
mark.k-chrome{background:none;color:#aaa;text-decoration:line-through;text-decoration-color:#ddd}
a.warn{color:#c62828;text-decoration:none;font-weight:bold}
aside{font-size:13px}
aside h2{font-size:15px;margin:0 0 6px}
aside ol{padding-left:18px}
table{border-collapse:collapse;margin-bottom:12px}
td,th{border:1px solid #ddd;padding:2px 8px;text-align:left}
"""
_STYLE += "".join(f"mark.k-{kind}{{background:{colour}}}\n.legend i.k-{kind}{{background:{colour}}}\n"
                  for kind, _, colour in KINDS if kind != "chrome")
_STYLE += ".legend i.k-chrome{background:#fff;border-style:dashed}\n"

# Counts the distinct highlighted items of each kind into <body data-counts> (read by the
# browser test), and records script errors into <body data-errors>.
_SCRIPT = """
(function () {
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });
  var counts = {};
  document.querySelectorAll('mark[data-kind]').forEach(function (m) {
    var k = m.dataset.kind;
    counts[k] = counts[k] || {};
    counts[k][m.dataset.id] = true;
  });
  var out = {};
  Object.keys(counts).forEach(function (k) { out[k] = Object.keys(counts[k]).length; });
  document.body.dataset.counts = JSON.stringify(out);
  document.body.dataset.errors = JSON.stringify(errors);
})();
"""


def review_page(doc: dict[str, Any], text: str, name: str) -> str:
    """The review page of one document (`doc` as in the JSON, `text` what its spans point into)."""
    body, _ = _marked(text, doc)
    counts = expected_counts(doc)
    legend = "".join(f'<li><i class="k-{kind}"></i>{html.escape(label)} ({counts[kind]})</li>'
                     for kind, label, _ in KINDS)
    source = doc["source"]
    summary = (f"{len(doc['sections'])} section(s), {counts['consideration']} consideration(s), "
               f"{counts['recommendation']} recommendation(s) (sub-items included), {len(doc['chrome'])} "
               f"line(s) removed, {len(doc['warnings'])} warning(s) &middot; {html.escape(source['media_type'])}, "
               f"{html.escape(source['encoding'])}, {source['size_bytes']} bytes")
    notes = []
    for i, w in enumerate(doc["warnings"]):
        where = (f'<a href="#w{i}" id="w{i}-note">@{w["span"][0]}</a>' if w.get("span") else "(whole document)")
        notes.append(f"<li><b>{html.escape(w['code'])}</b> {where}: {html.escape(w['message'])}</li>")
    chrome_reasons: dict[str, int] = {}
    for line in doc["chrome"]:
        chrome_reasons[line["reason"]] = chrome_reasons.get(line["reason"], 0) + 1
    reasons = "".join(f"<tr><td>{html.escape(r)}</td><td>{n}</td></tr>" for r, n in sorted(chrome_reasons.items()))
    title = html.escape(doc.get("title") or name)
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>Review: {html.escape(name)}</title><style>{_STYLE}</style></head>\n<body>\n"
        f"<header><h1>{title}</h1><p class=\"summary\">{html.escape(name)} &middot; {summary}</p>"
        f"<ul class=\"legend\">{legend}</ul></header>\n<main>\n<pre class=\"source\">{body}</pre>\n"
        f"<aside><h2>Warnings ({len(doc['warnings'])})</h2><ol>{''.join(notes) or '<li>none</li>'}</ol>"
        f"<h2>Removed lines by reason</h2><table><tr><th>reason</th><th>lines</th></tr>{reasons}</table>"
        "<p>Hover a highlight for what it is; warning markers (\u26a0) link to their note.</p></aside>\n"
        f"</main>\n<script>{_SCRIPT}</script>\n</body></html>\n"
    )


def index_page(entries: Sequence[dict[str, Any]]) -> str:
    """The index of a batch: per document its link and counts, or its error."""
    rows = []
    for e in entries:
        if e.get("error"):
            rows.append(f"<tr class=\"failed\"><td>{html.escape(e['name'])}</td><td colspan=\"5\">"
                        f"{html.escape(e['error'])}</td></tr>")
            continue
        c = e["counts"]
        rows.append(f"<tr><td><a href=\"{html.escape(e['href'])}\">{html.escape(e['name'])}</a></td>"
                    f"<td>{html.escape(e.get('title') or '')}</td><td>{e['sections']}</td>"
                    f"<td>{c['consideration']}</td><td>{c['recommendation']}</td><td>{e['warnings']}</td></tr>")
    failed = sum(1 for e in entries if e.get("error"))
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Review</title>"
        f"<style>{_STYLE} tr.failed td{{color:#c62828}} main{{display:block}}</style></head>\n<body>\n"
        f"<header><h1>Review</h1><p class=\"summary\">{len(entries) - failed} document(s), {failed} failed</p></header>\n"
        "<main><table><tr><th>document</th><th>title</th><th>sections</th><th>considerations</th>"
        f"<th>recommendations</th><th>warnings</th></tr>{''.join(rows)}</table></main>\n</body></html>\n"
    )


def counts_json(doc: dict[str, Any]) -> str:
    return json.dumps(expected_counts(doc), sort_keys=True)

"""Compare extracted documents with hand-made `expected.json` annotations.

The annotation format is the one of `../shared/corpus` (see README, "Evaluating"):
a folder per document with `raw.txt` (or `raw.html`) and `expected.json` holding `title`,
`sections[].heading`, `sections[].considerations[]` (texts) and
`sections[].recommendations[]` (`number`, `text`), and `chrome[]` (raw lines).

Texts are compared after `normalize` on both sides, so an expected text written as printed
('сonsidering' with a Cyrillic letter, double spaces) matches our cleaned text. A
recommendation's compared text is its own text followed by its sub-items, each with its
printed label, in printed order (the annotation convention).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import PipelineError
from .lines import split_lines
from .load import load
from .model import Document, Recommendation
from .normalize import normalize
from .run import extract

RAW_NAMES = ("raw.txt", "raw.md", "raw.html", "raw.htm")


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    matched: int = 0

    def add(self, other: Score) -> None:
        self.expected += other.expected
        self.found += other.found
        self.matched += other.matched

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else (1.0 if not self.found else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _multiset_score(expected: list[str], found: list[str]) -> Score:
    matched = sum((Counter(expected) & Counter(found)).values())
    return Score(len(expected), len(found), matched)


@dataclass
class DocResult:
    name: str
    error: str | None = None
    considerations: Score = field(default_factory=Score)
    recommendations: Score = field(default_factory=Score)
    numbers_right: int = 0
    numbers_total: int = 0
    headings_right: int = 0
    sections_expected: int = 0
    sections_found: int = 0
    title_right: bool = False
    chrome_leaks: int = 0

    @property
    def exact(self) -> bool:
        return (self.error is None and self.sections_found == self.sections_expected
                and self.headings_right == self.sections_expected and self.title_right
                and self.chrome_leaks == 0 and self.numbers_right == self.numbers_total
                and all(s.matched == s.expected == s.found for s in (self.considerations, self.recommendations)))

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.name, "exact": self.exact, "error": self.error,
            "considerations": _score_dict(self.considerations),
            "recommendations": _score_dict(self.recommendations),
            "numbers": [self.numbers_right, self.numbers_total],
            "headings": [self.headings_right, self.sections_expected],
            "sections": [self.sections_found, self.sections_expected],
            "title": self.title_right, "chrome_leaks": self.chrome_leaks,
        }


def _score_dict(score: Score) -> dict[str, float | int]:
    return {"expected": score.expected, "found": score.found, "matched": score.matched,
            "precision": round(score.precision, 4), "recall": round(score.recall, 4), "f1": round(score.f1, 4)}


def flat_text(rec: Recommendation) -> str:
    """The recommendation's text with its sub-items appended, labels as printed."""
    parts = [rec.text]
    for item in rec.items:
        parts.append(f"{item.label} {flat_text(item)}" if item.label else flat_text(item))
    return normalize(" ".join(p for p in parts if p))


def compare(doc: Document, expected: dict[str, Any], name: str, source: str) -> DocResult:
    result = DocResult(name)
    exp_sections = expected.get("sections", [])
    result.sections_expected = len(exp_sections)
    result.sections_found = len(doc.sections)
    result.title_right = normalize(expected.get("title") or "") == normalize(doc.title or "")
    exp_cons = [normalize(c) for s in exp_sections for c in s.get("considerations", [])]
    got_cons = [normalize(c.text) for s in doc.sections for c in s.considerations]
    result.considerations = _multiset_score(exp_cons, got_cons)
    exp_recs = [(r.get("number"), normalize(r["text"])) for s in exp_sections for r in s.get("recommendations", [])]
    got_recs = [(r.number, flat_text(r)) for s in doc.sections for r in s.recommendations]
    result.recommendations = _multiset_score([t for _, t in exp_recs], [t for _, t in got_recs])
    got_numbers = Counter(got_recs)
    result.numbers_total = len(exp_recs)
    result.numbers_right = sum((Counter(exp_recs) & got_numbers).values())
    for pos, section in enumerate(exp_sections):
        if pos < len(doc.sections) and normalize(section.get("heading") or "") == normalize(doc.sections[pos].heading or ""):
            result.headings_right += 1
    result.chrome_leaks = _chrome_leaks(doc, expected.get("chrome", []), source)
    return result


def _chrome_leaks(doc: Document, chrome: list[str], source: str) -> int:
    """Expected chrome lines printed inside an output text (paragraph, section part, clause;
    the title or a heading only when the line was removed nowhere else - a running header may
    repeat the title). A line kept as a metadata fact (a date line) is in no text."""
    removed = [c.span for c in doc.chrome]
    titles = [span for span in [doc.title_span] + [s.heading_span for s in doc.sections] if span]
    texts = [p.span for p in doc.paragraphs]
    for section in doc.sections:
        texts += [part.span for part in (section.heading_prefix, section.formula, section.introduction) if part]
        texts += [c.span for c in section.considerations]
        stack = list(section.recommendations)
        while stack:
            rec = stack.pop()
            texts.append(rec.span)
            stack.extend(rec.items)

    def inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
        return any(s[0] <= span[0] and span[1] <= s[1] for s in spans)

    lines = [(normalize(line.raw), line.content_span()) for line in split_lines(source) if line.raw.strip()]
    leaks = 0
    for wanted in {normalize(c) for c in chrome if normalize(c)}:
        places = [span for text, span in lines if text == wanted]
        kept = [span for span in places if not inside(span, removed)]
        in_text = [span for span in kept if inside(span, texts)]
        in_title = [span for span in kept if inside(span, titles)]
        if in_text or (in_title and len(kept) == len(places)):
            leaks += 1
    return leaks


def evaluate_folder(corpus: Path) -> list[DocResult]:
    """Evaluate every `<corpus>/<name>/` folder that has a raw file and an expected.json."""
    results = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        raw = next((folder / n for n in RAW_NAMES if (folder / n).is_file()), None)
        exp = folder / "expected.json"
        if raw is None or not exp.is_file():
            continue
        expected = json.loads(exp.read_text(encoding="utf-8"))
        try:
            data = raw.read_bytes()
            doc = extract(data, f"{folder.name}/{raw.name}")
        except PipelineError as exc:
            result = DocResult(folder.name, error=str(exc))
            result.sections_expected = len(expected.get("sections", []))
            result.considerations = Score(sum(len(s.get("considerations", [])) for s in expected.get("sections", [])))
            result.recommendations = Score(sum(len(s.get("recommendations", [])) for s in expected.get("sections", [])))
            result.numbers_total = result.recommendations.expected
            results.append(result)
            continue
        results.append(compare(doc, expected, folder.name, load(data, raw.name).text))
    return results


def summary(results: list[DocResult]) -> dict[str, Any]:
    cons, recs = Score(), Score()
    for r in results:
        cons.add(r.considerations)
        recs.add(r.recommendations)
    n = len(results) or 1
    return {
        "documents": len(results),
        "exact": sum(r.exact for r in results),
        "errors": sum(r.error is not None for r in results),
        "considerations": _score_dict(cons),
        "recommendations": _score_dict(recs),
        "number_accuracy": round(sum(r.numbers_right for r in results) / max(1, sum(r.numbers_total for r in results)), 4),
        "heading_accuracy": round(sum(r.headings_right for r in results) / max(1, sum(r.sections_expected for r in results)), 4),
        "section_count_accuracy": round(sum(r.sections_found == r.sections_expected for r in results) / n, 4),
        "title_accuracy": round(sum(r.title_right for r in results) / n, 4),
        "chrome_leaks": sum(r.chrome_leaks for r in results),
    }

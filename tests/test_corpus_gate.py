"""The corpus gate: per-document results on ../shared/corpus are pinned in corpus_gate.json.

A pinned number may go up freely (rewrite the pins with `pytest tests/test_corpus_gate.py
--update-gate`); an exact document must stay exact; lowering any pin needs
`--update-gate --allow-lower`, and the lowered numbers show up in the reviewed diff of
corpus_gate.json. Documents listed under "pending" are not gated yet, with the reason.
A document that appears in the corpus without pins is evaluated (it must not crash) and
reported, not gated, until its pins are written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import DocResult, evaluate_folder

from .conftest import CORPUS, need_shared

GATE = Path(__file__).parent / "corpus_gate.json"
HIGHER_IS_BETTER = ("considerations_matched", "recommendations_matched", "numbers_right", "headings_right", "title")
LOWER_IS_BETTER = ("considerations_extra", "recommendations_extra", "chrome_leaks")


def pins_of(result: DocResult) -> dict[str, Any]:
    return {
        "exact": result.exact,
        "considerations_matched": result.considerations.matched,
        "considerations_extra": result.considerations.found - result.considerations.matched,
        "recommendations_matched": result.recommendations.matched,
        "recommendations_extra": result.recommendations.found - result.recommendations.matched,
        "numbers_right": result.numbers_right,
        "headings_right": result.headings_right,
        "title": int(result.title_right),
        "chrome_leaks": result.chrome_leaks,
    }


def regressions(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    out = [f"{k} {old[k]} -> {new[k]}" for k in HIGHER_IS_BETTER if new[k] < old[k]]
    out += [f"{k} {old[k]} -> {new[k]}" for k in LOWER_IS_BETTER if new[k] > old[k]]
    if old["exact"] and not new["exact"]:
        out.append("was exact, is not")
    return out


def test_corpus_gate(request: pytest.FixtureRequest) -> None:
    corpus = need_shared(CORPUS)
    gate = json.loads(GATE.read_text(encoding="utf-8"))
    pending: dict[str, str] = gate["pending"]
    results = {r.name: r for r in evaluate_folder(corpus)}
    current = {name: pins_of(r) for name, r in results.items() if name not in pending}
    failures = []
    for name, new in current.items():
        old = gate["documents"].get(name)
        if old is None:
            print(f"corpus gate: {name} has no pins yet (run --update-gate): {new}")
            continue
        if results[name].error:
            failures.append(f"{name}: {results[name].error}")
        failures += [f"{name}: {r}" for r in regressions(old, new)]
    if request.config.getoption("--update-gate"):
        if failures and not request.config.getoption("--allow-lower"):
            pytest.fail("refusing to lower pins without --allow-lower:\n" + "\n".join(failures))
        gate["documents"] = dict(sorted(current.items()))
        GATE.write_text(json.dumps(gate, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    assert not failures, "corpus gate lowered:\n" + "\n".join(failures)
    exact = sum(1 for p in current.values() if p["exact"])
    print(f"corpus gate: {exact}/{len(current)} gated documents exact, {len(pending)} pending")


def test_gate_flags_every_kind_of_lowering() -> None:
    old = {"exact": True, "considerations_matched": 3, "considerations_extra": 0, "recommendations_matched": 5,
           "recommendations_extra": 0, "numbers_right": 5, "headings_right": 1, "title": 1, "chrome_leaks": 0}
    assert regressions(old, dict(old)) == []
    assert regressions(old, {**old, "considerations_matched": 4}) == []
    worse = {**old, "exact": False, "recommendations_matched": 4, "chrome_leaks": 1, "title": 0}
    assert regressions(old, worse) == [
        "recommendations_matched 5 -> 4", "title 1 -> 0", "chrome_leaks 0 -> 1", "was exact, is not",
    ]

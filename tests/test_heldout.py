"""Held-out documents: extraction quality on filings written after the extractors.

Each set in `tests/data/heldout*/` (fictional issuers, realistic HKEX wording and PDF-to-text
layout) with its `gold.jsonl` was written by someone who had not read the extractor code, in
phrasing families the dev documents lack, after the extractors existed:

- `heldout` (23 documents): measured first at recall 0.784, precision 0.992 (attendance 0.75);
- `heldout2` (20 documents, written independently of the first set): recall 0.863, precision
  0.992 (resolution 0.929: class-meeting tables read as AGM resolutions);
- `heldout3` (18 documents, mostly corporate-governance report excerpts and poll results):
  recall 0.765, precision 0.986 (committee_membership 0.971 from OCR-misspelt names, officer
  0.957 from a committee chair read as board chairman);
- `heldout4` (16 documents, mostly pledge notices and poll results): recall 0.991, precision 0.991
  (resolution 0.913: a vote table whose Total column sat on the super-header line, read one
  column to the right);
- `heldout5` (10 documents, mostly corporate-governance report excerpts): recall 0.463, precision
  0.913 (committee tables laid out with spaces and two-line headers, bilingual report headers, a
  two-column board table read into the wrong column).

- `heldout-changes` (18 change announcements and poll results, written blind for the board-change family):
  board_change recall 0.528, precision 0.979 (committee posts after `upon her appointment becoming
  effective`, proposals awaiting an EGM, `other` posts, comma forenames, honours after names, pronoun
  subjects, a change table, the issuer named by its name); directorship 0.984 / 1.0, officer 0.879 / 1.0.

The families at fault were then fixed, for the family and with unit tests in other wording, so
these sets no longer measure generalisation: they guard against regressions. After the fixes both
score 1.0 precision; recall 0.98 (heldout), 1.0 (heldout2), 0.996 (heldout3), 1.0 (heldout4) and
1.0 (heldout5); heldout-changes board_change 0.989 recall, 1.0 precision.
What is asserted:
- precision >= 0.98 for directorship and >= 0.97 for every other annotated type (a type with no
  output made no false claims: its precision is not tested, its recall is);
- recall at least the floor below, a little under today's measure.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import build
from kg.evaluate import Evaluation, evaluate, load_jsonl
from kg.facts import export_lines
from kg.store import OxigraphStore

DATA = Path(__file__).parent / "data"
SETS = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout-changes")

PRECISION_FLOOR = {"directorship": 0.98}
DEFAULT_PRECISION_FLOOR = 0.97
DEFAULT_RECALL_FLOOR = 0.95
#: Lower recall floors, per set and type, with the reason.
RECALL_FLOOR = {
    # h11 states an earlier pledge in passing ("the pledge of 12,000,000 A shares made by X to Y on
    # DATE"); the pledge family reads pledge tables and announcing sentences, not such mentions.
    ("heldout", "pledge"): 0.80,
    # h21: a directorship and listing at another company, in a biography.
    ("heldout", "listing"): 0.90,
    # heldout-changes: offices taken that day stated in an appointment sentence the officer family leaves
    # (`the Board resolved to appoint Ms. A as the general manager`, `Mr. A, Kenneth ("Mr. A") has been appointed
    # as the Company Secretary`, an apposition `Ms. B, the company secretary of the Company,`): 29 of 33 read.
    ("heldout-changes", "officer"): 0.85,
}


def _annotated_types(gold: list[dict]) -> list[str]:
    return sorted({t for line in gold if line["type"] == "annotated" for t in line["types"]})


def _score(name: str, tmp: Path) -> Evaluation:
    folder = DATA / name
    store = OxigraphStore(tmp / "store")
    try:
        report = build([str(folder)], store)
        assert not report.errors, report.errors
        assert report.documents == len(list(folder.glob("*.txt")))
        predicted = [json.loads(line) for line in export_lines(store)]
    finally:
        store.close()
    return evaluate(load_jsonl(folder / "gold.jsonl"), predicted)


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Evaluation]:
    return {name: _score(name, tmp_path_factory.mktemp(name)) for name in SETS}


def _cases() -> list[tuple[str, str]]:
    return [(name, t) for name in SETS for t in _annotated_types(load_jsonl(DATA / name / "gold.jsonl"))]


@pytest.mark.parametrize("name, fact_type", _cases())
def test_precision(scores: dict[str, Evaluation], name: str, fact_type: str) -> None:
    result = scores[name]
    s = result.by_type.get(fact_type)
    if s is None or s.pred == 0:
        return
    floor = PRECISION_FLOOR.get(fact_type, DEFAULT_PRECISION_FLOOR)
    extras = [e for e in result.extras if e["type"] == fact_type]
    assert s.precision >= floor, (
        f"{name} {fact_type}: precision {s.precision:.3f} < {floor} ({s.match}/{s.pred}); "
        f"false positives: {json.dumps(extras, ensure_ascii=False)[:2000]}")


@pytest.mark.parametrize("name, fact_type", _cases())
def test_recall(scores: dict[str, Evaluation], name: str, fact_type: str) -> None:
    result = scores[name]
    s = result.by_type.get(fact_type)
    recall = s.recall if s is not None else 1.0
    floor = RECALL_FLOOR.get((name, fact_type), DEFAULT_RECALL_FLOOR)
    misses = [m for m in result.misses if m["type"] == fact_type]
    assert recall >= floor, (
        f"{name} {fact_type}: recall {recall:.3f} < {floor}; "
        f"misses: {json.dumps(misses, ensure_ascii=False)[:2000]}")

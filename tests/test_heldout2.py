"""Second held-out round: extraction quality on filings the extractors were never developed on.

The documents in `tests/data/heldout2/` (20 fictional issuers, realistic HKEX wording) and their
gold `tests/data/heldout2/gold.jsonl` were written AFTER the extractors, by someone who had read
neither the extractor code nor the first held-out round (`tests/data/heldout/`), from knowledge of
how real HKEX announcements are worded and laid out. At the time of writing nobody had tuned on
them. Do not tune on them either: if a rule is added for one of these documents, write a new
held-out document of the same family (different wording) and keep this test honest.

What is asserted (same shape as `test_heldout.py`):
- precision >= 0.98 for directorship and >= 0.97 for every other type the gold annotates (a type
  with no output at all has made no false claims, so its precision is not tested; its recall is);
- recall at least a little under what was measured when the documents were written.

Known gaps are visible rather than hidden: a precision below its floor is an
`xfail(strict=True)` naming the family, so the day it is fixed the test turns XPASS-strict and the
marker must be removed.

Measured when written: attendance 1.0, committee_membership 0.0 (13 gold, no output),
controlling_shareholder 0.4, directorship 0.931, financial_estimate 1.0, listing 1.0, meeting 1.0,
officer 0.788, pledge 1.0, pledge_release 1.0, resolution 0.788, share_capital 1.0,
shareholding 1.0, subsidiary 0.8. Precision 1.0 everywhere except resolution 0.929 (class-meeting
tables read as AGM resolutions).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import build
from kg.evaluate import Evaluation, evaluate, load_jsonl
from kg.facts import export_lines
from kg.store import OxigraphStore

HELDOUT = Path(__file__).parent / "data" / "heldout2"
GOLD = HELDOUT / "gold.jsonl"

PRECISION_FLOOR = {"directorship": 0.98}
DEFAULT_PRECISION_FLOOR = 0.97

# A little under what was measured when the documents were written (see the module docstring).
RECALL_FLOOR = {
    "attendance": 0.95,
    "committee_membership": 0.0,
    "controlling_shareholder": 0.35,
    "directorship": 0.90,
    "financial_estimate": 0.95,
    "listing": 0.95,
    "meeting": 0.95,
    "officer": 0.75,
    "pledge": 0.95,
    "pledge_release": 0.95,
    "resolution": 0.75,
    "share_capital": 0.95,
    "shareholding": 0.95,
    "subsidiary": 0.75,
}

#: Types whose precision is known to be under the floor, with the family at fault.
KNOWN_PRECISION_GAPS: dict[str, str] = {
    "resolution": ("PRC AGM + A/H class meetings on one date: the class-meeting poll tables "
                   "(sections headed 'POLL RESULTS OF THE A/H SHAREHOLDERS CLASS MEETING') are "
                   "read as AGM resolutions"),
}


def _gold_types() -> list[str]:
    types: set[str] = set()
    for line in load_jsonl(GOLD):
        if line["type"] == "annotated":
            types.update(line["types"])
    return sorted(types)


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Evaluation:
    store = OxigraphStore(tmp_path_factory.mktemp("heldout2") / "store")
    try:
        report = build([str(HELDOUT)], store)
        assert not report.errors, report.errors
        assert report.documents == len(list(HELDOUT.glob("*.txt")))
        predicted = [json.loads(line) for line in export_lines(store)]
    finally:
        store.close()
    return evaluate(load_jsonl(GOLD), predicted)


def test_every_annotated_type_has_a_floor() -> None:
    assert set(_gold_types()) - {"annotated"} <= set(RECALL_FLOOR)


def _precision_params() -> list:
    params = []
    for t in _gold_types():
        marks = ()
        if t in KNOWN_PRECISION_GAPS:
            marks = pytest.mark.xfail(strict=True, reason=KNOWN_PRECISION_GAPS[t])
        params.append(pytest.param(t, marks=marks, id=t))
    return params


@pytest.mark.parametrize("fact_type", _precision_params())
def test_heldout2_precision(scored: Evaluation, fact_type: str) -> None:
    s = scored.by_type.get(fact_type)
    if s is None or s.pred == 0:
        return  # no output: no false claims; recall is tested separately
    floor = PRECISION_FLOOR.get(fact_type, DEFAULT_PRECISION_FLOOR)
    extras = [e for e in scored.extras if e["type"] == fact_type]
    assert s.precision >= floor, (
        f"{fact_type}: precision {s.precision:.3f} < {floor} ({s.match}/{s.pred}); "
        f"false positives: {json.dumps(extras, ensure_ascii=False)[:2000]}")


@pytest.mark.parametrize("fact_type", sorted(RECALL_FLOOR))
def test_heldout2_recall(scored: Evaluation, fact_type: str) -> None:
    s = scored.by_type.get(fact_type)
    recall = s.recall if s is not None else 1.0
    misses = [m for m in scored.misses if m["type"] == fact_type]
    assert recall >= RECALL_FLOOR[fact_type], (
        f"{fact_type}: recall {recall:.3f} < {RECALL_FLOOR[fact_type]}; "
        f"misses: {json.dumps(misses, ensure_ascii=False)[:2000]}")

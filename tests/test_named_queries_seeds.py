"""Meeting and Listing-Rule named queries on the five seed filings, built for real."""
from __future__ import annotations

import pytest

from kg.build import build
from kg.query import QueryRefused, bind_params, named_queries, run_select
from kg.store import GraphStore, MemoryStore, OxigraphStore
from tests.conftest import SEEDS

JL_MAG = "JL MAG Rare-Earth Co., Ltd."


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def seeds_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    store = OxigraphStore(tmp_path_factory.mktemp("seeds") / "s") if request.param == "oxigraph" else MemoryStore()
    assert not build([str(SEEDS)], store).errors
    return store


def run(store: GraphStore, name: str, **params: str) -> list[dict[str, str]]:
    q = named_queries()[name]
    _v, rows, _t = run_select(store, q.text, bind_params(q, params))
    return [{k: str(v) for k, v in r.items() if v is not None} for r in rows]


def test_resolutions_by_dissent_highest_first(seeds_store: GraphStore) -> None:
    rows = run(seeds_store, "resolutions-by-dissent", issuer=JL_MAG)
    assert len(rows) == 10
    shares = [float(r["againstPercent"]) for r in rows]
    assert shares == sorted(shares, reverse=True)
    top = rows[0]
    assert (top["meetingKind"], top["number"], top["against"]) == ("class_a", "2", "20474645")


def test_low_turnout(seeds_store: GraphStore) -> None:
    rows = run(seeds_store, "low-turnout", percent="50")
    assert [(r["kind"], r["percentRepresented"]) for r in rows] == [("class_h", "33.0994"), ("egm", "49.1624")]
    assert run(seeds_store, "low-turnout", percent="10") == []
    with pytest.raises(QueryRefused, match="number"):
        bind_params(named_queries()["low-turnout"], {"percent": "lots"})


def test_director_attendance(seeds_store: GraphStore) -> None:
    rows = run(seeds_store, "director-attendance")
    assert sorted(r["person"] for r in rows if r["attended"] == "1") == ["Cai Baogui", "Cao Ying", "Lyu Feng",
                                                                       "Zhu Yuhua"]


def test_audit_committee_undecidable_without_chair(seeds_store: GraphStore) -> None:
    [row] = run(seeds_store, "committee-check", committee="audit", date="2026-12-31")
    assert row["members"] == "3" and row["rolesKnown"] == "3"
    assert row["verdict"] == "undecidable: chair not stated"


def test_esg_committee_with_non_directors_is_undecidable(seeds_store: GraphStore) -> None:
    [row] = run(seeds_store, "committee-check", committee="esg", date="2026-12-31")
    assert row["chair"] == "Cai Baogui" and row["verdict"].startswith("undecidable")


def test_ined_shortfall_none_on_seeds(seeds_store: GraphStore) -> None:
    assert run(seeds_store, "ined-shortfall", date="2026-12-31") == []

"""Pledge named queries on the seed pledge notice and constructed pledge filings, built for real."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.query import bind_params, named_queries, run_select
from kg.store import GraphStore, OxigraphStore
from tests.conftest import DEV, SEEDS

JL_MAG = "JL MAG RARE-EARTH CO., LTD."


@pytest.fixture(scope="module")
def pledge_store(tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    docs = [SEEDS / "002_f6d50b8c077761e6.txt", *sorted(DEV.glob("pledge__*.txt"))]
    store = OxigraphStore(tmp_path_factory.mktemp("pledges") / "store")
    report = build([str(p) for p in docs], store)
    assert not report.errors
    return store


def run(store: GraphStore, name: str, **params: str) -> list[dict[str, str]]:
    q = named_queries()[name]
    _v, rows, _t = run_select(store, q.text, bind_params(q, params))
    return [{k: str(v) for k, v in r.items() if v is not None} for r in rows]


def test_open_pledges_of_jl_mag(pledge_store: GraphStore) -> None:
    rows = run(pledge_store, "open-pledges", issuer=JL_MAG, date="2023-12-31")
    assert [(r["pledgor"], r["pledgee"], r["pledgedShares"]) for r in rows] == [
        ("Jiangxi Ruide Venture Investment Co., Ltd.", "CITIC Securities Co., Ltd.", "16000000")]
    assert run(pledge_store, "open-pledges", issuer=JL_MAG, date="2023-09-19") == []


def test_pledge_with_expiry_closes(pledge_store: GraphStore) -> None:
    issuer = "Hunan Qiaofeng New Energy Co., Ltd."
    assert run(pledge_store, "open-pledges", issuer=issuer, date="2024-01-01")
    assert run(pledge_store, "open-pledges", issuer=issuer, date="2024-10-17") == []


def test_pledgees_ranked(pledge_store: GraphStore) -> None:
    rows = run(pledge_store, "pledgees-ranked")
    shares = [int(r["pledgedShares"]) for r in rows]
    assert shares == sorted(shares, reverse=True) and len(rows) >= 5
    assert any(r["pledgee"] == "CITIC Securities Co., Ltd." and r["pledgedShares"] == "16000000" for r in rows)


def test_encumbered_control(pledge_store: GraphStore) -> None:
    rows = run(pledge_store, "encumbered-control", issuer=JL_MAG, date="2023-12-31")
    members = {r["member"]: r for r in rows}
    assert set(members) == {"Jiangxi Ruide Venture Investment Co., Ltd.",
                            "Ganzhou Geshuo Investment Management Center (limited partnership)",
                            "Ganzhou Xinsheng Investment Management Center (limited partnership)",
                            "Cai Baogui", "Hu Zhibin", "Li Xinnong"}
    assert members["Jiangxi Ruide Venture Investment Co., Ltd."]["shares"] == "387100160"

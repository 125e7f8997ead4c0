"""Time on real builds, both store backends: tenures, board changes, board-as-of and conflicts.

- `tests/data/seeds`: JL MAG's four dated board paragraphs (2023-01-30, 2023-09-22, 2023-11-23, 2026-07-01).
  Read by hand: 12 seats (person, role); Li Fei (NED), You Jianxin and Yuan Taifang (INEDs) are listed on
  2023-01-30 and gone on 2023-09-22; Li Xiaoguang (NED) is listed on 2023-09-22 and 2023-11-23 and gone on
  2026-07-01; no filing states a change, so those four are conflicts of kind `seat-ended-unannounced`.
- `tests/data/timeline`: three filings of one fictional issuer, written for this test: a board, a change
  announcement (a resignation with immediate effect, two appointments and a retirement to come), a later board
  that lists one appointee, not the other, still lists the retired director, drops an executive Director with no
  announcement and lists an INED as a non-executive Director.
- dev + dev2 (`tests/data/dev`, `tests/data/dev2`): one filing per issuer; the one finding is a board paragraph
  stating nine Directors and naming eight.
"""
from __future__ import annotations

import json

import pytest

from kg.build import build
from kg.derive import DERIVED_GRAPH, derive_time
from kg.facts import export_lines
from kg.mapping import document_iri
from kg.query import bind_params, named_queries, run_select
from kg.store import GraphStore, MemoryStore, OxigraphStore
from kg.vocab import GOV
from tests.conftest import DATA, DEV, SEEDS

JL_MAG = "JL MAG Rare-Earth Co., Ltd."
KAI_TAK = "Kai Tak Harbour Holdings Limited"
TIMELINE = DATA / "timeline"

#: (person, role) -> (first_seen, last_seen, left_after, left_by), read from the four filings by hand.
SEED_TENURES = {
    ("Cai Baogui", "executive"): ("2023-01-30", "2026-07-01", None, None),
    ("Lyu Feng", "executive"): ("2023-01-30", "2026-07-01", None, None),
    ("Hu Zhibin", "non_executive"): ("2023-01-30", "2026-07-01", None, None),
    ("Li Xinnong", "non_executive"): ("2023-01-30", "2026-07-01", None, None),
    ("Li Fei", "non_executive"): ("2023-01-30", "2023-01-30", "2023-01-30", "2023-09-22"),
    ("You Jianxin", "independent_non_executive"): ("2023-01-30", "2023-01-30", "2023-01-30", "2023-09-22"),
    ("Xu Feng", "independent_non_executive"): ("2023-01-30", "2026-07-01", None, None),
    ("Yuan Taifang", "independent_non_executive"): ("2023-01-30", "2023-01-30", "2023-01-30", "2023-09-22"),
    ("Liang Minhui", "non_executive"): ("2023-09-22", "2026-07-01", None, None),
    ("Li Xiaoguang", "non_executive"): ("2023-09-22", "2023-11-23", "2023-11-23", "2026-07-01"),
    ("Zhu Yuhua", "independent_non_executive"): ("2023-09-22", "2026-07-01", None, None),
    ("Cao Ying", "independent_non_executive"): ("2023-09-22", "2026-07-01", None, None),
}


def _store(kind: str, tmp_path_factory: pytest.TempPathFactory, *folders) -> GraphStore:
    store = OxigraphStore(tmp_path_factory.mktemp(kind) / "s") if kind == "oxigraph" else MemoryStore()
    assert not build([str(f) for f in folders], store).errors
    return store


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def seeds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    return _store(request.param, tmp_path_factory, SEEDS)


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def timeline(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    return _store(request.param, tmp_path_factory, TIMELINE)


def run(store: GraphStore, query: str, **params: str) -> list[dict[str, str]]:
    q = named_queries()[query]
    _v, rows, _t = run_select(store, q.text, bind_params(q, params))
    return [{k: str(v) for k, v in r.items() if v is not None} for r in rows]


def tenure_facts(store: GraphStore) -> list[dict]:
    return [f for f in map(json.loads, export_lines(store)) if f["type"] == "tenure"]


# --- seeds ---------------------------------------------------------------------------------

def test_seed_tenures_exact(seeds: GraphStore) -> None:
    facts = tenure_facts(seeds)
    assert {f["doc"] for f in facts} == {"derived"}
    got = {(f["person"], f["role"]): (f["first_seen"], f["last_seen"], f["left_after"], f["left_by"]) for f in facts}
    assert got == SEED_TENURES
    assert len(facts) == 12
    assert sum(1 for f in facts if f["left_by"]) == 4
    assert all(f["started"] is None and f["ended"] is None for f in facts)


def test_tenure_rests_on_the_directorships(seeds: GraphStore) -> None:
    rows = seeds.select(f"""SELECT ?t ?m WHERE {{ GRAPH <{DERIVED_GRAPH}> {{ ?t a <{GOV.Tenure}> ;
        <{GOV.person}> ?p ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?m }}
        ?m a <{GOV.Directorship}> ; <{GOV.person}> ?p . }}""")
    per_tenure: dict[str, int] = {}
    for r in rows:
        per_tenure[str(r["t"])] = per_tenure.get(str(r["t"]), 0) + 1
    assert len(per_tenure) == 12 and sorted(per_tenure.values()) == [1, 1, 1, 2, 3, 3, 3, 4, 4, 4, 4, 4]


def test_tenures_query_by_issuer_and_by_person(seeds: GraphStore) -> None:
    rows = run(seeds, "tenures", name=JL_MAG)
    assert len(rows) == 12
    li = next(r for r in rows if r["person"] == "Li Xiaoguang")
    assert (li["leftAfter"], li["leftBy"], li["facts"]) == ("2023-11-23", "2026-07-01", "2")
    [cao] = run(seeds, "tenures", name="CAO YING")
    assert (cao["role"], cao["firstSeen"], cao["lastSeen"]) == ("independent_non_executive", "2023-09-22", "2026-07-01")


def test_seed_conflicts_name_both_filings_and_quotes(seeds: GraphStore) -> None:
    rows = run(seeds, "conflicts", issuer=JL_MAG)
    assert sorted(r["person"] for r in rows) == ["Li Fei", "Li Xiaoguang", "You Jianxin", "Yuan Taifang"]
    assert {r["check"] for r in rows} == {"seat-ended-unannounced"}
    li = next(r for r in rows if r["person"] == "Li Xiaoguang")
    assert (li["firstFiling"], li["secondFiling"]) == ("003_5ab7b78cfd54d383", "000_09aeede0f8403aa4")
    assert "Mr. Li Xiaoguang" in li["firstQuote"] and "Li Xiaoguang" not in li["secondQuote"]
    assert li["secondQuote"].startswith("As of the date of this announcement, the Board comprises")


def test_seed_board_changes_none_stated(seeds: GraphStore) -> None:
    assert run(seeds, "board-changes", issuer=JL_MAG, **{"from": "2020-01-01", "to": "2030-12-31"}) == []


def test_seed_board_as_of_rests_on_observations(seeds: GraphStore) -> None:
    rows = run(seeds, "board-as-of", issuer=JL_MAG, date="2023-10-01")
    assert len(rows) == 9 and {r["basis"] for r in rows} == {"observation"}
    assert {r["asOf"] for r in rows} == {"2023-09-22"}


# --- a timeline with changes ---------------------------------------------------------------

def test_timeline_tenures(timeline: GraphStore) -> None:
    got = {(f["person"], f["role"]): (f["first_seen"], f["last_seen"], f["started"], f["ended"], f["left_after"],
                                      f["left_by"]) for f in tenure_facts(timeline)}
    assert got == {
        ("Chan Siu Ming", "executive"): ("2025-03-31", "2025-08-29", None, None, None, None),
        ("Wong Mei Ling", "executive"): ("2025-03-31", "2025-06-02", None, None, "2025-06-02", "2025-08-29"),
        ("Lee Ka Fai", "non_executive"): ("2025-03-31", "2025-03-31", None, "2025-06-02", None, None),
        ("Ho Wing Kei", "independent_non_executive"): ("2025-03-31", "2025-08-29", None, None, None, None),
        ("Lam Pui Yee", "independent_non_executive"): ("2025-03-31", "2025-06-02", None, None, "2025-06-02",
                                                       "2025-08-29"),
        ("Lam Pui Yee", "non_executive"): ("2025-08-29", "2025-08-29", None, None, None, None),
        ("Tsang Chi Wai", "independent_non_executive"): ("2025-03-31", "2025-08-29", None, "2025-08-01", None, None),
        ("Yip Hoi Ting", "executive"): ("2025-08-29", "2025-08-29", "2025-07-01", None, None, None),
        ("Kwok Tak Wing", "independent_non_executive"): (None, None, "2025-07-15", None, None, None),
    }


def test_timeline_conflicts(timeline: GraphStore) -> None:
    rows = {r["check"]: r for r in run(timeline, "conflicts", issuer=KAI_TAK)}
    assert {c: r["person"] for c, r in rows.items()} == {
        "appointee-not-listed": "Kwok Tak Wing", "departed-still-listed": "Tsang Chi Wai",
        "role-changed": "Lam Pui Yee", "seat-ended-unannounced": "Wong Mei Ling"}
    appointed = rows["appointee-not-listed"]
    assert (appointed["firstFiling"], appointed["secondFiling"]) == ("kaitak__2025-06-02", "kaitak__2025-08-29")
    assert "Mr. Kwok Tak Wing" in appointed["firstQuote"] and "Kwok" not in appointed["secondQuote"]
    assert "retire as an independent non-executive Director" in rows["departed-still-listed"]["firstQuote"]


def test_timeline_board_changes_between_dates(timeline: GraphStore) -> None:
    rows = run(timeline, "board-changes", issuer=KAI_TAK, **{"from": "2025-06-01", "to": "2025-07-31"})
    assert [(r["effective"], r["person"], r["change"]) for r in rows] == [
        ("2025-06-02", "Lee Ka Fai", "resigned"), ("2025-07-01", "Yip Hoi Ting", "appointed"),
        ("2025-07-15", "Kwok Tak Wing", "appointed")]
    assert all(r["source"] == "kaitak__2025-06-02" and r["quote"] for r in rows)


def test_board_as_of_combines_observation_and_events(timeline: GraphStore) -> None:
    def board(date: str) -> dict[str, tuple[str, str]]:
        return {r["person"]: (r["role"], r["basis"]) for r in run(timeline, "board-as-of", issuer=KAI_TAK, date=date)}

    july = board("2025-07-20")
    assert july == {"Chan Siu Ming": ("executive", "observation"), "Wong Mei Ling": ("executive", "observation"),
                    "Ho Wing Kei": ("independent_non_executive", "observation"),
                    "Lam Pui Yee": ("independent_non_executive", "observation"),
                    "Tsang Chi Wai": ("independent_non_executive", "observation"),
                    "Yip Hoi Ting": ("executive", "event"), "Kwok Tak Wing": ("independent_non_executive", "event")}
    august = board("2025-08-15")
    assert "Tsang Chi Wai" not in august and august["Yip Hoi Ting"] == ("executive", "event")
    assert board("2025-09-01")["Lam Pui Yee"] == ("non_executive", "observation")  # the later paragraph governs


def test_derived_graph_follows_the_filings(tmp_path) -> None:
    store = OxigraphStore(tmp_path / "s")
    build([str(TIMELINE / "kaitak__2025-03-31.txt")], store)
    assert {f["person"]: f["left_by"] for f in tenure_facts(store)}["Lee Ka Fai"] is None
    quads = len(store)
    build([str(TIMELINE / "kaitak__2025-03-31.txt")], store)
    assert len(store) == quads  # rebuilding changes nothing
    build([str(TIMELINE)], store)
    lee = next(f for f in tenure_facts(store) if f["person"] == "Lee Ka Fai")
    assert (lee["ended"], lee["left_by"]) == ("2025-06-02", None)
    store.remove_graph(document_iri("kaitak__2025-06-02"))  # a filing gone: derived again without it
    derive_time(store)
    by_person = {f["person"]: f for f in tenure_facts(store)}
    assert "Kwok Tak Wing" not in by_person
    assert (by_person["Lee Ka Fai"]["ended"], by_person["Lee Ka Fai"]["left_by"]) == (None, "2025-08-29")
    store.close()


# --- dev and dev2 ----------------------------------------------------------------------------

def test_conflicts_on_dev_and_dev2(tmp_path) -> None:
    store = OxigraphStore(tmp_path / "s")
    assert not build([str(DEV), str(DATA / "dev2")], store).errors
    rows = run(store, "conflicts", issuer="Shaanxi Luoyu Aerospace Components Co., Ltd.")
    assert [(r["check"], r["message"]) for r in rows] == [
        ("board-count", "the board paragraph states nine Directors and names 8")]
    [row] = rows
    assert row["firstFiling"] == row["secondFiling"] == "pledge__shaanxi-luoyu__2025-05-16"
    assert row["firstQuote"] == row["secondQuote"] and "nine Directors" in row["firstQuote"]
    every = store.select(f"SELECT ?c WHERE {{ ?c a <{GOV.FilingConflict}> }}")
    assert every == []  # one filing per issuer: nothing to set against each other
    store.close()

"""Named queries and query safety, on both store backends."""
from __future__ import annotations

import pytest

from extract.records import Directorship
from kg.mapping import map_document
from kg.query import QueryRefused, bind_params, check_query, format_rows, named_queries, run_select
from kg.resolve import Resolver
from kg.store import GraphStore
from tests import factories


def load(store: GraphStore, doc: str, facts, issuer: str = factories.ISSUER, date: str = "2026-03-31") -> None:
    mapped = map_document(factories.meta(doc=doc, issuer=issuer, date=date), facts, Resolver())
    store.replace_graph(mapped.graph, mapped.triples)


def run(store: GraphStore, name: str, **params: str):
    q = named_queries()[name]
    _vars, rows, _ = run_select(store, q.text, bind_params(q, params))
    return rows


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://x/> { ?s ?q ?r } } }",
    "LOAD <http://evil.example/data.ttl>",
    "SELECT * FROM <http://evil.example/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://evil.example/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "not sparql at all",
])
def test_refused(query: str) -> None:
    with pytest.raises(QueryRefused):
        check_query(query)


@pytest.mark.parametrize("query,form", [
    ("SELECT * WHERE { ?s ?p ?o }", "SelectQuery"),
    ("ASK { ?s ?p ?o }", "AskQuery"),
    ("PREFIX ex: <http://example.org/> SELECT ?s WHERE { ?s ex:service ?o }", "SelectQuery"),
])
def test_allowed(query: str, form: str) -> None:
    assert check_query(query) == form


def test_named_queries_shipped() -> None:
    queries = named_queries()
    assert {"board-as-of", "person-seats", "ined-shortfall"} <= set(queries)
    assert queries["board-as-of"].params.keys() == {"issuer", "date"}
    for q in queries.values():
        check_query(q.text)
        assert q.description


def test_board_as_of_takes_latest_observation_on_or_before_date(store: GraphStore) -> None:
    load(store, "early", factories.board(doc="early", as_of="2025-01-10"), date="2025-01-10")
    later = factories.board(doc="late", as_of="2026-03-31")[:4]
    load(store, "late", later)
    rows = run(store, "board-as-of", issuer="acme widgets co., ltd.", date="2025-12-31")
    assert len(rows) == 6 and {str(r["asOf"]) for r in rows} == {"2025-01-10"}
    rows = run(store, "board-as-of", issuer="ACME WIDGETS CO., LTD.", date="2026-04-01")
    assert sorted(str(r["person"]) for r in rows) == sorted(["Chan Tai Man", "Ms. Lee Mei", "Wong Kar Wai",
                                                            "Ho Siu Fung"])
    assert run(store, "board-as-of", issuer=factories.ISSUER, date="2020-01-01") == []


def test_board_as_of_matches_chinese_name(store: GraphStore) -> None:
    load(store, "a", factories.board(doc="a"))
    assert len(run(store, "board-as-of", issuer="愛克米股份有限公司", date="2026-12-31")) == 6


def test_person_seats_across_issuers(store: GraphStore) -> None:
    load(store, "a", factories.board(doc="a"))
    other = [Directorship(company="Beta Limited", person="Ho Siu Fung", role="executive",
                          as_of="2026-05-01", evidence=factories.ev(doc="b"))]
    load(store, "b", other, issuer="Beta Limited", date="2026-05-01")
    rows = run(store, "person-seats", person="ho siu fung")
    assert [(str(r["company"]), str(r["role"])) for r in rows] == [
        (factories.ISSUER, "independent_non_executive"), ("Beta Limited", "executive")]


def test_ined_shortfall(store: GraphStore) -> None:
    load(store, "ok", factories.board(doc="ok"))
    short = [Directorship(company="Beta Limited", person=p, role=r, as_of="2026-05-01",
                          evidence=factories.ev(doc="short"))
             for p, r in [("A B", "executive"), ("C D", "executive"), ("E F", "executive"),
                          ("G H", "executive"), ("O P", "executive"), ("Q R", "non_executive"),
                          ("S T", "non_executive"), ("I J", "independent_non_executive"),
                          ("K L", "independent_non_executive"), ("M N", "independent_non_executive")]]
    load(store, "short", short, issuer="Beta Limited", date="2026-05-01")
    rows = run(store, "ined-shortfall", date="2026-12-31")
    assert [(str(r["issuer"]), int(r["ineds"]), int(r["directors"])) for r in rows] == [("Beta Limited", 3, 10)]
    assert run(store, "ined-shortfall", date="2026-04-01") == []


def test_bad_params_refused() -> None:
    q = named_queries()["board-as-of"]
    with pytest.raises(QueryRefused, match="needs"):
        bind_params(q, {"issuer": "x"})
    with pytest.raises(QueryRefused, match="YYYY-MM-DD"):
        bind_params(q, {"issuer": "x", "date": "31/12/2026"})
    with pytest.raises(QueryRefused, match="no parameter"):
        bind_params(q, {"issuer": "x", "date": "2026-01-01", "evil": "1"})


def test_limit_truncates(store: GraphStore) -> None:
    load(store, "a", factories.board(doc="a"))
    _v, rows, truncated = run_select(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", limit=5)
    assert len(rows) == 5 and truncated


def test_formats(store: GraphStore) -> None:
    load(store, "a", factories.board(doc="a"))
    q = named_queries()["person-seats"]
    variables, rows, _ = run_select(store, q.text, bind_params(q, {"person": "Lam Ka Yan"}))
    table = format_rows(variables, rows, "table")
    assert "independent_non_executive" in table and "(1 row)" in table
    assert format_rows(variables, rows, "csv").splitlines()[0].split(",")[:2] == ["person", "company"]
    assert '"results"' in format_rows(variables, rows, "json")


def test_queries_are_checked_safely_from_many_threads() -> None:
    """The endpoint checks queries in parallel threads; rdflib's parser alone fails that way."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [q.text for q in named_queries().values()] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        forms = list(pool.map(check_query, texts))
    assert set(forms) == {"SelectQuery"}

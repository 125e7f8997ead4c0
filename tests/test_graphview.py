"""The store as networkx: flattened labelled edges, deduplication, issuer neighbourhoods (both backends)."""
from __future__ import annotations

import networkx as nx
import pytest

from extract.records import Directorship, DocumentMeta, Fact, Pledge
from kg.graphview import ISSUER, ORGANISATION, PERSON, UnknownIssuer, build_graph, find_issuer, neighbourhood
from kg.mapping import map_document
from kg.resolve import Resolver
from kg.store import GraphStore
from tests.factories import ISSUER as ACME, board, ev, every_type, meta

OTHER = "Bravo Logistics Holdings Limited"


def load(store: GraphStore, *docs: tuple[DocumentMeta, list[Fact]]) -> GraphStore:
    resolver = Resolver()
    for doc_meta, facts in docs:
        mapped = map_document(doc_meta, facts, resolver)
        store.replace_graph(mapped.graph, mapped.triples)
    return store


def labelled(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(graph.nodes[u]["label"], graph.nodes[v]["label"], d["label"])
            for u, v, d in graph.edges(data=True)}


def test_every_relation_becomes_a_labelled_edge(store: GraphStore) -> None:
    graph = build_graph(load(store, (meta(), every_type())))
    edges = labelled(graph)
    assert ("Chan Tai Man", ACME, "executive director (proposed) 2026-03-31") in edges
    assert ("Chan Tai Man", ACME, "chairman 2026-03-31") in edges
    assert ("Ho Siu Fung", ACME, "chair of Audit Committee 2026-03-31") in edges
    assert ("Ho Siu Fung", ACME, "appointed chair of Audit Committee 2026-04-01") in edges
    assert ("Acme Holdings Limited", "Big Bank Co., Ltd.", "pledged 16,000,000 shares 2026-03-01") in edges
    assert ("Chan Tai Man", "Big Bank Co., Ltd.", "released 2,560,000 pledged shares 2026-03-02") in edges
    assert ("Acme Holdings Limited", ACME, "holds 387,100,160 shares (28.83%) 2026-03-31") in edges
    assert ("Chan Tai Man", ACME, "controlling shareholder 2026-03-31") in edges
    assert ("Acme Ningbo Technology Co., Ltd.", ACME, "subsidiary of") in edges
    assert ("Registrar Services Limited", ACME, "scrutineer 2026-03-20") in edges
    assert ("Chan Tai Man", ACME, "attended general meeting 2026-03-20") in edges
    assert ("Wong Kar Wai", ACME, "absent from general meeting 2026-03-20") in edges


def test_node_kinds_and_edge_provenance(store: GraphStore) -> None:
    graph = build_graph(load(store, (meta(), every_type())))
    kinds = {d["label"]: d["kind"] for _, d in graph.nodes(data=True)}
    assert kinds[ACME] == ISSUER
    assert kinds["Big Bank Co., Ltd."] == ORGANISATION
    assert kinds["Chan Tai Man"] == PERSON
    pledge = next(d for _, _, d in graph.edges(data=True) if d["fact_type"] == "pledge")
    assert pledge["evidence"] == [{"doc": "acme-2026", "quote": "quoted text", "date": "2026-03-01"}]
    assert graph.nodes[pledge["issuer"]]["label"] == ACME


def test_repeated_observations_are_one_edge_with_their_dates(store: GraphStore) -> None:
    graph = build_graph(load(store, (meta("acme-q1", date="2026-03-31"), board("acme-q1", "2026-03-31")),
                             (meta("acme-q2", date="2026-06-30"), board("acme-q2", "2026-06-30"))))
    assert graph.number_of_edges() == 6
    seat = next(d for u, _, d in graph.edges(data=True) if graph.nodes[u]["label"] == "Ho Siu Fung")
    assert seat["dates"] == ["2026-03-31", "2026-06-30"]
    assert seat["label"] == "independent non-executive director 2026-03-31, 2026-06-30"
    assert [e["doc"] for e in seat["evidence"]] == ["acme-q1", "acme-q2"]


def two_issuers(store: GraphStore) -> GraphStore:
    other_board = [Directorship(company=OTHER, person="Lau Chi Keung", role="executive", as_of="2026-05-01",
                                evidence=ev(doc="bravo"))]
    pledge = [Pledge(pledgor="Bravo Group Limited", pledgee="Big Bank Co., Ltd.", issuer=OTHER, shares=5,
                     start="2026-05-01", evidence=ev(doc="bravo"))]
    return load(store, (meta(), board()), (meta("bravo", issuer=OTHER), other_board + pledge))


def test_issuer_filter_keeps_its_neighbourhood(store: GraphStore) -> None:
    graph = build_graph(two_issuers(store), issuer="bravo logistics")
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert labels == {OTHER, "Lau Chi Keung", "Bravo Group Limited", "Big Bank Co., Ltd."}
    assert graph.number_of_edges() == 2


def test_issuer_names_resolve_or_explain(store: GraphStore) -> None:
    graph = build_graph(two_issuers(store))
    assert graph.nodes[find_issuer(graph, "ACME WIDGETS COMPANY LIMITED")]["label"] == ACME
    with pytest.raises(UnknownIssuer, match="ambiguous"):
        find_issuer(graph, "Ltd")
    with pytest.raises(UnknownIssuer, match="include: Acme"):
        find_issuer(graph, "Nowhere Ltd")


def test_neighbourhood_leaves_the_graph_alone(store: GraphStore) -> None:
    graph = build_graph(two_issuers(store))
    before = nx.to_dict_of_dicts(graph)
    sub = neighbourhood(graph, find_issuer(graph, ACME))
    next(iter(sub.edges(data=True)))[2]["dates"].append("1999-01-01")
    assert nx.to_dict_of_dicts(graph) == before

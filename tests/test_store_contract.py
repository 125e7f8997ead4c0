"""One contract for every store backend: both run exactly these tests."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.mapping import document_iri, map_document
from kg.resolve import Resolver
from kg.store import GraphStore
from kg.vocab import GOV
from tests import factories

G1 = URIRef("https://example.org/g1")
G2 = URIRef("https://example.org/g2")
S = URIRef("https://example.org/s")


def triples(n: int, tag: str = "a") -> list:
    return [(S, URIRef(f"https://example.org/p{i}"), Literal(f"{tag}{i}")) for i in range(n)]


def test_replace_graph_holds_exactly_the_new_triples(store: GraphStore) -> None:
    store.replace_graph(G1, triples(3, "old"))
    store.replace_graph(G1, triples(2, "new"))
    rows = store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert sorted(str(r["o"]) for r in rows) == ["new0", "new1"]
    assert len(store) == 2


def test_replacing_one_graph_leaves_others(store: GraphStore) -> None:
    store.replace_graph(G1, triples(2, "one"))
    store.replace_graph(G2, triples(3, "two"))
    store.replace_graph(G1, [])
    assert store.graphs() == [G2]
    assert len(store) == 3


def test_remove_graph(store: GraphStore) -> None:
    store.replace_graph(G1, triples(2))
    store.remove_graph(G1)
    assert store.graphs() == []
    assert len(store) == 0


def test_same_triples_twice_is_idempotent(store: GraphStore) -> None:
    store.replace_graph(G1, triples(4))
    before = store.serialize("nq")
    store.replace_graph(G1, triples(4))
    assert sorted(store.serialize("nq").splitlines()) == sorted(before.splitlines())


def test_failed_replace_keeps_old_graph(store: GraphStore) -> None:
    store.replace_graph(G1, triples(2, "kept"))

    def broken():
        yield (S, URIRef("https://example.org/p"), Literal("x"))
        raise RuntimeError("extractor crashed midway")

    try:
        store.replace_graph(G1, broken())
    except RuntimeError:
        pass
    rows = store.select("SELECT ?o WHERE { ?s ?p ?o }")
    assert sorted(str(r["o"]) for r in rows) == ["kept0", "kept1"]


def test_select_over_union_with_bindings(store: GraphStore) -> None:
    store.replace_graph(G1, triples(2, "x"))
    store.replace_graph(G2, triples(2, "y"))
    rows = store.select("SELECT ?o ?p WHERE { ?s ?p ?o }", {"p": URIRef("https://example.org/p1")})
    assert sorted(str(r["o"]) for r in rows) == ["x1", "y1"]


def test_bound_literal_is_not_injected(store: GraphStore) -> None:
    store.replace_graph(G1, triples(2, "x"))
    hostile = Literal('x0" } ; DROP ALL ; SELECT * WHERE { ?a ?b "')
    rows = store.select("SELECT ?o WHERE { ?s ?p ?o }", {"o": hostile})
    assert rows == []
    assert len(store) == 2


def test_ask(store: GraphStore) -> None:
    store.replace_graph(G1, triples(1, "q"))
    assert store.ask("ASK { ?s ?p \"q0\" }")
    assert not store.ask("ASK { ?s ?p \"nope\" }")


def test_typed_literals_round_trip(store: GraphStore) -> None:
    store.replace_graph(G1, [(S, GOV.asOf, Literal("2026-03-31", datatype=XSD.date)),
                             (S, GOV.shares, Literal(16000000)), (S, GOV.percent, Literal(28.83, datatype=XSD.decimal)),
                             (S, GOV.quote, Literal("金力永磁")), (S, GOV.alias, Literal("名字", lang="zh"))])
    row = store.select(f"SELECT ?d ?n ?q WHERE {{ ?s <{GOV.asOf}> ?d ; <{GOV.shares}> ?n ; <{GOV.quote}> ?q }}")[0]
    assert row["d"].toPython().isoformat() == "2026-03-31"
    assert row["n"].toPython() == 16000000
    assert str(row["q"]) == "金力永磁"


def test_serialisations_parse_back(store: GraphStore) -> None:
    mapped = map_document(factories.meta(), factories.every_type(), Resolver())
    store.replace_graph(mapped.graph, mapped.triples)
    n = len(store)
    merged = Graph().parse(data=store.serialize("ttl"), format="turtle")
    assert len(merged) == n  # one graph, so no triple is shared across graphs
    from rdflib import Dataset
    for fmt, parser in (("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")):
        ds = Dataset()
        ds.parse(data=store.serialize(fmt), format=parser)
        assert sum(1 for _ in ds.quads((None, None, None, None))) == n, fmt


def test_document_hash_lookup(store: GraphStore) -> None:
    mapped = map_document(factories.meta(), [], Resolver())
    store.replace_graph(mapped.graph, mapped.triples)
    assert store.document_sha256(document_iri(factories.DOC)) == "0" * 64
    assert store.document_sha256(document_iri("other")) is None


def test_add_triples_extends_one_graph(store: GraphStore) -> None:
    store.replace_graph(G1, triples(1, "a"))
    store.add_triples(G1, triples(3, "b")[1:])
    store.add_triples(G1, [])
    assert store.graphs() == [G1] and len(store) == 3

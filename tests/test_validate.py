"""SHACL: a good graph conforms; each kind of broken fact is reported."""
from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import XSD

from extract.records import Directorship, Pledge
from kg.mapping import fact_iri, map_document
from kg.resolve import Resolver
from kg.validate import validate_graph
from kg.vocab import GOV
from tests import factories


def graph_of(facts) -> Graph:
    g = Graph()
    for t in map_document(factories.meta(), facts, Resolver()).triples:
        g.add(t)
    return g


def test_every_type_conforms() -> None:
    conforms, report = validate_graph(graph_of(factories.every_type()))
    assert conforms, report


def test_unknown_role_is_a_violation() -> None:
    bad = Directorship(company=factories.ISSUER, person="A B", role="supreme_leader", as_of="2026-01-01",
                       evidence=factories.ev())
    conforms, report = validate_graph(graph_of([bad]))
    assert not conforms and "supreme_leader" in report


def test_pledge_ending_before_it_starts_is_a_violation() -> None:
    bad = Pledge(pledgor="A B", pledgee="Bank Co., Ltd.", issuer=factories.ISSUER, shares=10,
                 start="2026-05-01", end="2026-01-01", evidence=factories.ev())
    conforms, _ = validate_graph(graph_of([bad]))
    assert not conforms


def test_fact_without_evidence_is_a_violation() -> None:
    fact = factories.board()[0]
    g = graph_of([fact])
    g.remove((fact_iri(fact), GOV.evidence, None))
    g.add((fact_iri(fact), GOV.asOf, Literal("2026-01-02", datatype=XSD.date)))
    conforms, report = validate_graph(g)
    assert not conforms and "evidence" in report

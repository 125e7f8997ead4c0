"""Ontology hygiene as queries that return offenders (FIBO's `SELECT ?error` style)."""
from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

import ontology
from extract.records import FACT_TYPES, field_kinds
from kg.mapping import CLASS_OF_TYPE, property_of
from kg.vocab import GOV, GOV_IRI


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(data=ontology.read_text(ontology.ONTOLOGY_FILE), format="turtle")


def declared(onto: Graph) -> set[str]:
    return {str(s) for s in onto.subjects(RDF.type, None) if str(s).startswith(GOV_IRI)}


def test_code_vocabulary_matches_ontology(onto: Graph) -> None:
    in_code = {str(GOV[name]) for name in GOV.__annotations__}
    assert in_code == declared(onto)


def test_every_term_labelled_and_commented(onto: Graph) -> None:
    errors = onto.query(f"""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?term ?missing WHERE {{
          ?term a ?kind . FILTER(STRSTARTS(STR(?term), "{GOV_IRI}"))
          VALUES ?missing {{ rdfs:label rdfs:comment }}
          FILTER NOT EXISTS {{ ?term ?missing ?text }}
        }}""")
    assert [(str(t), str(m)) for t, m in errors] == []


def test_every_class_has_a_superclass_outside_or_inside(onto: Graph) -> None:
    errors = onto.query("""
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?c WHERE { ?c a owl:Class FILTER NOT EXISTS { ?c rdfs:subClassOf ?super } }""")
    assert list(errors) == []


def test_every_record_field_has_a_property(onto: Graph) -> None:
    props = {str(s) for s in onto.subjects(RDF.type, OWL.ObjectProperty)} | \
            {str(s) for s in onto.subjects(RDF.type, OWL.DatatypeProperty)}
    missing = [f"{t}.{name}" for t, cls in FACT_TYPES.items() for name in field_kinds(cls)
               if str(property_of(name)) not in props]
    assert missing == []


def test_entity_fields_are_object_properties(onto: Graph) -> None:
    wrong = [f"{t}.{name}" for t, cls in FACT_TYPES.items() for name, meta in field_kinds(cls).items()
             if meta["kind"] in ("person", "org", "party")
             and (property_of(name), RDF.type, OWL.ObjectProperty) not in onto]
    assert wrong == []


def test_every_fact_type_has_a_class(onto: Graph) -> None:
    assert set(CLASS_OF_TYPE) == set(FACT_TYPES)
    assert all((URIRef(c), RDF.type, OWL.Class) in onto for c in CLASS_OF_TYPE.values())


def test_shapes_parse_and_target_declared_classes(onto: Graph) -> None:
    shapes = Graph().parse(data=ontology.read_text(ontology.SHAPES_FILE), format="turtle")
    targets = {str(o) for o in shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass"))}
    assert targets and targets <= declared(onto)

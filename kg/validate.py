"""`kg validate`: the graph against the SHACL shapes in `ontology/shapes.ttl`, with pySHACL.

The ontology is given to pySHACL so subclass reasoning (gov:Person is a gov:Party) holds;
the union of the announcement graphs is validated as one data graph.
"""
from __future__ import annotations

from pyshacl import validate
from rdflib import Graph

import ontology
from kg.store import GraphStore


def union_graph(store: GraphStore) -> Graph:
    """All named graphs merged into one graph (the store's Turtle export, parsed)."""
    graph = Graph()
    graph.parse(data=store.serialize("ttl"), format="turtle")
    return graph


def validate_graph(data: Graph) -> tuple[bool, str]:
    shapes = Graph().parse(data=ontology.read_text(ontology.SHAPES_FILE), format="turtle")
    onto = Graph().parse(data=ontology.read_text(ontology.ONTOLOGY_FILE), format="turtle")
    conforms, _report_graph, text = validate(data, shacl_graph=shapes, ont_graph=onto,
                                             inference="rdfs", allow_warnings=True)
    return bool(conforms), str(text)


def validate_store(store: GraphStore) -> tuple[bool, str]:
    return validate_graph(union_graph(store))

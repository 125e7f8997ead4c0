"""`kg facts`: every fact in the graph in the exchange format, read back with SPARQL.

What is scored is what a SPARQL user sees: the store is queried, not the extractors' objects.
Generic over types: the record classes say which property holds which field, so the export
rebuilds each record from its node and lets the record write its own exchange-format line.
Names are the labels the fact's own announcement gave the entity.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from extract.records import FACT_TYPES, Evidence, Fact, field_kinds
from kg.mapping import CLASS_OF_TYPE, ENTITY_KINDS, TYPE_OF_CLASS, property_of
from kg.store import GraphStore
from kg.vocab import GOV

FACTS_QUERY = f"""
PREFIX gov: <{GOV._NS}>
PREFIX skos: <{SKOS}>
SELECT ?f ?cls ?doc ?p ?o ?label WHERE {{
  GRAPH ?g {{
    ?g gov:docId ?doc .
    ?f a ?cls ; ?p ?o .
    OPTIONAL {{ ?o skos:prefLabel ?label }}
  }}
  VALUES ?cls {{ {' '.join(f'<{CLASS_OF_TYPE[t]}>' for t, c in FACT_TYPES.items() if c.IN_SPEC)} }}
}}"""


def _python(value: Literal) -> Any:
    """A typed literal as the exchange format writes it: ISO dates, ints, floats, booleans."""
    py = value.toPython()
    if isinstance(py, Decimal):
        return int(py) if py == py.to_integral_value() and py.as_tuple().exponent >= 0 else float(py)
    if hasattr(py, "isoformat"):
        return py.isoformat()
    return py


def read_facts(store: GraphStore) -> Iterator[Fact]:
    """Rebuild every exchange-format fact in the store as its record."""
    nodes: dict[URIRef, dict[str, Any]] = defaultdict(dict)
    for row in store.select(FACTS_QUERY):
        node = nodes[row["f"]]
        node["__type"] = TYPE_OF_CLASS[row["cls"]]
        node["__doc"] = str(row["doc"])
        p = row["p"]
        if p == RDF.type:
            continue
        node[p] = row["label"] if row["label"] is not None else row["o"]
    for node in nodes.values():
        cls = FACT_TYPES[node["__type"]]
        values: dict[str, Any] = {}
        for name, meta in field_kinds(cls).items():
            raw = node.get(property_of(name))
            if raw is None:
                values[name] = None
            elif meta["kind"] in ENTITY_KINDS or meta["kind"] in ("str", "enum"):
                values[name] = str(raw)
            else:
                values[name] = _python(raw)
        yield cls(**values, evidence=Evidence(node["__doc"], 0, 0, ""))


def export_lines(store: GraphStore) -> list[str]:
    """JSON Lines of every fact, sorted for stable diffs."""
    lines = [json.dumps(f.to_spec(), ensure_ascii=False) for f in read_facts(store) if f.exported()]
    return sorted(lines)

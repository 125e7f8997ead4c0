"""Tenures and filing conflicts, derived after every build that stores a filing, into a named graph of their own.

Why a graph of its own: a tenure rests on many filings, so it belongs to none of their graphs; rebuilding
the derived graph from what the store holds after each build (one atomic replace) keeps it in step with
every filing added, changed or removed, in whatever order. The graph carries `gov:docId "derived"`, so
`kg facts` writes its tenures with doc `derived`; each tenure and conflict has `prov:wasDerivedFrom` the
directorships and board changes it rests on. The derivation itself is `kg.timeline` (pure).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from kg.mapping import Triple
from kg.store import GraphStore
from kg.timeline import Conflict, Event, Observation, Tenure, conflicts, tenures
from kg.vocab import GOV, ID

#: The derived graph: tenures and conflicts.
DERIVED_GRAPH = ID["graph/derived"]
#: The document id `kg facts` writes for derived facts (spec: tenure facts have doc "derived").
DERIVED_DOC = "derived"

_PREFIXES = f"PREFIX gov: <{GOV._NS}>\nPREFIX prov: <{PROV}>\nPREFIX skos: <{SKOS}>\n" \
            "PREFIX dcterms: <http://purl.org/dc/terms/>\n"

OBSERVATIONS = _PREFIXES + """
SELECT ?m ?org ?p ?role ?asOf ?doc ?ev ?personLabel ?orgLabel WHERE {
  GRAPH ?doc {
    ?m a gov:Directorship ; gov:company ?org ; gov:person ?p ; gov:role ?role ; gov:asOf ?asOf ; gov:evidence ?ev .
    OPTIONAL { ?m gov:proposed ?proposed }
    OPTIONAL { ?p skos:prefLabel ?personLabel }
    OPTIONAL { ?org skos:prefLabel ?orgLabel }
  }
  FILTER(!BOUND(?proposed) || ?proposed = false)
}"""

EVENTS = _PREFIXES + """
SELECT ?e ?org ?p ?change ?effective ?post ?role ?asOf ?doc ?ev ?personLabel ?orgLabel WHERE {
  GRAPH ?doc {
    ?e a gov:BoardChange ; gov:company ?org ; gov:person ?p ; gov:change ?change ; gov:evidence ?ev .
    OPTIONAL { ?e gov:effective ?effective }
    OPTIONAL { ?e gov:post ?post }
    OPTIONAL { ?e gov:role ?role }
    OPTIONAL { ?e gov:asOf ?asOf }
    OPTIONAL { ?p skos:prefLabel ?personLabel }
    OPTIONAL { ?org skos:prefLabel ?orgLabel }
  }
}"""


@dataclass(frozen=True)
class Derived:
    tenures: int
    conflicts: int


def derive_time(store: GraphStore) -> Derived:
    """Rebuild the derived graph (tenures, conflicts) from the store's directorships and board changes."""
    labels: dict[str, tuple[str, str]] = {}  # entity -> (date, label): the latest filing's label
    observations = [_observation(row, labels) for row in store.select(OBSERVATIONS)]
    events = [_event(row, labels) for row in store.select(EVENTS)]
    found_tenures = tenures(observations, events)
    found_conflicts = conflicts(observations, events, {e: label for e, (_, label) in labels.items()})
    triples: list[Triple] = []
    for t in found_tenures:
        triples += _tenure_triples(t)
    for c in found_conflicts:
        triples += _conflict_triples(c)
    if not triples:
        store.remove_graph(DERIVED_GRAPH)
        return Derived(0, 0)
    used = {str(o) for _, p, o in triples if p in (GOV.company, GOV.person)}
    triples += [(URIRef(e), SKOS.prefLabel, Literal(label)) for e, (_, label) in sorted(labels.items()) if e in used]
    triples.append((DERIVED_GRAPH, GOV.docId, Literal(DERIVED_DOC)))
    store.replace_graph(DERIVED_GRAPH, triples)
    return Derived(len(found_tenures), len(found_conflicts))


def _label(labels: dict[str, tuple[str, str]], entity: str, label: object, date: str) -> None:
    if label is not None and (entity not in labels or labels[entity][0] <= date):
        labels[entity] = (date, str(label))


def _observation(row: dict, labels: dict[str, tuple[str, str]]) -> Observation:
    date = str(row["asOf"])
    _label(labels, str(row["p"]), row["personLabel"], date)
    _label(labels, str(row["org"]), row["orgLabel"], date)
    return Observation(str(row["m"]), str(row["org"]), str(row["p"]), str(row["role"]), date, str(row["doc"]),
                       str(row["ev"]))


def _event(row: dict, labels: dict[str, tuple[str, str]]) -> Event:
    announced = str(row["asOf"]) if row["asOf"] is not None else None
    _label(labels, str(row["p"]), row["personLabel"], announced or "")
    _label(labels, str(row["org"]), row["orgLabel"], announced or "")

    def text(name: str) -> str | None:
        return str(row[name]) if row[name] is not None else None

    return Event(str(row["e"]), str(row["org"]), str(row["p"]), str(row["change"]), text("effective"), text("post"),
                 text("role"), announced, str(row["doc"]), str(row["ev"]))


def _node(kind: str, *parts: object) -> URIRef:
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]
    return ID[f"{kind}/{digest}"]


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


def _tenure_triples(t: Tenure) -> list[Triple]:
    node = _node("tenure", t.company, t.person, t.role, t.first_seen, t.started, t.ended)
    triples: list[Triple] = [(node, RDF.type, GOV.Tenure), (node, GOV.company, URIRef(t.company)),
                             (node, GOV.person, URIRef(t.person)), (node, GOV.role, Literal(t.role))]
    for prop, value in ((GOV.firstSeen, t.first_seen), (GOV.lastSeen, t.last_seen), (GOV.started, t.started),
                        (GOV.ended, t.ended), (GOV.leftAfter, t.left_after), (GOV.leftBy, t.left_by)):
        if value:
            triples.append((node, prop, _date(value)))
    triples += [(node, PROV.wasDerivedFrom, URIRef(f)) for f in t.derived_from]
    return triples


def _conflict_triples(c: Conflict) -> list[Triple]:
    node = _node("conflict", c.check, c.company, c.person, c.first.fact, c.second.fact)
    return [
        (node, RDF.type, GOV.FilingConflict), (node, GOV.company, URIRef(c.company)),
        (node, GOV.person, URIRef(c.person)), (node, GOV.check, Literal(c.check)),
        (node, GOV.message, Literal(c.message)),
        (node, GOV.firstFiling, URIRef(c.first.doc)), (node, GOV.secondFiling, URIRef(c.second.doc)),
        (node, GOV.firstEvidence, URIRef(c.first.evidence)), (node, GOV.secondEvidence, URIRef(c.second.evidence)),
        (node, PROV.wasDerivedFrom, URIRef(c.first.fact)), (node, PROV.wasDerivedFrom, URIRef(c.second.fact)),
    ]

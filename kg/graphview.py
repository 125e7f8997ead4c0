"""The store as a networkx graph: people and organisations as nodes, facts flattened to edges.

Why a separate view: the graph stores every dated, sourced relation as a node of its own (a board
seat, a pledge), which is right for querying but unreadable as a picture. Drawing wants one
labelled edge per relation between two entities, with the dates it was observed on and the
sentences that say so. This module builds that view from SPARQL alone (the store is the single
source of truth) and returns a fresh graph each call, so callers can change it freely.

Raw strings from documents are kept as they are here; escaping is the renderer's job.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, SKOS, DCTERMS

from extract.records import FACT_TYPES, field_kinds
from kg.mapping import CLASS_OF_TYPE, TYPE_OF_CLASS, property_of
from kg.resolve import name_key
from kg.store import GraphStore
from kg.vocab import GOV

Values = dict[str, Any]

#: Node kinds, in legend order.
ISSUER, ORGANISATION, PERSON = "issuer", "organisation", "person"
NODE_KINDS = (ISSUER, ORGANISATION, PERSON)

#: Fields that name the company a fact is about (see kg.mapping.ISSUER_FIELDS).
_ISSUER_FIELDS = ("company", "issuer", "parent")


class UnknownIssuer(LookupError):
    """An --issuer name that matches no issuer, or several; the message lists candidates."""


def _words(value: str) -> str:
    return value.replace("non_executive", "non-executive").replace("_", " ")


def _shares(value: Any) -> str:
    return f"{int(value):,}" if value is not None else "?"


def _committee(v: Values) -> str:
    name = str(v.get("committeeUnit") or v.get("committee") or "")
    return name if "committee" in name.lower() else f"{name} Committee".strip()


def _officer(v: Values) -> str:
    """The title; for `other`, the title as the filing wrote it."""
    if v.get("title") == "other" and v.get("title_as_written"):
        return str(v["title_as_written"])
    return _words(str(v["title"]))


def _change(v: Values) -> str:
    """`appointed chair of Audit Committee`, `resigned company secretary`, `retired executive director`."""
    post = str(v.get("post") or "")
    if post.startswith("committee:"):
        kind = post.split(":", 1)[1]
        name = kind.split(":", 1)[1] if kind.startswith("other:") else f"{_words(kind).title()} Committee"
        return f"{v['change']} {v.get('position') or 'member'} of {name}"
    what = _words(post) if post else " ".join(filter(None, (_words(str(v.get("role") or "")), "director")))
    return f"{v['change']} {what}"


@dataclass(frozen=True)
class EdgeSpec:
    """How one fact type becomes an edge: which fields are its ends, what it says, when."""

    source: str
    target: str
    describe: Callable[[Values], str]
    date: str | None


#: Fact type -> edge. Types without an entry (meetings, resolutions, estimates, listings,
#: aliases, findings) describe one company, not a relation, and are not drawn as edges.
EDGE_SPECS: dict[str, EdgeSpec] = {
    "directorship": EdgeSpec("person", "company", lambda v: _words(str(v["role"])) + " director"
                             + (" (proposed)" if v.get("proposed") else ""), "as_of"),
    "officer": EdgeSpec("person", "company", _officer, "as_of"),
    "committee_membership": EdgeSpec("person", "company", lambda v: f"{v.get('position') or 'member'} of "
                                     f"{_committee(v)}", "as_of"),
    "board_change": EdgeSpec("person", "company", lambda v: _change(v), "effective"),
    "pledge": EdgeSpec("pledgor", "pledgee", lambda v: f"pledged {_shares(v.get('shares'))} shares", "start"),
    "pledge_release": EdgeSpec("pledgor", "pledgee", lambda v: f"released {_shares(v.get('shares'))} "
                               "pledged shares", "end"),
    "shareholding": EdgeSpec("holder", "company", lambda v: f"holds {_shares(v.get('shares'))} shares"
                             + (f" ({v['percent']}%)" if v.get("percent") is not None else ""), "as_of"),
    "controlling_shareholder": EdgeSpec("holder", "company", lambda v: "controlling shareholder", "as_of"),
    "attendance": EdgeSpec("person", "company", lambda v: "attended general meeting", "meeting_date"),
    "absence": EdgeSpec("person", "company", lambda v: "absent from general meeting", "meeting_date"),
    "meeting_official": EdgeSpec("official", "company", lambda v: _words(str(v["role"])), "meeting_date"),
    "subsidiary": EdgeSpec("child", "parent", lambda v: "subsidiary of", None),
}

#: Ontology property -> record field name, over every fact type (plus the committee unit).
_FIELD_OF_PROPERTY: dict[URIRef, str] = {
    property_of(name): name for cls in FACT_TYPES.values() for name in field_kinds(cls)
}
_FIELD_OF_PROPERTY[GOV.committeeUnit] = "committeeUnit"

_PREFIXES = f"PREFIX gov: <{GOV._NS}>\nPREFIX prov: <{PROV}>\nPREFIX skos: <{SKOS}>\n" \
            f"PREFIX dcterms: <{DCTERMS}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
_CLASSES = " ".join(f"<{CLASS_OF_TYPE[t]}>" for t in EDGE_SPECS)

FACT_VALUES_QUERY = _PREFIXES + f"""
SELECT ?f ?cls ?p ?o ?unitLabel WHERE {{
  ?f a ?cls ; ?p ?o .
  OPTIONAL {{ ?o a gov:Committee ; rdfs:label ?unitLabel }}
  VALUES ?cls {{ {_CLASSES} }}
}}"""

FACT_SOURCES_QUERY = _PREFIXES + f"""
SELECT ?f ?doc ?quote WHERE {{
  ?f a ?cls ; prov:wasDerivedFrom ?d .
  ?d gov:docId ?doc .
  OPTIONAL {{ ?f gov:evidence ?ev . ?ev gov:quote ?quote }}
  VALUES ?cls {{ {_CLASSES} }}
}}"""

ENTITIES_QUERY = _PREFIXES + """
SELECT ?e ?type ?label (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { ?e a ?type ; skos:prefLabel ?label }
  VALUES ?type { gov:Person gov:Organisation }
} GROUP BY ?e ?type ?label"""

ALT_LABELS_QUERY = _PREFIXES + """
SELECT DISTINCT ?e ?alt WHERE {
  ?e a ?type ; skos:altLabel ?alt .
  VALUES ?type { gov:Person gov:Organisation }
}"""

PUBLISHERS_QUERY = _PREFIXES + """
SELECT DISTINCT ?e WHERE { ?d a gov:Announcement ; dcterms:publisher ?e }"""


@dataclass
class _Entity:
    kind: str
    labels: Counter[str]
    alts: set[str]

    def label(self) -> str:
        """The spelling most filings use (ties broken alphabetically, so output is stable)."""
        return min(self.labels, key=lambda s: (-self.labels[s], s))


def build_graph(store: GraphStore, issuer: str | None = None) -> nx.MultiDiGraph:
    """People and organisations with one edge per distinct relation, read from `store`.

    Repeated observations of one relation (the same seat in three filings) become one edge whose
    `dates` and `evidence` list every observation. With `issuer` (a name, any recorded spelling,
    a unique part of one, or an IRI) only that issuer's neighbourhood is kept: the issuer and
    every edge about it or touching it.

    Node attributes: label, kind (issuer / organisation / person), aliases.
    Edge attributes (key = relation): relation, label, fact_type, issuer, dates, evidence
    (list of {"doc", "quote", "date"}).
    """
    entities = _entities(store)
    facts = _facts(store)
    graph = nx.MultiDiGraph()
    issuers = {str(r["e"]) for r in store.select(PUBLISHERS_QUERY)}
    for values, sources in facts.values():
        issuers.update(str(values[f]) for f in _ISSUER_FIELDS if isinstance(values.get(f), URIRef))
        _add_edge(graph, values, sources)
    for node in list(graph.nodes) + sorted(issuers & set(entities)):
        _describe_node(graph, node, entities.get(node), node in issuers)
    if issuer is None:
        return graph
    return neighbourhood(graph, find_issuer(graph, issuer))


def _entities(store: GraphStore) -> dict[str, _Entity]:
    """Entity IRI -> kind and spellings; each preferred label counted once per filing using it."""
    out: dict[str, _Entity] = {}
    for row in store.select(ENTITIES_QUERY):
        kind = PERSON if row["type"] == GOV.Person else ORGANISATION
        entity = out.setdefault(str(row["e"]), _Entity(kind, Counter(), set()))
        entity.labels[str(row["label"])] += int(row["n"].toPython())
    for row in store.select(ALT_LABELS_QUERY):
        if str(row["e"]) in out:
            out[str(row["e"])].alts.add(str(row["alt"]))
    return out


def _facts(store: GraphStore) -> dict[str, tuple[Values, list[dict[str, str]]]]:
    """Fact IRI -> (field values with `__type`, [{doc, quote}])."""
    values: dict[str, Values] = defaultdict(dict)
    for row in store.select(FACT_VALUES_QUERY):
        fact = values[str(row["f"])]
        fact["__type"] = TYPE_OF_CLASS[row["cls"]]
        name = _FIELD_OF_PROPERTY.get(row["p"])
        if name == "committeeUnit":
            fact[name] = str(row["unitLabel"]) if row["unitLabel"] is not None else None
        elif name is not None:
            obj = row["o"]
            fact[name] = obj.toPython() if isinstance(obj, Literal) else obj
    sources: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in store.select(FACT_SOURCES_QUERY):
        sources[str(row["f"])].append({"doc": str(row["doc"]),
                                       "quote": str(row["quote"]) if row["quote"] is not None else ""})
    return {iri: (v, sources.get(iri, [])) for iri, v in values.items()}


def _add_edge(graph: nx.MultiDiGraph, values: Values, sources: list[dict[str, str]]) -> None:
    spec = EDGE_SPECS[values["__type"]]
    source, target = values.get(spec.source), values.get(spec.target)
    if not isinstance(source, URIRef) or not isinstance(target, URIRef):
        return
    about = next((str(values[f]) for f in _ISSUER_FIELDS if isinstance(values.get(f), URIRef)), "")
    relation = spec.describe(values)
    date = _date(values.get(spec.date)) if spec.date else ""
    key = f"{relation} | {about}"
    u, v = str(source), str(target)
    if not graph.has_edge(u, v, key):
        graph.add_edge(u, v, key=key, relation=relation, fact_type=values["__type"], issuer=about,
                       dates=[], evidence=[])
    data = graph.edges[u, v, key]
    if date and date not in data["dates"]:
        data["dates"] = sorted([*data["dates"], date])
    for src in sources:
        item = {"doc": src["doc"], "quote": src["quote"], "date": date}
        if item not in data["evidence"]:
            data["evidence"] = sorted([*data["evidence"], item], key=lambda e: (e["date"], e["doc"]))
    data["label"] = f"{relation} {_dates_text(data['dates'])}".strip()


def _date(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _dates_text(dates: list[str]) -> str:
    """`2026-03-31`, `2026-03-31, 2026-06-30`, or `2025-01-02 .. 2026-06-30 (5x)` beyond two."""
    if len(dates) <= 2:
        return ", ".join(dates)
    return f"{dates[0]} .. {dates[-1]} ({len(dates)}x)"


def _describe_node(graph: nx.MultiDiGraph, node: str, entity: _Entity | None, is_issuer: bool) -> None:
    if entity is None:
        graph.add_node(node, label=node.rsplit("/", 1)[-1], kind=ORGANISATION, aliases=[])
        return
    label = entity.label()
    kind = ISSUER if is_issuer and entity.kind == ORGANISATION else entity.kind
    aliases = sorted((set(entity.labels) | entity.alts) - {label})
    graph.add_node(node, label=label, kind=kind, aliases=aliases)


def find_issuer(graph: nx.MultiDiGraph, name: str) -> str:
    """The issuer node a user means by `name`: an IRI, a spelling, or a unique part of a name."""
    issuers = {n: d for n, d in graph.nodes(data=True) if d.get("kind") == ISSUER}
    if name in issuers:
        return name
    wanted = name_key(name)
    exact = [n for n, d in issuers.items() if wanted in {name_key(s) for s in [d["label"], *d["aliases"]]}]
    partial = [n for n, d in issuers.items()
               if any(wanted in name_key(s) for s in [d["label"], *d["aliases"]])]
    for candidates in (exact, partial):
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            names = "; ".join(sorted(issuers[n]["label"] for n in candidates)[:10])
            raise UnknownIssuer(f"issuer {name!r} is ambiguous: it matches {names}")
    known = "; ".join(sorted(d["label"] for d in issuers.values())[:10])
    raise UnknownIssuer(f"no issuer matches {name!r}; issuers in the store include: {known or 'none'}")


def neighbourhood(graph: nx.MultiDiGraph, issuer: str) -> nx.MultiDiGraph:
    """A new graph: `issuer`, the edges about it or touching it, and their ends."""
    keep = [(u, v, k) for u, v, k, about in graph.edges(keys=True, data="issuer")
            if about == issuer or issuer in (u, v)]
    sub = nx.MultiDiGraph()
    sub.add_node(issuer, **deepcopy(graph.nodes[issuer]))
    for u, v, k in keep:
        for n in (u, v):
            if n not in sub:
                sub.add_node(n, **deepcopy(graph.nodes[n]))
        sub.add_edge(u, v, key=k, **deepcopy(graph.edges[u, v, k]))
    return sub


def kinds_present(graph: nx.MultiDiGraph) -> Iterable[str]:
    """Node kinds that occur in `graph`, in legend order."""
    present = {d.get("kind") for _, d in graph.nodes(data=True)}
    return [k for k in NODE_KINDS if k in present]

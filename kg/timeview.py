"""Time on the graph view: each board-seat edge's tenure, and the graph as it stood on a date.

Additive to `kg.graphview` (which draws every relation ever stated): the tenures derived after each build
(`kg.derive`) are read back with SPARQL and attached to the seat edges they describe, and `on_date` keeps
what stood on a date: the seats a tenure covers then, the other relations observed on or before it.
"""
from __future__ import annotations

from collections import defaultdict
from copy import deepcopy
from dataclasses import dataclass

import networkx as nx

from kg.graphview import EDGE_SPECS, ISSUER
from kg.store import GraphStore
from kg.vocab import GOV

TENURES_QUERY = f"""
PREFIX gov: <{GOV._NS}>
SELECT ?p ?org ?role ?firstSeen ?lastSeen ?started ?ended ?leftAfter ?leftBy WHERE {{
  ?t a gov:Tenure ; gov:person ?p ; gov:company ?org ; gov:role ?role .
  OPTIONAL {{ ?t gov:firstSeen ?firstSeen }}
  OPTIONAL {{ ?t gov:lastSeen ?lastSeen }}
  OPTIONAL {{ ?t gov:started ?started }}
  OPTIONAL {{ ?t gov:ended ?ended }}
  OPTIONAL {{ ?t gov:leftAfter ?leftAfter }}
  OPTIONAL {{ ?t gov:leftBy ?leftBy }}
}}"""


@dataclass(frozen=True)
class Span:
    """One tenure of a seat, as dates (ISO strings, None where not known)."""

    first_seen: str | None
    last_seen: str | None
    started: str | None
    ended: str | None
    left_after: str | None
    left_by: str | None

    def text(self) -> str:
        """`tenure: from 2023-09-22 (first filing), ended 2025-06-02 (stated)`."""
        start = f"{self.started} (stated)" if self.started else f"{self.first_seen} (first filing)"
        if self.ended:
            end = f"ended {self.ended} (stated)"
        elif self.left_by:
            end = f"left between {self.left_after} and {self.left_by} (last filing with the seat, first without)"
        else:
            end = f"still listed on {self.last_seen}" if self.last_seen else "no filing lists it yet"
        return f"tenure: from {start}, {end}"

    def covers(self, date: str) -> bool:
        """Whether the seat stood on `date`, as `board-as-of` reads it: from its stated start (else the first filing)
        to its stated end, else until the first filing without it (the latest filing before a date speaks for it)."""
        start = self.started or self.first_seen
        if start is None or date < start:
            return False
        if self.ended:
            return date < self.ended
        return self.left_by is None or date < self.left_by


def tenures_by_edge(store: GraphStore) -> dict[tuple[str, str, str], list[Span]]:
    """(person node, company node, seat relation as drawn) -> its tenures, earliest first."""
    out: dict[tuple[str, str, str], list[Span]] = defaultdict(list)
    for row in store.select(TENURES_QUERY):
        def text(name: str) -> str | None:
            return str(row[name]) if row[name] is not None else None

        relation = EDGE_SPECS["directorship"].describe({"role": str(row["role"])})
        out[(str(row["p"]), str(row["org"]), relation)].append(
            Span(text("firstSeen"), text("lastSeen"), text("started"), text("ended"), text("leftAfter"),
                 text("leftBy")))
    for spans in out.values():
        spans.sort(key=lambda s: s.started or s.first_seen or "")
    return out


def add_tenures(graph: nx.MultiDiGraph, store: GraphStore) -> nx.MultiDiGraph:
    """A copy of `graph` whose seat edges carry `tenure` (text for the tooltip) and `spans`."""
    out = deepcopy(graph)
    spans = tenures_by_edge(store)
    for u, v, _key, data in out.edges(keys=True, data=True):
        if data.get("fact_type") == "directorship":
            found = spans.get((u, v, data["relation"]), [])
            data["spans"] = found
            data["tenure"] = "\n".join(s.text() for s in found)
    return out


def on_date(graph: nx.MultiDiGraph, date: str) -> nx.MultiDiGraph:
    """A new graph of what stood on `date`: seats a tenure covers then (edges given `add_tenures`), board changes
    taking effect by then, other relations observed on or before it (undated ones, such as subsidiaries, kept);
    nodes left without an edge dropped, issuers kept."""
    out = nx.MultiDiGraph()
    for u, v, key, data in graph.edges(keys=True, data=True):
        if data.get("fact_type") == "directorship":
            keep = any(s.covers(date) for s in data.get("spans", []))
        else:
            keep = not data["dates"] or any(d <= date for d in data["dates"])
        if not keep:
            continue
        item = deepcopy(data)
        if item["dates"]:
            item["dates"] = [d for d in item["dates"] if d <= date]
            item["evidence"] = [e for e in item["evidence"] if not e.get("date") or e["date"] <= date]
            seen = item["dates"]
            when = "" if not seen else seen[0] if len(seen) == 1 else f"{seen[0]} .. {seen[-1]}"
            item["label"] = f"{item['relation']} {when}".strip()
        for node in (u, v):
            if node not in out:
                out.add_node(node, **deepcopy(graph.nodes[node]))
        out.add_edge(u, v, key=key, **item)
    for node, data in graph.nodes(data=True):
        if data.get("kind") == ISSUER and node not in out:
            out.add_node(node, **deepcopy(data))
    return out

"""A store's named graphs as sets of triples, read with a read-only open (beside a running writer
if need be): how the fault tests compare a store with an uninterrupted build."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.mapping import document_iri

#: Filings' graphs are named under this prefix; graphs derived across filings (links, tenures) are not.
DOCUMENT_GRAPH = str(document_iri(""))


def graphs_of(store: Path) -> dict[str, frozenset[str]]:
    """Every filing's graph of the store and its triples, read with a read-only open (derived graphs, which a
    build recomputes from whatever is stored, are left out)."""
    opened = ox.Store.read_only(str(store))
    out: dict[str, set[str]] = {}
    for quad in opened.quads_for_pattern(None, None, None, None):
        if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value.startswith(DOCUMENT_GRAPH):
            out.setdefault(str(quad.graph_name), set()).add(f"{quad.subject} {quad.predicate} {quad.object}")
    return {g: frozenset(t) for g, t in out.items()}


def graph_count(store: Path) -> int:
    if not (store / "CURRENT").exists():
        return 0
    try:
        return sum(1 for g in ox.Store.read_only(str(store)).named_graphs()
                   if isinstance(g, ox.NamedNode) and g.value.startswith(DOCUMENT_GRAPH))
    except (OSError, RuntimeError):
        return 0  # the writer is creating the store right now (column families not there yet)

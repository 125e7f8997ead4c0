"""Links derived across announcements after a build: a release to the pledge it ends.

A release names pledgor, pledgee and the pledge's start date; when a stored pledge of the same
issuer has the same three, the release `gov:releases` it. The link lives in the release's own
graph, so rebuilding that announcement drops it and the next build derives it again; linking is
idempotent, whatever order the files were built in.
"""
from __future__ import annotations

from collections import defaultdict

from rdflib import URIRef

from kg.store import GraphStore
from kg.vocab import GOV

UNLINKED_RELEASES = f"""
PREFIX gov: <{GOV._NS}>
SELECT DISTINCT ?g ?release ?pledge WHERE {{
  GRAPH ?g {{
    ?release a gov:PledgeRelease ; gov:issuer ?issuer ; gov:pledgor ?a ; gov:pledgee ?b ;
             gov:start ?start .
  }}
  ?pledge a gov:SharePledge ; gov:issuer ?issuer ; gov:pledgor ?a ; gov:pledgee ?b ; gov:start ?start .
  FILTER NOT EXISTS {{ ?release gov:releases ?pledge }}
}}"""


def link_releases(store: GraphStore) -> int:
    """Add the missing release -> pledge links; return how many were added."""
    by_graph: dict[URIRef, list] = defaultdict(list)
    for row in store.select(UNLINKED_RELEASES):
        by_graph[row["g"]].append((row["release"], GOV.releases, row["pledge"]))
    for graph, triples in by_graph.items():
        store.add_triples(graph, triples)
    return sum(len(t) for t in by_graph.values())

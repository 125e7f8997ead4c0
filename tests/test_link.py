"""A release is linked to the pledge it ends, whatever order the announcements were built in."""
from __future__ import annotations

import pytest

from extract.records import Pledge, PledgeRelease
from kg.link import link_releases
from kg.mapping import map_document
from kg.resolve import Resolver
from kg.store import GraphStore
from tests import factories

PLEDGE = Pledge(pledgor="Acme Holdings Limited", pledgee="Big Bank Co., Ltd.", issuer=factories.ISSUER,
                shares=100, start="2025-01-02", evidence=factories.ev(doc="pledge"))
RELEASE = PledgeRelease(pledgor="Acme Holdings Limited", pledgee="Big Bank Co., Ltd.", issuer=factories.ISSUER,
                        shares=100, start="2025-01-02", end="2026-01-05", evidence=factories.ev(doc="release"))
OTHER = PledgeRelease(pledgor="Acme Holdings Limited", pledgee="Big Bank Co., Ltd.", issuer=factories.ISSUER,
                      shares=50, start="2024-06-01", end="2026-01-05", evidence=factories.ev(doc="release"))


def put(store: GraphStore, doc: str, facts) -> None:
    mapped = map_document(factories.meta(doc=doc), facts, Resolver())
    store.replace_graph(mapped.graph, mapped.triples)


@pytest.mark.parametrize("order", [("pledge", "release"), ("release", "pledge")])
def test_release_links_to_its_pledge(store: GraphStore, order) -> None:
    facts = {"pledge": [PLEDGE], "release": [RELEASE, OTHER]}
    for doc in order:
        put(store, doc, facts[doc])
    assert link_releases(store) == 1
    assert link_releases(store) == 0  # idempotent
    rows = store.select("SELECT ?r ?p WHERE { ?r <https://w3id.org/hk-governance/ontology#releases> ?p }")
    assert len(rows) == 1


def test_rebuilding_the_release_drops_and_relinks(store: GraphStore) -> None:
    put(store, "pledge", [PLEDGE])
    put(store, "release", [RELEASE])
    link_releases(store)
    put(store, "release", [RELEASE])
    assert link_releases(store) == 1

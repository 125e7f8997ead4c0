"""Shared fixtures: the test documents copied into the repo, and both store backends."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.sparql_store import SparqlProtocolStore
from kg.store import GraphStore, MemoryStore, OxigraphStore
from tests.oxigraph_server import oxigraph_server

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
DEV = DATA / "dev"
GOLD = DATA / "gold"


@pytest.fixture(params=["oxigraph", "memory", "sparql-gsp", "sparql-update"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> GraphStore:
    """Every contract test runs on every backend: embedded Oxigraph, rdflib in memory, and a real
    Oxigraph server over HTTP, written through the Graph Store Protocol and through SPARQL Update."""
    if request.param.startswith("sparql"):
        with oxigraph_server(tmp_path / "server") as server:
            s: GraphStore = SparqlProtocolStore(
                server.query, **({"data_url": server.data} if request.param == "sparql-gsp"
                                 else {"update_url": server.update}))
            yield s
            s.close()
        return
    if request.param == "oxigraph":
        s = OxigraphStore(tmp_path / "store")
    else:
        s = MemoryStore()
    yield s
    s.close()


# Real headless Chromium for page tests (tests/browser.py).
from tests.browser import chromium, page  # noqa: E402,F401

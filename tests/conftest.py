"""Shared fixtures: the test documents copied into the repo, and both store backends."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.store import GraphStore, MemoryStore, OxigraphStore

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
DEV = DATA / "dev"
GOLD = DATA / "gold"


@pytest.fixture(params=["oxigraph", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> GraphStore:
    """Every contract test runs on both backends."""
    if request.param == "oxigraph":
        s: GraphStore = OxigraphStore(tmp_path / "store")
    else:
        s = MemoryStore()
    yield s
    s.close()


# Real headless Chromium for page tests (tests/browser.py).
from tests.browser import chromium, page  # noqa: E402,F401

"""The graph page in real headless Chromium: it renders offline, hostile text stays inert."""
from __future__ import annotations

from pathlib import Path

from kg.store import MemoryStore
from kg.viz import write_graph_html
from tests.browser import PageLog
from tests.test_viz import hostile_store  # noqa: F401  (fixture)


def test_page_renders_offline_without_errors(hostile_store: MemoryStore, tmp_path: Path,
                                             page: tuple[object, PageLog]) -> None:
    pg, log = page
    out = tmp_path / "graph.html"
    write_graph_html(hostile_store, out)
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    pg.route("http*://**", lambda route: route.abort())  # type: ignore[attr-defined]
    pg.goto(out.as_uri())  # type: ignore[attr-defined]
    pg.wait_for_function("() => typeof network !== 'undefined' && network.body.data.nodes.length > 0")  # type: ignore[attr-defined]
    assert pg.evaluate("network.body.data.nodes.length") >= 3  # type: ignore[attr-defined]
    assert dialogs == [], "document text ran as script"
    assert [p for p in log.problems() if "bootstrap" not in p] == []

"""The HTML page: one offline file, document strings escaped, legend, large graphs laid out ahead."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from extract.records import CommitteeMembership, Directorship, Officer
from kg.graphview import UnknownIssuer
from kg.store import MemoryStore
from kg.viz import PHYSICS_LIMIT, render_html, write_graph_html
from tests.factories import ISSUER, ev, every_type, meta
from tests.test_graphview import load

SCRIPT = "<script>alert(1)</script>"
ANCHOR = "<a href=x onmouseover=alert(1)>"
EVIL_ISSUER = "Evil <b>Holdings</b> Co., Ltd."


def page_data(page: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The node and edge lists the page hands to vis-network."""
    nodes = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    edges = re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    assert nodes and edges, "no vis.DataSet in the page"
    return json.loads(nodes.group(1)), json.loads(edges.group(1))


@pytest.fixture
def hostile_store() -> MemoryStore:
    quote = f"Mr. {SCRIPT} is appointed chairman. {ANCHOR}click{ANCHOR}"
    facts = [
        Directorship(company=EVIL_ISSUER, person=SCRIPT, role="executive", as_of="2026-01-01",
                     evidence=ev(doc="evil", quote=quote)),
        Officer(company=EVIL_ISSUER, person=f"Ms. {ANCHOR}Lee", title="chairman", as_of="2026-01-01",
                evidence=ev(doc="evil", quote=quote)),
        CommitteeMembership(company=EVIL_ISSUER, committee=f"other:{SCRIPT}", person="Wong Kar Wai",
                            position="member", evidence=ev(doc="evil", quote=quote)),
    ]
    return load(MemoryStore(), (meta("evil", issuer=EVIL_ISSUER), facts))


def test_hostile_strings_are_escaped(hostile_store: MemoryStore, tmp_path: Path) -> None:
    path = tmp_path / "out" / "graph.html"
    write_graph_html(hostile_store, path, issuer="evil")
    page = path.read_text(encoding="utf-8")
    lowered = page.lower()
    assert "<script>alert" not in lowered
    assert "<a href=x" not in lowered
    assert "<b>holdings" not in lowered
    assert "<title>Governance graph: Evil &lt;b&gt;Holdings&lt;/b&gt; Co., Ltd.</title>" in page
    nodes, edges = page_data(page)
    labels = {n["label"] for n in nodes}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in labels
    assert "Ms. &lt;a href=x onmouseover=alert(1)&gt;Lee" in labels
    titles = " ".join(e["title"] for e in edges)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is appointed chairman" in titles
    assert all("<" not in item[key] for item in nodes + edges for key in ("label", "title"))


def test_one_offline_file_and_nothing_else(hostile_store: MemoryStore, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    out = tmp_path / "new" / "folder"
    summary = write_graph_html(hostile_store, out / "g.html")
    assert [p.name for p in out.iterdir()] == ["g.html"]
    assert list(cwd.iterdir()) == []
    page = (out / "g.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "vis.Network(" in page and "bootstrap" not in page
    assert "nodes (1 issuer, 3 persons)" in summary


def test_legend_and_edge_tooltips(tmp_path: Path) -> None:
    store = load(MemoryStore(), (meta(), every_type()))
    write_graph_html(store, tmp_path / "g.html")
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert '<div id="kg-legend">' in page
    for text in ("issuer (listed company)", "person", "share pledge / release",
                 "board seat / officer / committee"):
        assert text in page
    nodes, edges = page_data(page)
    pledge = next(e for e in edges if e["label"].startswith("pledged"))
    assert pledge["label"] == "pledged 16,000,000 shares 2026-03-01"
    assert "[acme-2026 2026-03-01]" in pledge["title"] and '"quoted text"' in pledge["title"]
    issuer = next(n for n in nodes if n["label"] == ISSUER)
    assert issuer["shape"] == "diamond"


def test_unknown_issuer_is_reported(tmp_path: Path) -> None:
    store = load(MemoryStore(), (meta(), every_type()))
    with pytest.raises(UnknownIssuer):
        write_graph_html(store, tmp_path / "g.html", issuer="Nowhere")
    assert not (tmp_path / "g.html").exists()


def synthetic(n_issuers: int, board_size: int) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for i in range(n_issuers):
        issuer = f"org/{i}"
        graph.add_node(issuer, label=f"Issuer {i} Ltd", kind="issuer", aliases=[])
        for j in range(board_size):
            person = f"person/{i}/{j}"
            graph.add_node(person, label=f"Director {i}.{j}", kind="person", aliases=[])
            graph.add_edge(person, issuer, key="ed", relation="executive director",
                           label="executive director", fact_type="directorship", issuer=issuer,
                           dates=[], evidence=[])
    return graph


def test_large_graphs_get_a_precomputed_layout() -> None:
    graph = synthetic(60, 9)
    assert graph.number_of_nodes() > PHYSICS_LIMIT
    started = time.perf_counter()
    page = render_html(graph)
    assert time.perf_counter() - started < 30
    nodes, edges = page_data(page)
    assert len(nodes) == 600 and len(edges) == 540
    assert all("x" in n and "y" in n for n in nodes)
    assert '"physics": {"enabled": false' in page


def test_small_graphs_use_physics() -> None:
    nodes, _ = page_data(page := render_html(synthetic(2, 3)))
    assert '"physics": {"enabled": true' in page
    assert not any("x" in n for n in nodes)


def test_cli_writes_the_page_and_explains_unknown_issuers(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import EXIT_OK, EXIT_USAGE, main
    from kg.store import OxigraphStore

    store = OxigraphStore(tmp_path / "store")
    load(store, (meta(), every_type()))
    store.close()
    del store
    out = tmp_path / "site" / "graph.html"
    args = ["viz", "--store", str(tmp_path / "store"), "-o", str(out), "--issuer"]
    assert main([*args, "acme"]) == EXIT_OK
    assert out.is_file() and "1 issuer" in capsys.readouterr().out
    assert main([*args, "Nowhere"]) == EXIT_USAGE
    assert "no issuer matches 'Nowhere'" in capsys.readouterr().err

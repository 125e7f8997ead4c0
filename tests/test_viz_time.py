"""Time in the graph view: a seat edge's tooltip gives its tenure; `kg viz --as-of DATE` draws a date."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.cli import main
from kg.graphview import build_graph
from kg.store import GraphStore
from kg.timeview import add_tenures, on_date
from kg.viz import render_html
from tests.conftest import DATA

TIMELINE = DATA / "timeline"


def seats(graph) -> dict[str, str]:
    return {graph.nodes[u]["label"]: d["relation"] for u, v, d in graph.edges(data=True)
            if d["fact_type"] == "directorship"}


def test_seat_edges_carry_their_tenure(store: GraphStore) -> None:
    build([str(TIMELINE)], store)
    graph = add_tenures(build_graph(store), store)
    tenure = {graph.nodes[u]["label"]: d["tenure"] for u, v, d in graph.edges(data=True)
              if d["fact_type"] == "directorship" and d["relation"] == "executive director"}
    assert tenure["Wong Mei Ling"] == ("tenure: from 2025-03-31 (first filing), left between 2025-06-02 and "
                                       "2025-08-29 (last filing with the seat, first without)")
    assert tenure["Yip Hoi Ting"] == "tenure: from 2025-07-01 (stated), still listed on 2025-08-29"
    assert "tenure: from 2025-07-01 (stated), still listed on 2025-08-29" in render_html(graph)


def test_the_graph_on_a_date(store: GraphStore) -> None:
    build([str(TIMELINE)], store)
    graph = add_tenures(build_graph(store), store)
    august = seats(on_date(graph, "2025-08-15"))
    assert august == {"Chan Siu Ming": "executive director", "Wong Mei Ling": "executive director",
                      "Ho Wing Kei": "independent non-executive director",
                      "Lam Pui Yee": "independent non-executive director", "Yip Hoi Ting": "executive director"}
    september = seats(on_date(graph, "2025-09-01"))
    assert "Wong Mei Ling" not in september and september["Lam Pui Yee"] == "non-executive director"
    assert "Tsang Chi Wai" not in september  # his retirement took effect on 2025-08-01, as stated
    early = on_date(graph, "2025-04-01")
    assert all(d <= "2025-04-01" for _, _, dates in early.edges(data="dates") for d in dates)
    assert seats(early)["Lee Ka Fai"] == "non-executive director"
    assert not any(d["fact_type"] == "board_change" for _, _, d in early.edges(data=True))


def test_viz_as_of_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "s")
    assert main(["build", str(TIMELINE), "--store", store, "--quiet"]) == 0
    out = tmp_path / "g.html"
    assert main(["viz", "--store", store, "-o", str(out), "--as-of", "2025-09-01"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "resigned non-executive director 2025-06-02" in page  # the change is drawn, the seat is not
    assert '"label": "non-executive director 2025-03-31"' not in page
    with pytest.raises(SystemExit) as stop:
        main(["viz", "--store", store, "-o", str(out), "--as-of", "1 September 2025"])
    assert stop.value.code == 2 and "is not a date YYYY-MM-DD" in capsys.readouterr().err

"""`kg viz`: one self-contained, offline HTML page drawing the governance graph with pyvis.

Why it is built this way (see DESIGN.md, pyvis 0.3.2):
- Offline and single-file: vis-network is inlined (`cdn_resources="in_line"`), the bootstrap
  links pyvis adds anyway are removed, and the page is written by us (`write_html` would copy a
  `lib/` folder into the working directory). A page that still names a remote URL is refused.
- Safe: pyvis renders a node title as HTML when any title contains `href`, and never escapes
  `heading` or select-menu ids. So every string that comes from a document is HTML-escaped here,
  node ids are integers, and heading and menus are not used. Labels are drawn with vis-network's
  `multi: "html"` mode, which decodes `&amp;` and `&lt;` on the canvas.
- Large graphs: the node and edge lists are filled directly (pyvis' `add_node` is quadratic),
  and beyond `PHYSICS_LIMIT` nodes positions are precomputed per connected component and physics
  is switched off, because a browser never settles thousands of nodes.
"""
from __future__ import annotations

import html
import math
import re
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.graphview import ISSUER, ORGANISATION, PERSON, build_graph, find_issuer, kinds_present, neighbourhood
from kg.store import GraphStore
from kg.timeview import add_tenures, on_date

#: Above this many nodes the layout is precomputed and physics is off.
PHYSICS_LIMIT = 300
#: Evidence sentences shown per edge tooltip, and characters per sentence.
MAX_EVIDENCE, MAX_QUOTE = 5, 400

NODE_STYLE: dict[str, dict[str, Any]] = {
    ISSUER: {"color": "#1f77b4", "shape": "diamond", "size": 22, "legend": "issuer (listed company)"},
    ORGANISATION: {"color": "#ff7f0e", "shape": "square", "size": 12,
                   "legend": "organisation (shareholder, pledgee, subsidiary)"},
    PERSON: {"color": "#2ca02c", "shape": "dot", "size": 9, "legend": "person"},
}

#: Edge colour by relation family: fact types -> (colour, legend text).
EDGE_FAMILIES: dict[str, tuple[str, str]] = {
    "directorship": ("#7f7f7f", "board seat / officer / committee"),
    "officer": ("#7f7f7f", "board seat / officer / committee"),
    "committee_membership": ("#7f7f7f", "board seat / officer / committee"),
    "board_change": ("#7f7f7f", "board seat / officer / committee"),
    "shareholding": ("#bcbd22", "shareholding / controlling shareholder"),
    "controlling_shareholder": ("#bcbd22", "shareholding / controlling shareholder"),
    "pledge": ("#d62728", "share pledge / release"),
    "pledge_release": ("#d62728", "share pledge / release"),
    "subsidiary": ("#9467bd", "subsidiary"),
    "attendance": ("#17becf", "general meeting"),
    "absence": ("#17becf", "general meeting"),
    "meeting_official": ("#17becf", "general meeting"),
}
_DEFAULT_EDGE = ("#aaaaaa", "other")

_REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
_REMOTE_TAGS = (
    re.compile(r"""<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>""", re.I | re.S),
    re.compile(r"""<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script>""", re.I | re.S),
)
_DEAD_MARKUP = (
    re.compile(r"<!--.*?-->", re.S),  # commented-out links to node_modules
    re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.S),  # the empty heading pyvis prints twice
)


def esc(text: object) -> str:
    """HTML-escape a document string (quotes kept readable: nothing here goes into an attribute)."""
    return html.escape(str(text), quote=False)


def write_graph_html(store: GraphStore, path: str | Path, issuer: str | None = None,
                     as_of: str | None = None) -> str:
    """Draw the store (or one issuer's neighbourhood; or the graph as it stood on `as_of`, YYYY-MM-DD) into the
    single file `path`; say what was drawn."""
    graph = add_tenures(build_graph(store), store)
    if as_of:
        graph = on_date(graph, as_of)
    subject = None
    if issuer:
        node = find_issuer(graph, issuer)
        subject = graph.nodes[node]["label"]
        graph = neighbourhood(graph, node)
    page = render_html(graph, subject)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    layout = "physics layout" if graph.number_of_nodes() <= PHYSICS_LIMIT else "precomputed layout"
    return (f"{out}: {_counts(graph)}, {graph.number_of_edges()} edges, {layout}, "
            f"{len(page.encode('utf-8')) / 1e6:.1f} MB")


def _counts(graph: nx.MultiDiGraph) -> str:
    kinds = [d.get("kind") for _, d in graph.nodes(data=True)]
    parts = [f"{kinds.count(k)} {k}{'' if kinds.count(k) == 1 else 's'}" for k in kinds_present(graph)]
    return f"{graph.number_of_nodes()} nodes ({', '.join(parts)})" if parts else "0 nodes"


def render_html(graph: nx.MultiDiGraph, subject: str | None = None) -> str:
    """The page for `graph` as a string (no I/O); `subject` is the issuer name of a filtered view."""
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    index = {node: i for i, node in enumerate(graph.nodes)}
    positions = _layout(graph) if graph.number_of_nodes() > PHYSICS_LIMIT else {}
    net.nodes = [_node(i, graph, node, positions.get(node)) for node, i in index.items()]
    net.edges = [_edge(graph, u, v, data, index) for u, v, data in graph.edges(data=True)]
    net.options = _options(physics=not positions)
    page = net.generate_html()
    return _finish(page, _legend(graph, subject), subject)


def _node(i: int, graph: nx.MultiDiGraph, node: str, xy: tuple[float, float] | None) -> dict[str, Any]:
    data = graph.nodes[node]
    style = NODE_STYLE.get(data.get("kind", ORGANISATION), NODE_STYLE[ORGANISATION])
    lines = [data["label"], f"({data.get('kind', ORGANISATION)}, {graph.degree(node)} relations)"]
    if data.get("aliases"):
        lines.append("also written: " + "; ".join(data["aliases"]))
    item: dict[str, Any] = {"id": i, "label": esc(data["label"]), "title": esc("\n".join(lines)),
                            "color": style["color"], "shape": style["shape"],
                            "size": style["size"] + min(12, graph.degree(node) // 3)}
    if xy is not None:
        item["x"], item["y"] = round(xy[0], 1), round(xy[1], 1)
    return item


def _edge(graph: nx.MultiDiGraph, u: str, v: str, data: dict[str, Any],
          index: dict[str, int]) -> dict[str, Any]:
    about = graph.nodes[data["issuer"]]["label"] if data.get("issuer") in graph else ""
    lines = [f"{graph.nodes[u]['label']} -> {graph.nodes[v]['label']}", data["relation"]]
    if data["dates"]:
        lines.append("observed: " + ", ".join(data["dates"]))
    if data.get("tenure"):
        lines.append(data["tenure"])
    if about and about not in (graph.nodes[u]["label"], graph.nodes[v]["label"]):
        lines.append(f"about: {about}")
    for ev in data["evidence"][:MAX_EVIDENCE]:
        quote = ev["quote"] if len(ev["quote"]) <= MAX_QUOTE else ev["quote"][:MAX_QUOTE] + "..."
        lines.append(f"\n[{ev['doc']}{' ' + ev['date'] if ev['date'] else ''}]\n\"{quote}\"")
    if len(data["evidence"]) > MAX_EVIDENCE:
        lines.append(f"\n... and {len(data['evidence']) - MAX_EVIDENCE} more filings")
    colour = EDGE_FAMILIES.get(data["fact_type"], _DEFAULT_EDGE)[0]
    return {"from": index[u], "to": index[v], "label": esc(data["label"]), "title": esc("\n".join(lines)),
            "arrows": "to", "color": colour}


def _options(physics: bool) -> dict[str, Any]:
    return {
        "nodes": {"font": {"multi": "html", "size": 12}},
        "edges": {"font": {"multi": "html", "size": 8, "align": "middle", "color": "#555555",
                           "background": "rgba(255,255,255,0.85)", "strokeWidth": 0},
                  "smooth": {"enabled": physics, "type": "dynamic"}, "arrows": {"to": {"scaleFactor": 0.5}}},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                    "stabilization": {"enabled": physics, "iterations": 300}},
    }


def _layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions in pixels: each connected component laid out alone, components packed in rows.

    Per component because person IRIs are scoped by issuer, so the graph falls apart into many
    small islands; a spring layout of each is cheap, one of the whole graph is quadratic.
    """
    simple = nx.Graph(graph)
    components = sorted(nx.connected_components(simple), key=len, reverse=True)
    positions: dict[str, tuple[float, float]] = {}
    row_width = 2600.0 * max(1.0, math.sqrt(graph.number_of_nodes() / 400))
    x = y = row_height = 0.0
    for nodes in components:
        sub = simple.subgraph(nodes)
        radius = 60.0 * math.sqrt(len(nodes))
        if len(nodes) == 1:
            local = {next(iter(nodes)): (0.0, 0.0)}
        elif len(nodes) <= 500:
            local = nx.spring_layout(sub, seed=7, scale=radius)
        else:
            local = nx.circular_layout(sub, scale=radius)
        if x + 2 * radius > row_width and x > 0:
            x, y, row_height = 0.0, y + row_height + 80, 0.0
        for node, (px, py) in local.items():
            positions[node] = (x + radius + float(px), y + radius + float(py))
        x += 2 * radius + 80
        row_height = max(row_height, 2 * radius)
    return positions


def _legend(graph: nx.MultiDiGraph, subject: str | None) -> str:
    title = f"Governance graph: {esc(subject)}" if subject else "Governance graph: all issuers"
    kinds = [d.get("kind") for _, d in graph.nodes(data=True)]
    rows = [f'<li><span class="kg-swatch kg-{style["shape"]}" style="background:{style["color"]}"></span>'
            f'{esc(style["legend"])} ({kinds.count(kind)})</li>'
            for kind, style in NODE_STYLE.items() if kind in kinds]
    families: dict[str, str] = {}
    for _, _, fact_type in graph.edges(data="fact_type"):
        colour, text = EDGE_FAMILIES.get(fact_type, _DEFAULT_EDGE)
        families[text] = colour
    rows += [f'<li><span class="kg-line" style="background:{colour}"></span>{esc(text)}</li>'
             for text, colour in sorted(families.items())]
    return (
        '<div id="kg-legend"><strong>' + title + "</strong><br>"
        f"{graph.number_of_nodes()} entities, {graph.number_of_edges()} relations. "
        "Hover an edge for its dates and the sentences it was read from.<ul>" + "".join(rows) + "</ul></div>"
    )


_LEGEND_CSS = """<style>
#kg-legend { position: fixed; top: 8px; left: 8px; z-index: 10; max-width: 330px; padding: 8px 10px;
  background: rgba(255,255,255,.92); border: 1px solid #ccc; border-radius: 4px;
  font: 12px/1.4 sans-serif; }
#kg-legend ul { list-style: none; margin: 6px 0 0; padding: 0; }
#kg-legend span { display: inline-block; margin-right: 6px; vertical-align: middle; }
.kg-swatch { width: 11px; height: 11px; }
.kg-dot { border-radius: 50%; }
.kg-diamond { transform: rotate(45deg) scale(.85); }
.kg-line { width: 18px; height: 3px; }
html, body { margin: 0; overflow: hidden; }
#mynetwork { border: 0 !important; }
div.vis-tooltip { white-space: pre-wrap; max-width: 520px; font: 12px/1.35 sans-serif; }
div.popup { white-space: pre-wrap; max-width: 520px; padding: 6px; font: 12px/1.35 sans-serif; }
</style>"""


def _finish(page: str, legend: str, subject: str | None) -> str:
    """Drop pyvis' remote links and empty markup, add title, legend and styles; refuse any remote URL."""
    for pattern in (*_REMOTE_TAGS, *_DEAD_MARKUP):
        page = pattern.sub("", page)
    title = "Governance graph" + (f": {esc(subject)}" if subject else "")
    page = page.replace("<head>", f"<head>\n<title>{title}</title>", 1)
    page = page.replace("</head>", _LEGEND_CSS + "\n</head>", 1)
    page = page.replace("<body>", "<body>\n" + legend, 1)
    if match := _REMOTE.search(page):
        found = page[match.start():match.start() + 80]
        raise RuntimeError(f"the page would load a remote resource: {found!r}")
    return page


"""Hostile document text (script tags, quotes of every kind, RTL overrides, newlines, an attempt to
end a literal and write a triple of its own) stays inert in every output: each export parses back to
exactly the graph that was stored, `kg facts` lines and CSV/JSON query output give back the exact
strings, and the HTML graph shows no markup of the document's."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from extract.records import Directorship, Officer
from kg.cli import main
from kg.store import OxigraphStore
from kg.viz import write_graph_html
from tests.factories import ev, meta
from tests.test_graphview import load
from tests.test_viz import page_data

EVIL = ('<script>alert("x")</script> \'single\' "double" """triple""" \\ back\u202eslash\u202c '
        '" . <urn:injected> <urn:p> "o" .\n<!-- --> ]]> &amp; @en ^^<urn:t>')
ISSUER = "Evil \u202eHoldings\u202c <b>Limited</b>"
QUOTE = f"Mr. {EVIL} is appointed as chairman."


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "store"
    store = OxigraphStore(path)
    facts = [Directorship(company=ISSUER, person=EVIL, role="executive", as_of="2026-01-01",
                          evidence=ev(doc="evil", quote=QUOTE)),
             Officer(company=ISSUER, person=EVIL, title="chairman", as_of="2026-01-01",
                     evidence=ev(doc="evil", quote=QUOTE))]
    load(store, (meta("evil", issuer=ISSUER), facts))
    store.close()
    return path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def stored_quads(path: Path) -> int:
    store = OxigraphStore(path, read_only=True)
    return len(store)


@pytest.mark.parametrize("fmt, rdflib_format", [("ttl", "turtle"), ("trig", "trig"), ("nq", "nquads"),
                                                ("jsonld", "json-ld")])
def test_every_export_parses_back_to_the_stored_strings(store_path: Path, tmp_path: Path, fmt: str,
                                                        rdflib_format: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"export.{fmt}"
    main(["export", "--store", str(store_path), "--format", fmt, "-o", str(out)])
    capsys.readouterr()
    data = Dataset() if fmt in ("trig", "nq", "jsonld") else Graph()
    data.parse(out, format=rdflib_format)
    literals = {o for _, _, o, *_ in (data.quads() if isinstance(data, Dataset) else data)
                if isinstance(o, Literal)}
    assert Literal(EVIL) in literals and Literal(QUOTE) in literals and Literal(ISSUER) in literals
    nodes = {str(t) for q in (data.quads() if isinstance(data, Dataset) else data) for t in q[:3]}
    assert "urn:injected" not in nodes
    if fmt in ("trig", "nq"):
        assert len(list(data.quads())) == stored_quads(store_path)


def test_facts_lines_keep_the_exact_strings(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = cli(capsys, "facts", "--store", str(store_path)).splitlines()
    facts = [json.loads(line) for line in lines]
    assert {f["person"] for f in facts} == {EVIL} and {f["company"] for f in facts} == {ISSUER}
    assert len(lines) == 2


QUERY = ("PREFIX gov: <https://w3id.org/hk-governance/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
         "SELECT DISTINCT ?person ?quote WHERE { ?m a gov:Directorship ; gov:person/skos:prefLabel ?person ; "
         "gov:evidence/gov:quote ?quote }")


def test_query_csv_and_json_keep_the_exact_strings(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.reader(io.StringIO(cli(capsys, "query", "--store", str(store_path), "--format", "csv", QUERY))))
    assert rows == [["person", "quote"], [EVIL, QUOTE]]
    result = json.loads(cli(capsys, "query", "--store", str(store_path), "--format", "json", QUERY))
    binding = result["results"]["bindings"]
    assert [(b["person"]["value"], b["quote"]["value"]) for b in binding] == [(EVIL, QUOTE)]


def test_graph_page_shows_no_markup_of_the_document(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    write_graph_html(OxigraphStore(store_path, read_only=True), out)
    page = out.read_text(encoding="utf-8")
    lowered = page.lower()
    assert "<script>alert" not in lowered and "<b>limited" not in lowered and "<!-- -->" not in lowered
    nodes, _ = page_data(page)
    assert any(n["label"].startswith("&lt;script&gt;alert") for n in nodes)
    assert all("<" not in n["label"] for n in nodes)


def test_an_injected_triple_is_not_in_the_store(store_path: Path) -> None:
    store = OxigraphStore(store_path, read_only=True)
    assert not store.ask("ASK { ?s ?p ?o FILTER(?s = <urn:injected> || ?o = <urn:injected>) }")
    assert store.select("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")  # the filing is there
    assert URIRef("urn:injected") not in {r["g"] for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}

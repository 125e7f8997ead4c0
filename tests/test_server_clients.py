"""Real SPARQL clients against a real `kg serve`: SPARQLWrapper (every return format, GET, form POST and
direct POST) and rdflib's SPARQLStore (which asks for XML results and RDF/XML graphs)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from kg.server import EndpointConfig
from tests.factories import ISSUER
from tests.serving import HOSTILE_DOC, build_store, digest, serving

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")

PREFIXES = ("PREFIX gov: <https://w3id.org/hk-governance/ontology#> "
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")
DIRECTORS = PREFIXES + ("SELECT DISTINCT ?name ?role WHERE { ?m a gov:Directorship ; gov:role ?role ; "
                        "gov:person/skos:prefLabel ?name ; gov:company/skos:prefLabel ?issuer . "
                        f"FILTER(?issuer = \"{ISSUER}\") }} ORDER BY ?name ?role")
DOCS = PREFIXES + "CONSTRUCT { ?d gov:docId ?id } WHERE { ?d a gov:Announcement ; gov:docId ?id }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("clients") / "store")


@pytest.fixture(scope="module")
def endpoint(store_path: Path) -> Iterator[str]:
    with serving(EndpointConfig(str(store_path))) as url:
        yield url + "/sparql"


def wrapper(endpoint: str, query: str, fmt: str, method: str = "GET", direct: bool = False) -> object:
    sparql = SPARQLWrapper.SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    if direct:
        sparql.setRequestMethod(SPARQLWrapper.POSTDIRECTLY)
    return sparql.query().convert()


@pytest.mark.parametrize("method, direct", [("GET", False), ("POST", False), ("POST", True)])
def test_sparqlwrapper_json_by_every_method(endpoint: str, method: str, direct: bool) -> None:
    result = wrapper(endpoint, DIRECTORS, SPARQLWrapper.JSON, method, direct)
    rows = [(b["name"]["value"], b["role"]["value"]) for b in result["results"]["bindings"]]
    assert ("Ho Siu Fung", "independent_non_executive") in rows
    assert ("Chan Tai Man", "executive") in rows
    assert len(rows) == len(set(rows)) >= 6


def test_sparqlwrapper_xml_csv_tsv_agree_with_json(endpoint: str) -> None:
    as_json = wrapper(endpoint, DIRECTORS, SPARQLWrapper.JSON)
    expected = [(b["name"]["value"], b["role"]["value"]) for b in as_json["results"]["bindings"]]
    xml = wrapper(endpoint, DIRECTORS, SPARQLWrapper.XML)  # a DOM document
    names = [n.firstChild.data for n in xml.getElementsByTagName("literal")]
    assert names == [v for row in expected for v in row]
    csv_text = wrapper(endpoint, DIRECTORS, SPARQLWrapper.CSV).decode("utf-8")
    assert csv_text.splitlines()[0] == "name,role"
    assert [tuple(line.split(",")) for line in csv_text.splitlines()[1:]] == expected
    tsv_text = wrapper(endpoint, DIRECTORS, SPARQLWrapper.TSV).decode("utf-8")
    assert tsv_text.splitlines()[0] == "?name\t?role"
    assert [tuple(v.strip('"') for v in line.split("\t")) for line in tsv_text.splitlines()[1:]] == expected


def test_sparqlwrapper_ask_and_construct(endpoint: str) -> None:
    assert wrapper(endpoint, "ASK { ?s ?p ?o }", SPARQLWrapper.JSON)["boolean"] is True
    for fmt in (SPARQLWrapper.TURTLE, SPARQLWrapper.N3, SPARQLWrapper.RDFXML, SPARQLWrapper.JSONLD):
        graph = wrapper(endpoint, DOCS, fmt)
        if not isinstance(graph, Graph):  # SPARQLWrapper hands Turtle and N3 back as bytes
            graph = Graph().parse(data=graph, format="json-ld" if fmt == SPARQLWrapper.JSONLD else "turtle")
        ids = {str(o) for o in graph.objects(None, URIRef("https://w3id.org/hk-governance/ontology#docId"))}
        assert ids == {"acme-2026", "acme-q2", HOSTILE_DOC}, fmt


def test_sparqlwrapper_sees_refusals_as_errors(endpoint: str, store_path: Path) -> None:
    before = digest(store_path)
    with pytest.raises(SPARQLWrapper.SPARQLExceptions.QueryBadFormed, match="SERVICE is not allowed"):
        wrapper(endpoint, "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }", SPARQLWrapper.JSON)
    # SPARQLWrapper sends an update as the protocol's update operation (update=...): Forbidden.
    with pytest.raises(HTTPError, match="403"):
        wrapper(endpoint, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", SPARQLWrapper.JSON, "POST")
    assert wrapper(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }", SPARQLWrapper.JSON)["boolean"] is False
    assert digest(store_path) == before


def test_rdflib_sparqlstore_select_ask_construct(endpoint: str) -> None:
    graph = Graph(store=SPARQLStore(endpoint))  # asks for application/sparql-results+xml
    rows = [(str(r.name), str(r.role)) for r in graph.query(DIRECTORS)]
    assert ("Ho Siu Fung", "independent_non_executive") in rows and len(rows) >= 6
    assert graph.query("ASK { ?s ?p ?o }").askAnswer is True
    constructed = graph.query(DOCS).graph  # asks for application/rdf+xml
    ids = {str(o) for o in constructed.objects(None, URIRef("https://w3id.org/hk-governance/ontology#docId"))}
    assert ids == {"acme-2026", "acme-q2", HOSTILE_DOC}


def test_rdflib_sparqlstore_json_and_post(endpoint: str) -> None:
    store = SPARQLStore(endpoint, returnFormat="json", method="POST")
    rows = list(Graph(store=store).query(DIRECTORS))
    assert len(rows) >= 6 and json.dumps([str(r.name) for r in rows])

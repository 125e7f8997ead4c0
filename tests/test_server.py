"""The SPARQL 1.1 Protocol on a real server on 127.0.0.1: methods, result formats by content
negotiation, query forms, errors, the service description, CORS, bounds; and after every refused or
timed-out query the server still answers and the store is unchanged."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.server import SD, EndpointConfig, ServerRefused, make_server
from tests.factories import ISSUER
from tests.serving import HOSTILE, HOSTILE_DOC, build_store, digest, get, post, serving

TIMEOUT = 1.0
MAX_ROWS = 5
LABELS = ("SELECT ?e ?label WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?label "
          "FILTER(STRSTARTS(?label, \"A\")) } ORDER BY ?label")
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ASK = "ASK { ?s ?p ?o }"
SPARQL_NS = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("server") / "store")


@pytest.fixture(scope="module")
def base(store_path: Path) -> Iterator[str]:
    with serving(EndpointConfig(str(store_path), timeout=TIMEOUT, max_rows=MAX_ROWS)) as url:
        yield url


@pytest.fixture(scope="module")
def roomy(store_path: Path) -> Iterator[str]:
    """The same store behind a server with the default bounds."""
    with serving(EndpointConfig(str(store_path))) as url:
        yield url


@pytest.fixture(scope="module")
def endpoint(base: str) -> str:
    return base + "/sparql"


def labels_query(limit: int = 3) -> str:
    return f"{LABELS} LIMIT {limit}"


# --------------------------------------------------------------------------- results formats


def test_select_defaults_to_sparql_json(endpoint: str) -> None:
    status, headers, body = get(endpoint, labels_query())
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    result = json.loads(body)
    assert result["head"]["vars"] == ["e", "label"]
    first = result["results"]["bindings"][0]
    assert first["e"]["type"] == "uri"
    assert first["label"] == {"type": "literal", "value": "Acme Holdings Limited"}
    assert headers["X-Result-Truncated"] == "false" and headers["X-Result-Rows"] == "3"


def test_select_as_xml(endpoint: str) -> None:
    status, headers, body = get(endpoint, labels_query(), accept="application/sparql-results+xml")
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+xml"
    root = ET.fromstring(body)
    assert [v.get("name") for v in root.iter(f"{SPARQL_NS}variable")] == ["e", "label"]
    results = list(root.iter(f"{SPARQL_NS}result"))
    assert len(results) == 3
    assert results[0].find(f"{SPARQL_NS}binding[@name='label']/{SPARQL_NS}literal").text == "Acme Holdings Limited"


def test_select_as_csv_and_tsv(endpoint: str) -> None:
    status, headers, body = get(endpoint, labels_query(2), accept="text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["e", "label"] and rows[1][1] == "Acme Holdings Limited"
    status, headers, body = get(endpoint, labels_query(2), accept="text/tab-separated-values")
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?e\t?label"
    assert lines[1].startswith("<https://w3id.org/hk-governance/id/") and lines[1].endswith('\t"Acme Holdings Limited"')


@pytest.mark.parametrize("accept, expected", [
    ("application/json", "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "application/sparql-results+xml"),
    ("text/csv, */*;q=0.8", "text/csv; charset=utf-8"),
    ("application/xml", "application/sparql-results+xml"),
])
def test_content_negotiation(endpoint: str, accept: str, expected: str) -> None:
    status, headers, _ = get(endpoint, labels_query(1), accept=accept)
    assert status == 200 and headers["Content-Type"] == expected


def test_unsupported_types_get_406_with_the_offer(endpoint: str) -> None:
    status, _, body = get(endpoint, labels_query(1), accept="image/png")
    assert status == 406 and b"application/sparql-results+xml" in body and b"text/tab-separated-values" in body
    status, _, body = get(endpoint, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", accept="text/csv")
    assert status == 406 and b"text/turtle" in body


def test_ask_in_json_and_xml(endpoint: str) -> None:
    status, headers, body = get(endpoint, ASK)
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, _, body = get(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }", accept="application/sparql-results+xml")
    assert status == 200 and ET.fromstring(body).find(f"{SPARQL_NS}boolean").text == "false"


@pytest.mark.parametrize("accept, rdflib_format, content_type", [
    (None, "turtle", "text/turtle; charset=utf-8"),
    ("application/n-triples", "nt", "application/n-triples"),
    ("application/rdf+xml", "xml", "application/rdf+xml"),
    ("application/ld+json", "json-ld", "application/ld+json"),
])
def test_construct_in_rdf_formats(endpoint: str, accept: str | None, rdflib_format: str,
                                  content_type: str) -> None:
    query = ("PREFIX gov: <https://w3id.org/hk-governance/ontology#> "
             "CONSTRUCT { ?d a gov:Announcement ; gov:docId ?id } WHERE { ?d a gov:Announcement ; gov:docId ?id }")
    status, headers, body = get(endpoint, query, accept=accept)
    assert status == 200 and headers["Content-Type"] == content_type
    graph = Graph().parse(data=body, format=rdflib_format)
    ids = {str(o) for o in graph.objects(None, URIRef("https://w3id.org/hk-governance/ontology#docId"))}
    assert ids == {"acme-2026", "acme-q2", HOSTILE_DOC}


def test_describe(endpoint: str) -> None:
    doc = "https://w3id.org/hk-governance/id/doc/acme-q2"
    status, headers, body = get(endpoint, f"DESCRIBE <{doc}>")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=body, format="turtle")
    assert (URIRef(doc), URIRef("https://w3id.org/hk-governance/ontology#docId"), Literal("acme-q2")) in graph


def test_post_query_directly_and_as_a_form(endpoint: str) -> None:
    status, headers, body = post(endpoint, labels_query(2), "application/sparql-query",
                                 accept="text/tab-separated-values")
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    assert len(body.decode().splitlines()) == 3
    status, _, body = post(endpoint, urlencode({"query": labels_query(2)}),
                           "application/x-www-form-urlencoded; charset=UTF-8")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 2
    status, _, body = post(endpoint, ASK, "application/sparql-query; charset=utf-8")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_head_answers_the_headers_of_get(endpoint: str) -> None:
    got = get(endpoint, labels_query(2), accept="application/sparql-results+xml")
    status, headers, body = get(endpoint, labels_query(2), accept="application/sparql-results+xml", method="HEAD")
    assert status == 200 and body == b""
    assert headers["Content-Type"] == got[1]["Content-Type"]
    assert headers["Content-Length"] == str(len(got[2]))


def test_empty_result_names_its_variables(endpoint: str) -> None:
    status, _, body = get(endpoint, "SELECT ?x ?y WHERE { ?x <urn:nothing> ?y }")
    assert status == 200 and json.loads(body) == {"head": {"vars": ["x", "y"]}, "results": {"bindings": []}}


def test_large_results_are_truncated(endpoint: str) -> None:
    status, headers, body = get(endpoint, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert status == 200
    assert headers["X-Result-Truncated"] == "true" and headers["X-Result-Rows"] == str(MAX_ROWS)
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    status, headers, body = get(endpoint, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", accept="application/n-triples")
    assert headers["X-Result-Truncated"] == "true" and len(body.decode().splitlines()) == MAX_ROWS


def test_hostile_literals_come_back_exactly(endpoint: str) -> None:
    query = ("SELECT ?q WHERE { ?e <https://w3id.org/hk-governance/ontology#quote> ?q "
             "FILTER(CONTAINS(?q, \"is appointed.\") && CONTAINS(?q, \"script\")) }")
    for accept in ("application/sparql-results+json", "application/sparql-results+xml"):
        status, _, body = get(endpoint, query, accept=accept)
        assert status == 200
        if accept.endswith("json"):
            values = [b["q"]["value"] for b in json.loads(body)["results"]["bindings"]]
        else:
            values = [lit.text for lit in ET.fromstring(body).iter(f"{SPARQL_NS}literal")]
        assert values == [f"Mr. {HOSTILE} is appointed."]


# --------------------------------------------------------------------------- refusals and errors


REFUSED = [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 400, "SERVICE is not allowed"),
    ("LOAD <http://example.org/data.ttl>", 400, "read-only"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 400, "read-only"),
    ("DELETE WHERE { ?s ?p ?o }", 400, "read-only"),
    ("CLEAR ALL", 400, "read-only"),
    ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", 400, "FROM and FROM NAMED are not allowed"),
    ("SELEKT nonsense", 400, "not a SPARQL query"),
    ("SELECT ?x WHERE { ?x ?y }", 400, "not a SPARQL query"),
    (CROSS_JOIN, 503, "timed out"),
]


@pytest.mark.parametrize("query, status, reason", REFUSED)
def test_refused_or_stopped_queries_leave_the_server_answering_and_the_store_unchanged(
        endpoint: str, store_path: Path, query: str, status: int, reason: str) -> None:
    before = digest(store_path)
    started = time.monotonic()
    got, _, body = get(endpoint, query)
    assert got == status and reason in body.decode()
    assert time.monotonic() - started < TIMEOUT + 5
    assert get(endpoint, ASK)[0] == 200
    status_after, _, body_after = get(endpoint, labels_query(1))
    assert status_after == 200 and json.loads(body_after)["results"]["bindings"]
    assert digest(store_path) == before


def test_the_update_operation_is_forbidden(endpoint: str, store_path: Path) -> None:
    before = digest(store_path)
    status, _, body = post(endpoint, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update")
    assert status == 403 and b"read-only" in body
    status, _, _ = post(endpoint, urlencode({"update": "CLEAR ALL"}), "application/x-www-form-urlencoded")
    assert status == 403
    assert get(f"{endpoint}?{urlencode({'update': 'CLEAR ALL'})}")[0] == 403
    assert json.loads(get(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }")[2])["boolean"] is False
    assert digest(store_path) == before


def test_malformed_requests(base: str, endpoint: str) -> None:
    status, _, body = get(endpoint, "SELECT ?x WHERE { ?x ?y }")
    assert status == 400 and b"line 1" in body  # says where
    assert get(endpoint + "?query=")[0] == 400
    assert get(endpoint + "?" + urlencode([("query", ASK), ("query", ASK)]))[0] == 400
    assert get(endpoint + "?" + urlencode({"query": ASK, "default-graph-uri": "urn:g"}))[0] == 400
    assert get(base + "/elsewhere")[0] == 404
    assert post(endpoint, "x", "text/plain")[0] == 415
    status, headers, _ = get(endpoint, ASK, method="PUT")
    assert status == 405 and "POST" in headers["Allow"]
    assert get(base + "/queries", method="DELETE")[0] == 405


def test_the_server_refuses_an_oversized_body(tmp_path: Path, store_path: Path) -> None:
    with serving(EndpointConfig(str(store_path), max_body=2000)) as url:
        assert post(url + "/sparql", ASK + " " * 1000, "application/sparql-query")[0] == 200
        status, _, _ = post(url + "/sparql", ASK + " " * 5000, "application/sparql-query")
        assert status == 413


# --------------------------------------------------------------------------- service description, named queries, filings


def test_service_description_at_the_endpoint(endpoint: str) -> None:
    status, headers, body = get(endpoint)
    assert status == 200 and headers["Content-Type"] == "text/turtle; charset=utf-8"
    sd = Graph().parse(data=body, format="turtle")
    service = URIRef(endpoint)
    assert (service, RDF.type, SD.Service) in sd
    assert (service, SD.endpoint, service) in sd
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in sd
    formats = {str(o).rsplit("/", 1)[1] for o in sd.objects(service, SD.resultFormat)}
    assert {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
            "Turtle", "N-Triples"} <= formats
    status, headers, body = get(endpoint, accept="application/n-triples")
    assert status == 200 and (service, RDF.type, SD.Service) in Graph().parse(data=body, format="nt")


def test_named_queries_are_listed_and_run_with_bound_parameters(roomy: str) -> None:
    base = roomy
    status, _, body = get(base + "/queries")
    listing = {q["name"]: q for q in json.loads(body)}
    assert {"board-as-of", "person-seats", "filing-facts"} <= set(listing)
    assert [p["name"] for p in listing["board-as-of"]["params"]] == ["issuer", "date"]
    status, _, body = get(base + "/named/board-as-of?" + urlencode({"issuer": ISSUER.lower(), "date": "2026-07-01"}))
    assert status == 200
    people = {b["person"]["value"] for b in json.loads(body)["results"]["bindings"]}
    assert len(people) == 6 and "Ho Siu Fung" in people
    status, _, body = get(base + "/named/board-as-of?" + urlencode({"issuer": ISSUER, "date": "July"}))
    assert status == 400 and b"expected a date YYYY-MM-DD" in body
    assert get(base + "/named/board-as-of?issuer=x")[0] == 400
    assert get(base + "/named/no-such-query")[0] == 404


def test_filing_facts_and_graph(roomy: str) -> None:
    base = roomy
    status, _, body = get(base + "/named/filing-facts?" + urlencode({"doc": HOSTILE_DOC}))
    rows = json.loads(body)["results"]["bindings"]
    assert status == 200 and {r["quote"]["value"] for r in rows} >= {f"Mr. {HOSTILE} is appointed."}
    status, headers, body = get(base + "/graph?" + urlencode({"doc": "acme-q2"}))
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=body, format="turtle")
    docs = set(graph.objects(None, URIRef("https://w3id.org/hk-governance/ontology#docId")))
    assert docs == {Literal("acme-q2")} and len(graph) > 20
    assert get(base + "/graph")[0] == 400


# --------------------------------------------------------------------------- CORS


def test_no_cors_headers_unless_asked_for(base: str, endpoint: str) -> None:
    _, headers, _ = get(endpoint, ASK, Origin="http://elsewhere.example")
    assert not any(h.lower().startswith("access-control") for h in headers)
    status, headers, _ = get(endpoint, method="OPTIONS", Origin="http://elsewhere.example",
                             **{"Access-Control-Request-Method": "POST"})
    assert status == 204 and not any(h.lower().startswith("access-control") for h in headers)


def test_cors_for_one_origin(store_path: Path) -> None:
    origin = "http://localhost:3000"
    with serving(EndpointConfig(str(store_path), cors=origin)) as url:
        status, headers, _ = get(url + "/sparql", method="OPTIONS", Origin=origin,
                                 **{"Access-Control-Request-Method": "POST",
                                    "Access-Control-Request-Headers": "content-type"})
        assert status == 204
        assert headers["Access-Control-Allow-Origin"] == origin
        assert "POST" in headers["Access-Control-Allow-Methods"]
        assert "content-type" in headers["Access-Control-Allow-Headers"].lower()
        _, headers, _ = get(url + "/sparql", ASK, Origin=origin)
        assert headers["Access-Control-Allow-Origin"] == origin and "Origin" in headers["Vary"]
        assert "X-Result-Truncated" in headers["Access-Control-Expose-Headers"]
        _, headers, _ = get(url + "/sparql", ASK, Origin="http://evil.example")
        assert "Access-Control-Allow-Origin" not in headers


def test_cors_for_any_origin(store_path: Path) -> None:
    with serving(EndpointConfig(str(store_path), cors="*")) as url:
        _, headers, _ = post(url + "/sparql", ASK, "application/sparql-query")
        assert "Access-Control-Allow-Origin" not in headers  # not a cross-origin request
        status, headers, _ = get(url + "/sparql", method="OPTIONS", Origin="http://any.example",
                                 **{"Access-Control-Request-Method": "GET"})
        assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"


def test_bad_cors_origin_is_refused(store_path: Path) -> None:
    with pytest.raises(ServerRefused, match="--cors"):
        make_server(EndpointConfig(str(store_path), cors="localhost:3000"), "127.0.0.1", 0)


# --------------------------------------------------------------------------- the command


def test_public_addresses_need_consent(tmp_path: Path) -> None:
    with pytest.raises(ServerRefused, match="--allow-remote"):
        make_server(EndpointConfig(str(tmp_path)), "0.0.0.0", 0)


def test_cli_refuses_a_public_address_without_consent(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import EXIT_USAGE, main

    assert main(["serve", "--store", str(tmp_path), "--host", "0.0.0.0", "--port", "0"]) == EXIT_USAGE
    assert "--allow-remote" in capsys.readouterr().err


def test_kg_serve_command_answers_on_loopback(store_path: Path) -> None:
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store_path), "--port", "0",
                               "--cors", "*"], stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
        assert line.startswith("SPARQL endpoint: http://127.0.0.1:")
        endpoint = line.split()[2].rstrip(",")
        status, headers, body = post(endpoint, labels_query(2), "application/sparql-query",
                                     accept="application/sparql-results+xml")
        assert status == 200 and len(list(ET.fromstring(body).iter(f"{SPARQL_NS}result"))) == 2
        status, _, page = get(endpoint.replace("/sparql", "/"), accept="text/html")
        assert status == 200 and b"<textarea" in page
    finally:
        server.terminate()
        server.wait(timeout=10)

"""The SPARQL endpoint on 127.0.0.1 with an ephemeral port: answers, refusals, time and size bounds."""
from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest

from kg.server import EndpointConfig, ServerRefused, make_server
from kg.store import OxigraphStore
from tests.factories import board, every_type, meta
from tests.test_graphview import load

TIMEOUT = 1.0
MAX_ROWS = 5
LABELS = ("SELECT ?e ?label WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } "
          "ORDER BY ?label")
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("server") / "store"
    store = OxigraphStore(path)
    load(store, (meta(), every_type()), (meta("acme-q2", date="2026-06-30"), board("acme-q2", "2026-06-30")))
    store.close()
    del store
    server = make_server(EndpointConfig(str(path), timeout=TIMEOUT, max_rows=MAX_ROWS), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def call(request: Request | str) -> tuple[int, dict[str, str], str]:
    try:
        with urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def get(url: str, query: str, accept: str | None = None) -> tuple[int, dict[str, str], str]:
    request = Request(f"{url}?{urlencode({'query': query})}")
    if accept:
        request.add_header("Accept", accept)
    return call(request)


def post(url: str, body: str, content_type: str) -> tuple[int, dict[str, str], str]:
    headers = {"Content-Type": content_type}
    return call(Request(url, data=body.encode("utf-8"), headers=headers, method="POST"))


def test_select_answers_in_sparql_json(endpoint: str) -> None:
    status, headers, body = get(endpoint, LABELS + " LIMIT 3")
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    result = json.loads(body)
    assert result["head"]["vars"] == ["e", "label"]
    first = result["results"]["bindings"][0]
    assert first["e"]["type"] == "uri"
    assert first["label"] == {"type": "literal", "value": "Acme Holdings Limited"}
    assert headers["X-Result-Truncated"] == "false"


def test_post_forms_and_csv(endpoint: str) -> None:
    status, _, body = post(endpoint, "ASK { ?s ?p ?o }", "application/sparql-query")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, headers, body = post(endpoint, urlencode({"query": LABELS + " LIMIT 2"}),
                                 "application/x-www-form-urlencoded")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 2
    status, headers, body = get(endpoint, LABELS + " LIMIT 2", accept="text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(body)))[0] == ["e", "label"]


def test_empty_result_names_its_variables(endpoint: str) -> None:
    status, _, body = get(endpoint, "SELECT ?x ?y WHERE { ?x <urn:nothing> ?y }")
    assert status == 200 and json.loads(body) == {"head": {"vars": ["x", "y"]}, "results": {"bindings": []}}


@pytest.mark.parametrize("query, reason", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("LOAD <http://example.org/data.ttl>", "read-only"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "read-only"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "only SELECT and ASK"),
    ("SELEKT nonsense", "not a SPARQL query"),
])
def test_refused_queries(endpoint: str, query: str, reason: str) -> None:
    status, _, body = get(endpoint, query)
    assert status == 400 and reason in body


def test_updates_are_forbidden(endpoint: str) -> None:
    status, _, body = post(endpoint, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update")
    assert status == 403 and "read-only" in body
    status, _, _ = post(endpoint, urlencode({"update": "CLEAR ALL"}), "application/x-www-form-urlencoded")
    assert status == 403
    status, _, body = get(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }")
    assert json.loads(body)["boolean"] is False


def test_pathological_query_is_stopped(endpoint: str) -> None:
    started = time.monotonic()
    status, _, body = get(endpoint, CROSS_JOIN)
    elapsed = time.monotonic() - started
    assert status == 503 and "timed out" in body
    assert elapsed < TIMEOUT + 5
    assert get(endpoint, "ASK { ?s ?p ?o }")[0] == 200  # the server is still answering


def test_large_results_are_truncated(endpoint: str) -> None:
    status, headers, body = get(endpoint, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert status == 200
    assert headers["X-Result-Truncated"] == "true" and headers["X-Result-Rows"] == str(MAX_ROWS)
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS


def test_bad_requests(endpoint: str) -> None:
    assert call(endpoint)[0] == 400
    assert call(endpoint.replace("/sparql", "/elsewhere"))[0] == 404
    assert post(endpoint, "x", "text/plain")[0] == 415


def test_public_addresses_need_consent(tmp_path: Path) -> None:
    with pytest.raises(ServerRefused, match="--allow-remote"):
        make_server(EndpointConfig(str(tmp_path)), "0.0.0.0", 0)


def test_cli_refuses_a_public_address_without_consent(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import EXIT_USAGE, main

    assert main(["serve", "--store", str(tmp_path), "--host", "0.0.0.0", "--port", "0"]) == EXIT_USAGE
    assert "--allow-remote" in capsys.readouterr().err

"""The graph in any SPARQL 1.1 server, through the standard protocols only.

Reads go to the SPARQL 1.1 Protocol query endpoint (`--store URL`); writes go to the Graph Store
Protocol endpoint (`KG_STORE_DATA_URL`: one `PUT ?graph=<announcement>` replaces a filing's graph in
one request) or, where a server has none, to the SPARQL Update endpoint (`KG_STORE_UPDATE_URL`: one
request holding `DROP SILENT GRAPH` and `INSERT DATA`). No server's own paths are assumed: each is
configured (see the README for Oxigraph, Fuseki, GraphDB, Virtuoso and Neptune). `KG_STORE_AUTH` is
sent as the `Authorization` header (`Basic ...`, `Bearer ...`); it is read from the environment so it
never shows on a command line.

Queries rely on the server presenting the union of the named graphs as the default graph, as the
embedded store does (Oxigraph: `--union-default-graph`; Fuseki: `tdb2:unionDefaultGraph true`;
GraphDB, Virtuoso and Neptune do by default). Bound parameters are written as `VALUES` blocks by
rdflib's escaping serialiser (`kg.store.with_values`), never formatted into the query text.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
import requests
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.mapping import Triple
from kg.store import EXPORT_FORMATS, GraphStore, Row, StoreError, _OX_FORMATS, _to_ox, with_values

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULTS_JSON = "application/sparql-results+json"
#: Environment variables that configure the endpoints beside `--store URL` (the query endpoint).
ENV_DATA_URL, ENV_UPDATE_URL, ENV_AUTH, ENV_TIMEOUT = (
    "KG_STORE_DATA_URL", "KG_STORE_UPDATE_URL", "KG_STORE_AUTH", "KG_STORE_TIMEOUT")


def is_url(location: str | None) -> bool:
    return bool(location) and location.lower().startswith(("http://", "https://"))


class SparqlProtocolStore(GraphStore):
    """A remote SPARQL 1.1 server: query endpoint, and a Graph Store or Update endpoint for writes."""

    def __init__(self, query_url: str, *, data_url: str | None = None, update_url: str | None = None,
                 auth: str | None = None, timeout: float = 60.0, read_only: bool = False) -> None:
        self.query_url = query_url
        self.data_url = data_url
        self.update_url = update_url
        self.read_only = read_only
        self.timeout = timeout
        self._http = requests.Session()
        if auth:
            self._http.headers["Authorization"] = auth

    @classmethod
    def from_env(cls, query_url: str, read_only: bool = False) -> "SparqlProtocolStore":
        """The store at `query_url`, its write endpoints and credentials from the environment."""
        return cls(query_url, data_url=os.environ.get(ENV_DATA_URL) or None,
                   update_url=os.environ.get(ENV_UPDATE_URL) or None,
                   auth=os.environ.get(ENV_AUTH) or None,
                   timeout=float(os.environ.get(ENV_TIMEOUT) or 60), read_only=read_only)

    # ----------------------------------------------------------------- writes

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        body = _ntriples(triples)  # built whole first: a failure here leaves the server untouched
        if self.data_url:
            self._send("PUT", self._write_url(), params={"graph": str(graph)}, data=body,
                       headers={"Content-Type": "application/n-triples"})
        else:
            g = _to_ox(graph)
            self._update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{ {body.decode()} }} }}")

    def add_triples(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        body = _ntriples(triples)
        if not body:
            return
        if self.data_url:
            self._send("POST", self._write_url(), params={"graph": str(graph)}, data=body,
                       headers={"Content-Type": "application/n-triples"})
        else:
            self._update(f"INSERT DATA {{ GRAPH {_to_ox(graph)} {{ {body.decode()} }} }}")

    def remove_graph(self, graph: URIRef) -> None:
        if self.data_url:
            self._send("DELETE", self._write_url(), params={"graph": str(graph)}, missing_ok=True)
        else:
            self._update(f"DROP SILENT GRAPH {_to_ox(graph)}")

    def _write_url(self) -> str:
        if self.read_only:
            raise StoreError(f"{self.query_url}: opened read-only")
        return self.data_url  # type: ignore[return-value]

    def _update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.query_url}: opened read-only")
        if not self.update_url:
            raise StoreError(f"{self.query_url}: no write endpoint configured: set {ENV_DATA_URL} (Graph Store "
                             f"Protocol) or {ENV_UPDATE_URL} (SPARQL Update)")
        self._send("POST", self.update_url, data=update.encode("utf-8"),
                   headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    # ----------------------------------------------------------------- reads

    def graphs(self) -> list[URIRef]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(URIRef(str(r["g"])) for r in rows if isinstance(r["g"], URIRef))

    def select(self, query: str, bindings: dict[str, Node] | None = None) -> list[Row]:
        results = self._query(with_values(query, bindings))
        names = results.get("head", {}).get("vars", [])
        return [{n: _term(b[n]) if n in b else None for n in names}
                for b in results.get("results", {}).get("bindings", [])]

    def ask(self, query: str, bindings: dict[str, Node] | None = None) -> bool:
        return bool(self._query(with_values(query, bindings)).get("boolean"))

    def serialize(self, fmt: str) -> bytes:
        if fmt not in _OX_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
        local = ox.Store()  # the quads fetched once, serialised by Oxigraph's writers
        local.extend(ox.Quad(_to_ox(r["s"]), _to_ox(r["p"]), _to_ox(r["o"]), _to_ox(r["g"]))
                     for r in self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
        if fmt == "ttl":
            triples = local.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            return ox.serialize(triples, format=ox.RdfFormat.TURTLE) or b""
        return local.dump(format=_OX_FORMATS[fmt]) or b""

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0

    def close(self) -> None:
        self._http.close()

    def _query(self, query: str) -> dict[str, Any]:
        response = self._send("POST", self.query_url, data=query.encode("utf-8"),
                              headers={"Content-Type": "application/sparql-query; charset=utf-8",
                                       "Accept": RESULTS_JSON})
        try:
            return response.json()
        except ValueError as exc:
            raise StoreError(f"{self.query_url}: the answer is not SPARQL JSON results "
                             f"({response.headers.get('Content-Type')}): {response.text[:200]}") from exc

    def _send(self, method: str, url: str, *, missing_ok: bool = False, **kwargs: Any) -> requests.Response:
        try:
            response = self._http.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise StoreError(f"{url}: cannot reach the SPARQL server: {exc}") from exc
        if missing_ok and response.status_code == 404:
            return response
        if response.status_code >= 400:
            raise StoreError(f"{url}: {method} refused with HTTP {response.status_code}: {response.text[:300]}")
        return response


def _ntriples(triples: Iterable[Triple]) -> bytes:
    return "".join(f"{_to_ox(s)} {_to_ox(p)} {_to_ox(o)} .\n" for s, p, o in triples).encode("utf-8")


def _term(binding: dict[str, str]) -> Node:
    """A SPARQL JSON results term as the rdflib term the embedded store would give."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")
    if datatype and datatype != XSD_STRING:
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)

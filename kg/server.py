"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, with a query page at `/`.

Why it looks like this:
- HTTP is waitress (a pure-Python WSGI server): its main loop reads every request in full, without
  threads, before a worker thread sees it, so a client that sends slowly holds a socket but never a
  worker; the request size (413), header size (431), connection count and idle time are bounded by
  its settings. On top, a client still sending one request after `client_timeout` seconds is cut
  off however it trickles (waitress only cuts idle ones).
- Engines execute `SERVICE <url>` and `LOAD <url>` against any URL, so every query passes
  `kg.query.check_query` before it reaches Oxigraph: updates, LOAD and SERVICE are refused (400),
  and the update operation of the protocol (`application/sparql-update`, `update=`) gets 403.
- Queries run in a fixed pool of worker processes (`kg.querypool`) that are killed on time-out, with
  a bounded queue (503 and Retry-After beyond it) and at most `max_rows` rows per answer (said in
  the `X-Result-Truncated` header). Results are written by Oxigraph in the negotiated format
  (`kg.results`).
- CORS is off unless asked for (`--cors ORIGIN` or `*`); the page is served with a Content Security
  Policy that allows only its own script, so a string from a filing can never run as code.
- It listens on loopback unless told otherwise: an open SPARQL port is an open door to the data.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS
from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer

from kg.mapping import document_iri
from kg.query import QueryRefused, bind_params, check_query, named_queries
from kg.querypool import Busy, Job, QueryFailed, TimedOut, WorkerPool
from kg.results import GRAPH_FORMATS, SOLUTION_FORMATS, ResultFormat, formats_for, negotiate
from kg.store import StoreError, open_store

log = logging.getLogger(__name__)

SPARQL_PATHS = ("/sparql", "/query")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
#: Media types of the service description (a tiny graph: rdflib writes it).
SD_FORMATS = (("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"))
#: W3C format IRIs of what the endpoint writes, for the service description.
FORMAT_IRIS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
               "tsv": "SPARQL_Results_TSV", "ttl": "Turtle", "nt": "N-Triples", "rdfxml": "RDF_XML",
               "jsonld": "JSON-LD"}
GRAPH_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
PAGE_FILES = {"/": ("index.html", "text/html; charset=utf-8"),
              "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
              "/static/style.css": ("style.css", "text/css; charset=utf-8")}
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
               "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
CORS_HEADERS = "Accept, Content-Type"


class ServerRefused(Exception):
    """A server that must not start as configured (e.g. a public address without --allow-remote)."""


@dataclass(frozen=True)
class EndpointConfig:
    """What every request needs: where the store is and how far a query or a client may go."""

    store: str
    timeout: float = 10.0  # seconds a query may run before its worker is killed
    max_rows: int = 10_000  # rows (or triples) per answer
    workers: int = 2  # queries running at once
    queue: int = 8  # queries waiting for a worker, beyond which 503
    max_body: int = 1 << 20  # bytes of a request body (413 beyond)
    client_timeout: int = 10  # seconds a client may take to send a request, or stay idle
    connections: int = 100  # open connections at most
    cors: str | None = None  # allowed origin, "*", or None for no CORS headers


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _text(status: HTTPStatus, message: str, **headers: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), headers)


_READ_ONLY = _text(HTTPStatus.FORBIDDEN, "updates are not allowed: the endpoint is read-only")


class SparqlApp:
    """The WSGI application: routing, the protocol's parameters, negotiation, CORS."""

    def __init__(self, config: EndpointConfig, pool: WorkerPool, endpoint_iri: str = "") -> None:
        self.config, self.pool, self.endpoint_iri = config, pool, endpoint_iri
        self.queries = named_queries()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO") or "/"
        try:
            response = self.route(method, path, environ)
        except Exception:  # noqa: BLE001 - a bug of ours must not take the server down; log it
            log.exception("error answering %s %s", method, path)
            response = _text(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error; see the server log")
        cors = self._cors(environ)
        headers = {"Content-Type": response.content_type, "Content-Length": str(len(response.body)),
                   "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", **cors, **response.headers}
        vary = [v for v in (response.headers.get("Vary"), cors.get("Vary")) if v]
        if vary:
            headers["Vary"] = ", ".join(vary)
        start_response(f"{response.status} {HTTPStatus(response.status).phrase}", list(headers.items()))
        return [response.body]

    # ------------------------------------------------------------------ routing

    def route(self, method: str, path: str, environ: dict[str, Any]) -> Response:
        if method == "OPTIONS":
            return self._preflight(environ)
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        accept = environ.get("HTTP_ACCEPT")
        if path in SPARQL_PATHS or (path == "/" and ("query" in params or method == "POST")):
            if method in ("GET", "HEAD"):
                if not params:
                    return self._service_description(accept)
                return self._protocol(params, accept)
            if method == "POST":
                return self._post(params, environ)
            return self._not_allowed("GET, HEAD, POST, OPTIONS")
        if method not in ("GET", "HEAD"):
            return self._not_allowed("GET, HEAD, OPTIONS")
        if path in PAGE_FILES:
            return self._page_file(path)
        if path == "/queries":
            return self._named_list()
        if path.startswith("/named/"):
            return self._named(path[len("/named/"):], params, accept)
        if path == "/graph":
            return self._filing_graph(params, accept)
        return _text(HTTPStatus.NOT_FOUND, f"no such path; query at {SPARQL_PATHS[0]}?query=..., "
                     "or open / for the query page")

    def _not_allowed(self, allow: str) -> Response:
        return _text(HTTPStatus.METHOD_NOT_ALLOWED, f"method not allowed here; allowed: {allow}", Allow=allow)

    # ------------------------------------------------------------------ SPARQL protocol

    def _post(self, params: dict[str, list[str]], environ: dict[str, Any]) -> Response:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > self.config.max_body:  # waitress refuses first; kept for other WSGI servers
            return _text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body over {self.config.max_body} bytes")
        body = environ["wsgi.input"].read(length).decode("utf-8", errors="replace")
        ctype = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return _READ_ONLY
        if ctype == "application/sparql-query":
            return self._protocol({**params, "query": [body]}, environ.get("HTTP_ACCEPT"))
        if ctype == "application/x-www-form-urlencoded":
            return self._protocol(parse_qs(body, keep_blank_values=True), environ.get("HTTP_ACCEPT"))
        return _text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "POST application/sparql-query, or a form "
                     "(application/x-www-form-urlencoded) with query=")

    def _protocol(self, params: dict[str, list[str]], accept: str | None) -> Response:
        if "update" in params:
            return _READ_ONLY
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return _text(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not "
                         "supported: queries run over the union of the store's graphs")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return _text(HTTPStatus.BAD_REQUEST, "give exactly one query: ?query=SELECT ...")
        try:
            form = check_query(queries[0])
        except QueryRefused as exc:
            return _text(HTTPStatus.BAD_REQUEST, f"query refused: {exc}")
        return self._run(queries[0], form, accept)

    def _run(self, text: str, form: str, accept: str | None, bindings: dict[str, Any] | None = None,
             offered: tuple[Any, ...] | None = None) -> Response:
        offered = offered or formats_for(form)
        fmt = negotiate(accept, offered)
        if fmt is None:
            return _text(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer this query in {accept}; "
                         f"ask for one of: {', '.join(t for f in offered for t in f.accepts)}")
        try:
            answer = self.pool.run(Job(text, fmt.name, bindings))
        except Busy as exc:
            return _text(HTTPStatus.SERVICE_UNAVAILABLE, f"busy: {exc}; retry later", **{"Retry-After": "1"})
        except TimedOut as exc:
            return _text(HTTPStatus.SERVICE_UNAVAILABLE, f"query timed out: {exc} (server --timeout); "
                         "add a LIMIT or make the pattern more selective")
        except QueryFailed as exc:
            return _text(HTTPStatus.BAD_REQUEST, f"query failed: {exc}")
        return Response(HTTPStatus.OK, fmt.media_type, answer.body,
                        {"X-Result-Rows": str(answer.rows),
                         "X-Result-Truncated": "true" if answer.truncated else "false", "Vary": "Accept"})

    # ------------------------------------------------------------------ named queries and filings

    def _named_list(self) -> Response:
        listing = [{"name": q.name, "description": q.description, "text": q.text,
                    "params": [{"name": k, "description": v} for k, v in q.params.items()]}
                   for q in self.queries.values()]
        return Response(HTTPStatus.OK, "application/json", json.dumps(listing, ensure_ascii=False).encode())

    def _named(self, name: str, params: dict[str, list[str]], accept: str | None) -> Response:
        query = self.queries.get(name)
        if query is None:
            return _text(HTTPStatus.NOT_FOUND, f"no named query {name!r}; known: {', '.join(self.queries)}")
        if any(len(v) != 1 for v in params.values()):
            return _text(HTTPStatus.BAD_REQUEST, "give each parameter once")
        try:
            bindings = bind_params(query, {k: v[0] for k, v in params.items()})
        except QueryRefused as exc:
            return _text(HTTPStatus.BAD_REQUEST, f"query refused: {exc}")
        return self._run(query.text, "SelectQuery", accept, bindings)

    def _filing_graph(self, params: dict[str, list[str]], accept: str | None) -> Response:
        """The triples of one filing's named graph (the quads of that graph, without the graph name)."""
        docs = params.get("doc", [])
        if len(docs) != 1 or not docs[0]:
            return _text(HTTPStatus.BAD_REQUEST, "give the filing's document id: /graph?doc=ID")
        return self._run(GRAPH_QUERY, "ConstructQuery", accept, {"g": document_iri(docs[0])})

    # ------------------------------------------------------------------ service description, page, CORS

    def _service_description(self, accept: str | None) -> Response:
        ranges = [(t, name) for t, name in SD_FORMATS]
        chosen = _negotiate_plain(accept, [t for t, _ in ranges])
        if chosen is None:
            return _text(HTTPStatus.NOT_ACCEPTABLE, "the service description is written as "
                         + ", ".join(t for t, _ in ranges))
        body = service_description(self.endpoint_iri, self.config).serialize(
            format=dict(ranges)[chosen], encoding="utf-8")
        ctype = chosen + ("; charset=utf-8" if chosen.startswith("text/") else "")
        return Response(HTTPStatus.OK, ctype, body, {"Vary": "Accept"})

    def _page_file(self, path: str) -> Response:
        name, ctype = PAGE_FILES[path]
        body = resources.files("kg.web").joinpath(name).read_bytes()
        return Response(HTTPStatus.OK, ctype, body, {"Content-Security-Policy": PAGE_POLICY,
                                                     "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"})

    def _cors(self, environ: dict[str, Any]) -> dict[str, str]:
        origin = environ.get("HTTP_ORIGIN")
        allowed = self.config.cors
        if allowed is None or origin is None:
            return {}
        headers = {"Access-Control-Expose-Headers": "X-Result-Rows, X-Result-Truncated"}
        if allowed == "*":
            return {"Access-Control-Allow-Origin": "*", **headers}
        if origin == allowed:
            return {"Access-Control-Allow-Origin": origin, "Vary": "Origin", **headers}
        return {}

    def _preflight(self, environ: dict[str, Any]) -> Response:
        allow = "GET, HEAD, POST, OPTIONS"
        headers = {"Allow": allow}
        if self._cors(environ) and environ.get("HTTP_ACCESS_CONTROL_REQUEST_METHOD"):
            headers.update({"Access-Control-Allow-Methods": allow, "Access-Control-Allow-Headers": CORS_HEADERS,
                            "Access-Control-Max-Age": "600"})
        return Response(HTTPStatus.NO_CONTENT, "text/plain", b"", headers)


def _negotiate_plain(accept: str | None, offered: list[str]) -> str | None:
    fmts = tuple(ResultFormat(t, t, (t,), None) for t in offered)
    chosen = negotiate(accept, fmts)
    return chosen.name if chosen else None


def service_description(endpoint: str, config: EndpointConfig) -> Graph:
    """SPARQL 1.1 Service Description of this endpoint: what it answers, in which formats, how bounded."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("formats", FORMATS_NS)
    service, dataset, default = URIRef(endpoint), BNode(), BNode()
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in SOLUTION_FORMATS + GRAPH_FORMATS:
        g.add((service, SD.resultFormat, FORMATS_NS[FORMAT_IRIS[fmt.name]]))
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, RDFS.comment, Literal("The union of every filing's named graph (one graph per announcement).")))
    g.add((service, DCTERMS.title, Literal("Hong Kong corporate governance knowledge graph")))
    g.add((service, RDFS.comment, Literal(
        f"Read-only: updates, LOAD, SERVICE and FROM are refused. A query runs at most {config.timeout:g} s "
        f"and returns at most {config.max_rows} rows; {config.workers} run at once and {config.queue} wait.")))
    return g


# --------------------------------------------------------------------------- HTTP server


class _DeadlineChannel(HTTPChannel):
    """A connection that remembers when the request it is reading began."""

    request_began: float | None = None

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.request_began = time.time()
        try:
            return super().received(data)
        finally:
            if self.request is None:
                self.request_began = None


class _Server(TcpWSGIServer):
    """waitress, plus a deadline for reading one request (waitress itself only cuts idle clients)."""

    channel_class = _DeadlineChannel

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        cutoff = now - self.adj.channel_timeout
        for channel in list(self.active_channels.values()):
            began = getattr(channel, "request_began", None)
            if began is not None and began < cutoff:
                log.info("cutting off %s: still sending its request after %s s", channel.addr,
                         self.adj.channel_timeout)
                channel.will_close = True


class SparqlServer:
    """A bound server: `serve_forever()` in one thread, `shutdown()` from another."""

    def __init__(self, app: SparqlApp, adjustments: Adjustments) -> None:
        self.pool = app.pool
        self._map: dict[int, Any] = {}
        self._server = _Server(app, map=self._map, adj=adjustments)
        self.server_address = (self._server.effective_host, int(self._server.effective_port))
        app.endpoint_iri = _endpoint_iri(*self.server_address)  # known once bound (port 0)
        self._stop = threading.Event()

    def serve_forever(self) -> None:
        while not self._stop.is_set():
            wasyncore.loop(timeout=0.2, map=self._map, use_poll=True, count=1)

    def shutdown(self) -> None:
        self._stop.set()
        self._server.pull_trigger()

    def server_close(self) -> None:
        self._server.task_dispatcher.shutdown()
        wasyncore.close_all(self._map)
        self.pool.close()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _endpoint_iri(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{quote(shown, safe='[]:.')}:{port}{SPARQL_PATHS[0]}"


def make_server(config: EndpointConfig, host: str = "127.0.0.1", port: int = 7878,
                allow_remote: bool = False) -> SparqlServer:
    """A bound, not yet serving server (port 0 picks a free port: see `server_address`)."""
    if not is_loopback(host) and not allow_remote:
        raise ServerRefused(f"--host {host} is not a loopback address; anyone who can reach it could "
                            "read the whole graph. Pass --allow-remote if that is intended")
    if config.cors is not None and config.cors != "*" and not _is_origin(config.cors):
        raise ServerRefused(f"--cors {config.cors}: expected an origin (scheme://host[:port]) or *")
    if not Path(config.store).is_dir():
        raise StoreError(f"{config.store}: no store here (run `kg build PATH --store {config.store}` first)")
    open_store(config.store, read_only=True).close()  # fail now, not on the first query
    if not is_loopback(host):
        log.warning("serving on %s: the endpoint is reachable from other machines", host)
    adjustments = Adjustments(
        host=host, port=port, ident="kg",
        # Threads only wait on workers: enough for every admitted query plus two for the page and 503s.
        threads=config.workers + config.queue + 2,
        connection_limit=config.connections, channel_timeout=config.client_timeout, cleanup_interval=1,
        max_request_body_size=config.max_body, max_request_header_size=64 * 1024,
        expose_tracebacks=False)
    pool = WorkerPool(config.store, config.workers, config.queue, config.timeout, config.max_rows)
    try:
        return SparqlServer(SparqlApp(config, pool), adjustments)
    except OSError:
        pool.close()
        raise


def _is_origin(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and parts.path in ("", "/") \
        and not parts.query and not parts.fragment

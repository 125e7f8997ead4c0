"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, on the standard library.

Why it looks like this:
- Engines execute `SERVICE <url>` and `LOAD <url>` against any URL, so every query passes
  `kg.query.check_query` before it reaches Oxigraph: updates, LOAD and SERVICE are refused (400),
  and the update operation of the protocol (`application/sparql-update`, `update=`) gets 403.
- Oxigraph cannot cancel a running query, so each query runs in its own worker process that
  opens the store read-only and is killed when the time limit passes (503). Workers come from a
  forkserver: forking the threaded server itself is unsafe, spawning a fresh interpreter per query
  is slow. A semaphore bounds how many run at once.
- Results are bounded: at most `max_rows` rows are read and sent, and the response says so in the
  `X-Result-Truncated` header.
- It listens on loopback unless told otherwise: an open SPARQL port is an open door to the data.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import multiprocessing
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.query import QueryRefused, check_query, format_rows, projection, sparql_json
from kg.store import StoreError, open_store

log = logging.getLogger(__name__)

JSON_RESULTS = "application/sparql-results+json"
CSV_RESULTS = "text/csv"
#: Query forms the endpoint answers (CONSTRUCT/DESCRIBE would need RDF result formats).
FORMS = ("SelectQuery", "AskQuery")
MAX_BODY = 1 << 20
PATHS = ("/", "/sparql", "/query")


class ServerRefused(Exception):
    """A server that must not start as configured (e.g. a public address without --allow-remote)."""


@dataclass(frozen=True)
class EndpointConfig:
    """What every request needs: where the store is and how far a query may go."""

    store: str
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 2


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _text(status: HTTPStatus, message: str, **headers: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), headers)


# --------------------------------------------------------------------------- running a query


class QueryRunner:
    """Runs checked queries in killable worker processes, a bounded number at a time."""

    def __init__(self, config: EndpointConfig) -> None:
        self.config = config
        self._slots = threading.BoundedSemaphore(config.workers)
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(["kg.server"])

    def run(self, text: str, accept: str) -> Response:
        try:
            form = check_query(text)
        except QueryRefused as exc:
            return _text(HTTPStatus.BAD_REQUEST, f"query refused: {exc}")
        if form not in FORMS:
            return _text(HTTPStatus.BAD_REQUEST,
                         f"query refused: only SELECT and ASK are answered here (got {form})")
        fmt = "csv" if _wants_csv(accept) and form == "SelectQuery" else "json"
        if not self._slots.acquire(timeout=self.config.timeout):
            return _text(HTTPStatus.SERVICE_UNAVAILABLE, "busy: every query worker is in use; retry later",
                         **{"Retry-After": "1"})
        try:
            return self._in_worker(text, form, fmt)
        finally:
            self._slots.release()

    def _in_worker(self, text: str, form: str, fmt: str) -> Response:
        receive, send = self._ctx.Pipe(duplex=False)
        worker = self._ctx.Process(target=_worker, args=(self.config.store, text, form, fmt,
                                                         self.config.max_rows, send), daemon=True)
        worker.start()
        send.close()
        try:
            if not receive.poll(self.config.timeout):
                return _text(HTTPStatus.SERVICE_UNAVAILABLE,
                             f"query timed out after {self.config.timeout:g} s and was stopped "
                             "(server --timeout); add a LIMIT or make the pattern more selective")
            outcome = receive.recv()
        except EOFError:
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR, "the query worker died without an answer")
        finally:
            if worker.is_alive():
                worker.kill()
            worker.join()
            receive.close()
        kind, payload, rows, truncated = outcome
        if kind == "error":
            return _text(HTTPStatus.BAD_REQUEST, f"query failed: {payload}")
        headers = {"X-Result-Rows": str(rows), "X-Result-Truncated": "true" if truncated else "false"}
        content_type = f"{CSV_RESULTS}; charset=utf-8" if fmt == "csv" else JSON_RESULTS
        return Response(HTTPStatus.OK, content_type, payload, headers)


def _wants_csv(accept: str) -> bool:
    """CSV only when asked for and JSON is not also acceptable; JSON is the default."""
    kinds = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    return CSV_RESULTS in kinds and JSON_RESULTS not in kinds


def _worker(store: str, text: str, form: str, fmt: str, max_rows: int, conn: Connection) -> None:
    """Child process: open the store read-only, answer, send (kind, bytes, rows, truncated)."""
    try:
        with open_store(store, read_only=True) as graph:
            if form == "AskQuery":
                body = json.dumps({"head": {}, "boolean": graph.ask(text)}).encode("utf-8")
                conn.send(("ok", body, 1, False))
                return
            rows_iter = getattr(graph, "iter_select", graph.select)(text)
            rows = list(islice(rows_iter, max_rows + 1))
            truncated = len(rows) > max_rows
            rows = rows[:max_rows]
            variables = list(rows[0]) if rows else projection(text)
            body = (format_rows(variables, rows, "csv") if fmt == "csv"
                    else sparql_json(variables, rows)).encode("utf-8")
            conn.send(("ok", body, len(rows), truncated))
    except Exception as exc:  # noqa: BLE001 - any engine error is the client's query failing; report it
        conn.send(("error", f"{type(exc).__name__}: {exc}", 0, False))
    finally:
        conn.close()


# --------------------------------------------------------------------------- HTTP

_READ_ONLY = _text(HTTPStatus.FORBIDDEN, "updates are not allowed: the endpoint is read-only")


class _Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol, query operation only: GET ?query=, POST sparql-query or form."""

    server: "SparqlServer"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        if url.path not in PATHS:
            return self._send(_text(HTTPStatus.NOT_FOUND, f"no such path; query at {PATHS[1]}?query=..."))
        self._answer(parse_qs(url.query, keep_blank_values=True))

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in PATHS:
            return self._send(_text(HTTPStatus.NOT_FOUND, f"no such path; query at {PATHS[1]}"))
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            return self._send(_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body over {MAX_BODY} bytes"))
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return self._send(_READ_ONLY)
        if ctype == "application/sparql-query":
            params = parse_qs(url.query, keep_blank_values=True)
            params["query"] = [body]
            return self._answer(params)
        if ctype == "application/x-www-form-urlencoded":
            return self._answer(parse_qs(body, keep_blank_values=True))
        self._send(_text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                         "POST application/sparql-query, or a form with query="))

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            return self._send(_READ_ONLY)
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return self._send(_text(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not "
                                    "supported: queries run over the union of the store's graphs"))
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._send(_text(HTTPStatus.BAD_REQUEST, "give exactly one query: ?query=SELECT ..."))
        self._send(self.server.runner.run(queries[0], self.headers.get("Accept") or ""))

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        log.info("%s %s", self.address_string(), format % args)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], runner: QueryRunner) -> None:
        self.runner = runner
        super().__init__(address, _Handler)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(config: EndpointConfig, host: str = "127.0.0.1", port: int = 7878,
                allow_remote: bool = False) -> SparqlServer:
    """A bound, not yet serving server (port 0 picks a free port: see `server_address`)."""
    if not is_loopback(host) and not allow_remote:
        raise ServerRefused(f"--host {host} is not a loopback address; anyone who can reach it could "
                            "read the whole graph. Pass --allow-remote if that is intended")
    if not Path(config.store).is_dir():
        raise StoreError(f"{config.store}: no store here (run `kg build PATH --store {config.store}` first)")
    open_store(config.store, read_only=True).close()  # fail now, not on the first query
    if not is_loopback(host):
        log.warning("serving on %s: the endpoint is reachable from other machines", host)
    return SparqlServer((host, port), QueryRunner(config))

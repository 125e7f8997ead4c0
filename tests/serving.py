"""A real `kg serve` endpoint for tests: a store on disk, the server on 127.0.0.1 with a free port
(port 0) in a thread, plain HTTP calls with the standard library."""
from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pyoxigraph as ox

from extract.records import Directorship, Officer
from kg.server import EndpointConfig, make_server
from kg.store import OxigraphStore
from tests.factories import board, ev, every_type, meta
from tests.test_graphview import load

HOSTILE = '<script>alert("x")</script> \'quoted\' "double" \u202eevil\u202c & <b>bold</b>'
HOSTILE_DOC = "hostile-2026"
HOSTILE_ISSUER = 'Evil <img src=x onerror=alert(1)> "Holdings" \u202eLimited'


def build_store(path: Path) -> Path:
    """A store of two ordinary filings and one whose text is hostile (script tags, quotes, RTL override)."""
    store = OxigraphStore(path)
    hostile = [Directorship(company=HOSTILE_ISSUER, person=HOSTILE, role="executive", as_of="2026-05-01",
                            evidence=ev(doc=HOSTILE_DOC, quote=f"Mr. {HOSTILE} is appointed.")),
               Officer(company=HOSTILE_ISSUER, person=HOSTILE, title="chairman", as_of="2026-05-01",
                       evidence=ev(doc=HOSTILE_DOC, quote=f"{HOSTILE} chairs the board."))]
    load(store, (meta(), every_type()), (meta("acme-q2", date="2026-06-30"), board("acme-q2", "2026-06-30")),
         (meta(HOSTILE_DOC, issuer=HOSTILE_ISSUER, date="2026-05-01"), hostile))
    store.close()
    return path


def digest(path: Path) -> str:
    """A fingerprint of everything in the store (sorted N-Quads), to show a server left it unchanged."""
    store = ox.Store.read_only(str(path))
    lines = sorted(str(q) for q in store.quads_for_pattern(None, None, None, None))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


@contextmanager
def serving(config: EndpointConfig) -> Iterator[str]:
    """The server's base URL (http://127.0.0.1:PORT) while it runs."""
    server = make_server(config, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


def call(request: Request | str, timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    try:
        with urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except HTTPError as error:
        return error.code, dict(error.headers), error.read()


def get(url: str, query: str | None = None, accept: str | None = None, method: str = "GET",
        **headers: str) -> tuple[int, dict[str, str], bytes]:
    target = f"{url}?{urlencode({'query': query})}" if query is not None else url
    request = Request(target, method=method, headers=headers)
    if accept:
        request.add_header("Accept", accept)
    return call(request)


def post(url: str, body: str, content_type: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = {"Content-Type": content_type}
    if accept:
        headers["Accept"] = accept
    return call(Request(url, data=body.encode("utf-8"), headers=headers, method="POST"))

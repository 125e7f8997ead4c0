"""The endpoint under pressure: a full queue gets 503 at once, slow clients are cut off and never hold
a query worker, and a worker killed on time-out is replaced. Loopback only, bounded in count and time."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.server import EndpointConfig
from kg.store import OxigraphStore
from tests.factories import board, meta
from tests.serving import build_store, get, serving
from tests.test_graphview import load

CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ASK = "ASK { ?s ?p ?o }"
CLIENT_TIMEOUT = 1


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("limits") / "store")


@pytest.fixture(scope="module")
def one_worker(store_path: Path) -> Iterator[str]:
    """One query worker, one waiting place, short time and client limits."""
    config = EndpointConfig(str(store_path), timeout=2.0, workers=1, queue=1, client_timeout=CLIENT_TIMEOUT)
    with serving(config) as url:
        yield url


def test_a_full_queue_is_answered_503_at_once(one_worker: str) -> None:
    outcomes: list[tuple[int, float, dict[str, str], bytes]] = []

    def slow_query() -> None:
        started = time.monotonic()
        status, headers, body = get(one_worker + "/sparql", CROSS_JOIN)
        outcomes.append((status, time.monotonic() - started, headers, body))

    threads = [threading.Thread(target=slow_query) for _ in range(5)]
    for t in threads:
        t.start()
        time.sleep(0.05)
    for t in threads:
        t.join(timeout=30)
    busy = [o for o in outcomes if b"busy" in o[3]]
    timed_out = [o for o in outcomes if b"timed out" in o[3]]
    assert len(busy) == 3 and len(timed_out) == 2  # one ran, one waited, three were turned away
    assert all(o[0] == 503 and o[2]["Retry-After"] == "1" and o[1] < 1.0 for o in busy)
    assert all(o[0] == 503 for o in timed_out)
    assert get(one_worker + "/sparql", ASK)[0] == 200  # a fresh worker took the killed one's place


def slow_socket(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def closed_by_server(sock: socket.socket, within: float) -> bool:
    """True when the server closes the connection (or sends an error and closes) within `within` s."""
    sock.settimeout(within)
    try:
        while sock.recv(4096):
            pass
        return True
    except (TimeoutError, socket.timeout):
        return False
    except ConnectionResetError:
        return True


def test_a_client_that_stops_sending_is_cut_off_and_holds_no_worker(one_worker: str) -> None:
    stalled = [slow_socket(one_worker) for _ in range(10)]
    for i, sock in enumerate(stalled):
        # half a request line, half a header block, half a body
        part = [b"GET /sparql?query=ASK", b"GET /sparql HTTP/1.1\r\nHost: x\r\n",
                b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                b"Content-Length: 100\r\n\r\nASK {"][i % 3]
        sock.sendall(part)
    started = time.monotonic()
    assert get(one_worker + "/sparql", ASK)[0] == 200  # the only worker is free
    assert time.monotonic() - started < 1.0
    for sock in stalled:
        assert closed_by_server(sock, CLIENT_TIMEOUT + 4)
        sock.close()


def test_a_client_that_trickles_its_request_is_cut_off(one_worker: str) -> None:
    sock = slow_socket(one_worker)
    request = b"GET /sparql?query=ASK%20%7B%3Fs%20%3Fp%20%3Fo%7D HTTP/1.1\r\nHost: x\r\n" + b"X-Pad: a\r\n" * 50
    started = time.monotonic()
    cut = False
    for i in range(len(request)):
        try:
            sock.sendall(request[i:i + 1])
        except (BrokenPipeError, ConnectionResetError):
            cut = True
            break
        sock.settimeout(0.15)
        try:
            if sock.recv(4096) == b"":
                cut = True
                break
        except (TimeoutError, socket.timeout):
            pass
        if time.monotonic() - started > CLIENT_TIMEOUT + 6:
            break
    sock.close()
    assert cut, "a client sending a byte every 0.15 s was never cut off"
    assert time.monotonic() - started < CLIENT_TIMEOUT + 6


def test_workers_see_a_build_that_ran_after_the_server_started(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    load(store, (meta(), board()))
    store.close()
    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    with serving(EndpointConfig(str(path), workers=1)) as url:
        assert b'"value":"1"' in get(url + "/sparql", count)[2]
        writer = OxigraphStore(path)  # a build, beside the running server
        load(writer, (meta("acme-q2", date="2026-06-30"), board("acme-q2", "2026-06-30")))
        writer.close()
        assert b'"value":"2"' in get(url + "/sparql", count)[2]

"""A real Oxigraph SPARQL server on loopback (the `oxigraph` package's binary), for the remote-store tests."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests


@dataclass(frozen=True)
class Endpoints:
    """Oxigraph's endpoint paths: /query (SPARQL Protocol), /update, /store (Graph Store Protocol)."""

    base: str
    location: Path

    @property
    def query(self) -> str:
        return f"{self.base}/query"

    @property
    def update(self) -> str:
        return f"{self.base}/update"

    @property
    def data(self) -> str:
        return f"{self.base}/store"


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not found:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph, in the test extra)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oxigraph_server(location: Path) -> Iterator[Endpoints]:
    """`oxigraph serve` on a free loopback port, with the union of the graphs as default graph."""
    port = _free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    endpoints = Endpoints(f"http://127.0.0.1:{port}", location)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(endpoints.query, params={"query": "ASK {}"}, timeout=1)
                break
            except requests.ConnectionError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not start: {proc.stderr.read().decode()[:500]}")
                time.sleep(0.05)
        yield endpoints
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

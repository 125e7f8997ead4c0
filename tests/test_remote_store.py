"""`--store URL`: a build into a real SPARQL server (Oxigraph on loopback) holds exactly the facts of
the embedded store, the quads live in the server, and queries are answered by it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from kg.cli import main
from kg.sparql_store import ENV_DATA_URL, ENV_UPDATE_URL
from kg.store import OxigraphStore
from tests.conftest import DEV, SEEDS
from tests.oxigraph_server import oxigraph_server


@pytest.mark.parametrize("write_env", [ENV_DATA_URL, ENV_UPDATE_URL])
def test_build_into_a_server_gives_the_embedded_facts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], write_env: str) -> None:
    monkeypatch.chdir(tmp_path)  # a store wrongly opened as a folder would appear here
    local = tmp_path / "local"
    assert main(["build", str(SEEDS), str(DEV), "--store", str(local), "--quiet", "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["facts", "--store", str(local)]) == 0
    embedded_facts = sorted(capsys.readouterr().out.splitlines())
    with OxigraphStore(local, read_only=True) as s:
        embedded_quads = len(s)

    with oxigraph_server(tmp_path / "server") as server:
        monkeypatch.setenv(write_env, server.data if write_env == ENV_DATA_URL else server.update)
        assert main(["build", str(SEEDS), str(DEV), "--store", server.query, "--quiet", "--jobs", "1"]) == 0
        out = capsys.readouterr().out
        assert f"store: {server.query} ({embedded_quads} quads" in out
        assert main(["facts", "--store", server.query]) == 0
        assert sorted(capsys.readouterr().out.splitlines()) == embedded_facts
        # A second build finds every document unchanged, in the server.
        assert main(["build", str(SEEDS), "--store", server.query, "--quiet"]) == 0
        assert "5 unchanged" in capsys.readouterr().out
        # Another client sees the quads in the server.
        client = SPARQLStore(server.query, returnFormat="json")
        count = next(iter(client.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))[0]
        assert int(count) == embedded_quads
        assert main(["query", "--store", server.query, "--named", "board-as-of", "--param",
                     "issuer=JL MAG RARE-EARTH CO., LTD.", "--param", "date=2026-07-31", "--format", "csv"]) == 0
        assert "Cao Ying" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["local", "server"]
    assert any((tmp_path / "server").iterdir())  # the server's own folder holds the data


def test_no_write_endpoint_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(ENV_DATA_URL, raising=False)
    monkeypatch.delenv(ENV_UPDATE_URL, raising=False)
    with oxigraph_server(tmp_path / "server") as server:
        # a store that cannot be written stops the batch (nothing after it could be stored either)
        assert main(["build", str(SEEDS / "000_09aeede0f8403aa4.txt"), "--store", server.query, "--quiet"]) == 2
        captured = capsys.readouterr()
        assert ENV_DATA_URL in captured.out + captured.err


def test_unreachable_server_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--store", "http://127.0.0.1:9/query"]) == 2
    assert "cannot reach the SPARQL server" in capsys.readouterr().err
    assert not os.path.exists("http:")

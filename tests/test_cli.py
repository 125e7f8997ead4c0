"""The `kg` commands, run in-process on the documents copied into tests/data."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.cli import main
from tests.conftest import GOLD, SEEDS


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    assert main(["build", str(SEEDS), "--store", str(store), "--quiet"]) == 0
    return store


def test_build_summary_and_idempotence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    store = tmp_path / "store"
    assert main(["build", str(docs), "--store", str(store), "--quiet"]) == 0
    first = capsys.readouterr().out
    assert "5 read, 5 built" in first and "directorship" in first
    assert main(["export", "--store", str(store), "--format", "nq", "-o", str(tmp_path / "a.nq")]) == 0
    assert main(["build", str(docs), "--store", str(store), "--quiet"]) == 0
    assert "5 unchanged" in capsys.readouterr().out
    assert main(["export", "--store", str(store), "--format", "nq", "-o", str(tmp_path / "b.nq")]) == 0
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()


def test_changed_file_replaces_its_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "docs" / "001_03eefbf543856c93.txt"
    doc.parent.mkdir()
    shutil.copy(SEEDS / doc.name, doc)
    store = tmp_path / "store"
    main(["build", str(doc.parent), "--store", str(store), "--quiet"])
    text = doc.read_text(encoding="utf-8").replace("Mr. Yuan Taifang", "Ms. Lin Xiaomei")
    doc.write_text(text, encoding="utf-8")
    assert main(["build", str(doc.parent), "--store", str(store), "--quiet"]) == 0
    capsys.readouterr()
    main(["facts", "--store", str(store)])
    people = {json.loads(line).get("person") for line in capsys.readouterr().out.splitlines()}
    assert "Lin Xiaomei" in people and "Yuan Taifang" not in people


def test_bad_file_is_reported_and_batch_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS / "000_09aeede0f8403aa4.txt", docs)
    (docs / "broken.txt").write_bytes(b"\xff\xfe\x00\x00\x00garbage\x00\x00")
    (docs / "empty.md").write_text("   \n", encoding="utf-8")
    assert main(["build", str(docs), "--store", str(tmp_path / "s"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "1 built" in out and "2 errors" in out
    assert "broken.txt" in out and "empty.md: empty document" in out


def test_nothing_readable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "missing"), "--store", str(tmp_path / "s"), "--quiet"]) == 2
    assert "no such file or directory" in capsys.readouterr().out


def test_facts_and_evaluate_on_seeds(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "facts.jsonl"
    assert main(["facts", "--store", str(built), "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines and all({"type", "doc"} <= set(line) for line in lines)
    capsys.readouterr()
    assert main(["evaluate", str(GOLD / "seeds.jsonl"), "--facts", str(out), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    for fact_type in ("directorship", "officer", "listing"):
        assert scores[fact_type]["f1"] == 1.0, fact_type
    assert main(["evaluate", str(GOLD / "seeds.jsonl"), "--store", str(built)]) == 0
    assert "ALL" in capsys.readouterr().out


def test_evaluate_bad_gold_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"type": "directorship", "doc": "x"}\nnot json\n', encoding="utf-8")
    assert main(["evaluate", str(bad), "--facts", str(bad)]) == 2
    assert "gold.jsonl:2" in capsys.readouterr().err


def test_named_query(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--store", str(built), "--named", "board-as-of", "--param",
                 "issuer=JL MAG Rare-Earth Co., Ltd.", "--param", "date=2026-07-31", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert len(rows) == 1 + 8 and any("Cao Ying" in r and "independent_non_executive" in r for r in rows)


def test_query_refusals_exit_2(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--store", str(built), "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"]) == 2
    assert main(["query", "--store", str(built), "DROP ALL"]) == 2
    assert main(["query", "--store", str(built), "--named", "nope"]) == 2
    assert "refused" in capsys.readouterr().err


def test_query_file(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/hk-governance/ontology#Directorship> }",
                  encoding="utf-8")
    assert main(["query", str(rq), "--store", str(built), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert int(result["results"]["bindings"][0]["n"]["value"]) == 9 + 9 + 8 + 8


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq", "jsonld"])
def test_export_formats(built: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    assert main(["export", "--store", str(built), "--format", fmt, "-o", str(out)]) == 0
    assert out.stat().st_size > 1000


def test_validate_passes_on_built_graph(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--store", str(built)]) == 0
    assert "Conforms: True" in capsys.readouterr().out


def test_missing_store_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--store", str(tmp_path / "nothing")]) == 2
    assert "no store here" in capsys.readouterr().err

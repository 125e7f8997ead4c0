"""Filing metadata: manifest rows read or refused line by line; metadata fills what the text does
not state, the text wins where both do (and the disagreement is a finding)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from extract.identity import read_meta
from extract.records import Announcement, FilingMetadata
from extract.run import extract_announcement
from kg.build import build
from kg.cli import main
from kg.manifest import read_manifest
from kg.mapping import document_iri
from kg.store import MemoryStore
from tests.conftest import DATA

MANIFEST_DIR = DATA / "manifest"
REPORT = "report__capital-vc__nodate"
POLL = "poll__shenzhen-investment__2019-05-29"


def _write(folder: Path, text: str) -> Path:
    path = folder / "manifest.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_real_manifest_rows(tmp_path: Path) -> None:
    manifest = read_manifest(MANIFEST_DIR / "manifest.csv")
    assert manifest.errors == []
    poll = manifest.get(MANIFEST_DIR / f"{POLL}.txt")
    assert poll == FilingMetadata(issuer="Shenzhen Investment Limited", stock_code="00604", exchange="HKEX",
                                  date="2019-05-29", title="Poll Results of Annual General Meeting",
                                  source=f"{MANIFEST_DIR / 'manifest.csv'}:2")
    assert manifest.get(MANIFEST_DIR / f"{REPORT}.txt").date is None


def test_bad_rows_are_errors_naming_file_and_line(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    path = _write(tmp_path, "file,issuer,date,colour\n"
                            "a.txt,Acme Limited,2024-01-31,red\n"
                            ",Nobody Limited,,\n"
                            "missing.txt,Ghost Limited,,\n"
                            "b.txt,Beta Limited,31/01/2024,\n"
                            "a.txt,Acme again,,\n"
                            "c.txt,Gamma Limited,2024-02-29,\n")
    manifest = read_manifest(path)
    errors = "\n".join(manifest.errors)
    assert f"{path}:1: unknown column(s) 'colour'" in errors
    assert f"{path}:3: no file named" in errors
    assert f"{path}:4: missing.txt: no such file" in errors
    assert f"{path}:5: bad date '31/01/2024' (expected YYYY-MM-DD)" in errors
    assert f"{path}:6: a.txt is already described on {path}:2" in errors
    assert len(manifest.errors) == 5
    assert {p.name for p in manifest.rows} == {"a.txt", "c.txt"}  # the good rows still count
    assert manifest.get(tmp_path / "a.txt").issuer == "Acme Limited"


def test_manifest_without_file_column(tmp_path: Path) -> None:
    manifest = read_manifest(_write(tmp_path, "name,issuer\na.txt,Acme\n"))
    assert manifest.rows == {} and "no 'file' column" in manifest.errors[0]


COVER = ("ACME WIDGETS CO., LTD.\n(Stock Code: 01234)\nANNOUNCEMENT OF POLL RESULTS\n"
         "The board of directors of Acme Widgets Co., Ltd. (the \"Company\") announces ...\n"
         "By order of the Board\nAcme Widgets Co., Ltd.\nHong Kong, 31 March 2026\n")


def _ann(text: str, filing: FilingMetadata | None) -> Announcement:
    return Announcement("t", "t.txt", text, "0" * 64, "utf-8", filing=filing)


def test_metadata_fills_only_what_the_text_leaves_unstated() -> None:
    filing = FilingMetadata(issuer="Orchid Bay Holdings Limited", issuer_zh="蘭灣控股有限公司", stock_code="08888",
                            exchange="HKEX", date="2025-04-30", title="Annual Report 2024",
                            url="https://example.org/a.pdf", source="m.csv:2")
    meta = read_meta(_ann("Corporate Information\nExecutive Directors\nMr. Chan Tai Man\n", filing))
    assert (meta.issuer, meta.issuer_zh, meta.stock_codes, meta.date) == (
        "Orchid Bay Holdings Limited", "蘭灣控股有限公司", ("08888",), "2025-04-30")
    assert meta.title == meta.headline == "Annual Report 2024" and meta.kind == "report"
    assert meta.url == "https://example.org/a.pdf"
    stated = read_meta(_ann(COVER, filing))
    assert stated.issuer == "Acme Widgets Co., Ltd." and stated.stock_codes == ("01234",)
    assert stated.date == "2026-03-31" and stated.title == "ANNOUNCEMENT OF POLL RESULTS"
    assert stated.headline == "Annual Report 2024"


def test_disagreements_are_findings_quoting_the_text() -> None:
    filing = FilingMetadata(issuer="Other Company Limited", stock_code="9999", exchange="HKEX",
                            date="2026-04-01", source="m.csv:7")
    facts = [f for f in extract_announcement(_ann(COVER, filing)).facts if f.TYPE == "finding"]
    by_check = {f.check: f for f in facts}
    assert set(by_check) == {"filing_metadata_issuer", "filing_metadata_stock_code", "filing_metadata_date"}
    assert by_check["filing_metadata_stock_code"].evidence.quote == "01234"
    assert "m.csv:7 gives '9999'" in by_check["filing_metadata_stock_code"].message
    assert by_check["filing_metadata_date"].evidence.quote == "31 March 2026"
    assert by_check["filing_metadata_issuer"].company == "Acme Widgets Co., Ltd."


def test_same_values_spelt_differently_are_no_finding() -> None:
    filing = FilingMetadata(issuer="Acme Widgets Company Limited", stock_code="1234", exchange="HKEX",
                            date="2026-03-31", title="Poll results", source="m.csv:2")
    assert not [f for f in extract_announcement(_ann(COVER, filing)).facts if f.TYPE == "finding"]


def test_build_reads_the_folder_manifest(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(MANIFEST_DIR, docs)
    lines = (docs / "manifest.csv").read_text(encoding="utf-8").splitlines()
    lines[0] += ",url"
    lines = [lines[0]] + [line + f",https://example.org/{i}.pdf" for i, line in enumerate(lines[1:])]
    (docs / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = MemoryStore()
    report = build([str(docs)], store)
    assert report.errors == [] and report.built == 3
    rows = store.select("SELECT ?c WHERE { ?f <https://w3id.org/hk-governance/ontology#company> ?o ; "
                        "<http://www.w3.org/ns/prov#wasDerivedFrom> ?d . ?o <http://www.w3.org/2004/02/skos/core#prefLabel> ?c }",
                        {"d": document_iri(REPORT)})
    assert {str(r["c"]) for r in rows} == {"Capital VC Limited"}  # the page never names its issuer
    doc = store.select("SELECT ?d ?url ?alt WHERE { ?d <https://schema.org/url> ?url ; "
                       "<http://purl.org/dc/terms/alternative> ?alt }", {"d": document_iri(POLL)})
    assert [(str(r["url"]), str(r["alt"])) for r in doc] == [
        ("https://example.org/0.pdf", "Poll Results of Annual General Meeting")]
    # Without its manifest the same page yields no fact of its issuer.
    bare = tmp_path / "bare"
    bare.mkdir()
    shutil.copy(docs / f"{REPORT}.txt", bare)
    alone = MemoryStore()
    assert build([str(bare)], alone).facts.get("officer", 0) == 0


def test_changed_manifest_row_rebuilds_an_unchanged_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(MANIFEST_DIR / f"{REPORT}.txt", docs)
    _write(docs, f"file,issuer\n{REPORT}.txt,Capital VC Limited\n")
    store = str(tmp_path / "s")
    assert main(["build", str(docs), "--store", store, "--quiet"]) == 0
    assert main(["build", str(docs), "--store", store, "--quiet"]) == 0
    assert "1 unchanged" in capsys.readouterr().out
    _write(docs, f"file,issuer\n{REPORT}.txt,Capital Venture Limited\n")
    assert main(["build", str(docs), "--store", store, "--quiet"]) == 0
    assert "1 built" in capsys.readouterr().out


def test_explicit_manifest_and_its_errors_in_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(MANIFEST_DIR / f"{REPORT}.txt", docs)
    elsewhere = tmp_path / "index"
    elsewhere.mkdir()
    manifest = _write(elsewhere, f"file,issuer,date\n../docs/{REPORT}.txt,Capital VC Limited,\n"
                                 f"../docs/{REPORT}.txt,Capital VC Limited,2016-13-01\n")
    assert main(["build", str(docs), "--manifest", str(manifest), "--store", str(tmp_path / "s"),
                 "--quiet", "--report", str(tmp_path / "r.jsonl")]) == 0
    out = capsys.readouterr().out
    assert f"error: {manifest}:3: bad date '2016-13-01'" in out and "1 built" in out
    line = json.loads((tmp_path / "r.jsonl").read_text(encoding="utf-8"))
    assert line["status"] == "built" and line["facts"].get("officer") == 1

"""`kg build --report`: one JSON line per document, so the files the tool could not read are found."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from kg.cli import main
from tests.conftest import DEV

MEXAN = "poll__mexan__2019-09-06"  # poll results of an issuer the document never names


def _lines(path: Path) -> dict[str, dict]:
    return {line["doc"]: line for line in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_report_lines(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(DEV / f"{MEXAN}.txt", docs)
    shutil.copy(DEV / "board__dke-holding__2026-07-08.txt", docs)
    (docs / "nothing.txt").write_text("Minutes of a staff outing.\nWe went to the beach.\n", encoding="utf-8")
    (docs / "broken.txt").write_bytes(b"\xff\xfe\x00\x00\x00garbage\x00\x00")
    report = tmp_path / "out" / "report.jsonl"
    store = str(tmp_path / "s")
    assert main(["build", str(docs), "--store", store, "--quiet", "--report", str(report)]) == 0
    lines = _lines(report)
    assert set(lines) == {MEXAN, "board__dke-holding__2026-07-08", "nothing", "broken"}

    board = lines["board__dke-holding__2026-07-08"]
    assert board["status"] == "built" and board["path"] == str(docs / "board__dke-holding__2026-07-08.txt")
    assert board["facts"]["directorship"] >= 3 and board["families"]["directorship"] == board["facts"]["directorship"]
    assert board["fact_count"] == sum(board["facts"].values())

    nothing = lines["nothing"]
    assert nothing["status"] == "built" and nothing["fact_count"] == 0 and nothing["facts"] == {}

    mexan = lines[MEXAN]
    skip = next(s for s in mexan["skipped"] if s["family"] == "meetings")
    assert skip["reason"] == "poll results of an issuer the document never names"
    text = (docs / f"{MEXAN}.txt").read_text(encoding="utf-8")
    assert 0 <= skip["start"] < skip["end"] <= len(text)

    broken = lines["broken"]
    assert broken["status"] == "error" and str(docs / "broken.txt") in broken["error"]

    assert main(["build", str(docs), "--store", store, "--quiet", "--report", str(report)]) == 0
    again = _lines(report)
    assert again[MEXAN]["status"] == again["nothing"]["status"] == "unchanged"
    assert again["broken"]["status"] == "error"

"""Building on every core: the same graph whatever the number of workers, progress shown, Ctrl-C
stops cleanly with what was finished stored, oversized files refused."""
from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from kg.build import build
from kg.cli import main
from kg.derive import DERIVED_GRAPH
from kg.store import MemoryStore, OxigraphStore
from tests.conftest import DEV, SEEDS

ROOT = Path(__file__).resolve().parent.parent


def _copies(folder: Path, n: int) -> Path:
    """`n` filings: the dev and seed documents under distinct names, cycled."""
    folder.mkdir(parents=True)
    sources = sorted(DEV.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        src = sources[i % len(sources)]
        shutil.copy(src, folder / f"{i:04d}_{src.name}")
    return folder


def test_two_workers_build_the_same_graph_as_one(tmp_path: Path) -> None:
    exports = []
    for jobs in (1, 2):
        store = OxigraphStore(tmp_path / f"s{jobs}")
        report = build([str(DEV)], store, jobs=jobs)
        assert report.jobs == jobs and report.built == len(list(DEV.glob("*.txt"))) and not report.errors
        exports.append(sorted(store.serialize("nq").splitlines()))
        store.close()
    assert exports[0] == exports[1]


def test_plain_progress_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    build([str(SEEDS)], MemoryStore(), progress=stream, progress_interval=0.0)
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("kg build: 1/5 files (20%)") and "\r" not in stream.getvalue()
    assert lines[-1].startswith("kg build: 5/5 files (100%)")
    assert all(" facts, 0 errors, " in line and "files/s, ETA " in line for line in lines)


def test_oversized_file_is_an_error_naming_it(tmp_path: Path, capsys) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS / "000_09aeede0f8403aa4.txt", docs)
    big = docs / "huge.txt"
    big.write_text("The Board comprises many directors. " * 60_000, encoding="utf-8")  # 2.2 MB
    assert main(["build", str(docs), "--store", str(tmp_path / "s"), "--quiet", "--max-size", "2"]) == 0
    out = capsys.readouterr().out
    assert f"error: {big}: 2.2 MB of text, over the limit of 2.0 MB" in out and "1 built" in out


def test_ctrl_c_stores_what_was_finished(tmp_path: Path) -> None:
    docs = _copies(tmp_path / "docs", 80)
    store, report = tmp_path / "store", tmp_path / "report.jsonl"
    cmd = [sys.executable, "-m", "kg", "build", str(docs), "--store", str(store), "--jobs", "2",
           "--report", str(report)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if report.exists() and len(report.read_text(encoding="utf-8").splitlines()) >= 10:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the build ended before it could be interrupted"
    os.kill(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted:" in out and "stopping after the documents in flight" in err
    built = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert 10 <= len(built) < 80 and all(line["status"] == "built" for line in built)
    with OxigraphStore(store, read_only=True) as s:  # every reported document is stored, whole
        assert len([g for g in s.graphs() if g != DERIVED_GRAPH]) == len(built)  # and the derived graph
    # The next build reads only the rest.
    done = subprocess.run(cmd[:-2] + ["--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and f"{len(built)} unchanged" in done.stdout
    assert f"{80 - len(built)} built" in done.stdout

"""Real faults against the `kg build` command line: SIGKILL mid-batch, two builds on one store, a full
disk, a read-only store directory. Every check compares the store with an uninterrupted build of the
same filings, graph by graph.

How each fault is provoked:
- SIGKILL: `kg build` runs as a subprocess on a few hundred generated filings; the test watches the
  store (opening it read-only beside the writer, as `kg query` would) and kills the build (its process
  group: the build and its extraction workers) once it holds a given number of graphs, at several points
  of the batch and once at its very end.
- Two builds: the first is stopped (SIGSTOP) while it holds the writer lock mid-batch, so the
  second certainly runs while the first is active; then the first goes on (SIGCONT).
- Full disk: a real ENOSPC from a 2 MB tmpfs mounted inside a user and mount namespace
  (`unshare --user --map-root-user --mount`), then the same filesystem grown (remount) and the
  build run again. Where namespaces are not allowed the test is skipped, saying so; the store layer's
  handling of the same error is also tested with an injected OSError (tests/test_store_errors.py).
- Read-only: the store directory bind-mounted read-only in such a namespace (root ignores file
  modes, so `chmod` alone would prove nothing when the tests run as root); as another user, chmod.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.filings import write_batch
from tests.storedump import graph_count, graphs_of

BATCH = 300
REPO = Path(__file__).resolve().parent.parent


def kg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout)


def start_build(folder: Path, store: Path) -> subprocess.Popen[str]:
    """`kg build` in a process group of its own, so that a signal reaches it and its extraction workers."""
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(folder), "--store", str(store), "--quiet"],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def signal_build(build: subprocess.Popen[str], signum: int) -> None:
    """Signal the build and its workers. (Killing only the parent leaves the extraction pool's
    forkserver and workers running as orphans, holding the build's output pipes.)"""
    os.killpg(build.pid, signum)


def assert_whole(stored: dict[str, frozenset[str]], reference: dict[str, frozenset[str]]) -> None:
    """Each stored graph is exactly what the uninterrupted build made of that filing."""
    assert set(stored) <= set(reference)
    broken = [g for g, triples in stored.items() if triples != reference[g]]
    assert broken == [], f"{len(broken)} graphs differ from an uninterrupted build, e.g. {broken[:2]}"


@dataclass
class Batch:
    folder: Path
    store: Path  # built without interruption
    reference: dict[str, frozenset[str]]  # its graphs


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("faults")
    write_batch(root / "filings", BATCH)
    result = kg("build", str(root / "filings"), "--store", str(root / "reference"), "--quiet")
    assert result.returncode == 0, result.stderr
    reference = graphs_of(root / "reference")
    assert len(reference) == BATCH and all(len(t) > 20 for t in reference.values())
    return Batch(root / "filings", root / "reference", reference)


def test_sigkill_at_several_points_leaves_whole_graphs_and_a_rerun_completes(batch: Batch,
                                                                              tmp_path: Path) -> None:
    store = tmp_path / "store"
    stored_before = 0
    for target in (1, 100, 200, BATCH):
        build = start_build(batch.folder, store)
        deadline = time.monotonic() + 120
        while build.poll() is None and graph_count(store) < target and time.monotonic() < deadline:
            time.sleep(0.01)
        signal_build(build, signal.SIGKILL)
        build.communicate(timeout=60)
        if target < BATCH:
            assert build.returncode == -signal.SIGKILL, "the build ended before it could be killed"
        stored = graphs_of(store)
        assert_whole(stored, batch.reference)
        assert len(stored) >= max(stored_before, target)
        if target < BATCH:
            assert len(stored) < BATCH
        stored_before = len(stored)
    rerun = kg("build", str(batch.folder), "--store", str(store), "--quiet")
    assert rerun.returncode == 0, rerun.stderr
    assert graphs_of(store) == batch.reference


def test_a_second_build_is_refused_while_the_first_writes(batch: Batch, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = start_build(batch.folder, store)
    try:
        deadline = time.monotonic() + 120
        while first.poll() is None and graph_count(store) < 30 and time.monotonic() < deadline:
            time.sleep(0.01)
        signal_build(first, signal.SIGSTOP)  # mid-batch, holding the lock
        assert first.poll() is None
        second = kg("build", str(batch.folder), "--store", str(store), "--quiet")
        assert second.returncode == 2
        assert f"{store}: store in use: another process (pid {first.pid}) is writing this store" in second.stderr
        # Readers keep working beside the writer: the graphs written so far are there, and whole.
        reader = kg("query", "--store", str(store), "--format", "csv",
                    "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert reader.returncode == 0, reader.stderr
        assert 30 <= int(reader.stdout.splitlines()[1]) < BATCH
    finally:
        signal_build(first, signal.SIGCONT)
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert graphs_of(store) == batch.reference  # the first build, whole; nothing of the second


# --------------------------------------------------------------------------- namespaces for real I/O errors


def _namespaces_work() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                            "d=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs $d && umount $d && rmdir $d"],
                           capture_output=True)
    return probe.returncode == 0


needs_namespaces = pytest.mark.skipif(not _namespaces_work(),
                                      reason="needs unprivileged user and mount namespaces (unshare) "
                                             "to mount a small tmpfs or a read-only bind mount")


def in_namespace(script: str, tmp_path: Path) -> dict[str, object]:
    """Run a Python script as root of a fresh user+mount namespace; it reports back as JSON."""
    path = tmp_path / "scenario.py"
    path.write_text(textwrap.dedent(script), encoding="utf-8")
    report = tmp_path / "report.json"
    done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", sys.executable, str(path),
                           str(report)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(report.read_text(encoding="utf-8"))


SCENARIO_HEAD = f"""
import json, subprocess, sys
sys.path.insert(0, {str(REPO)!r})
from tests.storedump import graphs_of

def sh(*cmd):
    subprocess.run(cmd, check=True)

def kg(*args):
    done = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)
    return {{"rc": done.returncode, "out": done.stdout, "err": done.stderr}}

def dump(store):
    return {{g: sorted(t) for g, t in graphs_of(store).items()}}
"""


@needs_namespaces
def test_a_full_disk_is_a_clear_error_and_a_rerun_completes(batch: Batch, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    report = in_namespace(SCENARIO_HEAD + f"""
disk, folder = {str(disk)!r}, {str(batch.folder)!r}
sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk)
full = kg("build", folder, "--store", disk + "/store", "--quiet")
after_full = dump(disk + "/store")
sh("mount", "-o", "remount,size=256m", disk)
rerun = kg("build", folder, "--store", disk + "/store", "--quiet")
json.dump({{"full": full, "after_full": after_full, "rerun": rerun, "after_rerun": dump(disk + "/store")}},
          open(sys.argv[1], "w"))
""", tmp_path)
    full = report["full"]
    assert full["rc"] == 2
    assert f"kg: {disk}/store: cannot write the store: the disk is full" in full["err"]
    assert "Traceback" not in full["err"]
    after_full = {g: frozenset(t) for g, t in report["after_full"].items()}
    assert 0 < len(after_full) < BATCH
    assert_whole(after_full, batch.reference)
    assert report["rerun"]["rc"] == 0, report["rerun"]["err"]
    assert {g: frozenset(t) for g, t in report["after_rerun"].items()} == batch.reference


@needs_namespaces
def test_a_read_only_store_directory_is_a_clear_error_and_still_readable(batch: Batch,
                                                                         tmp_path: Path) -> None:
    media = tmp_path / "media"
    store = media / "store"
    shutil.copytree(batch.store, store)
    before = graphs_of(store)
    report = in_namespace(SCENARIO_HEAD + f"""
media, folder = {str(media)!r}, {str(batch.folder)!r}
sh("mount", "--bind", media, media)
sh("mount", "-o", "remount,bind,ro", media)
build = kg("build", folder, "--store", media + "/store", "--quiet")
query = kg("query", "--store", media + "/store", "--format", "csv",
           "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
           "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/hk-governance/id/doc/')) }}")
json.dump({{"build": build, "query": query}}, open(sys.argv[1], "w"))
""", tmp_path)
    assert report["build"]["rc"] == 2
    assert (f"kg: {store}: cannot open the store for writing: the directory is on a read-only file system"
            in report["build"]["err"])
    assert report["query"]["rc"] == 0 and report["query"]["out"].splitlines()[1] == str(BATCH)
    assert graphs_of(store) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file modes (the namespace test covers root)")
def test_a_store_directory_without_write_permission_is_a_clear_error(batch: Batch, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(batch.store, store)
    store.chmod(0o555)
    try:
        refused = kg("build", str(batch.folder), "--store", str(store), "--quiet")
    finally:
        store.chmod(0o755)
    assert refused.returncode == 2
    assert f"kg: {store}: cannot open the store for writing: permission denied" in refused.stderr

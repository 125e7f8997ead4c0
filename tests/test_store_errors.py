"""The store layer's errors: one writer at a time, readers beside it, and a failed write (here an
injected ENOSPC; tests/test_faults.py provokes a real one) that stops the batch with a clear message."""
from __future__ import annotations

import errno
from pathlib import Path

import pytest

from kg.build import build
from kg.derive import DERIVED_GRAPH
from kg.store import OxigraphStore, StoreError
from kg.storelock import LOCK_NAME
from tests.filings import write_batch


def test_one_writer_at_a_time_and_readers_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "store"
    writer = OxigraphStore(path)
    with pytest.raises(StoreError, match=r"store in use: another process \(pid \d+\) is writing this store"):
        OxigraphStore(path)
    reader = OxigraphStore(path, read_only=True)
    assert reader.graphs() == []
    writer.close()
    OxigraphStore(path).close()  # released on close
    assert (path / LOCK_NAME).exists()


class FailingWrites:
    """Stands in for Oxigraph's store: the first `ok` updates pass, then the disk is full."""

    def __init__(self, real: object, ok: int) -> None:
        self.real, self.ok = real, ok

    def update(self, text: str) -> None:
        if self.ok == 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.ok -= 1
        self.real.update(text)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)


def test_a_failed_write_stops_the_batch_and_keeps_what_was_stored(tmp_path: Path) -> None:
    files = write_batch(tmp_path / "in", 5)
    path = tmp_path / "store"
    store = OxigraphStore(path)
    store._store = FailingWrites(store._store, ok=3)  # type: ignore[assignment]
    with pytest.raises(StoreError) as failure:
        build([str(tmp_path / "in")], store)
    message = str(failure.value)
    del failure  # its traceback holds the failing store's frames, and so RocksDB's lock
    assert message.startswith(f"{path}: cannot write the store: the disk is full")
    assert "what was stored before is intact" in message
    store.close()  # no flush after a failed write, and the lock is released
    reopened = OxigraphStore(path)
    assert len([g for g in reopened.graphs() if g != DERIVED_GRAPH]) == 3
    report = build([str(tmp_path / "in")], reopened)
    assert (report.built, report.unchanged, report.errors) == (2, 3, [])
    assert len([g for g in reopened.graphs() if g != DERIVED_GRAPH]) == len(files)  # and the derived graph
    reopened.close()

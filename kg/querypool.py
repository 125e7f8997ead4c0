"""A fixed pool of query worker processes: bounded concurrency, a bounded queue, kill on time-out.

Why processes: Oxigraph cannot cancel a running query, so a query past its time limit is stopped by
killing the process that runs it (read-only, so killing it cannot harm the store) and a fresh
worker takes its place. Why a fixed pool of long-lived workers rather than a process per query:
a worker keeps the store open between queries, and reopens it only when the store directory
changed (a build wrote to it), so it answers in milliseconds and still sees every finished build.
Workers come from a forkserver: forking the threaded server is unsafe (RocksDB's background threads
do not survive a fork), spawning an interpreter per worker start is slow.

Admission: at most `workers` queries run and at most `queue` more wait (each for at most twice the
time limit); anything beyond is told to come back later (`Busy`), at once, instead of piling up.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from rdflib.term import Node

from kg.results import BY_NAME, write_result


class Busy(Exception):
    """Every worker is busy and the queue is full (or stayed full too long)."""


class TimedOut(Exception):
    """The query ran past the time limit and its worker was killed."""


class QueryFailed(Exception):
    """The engine rejected or could not evaluate the query; the message is the engine's."""


@dataclass(frozen=True)
class Job:
    """One query for a worker: checked text, the result format's name, bound parameters."""

    text: str
    fmt: str
    bindings: dict[str, Node] | None = None


@dataclass(frozen=True)
class Answer:
    body: bytes
    rows: int
    truncated: bool


class _Worker:
    def __init__(self, ctx: Any, store: str, max_rows: int) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_serve, args=(store, max_rows, child), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class WorkerPool:
    def __init__(self, store: str, workers: int, queue_limit: int, timeout: float, max_rows: int) -> None:
        self.store, self.timeout, self.max_rows = store, timeout, max_rows
        self.capacity = workers + queue_limit
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(["kg.querypool"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._admitted = 0
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        for _ in range(workers):
            self._add_worker()

    def _add_worker(self) -> _Worker:
        worker = _Worker(self._ctx, self.store, self.max_rows)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.remove(worker)

    def run(self, job: Job) -> Answer:
        """Answer `job` in a worker, or raise Busy, TimedOut or QueryFailed."""
        with self._lock:
            if self._admitted >= self.capacity:
                raise Busy("every query worker is busy and the queue is full")
            self._admitted += 1
        try:
            try:
                # Long enough for a running query to finish or be killed and its worker replaced.
                worker = self._idle.get(timeout=2 * self.timeout)
            except queue.Empty:
                raise Busy("no query worker became free in time") from None
            return self._ask(worker, job)
        finally:
            with self._lock:
                self._admitted -= 1

    def _ask(self, worker: _Worker, job: Job) -> Answer:
        try:
            worker.conn.send(job)
            if not worker.conn.poll(self.timeout):
                raise TimedOut(f"the query ran past {self.timeout:g} s and was stopped")
            kind, payload = worker.conn.recv()
        except TimedOut:
            self._retire(worker)
            self._add_worker()
            raise
        except (EOFError, OSError):
            self._retire(worker)
            self._add_worker()
            raise QueryFailed("the query worker died without an answer") from None
        self._idle.put(worker)
        if kind == "error":
            raise QueryFailed(payload)
        return payload

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), []
        for worker in workers:
            worker.stop()


# --------------------------------------------------------------------------- inside a worker


def _stamp(path: str) -> tuple[tuple[str, int, int], ...]:
    """What the store directory holds now; a build's write changes it (RocksDB's own log excluded,
    which a read-only open writes to)."""
    found = []
    with os.scandir(path) as entries:
        for entry in entries:
            if not entry.name.startswith("LOG"):
                info = entry.stat()
                found.append((entry.name, info.st_size, info.st_mtime_ns))
    return tuple(sorted(found))


class _OpenStore:
    """The store, opened read-only, reopened when the directory changed since the last query."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stamp: tuple[tuple[str, int, int], ...] | None = None
        self.store: Any = None

    def get(self) -> Any:
        from kg.store import OxigraphStore

        stamp = _stamp(self.path)
        if self.store is None or stamp != self.stamp:
            self.store = None  # the old handle goes before the new one opens
            self.store = OxigraphStore(self.path, read_only=True)
            self.stamp = stamp  # as seen before opening: a write after it shows up next time
        return self.store


def _serve(path: str, max_rows: int, conn: Connection) -> None:
    """Worker loop: one job in, ("ok", Answer) or ("error", message) out, until the pipe closes."""
    store = _OpenStore(path)
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = store.get().native_query(job.text, job.bindings)
            written = write_result(result, BY_NAME[job.fmt], max_rows)
            conn.send(("ok", Answer(written.body, written.rows, written.truncated)))
        except Exception as exc:  # noqa: BLE001 - an engine error is the client's query failing
            conn.send(("error", f"{type(exc).__name__}: {exc}"))

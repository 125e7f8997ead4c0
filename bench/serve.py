"""Queries per second and latency of `kg serve` under 8 concurrent clients, on the named queries.

The store is built from every filing in tests/data; the server runs as its own process (`kg serve`, as
a user would run it, default 2 workers), so the clients in this process do not share its interpreter.
Each client keeps one HTTP/1.1 connection and runs every named query, with its parameters, round after
round. Prints per query and in total: requests, p50 and p99 latency, and queries per second; then the
same for a trivial ASK, which measures the server itself (HTTP, queue, worker round trip) rather than
the engine. The server runs with --timeout 60 so that slow named queries are measured, not cut.
Usage: `python -m bench.serve [--clients 8] [--rounds 2] [--workers 2]` (from the repository root).
"""
from __future__ import annotations

import argparse
import http.client
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode

from kg.build import build
from kg.query import named_queries
from kg.store import OxigraphStore

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
JL_MAG = "JL MAG RARE-EARTH CO., LTD."
PARAMS = {
    "board-as-of": {"issuer": JL_MAG, "date": "2026-07-31"},
    "committee-check": {"committee": "audit", "date": "2026-07-31"},
    "encumbered-control": {"issuer": JL_MAG, "date": "2026-07-31"},
    "filing-facts": {"doc": "000_09aeede0f8403aa4"},
    "ined-shortfall": {"date": "2026-07-31"},
    "low-turnout": {"percent": "40"},
    "open-pledges": {"issuer": JL_MAG, "date": "2026-07-31"},
    "person-seats": {"person": "Cao Ying"},
    "resolutions-by-dissent": {"issuer": JL_MAG},
}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def client(port: int, paths: list[tuple[str, str]], rounds: int, latencies: dict[str, list[float]],
           statuses: Counter[int], lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for _ in range(rounds):
        for name, path in paths:
            started = time.perf_counter()
            conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies[name].append(elapsed)
                statuses[response.status] += 1
    conn.close()


def start_server(store: Path, workers: int, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`kg serve` with its log in a file (a pipe nobody reads would fill and stall it)."""
    with log.open("wb") as sink:
        server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0",
                                   "--workers", str(workers), "--queue", "16", "--timeout", "60"], stderr=sink)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        first = log.read_text(encoding="utf-8").splitlines()[:1]
        if first and first[0].startswith("SPARQL endpoint:"):
            return server, int(first[0].split()[2].rstrip(",").rsplit(":", 1)[1].split("/")[0])
        time.sleep(0.05)
    server.kill()
    raise SystemExit(f"kg serve did not start: {log.read_text(encoding='utf-8')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--ask-rounds", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    queries = named_queries()
    paths = [(name, f"/named/{name}?{urlencode(PARAMS.get(name, {}))}") for name in queries]
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-serve-"))
    try:
        store = OxigraphStore(tmp / "store")
        build([str(DATA)], store)
        quads = len(store)
        store.close()
        server, port = start_server(tmp / "store", args.workers, tmp / "serve.log")
        try:
            client(port, paths, 1, defaultdict(list), Counter(), threading.Lock())  # warm-up
            print(f"store: {quads:,} quads (tests/data); kg serve --workers {args.workers}; {args.clients} "
                  f"concurrent clients x {args.rounds} rounds of {len(paths)} named queries")
            report(*load(port, paths, args.clients, args.rounds))
            print(f"\nbaseline: {args.clients} concurrent clients x {args.ask_rounds} ASK {{ ?s ?p ?o }}")
            report(*load(port, [("ask", "/sparql?" + urlencode({"query": "ASK { ?s ?p ?o }"}))],
                         args.clients, args.ask_rounds))
        finally:
            server.terminate()
            server.wait(timeout=10)
            problems = [line for line in (tmp / "serve.log").read_text(encoding="utf-8").splitlines()[1:]
                        if "Task queue depth" not in line]
            if problems:
                print("server log:\n" + "\n".join(problems[-60:]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def load(port: int, paths: list[tuple[str, str]], clients: int,
         rounds: int) -> tuple[dict[str, list[float]], Counter[int], float]:
    latencies: dict[str, list[float]] = defaultdict(list)
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    threads = [threading.Thread(target=client, args=(port, paths, rounds, latencies, statuses, lock))
               for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, statuses, time.perf_counter() - started


def report(latencies: dict[str, list[float]], statuses: Counter[int], seconds: float) -> None:
    print(f"{'query':24s} {'requests':>8s} {'p50 ms':>9s} {'p99 ms':>9s}")
    for name, values in sorted(latencies.items()):
        print(f"{name:24s} {len(values):8d} {percentile(values, 50) * 1000:9.1f} {percentile(values, 99) * 1000:9.1f}")
    every = [v for values in latencies.values() for v in values]
    if len(latencies) > 1:
        print(f"{'all':24s} {len(every):8d} {percentile(every, 50) * 1000:9.1f} {percentile(every, 99) * 1000:9.1f}")
    print(f"throughput: {len(every) / seconds:,.1f} queries/s over {seconds:.1f} s; "
          f"statuses: {', '.join(f'{s}: {n}' for s, n in sorted(statuses.items()))}")


if __name__ == "__main__":
    main()

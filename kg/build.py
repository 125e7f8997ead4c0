"""`kg build`: files in, one named graph per announcement in the store.

A document whose bytes (and filing metadata) are unchanged since it was stored is skipped, so
building twice leaves the store unchanged; a changed file replaces its graph in one transaction.
A file that cannot be read or extracted is reported with its name and the batch goes on.

Extraction (reading and the extractor families: the costly, pure part) runs in a pool of worker
processes (`jobs`); the parent maps each result to triples and writes the store, in file order, so
the store has one writer and the result does not depend on the number of workers. At most a few
documents per worker are in flight, so memory stays bounded whatever the batch size. A first
Ctrl-C stops handing out files, stores every extraction already finished and returns; a second
one interrupts at once (each document's graph is still written in one request, never half).
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import TextIO

from rdflib import Literal
from rdflib.namespace import SKOS

from extract.readers import DEFAULT_MAX_BYTES, ReadError, find_files, read_announcement
from extract.records import FilingMetadata, Skipped
from extract.run import Extraction, extract_announcement
from kg.derive import derive_time
from kg.link import link_releases
from kg.manifest import Manifest, manifests_in, read_manifest
from kg.mapping import document_iri, issuer_of, map_document
from kg.progress import BuildProgress
from kg.resolve import Resolver
from kg.store import GraphStore, StoreError
from kg.vocab import GOV

ALIASES_QUERY = f"""
PREFIX gov: <{GOV._NS}>
PREFIX skos: <{SKOS}>
SELECT DISTINCT ?issuer ?alias ?name WHERE {{
  ?a a gov:AliasDefinition ; gov:issuer ?i ; gov:alias ?alias ; gov:name ?n .
  ?i skos:prefLabel ?issuer . ?n skos:prefLabel ?name .
}}"""

ISSUER_CODES_QUERY = f"""
PREFIX gov: <{GOV._NS}>
PREFIX skos: <{SKOS}>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?name ?code WHERE {{
  ?doc dcterms:publisher ?issuer ; gov:stockCode ?code .
  ?issuer skos:prefLabel|skos:altLabel ?name .
}}"""

STORED_DIGESTS_QUERY = f"""
PREFIX gov: <{GOV._NS}>
SELECT ?g ?sha ?filing WHERE {{
  GRAPH ?g {{ ?g gov:sha256 ?sha . OPTIONAL {{ ?g gov:filingDigest ?filing }} }}
}}"""

#: Documents in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 4
#: Documents stored between two flushes of the store's write buffers (memory stays flat).
FLUSH_EVERY = 250
#: Below this many documents to read per worker, a pool costs more to start than it saves.
MIN_DOCUMENTS_PER_WORKER = 8


@dataclass
class DocumentOutcome:
    """What became of one file: one line of `kg build --report`."""

    doc_id: str
    path: str
    status: str  # built, unchanged, error
    error: str | None = None
    facts: Counter[str] = field(default_factory=Counter)
    families: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    pages: int | None = None

    def as_json(self) -> str:
        line: dict[str, object] = {"doc": self.doc_id, "path": self.path, "status": self.status}
        if self.error is not None:
            line["error"] = self.error
        if self.status == "built":
            line["fact_count"] = sum(self.facts.values())
            line["facts"] = dict(sorted(self.facts.items()))
            line["families"] = dict(sorted(self.families.items()))
            line["skipped"] = [{"family": s.family, "reason": s.reason, "start": s.start, "end": s.end}
                               for s in self.skipped]
            if self.pages is not None:
                line["pages"] = self.pages
        return json.dumps(line, ensure_ascii=False)


@dataclass
class BuildReport:
    documents: int = 0
    built: int = 0
    unchanged: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    links: int = 0
    seconds: float = 0.0
    jobs: int = 1
    interrupted: int = 0  # files not read because the build was stopped

    def summary(self) -> str:
        lines = [f"documents: {self.documents} read, {self.built} built, {self.unchanged} unchanged, "
                 f"{len(self.errors)} errors ({self.seconds:.1f}s, {self.jobs} job{'s' * (self.jobs > 1)})"]
        if self.interrupted:
            lines.append(f"interrupted: {self.interrupted} files not read; everything read before is stored")
        if self.facts:
            lines.append("facts: " + ", ".join(f"{t} {n}" for t, n in sorted(self.facts.items())))
        if self.skipped:
            lines.append("skipped (not read with confidence): "
                         + ", ".join(f"{t} {n}" for t, n in sorted(self.skipped.items())))
        if self.links:
            lines.append(f"linked: {self.links} releases to the pledges they end")
        lines += [f"error: {e}" for e in self.errors]
        return "\n".join(lines)


def load_resolver(store: GraphStore) -> Resolver:
    """A resolver that knows what earlier builds learnt: aliases defined in filings, so they resolve
    across filings, and issuers' stock codes, so every spelling of an issuer is one organisation."""
    resolver = Resolver()
    for row in store.select(ALIASES_QUERY):
        resolver.add_alias(str(row["issuer"]), str(row["alias"]), str(row["name"]))
    for row in store.select(ISSUER_CODES_QUERY):
        resolver.add_issuer([str(row["name"])], [str(row["code"])])
    return resolver


# --------------------------------------------------------------------------- the worker side


@dataclass(frozen=True)
class Task:
    """One file to read and extract (what a worker is sent: small and picklable)."""

    path: str
    filing: FilingMetadata | None
    max_bytes: int


@dataclass(frozen=True)
class Result:
    """What a worker sends back: the extraction, or the error that stopped it."""

    path: str
    doc_id: str
    filing: FilingMetadata | None = None
    extraction: Extraction | None = None
    error: str | None = None


def extract_file(task: Task) -> Result:
    """Read and extract one file; never raises (a bad file is an error result naming it)."""
    doc_id = Path(task.path).stem
    try:
        announcement = read_announcement(task.path, task.filing, task.max_bytes)
    except ReadError as exc:
        return Result(task.path, doc_id, task.filing, error=str(exc))
    try:
        return Result(task.path, doc_id, task.filing, extraction=extract_announcement(announcement))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return Result(task.path, doc_id, task.filing,
                      error=f"{task.path}: extraction failed: {type(exc).__name__}: {exc}")


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent (it decides what is stored) and load the pipeline once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from extract.pipeline import get_nlp
    from extract.registry import extractors
    get_nlp()
    extractors()


# --------------------------------------------------------------------------- the parent side


def filing_digest(filing: FilingMetadata | None) -> str | None:
    """A digest of the metadata a manifest gives a file (where it was read from excluded), so that a
    changed manifest row rebuilds the file even when its bytes are the same."""
    if filing is None:
        return None
    values = astuple(filing)[:-1]  # `source` (manifest file and line) is last
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode()).hexdigest()


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks (a large file is never held whole)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def build(paths: Iterable[str], store: GraphStore, progress: TextIO | None = None, *,
          manifests: Iterable[str] = (), report_to: TextIO | None = None, jobs: int = 1,
          max_bytes: int = DEFAULT_MAX_BYTES, progress_interval: float = 10.0) -> BuildReport:
    """Build `paths` into `store`; `report_to` receives one JSON line per document (`--report`)."""
    paths = [str(p) for p in paths]
    report = BuildReport()
    started = time.perf_counter()
    resolver = load_resolver(store)
    try:
        files = list(find_files(paths))
    except ReadError as exc:
        report.errors.append(str(exc))
        files = []
    manifest = Manifest()
    for path in [*manifests, *manifests_in(paths)]:
        manifest.update(read_manifest(path))
    report.errors += manifest.errors
    stored = {str(row["g"]): (str(row["sha"]), str(row["filing"]) if row["filing"] is not None else None)
              for row in store.select(STORED_DIGESTS_QUERY)}
    bar = BuildProgress(len(files), progress, progress_interval)

    def emit(outcome: DocumentOutcome) -> None:
        report.documents += 1
        if report_to is not None:
            report_to.write(outcome.as_json() + "\n")
            report_to.flush()
        bar.step(facts=sum(outcome.facts.values()), error=outcome.status == "error")

    tasks: list[Task] = []
    first_of_id: dict[str, Path] = {}
    for path in files:
        if path.stem in first_of_id:  # `X.pdf` beside `X.html`: one document id, one graph
            report.errors.append(f"{path}: same document id {path.stem!r} as {first_of_id[path.stem]}, "
                                 "which is the one built; rename one of them")
            emit(DocumentOutcome(path.stem, str(path), "error", error=report.errors[-1]))
            continue
        first_of_id[path.stem] = path
        filing = manifest.get(path)
        graph = str(document_iri(path.stem))
        try:
            digest = file_sha256(path)
        except OSError as exc:
            report.errors.append(f"{path}: cannot read: {exc.strerror or exc}")
            emit(DocumentOutcome(path.stem, str(path), "error", error=report.errors[-1]))
            continue
        if stored.get(graph) == (digest, filing_digest(filing)):
            report.unchanged += 1
            emit(DocumentOutcome(path.stem, str(path), "unchanged"))
            continue
        tasks.append(Task(str(path), filing, max_bytes))
    del stored, first_of_id

    workers = max(1, min(jobs, len(tasks) // MIN_DOCUMENTS_PER_WORKER))
    report.jobs = workers
    stop = _StopOnInterrupt()
    with stop:
        for i, result in enumerate(_results(tasks, workers, stop), start=1):
            emit(_store_result(result, store, resolver, report))
            if i % FLUSH_EVERY == 0:
                store.flush()
    report.interrupted = len(files) - report.documents
    bar.close()
    report.links = link_releases(store)
    if report.built:  # tenures and conflicts follow what this build stored
        derive_time(store)
    report.seconds = time.perf_counter() - started
    return report


def _store_result(result: Result, store: GraphStore, resolver: Resolver, report: BuildReport) -> DocumentOutcome:
    """Map one extraction and replace its graph (one transaction); the outcome for the report."""
    if result.extraction is None:
        report.errors.append(result.error or f"{result.path}: not read")
        return DocumentOutcome(result.doc_id, result.path, "error", error=report.errors[-1])
    extraction = result.extraction
    try:
        mapped = map_document(extraction.meta, extraction.facts, resolver)
        digest = filing_digest(result.filing)
        if digest is not None:
            mapped.triples.append((mapped.graph, GOV.filingDigest, Literal(digest)))
        store.replace_graph(mapped.graph, mapped.triples)
    except StoreError:
        raise  # the store cannot be written (full disk, read-only): the batch cannot go on
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        report.errors.append(f"{result.path}: could not be stored: {type(exc).__name__}: {exc}")
        return DocumentOutcome(result.doc_id, result.path, "error", error=report.errors[-1])
    outcome = DocumentOutcome(result.doc_id, result.path, "built",
                              pages=len(extraction.meta.page_starts) or None)
    skipped = list(extraction.skipped)
    for fact, family in zip(extraction.facts, extraction.families or [""] * len(extraction.facts)):
        if issuer_of(fact) is None:
            skipped.append(Skipped(fact.evidence.doc_id, fact.TYPE, "no issuer named in the document",
                                   fact.evidence.start, fact.evidence.end))
            continue
        outcome.facts[fact.TYPE] += 1
        outcome.families[family] += 1
    outcome.skipped = skipped
    report.built += 1
    report.facts.update(outcome.facts)
    report.skipped.update(s.family if s.reason != "no issuer named in the document" else "no-issuer"
                          for s in skipped)
    return outcome


def _results(tasks: list[Task], workers: int, stop: "_StopOnInterrupt") -> Iterator[Result]:
    """Results in task order: in this process for one worker, else from a process pool.

    Stops handing out tasks once `stop` is set; results of tasks already running are still yielded.
    """
    if workers <= 1:
        for task in tasks:
            if stop.requested:
                return
            yield extract_file(task)
        return
    pending = iter(tasks)
    window: deque[tuple[Task, Future[Result]]] = deque()
    executor = _pool(workers)
    stopping = False
    worked = False  # a result came back from the current pool
    try:
        while True:
            while not stop.requested and len(window) < workers * IN_FLIGHT_PER_WORKER:
                task = next(pending, None)
                if task is None:
                    break
                window.append((task, executor.submit(extract_file, task)))
            if not window:
                return
            if stop.requested and not stopping:
                stopping = True  # let the running documents finish; the queued ones are dropped
                executor.shutdown(wait=True, cancel_futures=True)
            task, future = window.popleft()
            if future.cancelled():
                continue
            try:
                result = future.result()
            except BrokenProcessPool:
                # A worker died (out of memory, a crash in a native library): this file is the suspect;
                # the others in flight go to a new pool, or, if this pool never worked, are read here.
                yield Result(task.path, Path(task.path).stem, task.filing,
                             error=f"{task.path}: the worker process reading it died")
                executor.shutdown(wait=False, cancel_futures=True)
                rest = [t for t, _ in window]
                if not worked:
                    yield from _results(rest + list(pending), 1, stop)
                    return
                executor, worked = _pool(workers), False
                window = deque((t, executor.submit(extract_file, t)) for t in rest)
                continue
            worked = True
            yield result
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _pool(workers: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean process (never a fork of the parent's open store).
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"),
                               initializer=_worker_init)


class _StopOnInterrupt:
    """Within its block, a first SIGINT asks the build to stop after the documents in flight; a
    second one raises KeyboardInterrupt as usual. Outside the main thread it does nothing."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Callable | int | None = None

    def __enter__(self) -> "_StopOnInterrupt":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        os.write(2, b"\nkg build: stopping after the documents in flight (Ctrl-C again to abort)\n")

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

"""`kg build`: files in, one named graph per announcement in the store.

A document whose bytes are unchanged (same SHA-256 as stored) is skipped, so building twice
leaves the store unchanged; a changed file replaces its graph in one transaction. A file that
cannot be read or extracted is reported with its name and the batch goes on.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from rdflib.namespace import SKOS

from extract.readers import ReadError, find_files, read_announcement
from extract.run import extract_announcement
from kg.link import link_releases
from kg.mapping import document_iri, map_document
from kg.resolve import Resolver
from kg.store import GraphStore
from kg.vocab import GOV

ALIASES_QUERY = f"""
PREFIX gov: <{GOV._NS}>
PREFIX skos: <{SKOS}>
SELECT DISTINCT ?issuer ?alias ?name WHERE {{
  ?a a gov:AliasDefinition ; gov:issuer ?i ; gov:alias ?alias ; gov:name ?n .
  ?i skos:prefLabel ?issuer . ?n skos:prefLabel ?name .
}}"""


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

    def summary(self) -> str:
        lines = [f"documents: {self.documents} read, {self.built} built, {self.unchanged} unchanged, "
                 f"{len(self.errors)} errors ({self.seconds:.1f}s)"]
        if self.facts:
            lines.append("facts: " + ", ".join(f"{t} {n}" for t, n in sorted(self.facts.items())))
        if self.skipped:
            lines.append("skipped (not read with confidence): "
                         + ", ".join(f"{t} {n}" for t, n in sorted(self.skipped.items())))
        if self.links:
            lines.append(f"linked: {self.links} releases to the pledges they end")
        lines += [f"error: {e}" for e in self.errors]
        return "\n".join(lines)


ISSUER_CODES_QUERY = f"""
PREFIX gov: <{GOV._NS}>
PREFIX skos: <{SKOS}>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?name ?code WHERE {{
  ?doc dcterms:publisher ?issuer ; gov:stockCode ?code .
  ?issuer skos:prefLabel|skos:altLabel ?name .
}}"""


def load_resolver(store: GraphStore) -> Resolver:
    """A resolver that knows what earlier builds learnt: aliases defined in filings, so they resolve
    across filings, and issuers' stock codes, so every spelling of an issuer is one organisation."""
    resolver = Resolver()
    for row in store.select(ALIASES_QUERY):
        resolver.add_alias(str(row["issuer"]), str(row["alias"]), str(row["name"]))
    for row in store.select(ISSUER_CODES_QUERY):
        resolver.add_issuer([str(row["name"])], [str(row["code"])])
    return resolver


def build(paths: Iterable[str], store: GraphStore, progress: TextIO | None = None) -> BuildReport:
    report = BuildReport()
    started = time.perf_counter()
    resolver = load_resolver(store)
    try:
        files = list(find_files(paths))
    except ReadError as exc:
        report.errors.append(str(exc))
        files = []
    bar = _Progress(len(files), progress)
    for path in files:
        report.documents += 1
        bar.step(path.name)
        try:
            announcement = read_announcement(path)
        except ReadError as exc:
            report.errors.append(str(exc))
            continue
        graph = document_iri(announcement.doc_id)
        if store.document_sha256(graph) == announcement.sha256:
            report.unchanged += 1
            continue
        try:
            extraction = extract_announcement(announcement)
            mapped = map_document(extraction.meta, extraction.facts, resolver)
            store.replace_graph(graph, mapped.triples)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            report.errors.append(f"{path}: extraction failed: {type(exc).__name__}: {exc}")
            continue
        report.built += 1
        report.facts.update(f.TYPE for f in extraction.facts)
        report.skipped.update(s.family for s in extraction.skipped)
        report.skipped.update("no-issuer" for _ in mapped.unmapped)
    bar.done()
    report.links = link_releases(store)
    report.seconds = time.perf_counter() - started
    return report


class _Progress:
    """A one-line progress bar on a terminal, for runs of more than a handful of files."""

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total = total
        self.stream = stream if stream is not None and total > 20 else None
        self.n = 0
        self.last = 0.0

    def step(self, label: str) -> None:
        self.n += 1
        now = time.monotonic()
        if self.stream is None or (now - self.last < 0.2 and self.n < self.total):
            return
        self.last = now
        width = 30
        filled = width * self.n // max(self.total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.n}/{self.total} {label[:40]:40s}")
        self.stream.flush()

    def done(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()


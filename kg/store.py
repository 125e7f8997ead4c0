"""Where the graph lives: embedded Oxigraph on disk by default, rdflib in memory for tests, or any
SPARQL 1.1 server over HTTP (`kg.sparql_store`).

Both backends satisfy one contract (tests/test_store_contract.py): a named graph per announcement
replaced atomically, SPARQL SELECT/ASK over the union of all graphs with bound parameters (never
string formatting), and serialisation. Backends are chosen by name through `open_store`, the way
rdflib's plugin registry does it. Rows come back as rdflib terms so callers need one vocabulary.
"""
from __future__ import annotations

import errno
import os
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.mapping import Triple
from kg.storelock import LockHeld, WriterLock
from kg.vocab import GOV

Row = dict[str, Node | None]

EXPORT_FORMATS = ("ttl", "trig", "nq", "jsonld")


class StoreError(Exception):
    """A store that cannot be opened or written; the message says which and why."""


#: What an OS error means to someone who runs `kg build`, by errno or by the words RocksDB uses.
_OS_PROBLEMS = (
    (errno.ENOSPC, "no space left on device", "the disk is full: free some space"),
    (errno.EDQUOT, "quota exceeded", "the disk quota is exhausted: free some space"),
    (errno.EROFS, "read-only file system", "the directory is on a read-only file system"),
    (errno.EACCES, "permission denied", "permission denied: the directory is not writable by this user"),
)


def describe_os_error(exc: OSError) -> str:
    """`exc` in plain words, keeping the engine's own text for the details."""
    text = str(exc)
    for code, words, meaning in _OS_PROBLEMS:
        if exc.errno == code or words in text.lower():
            return f"{meaning} ({text})"
    return text


class GraphStore(ABC):
    """The contract every backend keeps.

    Parameter variables of a query must appear in its SELECT projection (and in that of any
    sub-select that uses them): Oxigraph binds by substitution (SPARQL SEP-0007), which asks that.
    """

    @abstractmethod
    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Atomically make `graph` hold exactly `triples` (nothing half-written on failure)."""

    @abstractmethod
    def add_triples(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Add `triples` to `graph` in one transaction (derived links; facts use replace_graph)."""

    @abstractmethod
    def remove_graph(self, graph: URIRef) -> None: ...

    @abstractmethod
    def graphs(self) -> list[URIRef]: ...

    @abstractmethod
    def select(self, query: str, bindings: dict[str, Node] | None = None) -> list[Row]:
        """Run a SELECT over the union of the named graphs; `bindings` pre-bind variables."""

    @abstractmethod
    def ask(self, query: str, bindings: dict[str, Node] | None = None) -> bool: ...

    @abstractmethod
    def serialize(self, fmt: str) -> bytes:
        """`ttl` (all graphs merged), `trig`, `nq` or `jsonld` (graphs kept)."""

    @abstractmethod
    def __len__(self) -> int:
        """Number of quads."""

    def close(self) -> None:
        """Release the store (flush to disk)."""

    def flush(self) -> None:
        """Write buffered changes out (a long build calls it now and then, so buffers stay bounded)."""

    def document_sha256(self, graph: URIRef) -> str | None:
        rows = self.select("SELECT ?g ?h WHERE { GRAPH ?g { ?g <%s> ?h } }" % GOV.sha256, {"g": graph})
        return str(rows[0]["h"]) if rows else None

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- Oxigraph


def _to_ox(term: Node) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _from_ox(term: Any) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"unexpected Oxigraph term {term!r}")


_OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
               "jsonld": ox.RdfFormat.JSON_LD}


class OxigraphStore(GraphStore):
    """Embedded Oxigraph; on disk when `path` is given, else in memory."""

    def __init__(self, path: str | os.PathLike[str] | None = None, read_only: bool = False) -> None:
        """On disk and writable, the store first takes the writer lock (`kg.storelock`): a second
        writer is refused with a message instead of interleaving with the first."""
        self._read_only = read_only
        self._path = path
        self._lock: WriterLock | None = None
        self._failed = False
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._lock = WriterLock(path).acquire()
                self._store = ox.Store(str(path))
        except LockHeld as exc:
            raise StoreError(f"{path}: store in use: {exc}") from None
        except OSError as exc:
            if self._lock is not None:
                self._lock.release()
            doing = "open the store" if read_only else "open the store for writing"
            raise StoreError(f"{path}: cannot {doing}: {describe_os_error(exc)}") from exc
        except RuntimeError as exc:  # RocksDB's word for a store a writer is creating right now
            raise StoreError(f"{path}: cannot open the store: {exc} (is a first `kg build` still "
                             "creating it?)") from exc

    def _update(self, update: str) -> None:
        """Run one update (one transaction); a failed write (full disk, read-only file system) is a
        StoreError naming the store, and what was committed before it stays whole."""
        try:
            self._store.update(update)
        except OSError as exc:
            self._failed = True
            raise StoreError(f"{self._path or 'in-memory store'}: cannot write the store: "
                             f"{describe_os_error(exc)}; what was stored before is intact, "
                             "run the build again once this is fixed") from exc

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        g = _to_ox(graph)
        quads = [ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), g) for s, p, o in triples]
        # One SPARQL update is one transaction in Oxigraph: drop and insert land together.
        body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
        self._update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{ {body} }} }}")

    def add_triples(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        g = _to_ox(graph)
        body = " .\n".join(f"{_to_ox(s)} {_to_ox(p)} {_to_ox(o)}" for s, p, o in triples)
        if body:
            self._update(f"INSERT DATA {{ GRAPH {g} {{ {body} }} }}")

    def remove_graph(self, graph: URIRef) -> None:
        self._update(f"DROP SILENT GRAPH {_to_ox(graph)}")

    def graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._store.named_graphs())

    def _query(self, query: str, bindings: dict[str, Node] | None) -> Any:
        subs = {ox.Variable(k): _to_ox(v) for k, v in (bindings or {}).items()}
        return self._store.query(query, use_default_graph_as_union=True, substitutions=subs or None)

    def select(self, query: str, bindings: dict[str, Node] | None = None) -> list[Row]:
        solutions = self._query(query, bindings)
        names = [v.value for v in solutions.variables]
        return [{n: _from_ox(sol[n]) for n in names} for sol in solutions]

    def iter_select(self, query: str, bindings: dict[str, Node] | None = None) -> Iterator[Row]:
        solutions = self._query(query, bindings)
        names = [v.value for v in solutions.variables]
        for sol in solutions:
            yield {n: _from_ox(sol[n]) for n in names}

    def ask(self, query: str, bindings: dict[str, Node] | None = None) -> bool:
        return bool(self._query(query, bindings))

    def serialize(self, fmt: str) -> bytes:
        if fmt not in _OX_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
        if fmt == "ttl":
            triples = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            return ox.serialize(triples, format=ox.RdfFormat.TURTLE) or b""
        return self._store.dump(format=_OX_FORMATS[fmt]) or b""

    def __len__(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        if self._store is not None and not self._read_only and not self._failed:
            try:
                self._store.flush()  # RocksDB's write buffers grow until flushed: about 200 MB per 1,000 filings
            except OSError as exc:
                raise StoreError(f"{self._path}: cannot write the store: {describe_os_error(exc)}") from exc

    def native_query(self, query: str, bindings: dict[str, Node] | None = None) -> Any:
        """Oxigraph's own result object (solutions, boolean or triples), for callers that stream
        or serialise with Oxigraph's writers (the SPARQL endpoint)."""
        return self._query(query, bindings)

    def close(self) -> None:
        """Flush, and for a store on disk let go of it (RocksDB's lock, then ours), so another
        writer may open it; the object is not used after."""
        if self._store is None:
            return
        try:
            self.flush()
        finally:
            if self._path is not None:
                self._store = None
            if self._lock is not None:
                self._lock.release()
                self._lock = None


# --------------------------------------------------------------------------- rdflib


_WHERE_OPEN = re.compile(r"\bWHERE\s*\{", re.I)


def with_values(query: str, bindings: dict[str, Node] | None) -> str:
    """Bind variables the way Oxigraph's substitution does, for rdflib.

    rdflib's `initBindings` do not reach into sub-selects, so each group opened by `WHERE {` gets
    a `VALUES` block of the bound terms. The terms are written by rdflib's own N3 serialiser,
    which escapes them: a bound value can never change the query's structure.
    """
    if not bindings:
        return query
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(v.n3() for v in bindings.values())
    return _WHERE_OPEN.sub(lambda m: f"{m.group(0)} VALUES ({names}) {{ ({terms}) }}", query)


class MemoryStore(GraphStore):
    """rdflib `Dataset` in memory: the pure-Python path for small fixtures and tests."""

    def __init__(self) -> None:
        self._ds = Dataset(default_union=True)

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        staged = Graph()
        for t in triples:  # build first, so a failure leaves the old graph untouched
            staged.add(t)
        self._ds.remove_graph(graph)
        target = self._ds.graph(graph)
        for t in staged:
            target.add(t)

    def add_triples(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        staged = list(triples)
        target = self._ds.graph(graph)
        for t in staged:
            target.add(t)

    def remove_graph(self, graph: URIRef) -> None:
        self._ds.remove_graph(graph)

    def graphs(self) -> list[URIRef]:
        return sorted(URIRef(c.identifier) for c in self._ds.contexts()
                      if isinstance(c.identifier, URIRef) and len(c)
                      and str(c.identifier) != "urn:x-rdflib:default")

    def select(self, query: str, bindings: dict[str, Node] | None = None) -> list[Row]:
        result = self._ds.query(with_values(query, bindings))
        names = [str(v) for v in result.vars]
        return [{n: row[n] if n in row.labels else None for n in names} for row in result]

    def ask(self, query: str, bindings: dict[str, Node] | None = None) -> bool:
        return bool(self._ds.query(with_values(query, bindings)).askAnswer)

    def serialize(self, fmt: str) -> bytes:
        rdflib_fmt = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
        if fmt not in rdflib_fmt:
            raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
        if fmt == "ttl":
            merged = Graph()
            for s, p, o, _g in self._ds.quads((None, None, None, None)):
                merged.add((s, p, o))
            return merged.serialize(format="turtle", encoding="utf-8")
        return self._ds.serialize(format=rdflib_fmt[fmt], encoding="utf-8")

    def __len__(self) -> int:
        return sum(1 for _ in self._ds.quads((None, None, None, None)))


#: Backends by name.
BACKENDS: dict[str, Callable[..., GraphStore]] = {
    "oxigraph": OxigraphStore,
    "memory": MemoryStore,
}

DEFAULT_STORE = os.path.join("output", "store")


def open_store(location: str | None = None, backend: str = "oxigraph",
               read_only: bool = False) -> GraphStore:
    """The store at `location` (default `output/store`) with the named backend; an http(s) URL is a
    SPARQL 1.1 server's query endpoint (`kg.sparql_store`, its write endpoints from the environment)."""
    from kg.sparql_store import SparqlProtocolStore, is_url

    if is_url(location):
        return SparqlProtocolStore.from_env(location, read_only=read_only)  # type: ignore[arg-type]
    if backend not in BACKENDS:
        raise StoreError(f"unknown store backend {backend!r}; expected one of {', '.join(BACKENDS)}")
    if backend == "memory":
        return MemoryStore()
    path = location or DEFAULT_STORE
    if read_only and not Path(path).exists():
        raise StoreError(f"{path}: no store here (run `kg build PATH --store {path}` first)")
    return OxigraphStore(path, read_only=read_only)

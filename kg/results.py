"""What a query's answer is written as: the formats the endpoint offers, content negotiation, and
bounded serialisation with Oxigraph's own writers.

Why it looks like this:
- Every format is written by Oxigraph (SPARQL results JSON, XML, CSV, TSV; Turtle, N-Triples,
  RDF/XML, JSON-LD for graphs), not by code of ours.
- Results are bounded: at most `max_rows` solutions (or triples) are read from the engine. Oxigraph's
  writers consume a whole result, so the first `max_rows` solutions are handed back to it as TSV (each
  term written by Oxigraph's own N-Triples writer, `str(term)`), parsed by its TSV reader and written
  in the format asked for. Lossless: TSV holds every term in full RDF syntax.
- Negotiation follows RFC 9110: the highest q wins, then the most specific media range that matched
  (`text/csv` over `*/*`), then the order below (the server's preference).
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Any

import pyoxigraph as ox

SOLUTIONS = ("SelectQuery", "AskQuery")
GRAPHS = ("ConstructQuery", "DescribeQuery")


@dataclass(frozen=True)
class ResultFormat:
    name: str
    media_type: str  # what the Content-Type says
    accepts: tuple[str, ...]  # media types a client may ask for it by
    writer: Any  # ox.QueryResultsFormat or ox.RdfFormat


_UTF8 = "; charset=utf-8"

SOLUTION_FORMATS = (
    ResultFormat("json", "application/sparql-results+json",
                 ("application/sparql-results+json", "application/json"), ox.QueryResultsFormat.JSON),
    ResultFormat("xml", "application/sparql-results+xml",
                 ("application/sparql-results+xml", "application/xml", "text/xml"), ox.QueryResultsFormat.XML),
    ResultFormat("csv", "text/csv" + _UTF8, ("text/csv",), ox.QueryResultsFormat.CSV),
    ResultFormat("tsv", "text/tab-separated-values" + _UTF8, ("text/tab-separated-values",),
                 ox.QueryResultsFormat.TSV),
)
GRAPH_FORMATS = (
    ResultFormat("ttl", "text/turtle" + _UTF8, ("text/turtle", "application/x-turtle"), ox.RdfFormat.TURTLE),
    ResultFormat("nt", "application/n-triples", ("application/n-triples", "text/plain"), ox.RdfFormat.N_TRIPLES),
    ResultFormat("rdfxml", "application/rdf+xml", ("application/rdf+xml",), ox.RdfFormat.RDF_XML),
    ResultFormat("jsonld", "application/ld+json", ("application/ld+json",), ox.RdfFormat.JSON_LD),
)
BY_NAME = {f.name: f for f in SOLUTION_FORMATS + GRAPH_FORMATS}

#: Prefixes Turtle output is written with, so a CONSTRUCT answer reads like the ontology.
PREFIXES = {
    "gov": "https://w3id.org/hk-governance/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def formats_for(form: str) -> tuple[ResultFormat, ...]:
    return GRAPH_FORMATS if form in GRAPHS else SOLUTION_FORMATS


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _specificity(media_range: str, media_type: str) -> int:
    """2 for an exact match, 1 for `type/*`, 0 for `*/*`, -1 for no match."""
    if media_range == media_type:
        return 2
    if media_range == "*/*":
        return 0
    if media_range.endswith("/*") and media_type.split("/")[0] == media_range[:-2]:
        return 1
    return -1


def negotiate(accept: str | None, offered: tuple[ResultFormat, ...]) -> ResultFormat | None:
    """The format to answer in, or None when the client accepts none of `offered` (406).
    No Accept header at all means anything goes: the first offered format."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = _media_ranges(accept)
    best: tuple[float, int, int] | None = None
    chosen = None
    for preference, fmt in enumerate(offered):
        for alias, media_type in enumerate(fmt.accepts):
            matches = [(_specificity(r, media_type), q) for r, q in ranges]
            # A wildcard stands for the format's own type only: `*/*` with `...+json;q=0` excludes
            # JSON, even though JSON would also be `application/json`.
            matches = [m for m in matches if m[0] == 2 or (m[0] >= 0 and alias == 0)]
            if not matches:
                continue
            specificity, q = max(matches)  # the most specific range that matches decides q
            if q <= 0:
                continue
            rank = (q, specificity, -preference)
            if best is None or rank > best:
                best, chosen = rank, fmt
    return chosen



@dataclass(frozen=True)
class Written:
    body: bytes
    rows: int
    truncated: bool


def write_result(result: Any, fmt: ResultFormat, max_rows: int) -> Written:
    """Serialise an Oxigraph query result (solutions, boolean or triples), bounded to `max_rows`."""
    if isinstance(result, ox.QueryBoolean):
        return Written(result.serialize(format=fmt.writer), 1, False)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = list(islice(result, max_rows + 1))
        truncated = len(rows) > max_rows
        rows = rows[:max_rows]
        tsv = "\t".join(f"?{n}" for n in names) + "\n" + "".join(
            "\t".join("" if row[n] is None else str(row[n]) for n in names) + "\n" for row in rows)
        bounded = ox.parse_query_results(tsv.encode("utf-8"), format=ox.QueryResultsFormat.TSV)
        return Written(bounded.serialize(format=fmt.writer), len(rows), truncated)
    triples = list(islice(result, max_rows + 1))
    truncated = len(triples) > max_rows
    triples = triples[:max_rows]
    prefixes = PREFIXES if fmt.writer in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    body = ox.serialize(triples, format=fmt.writer, prefixes=prefixes) or b""
    return Written(body, len(triples), truncated)

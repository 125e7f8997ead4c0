"""SPARQL for users: safety checks, named queries shipped with the package, result formatting.

Both rdflib and Oxigraph execute `SERVICE <url>` and `LOAD <url>` against any URL, with no switch
to turn that off, so a query from a user is parsed and refused here, before it reaches an engine,
if it is an update or contains SERVICE. Parameters are bound as RDF terms (never formatted into
the query text), and results are bounded in size.
"""
from __future__ import annotations

import csv
import io
import json
import re
import threading
from dataclasses import dataclass
from importlib import resources
from typing import Any

from pyparsing import ParseException, ParseResults
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.term import Node

from kg.store import GraphStore, Row

DEFAULT_LIMIT = 10_000


#: rdflib's SPARQL parser (pyparsing) is not thread-safe: parallel parses fail with errors such as
#: `expandTriples() missing 1 required positional argument`. The endpoint parses in many threads.
_PARSER_LOCK = threading.Lock()


class QueryRefused(Exception):
    """A query that is not allowed (update, SERVICE, LOAD) or does not parse; says why."""


def check_query(text: str) -> str:
    """Parse `text`; return its form (SelectQuery, AskQuery, ...) or raise `QueryRefused`."""
    try:
        with _PARSER_LOCK:
            parsed = parseQuery(text)
    except ParseException as exc:
        if re.search(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", text, re.I):
            raise QueryRefused("updates (INSERT, DELETE, LOAD, CLEAR, DROP, ...) are not allowed: "
                               "the endpoint is read-only") from exc
        raise QueryRefused(f"not a SPARQL query: {exc.msg} (line {exc.lineno}, column {exc.col})") from exc
    if _contains(parsed, "ServiceGraphPattern"):
        raise QueryRefused("SERVICE is not allowed: queries run on the local graph only")
    if _contains(parsed, "DatasetClause"):
        # rdflib fetches the IRI of a FROM clause over the network; the local union is the dataset.
        raise QueryRefused("FROM and FROM NAMED are not allowed: queries run on the local graph only")
    return str(parsed[1].name)


def _contains(node: Any, name: str) -> bool:
    if isinstance(node, ParseResults) or hasattr(node, "name"):
        if getattr(node, "name", None) == name:
            return True
    if isinstance(node, dict):
        return any(_contains(v, name) for v in node.values())
    if isinstance(node, (list, tuple, ParseResults)):
        return any(_contains(v, name) for v in node)
    return False


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: dict[str, str]  # name -> description
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """The queries shipped in `kg/queries/*.rq`, by name (header comments give name and params)."""
    out = {}
    for entry in sorted(resources.files("kg.queries").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        name = entry.name[:-3]
        description = ""
        params: dict[str, str] = {}
        for line in text.splitlines():
            if m := re.match(r"#\s*name:\s*(\S+)", line):
                name = m.group(1)
            elif m := re.match(r"#\s*description:\s*(.*)", line):
                description = m.group(1).strip()
            elif m := re.match(r"#\s*param\s+(\w+):\s*(.*)", line):
                params[m.group(1)] = m.group(2).strip()
        out[name] = NamedQuery(name, description, params, text)
    return out


def bind_params(query: NamedQuery, given: dict[str, str]) -> dict[str, Node]:
    """Turn `k=v` strings into RDF terms for the query's declared parameters."""
    unknown = set(given) - set(query.params)
    if unknown:
        raise QueryRefused(f"query {query.name!r} has no parameter(s) {', '.join(sorted(unknown))}; "
                           f"it takes: {', '.join(query.params) or 'none'}")
    missing = set(query.params) - set(given)
    if missing:
        raise QueryRefused(f"query {query.name!r} needs --param {' --param '.join(f'{m}=...' for m in sorted(missing))}")
    bindings: dict[str, Node] = {}
    for key, value in given.items():
        if "YYYY-MM-DD" in query.params[key]:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise QueryRefused(f"parameter {key}={value!r}: expected a date YYYY-MM-DD")
            bindings[key] = Literal(value, datatype=XSD.date)
        elif "a number" in query.params[key]:
            if not re.fullmatch(r"-?\d+(?:\.\d+)?", value):
                raise QueryRefused(f"parameter {key}={value!r}: expected a number")
            bindings[key] = Literal(value, datatype=XSD.decimal)
        else:
            bindings[key] = Literal(value)
    return bindings


def run_select(store: GraphStore, text: str, bindings: dict[str, Node] | None = None,
               limit: int = DEFAULT_LIMIT) -> tuple[list[str], list[Row], bool]:
    """Check and run a SELECT; return (variables, rows up to `limit`, truncated?)."""
    form = check_query(text)
    if form != "SelectQuery":
        raise QueryRefused(f"only SELECT queries are supported here (got {form})")
    rows = store.select(text, bindings)
    variables = list(rows[0]) if rows else projection(text)
    return variables, rows[:limit], len(rows) > limit


def projection(text: str) -> list[str]:
    """The variables a SELECT projects, so an empty result still names its columns."""
    with _PARSER_LOCK:
        return [str(v) for v in prepareQuery(text).algebra.get("PV", [])]


def _cell(value: Node | None) -> str:
    return "" if value is None else str(value)


def format_rows(variables: list[str], rows: list[Row], fmt: str) -> str:
    if fmt == "json":
        return sparql_json(variables, rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(variables)
        for r in rows:
            writer.writerow([_cell(r.get(v)) for v in variables])
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; expected table, csv or json")
    cells = [[_cell(r.get(v)) for v in variables] for r in rows]
    widths = [max([len(v)] + [len(c[i]) for c in cells]) for i, v in enumerate(variables)]
    line = "  ".join(v.ljust(w) for v, w in zip(variables, widths))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in cells]
    return "\n".join([line, rule, *body, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])


def sparql_json(variables: list[str], rows: list[Row]) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    bindings = [{v: _term(r[v]) for v in variables if r.get(v) is not None} for r in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
    return out

"""`kg`: a thin command line over the library functions.

Exit codes: 0 success; 1 findings (SHACL violations); 2 usage or input error (nothing could be
read, a bad query, a missing store); 130 a build stopped by Ctrl-C.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.store import DEFAULT_STORE, EXPORT_FORMATS, StoreError, open_store

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # `kg build` stopped by Ctrl-C (what it read before is stored)


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=DEFAULT_STORE, metavar="DIR|URL",
                   help=f"the Oxigraph store directory (default: {DEFAULT_STORE}), or a SPARQL 1.1 server's "
                        "query endpoint (http/https; writes go to KG_STORE_DATA_URL or KG_STORE_UPDATE_URL)")


def _iso_date(value: str) -> str:
    """A YYYY-MM-DD date argument (argparse reports anything else as a usage error)."""
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Hong Kong corporate governance knowledge graph")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="read filings into the store")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files or folders (.pdf, .html, .htm, .txt, .md), recursive")
    _store_arg(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--manifest", action="append", default=[], metavar="FILE",
                   help="filing metadata CSV (a manifest.csv in a given folder is read anyway)")
    p.add_argument("--report", metavar="FILE.jsonl", help="one JSON line per document: status, facts, skips")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="worker processes extracting (default: the number of cores)")
    p.add_argument("--max-size", type=float, default=20.0, metavar="MB",
                   help="a document larger than this many MB of text is an error (default: 20)")

    p = sub.add_parser("facts", help="every fact in the exchange format (JSON Lines)")
    _store_arg(p)
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    p = sub.add_parser("evaluate", help="score facts against a gold file")
    p.add_argument("gold", metavar="GOLD.jsonl")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--facts", metavar="FILE", help="facts file (default: read the store)")
    src.add_argument("--store", default=None, metavar="DIR", help=f"store to read (default: {DEFAULT_STORE})")
    p.add_argument("--types", help="comma-separated fact types to score")
    p.add_argument("--show", type=int, default=0, metavar="N", help="print up to N misses and extras")
    p.add_argument("--json", action="store_true", help="scores as JSON")

    p = sub.add_parser("query", help="run a SPARQL SELECT or a named query")
    p.add_argument("query", nargs="?", help="a SPARQL query, or a .rq file")
    p.add_argument("--named", metavar="NAME", help="a query shipped with kg (see --list)")
    p.add_argument("--param", action="append", default=[], metavar="K=V", help="named-query parameter")
    p.add_argument("--list", action="store_true", help="list the named queries")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--limit", type=int, default=10_000, help="at most this many rows (default 10000)")
    _store_arg(p)

    p = sub.add_parser("export", help="serialise the graph")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="trig")
    p.add_argument("-o", "--output", metavar="FILE")
    _store_arg(p)

    p = sub.add_parser("validate", help="check the graph against the SHACL shapes (exit 1 on violations)")
    _store_arg(p)

    p = sub.add_parser("viz", help="write a self-contained interactive HTML graph")
    _store_arg(p)
    p.add_argument("-o", "--output", default=str(Path("output") / "graph.html"), metavar="FILE")
    p.add_argument("--issuer", metavar="NAME", help="only this issuer's neighbourhood")
    p.add_argument("--as-of", metavar="DATE", type=_iso_date, help="the graph as it stood on this date (YYYY-MM-DD)")

    p = sub.add_parser("serve", help="a read-only SPARQL 1.1 endpoint over the store")
    _store_arg(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=7878, help="port (default: 7878)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default: 10)")
    p.add_argument("--max-rows", type=int, default=10_000, help="rows per result at most (default: 10000)")
    p.add_argument("--workers", type=int, default=2, help="queries running at once (default: 2)")
    p.add_argument("--queue", type=int, default=8,
                   help="queries waiting for a worker at most; beyond, 503 and Retry-After (default: 8)")
    p.add_argument("--cors", metavar="ORIGIN|*", help="answer cross-origin requests from ORIGIN "
                   "(e.g. http://localhost:3000), or from any origin with *; off by default")
    p.add_argument("--allow-remote", action="store_true", help="allow binding a non-loopback address")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except StoreError as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`kg facts | head`): not an error of ours; keep the exit quiet.
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
        return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    from kg.build import build

    if args.jobs < 1 or args.max_size <= 0:
        print("kg: --jobs must be at least 1 and --max-size positive", file=sys.stderr)
        return EXIT_USAGE
    report_file = None
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        report_file = open(args.report, "w", encoding="utf-8")
    try:
        with open_store(args.store) as store:
            report = build(args.paths, store, progress=None if args.quiet else sys.stderr,
                           manifests=args.manifest, report_to=report_file, jobs=args.jobs,
                           max_bytes=int(args.max_size * 1e6))
            print(report.summary())
            print(f"store: {args.store} ({len(store)} quads, {len(store.graphs())} graphs)")
    finally:
        if report_file is not None:
            report_file.close()
    if report.interrupted:
        return EXIT_INTERRUPTED
    if report.documents == 0 or report.built + report.unchanged == 0:
        return EXIT_USAGE
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    from kg.facts import export_lines

    with open_store(args.store, read_only=True) as store:
        lines = export_lines(store)
    text = "".join(line + "\n" for line in lines)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"{len(lines)} facts written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from kg.evaluate import GoldError, evaluate, load_jsonl
    from kg.facts import export_lines

    try:
        gold = load_jsonl(args.gold)
        if args.facts:
            pred = load_jsonl(args.facts)
        else:
            with open_store(args.store or DEFAULT_STORE, read_only=True) as store:
                pred = [json.loads(line) for line in export_lines(store)]
    except (GoldError, OSError) as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return EXIT_USAGE
    only = set(args.types.split(",")) if args.types else None
    result = evaluate(gold, pred, only)
    print(json.dumps(result.as_json(), indent=1) if args.json else result.table())
    for miss in result.misses[: args.show]:
        print("MISS ", json.dumps(miss, ensure_ascii=False))
    for extra in result.extras[: args.show]:
        print("EXTRA", json.dumps(extra, ensure_ascii=False))
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query import QueryRefused, bind_params, format_rows, named_queries, run_select

    queries = named_queries()
    if args.list:
        for q in queries.values():
            params = " ".join(f"--param {k}=..." for k in q.params)
            print(f"{q.name} {params}\n    {q.description}")
        return EXIT_OK
    try:
        if args.named:
            if args.named not in queries:
                raise QueryRefused(f"no named query {args.named!r}; known: {', '.join(queries)}")
            named = queries[args.named]
            params = dict(p.split("=", 1) for p in args.param if "=" in p)
            if len(params) != len(args.param):
                raise QueryRefused("parameters are written --param KEY=VALUE")
            text, bindings = named.text, bind_params(named, params)
        elif args.query:
            path = Path(args.query)
            text = path.read_text(encoding="utf-8") if args.query.endswith(".rq") and path.is_file() else args.query
            bindings = None
        else:
            raise QueryRefused("give a query, a .rq file, or --named NAME")
        with open_store(args.store, read_only=True) as store:
            variables, rows, truncated = run_select(store, text, bindings, args.limit)
    except QueryRefused as exc:
        print(f"kg: query refused: {exc}", file=sys.stderr)
        return EXIT_USAGE
    text = format_rows(variables, rows, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")  # CSV ends its own last row
    if truncated:
        print(f"kg: output truncated to {args.limit} rows (--limit)", file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args.store, read_only=True) as store:
        data = store.serialize(args.format)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_bytes(data)
        print(f"{len(data)} bytes written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import validate_store

    with open_store(args.store, read_only=True) as store:
        conforms, report = validate_store(store)
    print(report)
    return EXIT_OK if conforms else EXIT_FINDINGS


def cmd_viz(args: argparse.Namespace) -> int:
    from kg.graphview import UnknownIssuer
    from kg.viz import write_graph_html

    try:
        with open_store(args.store, read_only=True) as store:
            summary = write_graph_html(store, args.output, issuer=args.issuer, as_of=args.as_of)
    except UnknownIssuer as exc:
        print(f"kg: {exc.args[0]}", file=sys.stderr)
        return EXIT_USAGE
    print(summary)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.server import EndpointConfig, ServerRefused, make_server

    config = EndpointConfig(args.store, timeout=args.timeout, max_rows=args.max_rows, workers=args.workers,
                            queue=args.queue, cors=args.cors)
    try:
        server = make_server(config, args.host, args.port, allow_remote=args.allow_remote)
    except (ServerRefused, OSError) as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.allow_remote:
        print(f"kg: warning: serving on {args.host}, reachable from other machines", file=sys.stderr)
    host, port = server.server_address[:2]
    print(f"SPARQL endpoint: http://{host}:{port}/sparql, query page: http://{host}:{port}/ "
          "(read-only; Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


COMMANDS = {
    "build": cmd_build, "facts": cmd_facts, "evaluate": cmd_evaluate, "query": cmd_query,
    "export": cmd_export, "validate": cmd_validate, "viz": cmd_viz,
    "serve": cmd_serve,
}

"""Developer aid: `python -m extract [--module extract.NAME]... PATH...` prints the exchange-format facts of the files,
straight from the extractors (no store), for scoring with a reference scorer while developing."""
from __future__ import annotations

import json
import sys

from extract.readers import ReadError, find_files, read_announcement
from extract.run import extract_announcement


def main(argv: list[str]) -> int:
    modules: list[str] = []
    paths: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--module":
            modules.append(next(args))
        else:
            paths.append(arg)
    for path in find_files(paths):
        try:
            result = extract_announcement(read_announcement(path), tuple(modules) or None)
        except ReadError as exc:
            print(f"error: {exc}", file=sys.stderr)
            continue
        for fact in result.facts:
            if fact.exported():
                print(json.dumps(fact.to_spec(), ensure_ascii=False))
        for s in result.skipped:
            print(f"skipped: {s.doc_id} {s.family}: {s.reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

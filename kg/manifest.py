"""Filing metadata from the exchange's index: a `manifest.csv` beside the filings, or `--manifest FILE`.

Real pipelines fetch filings together with the exchange's index (stock code, issuer, release date,
headline, link). A manifest is a CSV file with a header row; `file` (a name relative to the
manifest's folder) is required, `issuer`, `issuer_zh`, `stock_code`, `exchange`, `date` (YYYY-MM-DD),
`title` and `url` are optional. A bad row (no file, a file that is not there, a bad date, an unknown
exchange, a file listed twice) is an error naming the manifest and the line; the other rows still
count. An unknown column is an error naming the header line; its values are ignored.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from extract.records import EXCHANGES, FilingMetadata

MANIFEST_NAME = "manifest.csv"
COLUMNS = ("file", "issuer", "issuer_zh", "stock_code", "exchange", "date", "title", "url")


@dataclass
class Manifest:
    """Filing metadata by the file it describes (resolved absolute path), and the errors met reading it."""

    rows: dict[Path, FilingMetadata] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def get(self, path: Path) -> FilingMetadata | None:
        return self.rows.get(path.resolve())

    def update(self, other: "Manifest") -> None:
        """Add `other`'s rows; a file already described keeps its first row (the second is an error)."""
        for path, filing in other.rows.items():
            if path in self.rows:
                self.errors.append(f"{filing.source}: {path.name} is already described by {self.rows[path].source}")
            else:
                self.rows[path] = filing
        self.errors += other.errors


def read_manifest(path: str | os.PathLike[str]) -> Manifest:
    """Read one manifest file; every problem is an error in the result, never an exception."""
    path = Path(path)
    out = Manifest()
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        out.errors.append(f"{path}: cannot read the manifest: {exc.strerror or exc}")
        return out
    with handle:
        try:
            _read_rows(path, csv.DictReader(handle), out)
        except (csv.Error, UnicodeDecodeError) as exc:
            out.errors.append(f"{path}: not a readable CSV file (UTF-8 with a header row): {exc}")
    return out


def manifests_in(paths: list[str]) -> list[Path]:
    """The `manifest.csv` files in the given folders and their sub-folders (hidden folders skipped)."""
    found: list[Path] = []
    for raw in paths:
        root = Path(raw)
        if not root.is_dir():
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            if MANIFEST_NAME in files:
                found.append(Path(folder) / MANIFEST_NAME)
    return found


def _read_rows(path: Path, reader: csv.DictReader, out: Manifest) -> None:
    header = reader.fieldnames or []
    if "file" not in header:
        out.errors.append(f"{path}:1: no 'file' column (columns: {', '.join(COLUMNS)})")
        return
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        out.errors.append(f"{path}:1: unknown column(s) {', '.join(map(repr, unknown))} ignored "
                          f"(known: {', '.join(COLUMNS)})")
    folder = path.parent
    for row in reader:
        where = f"{path}:{reader.line_num}"
        try:
            target, filing = _row(row, folder, where)
        except ValueError as exc:
            out.errors.append(f"{where}: {exc}")
            continue
        if target in out.rows:
            out.errors.append(f"{where}: {row['file']} is already described on {out.rows[target].source}")
            continue
        out.rows[target] = filing


def _row(row: dict[str, str | None], folder: Path, where: str) -> tuple[Path, FilingMetadata]:
    values = {k: (v or "").strip() or None for k, v in row.items() if k in COLUMNS}
    if None in row and any((v or "").strip() for v in row[None] or []):  # type: ignore[index]
        raise ValueError("more cells than the header has columns")
    name = values.get("file")
    if not name:
        raise ValueError("no file named (column 'file' is empty)")
    target = (folder / name).resolve()
    if not target.is_file():
        raise ValueError(f"{name}: no such file beside the manifest")
    date = values.get("date")
    if date:
        try:
            date = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise ValueError(f"bad date {date!r} (expected YYYY-MM-DD)") from None
    exchange = values.get("exchange")
    if exchange:
        known = {e.upper(): e for e in EXCHANGES}
        if exchange.upper() not in known:
            raise ValueError(f"unknown exchange {exchange!r} (expected one of {', '.join(EXCHANGES)})")
        exchange = known[exchange.upper()]
    code = values.get("stock_code")
    if code and not code.isdigit():
        raise ValueError(f"bad stock code {code!r} (expected digits, leading zeros kept)")
    return target, FilingMetadata(issuer=values.get("issuer"), issuer_zh=values.get("issuer_zh"),
                                  stock_code=code, exchange=exchange, date=date,
                                  title=values.get("title"), url=values.get("url"), source=where)

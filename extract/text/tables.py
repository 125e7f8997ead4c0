"""A reader for tables flattened from PDF into text: tab-separated rows, or one value per line.

Disclosure tables (pledges, releases, shareholdings, ...) reach us as text in a few layouts:

* one row per line, cells separated by tabs, the header sometimes wrapped over two lines
  (`Name of<TAB>Number of pledged` / `shareholder<TAB>shares (shares)`);
* header cells cut short (`thousand)`, `capital`) or merged, a `Total` row at the end;
* one cell per line (every value on its own line, rows one after another), a cell wrapped over
  lines marked by the trailing space PDF extraction leaves on the wrapped line;
* page furniture (`<<<PAGE 2>>>`, `– 2 –`) in the middle of a table;
* "scrambled" rows, where one line holds several holders run together and each cell lists all
  holders' values in order (`38,710.0160 860.3174`): the reader keeps such cells whole and
  `cell_values` splits them, the caller decides whether the values can be aligned.

The reader only finds structure (header labels, unit per column, rows, the Total row) with
character offsets for evidence; what the columns mean is left to each family.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from extract.text.numbers import UNIT_MULTIPLIERS, percent, scaled_int, to_decimal

#: A parenthesised group in a header: `(in 10 thousand)`, `(shares)`, `(Note 2)`.
_PAREN = re.compile(r"\(([^()]*)\)")
#: A header group giving the unit as a bare figure: `(10,000)`, `(’000 shares)`, `(in 10,000)`.
_BARE_UNITS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^\s*(?:in\s+|unit\s*[:：]\s*)?10,?000\s*(?:shares?)?\s*$", re.I), 10_000),
    (re.compile(r"^\s*(?:in\s+)?['’‘]000\s*(?:shares?)?\s*$", re.I), 1_000),
)
#: A note marker written into a cell: `Ruide Venture (Note 1)`, `16,000,000 (Note)`, `Total*`.
NOTE_MARK = re.compile(r"\s*(?:\(\s*notes?\s*\d*\s*\)|\bnotes?\s*\d+\b|\*+)\s*$", re.I)
#: A header group stating plain shares as the unit: `(shares)`, `(share)`.
_PLAIN_SHARES = re.compile(r"^\s*(?:in\s+)?shares?\s*$", re.I)
#: A caption stating the unit of a whole table: `Unit: 10,000 shares`, `(Unit: shares)`.
_CAPTION_UNIT = re.compile(r"\bunits?\s*[:：]\s*(?P<unit>[^\n)]{1,40})", re.I)
#: The first cell of a total row: `Total`, `Sum`, `合计`.
TOTAL_LABEL = re.compile(r"^\s*(?:(?:grand\s+|sub-?\s*)?total|sum|in\s+total|合计|合計|小计)\s*[:：]?\s*$", re.I)
#: A cell with nothing stated: blank, dashes, `N/A`.
EMPTY_CELL = re.compile(r"^\s*(?:[-–—/]+|n/?a|nil)?\s*$", re.I)
#: One value token inside a (possibly multi-valued) cell: `1,600.00`, `4.13%`, `0`.
_VALUE_TOKEN = re.compile(r"(?<!\S)-?\d[\d,]*(?:\.\d+)?%?(?!\S)")
#: A cell that is a number or percentage (possibly several, whitespace-separated).
_NUMERIC_CELL = re.compile(r"^\s*(?:-?\d[\d,]*(?:\.\d+)?%?\s*)+$")
#: A header line carrying on the label above it in a one-value-per-line table: `shareholder`,
#: `(in 10 thousand)`.
_LABEL_CONTINUATION = re.compile(r"^\s*[a-z(]")
#: Page furniture left in the text by PDF extraction: `<<<PAGE 2>>>`, `– 2 –`, `Page 2 of 5`.
PAGE_MARK = re.compile(r"^\s*(?:<<<\s*PAGE\s*\d+\s*>>>|[–—-]\s*\d{1,3}\s*[–—-]|page\s+\d+(?:\s+of\s+\d+)?)\s*$", re.I)
#: A cell holding one count, possibly with its unit word: `1,600.00`, `16,000,000 shares`.
_COUNT_CELL = re.compile(r"^\s*(?P<n>-?\d[\d,]*(?:\.\d+)?)\s*(?:shares?|股)?\s*$", re.I)
#: A cell holding a date in any common layout (a cheap test; `extract.text.dates` parses it). A long
#: cell mentioning a year is a header (`Shares held as at 31 December 2023`), not a value.
_DATE_CELL = re.compile(r"\b(?:19|20)\d\d\b")
_DATE_CELL_MAX = 40


@dataclass(frozen=True)
class Cell:
    """The text of one cell and where it sits in the document."""

    text: str
    start: int
    end: int

    @property
    def empty(self) -> bool:
        return bool(EMPTY_CELL.match(self.text))


@dataclass(frozen=True)
class Column:
    """A header label (wrapped parts joined) and the multiplier of the counts it holds."""

    label: str
    unit: int


@dataclass(frozen=True)
class Table:
    """Header columns, detail rows and the Total row (if any) of one table, with its span."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None
    start: int
    end: int

    def find(self, pattern: re.Pattern[str], exclude: re.Pattern[str] | None = None) -> int | None:
        """Index of the first column whose label matches `pattern` (and not `exclude`)."""
        for i, column in enumerate(self.columns):
            if pattern.search(column.label) and not (exclude and exclude.search(column.label)):
                return i
        return None

    def cell(self, row: tuple[Cell, ...], index: int | None) -> Cell | None:
        """The cell of `row` in column `index`, None when the column or the cell is missing."""
        if index is None or index >= len(row):
            return None
        return row[index]


def cell_values(cell: Cell) -> list[Cell]:
    """The value tokens of a cell, each with its own offsets (`28.83% 0.64%` -> two cells)."""
    return [Cell(m.group(0), cell.start + m.start(), cell.start + m.end())
            for m in _VALUE_TOKEN.finditer(cell.text)]


def shares(cell: Cell | None, unit: int) -> int | None:
    """A share count from a single-valued cell (`1,600.00`, `16,000,000 shares`), scaled by the
    column's unit."""
    if cell is None or cell.empty:
        return None
    m = _COUNT_CELL.match(NOTE_MARK.sub("", cell.text))
    return scaled_int(m.group("n"), unit) if m else None


def pct(cell: Cell | None, percent_column: bool = False) -> float | None:
    """A percentage from a single-valued cell (`4.13%` -> 4.13); a bare number counts only in a
    column headed as percentages (`Proportion (%)`)."""
    if cell is None or cell.empty:
        return None
    text = NOTE_MARK.sub("", cell.text)
    value = percent(text)
    if value is None and percent_column and is_numeric(text) and len(_VALUE_TOKEN.findall(text)) == 1:
        number = to_decimal(text)
        value = float(number) if number is not None else None
    return value


def is_numeric(text: str) -> bool:
    """True for a cell holding only numbers or percentages."""
    return bool(_NUMERIC_CELL.match(text))


def explicit_unit(label: str) -> int | None:
    """The unit a header states in parentheses (`(in 10 thousand)` -> 10000, `(shares)` -> 1).

    None when the label states no unit, e.g. a fragment (`thousand)`) cut from a wrapped header:
    the table's prevailing unit then applies rather than a misleading partial match.
    """
    for group in _PAREN.findall(label):
        for pattern, multiplier in _BARE_UNITS + UNIT_MULTIPLIERS:
            if pattern.search(group):
                return multiplier
        if _PLAIN_SHARES.match(group):
            return 1
    return None


def _columns(labels: list[str], caption_unit: int | None) -> tuple[Column, ...]:
    """Columns with units: stated ones, else the caption's, else the table's prevailing unit."""
    units = [explicit_unit(label) for label in labels]
    stated = Counter(u for u in units if u is not None)
    default = caption_unit or (stated.most_common(1)[0][0] if stated else 1)
    return tuple(Column(" ".join(label.split()), u if u is not None else default)
                 for label, u in zip(labels, units))


def _caption_unit(text: str, start: int, end: int) -> int | None:
    """A `Unit: ...` caption just before a table, which states the unit of every count column."""
    m = _CAPTION_UNIT.search(text, max(0, start - 200), end)
    if not m:
        return None
    for pattern, multiplier in UNIT_MULTIPLIERS:
        if pattern.search(m.group("unit")):
            return multiplier
    return 1 if re.search(r"\bshares?\b", m.group("unit"), re.I) else None


def _lines(text: str, start: int, end: int) -> list[Cell]:
    """The lines of text[start:end] with offsets (line break excluded), page breaks removed: a
    run of blank lines holding a page mark (`<<<PAGE 2>>>`, `– 2 –`) does not end a table."""
    raw, pos = [], start
    for part in text[start:end].split("\n"):
        line = part.rstrip("\r")
        raw.append(Cell(line, pos, pos + len(line)))
        pos += len(part) + 1
    out: list[Cell] = []
    run: list[Cell] = []
    for line in raw:
        if not line.text.strip() or PAGE_MARK.match(line.text):
            run.append(line)
            continue
        if not any(PAGE_MARK.match(c.text) for c in run):
            out.extend(run)
        run = []
        out.append(line)
    return out + [c for c in run if not PAGE_MARK.match(c.text)]


def _unwrap(lines: list[Cell]) -> list[Cell]:
    """Non-blank lines with wrapped cells joined: PDF extraction leaves a trailing space on a
    line whose cell goes on in the next line (`Name of ` / `shareholder`)."""
    out: list[Cell] = []
    carry = False
    for line in lines:
        stripped = line.text.strip()
        if not stripped:
            continue
        lead = line.start + line.text.index(stripped)
        cell = Cell(stripped, lead, lead + len(stripped))
        if carry and out:
            out[-1] = _join(out[-1], cell)
        else:
            out.append(cell)
        carry = line.text.endswith((" ", "\u00a0"))
    return out


def _split_tabs(line: Cell) -> tuple[Cell, ...]:
    """The tab-separated cells of a line, stripped, each with its offsets."""
    cells, pos = [], line.start
    for part in line.text.split("\t"):
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        cells.append(Cell(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(part) + 1
    return tuple(cells)


def _is_data_row(cells: tuple[Cell, ...]) -> bool:
    """A row holding values (a number, percentage or date), or the Total row; not a header line."""
    if cells and TOTAL_LABEL.match(cells[0].text):
        return True
    return any(is_numeric(c.text) or (_DATE_CELL.search(c.text) and len(c.text) <= _DATE_CELL_MAX)
               for c in cells[1:] if c.text)


def _merge_header(lines: list[tuple[Cell, ...]]) -> list[str]:
    """Header labels from one or more wrapped header lines, joined column by column."""
    width = max(len(cells) for cells in lines)
    labels = [""] * width
    for cells in lines:
        for i, cell in enumerate(cells):
            labels[i] = f"{labels[i]} {cell.text}".strip()
    return labels


def _table(text: str, header: list[tuple[Cell, ...]], body: list[tuple[Cell, ...]]) -> Table | None:
    """A Table from header lines and data rows; None when there is no header or no data."""
    if not header or not body:
        return None
    start, end = header[0][0].start, body[-1][-1].end
    columns = _columns(_merge_header(header), _caption_unit(text, start, start))
    total = body[-1] if TOTAL_LABEL.match(body[-1][0].text) else None
    rows = tuple(r for r in body if not TOTAL_LABEL.match(r[0].text))
    return Table(columns, rows, total, start, end)


def _join(first: Cell, second: Cell) -> Cell:
    """Two parts of one wrapped cell as one cell."""
    if not second.text:
        return first
    if not first.text:
        return second
    return Cell(f"{first.text} {second.text}", first.start, second.end)


def _continues(block: list[tuple[Cell, ...]], cells: tuple[Cell, ...]) -> bool:
    """A line that carries on the previous data row (a wrapped pledgee or purpose): no values of
    its own, no name in the first column, and the previous line was a data row."""
    return (bool(block) and _is_data_row(block[-1]) and not _is_data_row(cells)
            and not cells[0].text and not TOTAL_LABEL.match(block[-1][0].text))


def _completes(block: list[tuple[Cell, ...]], cells: tuple[Cell, ...]) -> bool:
    """A line finishing a data row broken mid-cell: the row is short of the header's width by
    exactly what this line brings (its first cell ends the row's last cell)."""
    return (len(block) > 1 and _is_data_row(block[-1]) and not _is_data_row(cells)
            and len(block[-1]) < len(block[0]) == len(block[-1]) + len(cells) - 1)


def _add_line(block: list[tuple[Cell, ...]], line: Cell) -> None:
    """Append a tab-separated line to a table block, joining a row's continuation line to it."""
    cells = _split_tabs(line)
    if _completes(block, cells):
        block[-1] = block[-1][:-1] + (_join(block[-1][-1], cells[0]),) + cells[1:]
    elif _continues(block, cells):
        prev = list(block[-1]) + [Cell("", line.start, line.start)] * max(0, len(cells) - len(block[-1]))
        block[-1] = tuple(_join(prev[i], cells[i]) if i < len(cells) else prev[i] for i in range(len(prev)))
    else:
        block.append(cells)


def _wrapped_last_cell(block: list[tuple[Cell, ...]], line: Cell, following: Cell | None) -> bool:
    """A short line without tabs between two data rows: the wrapped end of the row's last cell
    (not a note or heading before the next table, whose header line holds no values)."""
    if not block or not line.text.strip() or len(line.text) >= 80 or following is None:
        return False
    if "\t" not in following.text or TOTAL_LABEL.match(block[-1][0].text) or not _is_data_row(block[-1]):
        return False
    after = _split_tabs(following)
    return _is_data_row(after) or not after[0].text


def _plain(text: str, start: int, end: int) -> bool:
    """text[start:end] (one line, break excluded) is a plain line: no tab, not blank, no page mark.

    Two plain lines in a row always close any table (the first is not a wrapped cell since the
    next line has no tab, and neither belongs to a page break), so a scan can be cut between them.
    """
    line = text[start:end].rstrip("\r")
    return "\t" not in line and bool(line.strip()) and not PAGE_MARK.match(line)


def _tab_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of text[start:end] holding every tab, cut only between two plain lines in a row
    (where the table scan holds no state), so scanning each span alone finds the same tables as
    scanning the whole text, without walking the lines of documents' prose."""
    regions: list[tuple[int, int]] = []
    floor = start
    tab = text.find("\t", start, end)
    while tab >= 0:
        # back from the tab's line to the first line after two plain lines in a row
        line_start = max(text.rfind("\n", floor, tab) + 1, floor)
        region_start = floor
        cur = line_start  # start of the line after the candidate pair
        while cur > floor:
            prev_end = cur - 1  # the break ending the previous line
            prev_start = max(text.rfind("\n", floor, prev_end) + 1, floor)
            if cur != line_start and _plain(text, cur, _line_end(text, cur, end)) \
                    and _plain(text, prev_start, prev_end):
                region_start = cur
                break
            cur = prev_start
        # forward to the first two plain lines in a row after the tab's line
        pos = _line_end(text, tab, end)
        region_end = end
        while pos < end:
            first = pos + 1
            first_end = _line_end(text, first, end)
            if first_end >= end:
                break
            second = first_end + 1
            if _plain(text, first, first_end) and _plain(text, second, _line_end(text, second, end)):
                region_end = first_end
                break
            pos = first_end
        regions.append((region_start, region_end))
        if region_end >= end:
            break
        floor = region_end + 1
        tab = text.find("\t", floor, end)
    return regions


def _line_end(text: str, pos: int, end: int) -> int:
    """The offset of the break ending the line at `pos` (or `end`)."""
    nl = text.find("\n", pos, end)
    return end if nl < 0 else nl


def find_tables(text: str, start: int = 0, end: int | None = None) -> list[Table]:
    """Every tab-separated table in text[start:end]: consecutive lines containing tabs.

    Leading lines without values are the (possibly wrapped) header; the rest are rows. A data
    row wrapped onto a further line (blank first cell, or no tab at all) is joined back.
    Only the spans around tabs are scanned (see `_tab_regions`).
    """
    end = len(text) if end is None else end
    tables: list[Table] = []
    for region_start, region_end in _tab_regions(text, start, end):
        tables.extend(_find_tables(text, region_start, region_end))
    return tables


def _find_tables(text: str, start: int, end: int) -> list[Table]:
    """The tables of text[start:end], scanning every line."""
    tables: list[Table] = []
    block: list[tuple[Cell, ...]] = []
    lines = _lines(text, start, end) + [Cell("", end, end)]
    for i, line in enumerate(lines):
        if "\t" in line.text and _starts_table(block, line):
            _flush(text, block, tables)
            block = []
        if "\t" in line.text:
            _add_line(block, line)
            continue
        if _wrapped_last_cell(block, line, lines[i + 1] if i + 1 < len(lines) else None):
            stripped = line.text.strip()
            lead = line.start + line.text.index(stripped)
            block[-1] = block[-1][:-1] + (_join(block[-1][-1], Cell(stripped, lead, lead + len(stripped))),)
            continue
        _flush(text, block, tables)
        block = []
    return tables


def _starts_table(block: list[tuple[Cell, ...]], line: Cell) -> bool:
    """A header line right after a table's Total row: a second table with no gap before it."""
    return bool(block) and TOTAL_LABEL.match(block[-1][0].text) is not None \
        and not _is_data_row(_split_tabs(line))


def _flush(text: str, block: list[tuple[Cell, ...]], tables: list[Table]) -> None:
    """Close a block of tab-separated lines: header lines, then rows, as a Table if it has both."""
    if not block:
        return
    split = next((i for i, cells in enumerate(block) if _is_data_row(cells)), len(block))
    table = _table(text, block[:split], block[split:])
    if table:
        tables.append(table)


def read_stacked(text: str, start: int, end: int,
                 is_label: Callable[[str], bool]) -> Table | None:
    """A table written one cell per line in text[start:end] (no tabs).

    The header is the leading run of lines `is_label` accepts, with lower-case lines that either
    carry on the label above (`Name of` / `shareholder`) or are labels cut short by the PDF
    (`capital`): the reading whose column count divides the values into whole rows, and matches
    the Total row when there is one, wins. The following lines are cut into rows of that many
    cells. None when no reading fits: a table that cannot be aligned is better not read than
    read shifted.
    """
    lines = _unwrap(_lines(text, start, end))
    head = 0
    while head < len(lines) and (is_label(lines[head].text)
                                 or (head and _LABEL_CONTINUATION.match(lines[head].text))):
        head += 1
    data = lines[head:]
    cut = next((i for i, c in enumerate(data) if TOTAL_LABEL.match(c.text)), len(data))
    detail, total = data[:cut], tuple(data[cut:])
    for labels in _label_readings(lines[:head], is_label):
        n = len(labels)
        if n >= 2 and detail and not len(detail) % n and (not total or len(total) == n):
            rows = tuple(tuple(detail[i:i + n]) for i in range(0, len(detail), n))
            columns = _columns([c.text for c in labels], _caption_unit(text, lines[0].start, lines[0].start))
            return Table(columns, rows, total or None, lines[0].start, (total or rows[-1])[-1].end)
    return None


def _label_readings(header: list[Cell], is_label: Callable[[str], bool]) -> list[list[Cell]]:
    """Header lines read as labels wrapped over lines (continuations joined), then as one label
    per line."""
    joined: list[Cell] = []
    for line in header:
        if joined and not is_label(line.text):
            joined[-1] = _join(joined[-1], line)
        else:
            joined.append(line)
    return [joined, header] if len(joined) != len(header) else [joined]


def decimal_places(text: str) -> int:
    """Decimal places written in a number (`4.13%` -> 2): the precision it was rounded to."""
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0


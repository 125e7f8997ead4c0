"""Changes stated as a table: `Name | Position | Change | Effective date`, one row per post.

Some announcements list their changes before the prose about them:

    Name                  Position                        Change               Effective date
    Mr. Hui Kwok Wing     Executive Director              Resignation          31 July 2026
                          Chief Executive Officer         Resignation          31 July 2026
    Mr. Tam Yiu Fai       Non-executive Director          Re-designation from executive Director   24 July 2026

The header names the four columns (in any order, with tabs or runs of spaces between cells); a row with an
empty name cell is another post of the person above. A row is read only when every cell reads: the name an
honorific name, the position a post (`extract.changes.posts`), the change a change word, the date a date;
the table ends at the first line that is not such a row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.changes.effective import When
from extract.changes.posts import Post, read_posts
from extract.text.dates import parse_date
from extract.text.names import HONORIFIC_PREFIX, clean_person

#: Header labels of the four columns.
LABELS = {
    "name": re.compile(r"^(?:name|name\s+of\s+(?:director|person)s?|director)$", re.I),
    "post": re.compile(r"^(?:position|post|role|office|positions?\s+held|designation|title)s?$", re.I),
    "change": re.compile(r"^(?:change|nature\s+of\s+(?:the\s+)?change|type\s+of\s+change|changes?)$", re.I),
    "date": re.compile(r"^(?:effective\s+date|date\s+of\s+effect|effective\s+from|with\s+effect\s+from|date)$", re.I),
}
CELL = re.compile(r"[^\t ](?:[^\t ]| (?! ))*")
# Change words of the change column, by kind.
CHANGE_WORDS = (("redesignated", re.compile(r"^re-?designat\w*", re.I)),
                ("appointed", re.compile(r"^(?:appoint\w*|elect\w*)", re.I)),
                ("resigned", re.compile(r"^(?:resign\w*|cessation|ceas\w*|stepp\w*\s+down)", re.I)),
                ("retired", re.compile(r"^retire\w*", re.I)),
                ("removed", re.compile(r"^remov\w*", re.I)),
                ("deceased", re.compile(r"^(?:death|deceased|passed\s+away)", re.I)))
#: Lines a change table reads at most.
MAX_ROWS = 40


@dataclass(frozen=True)
class Row:
    """One read row: the person (as written, honorific dropped), the change, the post, the date, the span."""

    person: str
    change: str
    post: Post
    when: When
    start: int
    end: int


# A line that may be a change table's header (a cheap scan before the lines are read).
MAYBE_HEADER = re.compile(r"^[^\n]*\bName\b[^\n]*\b[Cc]hange\b", re.M)


def change_tables(text: str) -> list[Row]:
    """Every row of every change table of the document."""
    if not MAYBE_HEADER.search(text):
        return []
    rows: list[Row] = []
    pos = 0
    lines = text.split("\n")
    offsets = []
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        columns = _header(lines[i])
        if columns is None:
            i += 1
            continue
        read, i = _rows(lines, offsets, i + 1, columns)
        rows += read
    return rows


def _cells(line: str, tabbed: bool = False) -> list[tuple[int, str]]:
    """(position, text) of a line's cells: by tab index in a tab-separated table (empty cells count), else by
    character position (cells are runs of text with at most single spaces)."""
    if tabbed:
        return [(i, cell.strip()) for i, cell in enumerate(line.split("\t")) if cell.strip()]
    return [(m.start(), m.group()) for m in CELL.finditer(line)]


def _header(line: str) -> dict[str, int] | None:
    """Column name -> start position (tab index in a tab-separated header), when the line is a change-table header."""
    if "name" not in line.lower():
        return None
    found: dict[str, int] = {}
    for start, cell in _cells(line, "\t" in line):
        for column, label in LABELS.items():
            if label.match(cell.strip()) and column not in found:
                found[column] = start
                break
        else:
            return None
    return found if len(found) == 4 else None


def _rows(lines: list[str], offsets: list[int], i: int, columns: dict[str, int]) -> tuple[list[Row], int]:
    order = sorted(columns.items(), key=lambda kv: kv[1])
    tabbed = "\t" in lines[i - 1]
    rows: list[Row] = []
    person: str | None = None
    while i < len(lines) and len(rows) < MAX_ROWS:
        cells = _assign(_cells(lines[i], tabbed), order, 0 if tabbed else 2)
        if cells is None:
            break
        name = cells.get("name")
        if name:
            person = clean_person(name) if HONORIFIC_PREFIX.match(name) else None
        row = _row(cells, person, offsets[i], offsets[i] + len(lines[i]))
        if row is None:
            break
        rows.append(row)
        i += 1
    return rows, i


def _assign(cells: list[tuple[int, str]], order: list[tuple[str, int]], slack: int) -> dict[str, str] | None:
    """Each cell under the column whose heading starts nearest at or before it (`slack` characters of misalignment
    allowed); None for a line of no cells."""
    if not cells:
        return None
    out: dict[str, str] = {}
    for start, text in cells:
        column = max((c for c in order if c[1] <= start + slack), key=lambda c: c[1], default=None)
        if column is None or column[0] in out:
            return None
        out[column[0]] = text.strip()
    return out


def _row(cells: dict[str, str], person: str | None, start: int, end: int) -> Row | None:
    if person is None or not all(cells.get(c) for c in ("post", "change", "date")):
        return None
    posts = read_posts(cells["post"], 0)
    date = parse_date(cells["date"])
    change = next((kind for kind, word in CHANGE_WORDS if word.match(cells["change"])), None)
    if len(posts.posts) != 1 or posts.foreign or posts.end < len(cells["post"]) or not date or not change:
        return None
    return Row(person, change, posts.posts[0], When("date", 0, 0, date=date), start, end)

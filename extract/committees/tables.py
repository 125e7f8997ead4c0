"""Committee table readers: composition matrices (tab-, `|`- and space-laid), committee rows,
attendance tables and lists under a heading or a colon. Each yields `Seen` memberships.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from extract.committees.names import (
    ALIGNED_GAP, _CHAIR, COMMITTEE, committee_key, COMMITTEE_WORD, FAMILY, LEFT_NOTE,
    _listed_position, _mentions, _NAME_TOKEN, _NOT_NAME, PERSON, _position, Seen, _stated_date,
    _with_implied_members,
)
from extract.context import DocContext
from extract.text.dates import parse_date


# Family: a bare name in a table cell (`Cai Baogui`, `WONG Kwok Keung`).
BARE_NAME = re.compile(rf"^(?!{_NOT_NAME}|Name|Total|Members?\b){_NAME_TOKEN}(?:[ \u00a0]+{_NAME_TOKEN}){{1,4}}$")
# Family: a mark in a composition matrix cell.
CHAIR_MARKS = re.compile(r"^(?:C|Chair(?:man|woman|person)?|Conven[eo]r|Chairman\s+of\s+the\s+Committee)$", re.I)
MEMBER_MARKS = re.compile(r"^(?:M|Members?|Member\s+of\s+the\s+Committee)$", re.I)
GLYPH = re.compile(r"^[●○◎◉✓✔√★☆▲△■□◆◇✗xXYy✱*]$")
# Family: a glyph with its position written beside it (`✓ (Chairman)`, `● Chairperson`).
GLYPH_NOTED = re.compile(rf"^[●○◎◉✓✔√★☆▲△■□◆◇✱*]\s*[(（]?\s*(?P<pos>{_CHAIR}|members?)"
                         r"(?:\s+of\s+the\s+committee)?\s*[)）]?$", re.I)
# Family: page furniture inside a table flattened from PDF: the page marker of the converter
# (`<<<PAGE 34>>>`), a bare page number, and the running header after a page marker
# (`Tai Fung Textile Holdings Limited  Annual Report 2024`).
PAGE_MARK = re.compile(r"^<<<\s*PAGE\s+\d+\s*>>>$", re.I)
PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,4}(?:\s*-)?$")
RUNNING_HEADER = re.compile(r"\b(?:Annual|Interim)\s+Report\b|\bReport\s+\d{4}\b|\b(?:Limited|Ltd\.?)\b|"
                            r"^(?:CORPORATE\s+GOVERNANCE\s+REPORT|Corporate\s+Governance\s+Report)\b", re.I)
# Family: a section label between a table's rows (`Executive Directors`, `Independent Non-executive Directors:`).
SECTION_LABEL = re.compile(r"^(?:(?:Independent\s+)?(?:Non-?\s*)?Executive|Independent)\s+(?:Non-?\s*executive\s+)?"
                           r"Directors?\s*:?$", re.I)
# Family: the rest of a name wrapped onto the next row (`Lun, Stephen`, `Keung`).
NAME_TAIL = re.compile(rf"(?!{_NOT_NAME}){_NAME_TOKEN}(?:[ ]+(?!{_NOT_NAME}){_NAME_TOKEN}){{0,2}}(?:,[ ][A-Z][a-z]+)?")
# Family: a matrix legend entry (`● Chairperson of the Committee`, `C: Chairman`).
LEGEND = re.compile(r"(?P<mark>[●○◎◉✓✔√★☆▲△■□◆◇✱]|\b[A-Z]\b)\s*[:：=\-–]?\s*(?P<what>Chair\w*|Conven[eo]r|Members?)\b", re.I)
# Family: one list line under a heading (`Mr. Tsui Yung Kwok (Chairman)`, `• Ms. Cao Ying – member`).
LIST_LINE = re.compile(
    r"^\s*(?:[-•·*▪]\s*|\(?\w\)\s*|\d+[.)]\s*)?(?P<person>[^\t\n(,–—:]{3,60}?)\s*"
    r"(?:\((?P<p1>[^)]{0,60})\)|[,:–—-]\s*(?P<p2>[A-Za-z -]{0,60})|\t+(?P<p3>[A-Za-z -]{0,60}))?\s*[.;,]?\s*$")
# Family: a heading that is only a committee's name (`AUDIT COMMITTEE`, `**Nomination Committee**`).
HEADING_ONLY = re.compile(r"^\s*(?:#+\s*)?\**\s*(?:members\s+of\s+(?:the\s+)?)?(?:[A-Za-z,&()]+\s+){0,6}"
                          r"co(?:mm?|rnm|nm)itt?ee\s*(?:members)?\s*:?\s*\**\s*$", re.I)
# Family: words that show a capitalised line is not a person's name (addresses, offices, firms).
BARE_STOP = re.compile(r"\b(?:Committee|Director|Directors|Board|Secretary|Representatives?|Auditors?|"
                       r"Office|Limited|Ltd|Bank|Road|Street|Floor|Tower|Centre|Center|Building|Kong|"
                       r"Company|Group|Report|Policy|Meeting|Members?|Chairman|Name)\b", re.I)
# Family: a label line between a committee heading and its list (`Members:`, `Composition:`).
MEMBERS_LABEL = re.compile(r"^\s*(?:\**\s*)?(?:(?:Committee\s+)?Members|Composition|Membership)\s*:?\s*\**\s*$", re.I)
# Family: the header of a one-committee attendance table (`Name of members<TAB>Attendance/Number of
# meetings`, `Members<TAB>Meetings attended/held`): a names column and one attendance column.
ATTENDANCE_HEADER = re.compile(
    r"^[ \t]*(?:Name\s+of\s+(?:the\s+)?)?(?:(?:Committee\s+)?Members?|Names?|Directors?)[ \t]*\t[ \t]*"
    r"(?:Number\s+of\s+)?(?:Attendance|meetings\s+attended|Attended)[^\t\n]*$", re.I | re.M)
# Family: an attendance cell (`3/3`, `2 / 3`).
ATTENDED = re.compile(r"^\d{1,2}\s*/\s*\d{1,2}$")
# Family: a row note giving the person's appointment (`appointed on 1 July 2024`).
JOINED_NOTE = re.compile(r"\b(?:appointed|joined)\b", re.I)
# Family: the line introducing a list (`The Audit Committee comprises the following members:`).
LIST_INTRO = re.compile(r"(?:members|comprises|comprising|consists\s+of|composed\s+of|as\s+follows)\b[^\n]{0,40}:\s*$"
                        r"|^\s*(?:members\s+of\s+(?:the\s+)?)?[^\n]{0,60}co(?:mm?|rnm|nm)itt?ee\s*(?:members)?\s*:?\s*$", re.I)


# --- composition matrices ------------------------------------------------------------------

def _cells(line: str) -> list[str] | None:
    """Cells of a tab- or pipe-separated row; None for a line that is not a row."""
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if line.count("|") >= 2:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return None


def _matrices(ctx: DocContext, lines: list[str], offsets: list[int], named: list[int]) -> Iterator[Seen]:
    """People x committees tables: a header with two or more committees, rows of marks.

    The header may be wrapped over two lines (`Audit<TAB>Remuneration` over
    `Committee<TAB>Committee`, the HKEX list of directors). In a committee column that marks
    its chair, a glyph no legend explains marks a member.
    """
    done = -1
    for i in named:
        if i <= done:
            continue
        found = _matrix_header(lines, i)
        if found is None:
            continue
        header, last = found
        rows = _matrix_rows(lines, last + 1)
        done = rows[-1][0] if rows else last
        legend = _legend(lines[max(0, i - 4):i] + lines[done + 1:done + 6])
        seen: list[Seen] = []
        for j, row in rows:
            seen.extend(_matrix_row(ctx, header, row, legend, offsets[j], offsets[j] + len(lines[j])))
        yield from _column_implied_members(seen)


# Family: a cell of a table laid out with spaces (PDF text): words joined by single spaces, cells
# apart by two or more.
ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")
# Family: a bare committee word heading a column of a space-aligned grid (`Audit`, `Remuneration`,
# `ESG`); the lines holding one are the only candidate headers (literal hits).
GRID_HEADER_HIT = re.compile(r"\b(?:Audit|Remuneration|Nomination|ESG|Risk|Strategy|Strategic|Sustainability|"
                             r"Compensation|Corporate\s+Governance|Investment|Executive)\b")
# A mark that says "not a member" in a grid cell.
NOT_A_MEMBER = {"-", "–", "—", "N/A", "n/a", "/"}


def _aligned_cells(line: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the cells of a space-aligned line."""
    return [(m.start(), m.end(), m.group(0)) for m in ALIGNED_CELL.finditer(line)]


def _grid_key(cell: str) -> str | None:
    """The committee a grid header cell names (`Audit`, `Audit Committee`); None for the others.

    Raises ValueError for a cell holding a committee word the vocabulary does not know
    (`Committee Committee`, a header joined wrongly): such a table is not read.
    """
    named = " ".join(cell.split())
    if COMMITTEE_WORD.search(named):
        key = committee_key(named) if COMMITTEE.fullmatch(named) else "other:"
        if key.startswith("other:"):
            raise ValueError(named)
        return key
    key = committee_key(f"{named} Committee")
    return None if key.startswith("other:") else key


def _aligned_header(lines: list[str], i: int) -> tuple[list[tuple[int, int, str | None]], int] | None:
    """Columns (start, end, committee) of a space-aligned grid header at line `i`, and its last line.

    A header wrapped over two lines (`Audit   Remuneration` over `Committee   Committee`) is
    joined cell by cell: each cell of the lower line goes to the upper cell it overlaps. A column
    that is not a committee (`Board`, `Directors`) gets None; two committee columns are needed.
    """
    top = _aligned_cells(lines[i])
    if len(top) < 2 or "\t" in lines[i] or not ALIGNED_GAP.search(lines[i]):
        return None
    last = i
    names = [t[2] for t in top]
    spans = [(t[0], t[1]) for t in top]
    if i + 1 < len(lines) and lines[i + 1].strip() and "\t" not in lines[i + 1]:
        below = _aligned_cells(lines[i + 1])
        if below and all(COMMITTEE_WORD.fullmatch(b[2]) for b in below):
            for start, end, word in below:
                hits = [k for k, (a, z) in enumerate(spans) if a < end and start < z]
                if len(hits) != 1:
                    return None
                names[hits[0]] = f"{names[hits[0]]} {word}"
            last = i + 1
    try:
        keys = [_grid_key(n) for n in names]
    except ValueError:
        return None
    if sum(k is not None for k in keys) < 2:
        return None
    columns = [(a, z, k) for (a, z), k in zip(spans, keys)]
    if columns[0][0] == 0 and columns[0][2] is None:
        columns = columns[1:]  # the names column (`Directors`, `Name of Director`)
    return columns, last


def _aligned_matrices(ctx: DocContext, lines: list[str], offsets: list[int]) -> Iterator[Seen]:
    """People x committees grids laid out with spaces (PDF text), marks `C`/`M`/`Chairman`/`-`.

    Each mark goes to the header column it overlaps; a mark overlapping no column or two, or a
    cell that is not a mark, skips the row. Columns that are not committees (`Board`) are read
    over. A header naming a committee the vocabulary does not know is never read as `other:`.
    """
    text = ctx.text
    done = -1
    candidates = sorted({text.count("\n", 0, m.start()) for m in GRID_HEADER_HIT.finditer(text)})
    for i in candidates:
        if i <= done or not ALIGNED_GAP.search(lines[i]):
            continue
        found = _aligned_header(lines, i)
        if found is None:
            continue
        columns, last = found
        rows: list[int] = []
        for j in range(last + 1, min(len(lines), last + 60)):
            stripped = lines[j].strip()
            if not stripped:
                break
            if SECTION_LABEL.match(stripped):
                continue
            if "\t" in lines[j] or PERSON.match(stripped) is None:
                break
            rows.append(j)
        if not rows:
            continue
        done = rows[-1]
        legend = _legend(lines[max(0, i - 4):i] + lines[done + 1:done + 6])
        stated = _lead_date(lines, i)  # `The composition ... as at 31 December 2024 is as follows:`
        for j in rows:
            for seen in _aligned_row(ctx, columns, lines[j], legend, offsets[j]):
                yield replace(seen, as_of=stated) if stated else seen


def _aligned_row(ctx: DocContext, columns: list[tuple[int, int, str | None]], line: str,
                 legend: dict[str, str | None], start: int) -> list[Seen]:
    cells = _aligned_cells(line)
    name = _cell_name(cells[0][2]) if cells and cells[0][1] < columns[0][0] else None
    end = start + len(line)
    if name is None:
        return []
    found = []
    for a, z, mark in cells[1:]:
        hits = [k for k, (x, y, _) in enumerate(columns) if x < z and a < y]
        if len(hits) != 1:
            ctx.skip(FAMILY, f"grid cell under no single column: {mark!r}", start, end)
            return []
        committee = columns[hits[0]][2]
        if committee is None or mark in NOT_A_MEMBER:
            continue
        position = _mark_position(mark, legend)
        if position is False:
            ctx.skip(FAMILY, f"grid cell not a mark: {mark!r}", start, end)
            return []
        found.append(Seen(committee, name, position, start, end, ambiguous=position is None and mark in legend))
    return found


def _matrix_header(lines: list[str], i: int) -> tuple[list[str | None], int] | None:
    """The committees of a header at line `i` (or wrapped over lines i-1..i or i..i+1), and its last line."""
    cells = _cells(lines[i])
    if not cells or len(cells) < 2:
        return None
    header = _header_keys(cells) if len(cells) >= 3 else None
    if header:
        return header, i
    for a, b in ((i, i + 1), (i - 1, i)):
        if a < 0 or b >= len(lines):
            continue
        top, bottom = _cells(lines[a]), _cells(lines[b])
        if top and bottom and len(bottom) == len(top) - 1 and all(COMMITTEE_WORD.fullmatch(c) for c in bottom):
            bottom = [""] + bottom  # `Committee<TAB>Committee` under the committee cells, the names cell dropped
        if not top or not bottom or len(top) != len(bottom):
            continue
        header = _header_keys([f"{x} {y}".strip() for x, y in zip(top, bottom)])
        if header:
            return header, b
    return None


def _header_keys(cells: list[str]) -> list[str | None] | None:
    """Committee per header cell (None for the others), when two or more cells name a committee."""
    header = [committee_key(c) if c and COMMITTEE.fullmatch(c) else None for c in cells]
    header[0] = None  # the first column holds the names
    return header if sum(h is not None for h in header) >= 2 else None


def _matrix_rows(lines: list[str], first: int) -> list[tuple[int, list[str]]]:
    """The rows under a matrix header, with their line index: tabbed or piped lines.

    Passed over: Markdown rule lines, section labels (`Executive Directors`) and page furniture
    (`<<<PAGE 34>>>`, a page number, the running header after it), so a table broken by a page
    is read whole. A line holding only a person's name is a row without marks (PDF conversion
    drops the tabs of a row whose cells are all blank), so the rows after it are still read; a
    row whose first cell continues that name (`Mr. Mok Wai` / `Lun, Stephen<TAB>C<TAB>M`) is
    joined to it.
    """
    rows: list[tuple[int, list[str]]] = []
    after_page = -10
    for i in range(first, len(lines)):
        line = lines[i]
        stripped = line.strip()
        if PAGE_MARK.match(stripped):
            after_page = i
            continue
        if not stripped or PAGE_NUMBER.match(stripped) or SECTION_LABEL.match(stripped) or (
                i - after_page <= 3 and RUNNING_HEADER.search(stripped) and "\t" not in line):
            if not stripped and i + 1 < len(lines) and not PAGE_MARK.match(lines[i + 1].strip()):
                break  # a blank line ends the table unless a page break follows
            continue
        cells = _cells(line)
        if cells is None and PERSON.fullmatch(stripped):
            cells = [stripped]
        if cells is None:
            break
        if set(stripped) <= {"|", "-", ":", " "}:
            continue
        if rows and _continues_name(rows[-1][1], cells[0]):
            rows[-1] = (i, [f"{rows[-1][1][0]} {cells[0]}"] + cells[1:])
            continue
        rows.append((i, cells))
    return rows


def _continues_name(previous: list[str], first: str) -> bool:
    """Whether a row's first cell is the rest of the name on the row before (a mark-less honorific name)."""
    return (len(previous) == 1 and PERSON.fullmatch(previous[0]) is not None and first != ""
            and PERSON.match(first) is None and NAME_TAIL.fullmatch(first) is not None)


def _legend(lines: list[str]) -> dict[str, str | None]:
    """Glyph -> position from a legend; a glyph given for both chair and member maps to None."""
    found: dict[str, set[str]] = {}
    for line in lines:
        for m in LEGEND.finditer(line):
            found.setdefault(m.group("mark"), set()).add(_position(m.group("what")) or "")
    return {mark: (next(iter(pos)) if len(pos) == 1 else None) for mark, pos in found.items()}


def _matrix_row(ctx: DocContext, header: list[str | None], cells: list[str],
                legend: dict[str, str | None], start: int, end: int) -> Iterator[Seen]:
    """Memberships of one row; rows longer than the header cannot be aligned and are skipped."""
    name = _cell_name(cells[0])
    if name is None:
        return
    if len(cells) > len(header):
        ctx.skip(FAMILY, "matrix row longer than its header", start, end)
        return
    for committee, mark in zip(header[1:], cells[1:]):
        if committee is None or not mark or mark in {"-", "–", "—", "N/A", "n/a", "/"}:
            continue
        position = _mark_position(mark, legend)
        if position is False:
            ctx.skip(FAMILY, f"matrix cell not a mark: {mark!r}", start, end)
            continue
        yield Seen(committee, name, position, start, end, ambiguous=position is None and mark in legend)


def _column_implied_members(seen: list[Seen]) -> list[Seen]:
    """In a column that marks its chair (`✓ (Chairman)`), a glyph no legend explains marks a member.

    A glyph the legend gives for both chair and member (colours lost) stays open: never a guess.
    """
    chaired = {s.committee for s in seen if s.position == "chair"}
    return [Seen(s.committee, s.person, "member", s.start, s.end)
            if s.position is None and s.committee in chaired and not s.ambiguous else s for s in seen]


def _cell_name(cell: str) -> str | None:
    """A person's name from a row's first cell, honorific and `(Chairman)` notes dropped."""
    m = PERSON.match(cell.strip())
    if m:
        return m.group("name")
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", cell.strip())
    return bare if BARE_NAME.match(bare) else None


def _mark_position(mark: str, legend: dict[str, str | None]) -> str | None | bool:
    """chair / member / None (a glyph that does not say which); False when not a mark at all."""
    if CHAIR_MARKS.match(mark):
        return "chair"
    if MEMBER_MARKS.match(mark):
        return "member"
    if GLYPH.match(mark):
        return legend.get(mark)
    noted = GLYPH_NOTED.match(mark)
    if noted:
        return _position(noted.group("pos"))
    return False


def _lines_naming_committees(text: str) -> list[int]:
    """Indices of the lines holding a committee word, in order.

    A matrix header, a committee row and a list heading each name a committee on their line, and
    every COMMITTEE match holds a word COMMITTEE_WORD finds: the other lines need not be read.
    """
    found: list[int] = []
    line = pos = 0
    for m in COMMITTEE_WORD.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        if not found or found[-1] != line:
            found.append(line)
    return found


def _offsets(lines: list[str]) -> list[int]:
    out, pos = [], 0
    for line in lines:
        out.append(pos)
        pos += len(line) + 1
    return out


def _committee_rows(lines: list[str], offsets: list[int], named: list[int]) -> Iterator[Seen]:
    """Rows `Audit Committee<TAB>Mr. A (Chairman), Mr. B`: one committee, its people in the other cells.

    A header above (`Committee<TAB>Chairman<TAB>Members`) gives the position of each column.
    """
    for i in named:
        line = lines[i]
        cells = _cells(line)
        if not cells or len(cells) < 2 or not COMMITTEE.fullmatch(cells[0]) or re.search(r"\d/\d", line):
            continue
        committee = committee_key(cells[0])
        columns = _column_positions(lines, i)
        found = []
        for j, cell in enumerate(cells[1:], start=1):
            people = list(PERSON.finditer(cell))
            column = columns[j] if j < len(columns) and len(people) == 1 else None
            for p in people:
                position = _listed_position(cell, p.end()) or column
                found.append(Seen(committee, p.group("name"), position, offsets[i], offsets[i] + len(line)))
        yield from _with_implied_members(found)


def _column_positions(lines: list[str], row: int) -> list[str | None]:
    """Position named by each column of the nearest header above (`Chairman`, `Members`), if any."""
    for line in reversed(lines[max(0, row - 3):row]):
        cells = _cells(line)
        if cells and not COMMITTEE.fullmatch(cells[0]):
            words = [re.fullmatch(rf"(?:the\s+)?({_CHAIR}|members?)", c, re.I) for c in cells]
            if any(words):
                return [_position(w.group(1)) if w else None for w in words]
    return []


# --- attendance tables of one committee ----------------------------------------------------

def _attendance_tables(ctx: DocContext, lines: list[str], offsets: list[int]) -> Iterator[Seen]:
    """`Name of members<TAB>Attendance/Number of meetings` under a heading naming one committee.

    The people listed are the committee's members (chair where marked). A row noting that the
    person resigned, retired or ceased, or was appointed after the document's date, is not a
    member as of the document. Read only when the heading and sentences above the table (up to a
    blank line, a heading or another table) name exactly one committee.
    """
    text = ctx.text
    for header in ATTENDANCE_HEADER.finditer(text):
        i = text.count("\n", 0, header.start())
        committees = _committees_above(lines, i)
        if len(committees) != 1:
            if committees:
                ctx.skip(FAMILY, "attendance table under more than one committee", header.start(), header.end())
            continue
        committee = committees.pop()
        for j in range(i + 1, min(len(lines), i + 40)):
            cells = _cells(lines[j])
            if not cells or len(cells) != 2 or not ATTENDED.match(cells[1]):
                break
            name = _cell_name(re.sub(r"\s*\([^)]*\)\s*$", "", cells[0]))
            notes = " ".join(re.findall(r"\(([^)]*)\)", cells[0]))
            if name is None or _left_before(notes, ctx.meta.date):
                continue
            chair = re.search(rf"\b{_CHAIR}\b", notes, re.I)
            yield Seen(committee, name, "chair" if chair else None, offsets[j], offsets[j] + len(lines[j]))


def _committees_above(lines: list[str], i: int, limit: int = 6) -> set[str]:
    """Committees named by the lines above line `i`, up to a blank line, a committee heading or a table row."""
    found: set[str] = set()
    for k in range(i - 1, max(-1, i - 1 - limit), -1):
        line = lines[k]
        if not line.strip() or "\t" in line or PAGE_MARK.match(line.strip()):
            break
        found |= {m.committee for m in _mentions(line)}
        if HEADING_ONLY.match(line):
            break
    return found


def _left_before(notes: str, as_of: str | None) -> bool:
    """Whether a row's note says the person left (`resigned on ...`), or joined after `as_of`."""
    if LEFT_NOTE.search(notes):
        return True
    joined = JOINED_NOTE.search(notes)
    if joined:
        date = parse_date(notes[joined.end():])
        return bool(date and as_of and date > as_of)
    return False


# --- lists under a heading -----------------------------------------------------------------

def _heading_lists(lines: list[str], offsets: list[int], named: list[int]) -> Iterator[Seen]:
    """A line naming one committee (heading or `... comprises the following members:`), then one person per line."""
    for i in named:
        line = lines[i]
        if "\t" in line or not LIST_INTRO.search(line):
            continue
        mentions = {m.committee for m in _mentions(line)}
        if len(mentions) != 1:
            continue
        committee = mentions.pop()
        bare_ok = bool(HEADING_ONLY.match(line))
        stated = _lead_date(lines, i)
        for seen in _list_members(lines, offsets, i + 1, committee, bare_ok):
            yield replace(seen, as_of=stated) if stated else seen


def _lead_date(lines: list[str], i: int, limit: int = 80) -> str | None:
    """The date of an `As at/As of DATE` lead introducing the run of committee lists at line `i`.

    Read back over the lists above (committee headings, `Members:` labels, one person per line,
    blank lines) to the paragraph just before the run; the last `as at DATE` there is the date.
    Any other paragraph in between (prose, a table, a new section) means no lead: None. An intro
    line stating its own date (`As at 31 December 2023, the Audit Committee comprised:`) gives it.
    """
    own = _stated_date(lines[i]) if "\t" not in lines[i] else None
    if own:
        return own
    k = i - 1
    while k >= max(0, i - limit):
        line = lines[k]
        if not line.strip() or (HEADING_ONLY.match(line) and "\t" not in line) or MEMBERS_LABEL.match(line):
            k -= 1
            continue
        m = LIST_LINE.match(line)
        if m and "\t" not in line and _line_person(m.group("person").strip(), True):
            k -= 1
            continue
        break
    else:
        return None
    if k < 0:
        return None
    first = k
    while first > 0 and lines[first - 1].strip() and k - first < 10:
        first -= 1
    lead = "\n".join(lines[first:k + 1])
    return None if "\t" in lead else _stated_date(lead)


def _list_members(lines: list[str], offsets: list[int], first: int, committee: str,
                  bare_ok: bool) -> Iterator[Seen]:
    """Consecutive person lines (blank lines allowed) until the first line that is not one.

    Names without an honorific are read only under a bare committee heading (the committee
    lists of an annual report's corporate information page).
    """
    found: list[Seen] = []
    for j in range(first, min(len(lines), first + 30)):
        if not lines[j].strip() or (j == first and MEMBERS_LABEL.match(lines[j])):
            continue
        m = LIST_LINE.match(lines[j])
        name = _line_person(m.group("person").strip(), bare_ok) if m else None
        if not name:
            break
        role = m.group("p1") or m.group("p2") or m.group("p3") or ""
        pos = re.search(rf"\b({_CHAIR}|member)\b", role, re.I)
        found.append(Seen(committee, name, _position(pos.group(1)) if pos else None,
                          offsets[j], offsets[j] + len(lines[j])))
    yield from _with_implied_members(found)


def _line_person(text: str, bare_ok: bool) -> str | None:
    """The name a list line holds: honorific names always, bare names only when `bare_ok`."""
    person = PERSON.fullmatch(text)
    if person:
        return person.group("name")
    if bare_ok and BARE_NAME.match(text) and text != text.upper() and not BARE_STOP.search(text):
        return text
    return None

"""Boards laid out in lines rather than prose: role tables and rosters under role headings.

A board paragraph may end in a colon and give the board as a table, one column per role
(`the Board consists of the following members:` / `Executive Directors⇥Non-executive Director⇥
Independent Non-executive Directors` / `Mr. A (Chairman)⇥⇥Ms. B`): each name takes the role of its
column, empty cells keeping the column positions. Laid out with spaces, a name takes the column whose
heading starts at its own character position; a board in columns read no other way is skipped, never
flattened into prose (the left column's names would take the right heading's role).

Rosters under role headings, one director per line (`Executive Directors` / `Mr. A (Chairman)` /
`Independent Non-executive Directors` / `Mr. B`): the standard `LIST OF DIRECTORS AND THEIR ROLES AND
FUNCTIONS` announcement (as of its date), and the directors' report's `The Directors during the year and
up to the date of this report were:` with `(resigned on ...)` / `(appointed on ...)` notes (those who
left are not read; as of the date the report is signed, and undated when it is not found).
"""
from __future__ import annotations

import re

from dataclasses import replace

from extract.board.leads import about_the_board
from extract.board.model import ROLES, BoardParagraph, Seat
from extract.board.prose import ALIAS, parenthesised_role
from extract.context import DocContext
from extract.text.dates import find_dates, parse_date
from extract.text.headed_lists import document_lists
from extract.text.names import (HONORIFIC_ANYWHERE, PAGE_JUNK, clean_person, officer_title, read_titles, respelled,
                                title_items)


# A lead sentence announcing a layout rather than names: `the Board consists of the following members:`,
# `the Board comprises:` (the rest of the sentence up to a colon ending its line, no full stop between).
LEAD_TO_COLON = re.compile(r"[^.;:]{0,250}?:[ \t*]*\n")
#: Lines a role table reads at most (a row is one line; the table ends at its first other line).
TABLE_ROWS = 40
# Cells of a table laid out with spaces (`Executive Directors:⎵⎵⎵⎵Independent Non-executive Directors:`): a run
# of two or more spaces, or a tab, separates them; a single space is inside a cell.
SPACED_CELL = re.compile(r"\S+(?: \S+)*")
# Roster leads. The standard HKEX announcement `LIST OF DIRECTORS AND THEIR ROLES AND FUNCTIONS`: a title
# line of its own (a sentence wrapped at `list of directors and their roles and functions will be` is not one).
ROSTER_TITLE = re.compile(r"^[ \t#*]*LIST\s+OF\s+DIRECTORS\s+AND\s+THEIR\s+ROLES?\s+AND\s+FUNCTIONS?"
                          r"[ \t*\u4e00-\u9fff（）]*$", re.I | re.M)
# Directors' report: `The Directors during the year and up to the date of this report were:`, `The directors of
# the Company who held office during the year ended 31 December 2024 and up to the date of this report are as
# follows:`, `During the year and up to the date of this report, the Directors were:`.
_DURING = (r"during\s+the\s+(?:financial\s+)?(?:year|period)(?:\s+under\s+review|\s+ended\s+[^\n:;]{6,25}?)?\s+"
           r"and\s+up\s+to\s+the\s+date\s+of\s+this\s+(?:annual\s+)?report")
REPORT_ROSTER_LEAD = re.compile(
    rf"\b(?:the\s+)?directors\s+(?:of\s+the\s+Company\s+)?(?:who\s+(?:held\s+office|served)\s+)?{_DURING}\s+"
    rf"(?:were|are)(?:\s+as\s+follows)?\s*:?|\b{_DURING},?\s+(?:the\s+directors\s+(?:of\s+the\s+Company\s+)?"
    r"(?:were|are)|the\s+Board\s+(?:comprised|consisted\s+of|was\s+(?:composed|comprised)\s+of)"
    r"(?:\s+the\s+following\s+(?:Directors|members))?)(?:\s+as\s+follows)?\s*:?", re.I)
#: How far after a roster lead its first role heading may be, in characters.
ROSTER_LEAD_REACH = 800
# A roster line: a name, then its notes in parentheses (`Mr. Kwok Wing Fat (Chairman)`, `Mr. Tsui Ho Man
# (appointed on 1 July 2024)`), possibly followed by the Chinese name.
ROSTER_LINE = re.compile(r"^(?P<name>[^()\u4e00-\u9fff]+?)\s*(?P<notes>(?:\([^()]*\)\s*)*)[\u4e00-\u9fff\s]*$")
# Notes saying the person is no longer a director (or no longer in the role the heading states).
ROSTER_LEFT = re.compile(r"\b(?:resign\w*|retir\w*|ceas\w*|removed|deceased|passed\s+away|re-?designat\w*|"
                         r"vacat\w*|term\s+(?:ended|expired)|not\s+re-?elected)\b", re.I)
# A note dating the person's appointment: `appointed on 1 July 2024`, `appointed with effect from 28 May 2024`.
ROSTER_APPOINTED = re.compile(r"^\s*appointed\b(?:\s+as\s+[^()]{2,80}?)?\s+(?:on|with\s+effect\s+from|"
                              r"w\.e\.f\.|effective\s+from)\s+(?P<date>[^()]{6,30})$", re.I)
# Lines that end a page and start the next (running heads of reports), passed over after a page marker.
ROSTER_FURNITURE = re.compile(r"\d|\b(?:Report|Annual|Interim|Limited|Ltd|Holdings|Group|Governance)\b", re.I)
# Capitalised words of headings that never stand in a name (`Senior Management`, `Board Committees`).
ROSTER_NOT_NAME = re.compile(r"\b(?:Report|Annual|Interim|Governance|Management|Senior|Members?|Notes?|Biograph\w*|"
                             r"Profiles?|Information|Corporate|Auditors?|Committees?|Remuneration|Nomination|Audit|"
                             r"Authori[sz]ed|Representatives?|Registrars?|Bankers?|Advisers?|Registered|Office|"
                             r"Headquarters|Principal|Address|Website)\b", re.I)
# A heading naming a committee: role headings under it list the committee's members, not the board.
COMMITTEE_WORD = re.compile(r"\bCommittee\b", re.I)
#: Lines of page furniture passed over after a page marker inside a roster.
ROSTER_FURNITURE_LINES = 4
# Where a report is signed: `On behalf of the Board`, `By order of the Board`, then `Hong Kong, 26 March 2025`.
REPORT_SIGNOFF = re.compile(r"\b(?:(?:For\s+and\s+)?On\s+behalf\s+of|By\s+order\s+of)\s+the\s+Board\b", re.I)
# The date line of a signature: the date alone, or after a place (`Hong Kong, 26 March 2025`).
SIGNOFF_DATE_LINE = re.compile(r"^[ \t*]*(?:[A-Z][A-Za-z ,.'()]{1,60},\s*)?(?P<date>[^\n]{6,30}?)[ \t*]*$", re.M)
#: How far after a directors' report roster its signature is looked for, and how far after the sign-off its date.
REPORT_SIGNOFF_REACH = 150_000
SIGNOFF_DATE_REACH = 400


def rosters(ctx: DocContext) -> list[BoardParagraph]:
    """Rosters under role headings, after a `LIST OF DIRECTORS AND THEIR ROLES AND FUNCTIONS` title (as of the
    announcement date) or a directors' report lead (as of the report's signature date)."""
    out: list[BoardParagraph] = []
    leads = [(m, False) for m in ROSTER_TITLE.finditer(ctx.text)]
    leads += [(m, True) for m in REPORT_ROSTER_LEAD.finditer(ctx.text)]
    for lead, in_report in sorted(leads, key=lambda item: item[0].start()):
        if any(par.start <= lead.start() < par.end for par in out):
            continue
        table = next((found for s, _, _ in raw_lines(ctx.text, lead.end(), lead.end() + ROSTER_LEAD_REACH)
                      if (found := _table_at(ctx, s)) is not None), None)
        seats, end = table if table is not None else roster_seats(ctx, lead.end(), in_report)
        if not seats:
            continue
        as_of = _report_date(ctx.text, end) if in_report else None  # unsigned: the page states no date
        out.append(BoardParagraph(lead.start(), end, tuple(seats), as_of=as_of))
    return out


def roster_seats(ctx: DocContext, start: int, in_report: bool) -> tuple[list[Seat], int]:
    """Seats of the roster after a lead ending at `start`, and where the roster ends.

    The first role heading must come within `ROSTER_LEAD_REACH`; then each non-blank line is a role
    heading, a name line, or (just after a page marker) page furniture; any other line ends the roster.
    """
    text = ctx.text
    lines = raw_lines(text, start, min(len(text), start + 20_000))
    first = next((i for i, (s, _, line) in enumerate(lines)
                  if s - start <= ROSTER_LEAD_REACH and _roster_heading(line)), None)
    if first is None:
        return [], start
    seats: list[Seat] = []
    heading: tuple[str, tuple[tuple[str, str], ...]] | None = None
    group: list[Seat] = []
    furniture, end = 0, lines[first][1]

    def close_group() -> None:
        if heading and heading[1] and len(group) == 1:  # `Chairman and Executive Director` over one name
            group[0] = replace(group[0], titles=heading[1] + group[0].titles)
        seats.extend(group)
        group.clear()

    for i, (line_start, line_end, line) in enumerate(lines[first:], first):
        if i + 1 < len(lines) and is_date_line(lines[i + 1][2]):
            break  # `Hong Kong` / `2 April 2026`: the place and date of the document, not a name
        if PAGE_JUNK.fullmatch(line):
            furniture = ROSTER_FURNITURE_LINES
            continue
        found = _roster_heading(line)
        if found:
            close_group()
            heading, furniture, end = found, 0, line_end
            continue
        read = roster_line(ctx, line, line_start, line_end, heading[0] if heading else "", in_report)
        if read is False:
            if furniture and ROSTER_FURNITURE.search(line) or furniture and not re.search(r"[a-z]", line):
                furniture -= 1
                continue
            break
        furniture, end = 0, line_end
        if read is not None:
            group.append(read)
    close_group()
    return seats, end


def lead_layout(ctx: DocContext, start: int, subject_from: int | None = None) -> tuple[list[Seat], int] | None:
    """(seats, end) of a role table or roster after a lead sentence ending in a colon, else None (neither there).

    `the Board consists of the following members:` then either a header line of role phrases separated by
    tabs (`Executive Directors⇥Non-executive Director⇥Independent Non-executive Directors`) and rows of names,
    one cell per column (`Mr. A (Chief Executive Officer)⇥⇥Ms. B`: the empty cell keeps B in the third
    column), or, on the very next line, a roster under role headings (`Executive Directors` / `Mr. A
    (Chairman)` / `Non-executive Director` / `Mr. B`). Blank lines may come between the lead and the header.
    Tables laid out with runs of spaces lose their empty cells: a name is read there only when it starts exactly
    under a heading (`_spaced_table_at`), else the table is skipped. A table may be followed by a one-column
    section (`Non-executive Director:` / `Mr. C`): a role heading on the line after the last row goes on as
    a roster. The lead's subject may stand before `start` (`The directors of the Company as at the date hereof
    are:`): from `subject_from` on, it is read for what the layout is about.
    """
    text = ctx.text
    lead = LEAD_TO_COLON.match(text, start)
    subject = text[start if subject_from is None else subject_from:lead.end()] if lead else ""
    if not lead or not about_the_board(" ".join(subject.split())):
        return None
    first = next(iter(raw_lines(text, lead.end(), min(len(text), lead.end() + 400))), None)
    table = _table_at(ctx, first[0]) if first else None
    if table is not None:
        seats, end = table
        if seats and _heading_next(text, end):
            more, more_end = roster_seats(ctx, end, False)
            if more:
                seats, end = seats + more, more_end
        return seats, end
    if _heading_next(text, lead.end()):
        seats, end = roster_seats(ctx, lead.end(), False)
        return (seats, end) if seats else None
    return None


def _heading_next(text: str, start: int) -> bool:
    """True when the first non-blank line after `start` is a role heading (`Executive Directors`)."""
    first = next(iter(raw_lines(text, start, min(len(text), start + 400))), None)
    return bool(first and _roster_heading(first[2]))


def _table_at(ctx: DocContext, header_start: int) -> tuple[list[Seat], int] | None:
    """(seats, end) of the role table whose header line starts at `header_start`, else None."""
    text = ctx.text
    header_end = text.find("\n", header_start)
    header_end = len(text) if header_end < 0 else header_end
    roles = _table_header(text[header_start:header_end])
    if roles is None:
        return _spaced_table_at(ctx, header_start)
    seats: list[Seat] = []
    end = header_end
    pos = header_end + 1
    for _ in range(TABLE_ROWS):
        if pos >= len(text):
            break
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        row = _table_row(ctx, text, pos, line_end, roles)
        if row is None:
            break
        seats += row
        end, pos = line_end, line_end + 1
    return seats, end


def _table_header(line: str) -> list[str] | None:
    """Roles of a table header: two or more tab-separated cells, each a role phrase; else None."""
    cells = [" ".join(cell.replace("*", " ").split()).rstrip(" :：") for cell in line.split("\t")]
    cells = [re.sub(r"^(?:the|our)\s+", "", cell, flags=re.I).lower() for cell in cells if cell]
    if len(cells) < 2 or not all(cell in ROLES for cell in cells):
        return None
    return [ROLES[cell] for cell in cells]


def spaced_header(line: str) -> list[tuple[int, str]] | None:
    """(column start, role) of a header laid out with spaces, no tab: two or more cells, each a role phrase,
    separated by runs of spaces (`Executive Directors:⎵⎵⎵⎵Independent Non-executive Directors:`); else None."""
    if "\t" in line:
        return None
    cells = [(m.start(), re.sub(r"^(?:the|our)\s+", "", m.group().replace("*", "").strip().rstrip(" :："),
                                flags=re.I).lower()) for m in SPACED_CELL.finditer(line)]
    if len(cells) < 2 or not all(cell in ROLES for _, cell in cells):
        return None
    return [(start, ROLES[cell]) for start, cell in cells]


def _spaced_table_at(ctx: DocContext, header_start: int) -> tuple[list[Seat], int] | None:
    """(seats, end) of a role table laid out with spaces whose header line starts at `header_start`, else None.

    The spaces lose the empty cells, so a cell takes the column whose heading starts at the very same character
    position (`Mr. A (Chairman)⎵⎵⎵⎵Mr. B` under `Executive Directors:⎵⎵⎵⎵Independent Non-executive Directors:`;
    a row holding only `⎵⎵⎵⎵Mr. C` is in the second column). A name starting anywhere else, or a tab, leaves
    its column unknown: the whole table is skipped, not guessed. The table ends at the first line that is not
    a row (a blank line, a one-column heading such as `Non-executive Director:`, text).
    """
    text = ctx.text
    header_end = text.find("\n", header_start)
    header_end = len(text) if header_end < 0 else header_end
    columns = spaced_header(text[header_start:header_end])
    if columns is None:
        return None
    by_start = dict(columns)
    seats: list[Seat] = []
    end, pos = header_end, header_end + 1
    for _ in range(TABLE_ROWS):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end].rstrip(" \r")
        if pos >= len(text) or not line.strip():
            break
        if "\t" in line or any(m.start() not in by_start for m in SPACED_CELL.finditer(line)):
            ctx.skip("directorship", "role table laid out with spaces: a cell under no column heading",
                     header_start, line_end)
            return [], line_end
        row: list[Seat] = []
        for m in SPACED_CELL.finditer(line):
            clean = " ".join(m.group().replace("*", " ").split())
            read = roster_line(ctx, clean, pos + m.start(), pos + m.end(), by_start[m.start()], False)
            if read is False:
                row = None
                break
            if read is not None:
                row.append(read)
        if row is None:
            if m.start() == 0 and len(SPACED_CELL.findall(line)) == 1:
                break  # `Non-executive Director:` or text at the margin: the table is over
            ctx.skip("directorship", f"role table cell not read {clean!r}", header_start, line_end)
            return [], line_end
        seats += row
        end, pos = line_end, line_end + 1
    return seats, end


def _table_row(ctx: DocContext, text: str, start: int, end: int, roles: list[str]) -> list[Seat] | None:
    """Seats of one row of a role table; None when the line is not a row (the table ends).

    A row has at most one cell per column, each empty or a name with its notes (`Mr. A (Chairman)`);
    a line without tabs is a row only when it is one name, in the first column (trailing empty cells
    dropped by the conversion). A name whose notes are not understood is skipped, the row still read.
    """
    line = text[start:end]
    cells = line.rstrip(" \r").split("\t")
    if len(cells) > len(roles) or not line.strip() or (len(cells) == 1 and line[:1].isspace()):
        return None
    seats: list[Seat] = []
    pos = start
    for role, cell in zip(roles, cells):
        clean = " ".join(cell.replace("*", " ").split())
        if clean:
            cell_start = pos + len(cell) - len(cell.lstrip())
            read = roster_line(ctx, clean, cell_start, pos + len(cell.rstrip()), role, False)
            if read is False:
                if len(cells) == 1:
                    return None
                ctx.skip("directorship", f"role table cell not read {clean!r}", pos, pos + len(cell))
            elif read is not None:
                seats.append(read)
        pos += len(cell) + 1
    return seats


def is_date_line(line: str) -> bool:
    """True for a line holding only a date (`2 April 2026`, `April 2, 2026`)."""
    dates = find_dates(line)
    return bool(dates) and dates[0][0] == 0 and dates[0][1] == len(line)


def raw_lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Non-blank lines of text[start:end] as (start, end, text without `*`, `#` and outer spaces)."""
    out: list[tuple[int, int, str]] = []
    pos = start
    for line in text[start:end].split("\n"):
        clean = " ".join(line.replace("*", " ").split()).lstrip("# ")
        if clean:
            out.append((pos, pos + len(line), clean))
        pos += len(line) + 1
    return out


def _roster_heading(line: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """(role, titles) of a role heading line: `Executive Directors`, `Independent Non-executive Directors:`,
    `Chairman and Executive Director`; None for any other line."""
    phrase = re.sub(r"^(?:the|our)\s+", "", line.rstrip(" :：").lower())
    if phrase in ROLES:
        return ROLES[phrase], ()
    items = title_items(phrase)
    roles = {ROLES[item] for item in items if item in ROLES}
    titles = [(officer_title(item), item) for item in items if item not in ROLES]
    if len(roles) == 1 and titles and all(title for title, _ in titles):
        return roles.pop(), tuple((title, written) for title, written in titles if title)
    return None


def roster_line(ctx: DocContext, line: str, start: int, end: int, role: str,
                 in_report: bool) -> Seat | None | bool:
    """The seat of one roster line; None for a director read but not kept (left, or doubtful: skipped);
    False when the line is not a name line (the roster ends)."""
    m = ROSTER_LINE.match(line)
    if not m or ROSTER_NOT_NAME.search(m.group("name")):
        return False
    raw = m.group("name").strip()
    person = clean_person(raw, forename_after_comma=True)
    if person is None and HONORIFIC_ANYWHERE.match(raw) and (spelled := respelled(raw, ctx.text)):
        person = clean_person(spelled, forename_after_comma=True)  # `Mr. Leung Ka Fa1` as the text spells it
    if person is None or not (HONORIFIC_ANYWHERE.match(raw) or re.search(r"[a-z]", raw)):
        return False
    titles: list[tuple[str, str]] = []
    for inner in re.findall(r"\(([^()]*)\)", m.group("notes")):
        if ALIAS.match(inner):
            continue
        if ROSTER_LEFT.search(inner):
            return None  # not a director at the date the roster speaks for
        appointed = ROSTER_APPOINTED.match(inner)
        if appointed and parse_date(appointed.group("date")):
            continue
        read = read_titles(inner)
        stated_role, _ = parenthesised_role([inner])
        if read is None or (stated_role and stated_role != role):
            ctx.skip("directorship", f"roster note not read {inner!r} for {person!r}", start, end)
            return None
        titles += read
    return Seat(person, role, False, tuple(titles), start, end)


def _report_date(text: str, start: int) -> str | None:
    """The date a report is signed: the date line of the first sign-off after `start`, else None."""
    signoff = REPORT_SIGNOFF.search(text, start, min(len(text), start + REPORT_SIGNOFF_REACH))
    if not signoff:
        return None
    for line in SIGNOFF_DATE_LINE.finditer(text, signoff.end(), min(len(text), signoff.end() + SIGNOFF_DATE_REACH)):
        dates = find_dates(line.group("date"))
        if dates and dates[0][0] == 0 and dates[0][1] == len(line.group("date")):
            return dates[0][2]
    return None


def headed_rosters(ctx: DocContext, taken: list[BoardParagraph]) -> list[BoardParagraph]:
    """Boards laid out as role headings over names wherever they stand, whatever introduces them (a corporate-
    information page, a board-composition section): each run of role-headed lists is one roster. Lists no
    other reading covered only; titles in notes under a committee heading are the committee's, not dropped
    into the board's officers."""
    out: list[BoardParagraph] = []
    run: list[Seat] = []
    start = end = 0
    committee_run = False  # the run lists a committee's members by role: the committee family reads it

    def close() -> None:
        nonlocal run, committee_run
        if run:
            out.append(BoardParagraph(start, end, tuple(run)))
        run, committee_run = [], False

    for item in document_lists(ctx):
        if not item.entries:
            continue
        heading = _roster_heading(item.heading)
        if heading is None or any(par.start <= item.start < par.end for par in taken):
            close()
            continue
        role, titles = heading
        in_committee = any(COMMITTEE_WORD.search(parent) for parent in item.parents)
        if not run and not committee_run:
            # `the Nomination Committee consists of the following Directors:` over role headings
            lead = _line_before(ctx.text, item.start).rstrip(" *")
            committee_run = not item.parents and lead.endswith((":", "：")) and bool(COMMITTEE_WORD.search(lead))
            start = item.start
        if committee_run:
            continue
        for entry in item.entries:
            line = " ".join([entry.name, *(f"({note})" for note in entry.notes)])
            seat = roster_line(ctx, line, entry.start, entry.end, role, False)
            if not isinstance(seat, Seat):
                continue
            if in_committee:
                seat = replace(seat, titles=())
            elif titles and len(item.entries) == 1:  # `Chairman and Executive Director` over one name
                seat = replace(seat, titles=titles + seat.titles)
            run.append(seat)
        end = item.end
    close()
    return out


def _line_before(text: str, pos: int) -> str:
    """The last non-blank line before `pos`."""
    lines = [line for line in text[max(0, pos - 600):pos].split("\n") if line.strip()]
    return lines[-1] if lines else ""

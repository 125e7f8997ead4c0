"""Poll-result vote tables -> one `VoteRow` per resolution, whatever the table was flattened into.

Poll results reach us as tables flattened from PDF or HTML in several ways: one row per line with
tab-separated cells (`1.<TAB>Title<TAB>659,910,462 (99.9825%)<TAB>...`), one cell per line with
`|` lines between cells (a wrapped title interleaves with the vote cells), or a whole table run
into one line (`5. Ordinary Resolution No. 5 of 1,362,066,822 1,238,028 Annual General ...
(99.91%) (0.09%) ...`). So the table is not read as a grid. Instead:

1. a header (`FOR AGAINST ABSTAIN`, `For Against`, `... Total number of votes`) says which vote
   columns the table has, in which order; a column it lacks stays None, never 0;
2. resolution numbers (`1.`, `1.01`, `(a)`, `2(a)`) are accepted only in sequence, so `31` of
   `31 December 2018` or `No. 5` in a title never starts a row;
3. inside a row, counts are vote cells only when they stand in a cell of their own, or in a run
   with other counts or percentages; every other word is the title, in reading order.

A row whose vote cells do not add up to the header's columns is skipped with a reason, not
guessed; a row withdrawn or not put to the vote (said in the row, or by a sentence naming its number)
keeps its own title, if it has one, and no votes. Pure text in, plain values out: `extract.meetings.polls` turns rows into facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.text.dates import MONTHS
from extract.text.numbers import to_decimal

# Vote-table header row, family `FOR AGAINST ABSTAIN` / `For | Against` / `For Against Total
# number of votes`, with optional `Number of votes (%)` sub-headers between the column names.
_SUBHEAD = r"(?:[^A-Za-z]{0,60}(?:(?:(?:number|no\.)\s+of\s+)?(?:votes|shares)(?:\s+cast)?[^A-Za-z]{0,30}" \
           r"(?:(?:approximate\s+)?(?:percentage|%)[^A-Za-z]{0,20})?)?)"
VOTE_HEADER = re.compile(
    rf"\b(?:FOR|IN\s+FAVOU?R){_SUBHEAD}\bAGAINST\b"
    rf"(?P<abstain>{_SUBHEAD}\b(?:ABSTAIN(?:ED|S)?|ABSTENTIONS?)\b)?"
    rf"(?P<total>{_SUBHEAD}\bTOTAL\b)?",
    re.I)
# A `Total number of votes` column named before the `For` column, in a cell of its own (not the
# `approximate % of total number of votes cast` of a header).
TOTAL_BEFORE = re.compile(r"[\t|\n][ \t]*TOTAL\b(?:\s+(?:number\s+of\s+)?(?:votes|shares)(?:\s+cast)?)?[^A-Za-z]{0,60}\Z", re.I)
# A header cell spanning the vote columns named on the line below, family `Number of votes (approximate %)`,
# `Number of shares voted (%)`, `Votes cast`.
SUPER_HEADER_CELL = re.compile(r"\b(?:votes|shares\s+voted|voting)\b", re.I)
# Cumulative-voting table header (one column of votes per candidate), family `Number of votes
# obtained`, `CUMULATIVE VOTING ... Number of votes for`.
CUMULATIVE_HEADER = re.compile(
    r"(?<!non-)(?<!non)\bcumulative\s+voting\b(?:(?!\n[ \t]*\n)[\s\S]){0,300}?"
    r"\b(?:number\s+of\s+votes|votes\s+(?:for|obtained|received))\b|"
    r"\bnumber\s+of\s+votes\s+(?:obtained|received)\b", re.I)
# Prose that merely names the choices (`vote for, against or abstain`, wrapped `... entitled to vote` /
# `for or against`) is not a header; a sub-header cell (`Number of votes cast ...` / `<TAB>For<TAB>Against`)
# is: the vote word ends a line and the column name stands in a cell of its own, capitalised.
PROSE_BEFORE_HEADER = re.compile(r"(?:vote|voting|votes\s+cast|cast)[ \u00a0]*(?P<wrap>\n[ \u00a0]*)?$", re.I)

# Resolution numbers, family `1.` `12` `1.01` `2(a)` `2.(a)` `(a)` `(iv)` `(1)` `a)`, read at a cell or
# sentence start; the sequence check decides which candidates are real.
MARKER = re.compile(
    r"(?<![\w.,%$/()\-])(?P<num>\d{1,2}(?:\.\d{1,2})?(?:\.?\s?\((?:[a-zA-Z]{1,4}|\d{1,2})\))?"
    r"|\((?:[a-zA-Z]{1,4}|\d{1,2})\)|[a-z]\))"
    r"(?P<dot>\.)?(?=[\s|])")
# Words that make a following number a reference, not a row: `resolution No. 5`, `Rule 13.40`.
REFERENCE_BEFORE = re.compile(r"(?:\bNos?\.?|\bnumbers?|\bresolutions?|\bRule|\bparagraphs?|\bitems?|"
                              r"\bnotes?|\bsections?|\bclauses?|\bArticles?|\bChapter)[ \t]*\Z", re.I)

# Cell separators of flattened tables: tabs, pipes, line breaks, or runs of spaces.
CELL_SEP = re.compile(r"(?:[ \u00a0]*[\t|\n][ \u00a0]*)+|[ \u00a0]{2,}")
# Vote cell tokens: counts `659,910,462` `0`, a dash for nil, percentages `(99.9825%)` `99.98%`,
# and bare decimals `96.5520` in tables with a separate percentage column.
COUNT_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
DASH_TOKEN = re.compile(r"[-–—]|[Nn]il|NIL")
PERCENT_TOKEN = re.compile(r"\(?(?P<p>\d{1,3}(?:\.\d+)?)\s?%\)?[,;]?")
DECIMAL_TOKEN = re.compile(r"\(?(?P<p>\d{1,3}\.\d+)\)?")
# A year, which after a month name (`31 December 2019`) is title text, not a vote count.
YEAR = re.compile(r"(?:19|20)\d\d")
# A result cell some tables add (`Passed`, `Not passed`, `Carried`, `Elected`, `Yes`).
RESULT_CELL = re.compile(r"(?P<neg>not\s+)?(?:passed|carried|elected|approved)\.?|(?P<yes>yes)|no", re.I)
# A per-class vote line label inside a row (`A Shares`, `H Shareholders`, `Total`): not title text.
CLASS_LABEL_CELL = re.compile(r"(?:(?:A|H|Domestic|Unlisted)[\s-]+Share(?:s|holders)?|Total(?:\s+votes)?)\s*:?",
                              re.I)

# What follows a row and is not its title: pass statements (`As more than 50% of the votes ...`,
# `The above resolution ...`), notes, the signature block.
ROW_TAIL = re.compile(
    r"\bAs\s+(?:more\s+than|not\s+less\s+than|no\s+less\s+than|over|at\s+least|less\s+than|fewer)\b|"
    r"\bThe\s+(?:above|resolution|said)\b|\bAll\s+(?:of\s+)?the\s+(?:above\s+)?resolutions\b|"
    r"\b(?:ORDINARY|SPECIAL)\s+RESOLUTIONS?\b|(?:^|\s)\*+\s*Notes?\b|\bNOTES?\s*:|\bNotes?\s*:|\bBy\s+order\s+of\b|\bAs\s+at\s+the\s+date\b")
# Result statements about one row.
NOT_PASSED = re.compile(r"\bnot\s+(?:been\s+)?(?:duly\s+)?(?:passed|carried|approved)\b|\bwas\s+rejected\b|"
                        r"\bfailed\s+to\s+pass\b|\bvoted\s+down\b", re.I)
PASSED = re.compile(r"\b(?:duly\s+)?(?:passed|carried)\b", re.I)
_WITHDRAWN = r"withdrawn\b|not\s+(?:been\s+)?put\s+(?:forward\s+)?to\s+(?:the\s+)?vote\b|not\s+voted\s+(?:on|upon)\b"
WITHDRAWN = re.compile(rf"\b(?:{_WITHDRAWN})", re.I)
# What a withdrawn row says of itself, and is not its title: a cell `Withdrawn` / `Not put to vote`, a
# bracket `(withdrawn)`, a clause `– this resolution was withdrawn and not put to the vote` to the end
# of its cell.
WITHDRAWN_NOTE = re.compile(
    rf"[(\[][^()\[\]\t|\n]{{0,40}}?\b(?:{_WITHDRAWN})[^()\[\]\t|\n]{{0,80}}[)\]]|"
    rf"(?:[-–—:;,][ \t]*)?(?:(?:(?:this|the|which|such)\s+)?(?:proposed\s+)?(?:(?:ordinary|special)\s+)?"
    rf"resolution\s+)?(?:(?:was|has|had|is)\s+(?:been\s+)?)?\b(?:{_WITHDRAWN})(?:(?![ \u00a0]{{2,}})[^\t|\n])*",
    re.I)
# A statement elsewhere naming a row without votes as withdrawn, family `the proposed resolution no. 2
# set out in the notice ... was withdrawn`: the number, then the withdrawal within the sentence.
WITHDRAWN_STATEMENT_REACH = 300
WITHDRAWN_STATEMENT_STOP = re.compile(r"\.(?=\s+[A-Z])|\n[ \t]*\n|\bresolutions?\b", re.I)
# A not-applicable cell (`N/A`, `Not applicable`), as a withdrawn row has: neither a vote nor title text.
NA_TOKEN = re.compile(r"N/?A|n/a|not\s+applicable", re.I)
# Page furniture of PDF text inside a table (`– 2 –`, `Page 2`, the reader's `<<<PAGE 2>>>` marker):
# blanked before reading rows.
_FURNITURE = (r"[ \t]*(?:[-–—][ \t]*\d{1,3}[ \t]*[-–—]|Page[ \t]+\d{1,3}(?:[ \t]+of[ \t]+\d{1,3})?|"
              r"<<<PAGE[ \t]*\d{1,4}>>>)[ \t]*")
PAGE_NUMBER = re.compile(rf"^{_FURNITURE}$", re.M)
# Page furniture with the blank lines around it (`... auditor of the<TAB>1,000\n\n<<<PAGE 2>>>\n– 2 –\n
# Company and ...`): one `|` line of the same length, so a row wrapped over a page break goes on.
PAGE_BREAK = re.compile(rf"\n(?:[ \t]*\n)*(?:{_FURNITURE}\n(?:[ \t]*\n)*)+")
# A percentage with a space before its sign (`99.99 %`), closed up (same length) before reading.
SPACED_PERCENT = re.compile(r"(\d) %(\))?")
# Resolution kind: table section labels (`ORDINARY RESOLUTIONS`) and row statements (`passed as a
# special resolution`, `(Special Resolution)`).
KIND_LABEL = re.compile(r"\b(?P<kind>ordinary|special)\s+resolutions?\b", re.I)
KIND_IN_ROW = re.compile(r"\bas\s+(?:an?\s+)?(?P<kind>ordinary|special)\s+resolution|"
                         r"\(\s*(?P<kind2>ordinary|special)\s+resolution\s*\)", re.I)
# A statement below a table giving the kind of the rows it numbers, family `Resolutions No. 1 to 5 were
# passed as ordinary resolutions and resolution No. 6 was passed as a special resolution`, `... in favour
# of each of the resolutions numbered 1, 2(a) to 2(c) and 3, these resolutions were duly passed as
# ordinary resolutions`. Read only when every number it names is a row of the table right above.
_STATED_NUMBER = r"\d{1,2}(?:\.\d{1,2})?(?:[ \t]?\([a-zA-Z]{1,4}\))*"
KIND_STATEMENT = re.compile(
    rf"\bresolutions?\s+(?:Nos?\.?\s*|numbered\s+)(?P<list>{_STATED_NUMBER}(?:\s*(?:,|and|to|[-–])\s*(?:Nos?\.\s*)?"
    rf"{_STATED_NUMBER})*)(?P<between>[^.\d]{{0,120}}?)\b(?:was|were)\s+(?:duly\s+)?passed\s+as\s+(?:an?\s+)?"
    rf"(?P<kind>ordinary|special)\s+resolutions?\b", re.I)
KIND_STATEMENT_REACH = 600
# A statement naming a meeting may speak of another meeting's table: not read.
STATEMENT_MEETING = re.compile(r"\bmeetings?\b|\bAGM\b|\bEGM\b|\bSGM\b", re.I)
# A section label standing in a cell of its own between rows (`SPECIAL RESOLUTION`).
KIND_LABEL_CELL = re.compile(r"(?:ordinary|special)\s+resolutions?\s*:?", re.I)
# Per-class vote lines inside a row (`A Shares ... H Shares ... Total ...`): only the total is read.
TOTAL_LABEL = re.compile(r"\bTotal\b", re.I)

#: How a list of sub-resolutions starts: `(a)`, `(i)`, `(1)`.
FIRST_SUBS = ("a", "i", "1")
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
         "xv", "xvi", "xvii", "xviii", "xix", "xx")
#: Farthest a table's first resolution number may stand from its header, and a row from its start.
FIRST_ROW_REACH = 600
ROW_REACH = 2500
#: How far above a first table its section label (`ORDINARY RESOLUTIONS`) may stand.
KIND_REACH = 3000
#: A line this long without cell separators is prose: the table has ended.
PROSE_LINE = 120
# A sentence below a table, family `Tricor Investor Services Limited, the branch share registrar ...,
# acted as` right under the last row: a line without cells (tabs, pipes, space-aligned columns) that
# starts with a capitalised word and has PROSE_WORDS words or more, after a line ending on a vote cell.
PROSE_START = re.compile(r"[ \u00a0]*[A-Z][A-Za-z'’]*\b(?![.)])")
PROSE_WORDS = 6
# A title cell cut mid-phrase (`... as the auditor of the` / `Company and to authorise ...`): the line
# below continues the title, whatever its first word, and is neither a sentence below the table nor
# a section heading.
MID_PHRASE = re.compile(r"(?:\b(?:the|of|and|or|to|a|an|in|on|at|by|for|from|with|into|under|upon|as|its|"
                        r"their|his|her|this|that|these|those|such|each|any|all|other|between|including|than|"
                        r"per|no|not|be|been|is|are|was|were)|[,;&/(\-–—])$", re.I)
# A section heading between tables, family `III. POLL RESULTS OF THE A SHAREHOLDERS CLASS MEETING`,
# `IV. Poll results of the H Share Class Meeting`, `2. VOTING RESULTS OF THE EGM`, `POLL RESULTS OF THE
# AGM`: a line without cells, numbered with a roman numeral, or written in capitals (numbered with an
# arabic one or not). A row's title never runs past one once its votes are read, so the heading stays
# above the next table, where it names that table's meeting.
ROMAN_HEADING = re.compile(r"[ \t*#]*(?:[IVX]{1,5})\.[ \t]+[A-Z][^\t|\d]{3,}$")
CAPS_HEADING = re.compile(r"[ \t*#]*(?:\d{1,2}\.[ \t]+)?[A-Z][A-Z0-9'’&,.()/ \-]*[A-Z][A-Z0-9'’&,.()/ \-]*$")


#: Where a table's numbering stands: main number, decimal, letter, and the letter nested under that
#: letter (`4(a)(i)`: 4, None, "a", "i").
State = tuple[int | None, str | None, str | None, str | None]


@dataclass(frozen=True)
class Columns:
    """The vote columns a table header names, in order (`for`, `against`, `abstain`, `total`)."""

    names: tuple[str, ...]
    start: int
    end: int
    # the Total column's place was read from another header line than the column names: a row whose
    # counts do not show which one is the total is not read
    total_inferred: bool = False


@dataclass(frozen=True)
class Marker:
    """A resolution number where a row may start: as written, and the parts the sequence uses."""

    start: int
    end: int
    main: int | None
    decimal: str | None
    letter: str | None
    strong: bool  # at a line, tab or pipe start, not inside running text


@dataclass
class VoteRow:
    """One resolution row as read: number, title, vote counts per column, and where it stood."""

    number: str
    start: int
    end: int
    title: str | None = None
    kind: str | None = None
    votes: dict[str, int] = field(default_factory=dict)
    percents: dict[str, float] = field(default_factory=dict)
    passed: bool | None = None
    withdrawn: bool = False
    total: int | None = None  # the table's own `Total number of votes` cell, where it has one


@dataclass
class Table:
    """A vote table: its columns and its rows, spanning [start, end) of the text."""

    columns: Columns
    start: int
    end: int
    rows: list[VoteRow] = field(default_factory=list)


@dataclass
class _Cells:
    """The vote cells and title words read from one row's text."""

    counts: list[tuple[int, int]] = field(default_factory=list)  # (value, offset in row text)
    percents: list[float] = field(default_factory=list)
    words: list[tuple[str, int]] = field(default_factory=list)  # (word, offset in row text)
    results: list[bool] = field(default_factory=list)
    weak: dict[int, str] = field(default_factory=dict)  # offset -> token of counts that may be title
    sequence: list[tuple[str, float, int]] = field(default_factory=list)  # every vote token in order


def find_tables(text: str, problems: list[tuple[str, int, int]] | None = None) -> list[Table]:
    """Every vote table of `text` with its rows; `problems` collects (reason, start, end) of rows skipped."""
    text = PAGE_BREAK.sub(lambda m: "\n|" + " " * (len(m.group(0)) - 3) + "\n", text)
    text = PAGE_NUMBER.sub(lambda m: "|" + " " * (len(m.group(0)) - 1), text)
    text = SPACED_PERCENT.sub(lambda m: m.group(1) + "%" + (m.group(2) or "") + " ", text)
    headers = _headers(text)
    tables: list[Table] = []
    for i, columns in enumerate(headers):
        limit = headers[i + 1].start if i + 1 < len(headers) else len(text)
        floor = tables[-1].end if tables else max(0, columns.start - KIND_REACH)
        line_start = text.rfind("\n", 0, columns.start) + 1
        if tables and line_start > tables[-1].rows[-1].start:
            floor = min(floor, line_start)  # `SPECIAL RESOLUTION<TAB>FOR<TAB>AGAINST`: the header's own label
        table = _read_table(text, columns, (floor, limit), problems if problems is not None else [])
        if table.rows:
            tables.append(table)
    return tables


def _headers(text: str) -> list[Columns]:
    """Vote-table headers, with the columns each names; prose like `vote for or against` is not one."""
    out = []
    for m in CUMULATIVE_HEADER.finditer(text):
        out.append(Columns(("for",), m.start(), m.end()))
    for m in VOTE_HEADER.finditer(text):
        prose = PROSE_BEFORE_HEADER.search(text, max(0, m.start() - 20), m.start())
        if prose and not (prose.group("wrap") and m.group(0)[:1].isupper()):
            continue
        names = ["for", "against"]
        total_before = TOTAL_BEFORE.search(text, max(0, m.start() - 100), m.start())
        inferred = bool(total_before) and "\n" in text[total_before.start() + 1:m.start()]
        if total_before and not _under_super_header(text, total_before.start(), m.start()):
            names.insert(0, "total")
        if m.group("abstain"):
            names.append("abstain")
        if m.group("total"):
            names.append("total")
        elif total_before and "total" not in names:
            names.append("total")  # `Number of votes (%) | Total` above `For | Against`: the total comes last
        inferred = inferred and not m.group("total")
        out.append(Columns(tuple(names), m.start(), m.end(), inferred))
    return sorted(_drop_overlaps(out), key=lambda c: c.start)


def _under_super_header(text: str, total_at: int, names_at: int) -> bool:
    """The `Total` cell before the column names stands on the header line above them, after a cell
    spanning the vote columns (`Number of votes (approximate %)`): the names on the line below fill that
    span, and the Total column comes after them, not before."""
    if "\n" not in text[total_at + 1:names_at]:
        return False  # `Total number of votes | For | Against` on one line: the total is first
    line_start = text.rfind("\n", 0, total_at + 1) + 1
    cells = [c for c in CELL_SEP.split(text[line_start:total_at]) if c.strip()]
    return bool(cells) and SUPER_HEADER_CELL.search(cells[-1]) is not None


def _drop_overlaps(headers: list[Columns]) -> list[Columns]:
    """A cumulative header inside a for/against header is that header's wording, not a table."""
    return [h for h in headers
            if not any(o is not h and len(o.names) > len(h.names) and o.start <= h.end and h.start <= o.end
                       for o in headers)]


def _markers(text: str, start: int, limit: int) -> list[Marker]:
    """Candidate resolution numbers in [start, limit): not references (`No. 5`), parsed into parts."""
    out = []
    for m in MARKER.finditer(text, start, limit):
        if REFERENCE_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            continue
        marker = _parse_marker(text, m)
        if marker is not None:
            out.append(marker)
    return out


def _parse_marker(text: str, m: re.Match[str]) -> Marker | None:
    """Split `1.01` / `2(a)` / `(iv)` into parts; a bare integer needs a title (a letter) after it."""
    raw = re.sub(r"\s", "", m.group("num"))
    before = text[max(0, m.start() - 200):m.start()].rstrip(" \u00a0")
    strong = not before or before[-1] in "\n\t|"
    letter_m = re.search(r"\(?([a-zA-Z]{1,4}|(?<=\()\d{1,2})\)$", raw)
    letter = letter_m.group(1) if letter_m else None
    head = raw[:letter_m.start()].rstrip(".") if letter_m else raw
    main = decimal = None
    if head:
        whole, _, decimal = head.partition(".")
        main = int(whole)
        decimal = decimal if decimal.strip("0") else None  # `4.00` heads sub-resolutions 4.01, 4.02
    if main is not None and decimal is None and letter is None and not m.group("dot"):
        after = re.match(r"[\s|]*", text[m.end():m.end() + 40])
        nxt = text[m.end() + (after.end() if after else 0):][:1]
        if not strong or not (nxt.isalpha() or nxt in "“\""):
            return None
    if letter is not None and not letter.isdigit() and letter.lower() not in ROMAN and len(letter) > 1:
        return None
    return Marker(m.start(), m.end(), main, decimal, letter, strong)


def _read_table(text: str, columns: Columns, bounds: tuple[int, int],
                problems: list[tuple[str, int, int]]) -> Table:
    """Rows of one table: resolution numbers in sequence, each row running to the next one.

    `bounds` are the end of the previous table (section labels above this table are read from
    there on) and the start of the next header.
    """
    floor, limit = bounds
    table = Table(columns=columns, start=columns.start, end=columns.end)
    state: State = (None, None, None, None)
    current: Marker | None = None
    current_number = ""
    for marker in _markers(text, columns.end, limit):
        if current is None:
            if marker.start - columns.end > FIRST_ROW_REACH:
                break
            number = _first_number(marker)
            if number is None:
                continue
            current, current_number, state = marker, number[0], number[1]
            continue
        cells = read_cells(text[current.end:marker.start])
        done = len(cells.counts) >= len(columns.names)
        stop = row_end(text, current.end, marker.start, columns.names) if done else marker.start
        if done and stop < marker.start and _prose_between(text, stop, marker.start):
            break
        nxt = _next_number(marker, state, done, not cells.counts, text)
        if nxt is None and done and _restarts_section(text, current.end, marker):
            nxt = _first_number(marker)
        if nxt is not None and marker.letter is not None and not _votes_before_sibling(text, marker, nxt[1], columns):
            nxt = None  # `(i) the Agreement; and (ii) ...`: an enumeration inside a title
        if nxt is None:
            if marker.start - current.end > ROW_REACH:
                break
            continue
        table.rows.append(_row(text, current, current_number, (floor, stop), columns.names, problems,
                               columns.total_inferred))
        current, current_number, state = marker, nxt[0], nxt[1]
    if current is not None:
        end = row_end(text, current.end, min(limit, current.end + ROW_REACH), columns.names)
        table.rows.append(_row(text, current, current_number, (floor, end), columns.names, problems,
                               columns.total_inferred))
    reach = (floor, min(limit, (table.rows[-1].end if table.rows else columns.end) + WITHDRAWN_STATEMENT_REACH))
    for row in table.rows:
        if not row.votes and not row.withdrawn and _withdrawn_by_statement(text, row.number, *reach):
            row.withdrawn = True  # `2.<TAB>To adopt the scheme<TAB>N/A<TAB>N/A`, withdrawn says a sentence
        if row.votes and row.passed is None:
            row.passed = _result_by_statement(text, row.number, *reach)
    table.rows = [r for r in table.rows if r.votes or r.withdrawn]
    if table.rows:
        table.end = table.rows[-1].end
        _stated_kinds(text, table.rows, min(limit, table.end + KIND_STATEMENT_REACH))
    return table


def _stated_kinds(text: str, rows: list[VoteRow], end: int) -> None:
    """Kinds the statements below a table give its rows by number (`KIND_STATEMENT`), for rows of no
    kind yet. A statement naming a number that is not a row here, or naming a meeting, is about
    another table; a row given both kinds keeps none."""
    order = [row.number for row in rows]
    given: dict[str, set[str]] = {}
    for m in KIND_STATEMENT.finditer(text, rows[0].start, end):
        sentence_start = max(text.rfind(".", 0, m.start()), text.rfind("\n\n", 0, m.start())) + 1
        stop = re.compile(r"\.(?=\s)|\n\n").search(text, m.end())
        if STATEMENT_MEETING.search(text, sentence_start, stop.start() if stop else len(text)):
            continue
        numbers = _stated_numbers(m.group("list"), order)
        if numbers is None:
            continue
        for number in numbers:
            given.setdefault(number, set()).add(m.group("kind").lower())
    for row in rows:
        kinds = given.get(row.number, set())
        if row.kind is None and len(kinds) == 1:
            row.kind = next(iter(kinds))


def _stated_numbers(listed: str, order: list[str]) -> list[str] | None:
    """The row numbers a statement lists (`1 to 5`, `1, 2(a) to 2(c) and 3`), ranges taken in table
    order; None when one of them is not a row of the table."""
    out: list[str] = []
    parts = re.split(r"\s*(?:,|\band\b)\s*(?:Nos?\.\s*)?", listed.strip())
    for part in filter(None, parts):
        ends = [re.sub(r"\s", "", e) for e in re.split(r"\s*(?:\bto\b|[-–])\s*(?:Nos?\.\s*)?", part)]
        if not all(e in order for e in ends) or len(ends) > 2:
            return None
        first, last = order.index(ends[0]), order.index(ends[-1])
        if last < first:
            return None
        out += order[first:last + 1]
    return out


def _restarts_section(text: str, row_start: int, marker: Marker) -> bool:
    """`SPECIAL RESOLUTION` then `1.` again: a section of the table that numbers from 1 anew."""
    return (marker.main == 1 and marker.decimal is None and marker.letter is None
            and KIND_LABEL.search(text, max(row_start, marker.start - 200), marker.start) is not None)


def _first_number(marker: Marker) -> tuple[str, State] | None:
    """The number a table's first row carries: any main number, `n.01`, or a first letter."""
    if marker.letter is not None and marker.letter.lower() not in FIRST_SUBS:
        return None
    if marker.decimal is not None and int(marker.decimal) != 1:
        return None
    return (_as_written(marker.main, marker.decimal, marker.letter),
            (marker.main, marker.decimal, marker.letter, None))


def _next_number(marker: Marker, state: State, done: bool, empty: bool,
                 text: str) -> tuple[str, State] | None:
    """The marker's number when it continues the sequence after `state`, else None.

    A row whose votes are incomplete is not ended by a new number, unless it has no votes at all
    (a heading row like `2. To re-elect the following directors:` or a withdrawn resolution) and
    the new number stands at a cell start or after a colon. Under a lettered heading row without
    votes (`4.` / `(a) To re-elect the following Directors:`), a first number of another style
    (`(i)`) opens a nested list: `4(a)(i)`, `4(a)(ii)`, then `(b)` goes back to `4(b)`.
    """
    main, decimal, letter, sub = state
    if not done and not (empty and (marker.strong or text[max(0, marker.start - 40):marker.start].rstrip()[-1:] in ":;")):
        return None
    m_main, m_dec, m_letter = marker.main, marker.decimal, marker.letter
    if m_letter is not None and m_dec is None:
        parent = m_main if m_main is not None else main
        fresh = m_main is not None and main is not None and m_main == main + 1
        first = m_letter.lower() in FIRST_SUBS
        if m_main is None and sub is not None and _letter_follows(sub, m_letter):
            return _as_written(main, None, letter, m_letter), (main, None, letter, m_letter)
        if (parent == main and (letter is None and first or _letter_follows(letter, m_letter))) or (fresh and first):
            return _as_written(parent, None, m_letter), (parent, None, m_letter, None)
        if (m_main is None and letter is not None and sub is None and empty and first
                and _letter_style(m_letter) != _letter_style(letter)):
            return _as_written(main, None, letter, m_letter), (main, None, letter, m_letter)
        return None
    if m_main is None or main is None:
        return None
    if m_dec is not None:
        same = m_main == main and (decimal is None and int(m_dec) == 1 or
                                   decimal is not None and int(m_dec) == int(decimal) + 1)
        fresh = m_main == main + 1 and int(m_dec) == 1
        return (_as_written(m_main, m_dec, None), (m_main, m_dec, None, None)) if same or fresh else None
    if m_main == main + 1:
        return _as_written(m_main, None, None), (m_main, None, None, None)
    return None


def _letter_style(letter: str) -> str:
    """digit (`1`), roman (`i`, `iv`) or alpha (`a`): a nested list numbers in another style than its parent."""
    low = letter.lower()
    return "digit" if low.isdigit() else "roman" if low in ROMAN else "alpha"


def _votes_before_sibling(text: str, marker: Marker, state: State, columns: Columns) -> bool:
    """A lettered sub-resolution has its own votes before the next letter or the next main number.

    Real sub-resolutions (`(a) To re-elect Mr. X ... 1,000 (99%) ...`) do; an enumeration inside
    a title (`To approve (i) the Agreement; and (ii) the transactions ... 1,000`) does not.
    """
    main, _, letter, sub = state
    siblings = [_next_letter(sub or letter or "")] + ([_next_letter(letter or "")] if sub else [])
    stops = [rf"\(\s*{re.escape(sibling)}\s*\)" for sibling in siblings if sibling]
    if main is not None:
        stops.append(rf"(?:^|\n)[ \t|]*{main + 1}\.?(?=\s)|(?<=\s){main + 1}\.\s+[A-Z]")
    reach = text[marker.end:marker.end + ROW_REACH]
    m = re.search("|".join(stops), reach, re.I | re.M) if stops else None
    segment = reach[:m.start()] if m else reach
    return len(read_cells(segment).counts) >= len(columns.names)


def _next_letter(letter: str) -> str | None:
    """The sibling after `letter`: `b` after `a`, `ii` after `i` (as a roman numeral), `2` after `1`."""
    low = letter.lower()
    if low.isdigit():
        return str(int(low) + 1)
    if low in ROMAN:
        nxt = ROMAN[ROMAN.index(low) + 1] if ROMAN.index(low) + 1 < len(ROMAN) else None
    else:
        nxt = chr(ord(low) + 1) if len(low) == 1 and low < "z" else None
    if nxt is None:
        return None
    return nxt.upper() if letter.isupper() else nxt


def _letter_follows(prev: str | None, nxt: str) -> bool:
    """(b) follows (a); (ii) follows (i); (j) follows (i) too, as a letter; (2) follows (1)."""
    if prev is None:
        return False
    prev, nxt = prev.lower(), nxt.lower()
    if prev.isdigit() or nxt.isdigit():
        return prev.isdigit() and nxt.isdigit() and int(nxt) == int(prev) + 1
    if len(prev) == 1 and len(nxt) == 1 and ord(nxt) == ord(prev) + 1:
        return True
    return prev in ROMAN and nxt in ROMAN and ROMAN.index(nxt) == ROMAN.index(prev) + 1


def _as_written(main: int | None, decimal: str | None, letter: str | None, sub: str | None = None) -> str:
    """`1`, `1.01`, `2(a)`, `4(a)(i)`: the number as the exchange format writes it."""
    out = "" if main is None else str(main)
    if decimal is not None:
        out += f".{decimal}"
    if letter is not None:
        out += f"({letter})" if out else letter
    if sub is not None:
        out += f"({sub})"
    return out


def _prose_between(text: str, start: int, end: int) -> bool:
    """True when a prose line stands between two rows: the table ended and another text began."""
    return any(len(line) >= PROSE_LINE and not re.search(r"[\t|]", line)
               for line in text[start:end].splitlines())


def row_end(text: str, start: int, limit: int, columns: tuple[str, ...]) -> int:
    """Where a row starting at `start` ends: at a blank line, or a prose line after its votes.

    The title of a row may wrap past its vote cells (continuation lines and `|` cell lines), so
    the row goes on after the votes until a blank line, a long prose line, or `limit`; a row
    with no votes (withdrawn) ends at its first blank line, before any prose below the table. A
    line below a title cut mid-phrase (`MID_PHRASE`) continues it, even when it looks like prose or
    a heading; page furniture between the two was made one `|` line by `find_tables`.
    """
    pos, votes_at, previous = start, None, ""
    for line in re.finditer(r"[^\n]*(?:\n|$)", text[start:limit]):
        body = line.group(0)
        if line.start() > 0:
            if not body.strip(" \t\u00a0\n") and body:
                return pos
            wrapped = _ends_mid_phrase(previous)
            if votes_at is not None and len(body) >= PROSE_LINE and not re.search(r"[\t|]", body) and not wrapped:
                return pos
            if votes_at is not None and section_heading(body) and not wrapped:
                return pos
        if body.strip(" \t\u00a0\n|"):
            previous = body
        pos = start + line.end()
        if votes_at is None and len(read_cells(text[start:pos]).counts) >= len(columns):
            votes_at = pos
        if not body:
            break
    return min(pos, limit)


def section_heading(line: str) -> bool:
    """A heading line (`ROMAN_HEADING`, `CAPS_HEADING`) of two words or more, not a per-class vote
    label (`A SHARES`, `TOTAL`) and without vote cells: a table section ends above it."""
    body = line.strip(" \t\u00a0\n")
    if re.search(r"[\t|]", body) or CLASS_LABEL_CELL.fullmatch(body) or len(re.findall(r"[A-Za-z]{2,}", body)) < 2:
        return False
    if COUNT_TOKEN.search(body.split(".", 1)[-1] if re.match(r"\d{1,2}\.", body) else body):
        return False
    return ROMAN_HEADING.match(body) is not None or CAPS_HEADING.match(body) is not None


def read_cells(chunk: str) -> _Cells:
    """Vote counts, percentages and title words of one row's text, in reading order.

    A number is a vote cell when it fills a cell (with its percentage), or stands in a run of two
    or more counts / percentages; a lone number among words (`31 December`) is title text.
    """
    cells = _Cells()
    pos = 0
    for sep in list(CELL_SEP.finditer(chunk)) + [None]:
        end = sep.start() if sep else len(chunk)
        _read_cell(chunk[pos:end], pos, cells)
        pos = sep.end() if sep else end
    return cells


def _read_cell(cell: str, offset: int, cells: _Cells) -> None:
    """Classify the tokens of one cell into vote counts, percentages, result flags and words."""
    if NA_TOKEN.fullmatch(cell.strip()):
        return
    tokens = [(m.group(0), offset + m.start()) for m in re.finditer(r"\S+", cell)
              if not NA_TOKEN.fullmatch(m.group(0))]
    if not tokens:
        return
    result = RESULT_CELL.fullmatch(cell.strip())
    if result:
        cells.results.append(result.group("neg") is None and (result.group("yes") is not None or
                                                               result.group(0).lower() != "no"))
        return
    if CLASS_LABEL_CELL.fullmatch(cell.strip()) or KIND_LABEL_CELL.fullmatch(cell.strip()):
        return
    kinds = [_token_kind(tok) for tok, _ in tokens]
    pure = all(k != "word" for k in kinds)
    previous = [tokens[i - 1][0] for i in range(1, len(tokens))]
    previous.insert(0, cells.words[-1][0] if cells.words else "")
    for i, before in enumerate(previous):
        if kinds[i] == "count" and YEAR.fullmatch(tokens[i][0]) and before.lower().rstrip(".,") in MONTHS:
            kinds[i] = "word"  # `31 December 2022 1,234 (99%)`: the year is the title's
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and kinds[j] != "word":
            j += 1
        run = list(range(i, j))
        if run and not pure and i > 0 and kinds[i] == "count" and "," not in tokens[i][0]:
            # `... year ended 31 (100.00%) (0.00%)`: a bare number ending a title line
            if sum(kinds[k] == "percent" for k in run) > sum(kinds[k] in ("count", "dash") for k in run):
                cells.words.append(tokens[i])
                run = run[1:]
            else:
                cells.weak[tokens[i][1]] = tokens[i][0]
        if run and (pure or _is_vote_run([kinds[k] for k in run])):
            for k in run:
                _take(tokens[k][0], kinds[k], tokens[k][1], cells)
        else:
            cells.words.extend(tokens[k] for k in run)
        if j < len(tokens):
            cells.words.append(tokens[j])
        i = j + 1


def _token_kind(token: str) -> str:
    """count, dash, percent, decimal, or word."""
    if COUNT_TOKEN.fullmatch(token):
        return "count"
    if DASH_TOKEN.fullmatch(token):
        return "dash"
    if PERCENT_TOKEN.fullmatch(token):
        return "percent"
    if DECIMAL_TOKEN.fullmatch(token):
        return "decimal"
    return "word"


def _is_vote_run(kinds: list[str]) -> bool:
    """A run of numbers inside running text is votes when it pairs counts or percentages."""
    if len(kinds) < 2:
        return False
    counts = sum(k in ("count", "dash") for k in kinds)
    percents = sum(k == "percent" for k in kinds)
    return (counts >= 1 and kinds[0] != "decimal") or percents >= 2


def _take(token: str, kind: str, offset: int, cells: _Cells) -> None:
    """Record one vote-cell token."""
    if kind in ("count", "dash"):
        count = int(token.replace(",", "")) if kind == "count" else 0
        cells.counts.append((count, offset))
        cells.sequence.append((kind, count, offset))
        return
    m = PERCENT_TOKEN.fullmatch(token) or DECIMAL_TOKEN.fullmatch(token)
    value = to_decimal(m.group("p")) if m else None
    if value is not None:
        cells.percents.append(float(value))
        cells.sequence.append((kind, float(value), offset))


def _row(text: str, marker: Marker, number: str, bounds: tuple[int, int], columns: tuple[str, ...],
         problems: list[tuple[str, int, int]], inferred: bool = False) -> VoteRow:
    """One row from its text: votes by column, title, kind, and what the row says of its result."""
    floor, end = bounds
    chunk = text[marker.end:end]
    tail = ROW_TAIL.search(chunk)
    body = chunk[:tail.start()] if tail else chunk
    body = body[:_prose_below(body, columns)]
    cells = read_cells(body)
    row = VoteRow(number=number, start=marker.start, end=end)
    row.kind = _row_kind(text, (floor, marker.start), body, chunk[len(body):])
    counts = _pick_counts(body, cells, columns)
    row.title = _title([word for word, _ in sorted(cells.words, key=lambda w: w[1])])
    if WITHDRAWN.search(chunk) and all(value == 0 for value, _ in cells.counts):
        # `Withdrawn<TAB>N/A<TAB>N/A`, `To adopt the scheme (withdrawn)<TAB>-<TAB>-`: no votes were cast
        row.withdrawn = True
        row.title = _withdrawn_title(body)
        return row
    if counts is None:
        if cells.counts:
            problems.append((f"resolution {number}: {len(cells.counts)} vote cells for columns "
                             f"{'/'.join(columns)}", marker.start, end))
        return row
    order = _total_aligned(columns, counts, inferred)
    if order is None:
        problems.append((f"resolution {number}: no vote cell is the total of the others "
                         f"(columns {'/'.join(columns)})", marker.start, end))
        return row
    counts = [counts[i] for i in order]
    names = tuple(n for n in columns if n != "total") + (("total",) if "total" in columns else ())
    row.votes = {name: value for name, value in zip(names, counts) if name != "total"}
    row.total = dict(zip(names, counts)).get("total")
    if len(cells.percents) == len(counts) == len(columns):
        percents = [cells.percents[i] for i in order]
        row.percents = {name: p for name, p in zip(names, percents) if name != "total"}
    elif "total" in columns and len(cells.percents) == len(row.votes):
        row.percents = dict(zip(row.votes, cells.percents))  # `900 (90%) | 100 (10%) | 1,000`: no total %
    row.passed = _stated_result(chunk, cells)
    return row


def _total_aligned(columns: tuple[str, ...], counts: list[int], inferred: bool) -> list[int] | None:
    """Indexes of `counts` in the order vote columns (for, against, abstain as the header has them), then
    total. A table with a `Total` column: the total is the count equal to the sum of the others (or of
    For and Against, abstentions not counted as votes cast). It is taken where the header puts it when it
    adds up there; else where exactly one count adds up. When none does (or several), the header order
    stands if the header named the Total on the line of the other columns (the filing's own sum is then
    wrong, a finding of `meetings_checks`); if its place was inferred from another line, the row cannot
    be aligned: None. Without a `Total` column, the header order."""
    if "total" not in columns:
        return list(range(len(counts)))
    at = columns.index("total")

    def adds_up(i: int) -> bool:
        others = [c for j, c in enumerate(counts) if j != i]
        return counts[i] == sum(others) or (len(others) == 3 and counts[i] == sum(others[:2]))

    if adds_up(at):
        found = at
    else:
        candidates = [i for i in range(len(counts)) if adds_up(i)]
        if len(candidates) == 1:
            found = candidates[0]
        elif inferred:
            return None
        else:
            found = at
    return [i for i in range(len(counts)) if i != found] + [found]


def _withdrawn_title(body: str) -> str | None:
    """The title of a withdrawn row: its words without what it says of the withdrawal (`WITHDRAWN_NOTE`);
    None when that is all the row says."""
    kept = WITHDRAWN_NOTE.sub(lambda m: " " * len(m.group(0)), body)
    return _title([word for word, _ in sorted(read_cells(kept).words, key=lambda w: w[1])])


def _withdrawn_by_statement(text: str, number: str, start: int, end: int) -> bool:
    """A sentence in [start, end) names resolution `number` and says it was withdrawn or not put to the
    vote, before it names another resolution or ends (`the proposed resolution no. 2 set out in the
    notice of the EGM ... was withdrawn`)."""
    named = re.compile(rf"\bresolutions?\s+(?:Nos?\.?\s*|numbered\s+)?{re.escape(number)}(?![\w(]|\.\d)", re.I)
    for m in named.finditer(text, start, end):
        stop = WITHDRAWN_STATEMENT_STOP.search(text, m.end(), m.end() + WITHDRAWN_STATEMENT_REACH)
        if WITHDRAWN.search(text, m.end(), stop.start() if stop else m.end() + WITHDRAWN_STATEMENT_REACH):
            return True
    return False


def _result_by_statement(text: str, number: str, start: int, end: int) -> bool | None:
    """Passed or not, as a sentence in [start, end) says of resolution `number` before it names another
    resolution or ends (`As less than 75% of the votes were cast in favour of resolution 2, resolution 2
    was not passed as a special resolution`); None when no sentence says, or sentences disagree."""
    named = re.compile(rf"\bresolutions?\s+(?:Nos?\.?\s*|numbered\s+)?{re.escape(number)}(?![\w(]|\.\d)", re.I)
    said: set[bool] = set()
    for m in named.finditer(text, start, end):
        stop = WITHDRAWN_STATEMENT_STOP.search(text, m.end(), m.end() + WITHDRAWN_STATEMENT_REACH)
        clause = text[m.end():stop.start() if stop else m.end() + WITHDRAWN_STATEMENT_REACH]
        if re.search(r"\b(?:and|or|to|[-–])\s*\d", clause[:8]):
            continue  # `resolutions 1 and 2 ...`: a statement about several
        if NOT_PASSED.search(clause):
            said.add(False)
        elif PASSED.search(clause):
            said.add(True)
    return next(iter(said)) if len(said) == 1 else None


def _pick_counts(body: str, cells: _Cells, columns: tuple[str, ...]) -> list[int] | None:
    """The counts of the row's columns: all of them, those after a `Total` label of class lines, or
    every other number where each count has its percentage in a column of its own."""
    values = [v for v, _ in cells.counts]
    if len(values) == len(columns):
        return values
    strong = [(v, at) for v, at in cells.counts if at not in cells.weak]
    if len(values) > len(columns) == len(strong):
        cells.words.extend((cells.weak[at], at) for _, at in cells.counts if at in cells.weak)
        cells.counts[:] = strong  # `... ended 31 138,718,463 -`: the bare number was the title's
        return [v for v, _ in strong]
    seq = cells.sequence
    if len(seq) == 2 * len(columns) and all(k in ("count", "dash") for k, _, _ in seq[::2]) \
            and all(v <= 100 for _, v, _ in seq[1::2]):
        cells.percents[:] = [float(v) for _, v, _ in seq[1::2]]
        return [int(v) for _, v, _ in seq[::2]]  # each count has its percentage in a column of its own
    if len(values) > len(columns):
        totals = list(TOTAL_LABEL.finditer(body))
        if totals:
            after = [v for v, at in cells.counts if at > totals[-1].start()]
            if len(after) == len(columns):
                return after
    return None


def _title(words: list[str]) -> str | None:
    """The title words joined, hyphenated line breaks mended, trailing punctuation dropped."""
    title = " ".join(w for w in words if w not in ("|",))
    title = re.sub(r"(?<=\w)- (?=[a-z])", "-", title).strip(" .;:,*")
    return title or None


def _row_kind(text: str, span: tuple[int, int], body: str, after: str) -> str | None:
    """Ordinary or special: what the row says, else the nearest section label above it in its table,
    else a statement right after it about one resolution (`... it was duly passed as a special
    resolution`); a statement about several (`passed as ordinary resolutions`) is not the row's."""
    m = KIND_IN_ROW.search(body)
    if m:
        return (m.group("kind") or m.group("kind2")).lower()
    labels = list(KIND_LABEL.finditer(text, *span))
    if labels:
        return labels[-1].group("kind").lower()
    for m in KIND_IN_ROW.finditer(after):
        sentence = after[max(after.rfind(".", 0, m.start()), after.rfind("\n", 0, m.start())) + 1:m.end()]
        if not after[m.end():m.end() + 1].isalpha() and not re.search(r"\d", sentence):
            return (m.group("kind") or m.group("kind2")).lower()
    return None


def _prose_below(body: str, columns: tuple[str, ...]) -> int:
    """Where a sentence below the table starts in a row's text (its length if none): a line without
    cells, capitalised, of PROSE_WORDS words or more, after a line ending on a vote cell, once the
    row's votes are complete. Continuation lines of a wrapped title do not look like that: they
    start in lower case, are short, or follow a title line (`|` cells, tabs)."""
    previous = ""
    for line in re.finditer(r"[^\n]*\n?", body):
        text = line.group(0)
        if not text:
            break
        if (line.start() > 0 and not re.search(r"[\t|]|\S {2,}\S", text) and PROSE_START.match(text)
                and len(re.findall(r"\b[A-Za-z]{2,}\b", text)) >= PROSE_WORDS and _ends_on_vote_cell(previous)
                and not _ends_mid_phrase(previous) and len(read_cells(body[:line.start()]).counts) >= len(columns)):
            return line.start()
        if text.strip():
            previous = text
    return len(body)


def _ends_mid_phrase(line: str) -> bool:
    """The line's last cell of words (its title part, vote cells after it aside) ends mid-phrase
    (`MID_PHRASE`): the title wraps onto the next line."""
    for cell in reversed([c.strip() for c in CELL_SEP.split(line.strip()) if c.strip()]):
        if RESULT_CELL.fullmatch(cell) or all(_token_kind(tok) != "word" for tok in cell.split()):
            continue
        return MID_PHRASE.search(cell) is not None
    return False


def _ends_on_vote_cell(line: str) -> bool:
    """The line's last cell is a vote count, percentage, nil dash or result (`Passed`, `Yes`)."""
    cells = [c for c in CELL_SEP.split(line.strip()) if c]
    if not cells:
        return False
    last = cells[-1].strip()
    return RESULT_CELL.fullmatch(last) is not None or all(_token_kind(tok) != "word" for tok in last.split())


def _stated_result(chunk: str, cells: _Cells) -> bool | None:
    """Passed or not, as the row itself states it (a result cell or a sentence after the votes)."""
    if cells.results:
        return cells.results[-1]
    if NOT_PASSED.search(chunk):
        return False
    if PASSED.search(chunk):
        return True
    return None

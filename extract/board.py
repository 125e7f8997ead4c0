"""Directorships from the closing board paragraph of an announcement.

HKEX announcements end with a paragraph such as `As at the date of this announcement, the Board
comprises Mr. A and Mr. B as executive Directors; ... and Dr. C as independent non-executive
Directors.` It is found with a regular expression over the raw text, folded (page furniture and
line breaks removed, see `extract.text.names`), and only that paragraph goes through the spaCy
pipeline, whose `gov_spans` component marks the director-role phrases. Two phrasing families
are read:

- names, then role: `Mr. A, Ms. B and Dr. C as (the) (proposed) executive Directors; (ii) ...`
- names, then role: also `Mr. A and Mr. B, being executive Directors`, `..., who are executive
  Directors`, `Mr. A as the chairman and executive Director`;
- role, then names: `three executive Directors, namely Mr. A (Chairman), Mr. B and Mr. C; ...`,
  `the executive Directors are Mr. A and Mr. B`, `executive Directors: Mr. A, Mr. B` (also one name
  per line), `executive directors, Mr. A, Mr. B`;
- a role per name in its parenthesis: `Mr. A (Chairman and Executive Director), Mr. B (Independent
  Non-executive Director)`;
- an office as a label, the role in the parenthesis: `Chairman: Mr. A (non-executive Director)` /
  `Chief Executive Officer: Mr. B (executive Director)` / `Executive Director: Ms. C` (the labels may
  stand alone or before role-then-names groups; the label gives the officer title).

A paragraph mixing the families, or a role phrase that fits neither, is skipped whole: a wrong
directorship costs more than a missed one.

A board paragraph may also end in a colon and give the board as a table, one column per role
(`the Board consists of the following members:` / `Executive Directors⇥Non-executive Director⇥
Independent Non-executive Directors` / `Mr. A (Chairman)⇥⇥Ms. B`): each name takes the role of its
column, empty cells keeping the column positions. Laid out with spaces, a name takes the column whose heading
starts at its own character position; a board paragraph in columns read no other way is skipped, never flattened
into prose (the left column's names would take the right heading's role).

Two more layouts state the board without that lead:

- rosters under role headings, one director per line (`Executive Directors` / `Mr. A (Chairman)` /
  `Independent Non-executive Directors` / `Mr. B`): the standard `LIST OF DIRECTORS AND THEIR ROLES
  AND FUNCTIONS` announcement (as of its date), and the directors' report's `The Directors during the
  year and up to the date of this report were:` with `(resigned on ...)` / `(appointed on ...)` notes
  (those who left are not read; as of the date the report is signed, and skipped when it is not found);
- `The Board currently comprises ...` in a report: read for the inline titles of the officer family
  only, since the paragraph names no date its directorships could be stated as of.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.context import DocContext
from extract.components import SPAN_KEY
from extract.text.dates import find_dates, parse_date
from extract.text.names import (HONORIFIC, HONORIFIC_ANYWHERE, PAGE_JUNK, POST_NOMINAL, SINGLE_NAME, Folded,
                           clean_person, fold, officer_title, read_titles, respelled, title_items)
from extract.records import Directorship, Fact
from extract.registry import extractor
from extract.text.patterns import NOT_AFTER_ABBREVIATION
from extract.text.vocab import DIRECTOR_ROLE_PHRASES

# The paragraph lead: `As at the date of this announcement,`, `As of ...`, `At the date hereof,`.
# Reports write `As at the date of this annual report,` (their directorships then have no date to be stated as of).
BOARD_LEAD = re.compile(
    r"\b(?:As\s+(?:at|of)|At)\s+the\s+date\s+(?:of\s+this\s+(?:announcement|(?:annual\s+|interim\s+)?report|circular"
    r"|notice|document)|hereof)\s*,?", re.I)
# The paragraph's closing full stop: a period ending a line (or the text), not after an honorific.
PARAGRAPH_END = re.compile(rf"{NOT_AFTER_ABBREVIATION}\.(?=[ \t*_]*(?:\n|$))")
#: Longest board paragraph read, in characters of raw text.
PARAGRAPH_LIMIT = 3000
# The paragraph is about the board: `the Board comprises`, `the board of directors ...`, `Directors of`.
BOARD_SUBJECT = re.compile(r"\b(?:Board|board|Directors|directors)\b")
# A committee as the subject (`As at the date of this report, the Audit Committee consists of ... Mr. A (chairman)`):
# its list names the committee's members, and its `(chairman)` the committee's chair, not the board's.
COMMITTEE_SUBJECT = re.compile(r"\b(?:Committees?|Supervisors?)\b", re.I)
# Names-then-role family: `... as (the) (proposed) <role>`, `... are <role>`, `..., being <role>`,
# `... as the chairman and executive Director` (titles before the role, read for a single name).
ROLE_AFTER_NAMES = re.compile(
    r"\b(?:as|are|is|being)\s+(?:the\s+|an?\s+|our\s+)?"
    r"(?:(?P<titles>[A-Za-z][A-Za-z ,\-]{2,60}?)\s*(?:,|\band\b)\s*(?:an?\s+|the\s+)?)?(?P<proposed>proposed\s+)?$",
    re.I)
# Role-then-names family: `<role>, namely`, `<role> of the Company are`, `<role>:`, `<role>, Mr. A`.
ROLE_BEFORE_NAMES = re.compile(
    r"^(?:\s+of\s+the\s+Company)?(?:\s*,?\s*(?:namely|being|comprising|including)\b|\s*:|\s+(?:are|is)\b"
    rf"|\s*,\s*(?={HONORIFIC}))\s*:?", re.I)
# `the proposed independent non-executive Directors, namely ...`.
PROPOSED_BEFORE = re.compile(r"\bproposed\s+$", re.I)
# End of a sentence inside a flattened paragraph (`... Mr. Ho Man Kit. Hong Kong, 23 March 2026`),
# not the dot of an honorific or of initials (`Mr.`, `T.K.`).
SENTENCE_END = re.compile(rf"{NOT_AFTER_ABBREVIATION}(?<![A-Z])\.(?=\s|$)")
# The verb after which the first names of the names-then-role family begin.
LIST_VERB = re.compile(r"\b(?:comprises|comprise|comprised\s+of|consists\s+of|consist\s+of|includes?|are|is)\b\s*:?",
                       re.I)
# A new clause inside a role group (`...; and the Supervisory Committee comprises Mr. X`): names stop.
CLAUSE_BREAK = re.compile(r"\b(?:comprises?|consists?|are|is|was|were|as|who|which|has|have|will)\b")
# Blank lines end a paragraph, unless they only surround a page break or a role heading follows
# (`Independent non-executive Directors:` in a list laid out one name per line).
BLANK_RUN = re.compile(r"\n(?:[ \t]*\n)+(?![ \t]*(?:the\s+)?(?:independent\s+)?(?:non[-\s]?)?executive\s+directors?\b)",
                       re.I)
# Enumerators: `(i)`, `(iii)`, `(a)`, `(1)`.
ENUMERATOR = re.compile(r"\(\s*(?:[ivx]{1,4}|[a-h]|\d{1,2})\s*\)")
# A parenthesis with one level of nesting: inline titles `(Chairman)`, aliases `(alias Robin Weng)`.
PARENTHESIS = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
# Separators between names: commas, semicolons, `and`, `&`.
NAME_SEPARATOR = re.compile(r"\s*(?:[;,&]|\band\b)\s*")
# An office as a label at the start of a line or clause: `Chairman: Mr. A (non-executive Director)`. The
# label is read back from its colon to the line break, `;` or `:` before it, and must be known titles only.
LABEL_COLON = re.compile(r"\s*[:：]\s*(?=(?:{0})|[A-Z])".format(HONORIFIC))
# Parentheses that give another name of the person, not a title.
ALIAS = re.compile(r"^\s*(?:alias|also\s+known\s+as|a\.k\.a\.?|formerly\s+known\s+as)\b", re.I)

# A lead sentence announcing a layout rather than names: `the Board consists of the following members:`,
# `the Board comprises:` (the rest of the sentence up to a colon ending its line, no full stop between).
LEAD_TO_COLON = re.compile(r"[^.;:]{0,250}?:[ \t*]*\n")
#: Lines a role table reads at most (a row is one line; the table ends at its first other line).
TABLE_ROWS = 40
# Cells of a table laid out with spaces (`Executive Directors:⎵⎵⎵⎵Independent Non-executive Directors:`): a run
# of two or more spaces, or a tab, separates them; a single space is inside a cell.
SPACED_CELL = re.compile(r"\S+(?: \S+)*")
# Two cells on one line of a board paragraph read as prose (`Mr. A (Chairman)⎵⎵⎵⎵Mr. B`): the line is a row of
# columns, and the flattened prose would give each name the role of whichever heading came last.
COLUMN_GAP_NAME = re.compile(rf"\S(?:[ ]*\t[ \t]*|[ ]{{3,}})(?:{HONORIFIC})")

# Undated board paragraphs of reports: `The Board currently comprises ...`, `The Board presently consists of`.
# Also without `currently` in the present tense: `The Board comprises the following Directors:` (a past
# `The Board comprised` is not current).
CURRENT_BOARD_LEAD = re.compile(r"\b(?:The|Our)\s+Board(?:\s+of\s+Directors)?\s+(?:(?:currently|presently)\s+"
                                r"(?=compris|consist)|(?=comprises\b|consists\s+of\b))")

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
#: Lines of page furniture passed over after a page marker inside a roster.
ROSTER_FURNITURE_LINES = 4
# Where a report is signed: `On behalf of the Board`, `By order of the Board`, then `Hong Kong, 26 March 2025`.
REPORT_SIGNOFF = re.compile(r"\b(?:(?:For\s+and\s+)?On\s+behalf\s+of|By\s+order\s+of)\s+the\s+Board\b", re.I)
# The date line of a signature: the date alone, or after a place (`Hong Kong, 26 March 2025`).
SIGNOFF_DATE_LINE = re.compile(r"^[ \t*]*(?:[A-Z][A-Za-z ,.'()]{1,60},\s*)?(?P<date>[^\n]{6,30}?)[ \t*]*$", re.M)
#: How far after a directors' report roster its signature is looked for, and how far after the sign-off its date.
REPORT_SIGNOFF_REACH = 150_000
SIGNOFF_DATE_REACH = 400

_ROLES = {k.lower(): v for k, v in DIRECTOR_ROLE_PHRASES.items()}


@dataclass(frozen=True)
class Seat:
    """One director of a board paragraph; `titles` are the inline ones (`Mr. X (Chairman)`)."""

    person: str
    role: str
    proposed: bool
    titles: tuple[tuple[str, str], ...]
    start: int
    end: int


@dataclass(frozen=True)
class BoardParagraph:
    """A board paragraph or roster: its document offsets and the seats read from it.

    `as_of` is the date its seats are stated for (None: the document's date); `dated` is False for
    paragraphs that name no date at all (`The Board currently comprises` in a report), whose seats
    give officer titles but no directorship.
    """

    start: int
    end: int
    seats: tuple[Seat, ...]
    as_of: str | None = None
    dated: bool = True


@dataclass(frozen=True)
class _Segment:
    """Where the names of one role group are, in folded-paragraph offsets."""

    start: int
    end: int
    role: str
    proposed: bool
    titles: tuple[tuple[str, str], ...] = ()
    #: Names listed one per line under `Executive Directors:` (each line break separates names).
    listed: bool = False


@extractor("directorship")
def extract_directorships(ctx: DocContext) -> list[Fact]:
    """Directorship facts of every board paragraph, as of the announcement date."""
    paragraphs = [par for par in board_paragraphs(ctx) if par.dated]
    facts: list[Fact] = []
    for par in paragraphs:
        as_of = par.as_of or ctx.meta.date
        if not ctx.meta.issuer or not as_of:
            ctx.skip("directorship", "board paragraph but no issuer or announcement date", par.start, par.end)
            continue
        facts += [Directorship(company=ctx.meta.issuer, person=seat.person, role=seat.role, as_of=as_of,
                               proposed=seat.proposed, evidence=ctx.evidence(par.start, par.end))
                  for seat in par.seats]
    return facts


def board_paragraphs(ctx: DocContext) -> list[BoardParagraph]:
    """Every board paragraph of the document that reads cleanly (others are skipped, with reasons).

    Read once per document: the officer family reads the inline titles of the same paragraphs.
    """
    return ctx.memo("board_paragraphs", _read_board_paragraphs)


def _read_board_paragraphs(ctx: DocContext) -> list[BoardParagraph]:
    out: list[BoardParagraph] = []
    for lead in BOARD_LEAD.finditer(ctx.text):
        layout = _lead_layout(ctx, lead.end())
        if layout is not None:
            seats, end = layout
            if seats:
                out.append(BoardParagraph(lead.start(), end, tuple(seats)))
            continue
        end = _paragraph_end(ctx.text, lead.end())
        if end is None:
            continue
        folded = fold(ctx.text, lead.end(), end - 1 if ctx.text[end - 1] == "." else end)
        if not _about_the_board(folded.text):
            continue
        if _in_columns(ctx, lead.start(), end):
            continue
        seats = _read_paragraph(ctx, folded, lead.start(), end)
        if seats:
            out.append(BoardParagraph(lead.start(), end, tuple(seats)))
    for lead in CURRENT_BOARD_LEAD.finditer(ctx.text):
        if any(par.start <= lead.start() < par.end for par in out):
            continue  # `As at the date of this report, the Board currently comprises`: read above
        layout = _lead_layout(ctx, lead.start())
        if layout is not None:
            seats, end = layout
            if seats:
                out.append(BoardParagraph(lead.start(), end, tuple(seats), dated=False))
            continue
        end = _paragraph_end(ctx.text, lead.end())
        if end is None:
            continue
        folded = fold(ctx.text, lead.start(), end - 1 if ctx.text[end - 1] == "." else end)
        if _in_columns(ctx, lead.start(), end):
            continue
        seats = _read_paragraph(ctx, folded, lead.start(), end)
        if seats:
            out.append(BoardParagraph(lead.start(), end, tuple(seats), dated=False))
    out += _rosters(ctx)
    return out


def _in_columns(ctx: DocContext, start: int, end: int) -> bool:
    """True (and the paragraph skipped) when a board paragraph not read as a table is laid out in columns: a
    line holding two role headings (`Executive Directors:⎵⎵⎵⎵Independent Non-executive Directors:`) or a name
    after a run of spaces or a tab (`Mr. A (Chairman)⎵⎵⎵⎵Mr. B`). Flattened into prose, each name would take the
    role of whichever heading came last before it, the right column's heading for the left column's names."""
    for line_start, line_end, _ in _raw_lines(ctx.text, start, end):
        line = ctx.text[line_start:line_end]
        if _spaced_header(line.replace("\t", "    ")) or COLUMN_GAP_NAME.search(line):
            ctx.skip("directorship", "board paragraph laid out in columns not aligned to role headings",
                     start, end)
            return True
    return False


def _about_the_board(text: str) -> bool:
    """True when a paragraph after a lead is about the board: it names the board or directors early, and its
    subject (the text before its list verb) names no committee (`the Audit Committee consists of ...`)."""
    if not BOARD_SUBJECT.search(text[:250]):
        return False
    verb = LIST_VERB.search(text, 0, 250)
    return not COMMITTEE_SUBJECT.search(text[:verb.start() if verb else 250])


def _rosters(ctx: DocContext) -> list[BoardParagraph]:
    """Rosters under role headings, after a `LIST OF DIRECTORS AND THEIR ROLES AND FUNCTIONS` title (as of the
    announcement date) or a directors' report lead (as of the report's signature date)."""
    out: list[BoardParagraph] = []
    leads = [(m, False) for m in ROSTER_TITLE.finditer(ctx.text)]
    leads += [(m, True) for m in REPORT_ROSTER_LEAD.finditer(ctx.text)]
    for lead, in_report in sorted(leads, key=lambda item: item[0].start()):
        if any(par.start <= lead.start() < par.end for par in out):
            continue
        table = next((found for s, _, _ in _raw_lines(ctx.text, lead.end(), lead.end() + ROSTER_LEAD_REACH)
                      if (found := _table_at(ctx, s)) is not None), None)
        seats, end = table if table is not None else _roster_seats(ctx, lead.end(), in_report)
        if not seats:
            continue
        as_of = None
        if in_report:
            as_of = _report_date(ctx.text, end)
            if as_of is None:
                # `(Chairman)` still holds up to the date of the report: an officer title without a date.
                ctx.skip("directorship", "directors' report roster but no date the report is signed",
                         lead.start(), end)
                out.append(BoardParagraph(lead.start(), end, tuple(seats), dated=False))
                continue
        out.append(BoardParagraph(lead.start(), end, tuple(seats), as_of=as_of))
    return out


def _roster_seats(ctx: DocContext, start: int, in_report: bool) -> tuple[list[Seat], int]:
    """Seats of the roster after a lead ending at `start`, and where the roster ends.

    The first role heading must come within `ROSTER_LEAD_REACH`; then each non-blank line is a role
    heading, a name line, or (just after a page marker) page furniture; any other line ends the roster.
    """
    text = ctx.text
    lines = _raw_lines(text, start, min(len(text), start + 20_000))
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
        if i + 1 < len(lines) and _is_date_line(lines[i + 1][2]):
            break  # `Hong Kong` / `2 April 2026`: the place and date of the document, not a name
        if PAGE_JUNK.fullmatch(line):
            furniture = ROSTER_FURNITURE_LINES
            continue
        found = _roster_heading(line)
        if found:
            close_group()
            heading, furniture, end = found, 0, line_end
            continue
        read = _roster_line(ctx, line, line_start, line_end, heading[0] if heading else "", in_report)
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


def _lead_layout(ctx: DocContext, start: int) -> tuple[list[Seat], int] | None:
    """(seats, end) of a role table or roster after a lead sentence ending in a colon, else None (neither there).

    `the Board consists of the following members:` then either a header line of role phrases separated by
    tabs (`Executive Directors⇥Non-executive Director⇥Independent Non-executive Directors`) and rows of names,
    one cell per column (`Mr. A (Chief Executive Officer)⇥⇥Ms. B`: the empty cell keeps B in the third
    column), or, on the very next line, a roster under role headings (`Executive Directors` / `Mr. A
    (Chairman)` / `Non-executive Director` / `Mr. B`). Blank lines may come between the lead and the header.
    Tables laid out with runs of spaces lose their empty cells: a name is read there only when it starts exactly
    under a heading (`_spaced_table_at`), else the table is skipped. A table may be followed by a one-column
    section (`Non-executive Director:` / `Mr. C`): a role heading on the line after the last row goes on as
    a roster.
    """
    text = ctx.text
    lead = LEAD_TO_COLON.match(text, start)
    if not lead or not _about_the_board(" ".join(lead.group().split())):
        return None
    first = next(iter(_raw_lines(text, lead.end(), min(len(text), lead.end() + 400))), None)
    table = _table_at(ctx, first[0]) if first else None
    if table is not None:
        seats, end = table
        if seats and _heading_next(text, end):
            more, more_end = _roster_seats(ctx, end, False)
            if more:
                seats, end = seats + more, more_end
        return seats, end
    if _heading_next(text, lead.end()):
        seats, end = _roster_seats(ctx, lead.end(), False)
        return (seats, end) if seats else None
    return None


def _heading_next(text: str, start: int) -> bool:
    """True when the first non-blank line after `start` is a role heading (`Executive Directors`)."""
    first = next(iter(_raw_lines(text, start, min(len(text), start + 400))), None)
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
    if len(cells) < 2 or not all(cell in _ROLES for cell in cells):
        return None
    return [_ROLES[cell] for cell in cells]


def _spaced_header(line: str) -> list[tuple[int, str]] | None:
    """(column start, role) of a header laid out with spaces, no tab: two or more cells, each a role phrase,
    separated by runs of spaces (`Executive Directors:⎵⎵⎵⎵Independent Non-executive Directors:`); else None."""
    if "\t" in line:
        return None
    cells = [(m.start(), re.sub(r"^(?:the|our)\s+", "", m.group().replace("*", "").strip().rstrip(" :："),
                                flags=re.I).lower()) for m in SPACED_CELL.finditer(line)]
    if len(cells) < 2 or not all(cell in _ROLES for _, cell in cells):
        return None
    return [(start, _ROLES[cell]) for start, cell in cells]


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
    columns = _spaced_header(text[header_start:header_end])
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
            read = _roster_line(ctx, clean, pos + m.start(), pos + m.end(), by_start[m.start()], False)
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
            read = _roster_line(ctx, clean, cell_start, pos + len(cell.rstrip()), role, False)
            if read is False:
                if len(cells) == 1:
                    return None
                ctx.skip("directorship", f"role table cell not read {clean!r}", pos, pos + len(cell))
            elif read is not None:
                seats.append(read)
        pos += len(cell) + 1
    return seats


def _is_date_line(line: str) -> bool:
    """True for a line holding only a date (`2 April 2026`, `April 2, 2026`)."""
    dates = find_dates(line)
    return bool(dates) and dates[0][0] == 0 and dates[0][1] == len(line)


def _raw_lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
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
    if phrase in _ROLES:
        return _ROLES[phrase], ()
    items = title_items(phrase)
    roles = {_ROLES[item] for item in items if item in _ROLES}
    titles = [(officer_title(item), item) for item in items if item not in _ROLES]
    if len(roles) == 1 and titles and all(title for title, _ in titles):
        return roles.pop(), tuple((title, written) for title, written in titles if title)
    return None


def _roster_line(ctx: DocContext, line: str, start: int, end: int, role: str,
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
        stated_role, _ = _parenthesised_role([inner])
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


def _paragraph_end(text: str, start: int) -> int | None:
    """End of the paragraph starting at `start`: its closing full stop or a blank line (not a page
    break), whichever comes first; the end of the text if it is near; else None (not read)."""
    limit = min(len(text), start + PARAGRAPH_LIMIT)
    window = text[start:limit]
    blanked = PAGE_JUNK.sub(lambda m: " " * len(m.group()), window)
    stops = [m.end() for m in [PARAGRAPH_END.search(text, start, limit)] if m]
    stops += [m.start() + start for m in BLANK_RUN.finditer(blanked)
              if window[m.start():m.end()] == blanked[m.start():m.end()]][:1]
    if stops:
        return min(stops)
    return len(text) if limit == len(text) else None


def _read_paragraph(ctx: DocContext, folded: Folded, start: int, end: int) -> list[Seat]:
    """Seats of one folded paragraph, or none when its structure is not one we read with confidence."""
    segments = _segments(ctx, folded)
    if segments == []:
        return []
    if segments is None:
        ctx.skip("directorship", "board paragraph in an unknown phrasing", start, end)
        return []
    seats: list[Seat] = []
    for segment in segments:
        group = _seats(ctx, folded, segment)
        if segment.titles and len(group) == 1:  # `Mr. X as the chairman and executive Director`
            group = [replace(group[0], titles=group[0].titles + segment.titles)]
        seats += group
    return seats


def _segments(ctx: DocContext, folded: Folded) -> list[_Segment] | None:
    """Role groups of the paragraph: role spans from spaCy, classified by the family they follow."""
    text = folded.text
    parens = [m.span() for m in PARENTHESIS.finditer(text)]
    doc = ctx.nlp(text)
    all_roles = [span for span in doc.spans[SPAN_KEY] if span.label_ == "DIRECTOR_ROLE"]
    roles = [span for span in all_roles if not any(a <= span.start_char < b for a, b in parens)]
    labels = _office_labels(folded, parens)
    if labels:
        return _labelled(folded, roles, labels) if all_roles else None
    if not roles:
        return _roles_in_parentheses(text) if all_roles else []
    after = [ROLE_AFTER_NAMES.search(text, max(0, r.start_char - 60), r.start_char) for r in roles]
    before = [ROLE_BEFORE_NAMES.match(text[r.end_char:r.end_char + 40]) for r in roles]
    # `of which four are executive Directors, namely Mr. A ...` fits both families: `namely` wins.
    announces_names = any(m and m.group().strip() != "," for m in before)  # not just `<role>, Mr. A`
    if all(before) and (announces_names or not all(after)):
        return _role_then_names(folded, roles, before)
    if all(after) and not announces_names:
        return _names_then_role(text, roles, after)
    return None


def _office_labels(folded: Folded, parens: list[tuple[int, int]]) -> list[tuple[int, int, tuple[tuple[str, str], ...]]]:
    """(label start, names start, titles) of each office label `Chief Executive Officer: ` of the paragraph.

    The label runs back from its colon to a line break, `;`, `:` or the paragraph start, and must read as
    officer titles only (`Chairman and Chief Executive Officer`); a role label (`Executive Directors:`) is a
    role-then-names group, not an office label.
    """
    text = folded.text
    out: list[tuple[int, int, tuple[tuple[str, str], ...]]] = []
    for m in LABEL_COLON.finditer(text):
        if any(a <= m.start() < b for a, b in parens):
            continue
        bounds = [b + 1 for b in folded.breaks if b < m.start()]
        bounds += [i + 1 for i in (text.rfind(";", 0, m.start()), text.rfind(":", 0, m.start())) if i >= 0]
        start = max(bounds, default=0)
        label = text[start:m.start()].strip()
        titles = read_titles(label) if label and not CLAUSE_BREAK.search(label) else None
        if titles and all(item.lower() not in _ROLES for item in title_items(label)):
            out.append((start + len(text[start:m.start()]) - len(text[start:m.start()].lstrip()), m.end(),
                        tuple(titles)))
    return out


def _labelled(folded: Folded, roles: list, labels: list[tuple[int, int, tuple[tuple[str, str], ...]]]
              ) -> list[_Segment] | None:
    """Office labels (`Chairman: Mr. A (non-executive Director)`), alone or among role-then-names groups
    (`Executive Director: Ms. C`): each group runs to the next label or role. Names under a label take the
    role of their own parenthesis. Any role phrase that does not open a group makes the paragraph unread."""
    text = folded.text
    before = [ROLE_BEFORE_NAMES.match(text[r.end_char:r.end_char + 40]) for r in roles]
    if not all(m and m.group().rstrip().endswith(":") for m in before):
        return None
    opens = sorted([(start, names, "", titles) for start, names, titles in labels]
                   + [(r.start_char, r.end_char + m.end(), _role_of(r.text), ()) for r, m in zip(roles, before)])
    verb = LIST_VERB.search(text)
    if not verb or text[verb.end():opens[0][0]].strip(" :"):
        return None  # names before the first label or role: not a layout read here
    segments: list[_Segment] = []
    for i, (_, names, role, titles) in enumerate(opens):
        if role is None:
            return None
        end = opens[i + 1][0] if i + 1 < len(opens) else len(text)
        stop = SENTENCE_END.search(text, names, end)
        segments.append(_Segment(names, stop.start() if stop else end, role, False, titles))
    return segments


def _roles_in_parentheses(text: str) -> list[_Segment] | None:
    """`Mr. A (Chairman and executive Director), Mr. B (independent non-executive Director)`: one
    segment after the list verb; each name's role is read from its own parenthesis."""
    verb = LIST_VERB.search(text)
    return [_Segment(verb.end(), len(text), role="", proposed=False)] if verb else None


def _role_of(span_text: str) -> str | None:
    return _ROLES.get(" ".join(span_text.lower().split()))


def _names_then_role(text: str, roles: list, after: list) -> list[_Segment] | None:
    """`Mr. A and Mr. B as executive Directors; Mr. C as ...`: names run from the previous role."""
    verbs = list(LIST_VERB.finditer(text, 0, after[0].start()))
    if not verbs:
        return None
    segments: list[_Segment] = []
    prev = verbs[-1].end()
    for span, m in zip(roles, after):
        role = _role_of(span.text)
        if role is None:
            return None
        titles = read_titles(m.group("titles")) if m.group("titles") else ()
        if titles is None or (titles == [] and m.group("titles")):
            return None
        segments.append(_Segment(prev, m.start(), role, bool(m.group("proposed")), tuple(titles)))
        prev = span.end_char
    return segments


def _role_then_names(folded: Folded, roles: list, before: list) -> list[_Segment] | None:
    """`three executive Directors, namely Mr. A and Mr. B; two ...`: names run to the next role."""
    text = folded.text
    segments: list[_Segment] = []
    for i, (span, m) in enumerate(zip(roles, before)):
        role = _role_of(span.text)
        if role is None:
            return None
        seg_start = span.end_char + m.end()
        seg_end = roles[i + 1].start_char if i + 1 < len(roles) else len(text)
        ends = [m.start() for m in (CLAUSE_BREAK.search(text, seg_start, seg_end),
                                    SENTENCE_END.search(text, seg_start, seg_end)) if m]
        seg_end = min(ends, default=seg_end)
        proposed = bool(PROPOSED_BEFORE.search(text, max(0, span.start_char - 20), span.start_char))
        listed = m.group().rstrip().endswith(":") and bool({seg_start, seg_start - 1} & folded.breaks)
        segments.append(_Segment(seg_start, seg_end, role, proposed, listed=listed))
    return segments


def _seats(ctx: DocContext, folded: Folded, segment: _Segment) -> list[Seat]:
    """The directors named in one role group, with their inline titles; doubtful names are skipped."""
    raw = folded.text[segment.start:segment.end]
    work = ENUMERATOR.sub(lambda m: " " * len(m.group()), raw)
    parens: list[tuple[int, str]] = []

    def blank(m: re.Match[str]) -> str:
        parens.append((m.start(), m.group()[1:-1]))
        return " " * len(m.group())

    work = PARENTHESIS.sub(blank, work)
    if segment.listed:
        cuts = {pos - segment.start for pos in folded.breaks if segment.start <= pos < segment.end}
        work = "".join(";" if i in cuts else ch for i, ch in enumerate(work))
    seats: list[Seat] = []
    for piece_start, piece_end, separator in _pieces(work):
        piece = work[piece_start:piece_end].strip()
        doc_start, doc_end = folded.doc_span(segment.start + piece_start, segment.start + piece_end)
        name = _piece_name(piece)
        if name is None or POST_NOMINAL.fullmatch(piece):
            continue
        if _joins_two_lines(folded, segment.start + piece_start, name):
            ctx.skip("directorship", f"names on two lines without separator {piece!r}", doc_start, doc_end)
            continue
        person = clean_person(name)
        if person is None:
            if seats and separator == "," and SINGLE_NAME.fullmatch(piece):
                last = seats.pop()  # `Chan Tai Man, Peter`: an English forename after the comma
                person, doc_start = f"{last.person}, {piece}", last.start
            else:
                ctx.skip("directorship", f"unreadable name {piece!r}", doc_start, doc_end)
                continue
        inners = [inner for pos, inner in parens if piece_start <= pos < piece_end + 2 and not ALIAS.match(inner)]
        titles = tuple(t for inner in inners for t in (read_titles(inner) or ()))
        role, proposed = (segment.role, segment.proposed) if segment.role else _parenthesised_role(inners)
        if role is None:
            ctx.skip("directorship", f"no single role for {person!r}", doc_start, doc_end)
            continue
        seats.append(Seat(person, role, proposed, titles, doc_start, doc_end))
    return seats


def _parenthesised_role(inners: list[str]) -> tuple[str | None, bool]:
    """(role, proposed) stated in a name's parentheses (`Chairman and executive Director`), or
    (None, False) unless exactly one role is stated."""
    found: set[tuple[str, bool]] = set()
    for inner in inners:
        for item in title_items(inner):
            phrase = re.sub(r"^(?:the|an?)\s+", "", item.lower())
            proposed = phrase.startswith("proposed ")
            role = _ROLES.get(phrase.removeprefix("proposed "))
            if role:
                found.add((role, proposed))
    return next(iter(found)) if len(found) == 1 else (None, False)


def _joins_two_lines(folded: Folded, start: int, name: str) -> bool:
    """True when a name without honorific runs over a line break and both lines hold a full name:
    `Wang Jian` / `Liu Fang` listed one per line would otherwise read as one person."""
    if HONORIFIC_ANYWHERE.match(name):
        return False
    offset = folded.text.find(name, start)
    for pos in folded.breaks:
        cut = pos - offset
        if 0 < cut < len(name) and clean_person(name[:cut]) and clean_person(name[cut + 1:]):
            return True
    return False


def _pieces(work: str) -> list[tuple[int, int, str]]:
    """(start, end, separator before) of the text between name separators; a piece holding several
    honorifics (names listed one per line, no commas) is cut before each of them."""
    out: list[tuple[int, int, str]] = []
    prev, sep = 0, ""
    for m in NAME_SEPARATOR.finditer(work):
        out.append((prev, m.start(), sep))
        prev, sep = m.end(), m.group().strip()
    out.append((prev, len(work), sep))
    pieces: list[tuple[int, int, str]] = []
    for start, end, sep in out:
        cuts = [m.start() for m in HONORIFIC_ANYWHERE.finditer(work, start, end)][1:]
        for cut in cuts:
            pieces.append((start, cut, sep))
            start, sep = cut, ""
        pieces.append((start, end, sep))
    return [p for p in pieces if work[p[0]:p[1]].strip()]


def _piece_name(piece: str) -> str | None:
    """The name part of a piece: from its honorific on, or the whole piece if it is capitalised.

    Lower-case pieces (`three`, `the proposed`) are connective text, not names; a piece with
    capitalised words before its honorific is not read.
    """
    hon = HONORIFIC_ANYWHERE.search(piece)
    if hon:
        return piece[hon.start():] if not re.search(r"[A-Z]", piece[:hon.start()]) else piece
    return piece if piece[:1].isupper() else None

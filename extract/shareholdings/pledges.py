"""Share pledges and releases of pledge, read from the tables of pledge announcements.

The CSRC-derived layout: `BASIC INFORMATION OF THE PLEDGE OF SHARES` (one row per pledge:
shareholder, controlling-shareholder flag, shares, % of holding, % of capital, restricted?,
supplemental?, commencement, expiry, pledgee, purpose) and `... RELEASE OF PLEDGE ...` (shares
released, commencement, release or expiry date, pledgee). Columns are found by the keywords of
their headers, never by position, so missing, merged or re-ordered columns still read; a row
whose key values (pledgor, pledgee, shares, dates) cannot be read is counted as skipped.

Consistency checks run on what the tables state (detail rows vs the Total row, pledged after =
before + pledged - released, percentages vs shares and issued capital); a failed check becomes a
`DataQualityFinding`, a passed one yields nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from extract.text.aliases import NameBook, is_generic, name_after, name_before, name_key
from extract.context import DocContext
from extract.text.dates import find_dates, parse_date
from extract.shareholdings.holdings import (SECTION_END, SECTION_HEADING, HoldingRow, document_book, document_tables,
                              paragraph_span, read_holdings, sentence_spans)
from extract.text.patterns import APPROXIMATELY, PLEDGEE_COLUMN, PROSE_SHARES
from extract.text.numbers import scaled_int, to_decimal, unit_multiplier
from extract.records import DataQualityFinding, Evidence, Fact, Pledge, PledgeRelease
from extract.registry import extractor
from extract.text.tables import NOTE_MARK, Cell, Table, cell_values, decimal_places, is_numeric, pct, shares

FAMILY = "pledges"

#: Cheap gate: documents that never mention a pledge have no pledge tables.
PLEDGE_WORD = re.compile(r"pledge", re.I)
#: Header of the pledgee column: `Pledgee`, `Pledgee (pledge holder)`.
PLEDGEE_COL = PLEDGEE_COLUMN
#: Header of the pledgor column: `Name of Shareholder`, `Name of pledgor`, `Shareholder`.
PLEDGOR_COL = re.compile(r"\bname\b|\bpledgor\b|^\s*shareholders?\b", re.I)
#: Header of the share-count column: `Number of pledged shares (in 10 thousand)`,
#: `Number of shares released from pledge (in ten thousand shares)`, `Pledged shares (shares)`.
SHARES_COL = re.compile(r"\bnumber\b|\bshares\s*\(|\bamount\b", re.I)
#: Headers that are not counts even when they mention shares.
NOT_COUNT_COL = re.compile(r"proportion|percentage|ratio|whether|%|restricted|date", re.I)
#: Header of the start-date column: `Commencement date of the pledge`, `Start date`,
#: `Pledge date`, `Date of pledge`, `Registration date of the pledge`.
START_COL = re.compile(r"commencement|\bstart|\bbeginning|initial\s+date|inception|registration\s+date|"
                       r"^\s*(?:pledge\s+date|date\s+of\s+(?:the\s+)?(?:pledge|registration))", re.I)
#: Header of the end-date column of a pledge: `Expiry date of the pledge`, `Maturity date`.
EXPIRY_COL = re.compile(r"expir|maturity|\bend\s+date|due\s+date", re.I)
#: Header of the end date after a pledge's term was extended: `Expiry date after extension`,
#: `Extended expiry date`, `New maturity date`, `Revised expiry date`, `Extended to`. Where a table
#: has both this and an original expiry column, the pledge ends on the extended date.
EXTENDED_EXPIRY_COL = re.compile(r"(?=.*(?:expir|maturity|\bend\s+date|due\s+date))"
                                 r".*\b(?:extend\w*|extension|new|revised|renewed|renewal|postponed|deferred|"
                                 r"adjusted|(?:after|upon|following)\s+(?:the\s+)?(?:extension|renewal|"
                                 r"postponement|deferral|adjustment|change))\b|"
                                 r"^\s*(?:extended|postponed|deferred)\s+(?:to|until|till)\b", re.I)
#: Header of the end date as it was before an extension: `Original expiry date`, `Previous
#: maturity date`, `Expiry date before extension`.
ORIGINAL_EXPIRY_COL = re.compile(r"\b(?:original\w*|previous\w*|initial\w*|prior|former|old)\b|"
                                 r"\bbefore\b", re.I)
#: A pledge table, heading, title or lead about an extension of the term of a pledge: `EXTENSION
#: OF SHARE PLEDGE`, `extended the term of a pledge`, `the pledge ... has been extended`.
EXTENSION = re.compile(r"\bextension\s+of\s+(?:the\s+)?(?:term\s+of\s+(?:the\s+)?)?(?:share\s+|equity\s+)?pledge|"
                       r"\bpledge\s+extension|\bextended\s+(?:pledge|the\s+(?:term|expiry|maturity|pledge))\b"
                       r"[^.\n]{0,60}?\bpledge|\bextended\s+the\s+pledge\b|"
                       r"\bpledge\b[^.\n]{0,120}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+extended\b",
                       re.I)
#: A column about the extension itself: `Commencement date of the extension`.
EXTENSION_WORD = re.compile(r"\bextend\w*|\bextension|\brenew\w*|\bpostpone\w*", re.I)
#: How far into the document the title and lead run (where an extension notice says so).
LEAD_CHARS = 2000
#: Header of the release-date column: `Release date`, `Date of release`, `Date of release of pledge`.
RELEASE_DATE_COL = re.compile(r"(?:release|unpledg\w*|discharge|cancell?ation)\s+date|released?\s+on|"
                              r"date\s+of\s+(?:the\s+)?(?:release|unpledg|discharge|cancell?ation)", re.I)
#: Header showing the table lists releases: `Number of released pledge shares`, `... released from pledge`.
RELEASE_TABLE = re.compile(r"releas|unpledg|discharg", re.I)
#: Header of the percentage of the pledgor's holding: `Proportion to the number of shares held`,
#: `Proportion to its shareholding`, `Percentage of shares held`.
HOLDING_PCT_COL = re.compile(r"(?:proportion|percentage|ratio|%).*(?:held|holding)", re.I)
#: Header of the percentage of issued capital: `Proportion in the total share capital`, `capital`.
CAPITAL_PCT_COL = re.compile(r"capital|issued\s+shares", re.I)
#: Header of the restricted-shares flag: `Whether the pledged shares are restricted shares`.
RESTRICTED_COL = re.compile(r"restricted|lock.?up", re.I)
#: Header of the supplemental-pledge flag: `Whether supplemental pledge is adopted`, `top-up`.
SUPPLEMENTAL_COL = re.compile(r"supplement|top.?up|additional\s+pledge", re.I)
#: Header of the purpose column: `Purpose of the pledge`, `Use of proceeds`.
PURPOSE_COL = re.compile(r"purpose|\buse\s+of\b", re.I)
#: A yes/no cell, possibly explained: `Yes (lock-up shares held by senior management)`.
YES = re.compile(r"^\s*(?:yes|是)\b", re.I)
NO = re.compile(r"^\s*(?:no|否)\b", re.I)
#: A day-first numeric date, as Hong Kong tables write them: `20/09/2023`, `20-09-2023`.
DAY_FIRST_DATE = re.compile(r"\b(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d\d)\b")
#: Between the two dates of a merged column: `2024-05-02 to 2025-05-01`, `2024/5/2 - 2025/5/1`.
DATE_RANGE_SEPARATOR = re.compile(r"\s+(?:to|until|till|through)\s+|\s*[~至]\s*|\s+[-–—]\s+", re.I)
#: A sentence that may tell a pledge or release (`pledged`, `released`); the patterns below decide.
PROSE_SIGNAL = re.compile(r"\bpledged\b|\breleas\w*\b", re.I)
#: An active pledge: `Tianhe Global pledged 180,000,000 shares`, `X has pledged an aggregate of
#: 3,600 (10,000 shares) A shares`.
PROSE_PLEDGE = re.compile(rf"(?:\b(?:has|had)\s+)?\bpledged\s+(?:an?\s+(?:aggregate|total)\s+of\s+)?{PROSE_SHARES}",
                          re.I)
#: A release: `X has released the pledge over 5,000,000 shares`, `the release of the pledge of ...`.
PROSE_RELEASE = re.compile(rf"(?:\b(?:has|had)\s+)?\breleas\w*\s+(?:of\s+)?(?:the\s+)?pledge\s+(?:over|of|on)\s+"
                           rf"{PROSE_SHARES}", re.I)
#: Passive forms: `50,000,000 shares held by X were pledged to Y`, `the pledge over 50,000,000
#: shares created by X in favour of Y was released on ...`.
PROSE_PLEDGE_PASSIVE = re.compile(rf"{PROSE_SHARES}.{{0,160}}?\b(?:were|was|have\s+been|"
                                  r"has\s+been|had\s+been)\s+pledged\b", re.I | re.S)
PROSE_RELEASE_PASSIVE = re.compile(rf"\bpledge\s+(?:over|of|on)\s+{PROSE_SHARES}"
                                   r".{0,200}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
                                   r"(?:fully\s+)?released\b", re.I | re.S)
#: Where a pledge's end is stated: `expiring on 9 June 2026`, `until 9 June 2026`, `maturity date of`.
PROSE_EXPIRY = re.compile(r"\b(?:expir\w*|matur\w*|until|ending|due)\b(?:\s+(?:on|date|of|is))*\s+(?=\S)", re.I)
#: The pledgor after `by` when the sentence is passive: `... pledged by Tianhe Global`.
PROSE_BY = re.compile(r"\bby\s+(?=[A-Z])")
#: The pledgee: `in favour of Orient Harbour Finance Limited`, `to Bank of X`, `with X`.
PROSE_PLEDGEE = re.compile(r"\b(?:in\s+favou?r\s+of|to|with|from)\s+(?:the\s+)?(?=[A-Z])")
#: The share of the issued capital after a count: `representing approximately 12.00% of the total
#: issued shares`, `representing 4.50% of the total share capital`.
PROSE_CAPITAL_PCT = re.compile(rf"representing\s+{APPROXIMATELY}(?P<pct>\d+(?:\.\d+)?)\s*%\s+of\s+"
                               r"the\s+(?:total\s+)?(?:issued|share\s+capital|number\s+of\s+issued)", re.I)
#: The issued capital stated in a note: `The total share capital of the Company as at the date of
#: this announcement is 547,860,000 shares`, `... on the basis of the total share capital of X shares`.
ISSUED_CAPITAL = re.compile(r"total\s+(?:issued\s+)?share\s+capital\s+of\s+the\s+Company[^.\n]{0,80}?"
                            r"\b(?:is|of|was|being)\s+(?P<shares>\d{1,3}(?:,\d{3})+)\s+shares", re.I)


@dataclass(frozen=True)
class Columns:
    """Where each field of a pledge or release table is (column indexes, None when absent)."""

    pledgor: int | None
    pledgee: int | None
    shares: int | None
    start: int | None
    end: int | None
    holding_pct: int | None
    capital_pct: int | None
    restricted: int | None
    supplemental: int | None
    purpose: int | None


def _columns(table: Table, release: bool) -> Columns:
    """Locate the fields by header keywords; release tables end on the release (or expiry) date."""
    end = table.find(RELEASE_DATE_COL) if release else None
    if end is None and not release:
        end = _expiry_column(table)
    if end is None:
        end = table.find(EXPIRY_COL)
    pledgor = table.find(PLEDGOR_COL, exclude=PLEDGEE_COL)
    return Columns(
        pledgor=0 if pledgor is None else pledgor,
        pledgee=table.find(PLEDGEE_COL, exclude=re.compile(r"whether|date", re.I)),
        shares=table.find(SHARES_COL, exclude=NOT_COUNT_COL),
        start=_start_column(table),
        end=end,
        holding_pct=table.find(HOLDING_PCT_COL, exclude=CAPITAL_PCT_COL),
        capital_pct=table.find(CAPITAL_PCT_COL, exclude=re.compile(r"number|\(", re.I)),
        restricted=table.find(RESTRICTED_COL),
        supplemental=table.find(SUPPLEMENTAL_COL),
        purpose=table.find(PURPOSE_COL),
    )


def _start_column(table: Table) -> int | None:
    """The pledge's own start, not the start of an extension of its term (`Commencement date of
    the extension`), unless that is the only start stated."""
    own = table.find(START_COL, exclude=EXTENSION_WORD)
    return own if own is not None else table.find(START_COL)


def _expiry_column(table: Table) -> int | None:
    """The end date of a pledge: the extended expiry where the table also states the original one
    (`Original expiry date` + `Expiry date after extension`), else the first expiry column."""
    extended = table.find(EXTENDED_EXPIRY_COL, exclude=ORIGINAL_EXPIRY_COL)
    if extended is not None:
        return extended
    return table.find(EXPIRY_COL, exclude=ORIGINAL_EXPIRY_COL)


def has_original_expiry_only(table: Table) -> bool:
    """Only an expiry as it was before an extension (`Original expiry date`): not the pledge's end."""
    return table.find(EXPIRY_COL) is not None and _expiry_column(table) is None


def is_extension_notice(text: str) -> bool:
    """The title or lead says a pledge's term was extended (`EXTENSION OF SHARE PLEDGE`)."""
    return bool(EXTENSION.search(text[:LEAD_CHARS]))


def is_extension_table(text: str, table: Table) -> bool:
    """Pledges whose term was extended, not new pledges: the table states an extended expiry
    beside the original, or the heading just above it is about an extension."""
    original = any(EXPIRY_COL.search(c.label) and ORIGINAL_EXPIRY_COL.search(c.label) for c in table.columns)
    if original and table.find(EXTENDED_EXPIRY_COL, exclude=ORIGINAL_EXPIRY_COL) is not None:
        return True
    headings = list(SECTION_HEADING.finditer(text, max(0, table.start - 800), table.start))
    return bool(headings) and bool(re.search(r"\bextension|\bextended", headings[-1].group("title"), re.I))


def is_pledge_table(table: Table) -> bool:
    """A table of individual pledges or releases: it names a pledgee and a date of the pledge."""
    dated = any(table.find(p) is not None for p in (START_COL, EXPIRY_COL, RELEASE_DATE_COL))
    return table.find(PLEDGEE_COL) is not None and dated


def is_release_table(text: str, table: Table) -> bool:
    """Releases, by the share-count header (`released pledge shares`), a release-date column,
    or else the heading just above the table (`... RELEASE OF PLEDGE OF SHARES`)."""
    count = table.find(SHARES_COL, exclude=NOT_COUNT_COL)
    if count is not None and RELEASE_TABLE.search(table.columns[count].label):
        return True
    if table.find(RELEASE_DATE_COL) is not None:
        return True
    headings = list(SECTION_HEADING.finditer(text, max(0, table.start - 800), table.start))
    return bool(headings) and bool(RELEASE_TABLE.search(headings[-1].group("title")))


def pledge_tables(ctx: DocContext) -> list[Table]:
    """The pledge and release tables of the document, tab-separated or one value per line."""
    return [t for t in document_tables(ctx.text) if is_pledge_table(t)]


def _flag(cell: Cell | None) -> bool | None:
    """A yes/no cell as a bool; None when absent or unclear."""
    if cell is None:
        return None
    if YES.match(cell.text):
        return True
    if NO.match(cell.text):
        return False
    return None


def _pct(table: Table, row: tuple[Cell, ...], index: int | None) -> float | None:
    """A percentage cell; bare numbers count where the header says `(%)`."""
    if index is None:
        return None
    return pct(table.cell(row, index), "%" in table.columns[index].label)


def _text(cell: Cell | None) -> str | None:
    """A text cell folded to one line, note markers dropped; None when blank or a dash."""
    if cell is None or cell.empty:
        return None
    return " ".join(NOTE_MARK.sub("", cell.text).split()) or None


@dataclass(frozen=True)
class RowValues:
    """The values common to pledge and release rows, once read and checked."""

    pledgor: str
    pledgee: str
    shares: int
    start: str | None
    end: str | None


def table_date(text: str | None) -> str | None:
    """A date cell: any layout `extract.text.dates` reads, else day-first `20/09/2023` (the Hong Kong
    order); None for open-ended phrases (`Until the procedure for releasing ... is completed`)."""
    if not text:
        return None
    iso = parse_date(text)
    if iso is None and (m := DAY_FIRST_DATE.search(text)):
        iso = parse_date(f"{m.group('y')}-{m.group('m')}-{m.group('d')}")
    return iso


def _dates(table: Table, cols: Columns, row: tuple[Cell, ...]) -> tuple[str | None, str | None]:
    """Start and end dates; one merged column (`2023-09-20 to 2024-09-19`) gives both."""
    start_text = _text(table.cell(row, cols.start))
    if cols.start is not None and cols.start == cols.end and start_text:
        found = [iso for part in DATE_RANGE_SEPARATOR.split(start_text) if (iso := table_date(part))]
        return (found[0] if found else None), (found[1] if len(found) > 1 else None)
    return table_date(start_text), table_date(_text(table.cell(row, cols.end)))


def _fill_row(table: Table, cols: Columns, row: tuple[Cell, ...],
              previous: tuple[Cell, ...] | None) -> tuple[Cell, ...]:
    """A row with a merged pledgor cell restored: the name cell, blank or dropped because the
    PDF merged it with the row above, is the previous row's pledgor."""
    if cols.pledgor != 0 or previous is None:
        return row
    if len(row) == len(table.columns) - 1 and (YES.match(row[0].text) or NO.match(row[0].text)
                                                or is_numeric(row[0].text)):
        row = (Cell("", row[0].start, row[0].start),) + row
    if not row[0].text and previous[0].text:
        return (previous[0],) + row[1:]
    return row


def _read_row(table: Table, cols: Columns, row: tuple[Cell, ...], book: NameBook,
              release: bool) -> RowValues | str:
    """Key values of one row, or the reason it cannot be read (a key value is missing)."""
    pledgor = _text(table.cell(row, cols.pledgor))
    pledgee = _text(table.cell(row, cols.pledgee))
    share_col = cols.shares
    count = shares(table.cell(row, share_col), table.columns[share_col].unit) if share_col is not None else None
    start, end = _dates(table, cols, row)
    date_key = ("end", end) if release else ("start", start)
    if pledgor is None or pledgee is None or count is None or date_key[1] is None:
        missing = [name for name, value in (("pledgor", pledgor), ("pledgee", pledgee), ("shares", count),
                                            date_key) if value is None]
        return f"{'release' if release else 'pledge'} row without readable {', '.join(missing)}"
    return RowValues(book.canonical(pledgor), pledgee, count, start, end)


def _pledge(ctx: DocContext, table: Table, cols: Columns, row: tuple[Cell, ...],
            values: RowValues) -> Pledge:
    return Pledge(
        pledgor=values.pledgor, pledgee=values.pledgee, issuer=ctx.meta.issuer or "",
        shares=values.shares, start=values.start, end=values.end,
        purpose=_text(table.cell(row, cols.purpose)), as_of=ctx.meta.date,
        percent_of_holding=_pct(table, row, cols.holding_pct),
        percent_of_capital=_pct(table, row, cols.capital_pct),
        restricted=_flag(table.cell(row, cols.restricted)),
        supplemental=_flag(table.cell(row, cols.supplemental)),
        evidence=ctx.evidence(row[0].start, row[-1].end),
    )


def _release(ctx: DocContext, table: Table, cols: Columns, row: tuple[Cell, ...],
             values: RowValues) -> PledgeRelease:
    return PledgeRelease(
        pledgor=values.pledgor, pledgee=values.pledgee, issuer=ctx.meta.issuer or "",
        shares=values.shares, start=values.start, end=values.end, as_of=ctx.meta.date,
        percent_of_holding=_pct(table, row, cols.holding_pct),
        percent_of_capital=_pct(table, row, cols.capital_pct),
        evidence=ctx.evidence(row[0].start, row[-1].end),
    )


@dataclass(frozen=True)
class PledgeReading:
    """What the pledge tables yield: facts, the tables themselves, rows that could not be read."""

    facts: list[Pledge | PledgeRelease]
    tables: list[Table]
    problems: list[tuple[str, int, int]]
    #: Pledges read from extension tables: the same pledges with a later end, not newly pledged.
    extended: list[Pledge] = field(default_factory=list)


def read_pledges(ctx: DocContext, book: NameBook) -> PledgeReading:
    """Every pledge and release row of the document's pledge tables (pure: nothing is logged)."""
    reading = PledgeReading([], pledge_tables(ctx), [])
    notice = is_extension_notice(ctx.text)
    for table in reading.tables:
        release = is_release_table(ctx.text, table)
        cols = _columns(table, release)
        if not release and notice and has_original_expiry_only(table):
            cols = replace(cols, end=None)  # the end before the extension is no longer the end
        extension = not release and (notice or is_extension_table(ctx.text, table))
        build = _release if release else _pledge
        previous: tuple[Cell, ...] | None = None
        for raw in table.rows:
            row = _fill_row(table, cols, raw, previous)
            previous = row
            values = _read_row(table, cols, row, book, release)
            if isinstance(values, str):
                reading.problems.append((values, row[0].start, row[-1].end))
            else:
                fact = build(ctx, table, cols, row, values)
                reading.facts.append(fact)
                if extension:
                    reading.extended.append(fact)
    return reading


# --- pledges told in prose (Rule 13.17 style announcements, no tables) ---------------------------


def _prose_count(m: re.Match[str]) -> int | None:
    """The share count of a prose match, scaled by a unit written after it (`(10,000 shares)`)."""
    return scaled_int(m.group("n"), unit_multiplier(m.group("unit") or ""))


def _prose_pledge(ctx: DocContext, book: NameBook, start: int, end: int) -> Pledge | PledgeRelease | None:
    """One pledge or release told by a sentence: pledgor, count, pledgee and date all stated."""
    sentence = ctx.text[start:end]
    release = PROSE_RELEASE.search(sentence) or PROSE_RELEASE_PASSIVE.search(sentence)
    m = release or PROSE_PLEDGE.search(sentence) or PROSE_PLEDGE_PASSIVE.search(sentence)
    if m is None:
        return None
    passive = m.re in (PROSE_RELEASE_PASSIVE, PROSE_PLEDGE_PASSIVE)
    pledgor = None if passive else name_before(ctx.text, start + m.start())
    if pledgor is None and (by := PROSE_BY.search(sentence)):
        found = name_after(ctx.text, start + by.end())
        pledgor = (found[0], found[1]) if found else None
    to = PROSE_PLEDGEE.search(sentence, m.start("n"))
    pledgee = name_after(ctx.text, start + to.end()) if to else None
    dates = [iso for _s, _e, iso in find_dates(sentence)]
    expiry = PROSE_EXPIRY.search(sentence)
    count = _prose_count(m)
    if pledgor is None or pledgee is None or count is None or not dates or is_generic(pledgor[0]):
        return None
    common = dict(pledgor=book.canonical(pledgor[0]), pledgee=book.canonical(pledgee[0]),
                  issuer=ctx.meta.issuer or "", shares=count, as_of=ctx.meta.date,
                  evidence=ctx.evidence(start, end))
    share = PROSE_CAPITAL_PCT.search(sentence, m.end())
    capital = float(share.group("pct")) if share else None
    if release:
        return PledgeRelease(start=None, end=dates[-1], percent_of_capital=capital, **common)
    end_date = parse_date(sentence[expiry.end():]) if expiry else None
    return Pledge(start=dates[0], end=end_date if end_date != dates[0] else None,
                  percent_of_capital=capital, **common)


def prose_pledges(ctx: DocContext, book: NameBook) -> list[Pledge | PledgeRelease]:
    """Pledges and releases stated in sentences (`X pledged 180,000,000 shares ... in favour of Y`)."""
    out: list[Pledge | PledgeRelease] = []
    # a paragraph's span depends only on the line a signal is on: its sentences are split once
    paragraphs: dict[tuple[int, int], list[tuple[int, int]]] = {}
    text = ctx.text
    for m in PROSE_SIGNAL.finditer(text):
        line = (text.rfind("\n", 0, m.start()), text.find("\n", m.start()))
        sentences = paragraphs.get(line)
        if sentences is None:
            sentences = paragraphs[line] = sentence_spans(text, *paragraph_span(text, m.start()))
        for start, end in sentences:
            if start <= m.start() < end:
                fact = _prose_pledge(ctx, book, start, end)
                if fact is not None and fact not in out:
                    out.append(fact)
    return out


def has_pledges(ctx: DocContext) -> bool:
    """Worth reading: the document mentions pledges and its issuer is known."""
    return bool(ctx.meta.issuer) and bool(PLEDGE_WORD.search(ctx.text))


# --- consistency checks: a failed check is a finding about the document, never a crash --------


def _finding(ctx: DocContext, check: str, message: str, start: int, end: int) -> DataQualityFinding:
    return DataQualityFinding(company=ctx.meta.issuer or "", check=check, message=message,
                              evidence=ctx.evidence(start, end))


def _additive(table: Table, index: int, extra_pct: int | None) -> bool:
    """Columns whose detail rows add up to the Total row: counts of shares, and percentages of
    the issued capital (not percentages of each holder's own holding)."""
    label = table.columns[index].label
    if index == extra_pct or CAPITAL_PCT_COL.search(label):
        return True
    cells = [c for row in table.rows if (c := table.cell(row, index)) is not None]
    return bool(cells) and all(is_numeric(c.text) and "%" not in c.text for c in cells if not c.empty)


def _column_values(table: Table, index: int) -> list[Decimal] | None:
    """The detail values of a column, one or several per row (scrambled rows list several);
    None when a row's values do not match its number of holders (they cannot be summed)."""
    values: list[Decimal] = []
    for row in table.rows:
        width = max([len(cell_values(c)) for c in row[1:] if is_numeric(c.text)] or [1])
        cell = table.cell(row, index)
        tokens = cell_values(cell) if cell is not None else []
        if len(tokens) != width:
            return None
        values.extend(d for t in tokens if (d := to_decimal(t.text.rstrip("%"))) is not None)
    return values


def total_findings(ctx: DocContext, table: Table, extra_pct: int | None = None) -> list[DataQualityFinding]:
    """Detail rows against the Total row, column by column (percentages within rounding)."""
    if table.total is None:
        return []
    out = []
    for index in range(1, len(table.columns)):
        total_cell = table.cell(table.total, index)
        if total_cell is None or total_cell.empty or len(cell_values(total_cell)) != 1:
            continue
        total = to_decimal(total_cell.text.rstrip("%"))
        values = _column_values(table, index) if _additive(table, index, extra_pct) else None
        if total is None or not values:
            continue
        slack = Decimal(1).scaleb(-decimal_places(total_cell.text)) * (len(values) + 1) / 2 \
            if "%" in total_cell.text else Decimal(0)
        if abs(sum(values) - total) > slack:
            out.append(_finding(ctx, "total_row", f"column '{table.columns[index].label}': rows add up "
                                f"to {sum(values)} but the Total row states {total}",
                                table.start, table.end))
    return out


def _sum_by_pledgor(facts: list[Pledge | PledgeRelease], kind: type) -> dict[tuple[str, ...], int]:
    out: dict[tuple[str, ...], int] = {}
    for fact in facts:
        if isinstance(fact, kind):
            key = name_key(fact.pledgor)
            out[key] = out.get(key, 0) + fact.shares
    return out


def balance_findings(ctx: DocContext, facts: list[Pledge | PledgeRelease],
                     holdings: list[HoldingRow], extended: list[Pledge] = ()) -> list[DataQualityFinding]:
    """Pledged after = pledged before + pledged now - released now, for each holder whose table
    row states both figures; an extended pledge was already pledged before, so it adds nothing."""
    pledged = _sum_by_pledgor([f for f in facts if not any(f is e for e in extended)], Pledge)
    released = _sum_by_pledgor(facts, PledgeRelease)
    out = []
    for row in holdings:
        if row.pledged_before is None or row.pledged_after is None:
            continue
        key = name_key(row.holder)
        expected = row.pledged_before + pledged.get(key, 0) - released.get(key, 0)
        if expected != row.pledged_after:
            out.append(_finding(ctx, "pledge_balance", f"{row.holder}: {row.pledged_before} pledged "
                                f"before + {pledged.get(key, 0)} pledged - {released.get(key, 0)} "
                                f"released = {expected}, but {row.pledged_after} stated after",
                                row.start, row.end))
    return out


def _tolerance(value: float) -> float:
    """One unit in the last written place of a percentage (`1.19` -> 0.01): rounding or truncation."""
    text = repr(value)
    places = len(text.split(".")[1]) if "." in text else 0
    return 10.0 ** -max(places, 2)


def _capital_bounds(text: str, pairs: list[tuple[int, float, Evidence]]) -> tuple[float, float] | None:
    """The issued capital, as stated in a note, else as implied (within rounding) by the largest
    holding and its percentage; None when neither is known."""
    stated = ISSUED_CAPITAL.search(text)
    if stated:
        capital = float(stated.group("shares").replace(",", ""))
        return capital, capital
    if not pairs:
        return None
    count, share, _evidence = max(pairs, key=lambda p: p[0])
    tolerance = _tolerance(share)
    if share <= tolerance:
        return None
    return count * 100 / (share + tolerance), count * 100 / (share - tolerance)


def capital_findings(ctx: DocContext, facts: list[Pledge | PledgeRelease],
                     holdings: list[HoldingRow]) -> list[DataQualityFinding]:
    """Each percentage of the issued capital against its share count and the issued capital."""
    pairs = [(f.shares, f.percent_of_capital, f.evidence) for f in facts if f.percent_of_capital]
    pairs += [(h.shares, h.percent, ctx.evidence(h.start, h.end)) for h in holdings if h.percent]
    bounds = _capital_bounds(ctx.text, pairs)
    if bounds is None:
        return []
    low, high = bounds
    out = []
    for count, share, evidence in pairs:
        lo, hi = count * 100 / high, count * 100 / low
        if not lo - _tolerance(share) <= share <= hi + _tolerance(share):
            out.append(_finding(ctx, "percent_of_capital", f"{count} shares stated as {share}% of the "
                                f"issued capital, which implies {count * 100 / high:.4f}%",
                                evidence.start, evidence.end))
    return out


def holding_findings(ctx: DocContext, facts: list[Pledge | PledgeRelease],
                     holdings: list[HoldingRow]) -> list[DataQualityFinding]:
    """Each percentage of the pledgor's holding against the holding in the holdings table."""
    held = {name_key(h.holder): h.shares for h in holdings}
    out = []
    for fact in facts:
        base = held.get(name_key(fact.pledgor))
        if not base or fact.percent_of_holding is None:
            continue
        implied = fact.shares * 100 / base
        if abs(implied - fact.percent_of_holding) > _tolerance(fact.percent_of_holding):
            out.append(_finding(ctx, "percent_of_holding", f"{fact.shares} of {base} shares held "
                                f"is {implied:.4f}%, stated {fact.percent_of_holding}%",
                                fact.evidence.start, fact.evidence.end))
    return out


def findings(ctx: DocContext, reading: PledgeReading, book: NameBook) -> list[DataQualityFinding]:
    """Every failed consistency check of the pledge tables and the holdings table."""
    holdings = read_holdings(ctx.text, book)
    out = [f for table in reading.tables for f in total_findings(ctx, table)]
    out += [f for table, cols in holdings.tables for f in total_findings(ctx, table, cols.held_pct)]
    out += balance_findings(ctx, reading.facts, holdings.rows, reading.extended)
    out += capital_findings(ctx, reading.facts, holdings.rows)
    out += holding_findings(ctx, reading.facts, holdings.rows)
    return out


@extractor("pledges")
def extract_pledges(ctx: DocContext) -> list[Fact]:
    """Pledges and releases of pledge stated in the document's tables, and failed checks."""
    if not has_pledges(ctx):
        return []
    book = document_book(ctx.text)[0]
    reading = read_pledges(ctx, book)
    for reason, start, end in reading.problems + _unread_sections(ctx.text, reading.tables):
        ctx.skip(FAMILY, reason, start, end)
    if not reading.tables:
        reading.facts.extend(prose_pledges(ctx, book))
    return [*reading.facts, *findings(ctx, reading, book)]


def _unread_sections(text: str, tables: list[Table]) -> list[tuple[str, int, int]]:
    """Pledge sections that name a pledgee but yielded no table: a layout that could not be
    aligned, counted so that it is seen rather than silently lost."""
    out = []
    for heading in SECTION_HEADING.finditer(text):
        nxt = SECTION_END.search(text, heading.end() + 1)
        end = nxt.start() if nxt else len(text)
        has_table = any(heading.end() <= t.start < end for t in tables)
        if not has_table and PLEDGEE_COL.search(text, heading.end(), end):
            out.append(("pledge table that could not be aligned", heading.start(), end))
    return out

"""Shareholdings, controlling shareholders and defined aliases, from pledge-style announcements.

Shareholdings come from the accumulated-pledge table (`ACCUMULATED PLEDGED SHARES ...`: holder,
shares held, % of issued capital, pledged before and after, restricted amounts), including the
scrambled layout where one row holds several holders' names run together and each cell lists
all holders' values in order. Such a row is split with the names the document already knows
(defined aliases, the controlling-group sentence); a row that cannot be aligned with confidence
yields nothing and is counted as skipped.

Controlling shareholders come from the group sentence (`Mr. A and Mr. B, and the investment
holding entities controlled by them, namely X and Y, are collectively entitled ... Accordingly,
they constitute a group of controlling shareholders`) and from appositions naming one
(`X Co., Ltd. ("X"), a controlling shareholder of the Company`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.text.aliases import (AliasDef, NameBook, find_aliases, is_generic, name_after, name_before,
                             name_key, strip_honorific)
from extract.context import DocContext
from extract.text.patterns import HONORIFIC_ALT, NOT_AFTER_ABBREVIATION_OR_CO, PLEDGEE_COLUMN
from extract.text.numbers import percent, scaled_int, unit_multiplier
from extract.records import Alias, ControllingShareholder, Fact, Shareholding
from extract.registry import extractor
from extract.text.tables import NOTE_MARK, Cell, Table, cell_values, find_tables, pct, read_stacked, shares

FAMILY = "holdings"

#: Cheap gate for the group sentence and the holdings table.
CONTROL_WORD = re.compile(r"controlling\s+shareholder|acting\s+in\s+concert", re.I)
#: Sentences saying a group of parties are the controlling shareholders:
#: `they constitute a group of controlling shareholders`, `are therefore a group of controlling
#: shareholders`, `each of them is therefore a controlling shareholder`,
#: `the controlling shareholders of the Company are A, B and C`.
GROUP_SIGNAL = re.compile(
    r"group\s+of\s+controlling\s+shareholders"
    r"|(?:each|all|every\s+one)\s+of\s+them\s+(?:is|are)\s+(?:therefore\s+|thus\s+|accordingly\s+)?"
    r"(?:a\s+|the\s+)?controlling\s+shareholders?"
    r"|are\s+(?:together\s+|collectively\s+|therefore\s+)*(?:the\s+)?controlling\s+shareholders\s+of\s+the\s+Company"
    r"|(?P<listed>controlling\s+shareholders\s+of\s+the\s+Company\s+(?:are|include)\s+)", re.I)
#: Where a sentence's subject (the list of members) ends: its first verb outside parentheses.
SUBJECT_END = re.compile(r",?\s+\b(?:are|is|were|was|will|shall|would|may|together|collectively|"
                         r"jointly|constitute|hold|held|have|has)\b", re.I)
#: Lead-in clauses before a subject: `As at the date hereof,`, `Accordingly,`.
LEAD_IN = re.compile(r"^(?:(?:(?:as\s+(?:at|of)|upon|on|after|following|since|immediately\s+after)"
                     r"\s+[^,]{3,60}|accordingly|therefore|in\s+addition|meanwhile|further(?:more)?|"
                     r"hence),\s*)+", re.I)
#: A subject that only points back to the previous sentence: `they`, `the above parties`.
PRONOUN_SUBJECT = re.compile(r"^(?:they|these\s+\w+|the\s+above(?:-mentioned)?\s+\w+|such\s+\w+)$", re.I)
#: Parentheses inside a list of members that are not part of a name: `(which is wholly owned by
#: Mr. Lin)`, `("Ruiying Partnership", of which ...)`; `(Limited Partnership)` stays.
ASIDE = re.compile(r"\s*\((?!(?i:limited|general)\s+(?i:partnership)\))[^()]*\)")
#: Separators of a list of members: `A, B and C`, `A, and the entities ..., namely X`.
LIST_SEPARATOR = re.compile(r",(?!\s*(?:Ltd|Limited|Inc|LLC|L\.P))\s*(?:and\s+)?|\s+and\s+|;\s*|\bnamely\s+|:\s*")
#: Names ending in an abbreviation keep their full stop: `Co., Ltd.`, `Inc.`.
ABBREVIATED_END = re.compile(r"\b(?:Ltd|Co|Inc|Corp|L\.P|S\.A|N\.V)\.$")
#: A member as listed: a capitalised name of at most twelve words.
MEMBER = re.compile(r"^[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.,\-]*|of|and|&|\([^()]*\)))*$")
#: An apposition naming one controlling shareholder right after its definition:
#: `("Ruide Venture"), a controlling shareholder of the Company`.
APPOSITION_AFTER = re.compile(r"\s*,\s*(?:a|the|one\s+of\s+the|its)\s+controlling\s+shareholders?\b", re.I)
#: ... or right before it: `its controlling shareholder, Huzhou Lanxu Holding Group Co., Ltd. ("Lanxu Group")`.
APPOSITION_BEFORE = re.compile(r"(?:its|the|a)\s+controlling\s+shareholders?\s*,\s*$", re.I)
#: An apposition after a name without a defined alias: `Ruide Venture, a controlling shareholder of
#: the Company`, `Mr. Zhou Ming, the controlling shareholder of the Company`.
APPOSED_AFTER = re.compile(r",\s*(?:a|the|one\s+of\s+the)\s+controlling\s+shareholders?\s+of\s+the\s+Company\b"
                           r"(?!\s+(?:are|is|was|were|include|includes)\b)", re.I)
#: An apposition before a name: `its controlling shareholder, Mr. Zhou Ming, informed`,
#: `the controlling shareholder of the Company, Nanhe Yuntai Holding Co., Ltd., has`.
APPOSED_BEFORE = re.compile(
    r"\b(?:its|the)\s+controlling\s+shareholder(?:\s+of\s+the\s+Company)?,\s+"
    rf"(?P<name>(?:(?:{HONORIFIC_ALT})\.?\s+)?[A-Z](?:[^,()\n]|,\s*Ltd\.?|,\s*Limited){{1,120}}?)"
    r"(?=\s*\(|,(?!\s*(?:Ltd|Limited))|\s+(?:has|have|had|informed|notified|that|which|who|is|was)\b|\.\s)")
#: A plural apposition after a list of parties: `X Co., Ltd. ("X") and Mr. Y, the controlling
#: shareholders of the Company, informed` (not `... of the Company are`, a group sentence).
PLURAL_AFTER = re.compile(r",\s*(?:the|its|being\s+the)\s+controlling\s+shareholders\s+of\s+the\s+Company\b"
                          r"(?!\s+(?:are|is|was|were|include|includes)\b)", re.I)
#: ... or before it: `from its controlling shareholders, X Co., Ltd. ("X") and Mr. Y, that`.
#: (`the Controlling Shareholders, Key Persons and ...` is a list of defined terms, not an apposition.)
PLURAL_BEFORE = re.compile(r"\b(?:its\s+controlling\s+shareholders|the\s+controlling\s+shareholders\s+of\s+the\s+Company)"
                           r"\s*,\s+", re.I)
#: What shows a listed piece names a party: an honorific, or a company form.
PARTY_MARK = re.compile(rf"^(?:{HONORIFIC_ALT})\b|\b(?:Co\.|Ltd\.?|Limited|Inc\.|Corporation|LLC|L\.P\.|"
                        r"Partnership|Group|Holdings?|Investments?|Company)(?:\W|$)", re.I)
#: What joins coordinated parties: `A, B and C`, `A ("a") and Mr. B`.
COORDINATOR = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+)")
#: Asides after a party's name: its definition `("Tianmu Holding")`, a Chinese name (wrapped or not).
TRAILING_ASIDES = re.compile(r"(?:\s*\([^()]{0,100}\))+\s*$")
LEADING_ASIDES = re.compile(r"(?:\s*\([^()]{0,100}\))+")
#: Where a run of capitalised words holds a second party: `and` before an honorific.
SECOND_PARTY = re.compile(rf"\s+and\s+(?:(?:{HONORIFIC_ALT})\.?\s+)")
#: Sentence ends, not after honorifics or company abbreviations (`Mr. Cai`, `Co., Ltd.`), nor
#: before a parenthesis (`Co., Ltd. ("Lanxu Group")`).
SENTENCE_END = re.compile(rf"{NOT_AFTER_ABBREVIATION_OR_CO}[.!?](?=\s+[A-Z])|\n\s*\n")
#: A share-count column of the holdings table: `Number of shares held (in 10 thousand)`.
HELD_COL = re.compile(r"shares\s+held|held\s+shares|shareholding\s*\(|number\s+of\s+shares\s*\(", re.I)
#: Columns that are not the count of shares held.
NOT_HELD_COL = re.compile(r"proportion|percentage|ratio|%|pledged|restricted|frozen", re.I)
#: The holder column: `Name of Shareholder`, `Shareholder`.
HOLDER_COL = re.compile(r"\bname\b|^\s*shareholders?\b|\bholder\b", re.I)
#: A percentage column: `Shareholding ratio`, `Proportion to the shares held`, `Percentage`.
PCT_COL = re.compile(r"proportion|percentage|ratio|%|shareholding\s*$", re.I)
#: A count of pledged shares: `Number of pledged shares ...`.
PLEDGED_COL = re.compile(r"pledged", re.I)
#: Pledged before / after this change: `Number of pledged shares before the pledge`,
#: `... after this release`, `... upon the changes in the pledge`.
BEFORE_COL = re.compile(r"\bbefore\b|\bprior\s+to\b", re.I)
AFTER_COL = re.compile(r"\bafter\b|\bupon\b|\bfollowing\b", re.I)
#: A header cut to a fragment by PDF flattening (`thousand)`, `shares)`): its meaning is lost.
FRAGMENT = re.compile(r"^[a-z][\w\s,]*\)?$|^\W*$")
#: Section headings of pledge announcements: `I. BASIC INFORMATION OF THE PLEDGE OF SHARES`,
#: `III. ACCUMULATED PLEDGED SHARES ...`, `II. CUMULATIVE PLEDGE OF SHARES`.
SECTION_HEADING = re.compile(r"^[ \t]*(?:[IVX]+|\d+)[.、)]\s+(?P<title>[^\n]*PLEDGE[^\n]*)$", re.I | re.M)
#: Any numbered section heading or note: where a one-value-per-line table ends.
SECTION_END = re.compile(r"^[ \t]*(?:(?:[IVX]+|\d+)[.、)]\s+\S|notes?\b\s*\d*\s*[:：])", re.I | re.M)
#: First words of a column label in a one-value-per-line table.
LABEL_LINE = re.compile(
    r"^(?:name|whether|number|proportion|percentage|shareholding\s+(?:ratio|percentage)|"
    r"commencement|start|expiry|expiration|maturity|release|date|pledgee|purpose|restricted|"
    r"unpledged|pledged|type|amount)\b", re.I)
#: A holding told in prose: `Tianhe Global is interested in 825,000,000 shares of the Company,
#: representing approximately 55.00% of the total issued shares`, `X holds 32,000 (10,000 shares)
#: A shares of the Company, representing 40.00% of the total share capital`.
PROSE_HOLDING = re.compile(
    r"\s+(?:(?:is|was)\s+(?:beneficially\s+)?interested\s+in|holds|held|owns|is\s+holding)"
    r"(?:\s+an?\s+(?:aggregate|total)\s+of)?\s+(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>\([^)]{0,30}\)\s*)?"
    r"(?:ordinary\s+|[AH][\s-]+)?shares?\b[^%;]{0,80}?representing\s+(?:approximately\s+|about\s+)?"
    r"(?P<pct>\d+(?:\.\d+)?)\s*%\s+of\s+the\s+(?:total\s+)?(?:issued|share\s+capital)", re.I)
#: A word every prose holding has (`representing 5.2% of the issued shares`): a cheap gate.
REPRESENTING = re.compile(r"representing", re.I)
#: The pledgee column, whose presence marks a pledge table rather than a holdings table.
PLEDGEE_COL = PLEDGEE_COLUMN


# --- the controlling group ---------------------------------------------------------------------


def paragraph_span(text: str, pos: int, limit: int = 60) -> tuple[int, int]:
    """The paragraph around `pos`: its line, joined with the lines PDF extraction wrapped it over
    (a wrapped line keeps a trailing space; a paragraph's last line does not)."""
    start = text.rfind("\n", 0, pos) + 1
    for _ in range(limit):
        if start < 2 or not text[start - 2:start - 1].isspace() or text[start - 2] == "\n":
            break
        start = text.rfind("\n", 0, start - 1) + 1
    end = text.find("\n", pos)
    for _ in range(limit):
        if end < 0 or end == 0 or not text[end - 1].isspace() or text[end - 1] == "\n":
            break
        nxt = text.find("\n", end + 1)
        end = nxt
    return start, len(text) if end < 0 else end


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (honorifics and `Co., Ltd.` do not end a sentence)."""
    spans, pos = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        spans.append((pos, m.start() + 1))
        pos = m.end()
    spans.append((pos, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _subject(sentence: str) -> str:
    """The list of members a sentence starts with: lead-in dropped, up to its first verb."""
    body = LEAD_IN.sub("", sentence.strip())
    depth, cut = 0, len(body)
    for i, ch in enumerate(body):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch in " ,":
            m = SUBJECT_END.match(body, i)
            if m:
                cut = i
                break
    return body[:cut]


def split_members(listing: str) -> list[str]:
    """Names in a list of members (`Mr. A, Mr. B and X Co., Ltd. (which ...)`), asides dropped."""
    names = []
    for part in LIST_SEPARATOR.split(ASIDE.sub("", listing)):
        name = strip_honorific(part.strip(" ;,"))
        if name.endswith(".") and not ABBREVIATED_END.search(name):
            name = name[:-1]
        if name and MEMBER.match(name) and len(name.split()) <= 12:
            names.append(name)
    return names


def _group_listing(text: str, sentences: list[tuple[int, int]], index: int,
                   signal: re.Match[str]) -> str:
    """The text listing the group's members: after `... of the Company are`, else the sentence's
    subject, else (when that subject is `they`) the previous sentence's subject."""
    start, end = sentences[index]
    if signal.group("listed"):
        return text[signal.end():end]
    subject = _subject(text[start:end])
    if PRONOUN_SUBJECT.match(subject.strip()) and index > 0:
        prev_start, prev_end = sentences[index - 1]
        subject = _subject(text[prev_start:prev_end])
    return subject


@dataclass(frozen=True)
class Member:
    """A controlling shareholder as named, with the sentence that says so."""

    name: str
    start: int
    end: int
    group_percent: float | None


def controlling_members(text: str, definitions: list[AliasDef]) -> list[Member]:
    """Members of controlling groups, and parties named a controlling shareholder in apposition."""
    members: list[Member] = []
    para_end = -1
    for m in CONTROL_WORD.finditer(text):
        if m.start() < para_end:
            continue
        para_start, para_end = paragraph_span(text, m.start())
        sentences = sentence_spans(text, para_start, para_end)
        for i, (s, e) in enumerate(sentences):
            signal = GROUP_SIGNAL.search(text, s, e)
            if not signal:
                continue
            lo = sentences[i - 1][0] if i > 0 else s
            share = percent(text[lo:e])
            for name in split_members(_group_listing(text, sentences, i, signal)):
                members.append(Member(name, lo, e, share))
    for d in definitions:
        if APPOSITION_AFTER.match(text, d.end - 1) or APPOSITION_AFTER.match(text, d.end) or \
                APPOSITION_BEFORE.search(text, max(0, d.start - 60), d.start):
            members.append(Member(d.name, d.start, d.end, None))
    members += _coordinated(text)
    return members + _apposed(text, members)


def _coordinated(text: str) -> list[Member]:
    """Parties coordinated under one plural apposition, before or after it.

    `received notices from X Co., Ltd. ("X") and Mr. Y, the controlling shareholders of the
    Company` and `from its controlling shareholders, X Co., Ltd. ("X") and Mr. Y, that`: each
    coordinated party is one. The list is walked name by name (asides skipped) only while names are
    joined by `,` or `and`, so the clause before or after it is not read; one-word pieces
    (`Further, Mr. A and Mr. B`) are not names.
    """
    out: list[Member] = []
    for m in PLURAL_AFTER.finditer(text):
        start, end = None, m.start()
        for _ in range(8):
            aside = TRAILING_ASIDES.search(text, max(0, end - 240), end)
            found = name_before(text, aside.start() if aside else end)
            if not found:
                break
            at = found[1]
            lead = re.match(r"(?:(?:and|of|&|de|for|The)\s+)+", text[at:end])
            at += lead.end() if lead else 0
            if not (aside or PARTY_MARK.search(text[at:end])):
                break  # `Further, Mr. A and Mr. B`: the list starts after the sentence's opening word
            start = at
            sep = re.search(r"(?:,\s*(?:and\s+)?|\s+and\s+)$", text[max(0, start - 12):start])
            if not sep:
                break
            end = start - len(sep.group(0))
        if start is not None:
            out.extend(_listed(text[start:m.start()], start, m.end()))
    for m in PLURAL_BEFORE.finditer(text):
        pos, end = m.end(), None
        for _ in range(8):
            found = name_after(text, pos)
            if not found:
                break
            end = found[2]
            aside = LEADING_ASIDES.match(text, end)
            end = aside.end() if aside else end
            # a name closed by its comma (`Mr. A, Mr. B`) is followed by the next one or `and`
            sep = (re.compile(r"\s*(?:and\s+)?") if text[end - 1] == "," else COORDINATOR).match(text, end)
            if not sep:
                break
            pos = sep.end()
        if end is not None:
            out.extend(_listed(text[m.end():end], m.start(), end))
    return out


def _listed(listing: str, start: int, end: int) -> list[Member]:
    """The parties of a coordinated list, when every piece is marked as one (an honorific, a
    company form or a defined short form): `Key Persons and Pathfinder SIIs` are defined terms."""
    pieces = [p for p in LIST_SEPARATOR.split(re.sub(r"\s*\(\s*(?:the\s+)?[\"“][^()]*\)", " (defined)", listing))
              if p.strip(" ;,\n")]
    if not pieces or not all(PARTY_MARK.search(p.strip()) or "(defined)" in p for p in pieces):
        return []
    return [Member(name, start, end, None) for name in split_members(listing)
            if len(name.split()) >= 2 and not is_generic(name)]


def _apposed(text: str, known: list[Member]) -> list[Member]:
    """Parties named a controlling shareholder in apposition without an alias definition (where
    no sentence already read names them)."""
    out: list[Member] = []

    def add(name: str, start: int, end: int) -> None:
        overlaps = any(m.start < end and start < m.end for m in known + out)
        if not overlaps and MEMBER.match(name) and len(name.split()) <= 12 and not is_generic(name):
            out.append(Member(name, start, end, None))

    for m in APPOSED_AFTER.finditer(text):
        found = name_before(text, m.start())
        if found:
            # `Mr. A and Ms. B, the controlling shareholder`: a singular apposition is the last party's
            add(SECOND_PARTY.split(found[0])[-1], found[1], m.end())
    for m in APPOSED_BEFORE.finditer(text):
        add(strip_honorific(m.group("name").strip()), m.start(), m.end())
    return out


def document_book(text: str) -> tuple[NameBook, list[AliasDef], list[Member]]:
    """The names a document knows: alias definitions, then controlling-group members (read once
    per document: holdings and pledges share them; the book is not changed after it is built)."""
    book, definitions, members = _document_book(text)
    return book, list(definitions), list(members)


@lru_cache(maxsize=64)
def _document_book(text: str) -> tuple[NameBook, tuple[AliasDef, ...], tuple[Member, ...]]:
    definitions = find_aliases(text)
    book = NameBook(definitions)
    members = controlling_members(text, definitions) if CONTROL_WORD.search(text) else []
    for member in members:
        book.add(book.canonical(member.name))
    return book, tuple(definitions), tuple(members)


# --- tables -----------------------------------------------------------------------------------


def _is_label(line: str) -> bool:
    return bool(LABEL_LINE.match(line))


@lru_cache(maxsize=64)
def document_tables(text: str) -> tuple[Table, ...]:
    """Every table of the document: tab-separated ones, and tables written one value per line
    under a pledge section heading (cached: pledges and holdings both read them)."""
    tables = find_tables(text)
    for heading in SECTION_HEADING.finditer(text):
        start = heading.end()
        nxt = SECTION_END.search(text, start + 1)
        end = nxt.start() if nxt else len(text)
        if any(start <= t.start < end for t in tables):
            continue
        table = read_stacked(text, start, end, _is_label)
        if table:
            tables.append(table)
    return tuple(sorted(tables, key=lambda t: t.start))


# --- the holdings table ------------------------------------------------------------------------


@dataclass(frozen=True)
class HoldingColumns:
    """Where the fields of a holdings table are (indexes, None when absent)."""

    holder: int
    held: int
    held_pct: int | None
    before: int | None
    after: int | None


@dataclass(frozen=True)
class HoldingRow:
    """One holder's line of the holdings table, aligned and read."""

    holder: str
    shares: int
    percent: float | None
    pledged_before: int | None
    pledged_after: int | None
    start: int
    end: int


def is_holdings_table(table: Table) -> bool:
    """A table of shares held per holder (not a pledge table, which names pledgees)."""
    return table.find(HELD_COL, exclude=NOT_HELD_COL) is not None and table.find(PLEDGEE_COL) is None


def _holding_columns(table: Table) -> HoldingColumns | None:
    """Locate holder, held, % held, pledged before/after by header keywords.

    The % held is the percentage column right after the held column. A pledged-before header
    cut to a fragment (`thousand)`) is recognised by its place, just before pledged-after.
    """
    held = table.find(HELD_COL, exclude=NOT_HELD_COL)
    if held is None:
        return None
    holder = table.find(HOLDER_COL)
    nxt = held + 1
    held_pct = nxt if nxt < len(table.columns) and PCT_COL.search(table.columns[nxt].label) else None
    after = next((i for i, c in enumerate(table.columns)
                  if PLEDGED_COL.search(c.label) and AFTER_COL.search(c.label)
                  and not PCT_COL.search(c.label)), None)
    before = next((i for i, c in enumerate(table.columns)
                   if PLEDGED_COL.search(c.label) and BEFORE_COL.search(c.label)
                   and not PCT_COL.search(c.label)), None)
    if before is None and after is not None and after > 0 and FRAGMENT.match(table.columns[after - 1].label):
        before = after - 1
    return HoldingColumns(0 if holder is None else holder, held, held_pct, before, after)


def _aligned(cell: Cell | None, count: int, unit: int) -> list[int | None]:
    """Per-holder counts from a multi-valued cell when it lists exactly `count` values."""
    values = cell_values(cell) if cell else []
    if len(values) != count:
        return [None] * count
    return [shares(v, unit) for v in values]


def _read_scrambled(table: Table, cols: HoldingColumns, row: tuple[Cell, ...],
                    book: NameBook) -> list[HoldingRow] | str:
    """A row holding several holders: names split with the name book, values taken in order."""
    held_cell = table.cell(row, cols.held)
    assert held_cell is not None
    held = cell_values(held_cell)
    pct_cell = table.cell(row, cols.held_pct)
    pcts = cell_values(pct_cell) if pct_cell else []
    names_cell = table.cell(row, cols.holder)
    names = book.segment(names_cell.text, len(held)) if names_cell else None
    if names is None:
        return f"holders run together could not be split into {len(held)} known names"
    if pcts and len(pcts) != len(held):
        return "percentages do not align with the holders"
    unit = table.columns[cols.held].unit
    before = _aligned(table.cell(row, cols.before), len(held),
                      table.columns[cols.before].unit) if cols.before is not None else [None] * len(held)
    after = _aligned(table.cell(row, cols.after), len(held),
                     table.columns[cols.after].unit) if cols.after is not None else [None] * len(held)
    out = []
    for i, name in enumerate(names):
        count = shares(held[i], unit)
        if count is None:
            return "a count of shares held could not be read"
        share = pct(pcts[i], _percent_column(table, cols)) if pcts else None
        out.append(HoldingRow(book.canonical(name), count, share, before[i], after[i],
                              row[0].start, row[-1].end))
    return out


def _percent_column(table: Table, cols: HoldingColumns) -> bool:
    """The % held column is headed as percentages (`(%)`), so bare numbers in it are percents."""
    return cols.held_pct is not None and "%" in table.columns[cols.held_pct].label


def _read_row(table: Table, cols: HoldingColumns, row: tuple[Cell, ...],
              book: NameBook) -> list[HoldingRow] | str:
    """One table row as holdings (several for a scrambled row), or why it cannot be read."""
    held_cell = table.cell(row, cols.held)
    if held_cell is None or held_cell.empty:
        return "row without shares held"
    if len(cell_values(held_cell)) > 1:
        return _read_scrambled(table, cols, row, book)
    holder = table.cell(row, cols.holder)
    count = shares(held_cell, table.columns[cols.held].unit)
    if holder is None or holder.empty or count is None:
        return "row without a holder or a readable count"

    def count_of(index: int | None) -> int | None:
        return shares(table.cell(row, index), table.columns[index].unit) if index is not None else None

    return [HoldingRow(book.canonical(NOTE_MARK.sub("", holder.text)), count,
                       pct(table.cell(row, cols.held_pct), _percent_column(table, cols)),
                       count_of(cols.before), count_of(cols.after), row[0].start, row[-1].end)]


@dataclass(frozen=True)
class HoldingsReading:
    """The holdings tables, the rows read from them, and rows that could not be read."""

    tables: list[tuple[Table, HoldingColumns]]
    rows: list[HoldingRow]
    problems: list[tuple[str, int, int]]


def read_holdings(text: str, book: NameBook) -> HoldingsReading:
    """Every holder row of the document's holdings tables (pure: nothing is logged)."""
    reading = HoldingsReading([], [], [])
    for table in document_tables(text):
        cols = _holding_columns(table) if is_holdings_table(table) else None
        if cols is None:
            continue
        reading.tables.append((table, cols))
        for row in table.rows:
            result = _read_row(table, cols, row, book)
            if isinstance(result, str):
                reading.problems.append((result, row[0].start, row[-1].end))
            else:
                reading.rows.extend(result)
    return reading


def prose_holdings(text: str, book: NameBook) -> list[HoldingRow]:
    """Holdings stated in a sentence by one named holder (a list of holders `together held` a
    group total, which is not any one holder's)."""
    out: list[HoldingRow] = []
    if "%" not in text or not REPRESENTING.search(text):  # every prose holding states its percentage
        return out
    for m in PROSE_HOLDING.finditer(text):
        found = name_before(text, m.start())
        count = scaled_int(m.group("n"), unit_multiplier(m.group("unit") or ""))
        if found is None or count is None or " and " in found[0] or is_generic(found[0]):
            continue
        out.append(HoldingRow(book.canonical(found[0]), count, float(m.group("pct")), None, None,
                              found[1], m.end()))
    return out


# --- facts -------------------------------------------------------------------------------------


@extractor("holdings")
def extract_holdings(ctx: DocContext) -> list[Fact]:
    """Shareholdings from the holdings table; controlling shareholders from the text."""
    if not ctx.meta.issuer or not (CONTROL_WORD.search(ctx.text) or "\t" in ctx.text):
        return []
    book, _definitions, members = document_book(ctx.text)
    facts: list[Fact] = []
    issuer, as_of = ctx.meta.issuer, ctx.meta.date
    reading = read_holdings(ctx.text, book)
    for reason, start, end in reading.problems:
        ctx.skip(FAMILY, reason, start, end)
    rows = reading.rows if reading.tables else prose_holdings(ctx.text, book)
    for row in rows:
        facts.append(Shareholding(holder=row.holder, company=issuer, shares=row.shares,
                                  percent=row.percent, as_of=as_of, pledged_before=row.pledged_before,
                                  pledged_after=row.pledged_after,
                                  evidence=ctx.evidence(row.start, row.end)))
    seen: set[tuple[str, ...]] = set()
    for member in members:
        holder = book.canonical(member.name)
        if len(holder.split()) < 2:
            # `Mr. Tu` with no full name anywhere in the document: which Tu is not known.
            ctx.skip(FAMILY, f"controlling shareholder named by surname only: {holder!r}",
                     member.start, member.end)
            continue
        if name_key(holder) in seen:
            continue
        seen.add(name_key(holder))
        facts.append(ControllingShareholder(company=issuer, holder=holder, as_of=as_of,
                                            group_percent=member.group_percent,
                                            evidence=ctx.evidence(member.start, member.end)))
    return facts


@extractor("aliases")
def extract_aliases(ctx: DocContext) -> list[Fact]:
    """One Alias fact per party definition, so the graph resolves short forms across documents."""
    if not ctx.meta.issuer:
        return []
    return [Alias(issuer=ctx.meta.issuer, name=d.name, alias=d.alias,
                  evidence=ctx.evidence(d.start, d.end)) for d in find_aliases(ctx.text)]

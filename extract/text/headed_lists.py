"""People listed under headings, the way report pages lay them out: a structure, read whatever its words.

A corporate-information page, a directors' report roster or a board-composition section puts a heading
(`Executive Directors`, `AUDIT COMMITTEE`, `Company Secretary`) over the people it applies to. Layouts read:

- the heading on a line of its own (markdown `#`, bold `**`, a trailing colon or Chinese translation), the
  names one per line, blank lines between, or run together on one line (`Mr. A Mr. B Ms. C`);
- heading and names on one line, several headings in a row (`BOARD OF DIRECTORS Executive Directors Mr. A
  (Chairman) Ms. B`);
- two columns printed side by side (`Executive Directors⎵⎵⎵⎵⎵AUDIT COMMITTEE`): each column is read on its own,
  the left one first;
- cells of a one-cell-per-line table between the names (`Mr. A` / `6/6` / `N/A`): passed over.

A name is an honorific name (`Mr. Tse Kwok Wing`), or a line holding a plain full name (`David Ka Lok WONG`),
each with its parenthesised notes (`(Chairman)`, `(appointed on 1 July 2024)`) and Chinese name. A list ends at
the next heading or at a line that is neither heading, names nor table cells (prose, an address). What a
heading means is left to the families: the board, officer and committee families take the headings they know.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.text.names import HONORIFIC_ANYWHERE, PAGE_JUNK, clean_person

if TYPE_CHECKING:  # pragma: no cover
    from extract.context import DocContext

# Words that make a capitalised line a heading: people are listed under them, or an address or an adviser is.
HEADING_WORD = re.compile(
    r"\b(?:Directors?|Committees?|Secretar(?:y|ies)|Officers?|Representatives?|Auditors?|Offices?|Bankers?|Banks?|"
    r"Advis[eo]rs?|Registrars?|Codes?|Website|Board|Chairman|Chairlady|Chairperson|Chairwoman|Members?|Address|"
    r"Headquarters|Supervisors?|Management|Information|Solicitors?|Counsel|Agents?|Controller|Accountant|"
    r"President|Managers?|Chief|Executives?|Name|Registration|Listing|Place)\b", re.I)
# Words that may stand lower-case in a heading.
CONNECTORS = frozenset({"of", "and", "&", "to", "as", "in", "the", "for", "on", "non-executive", "non", "executive"})
# What frames a heading: markdown markers and bold, a trailing colon.
FRAME = re.compile(r"^[ \t#*_>|]+|[ \t*_:：|]+$")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef（）]")
# A run of Chinese text (with its brackets) after the English: a translation or a Chinese name.
CJK_RUN = re.compile(r"[ \t]*[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef（）()]*[\u4e00-\u9fff][\u3000-\u303f\u4e00-\u9fff"
                     r"\uff00-\uffef（）()]*")
# Parenthesised notes after a name; Chinese notes (`(主席)`) belong to the Chinese name.
NOTES = re.compile(r"[ \t]*\((?P<note>[^()\n]{1,80})\)")
# OCR reads a capital I as a lower-case l at the start of a word: `lndependent`, `lnformation`.
OCR_INITIAL_L = re.compile(r"\bl(?=[nN][a-z])")
# ... and in a name, where no word starts lower-case: `Mr. lp Siu Lun`, `Mr. lu Kwok Hing`.
OCR_HONORIFIC_L = re.compile(r"(?<=\b(?:Mr|Ms|Dr)\. )l(?=[a-z])|(?<=\b(?:Mr|Ms|Dr) )l(?=[a-z])|(?<=\bMrs\. )l(?=[a-z])")
OCR_NAME_L = re.compile(r"(?<![\w'’-])l(?=[a-z]*\b)")
# Lines that are cells of a flattened table between names: `6/6`, `N/A`, `–`, `3 (100%)`, `✓`, `C`, `M`.
TABLE_CELL = re.compile(r"^(?:\d{1,3}\s*/\s*\d{1,3}(?:\s*\(\d{1,3}%\))?|\d{1,3}(?:\.\d+)?%?|N/?A|n/?a|[-–—]+|"
                        r"[●○◎✓✔√✗xX]|[CM]|Nil)$")
# A gap between cells of a line laid out in columns.
COLUMN_GAP = re.compile(r" {3,}|\t")
# A row of a tab- or `|`-separated table.
TABLE_ROW = re.compile(r"\S[ \t]*[\t|][ \t]*\S")
#: A two-column layout puts its right column at one character position on at least this many lines.
COLUMN_LINES = 4
#: Columns within columns read at most (a three-column board table is two splits).
COLUMN_DEPTH = 3
# Where a converted page starts: a `<<<PAGE 3>>>` marker or a form feed.
PAGE_BREAK = re.compile(r"<<<PAGE\s*\d+>>>|\f")
#: The right column starts this far in at least.
COLUMN_MIN = 20
#: At most this many words in a heading.
HEADING_WORDS = 10


@dataclass(frozen=True)
class Entry:
    """One person under a heading: the name as written (honorific kept) and its parenthesised notes."""

    name: str
    notes: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class HeadedList:
    """A heading and the people listed under it. `parents` are the headings that enclose it without a list of
    their own (`BOARD OF DIRECTORS` over `Executive Directors`)."""

    heading: str
    start: int
    end: int
    entries: tuple[Entry, ...]
    parents: tuple[str, ...] = ()


def document_lists(ctx: "DocContext") -> list[HeadedList]:
    """The document's headed lists, read once: the board, officer and committee families share them."""
    return ctx.memo("headed_lists", lambda c: headed_lists(c.text))


def headed_lists(text: str) -> list[HeadedList]:
    """Every heading of `text` with the people listed under it (headings with no names are kept too: a
    consumer may need to know a list is empty), in reading order (columns one after the other)."""
    out: list[HeadedList] = []
    for lines in _reading_order(text):
        out += _read_lines(lines)
    return out


def heading_text(raw: str) -> str | None:
    """The heading a line (or the start of one) is, as plain words, else None: capitalised words (or all
    capitals) including a heading word, no honorific, no sentence."""
    if COLUMN_GAP.search(raw.strip()):
        return None  # cells of columns the layout did not resolve: never one heading
    words = OCR_INITIAL_L.sub("I", CJK_RUN.sub("", FRAME.sub("", raw))).strip(" \t:：*")
    words = FRAME.sub("", words)
    if not words or len(words.split()) > HEADING_WORDS or HONORIFIC_ANYWHERE.match(words):
        return None
    if re.search(r"[.;,!?()]$|[.;!?()]\s|[()]|\d", words) or not HEADING_WORD.search(words):
        return None
    for word in words.split():
        if word.lower() not in CONNECTORS and not word[:1].isupper() and not word[:1] in "(&":
            return None
    return " ".join(words.split())


def _reading_order(text: str) -> list[list[tuple[int, str]]]:
    """The lines of `text` as (offset, line), in the order they are read: a run of lines laid out in columns
    gives each column in turn, left to right (page by page: each page has its own columns)."""
    pages: list[list[tuple[int, str]]] = [[]]
    pos = 0
    for line in text.split("\n"):
        if PAGE_BREAK.search(line):
            pages.append([])
        pages[-1].append((pos, line))
        pos += len(line) + 1
    return [run for page in pages for run in _columns(page, COLUMN_DEPTH)]


def _columns(lines: list[tuple[int, str]], depth: int) -> list[list[tuple[int, str]]]:
    """`lines` split at the right column most of them share, each side split again (`depth` times at most)."""
    column = _column_start(lines) if depth else None
    if column is None:
        return [lines]
    runs: list[list[tuple[int, str]]] = []
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for offset, line in lines:
        if len(line) <= column or line[column - 1] == " ":
            left.append((offset, line[:column].rstrip()))
            if line[column:].strip():
                right.append((offset + column, line[column:]))
        else:  # a line across the columns ends the run of columns
            if right:
                runs += _columns(left, depth - 1) + _columns(right, depth - 1)
                left, right = [], []
            left.append((offset, line))
    runs += _columns(left, depth - 1) + (_columns(right, depth - 1) if right else [])
    return [run for run in runs if run]


def _column_start(lines: list[tuple[int, str]]) -> int | None:
    """The character position of a right column many lines share (text after a gap of three or more spaces,
    or after leading spaces), else None. A column headed by a heading (`Non-executive Director:` above
    `Mr. FAN Yat Ming`) needs only two lines."""
    starts: Counter[int] = Counter()
    headed: set[int] = set()
    for _, line in lines:
        for m in re.finditer(r"(?:^| {3,})(?=\S)", line):
            if m.end() >= COLUMN_MIN:
                starts[m.end()] += 1
                if heading_text(COLUMN_GAP.split(line[m.end():], 1)[0]):
                    headed.add(m.end())
    found = [(count, column) for column, count in starts.items()
             if count >= COLUMN_LINES or (count >= 2 and column in headed)]
    return max(found)[1] if found else None


def _read_lines(lines: list[tuple[int, str]]) -> list[HeadedList]:
    """Headings and their entries over lines in reading order."""
    out: list[tuple[HeadedList, bool]] = []  # each list, and whether other text stands between it and the last
    heading: tuple[str, int] | None = None
    entries: list[Entry] = []
    broken = False

    def close() -> None:
        nonlocal heading, entries, broken
        if heading is not None:
            end = entries[-1].end if entries else heading[1] + len(heading[0])
            out.append((HeadedList(heading[0], heading[1], end, tuple(entries)), broken))
            broken = False
        heading, entries = None, []

    for offset, line in lines:
        line = OCR_HONORIFIC_L.sub("I", line)  # same length: offsets hold
        stripped = line.strip()
        if not stripped or PAGE_JUNK.fullmatch(line) or TABLE_CELL.match(FRAME.sub("", stripped)):
            continue
        if TABLE_ROW.search(stripped):  # cells of a table row: not a heading, not a list of names
            close()
            broken = True
            continue
        first = HONORIFIC_ANYWHERE.search(line)
        head_part = line[:first.start()] if first else line
        plain = None if first else _entries(line, 0, offset)  # `David Ka Lok WONG (Chairman)`: a name, not a heading
        found = heading_text(head_part) if head_part.strip(" \t#*_") and not plain else None
        if found is not None:
            close()
            heading = (found, offset + len(head_part) - len(head_part.lstrip()))
            if not first:
                continue
            named = _entries(line, first.start(), offset)
        else:
            named = plain if plain is not None else _entries(line, 0, offset)
        if named is None:
            close()
            broken = True
        elif heading is not None:
            entries += named
        else:
            broken = True
    close()
    return _with_enclosing(out)


def _with_enclosing(lists: list[tuple[HeadedList, bool]]) -> list[HeadedList]:
    """Split run-together headings (`BOARD OF DIRECTORS Executive Directors`) into parent and heading, and give
    each list the empty headings right above it as parents (`BOARD OF DIRECTORS` / `Executive Directors`);
    text between them (a sentence, a table) ends what encloses."""
    out: list[HeadedList] = []
    parents: list[str] = []
    for item, broken in lists:
        if broken:
            parents = []
        parts = _heading_parts(item.heading)
        out.append(HeadedList(parts[-1], item.start, item.end, item.entries, tuple(parents + parts[:-1])))
        parents = parents + parts if not item.entries else []
    return out


def _heading_parts(heading: str) -> list[str]:
    """A heading of two in a row is split where capitals give way to title case: `BOARD OF DIRECTORS Executive
    Directors` -> [`BOARD OF DIRECTORS`, `Executive Directors`]; one heading stays one."""
    words = heading.split()
    for i in range(1, len(words)):
        before, after = " ".join(words[:i]), " ".join(words[i:])
        if (before.isupper() and not words[i].isupper() and HEADING_WORD.search(before)
                and HEADING_WORD.search(after)):
            return [before, after]
    return [heading]


def _entries(line: str, start: int, offset: int) -> list[Entry] | None:
    """The names of `line` from `start` on, or None when the rest of the line is not names (prose, an address).

    Honorific names are cut before each honorific; a line without any is one plain full name or nothing.
    """
    rest = line[start:]
    if COLUMN_GAP.search(rest.strip()):
        return None  # names in columns the layout did not resolve: whose heading each is under is unknown
    cuts = [m.start() for m in HONORIFIC_ANYWHERE.finditer(rest)]
    if not cuts:
        entry = _entry(rest, offset + start, plain=True)
        return [entry] if entry else None
    if rest[:cuts[0]].strip(" \t*#_|"):
        return None
    out: list[Entry] = []
    for i, cut in enumerate(cuts):
        piece = rest[cut:cuts[i + 1] if i + 1 < len(cuts) else len(rest)]
        entry = _entry(piece, offset + start + cut, plain=False)
        if entry is None:
            return None
        out.append(entry)
    return out


def _entry(piece: str, offset: int, plain: bool) -> Entry | None:
    """One name with its notes and Chinese name, the whole piece; None when the piece holds anything else."""
    body = FRAME.sub("", piece.rstrip())
    lead = len(piece) - len(piece.lstrip(" \t*#_|"))
    notes: list[str] = []
    cjk = CJK_RUN.search(body)
    latin = body[:cjk.start()] if cjk and not CJK.search(body[cjk.end():]) else body
    if cjk and CJK.search(body[cjk.end():]):
        return None
    name_end = len(latin)
    first_note = NOTES.search(latin)
    if first_note:
        name_end = first_note.start()
        pos = first_note.start()
        for m in NOTES.finditer(latin, first_note.start()):
            if m.start() != pos:
                return None
            notes.append(m.group("note").strip())
            pos = m.end()
        if latin[pos:].strip(" ,"):
            return None
    name = OCR_NAME_L.sub("I", latin[:name_end].strip(" ,;"))
    if not name or HEADING_WORD.search(HONORIFIC_ANYWHERE.sub("", name)):
        return None
    if clean_person(name, forename_after_comma="," in name) is None:
        return None
    if plain and HONORIFIC_ANYWHERE.match(name):
        return None
    return Entry(name, tuple(notes), offset + lead, offset + lead + len(latin.rstrip()))

"""Positioned words of a page -> the text the readers expect (paragraphs, blank lines, tab-separated tables).

A PDF holds glyphs at positions, not paragraphs and cells. This module turns a page's words into
the shape of the text corpora that `extract/` reads:

- words on one baseline are a line; a gap wider than `CELL_GAP_EM` ems between two words is a
  cell boundary (a tab);
- consecutive lines with cell boundaries are a table: its columns are the x-ranges between the
  gutters no row writes in, and every row gets one cell per column (empty cells kept), so a row
  that leaves its first column blank still has its values under the right headings;
- a paragraph wrapped over several lines is joined back into one line: a line continues into the
  next when the next line's first word would not have fitted after it (the way a typesetter breaks
  lines), so a short line (a heading, `(Stock Code: 00604)`) keeps its line break;
- a vertical gap wider than `BLANK_LINE_EM` ems is a blank line (a paragraph or block break).

The layout of two-column pages and table cells wrapped over several lines are not rebuilt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

#: Between two pages: a form feed on a line of its own (the identity reader takes it as a page start).
PAGE_BREAK = "\n\f\n"
CELL_GAP_EM = 1.0
BLANK_LINE_EM = 0.5
#: Coverage below this share of a table's rows still counts as a gutter (a cell spanning columns).
GUTTER_TOLERANCE = 0.1
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


@dataclass(frozen=True)
class Word:
    """A word and its box on the page (PDF points, `top` measured down from the top of the page)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 0.1)


@dataclass
class Line:
    words: list[Word] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        return median(w.size for w in self.words)

    def cells(self) -> list[list[Word]]:
        """The words grouped into cells at gaps wider than CELL_GAP_EM."""
        out: list[list[Word]] = [[self.words[0]]]
        for prev, word in zip(self.words, self.words[1:]):
            if word.x0 - prev.x1 > CELL_GAP_EM * min(prev.size, word.size):
                out.append([word])
            else:
                out[-1].append(word)
        return out

    @property
    def is_row(self) -> bool:
        return len(self.cells()) > 1


def lines_of(words: list[Word]) -> list[Line]:
    """Words grouped into lines: a word belongs to the line whose vertical band holds its middle."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        middle = (word.top + word.bottom) / 2
        for line in reversed(lines[-3:]):
            if line.top <= middle <= line.bottom:
                line.words.append(word)
                break
        else:
            lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


@dataclass(frozen=True)
class PageText:
    """A page's text, and its first and last text lines (None where the page starts or ends with a
    table), so that a paragraph running on to the next page can be joined across the page break."""

    text: str
    first: Line | None
    last: Line | None


def page_text(words: list[Word], right_margin: float) -> PageText:
    """The text of one page; `right_margin` is where the document's text column ends (for unwrapping)."""
    lines = lines_of(words)
    blocks = _blocks(lines)
    out: list[str] = []
    prev: Line | None = None
    for kind, block in blocks:
        rendered = _table(block) if kind == "table" else _paragraphs(block, right_margin)
        for line, text in rendered:
            if prev is not None:
                out.append("\n\n" if _blank_between(prev, line) else "\n")
            out.append(text)
            prev = line
    first = lines[0] if blocks and blocks[0][0] == "text" else None
    last = lines[-1] if blocks and blocks[-1][0] == "text" else None
    return PageText("".join(out), first, last)


def runs_on(last: Line | None, first: Line | None, margin: float) -> bool:
    """Whether the paragraph that ends a page (`last`) goes on at the top of the next (`first`): same
    indent and size, the next page's first word would not have fitted, and no sentence ended there."""
    if last is None or first is None:
        return False
    if last.words[-1].text[-1:] in ".:;!?" and first.words[0].text[:1].isupper():
        return False
    if abs(first.size - last.size) > 0.15 * last.size or abs(first.x0 - last.x0) > 2 * last.size:
        return False
    word = first.words[0]
    return last.x1 + 0.28 * last.size + (word.x1 - word.x0) > margin - 0.5 * last.size


def document_text(pages: list[list[Word]]) -> tuple[str, tuple[int, ...]]:
    """(text, offset of each page's text) of a document's pages. A paragraph running on to the next
    page is joined by a space (that page starts mid-line); other pages are separated by PAGE_BREAK."""
    margin = right_margin(pages)
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    previous: PageText | None = None
    for words in pages:
        page = page_text(words, margin)
        if previous is not None:
            glue = " " if runs_on(previous.last, page.first, margin) else PAGE_BREAK
            parts.append(glue)
            offset += len(glue)
        starts.append(offset)
        parts.append(page.text)
        offset += len(page.text)
        previous = page
    return "".join(parts), tuple(starts)


def right_margin(pages: list[list[Word]]) -> float:
    """Where the text column ends: the right edge reached by the longest lines that are not table rows."""
    edges = [line.x1 for words in pages for line in lines_of(words) if not line.is_row]
    return max(edges) if edges else 0.0


def _blocks(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Runs of table rows and runs of text lines, broken at blank lines. A one-cell line set like the
    rows next to it (same size, row spacing) belongs to their table when it lies between two rows or
    starts inside the table rather than at its left edge (a row whose first cells are empty)."""
    kinds = ["table" if line.is_row else "text" for line in lines]
    for i, line in enumerate(lines):
        if kinds[i] == "table":
            continue
        before = i > 0 and kinds[i - 1] == "table" and _row_spaced(lines[i - 1], line)
        after = i + 1 < len(lines) and kinds[i + 1] == "table" and _row_spaced(line, lines[i + 1])
        neighbour = lines[i - 1] if before else lines[i + 1] if after else None
        if (before and after) or (neighbour is not None and line.x0 > neighbour.x0 + neighbour.size):
            kinds[i] = "table"
    blocks: list[tuple[str, list[Line]]] = []
    prev: Line | None = None
    for kind, line in zip(kinds, lines):
        if blocks and blocks[-1][0] == kind and prev is not None and not _blank_between(prev, line):
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
        prev = line
    return blocks


def _blank_between(upper: Line, lower: Line) -> bool:
    return lower.top - upper.bottom > BLANK_LINE_EM * min(lower.size, upper.size)


def _row_spaced(upper: Line, lower: Line) -> bool:
    return (not _blank_between(upper, lower) and abs(upper.size - lower.size) <= 0.15 * upper.size)


def _table(rows: list[Line]) -> list[tuple[Line, str]]:
    """Each row as cells joined by tabs, one cell per column of the table."""
    boundaries = _column_boundaries(rows)
    out = []
    for row in rows:
        cells: list[list[str]] = [[] for _ in range(len(boundaries) + 1)]
        for cell in row.cells():
            middle = (cell[0].x0 + cell[-1].x1) / 2
            index = sum(1 for b in boundaries if middle > b)
            cells[index].extend(w.text for w in cell)
        out.append((row, "\t".join(_join(c) for c in cells)))
    return out


def _column_boundaries(rows: list[Line]) -> list[float]:
    """x positions between columns: the middles of the gutters that (almost) no row's cell covers."""
    spans = [(cell[0].x0, cell[-1].x1) for row in rows for cell in row.cells()]
    left, right = min(s[0] for s in spans), max(s[1] for s in spans)
    allowed = int(GUTTER_TOLERANCE * len(rows))
    edges = sorted({round(x, 1) for span in spans for x in span})
    boundaries: list[float] = []
    gap_start: float | None = None
    for a, b in zip(edges, edges[1:]):
        middle = (a + b) / 2
        covered = sum(1 for s in spans if s[0] < middle < s[1])
        if covered <= allowed and left < middle < right:
            gap_start = a if gap_start is None else gap_start
            gap_end = b
        elif gap_start is not None:
            boundaries.append((gap_start + gap_end) / 2)
            gap_start = None
    smallest = min(w.size for row in rows for w in row.words)
    return [b for b in boundaries if _gutter_width(spans, b) > CELL_GAP_EM * smallest * 0.9]


def _gutter_width(spans: list[tuple[float, float]], at: float) -> float:
    left = max((s[1] for s in spans if s[1] <= at), default=at)
    right = min((s[0] for s in spans if s[0] >= at), default=at)
    return right - left


def _paragraphs(lines: list[Line], margin: float) -> list[tuple[Line, str]]:
    """Text lines, with the lines of one wrapped paragraph joined into one."""
    out: list[tuple[Line, str]] = []
    for line in lines:
        text = _join([w.text for w in line.words])
        if out and _continues(out[-1][0], line, margin):
            prev, prev_text = out[-1]
            glue = "" if CJK.match(text[:1]) and CJK.match(prev_text[-1:]) else " "
            merged = Line(prev.words + line.words)
            out[-1] = (_Joined(merged, line), prev_text + glue + text)
        else:
            out.append((line, text))
    return out


class _Joined(Line):
    """A paragraph joined from several lines: its bottom (for the gap to the next line) is the last line's."""

    def __init__(self, merged: Line, last: Line) -> None:
        super().__init__(merged.words)
        self._last = last

    @property
    def bottom(self) -> float:
        return self._last.bottom

    @property
    def x1(self) -> float:
        return self._last.x1

    @property
    def last(self) -> Line:
        return self._last


def _continues(prev: Line, line: Line, margin: float) -> bool:
    """Whether `line` carries on the paragraph of `prev`: no gap between them, and its first word
    would not have fitted at the end of `prev` (so the typesetter broke the line there)."""
    last = prev.last if isinstance(prev, _Joined) else prev
    if line.top - last.bottom > BLANK_LINE_EM * min(line.size, last.size):
        return False
    if abs(line.size - last.size) > 0.15 * last.size or abs(line.x0 - last.words[0].x0) > 2 * last.size:
        return False
    first = line.words[0]
    space = 0.28 * last.size
    return last.x1 + space + (first.x1 - first.x0) > margin - 0.5 * last.size


def _join(words: list[str]) -> str:
    """Words of one line or cell: the reader split them at spaces, so a space joins them again."""
    return " ".join(words)

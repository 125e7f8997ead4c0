"""Directorships from the board paragraphs of a document: the family's extractor.

HKEX announcements end with a paragraph such as `As at the date of this announcement, the Board
comprises Mr. A and Mr. B as executive Directors; ... and Dr. C as independent non-executive
Directors.`; reports state the board in `The Board currently comprises ...`, in rosters under role
headings and in role tables. Each paragraph is found (`extract.board.leads`), read as prose
(`extract.board.prose`) or as lines (`extract.board.rosters`); this module collects them once per
document (the officer and meeting families read the same paragraphs) and states the directorships.
"""
from __future__ import annotations

import re

from extract.board.leads import BOARD_LEAD, CURRENT_BOARD_LEAD, about_the_board, paragraph_end
from extract.board.model import BoardParagraph
from extract.board.prose import read_paragraph
from extract.board.rosters import lead_layout, raw_lines, rosters, spaced_header
from extract.context import DocContext
from extract.records import Directorship, Fact
from extract.registry import extractor
from extract.text.names import HONORIFIC, fold


# Two cells on one line of a board paragraph read as prose (`Mr. A (Chairman)⎵⎵⎵⎵Mr. B`): the line is a row of
# columns, and the flattened prose would give each name the role of whichever heading came last.
COLUMN_GAP_NAME = re.compile(rf"\S(?:[ ]*\t[ \t]*|[ ]{{3,}})(?:{HONORIFIC})")


@extractor("directorship")
def extract_directorships(ctx: DocContext) -> list[Fact]:
    """Directorship facts of every board paragraph, as of the date it speaks for: the date it states, else
    the document's date, else none (a report page that states no date: the seats are facts all the same)."""
    facts: list[Fact] = []
    for par in board_paragraphs(ctx):
        as_of = par.as_of or ctx.meta.date
        if not ctx.meta.issuer:
            ctx.skip("directorship", "board paragraph but no issuer", par.start, par.end)
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
        layout = lead_layout(ctx, lead.end())
        if layout is not None:
            seats, end = layout
            if seats:
                out.append(BoardParagraph(lead.start(), end, tuple(seats)))
            continue
        end = paragraph_end(ctx.text, lead.end())
        if end is None:
            continue
        folded = fold(ctx.text, lead.end(), end - 1 if ctx.text[end - 1] == "." else end)
        if not about_the_board(folded.text):
            continue
        if _in_columns(ctx, lead.start(), end):
            continue
        seats = read_paragraph(ctx, folded, lead.start(), end)
        if seats:
            out.append(BoardParagraph(lead.start(), end, tuple(seats)))
    for lead in CURRENT_BOARD_LEAD.finditer(ctx.text):
        if any(par.start <= lead.start() < par.end for par in out):
            continue  # `As at the date of this report, the Board currently comprises`: read above
        layout = lead_layout(ctx, lead.start())
        if layout is not None:
            seats, end = layout
            if seats:
                out.append(BoardParagraph(lead.start(), end, tuple(seats)))
            continue
        end = paragraph_end(ctx.text, lead.end())
        if end is None:
            continue
        folded = fold(ctx.text, lead.start(), end - 1 if ctx.text[end - 1] == "." else end)
        if _in_columns(ctx, lead.start(), end):
            continue
        seats = read_paragraph(ctx, folded, lead.start(), end)
        if seats:
            out.append(BoardParagraph(lead.start(), end, tuple(seats)))
    out += rosters(ctx)
    return out


def _in_columns(ctx: DocContext, start: int, end: int) -> bool:
    """True (and the paragraph skipped) when a board paragraph not read as a table is laid out in columns: a
    line holding two role headings (`Executive Directors:⎵⎵⎵⎵Independent Non-executive Directors:`) or a name
    after a run of spaces or a tab (`Mr. A (Chairman)⎵⎵⎵⎵Mr. B`). Flattened into prose, each name would take the
    role of whichever heading came last before it, the right column's heading for the left column's names."""
    for line_start, line_end, _ in raw_lines(ctx.text, start, end):
        line = ctx.text[line_start:line_end]
        if spaced_header(line.replace("\t", "    ")) or COLUMN_GAP_NAME.search(line):
            ctx.skip("directorship", "board paragraph laid out in columns not aligned to role headings",
                     start, end)
            return True
    return False

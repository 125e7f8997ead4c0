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

from extract.board.leads import (BOARD_LEAD, CHANGE_WORD, CURRENT_BOARD_LEAD, INED_PHRASE, PAST_BOARD,
                                 about_the_board, paragraph_end, paragraph_start, stated_date)
from extract.board.model import BoardParagraph
from extract.board.prose import ENUMERATOR, PARENTHESIS, read_paragraph
from extract.board.rosters import headed_rosters, lead_layout, raw_lines, rosters, spaced_header
from extract.context import DocContext
from extract.records import Directorship, Fact
from extract.registry import extractor
from extract.text.names import HONORIFIC, HONORIFIC_ANYWHERE, fold
from extract.text.vocab import DIRECTOR_ROLE_PHRASES


# Two cells on one line of a board paragraph read as prose (`Mr. A (Chairman)⎵⎵⎵⎵Mr. B`): the line is a row of
# columns, and the flattened prose would give each name the role of whichever heading came last.
COLUMN_GAP_NAME = re.compile(rf"\S(?:[ ]*\t[ \t]*|[ ]{{3,}})(?:{HONORIFIC})")
# Director-role phrases as written, to tell how many roles a paragraph names before reading it.
ROLE_PHRASE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(p).replace(r"\ ", r"\s+") for p in DIRECTOR_ROLE_PHRASES),
                                                    key=len, reverse=True)) + r")\b", re.I)
#: A board found by its structure holds at least this many seats in at least two roles; fewer is a sentence
#: about some directors (a biography, an appointment), not a statement of the board.
MIN_SEATS = 3


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
        layout = lead_layout(ctx, lead.end(), ctx.text.rfind("\n", 0, lead.start()) + 1)
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
    out += _structural_paragraphs(ctx, out)
    return out + headed_rosters(ctx, out)


def _structural_paragraphs(ctx: DocContext, taken: list[BoardParagraph]) -> list[BoardParagraph]:
    """Board paragraphs found by their structure, whatever their lead-in: names joined to director-role phrases
    of at least two roles, around an independent-director phrase no other reading covered. The lead-in (the
    text before the first name) is read for what the paragraph is about (a change, a past board and a committee
    are not the board's composition: skipped, with the reason) and for the date it speaks for."""
    text = ctx.text
    out: list[BoardParagraph] = []
    starts: set[int] = set()
    for anchor in INED_PHRASE.finditer(text):
        if any(par.start <= anchor.start() < par.end for par in taken + out):
            continue
        start = paragraph_start(text, anchor.start())
        if start is None or start in starts:
            continue
        starts.add(start)
        end = paragraph_end(text, start)
        if end is None or end <= anchor.end():
            continue
        folded = fold(text, start, end - 1 if text[end - 1] == "." else end)
        roles = {DIRECTOR_ROLE_PHRASES.get(" ".join(m.group().lower().split()))
                 for m in ROLE_PHRASE.finditer(folded.text)}
        first = _first_name(folded.text)
        if len(roles - {None}) < 2 or first is None:
            continue  # no list of a board: a sentence that names a role
        lead_in = folded.text[:first]
        prose = PARENTHESIS.sub(" ", folded.text)
        if CHANGE_WORD.search(prose) or PAST_BOARD.search(lead_in):
            ctx.skip("directorship", "names and director roles stating a change or a past board, not the board",
                     start, end)
            continue
        if not about_the_board(folded.text) or _in_columns(ctx, start, end):
            continue
        states, as_of = stated_date(lead_in, text)
        if states and as_of is None:
            ctx.skip("directorship", "board stated as at a date the document does not give", start, end)
            continue
        seats = read_paragraph(ctx, folded, start, end)
        if seats and (len(seats) < MIN_SEATS or len({seat.role for seat in seats}) < 2):
            ctx.skip("directorship", "too few seats or roles for a statement of the board", start, end)
            continue
        if seats:
            out.append(BoardParagraph(start, end, tuple(seats), as_of=as_of))
    return out


def _first_name(text: str) -> int | None:
    """Where the list of a paragraph begins: its first honorific name or enumerator, else None."""
    found = [m.start() for m in (HONORIFIC_ANYWHERE.search(text), ENUMERATOR.search(text)) if m]
    return min(found, default=None)


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

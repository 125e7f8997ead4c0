"""What the text before a board paragraph says: where the paragraph is, what it is about, when.

The classic lead is `As at the date of this announcement, the Board comprises ...`; reports write
`The Board currently comprises ...`. A lead is read for the date the paragraph speaks for and for its
subject (the board, not a committee or the supervisors), and the paragraph's extent is found from it.
"""
from __future__ import annotations

import re

from extract.board.prose import LIST_VERB
from extract.text.dates import find_dates
from extract.text.names import PAGE_JUNK
from extract.text.patterns import NOT_AFTER_ABBREVIATION


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
# Blank lines end a paragraph, unless they only surround a page break or a role heading follows
# (`Independent non-executive Directors:` in a list laid out one name per line).
BLANK_RUN = re.compile(r"\n(?:[ \t]*\n)+(?![ \t]*(?:the\s+)?(?:independent\s+)?(?:non[-\s]?)?executive\s+directors?\b)",
                       re.I)
# Present-tense board paragraphs, as reports write them: `The Board currently comprises ...`, `The Board presently consists of`.
# Also without `currently` in the present tense: `The Board comprises the following Directors:` (a past
# `The Board comprised` is not current).
CURRENT_BOARD_LEAD = re.compile(r"\b(?:The|Our)\s+Board(?:\s+of\s+Directors)?\s+(?:(?:currently|presently)\s+"
                                r"(?=compris|consist)|(?=comprises\b|consists\s+of\b))")


def about_the_board(text: str) -> bool:
    """True when a paragraph after a lead is about the board: it names the board or directors early, and its
    subject (the text before its list verb) names no committee (`the Audit Committee consists of ...`)."""
    if not BOARD_SUBJECT.search(text[:250]):
        return False
    verb = LIST_VERB.search(text, 0, 250)
    return not COMMITTEE_SUBJECT.search(text[:verb.start() if verb else 250])


def paragraph_end(text: str, start: int) -> int | None:
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


# --- Boards found by their structure -------------------------------------------------------------------
# A statement of the whole board names the independent non-executive directors (every HKEX board has at least
# three): that role phrase anchors the search for board paragraphs whatever lead-in introduces them.
INED_PHRASE = re.compile(r"\bindependent\s+(?:non[-\s]*executive\s+)?directors?\b", re.I)
# A line that ends a paragraph before the next begins: a full stop (not after an abbreviation) or a colon
# ending a heading-like line is not enough on its own (`The Board comprises:` leads into its list).
LINE_ENDS_SENTENCE = re.compile(rf"(?:{NOT_AFTER_ABBREVIATION}(?<![A-Z])\.|[!?])[\"”’)\]*_ \t]*$")
#: A line shorter than this that does not end in a comma or a joining word ends the block above a paragraph
#: (a signature line, a place-and-date line, a heading).
SHORT_LINE = 45
# What the lead-in of a structural board paragraph can say that makes it no statement of the board:
# a change (`... will retire and offer themselves for re-election as executive Directors`), a past board
# (`During the year, the Board comprised ...`), a proposal.
CHANGE_WORD = re.compile(r"\b(?:appoint\w*|resign\w*|retir\w*|re-?elect\w*|re-?designat\w*|ceas\w*|remov\w*|"
                         r"elect(?:ed|ion)|nominat\w*|vacat\w*|passed\s+away|offer\w*\s+(?:himself|herself|"
                         r"themselves)|join(?:s|ed|ing)?|succeed\w*)\b", re.I)
PAST_BOARD = re.compile(r"\b(?:comprised|consisted|was\s+(?:composed|made\s+up)|were)\b|\bduring\s+the\b", re.I)
# A date the lead-in states its list for: `As at 31 December 2025, the Board comprised`, `As of 1 March 2026`.
STATED_AS_AT = re.compile(r"\b(?:as\s+(?:at|of)|at|on)\s+(?=\S)", re.I)
# `As at the Latest Practicable Date` (circulars), whose date the document defines: `"Latest Practicable Date"
# means 18 April 2026, being the latest practicable date prior to the printing of this circular`.
LATEST_PRACTICABLE = re.compile(r"\bLatest\s+Practicable\s+Date\b", re.I)
LATEST_PRACTICABLE_DEFINED = re.compile(r"[\"“]Latest\s+Practicable\s+Date[\"”]\s*(?:means|:)?\s*", re.I)


def paragraph_start(text: str, pos: int) -> int | None:
    """Start of the paragraph holding `pos`, walking back line by line: it starts after a blank line, after a line
    ending a sentence, or after a short line that joins nothing (a signature, a date line, a heading). Page
    furniture inside the paragraph is walked over. None when no start is found within `PARAGRAPH_LIMIT`."""
    line_start = text.rfind("\n", 0, pos) + 1
    floor = max(0, pos - PARAGRAPH_LIMIT)
    while line_start > 0:
        if line_start < floor:
            return None
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        prev = text[prev_start:line_start - 1].strip(" \t*#")
        if PAGE_JUNK.fullmatch(prev) or PAGE_JUNK.fullmatch(text[prev_start:line_start - 1]):
            line_start = prev_start
            continue
        if not prev or LINE_ENDS_SENTENCE.search(prev):
            return line_start
        if len(prev) < SHORT_LINE and not re.search(r"(?:,|\band|\bof|\bthe|-)\s*$", prev, re.I):
            return line_start
        line_start = prev_start
    return 0


def stated_date(lead_in: str, text: str) -> tuple[bool, str | None]:
    """(whether the lead-in states a date, that date) for a structural board paragraph: `As at 31 December
    2025` gives that date; `As at the Latest Practicable Date` the date the document defines for it (stated,
    but None when the definition is not found)."""
    if LATEST_PRACTICABLE.search(lead_in):
        m = LATEST_PRACTICABLE_DEFINED.search(text)
        found = find_dates(text[m.end():m.end() + 40]) if m else []
        return True, found[0][2] if found and found[0][0] == 0 else None
    for m in STATED_AS_AT.finditer(lead_in):
        found = find_dates(lead_in[m.end():m.end() + 40])
        if found and found[0][0] == 0:
            return True, found[0][2]
    return False, None

"""What the text before a board paragraph says: where the paragraph is, what it is about, when.

The classic lead is `As at the date of this announcement, the Board comprises ...`; reports write
`The Board currently comprises ...`. A lead is read for the date the paragraph speaks for and for its
subject (the board, not a committee or the supervisors), and the paragraph's extent is found from it.
"""
from __future__ import annotations

import re

from extract.board.prose import LIST_VERB
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

"""Counts a board paragraph states, checked against the names it lists.

`the Board comprises seven Directors, namely three executive Directors, Mr. A, Mr. B and Mr. C, ...`: the
paragraph states a total and a count per role; when either disagrees with the seats read from the same
paragraph, the filing contradicts itself and a `board-count` finding says how (a finding, never a fix: which
of the two is wrong the text does not say). A family of its own over the paragraphs the board family reads
(`board_paragraphs`, read once per document).
"""
from __future__ import annotations

import re
from collections import Counter

from extract.board.model import ROLES, BoardParagraph
from extract.board.paragraphs import board_paragraphs
from extract.context import DocContext
from extract.records import DataQualityFinding, Fact
from extract.registry import extractor
from extract.text.names import HONORIFIC, fold

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15}
_NUMBER = r"(?P<n>" + "|".join(NUMBERS) + r"|\d{1,2})"
_ROLE = "|".join(sorted((re.escape(r).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?") for r in ROLES),
                        key=len, reverse=True))
# `three independent non-executive Directors`.
ROLE_COUNT = re.compile(rf"\b{_NUMBER}\s+(?P<role>{_ROLE})\b", re.I)
# `the Board comprises seven Directors`, `consists of nine members`.
TOTAL_COUNT = re.compile(rf"\b(?:comprises|comprised|consists\s+of|consisted\s+of|comprising|has)\s+(?:a\s+total\s+of\s+)?"
                         rf"{_NUMBER}\s+(?:Directors|directors|members)\b")


@extractor("board_count")
def extract_board_counts(ctx: DocContext) -> list[Fact]:
    """A `board-count` finding per board paragraph whose stated counts its names do not bear out."""
    return [f for par in board_paragraphs(ctx) for f in count_findings(ctx, par)]


# A person named in the paragraph: an honorific and a capitalised word.
NAMED = re.compile(rf"(?<![\w.])(?:{HONORIFIC})+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def count_findings(ctx: DocContext, paragraph: BoardParagraph) -> list[DataQualityFinding]:
    """A finding per count the paragraph states that the seats it lists do not bear out."""
    if not ctx.meta.issuer:
        return []
    text = fold(ctx.text, paragraph.start, paragraph.end).text
    if len({m.group() for m in NAMED.finditer(text)}) != len(paragraph.seats):
        return []  # not every name was read (a role not read, say): the count is not checked against a part
    roles = Counter(seat.role for seat in paragraph.seats)
    out: list[DataQualityFinding] = []
    for m in ROLE_COUNT.finditer(text):
        role = ROLES.get(re.sub(r"non[-\s]?executive", "non-executive", " ".join(m.group("role").lower().split())))
        stated = _number(m.group("n"))
        if role and roles[role] != stated:
            out.append(_finding(ctx, paragraph, f"the board paragraph states {m.group(0)} and names {roles[role]}"))
    total = TOTAL_COUNT.search(text)
    if total and _number(total.group("n")) != len(paragraph.seats):
        out.append(_finding(ctx, paragraph, f"the board paragraph states {total.group(0).split(None, 1)[1]} and "
                                            f"names {len(paragraph.seats)}"))
    return out


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word.lower()]


def _finding(ctx: DocContext, paragraph: BoardParagraph, message: str) -> DataQualityFinding:
    return DataQualityFinding(company=ctx.meta.issuer or "", check="board-count", message=message,
                              evidence=ctx.evidence(paragraph.start, paragraph.end))

"""Counts a board paragraph states against the names it lists (extract.board.counts), in wordings of our own."""
from __future__ import annotations

import pytest

from extract.board.counts import extract_board_counts
from extract.context import DocContext
from extract.pipeline import get_nlp
from extract.records import Announcement, DocumentMeta


def findings(paragraph: str) -> list[str]:
    text = f"By order of the Board\nHong Kong, 1 June 2026\n\n{paragraph}\n"
    ctx = DocContext(Announcement("d", "d.txt", text, "", "utf-8"),
                     DocumentMeta("d", issuer="Cedar Lane Holdings Limited", date="2026-06-01"), get_nlp())
    return [f.message for f in extract_board_counts(ctx)]


@pytest.mark.parametrize("paragraph, expected", [
    ("As at the date of this announcement, the Board comprises six Directors, namely two executive Directors, Mr. "
     "Au Ming and Ms. Ko Wai; one non-executive Director, Mr. Ip Hon; and three independent non-executive Directors, "
     "Mr. Sze Kit, Ms. Yu Lan and Dr. Mo Fai.", []),
    ("As at the date of this announcement, the Board comprises seven Directors, namely two executive Directors, Mr. "
     "Au Ming and Ms. Ko Wai; and three independent non-executive Directors, Mr. Sze Kit, Ms. Yu Lan and Dr. Mo Fai.",
     ["the board paragraph states seven Directors and names 5"]),
    ("As at the date of this announcement, the Board comprises three executive Directors, Mr. Au Ming and Ms. Ko "
     "Wai; and three independent non-executive Directors, Mr. Sze Kit, Ms. Yu Lan and Dr. Mo Fai.",
     ["the board paragraph states three executive Directors and names 2"]),
    # No count stated: nothing to check.
    ("As at the date of this announcement, the Board comprises Mr. Au Ming as executive Director and Mr. Sze Kit, "
     "Ms. Yu Lan and Dr. Mo Fai as independent non-executive Directors.", []),
])
def test_counts_against_names(paragraph: str, expected: list[str]) -> None:
    assert findings(paragraph) == expected


def test_no_check_when_not_every_name_was_read() -> None:
    paragraph = ("As at the date of this announcement, the Board comprises six Directors, namely Mr. Au Ming "
                 "(executive Director), Ms. Ko Wai (non-executive Director), Mr. Sze Kit, Ms. Yu Lan and Dr. Mo Fai "
                 "(all independent non-executive Directors) and Mr. Lo Pak.")
    assert findings(paragraph) == []

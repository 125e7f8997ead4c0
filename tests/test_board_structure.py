"""Board paragraphs found by their structure (names joined to director roles), whatever their lead-in.

The lead-ins here are ones the lead-gated readers do not list; the negative cases have the same structure
but state a change, a past board or a committee, or too little to be a board.
"""
from __future__ import annotations

import pytest

from extract.board.paragraphs import extract_directorships
from tests.test_board import COVER, ctx_for

E, N, I = "executive", "non_executive", "independent_non_executive"


def read(text: str, cover: str = COVER) -> list[tuple[str, str, str | None]]:
    return [(f.person, f.role, f.as_of) for f in extract_directorships(ctx_for(cover + "\n" + text, cover=""))]


@pytest.mark.parametrize("lead", [
    "Directors of the Company named in the application to which this announcement relates are:",
    "The directors of the Company as at the date of publication of this joint announcement are",
    "In this announcement, the Directors are",
    "Our Board of Directors is made up of",
])
def test_enumerated_board_read_whatever_its_lead_in(lead: str) -> None:
    text = (f"Hong Kong, 23 March 2026\n{lead} (i) Mr. Wang Bin, Mr. Xia\nYongtao and Mr. Han Lei as executive "
            "Directors; (ii) Mr. Dong Zhendong as non-\nexecutive Director; and (iii) Dr. Sun Song, Ms. Fan Xinpeng "
            "and Ms. Song Xiumei as\nindependent non-executive Directors.\n")
    assert read(text) == [("Wang Bin", E, "2026-03-23"), ("Xia Yongtao", E, "2026-03-23"),
                          ("Han Lei", E, "2026-03-23"), ("Dong Zhendong", N, "2026-03-23"),
                          ("Sun Song", I, "2026-03-23"), ("Fan Xinpeng", I, "2026-03-23"),
                          ("Song Xiumei", I, "2026-03-23")]


def test_a_date_the_lead_in_states_is_the_date_the_board_speaks_for() -> None:
    text = ("As at 30 June 2026, our directors are Mr. Lam Ka Ho and Ms. Ip Wing Yan, being executive "
            "directors, and Mr. Ko Siu Ming, Mr. Tang Wai and Ms. Yu Hoi Ling, being independent "
            "non-executive directors.\n")
    assert {as_of for _, _, as_of in read(text)} == {"2026-06-30"}
    assert len(read(text)) == 5


def test_latest_practicable_date_is_read_from_its_definition() -> None:
    text = ('"Latest Practicable Date" means 18 April 2026, being the latest practicable date prior to the '
            "printing of this circular\n\nAs at the Latest Practicable Date, the executive Directors are Mr. Lam "
            "Ka Ho and Ms. Ip Wing Yan; and the independent non-executive Directors are Mr. Ko Siu Ming, Mr. Tang "
            "Wai and Ms. Yu Hoi Ling.\n")
    assert {as_of for _, _, as_of in read(text)} == {"2026-04-18"}


def test_latest_practicable_date_not_defined_is_skipped() -> None:
    text = ("As at the Latest Practicable Date, the executive Directors are Mr. Lam Ka Ho and Ms. Ip Wing Yan; and "
            "the independent non-executive Directors are Mr. Ko Siu Ming, Mr. Tang Wai and Ms. Yu Hoi Ling.\n")
    ctx = ctx_for(COVER + "\n" + text, cover="")
    assert extract_directorships(ctx) == []
    assert any("does not give" in s.reason for s in ctx.skipped)


@pytest.mark.parametrize("text", [
    # a change, stated with the same structure
    "Mr. Lam Ka Ho and Ms. Ip Wing Yan will retire as executive Directors, and Mr. Ko Siu Ming, Mr. Tang Wai and "
    "Ms. Yu Hoi Ling will retire as independent non-executive Directors at the AGM.\n",
    "The Board announces that Mr. Lam Ka Ho has been re-designated from an executive Director to a non-executive "
    "Director, and Mr. Ko Siu Ming and Mr. Tang Wai have been appointed as independent non-executive Directors.\n",
    # a past board
    "During the year, the Board comprised Mr. Lam Ka Ho and Ms. Ip Wing Yan as executive Directors and Mr. Ko Siu "
    "Ming, Mr. Tang Wai and Ms. Yu Hoi Ling as independent non-executive Directors.\n",
    # a committee
    "The Audit Committee consists of Mr. Ko Siu Ming, Mr. Tang Wai and Ms. Yu Hoi Ling, all being independent "
    "non-executive Directors, and Mr. Lam Ka Ho, a non-executive Director.\n",
])
def test_same_structure_stating_no_board_composition_is_not_read(text: str) -> None:
    assert read(text) == []


def test_a_biography_naming_two_roles_is_not_a_board() -> None:
    text = ("Mr. Ko Siu Ming, aged 61, is an independent non-executive Director. He was an executive director of "
            "Harbour Lights Limited.\n")
    assert read(text) == []

"""People under headings (extract.text.headed_lists) and what the families make of them.

Layouts written for these tests, not copied from any filing: headings on their own lines or run into the
names, names one per line or run together, columns printed side by side, table cells between names.
"""
from __future__ import annotations

from extract.text.headed_lists import headed_lists
from tests.test_board import ctx_for

REPORT = "MOUNT PARKER HOLDINGS LIMITED\nAnnual Report 2025\n\n"


def lists(text: str) -> list[tuple[str, list[str]]]:
    return [(h.heading, [e.name for e in h.entries]) for h in headed_lists(text) if h.entries]


def test_headings_on_their_own_lines_with_translations_and_blank_lines() -> None:
    text = ("## **Executive Directors** 執行董事\n\nMr. Wong Tak Ming (Chairman) 黃德明先生(主席)\n\n"
            "Ms. Chan Siu Wan 陳小雲女士\n\n#### AUDIT COMMITTEE 審核委員會\n\nDr. Lau Kin Wah (Chairman)\n")
    assert lists(text) == [("Executive Directors", ["Mr. Wong Tak Ming", "Ms. Chan Siu Wan"]),
                           ("AUDIT COMMITTEE", ["Dr. Lau Kin Wah"])]
    assert headed_lists(text)[0].entries[0].notes == ("Chairman",)


def test_headings_and_names_run_together() -> None:
    text = ("DIRECTORS Executive Directors Mr. Wong Tak Ming (Chief Executive Officer) Ms. Chan Siu Wan\n"
            "Independent Non-executive Directors Dr. Lau Kin Wah Mr. Ip Chi Keung\n")
    found = headed_lists(text)
    assert [(h.heading, [e.name for e in h.entries]) for h in found] == [
        ("Executive Directors", ["Mr. Wong Tak Ming", "Ms. Chan Siu Wan"]),
        ("Independent Non-executive Directors", ["Dr. Lau Kin Wah", "Mr. Ip Chi Keung"])]
    assert found[0].parents == ("DIRECTORS",)


def test_two_columns_are_read_one_after_the_other() -> None:
    text = ("Executive Directors                      NOMINATION COMMITTEE\n"
            "Mr. Wong Tak Ming                        Dr. Lau Kin Wah (Chairman)\n"
            "Ms. Chan Siu Wan                         Mr. Wong Tak Ming\n"
            "                                         Mr. Ip Chi Keung\n"
            "COMPANY SECRETARY\n"
            "Mr. Ho Kwok Fai\n")
    assert lists(text) == [("Executive Directors", ["Mr. Wong Tak Ming", "Ms. Chan Siu Wan"]),
                           ("COMPANY SECRETARY", ["Mr. Ho Kwok Fai"]),
                           ("NOMINATION COMMITTEE", ["Dr. Lau Kin Wah", "Mr. Wong Tak Ming", "Mr. Ip Chi Keung"])]


def test_names_side_by_side_under_no_known_column_are_not_listed() -> None:
    text = "Executive Directors\nMr. Wong Tak Ming        Ms. Chan Siu Wan\n"
    assert lists(text) == []


def test_plain_names_table_cells_and_ocr_capital_i() -> None:
    text = ("Independent Non-executive Directors\nKelvin Tak Ming WONG\n4/4\nN/A\nMr. lp Chi Keung\n3/4\n")
    assert lists(text) == [("Independent Non-executive Directors", ["Kelvin Tak Ming WONG", "Mr. Ip Chi Keung"])]


def test_prose_and_table_rows_end_a_list() -> None:
    text = ("Audit Committee\nThe Audit Committee met twice during the year.\nMr. Wong Tak Ming\n"
            "Remuneration Committee\nMr. Ip Chi Keung\tC\tM\n")
    assert lists(text) == []


def test_corporate_information_page_gives_directors_officers_and_committees() -> None:
    from extract.board.paragraphs import extract_directorships
    from extract.committees.members import extract_committees
    from extract.officers import extract_officers
    text = (REPORT + "CORPORATE INFORMATION\n\nBOARD OF DIRECTORS\nExecutive Directors\n"
            "Mr. Wong Tak Ming (Chairman)\nNon-executive Director\nMs. Chan Siu Wan\n"
            "Independent Non-executive Directors\nDr. Lau Kin Wah\nMr. Ip Chi Keung\nMs. Yu Wing Sze\n\n"
            "AUDIT COMMITTEE\nDr. Lau Kin Wah (Chairman)\nMr. Ip Chi Keung\n\nCOMPANY SECRETARY\nMr. Ho Kwok Fai\n\n"
            "AUDITOR\nHarbour CPA Limited\n")
    ctx = ctx_for(text, cover="")
    assert [(f.person, f.role, f.as_of) for f in extract_directorships(ctx)] == [
        ("Wong Tak Ming", "executive", None), ("Chan Siu Wan", "non_executive", None),
        ("Lau Kin Wah", "independent_non_executive", None), ("Ip Chi Keung", "independent_non_executive", None),
        ("Yu Wing Sze", "independent_non_executive", None)]
    assert {(f.person, f.title) for f in extract_officers(ctx)} == {
        ("Wong Tak Ming", "chairman"), ("Ho Kwok Fai", "company_secretary")}
    assert {(f.person, f.committee, f.position) for f in extract_committees(ctx) if f.TYPE == "committee_membership"} \
        == {("Lau Kin Wah", "audit", "chair"), ("Ip Chi Keung", "audit", "member")}

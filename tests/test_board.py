"""Board paragraph families: sentences written for each phrasing family, that must and must not match."""
from __future__ import annotations

import pytest

from extract.board.paragraphs import extract_directorships
from extract.context import DocContext
from extract.identity import read_meta
from extract.pipeline import get_nlp
from extract.records import Announcement

COVER = ("ACME WIDGETS CO., LTD.\n(Stock Code: 01234)\n\nBy order of the Board\nAcme Widgets Co., Ltd.\n"
         "Mr. Chan Tai Man\nChairman\n\nHong Kong, 23 March 2026\n\n")


def ctx_for(text: str, cover: str = COVER) -> DocContext:
    announcement = Announcement("t", "t.txt", cover + text, "0", "utf-8")
    return DocContext(announcement=announcement, meta=read_meta(announcement), nlp=get_nlp())


def seats(text: str, cover: str = COVER) -> list[tuple[str, str, bool]]:
    return [(f.person, f.role, f.proposed) for f in extract_directorships(ctx_for(text, cover))]


E, N, I = "executive", "non_executive", "independent_non_executive"


def test_names_then_role_with_semicolons_and_honorifics() -> None:
    text = ("As at the date of this announcement, the Board comprises Mr. Chan Tai Man and Ms. Lee Mei Ling as "
            "executive Directors; Mr. Wong Kwok Keung as non-executive Director; and Dr. Ho Siu Fung, Professor "
            "Lam Wai Ming and Sir David Li Kwok Po as independent non-executive Directors.")
    assert seats(text) == [("Chan Tai Man", E, False), ("Lee Mei Ling", E, False), ("Wong Kwok Keung", N, False),
                           ("Ho Siu Fung", I, False), ("Lam Wai Ming", I, False), ("David Li Kwok Po", I, False)]


def test_enumerated_with_page_break_inside_a_name_and_glued_honorific() -> None:
    text = ("As of the date of this announcement, the board of directors of the Company comprises: (i) Mr. ZHOU \n\n"
            "<<<PAGE 7>>>\n– 7 –\nMinghui and Ms. QIAN Li as executive directors; (ii) Madam SUN Yue as "
            "non-executive director; and (iii) Dr.GU Chunguang and Mrs. Tang Wing as independent non-\n"
            "executive directors.")
    assert seats(text) == [("ZHOU Minghui", E, False), ("QIAN Li", E, False), ("SUN Yue", N, False),
                           ("GU Chunguang", I, False), ("Tang Wing", I, False)]


def test_role_then_names_with_namely_and_inline_titles() -> None:
    text = ("As at the date of this announcement, the Board consists of two executive Directors, namely Mr. Lau "
            "Chi Keung (Chairman) and Mr. Cheung Wai Lun (Chief Executive Officer); one non-executive Director, "
            "namely Ms. Yip Siu Wah; and three independent non-executive Directors, namely Mr. Kwok Ming, Mr. Tam "
            "Ka Fai and Ms. Ng Lai Ying.")
    assert seats(text) == [("Lau Chi Keung", E, False), ("Cheung Wai Lun", E, False), ("Yip Siu Wah", N, False),
                           ("Kwok Ming", I, False), ("Tam Ka Fai", I, False), ("Ng Lai Ying", I, False)]


def test_role_are_names_and_english_forename_after_comma() -> None:
    text = ("As at the date of this announcement, the executive Directors are Mr. Chan Tai Man, Peter and Mr. Lo "
            "Kin Wah; the non-executive Director is Mr. Pang Ho; and the independent non-executive Directors are "
            "Mr. Yuen Chi Ming, Ms. So Mei Kuen and Mr. Au Yeung Tak.")
    assert seats(text) == [("Chan Tai Man, Peter", E, False), ("Lo Kin Wah", E, False), ("Pang Ho", N, False),
                           ("Yuen Chi Ming", I, False), ("So Mei Kuen", I, False), ("Au Yeung Tak", I, False)]


def test_names_without_honorifics_and_alias() -> None:
    text = ("At the date of this announcement, the Board comprises Tse Wing Hong (alias Tommy Tse) and Fung Siu "
            "Ling as executive Directors and Kwan Chi Wai as independent non-executive Director.")
    assert seats(text) == [("Tse Wing Hong", E, False), ("Fung Siu Ling", E, False), ("Kwan Chi Wai", I, False)]


def test_being_family_and_proposed_directors() -> None:
    text = ("As at the date of this announcement, the Board comprises Mr. Ma Jun (Chairman) and Mr. Li Gang, "
            "being executive Directors, and Mr. He Bin and Ms. Luo Fang, being the proposed independent "
            "non-executive Directors.")
    assert seats(text) == [("Ma Jun", E, False), ("Li Gang", E, False), ("He Bin", I, True), ("Luo Fang", I, True)]


def test_title_before_role_for_a_single_name() -> None:
    text = ("As at the date of this announcement, the Board comprises Mr. Guo Qiang as the chairman and executive "
            "Director, Ms. Lin Na as executive Director and Mr. Deng Hui as the proposed independent "
            "non-executive Director.")
    assert seats(text) == [("Guo Qiang", E, False), ("Lin Na", E, False), ("Deng Hui", I, True)]


def test_names_listed_one_per_line_under_role_headings() -> None:
    text = ("As at the date of this announcement, the Board comprises:\nExecutive Directors:\nWang Jian\nLiu Fang\n\n"
            "Independent non-executive Directors:\nMr. Sun Hao\nDr. Zhao Lei\n")
    assert seats(text) == [("Wang Jian", E, False), ("Liu Fang", E, False), ("Sun Hao", I, False),
                           ("Zhao Lei", I, False)]


@pytest.mark.parametrize("text", [
    "As at the date of this announcement, the total number of issued Shares of the Company is 1,200,000,000.",
    "Following the re-designation, the Board will comprise Mr. Pan Wei as executive Director.",
    "As at the date of this announcement, the Board comprises nine Directors, including three independent "
    "non-executive Directors.",
    "As at the date of this announcement, the Directors are Mr. Hu Jun, Mr. Xu Bin and Ms. Yang Lin.",
])
def test_paragraphs_that_state_no_director_by_role(text: str) -> None:
    assert seats(text) == []


def test_other_bodies_in_the_paragraph_are_not_directors() -> None:
    text = ("As at the date of this announcement, the Board comprises two executive Directors, namely Mr. Wu Hao "
            "and Mr. Zhou Yi; and the supervisory committee comprises Mr. Qin Lei and Ms. Bai Lu.")
    assert seats(text) == [("Wu Hao", E, False), ("Zhou Yi", E, False)]


def test_one_word_names_are_skipped_not_guessed() -> None:
    ctx = ctx_for("As at the date of this announcement, the Board comprises Mr. Zhang and Mr. Li Wei as "
                  "executive Directors.")
    assert [f.person for f in extract_directorships(ctx)] == ["Li Wei"]
    assert any("Mr. Zhang" in s.reason for s in ctx.skipped)


def test_bare_names_on_two_lines_in_prose_are_skipped() -> None:
    ctx = ctx_for("As at the date of this announcement, the Board comprises Wang Jian\nLiu Fang and Zhou Ping as "
                  "executive Directors.")
    assert [f.person for f in extract_directorships(ctx)] == ["Zhou Ping"]


def test_no_issuer_or_date_means_no_directorship() -> None:
    ctx = ctx_for("As at the date of this announcement, the Board comprises Mr. Ho Man Kit as executive Director.",
                  cover="")
    assert extract_directorships(ctx) == []
    assert ctx.skipped


def test_facts_carry_issuer_date_and_paragraph_evidence() -> None:
    ctx = ctx_for("Intro.\n\nAs at the date of this announcement, the Board comprises Mr. Ho Man Kit as executive "
                  "Director and Ms. Ng Ka Yan as independent non-executive Director.\n\nOther text.")
    facts = extract_directorships(ctx)
    assert {f.company for f in facts} == {"Acme Widgets Co., Ltd."}
    assert {f.as_of for f in facts} == {"2026-03-23"}
    quote = facts[0].evidence.quote
    assert quote.startswith("As at the date") and quote.endswith("Director.")
    assert ctx.text[facts[0].evidence.start:facts[0].evidence.end].startswith("As at the date")


def test_role_comma_names_with_post_nominals() -> None:
    text = ("As at the date of this announcement, the board of directors of the Company comprises executive "
            "directors, Mr. Hui Chi Kit, Dr. Lee Ka Shing, GBM, JP and Mr. Wu Ping, and independent non-executive "
            "directors, Mr. Chan Siu Ming, SBS, Ms. Ip Bo Yue, Stephanie and Mr. Au Wing.")
    assert seats(text) == [("Hui Chi Kit", E, False), ("Lee Ka Shing", E, False), ("Wu Ping", E, False),
                           ("Chan Siu Ming", I, False), ("Ip Bo Yue, Stephanie", I, False), ("Au Wing", I, False)]


def test_each_role_in_the_name_parenthesis() -> None:
    text = ("As at the date of this announcement, the Board comprises Mr. Yeung Kin Man (Chairman and Executive "
            "Director), Mr. Lo Chun Kit (Non-executive Director) and Dr. Fan Yu (Independent Non-executive "
            "Director).")
    assert seats(text) == [("Yeung Kin Man", E, False), ("Lo Chun Kit", N, False), ("Fan Yu", I, False)]


def test_a_parenthesis_stating_a_change_is_no_role() -> None:
    ctx = ctx_for("As at the date of this announcement, the Board comprises Ms. Cheng Wai Han (re-designated from "
                  "executive Director to non-executive Director) and Mr. Ko Sai (Independent Non-executive "
                  "Director).")
    assert [(f.person, f.role) for f in extract_directorships(ctx)] == [("Ko Sai", I)]
    assert any("Cheng Wai Han" in s.reason for s in ctx.skipped)


def test_counted_groups_with_namely_are_read_role_first() -> None:
    text = ("As at the date of this announcement, the Board comprises eight Directors, of which two are executive "
            "Directors, namely Mr. Kong Wei and Mr. Shi Lei; one is a non-executive Director, namely Ms. Pan Yu; "
            "and two are independent non-executive Directors, namely Mr. Tang Bo and Ms. Hu Die.")
    assert seats(text) == [("Kong Wei", E, False), ("Shi Lei", E, False), ("Pan Yu", N, False),
                           ("Tang Bo", I, False), ("Hu Die", I, False)]


def test_who_are_family_and_initials() -> None:
    text = ("As at the date of this announcement, the Board comprises Mr. Victor T.K. Li and Mr. Shi Lei, who are "
            "executive Directors; and Ms. Hu Die, who is an independent non-executive Director.")
    assert seats(text) == [("Victor T.K. Li", E, False), ("Shi Lei", E, False), ("Hu Die", I, False)]


def test_flattened_paragraph_ends_at_its_sentence() -> None:
    text = ("As at the date of this announcement, the executive Directors are Mr. Kam Hing Lam and Mr. Shi Lei; "
            "and the independent non-executive Directors are Mr. Ho Man Kit and Ms. Lee Wai Mun. Hong Kong, "
            "23 March 2026. * For identification purposes only")
    assert seats(text) == [("Kam Hing Lam", E, False), ("Shi Lei", E, False), ("Ho Man Kit", I, False),
                           ("Lee Wai Mun", I, False)]


# --- Rosters under role headings -------------------------------------------------------------------------

LIST_COVER = ("NORTHWIND LOGISTICS HOLDINGS LIMITED\n(Stock Code: 8821)\n")


def test_list_of_directors_announcement_reads_headed_roster_as_of_its_date() -> None:
    text = ("List of Directors and their Role and Function\n"
            "The board of directors of Northwind Logistics Holdings Limited is set out as follows:\n\n"
            "Executive Directors:\nMr. Leung Wai Kit (Chairman of the Board) 梁偉傑\nMs. Szeto Ka Man (Vice Chairman)\n\n"
            "Chairman and Non-executive Director\nDr. Mak Yiu Fai\n\n"
            "Independent non-executive directors:\nMr. Yip Chun Hei\nMs. Koo Hoi Ying, Gloria\n\n"
            "The Board has established three committees. The table below sets out the membership.\n"
            "Mr. Leung Wai Kit\tC\tM\n\nHong Kong, 2 April 2026\n")
    ctx = ctx_for(text, cover=LIST_COVER)
    facts = extract_directorships(ctx)
    assert [(f.person, f.role, f.as_of) for f in facts] == [
        ("Leung Wai Kit", E, "2026-04-02"), ("Szeto Ka Man", E, "2026-04-02"), ("Mak Yiu Fai", N, "2026-04-02"),
        ("Yip Chun Hei", I, "2026-04-02"), ("Koo Hoi Ying, Gloria", I, "2026-04-02")]
    from extract.officers import extract_officers
    assert {(f.person, f.title) for f in extract_officers(ctx)} >= {
        ("Leung Wai Kit", "chairman"), ("Szeto Ka Man", "vice_chairman"), ("Mak Yiu Fai", "chairman")}


def test_headed_roster_without_a_lead_is_read_by_its_structure() -> None:
    text = ("CORPORATE INFORMATION\nBoard of Directors\nExecutive Directors\nMr. Leung Wai Kit (Chairman)\n"
            "Independent Non-executive Directors\nMr. Yip Chun Hei\n")
    assert seats(text) == [("Leung Wai Kit", E, False), ("Yip Chun Hei", I, False)]


REPORT_COVER = "LANTAU PEARL GROUP LIMITED\nAnnual Report 2025\n"


def report_seats(text: str) -> list[tuple[str, str, str | None]]:
    ctx = ctx_for(text, cover=REPORT_COVER)
    return [(f.person, f.role, f.as_of) for f in extract_directorships(ctx)]


def test_directors_report_roster_keeps_only_directors_in_office_at_the_report_date() -> None:
    text = ("DIRECTORS' REPORT\nDIRECTORS\nThe directors of the Company who held office during the year ended "
            "31 December 2025 and up to the date of this report are as follows:\n\n"
            "Executive Directors\nMr. Tong Siu Fai (Chief Executive Officer)\n"
            "Mr. Lo Ka Chun (appointed with effect from 1 March 2025)\n"
            "Ms. Yau Wing Sze (re-designated as non-executive Director on 1 June 2025)\n\n"
            "<<<PAGE 41>>>\nLANTAU PEARL GROUP LIMITED\nAnnual Report 2025\n41\n"
            "Independent Non-executive Directors\nDr. Fok Chi Wah\nMr. Chiu Ho Yin (retired by rotation on 6 June 2025)\n"
            "Ms. Lai Sze Nga (ceased to be a Director on 30 September 2025)\n\n"
            "Pursuant to the articles of association, Mr. Tong Siu Fai will retire at the forthcoming annual general "
            "meeting.\n\nFor and on behalf of the Board\nTong Siu Fai\nChief Executive Officer\n\n"
            "Hong Kong\n18 March 2026\n")
    assert report_seats(text) == [("Tong Siu Fai", E, "2026-03-18"), ("Lo Ka Chun", E, "2026-03-18"),
                                  ("Fok Chi Wah", I, "2026-03-18")]


def test_directors_report_roster_without_a_signed_date_is_stated_as_of_no_date() -> None:
    text = ("REPORT OF THE DIRECTORS\nDuring the year and up to the date of this report, the Directors were:\n"
            "Executive Directors\nMr. Tong Siu Fai\nIndependent Non-executive Directors\nDr. Fok Chi Wah\n\n"
            "The Company has received confirmations of independence.\n")
    ctx = ctx_for(text, cover=REPORT_COVER)
    assert [(f.person, f.role, f.as_of) for f in extract_directorships(ctx)] == [
        ("Tong Siu Fai", E, None), ("Fok Chi Wah", I, None)]


def test_directors_report_note_not_understood_skips_that_director_only() -> None:
    text = ("The Directors during the year and up to the date of this report were:\nExecutive Directors\n"
            "Mr. Tong Siu Fai (re-elected at the AGM)\nMr. Lo Ka Chun\n\nOn behalf of the Board\nTong Siu Fai\n"
            "Chairman\nHong Kong, 18 March 2026\n")
    ctx = ctx_for(text, cover=REPORT_COVER)
    assert [f.person for f in extract_directorships(ctx)] == ["Lo Ka Chun"]
    assert any("re-elected" in s.reason for s in ctx.skipped)


def test_undated_board_paragraph_of_a_report_gives_directorships_as_of_no_date() -> None:
    text = ("CORPORATE GOVERNANCE REPORT\nThe Board presently consists of two executive Directors, namely Mr. Tong "
            "Siu Fai (Chairman) and Ms. Yau Wing Sze (President), and one independent non-executive Director, "
            "namely Dr. Fok Chi Wah.\n")
    ctx = ctx_for(text, cover=REPORT_COVER)
    assert {(f.person, f.as_of) for f in extract_directorships(ctx)} == {
        ("Tong Siu Fai", None), ("Yau Wing Sze", None), ("Fok Chi Wah", None)}
    from extract.officers import extract_officers
    assert [(f.person, f.title, f.as_of) for f in extract_officers(ctx)] == [
        ("Tong Siu Fai", "chairman", None), ("Yau Wing Sze", "president", None)]


def test_list_of_directors_named_in_a_sentence_is_not_a_roster_title() -> None:
    text = ("The Company will publish an updated\nlist of directors and their roles and functions on the website of "
            "the Stock Exchange.\nExecutive Directors\nMr. Leung Wai Kit\n")
    ctx = ctx_for(text, cover=LIST_COVER + "\nHong Kong, 2 April 2026\n")
    from extract.board.rosters import ROSTER_TITLE
    assert not ROSTER_TITLE.search(ctx.text)
    # the heading over the name still states the seat, by its structure
    assert [(f.person, f.role) for f in extract_directorships(ctx)] == [("Leung Wai Kit", E)]


def test_roster_ends_before_place_and_date_lines_and_corporate_information_headings() -> None:
    text = ("LIST OF DIRECTORS AND THEIR ROLES AND FUNCTIONS\nExecutive Director\nMr. Leung Wai Kit\n"
            "Independent Non-executive Director\nYip Chun Hei\nHong Kong\n2 April 2026\n")
    assert seats(text, cover=LIST_COVER + "Hong Kong, 2 April 2026\n") == [("Leung Wai Kit", E, False), ("Yip Chun Hei", I, False)]
    text = ("LIST OF DIRECTORS AND THEIR ROLES AND FUNCTIONS\nExecutive Directors\nMr. Leung Wai Kit\n"
            "Authorised Representatives\nMr. Leung Wai Kit\n\nHong Kong, 2 April 2026\n")
    assert seats(text, cover=LIST_COVER) == [("Leung Wai Kit", E, False)]


# --- Role tables: one column per role -------------------------------------------------------------------


def test_role_table_columns_with_empty_cells_and_inline_titles() -> None:
    text = ("As at the date of this announcement, the Board is made up of the following Directors:\n"
            "Executive Directors\tNon-executive Directors\tIndependent Non-executive Directors\n"
            "Ms. Fung Wai Man (Chairlady)\t\tDr. Kan Tak Ming\n"
            "\tMr. Yeung Chi Fai\tMs. Lo Sau Ling\n"
            "Mr. Pun Kin Wah (Chief Executive Officer)\n")  # trailing empty cells dropped: the first column
    ctx = ctx_for(text)
    assert [(f.person, f.role) for f in extract_directorships(ctx)] == [
        ("Fung Wai Man", E), ("Kan Tak Ming", I), ("Yeung Chi Fai", N), ("Lo Sau Ling", I), ("Pun Kin Wah", E)]
    from extract.officers import extract_officers
    assert {(f.person, f.title) for f in extract_officers(ctx)} >= {
        ("Fung Wai Man", "chairman"), ("Pun Kin Wah", "chief_executive")}


def test_role_table_after_a_list_of_directors_title() -> None:
    text = ("LIST OF DIRECTORS AND THEIR ROLES AND FUNCTIONS\nThe members of the board of directors are set out below.\n"
            "Executive Director\tIndependent Non-executive Directors\nMr. Leung Wai Kit\tMr. Yip Chun Hei\n"
            "\tMs. Koo Hoi Ying\n\nHong Kong, 2 April 2026\n")
    assert seats(text, cover=LIST_COVER) == [("Leung Wai Kit", E, False), ("Yip Chun Hei", I, False),
                                             ("Koo Hoi Ying", I, False)]


@pytest.mark.parametrize("table", [
    # Columns laid out with spaces, a name starting under no heading: its column is not known.
    "Executive Directors    Non-executive Director    Independent Non-executive Directors\n"
    "Mr. Wu Kai Ming                              Ms. Tse Wing Yan\n",
    # A header that is not made only of roles (a committee table).
    "Director\tAudit Committee\tRemuneration Committee\nMr. Wu Kai Ming\tC\tM\n",
])
def test_tables_whose_columns_are_not_roles_or_not_tab_separated_give_no_directorship(table: str) -> None:
    text = "As at the date of this announcement, the Board consists of the following members:\n" + table
    assert seats(text) == []


def test_role_table_laid_out_with_spaces_maps_each_name_to_the_heading_above_it() -> None:
    text = ("As at the date of this announcement, the Board is composed of:\n\n"
            "Executive Directors:          Independent Non-executive Directors:\n"
            "Ms. Ho Wing Sze (Chairlady)   Dr. Tam Chi Kwong\n"
            "Mr. Lam Yat Fung              Mr. Szeto Kin, BBS\n"
            "                              Ms. Auyeung Mei\n"
            "Non-executive Director:\n"
            "Mr. Kot Siu Lun\n")
    ctx = ctx_for(text)
    assert [(f.person, f.role) for f in extract_directorships(ctx)] == [
        ("Ho Wing Sze", E), ("Tam Chi Kwong", I), ("Lam Yat Fung", E), ("Szeto Kin", I), ("Auyeung Mei", I),
        ("Kot Siu Lun", N)]
    from extract.officers import extract_officers
    assert ("Ho Wing Sze", "chairman") in {(f.person, f.title) for f in extract_officers(ctx)}


@pytest.mark.parametrize("layout", [
    # Spaced table, a name under no heading (one space right of the second column): the whole table is skipped.
    "the Board comprises:\nExecutive Director     Independent Non-executive Directors\n"
    "Mr. Fok Hing Wai        Mr. Yau Ming Tak\n",
    # Headings on their own lines, but a row with two names side by side: their columns are not known.
    "the Board comprises:\nExecutive Directors:\nMr. Fok Hing Wai\t\tMr. Yau Ming Tak\n"
    "Independent Non-executive Directors:\nMs. Lui Oi Ling\n",
])
def test_board_in_columns_whose_column_is_not_known_is_skipped_not_guessed(layout: str) -> None:
    ctx = ctx_for("As at the date of this announcement, " + layout)
    facts = extract_directorships(ctx)
    assert not any(f.person in ("Fok Hing Wai", "Yau Ming Tak") for f in facts)
    assert ctx.skipped


def test_role_table_cell_with_a_change_note_or_too_many_cells_is_not_read() -> None:
    text = ("As at the date of this announcement, the Board comprises the following Directors:\n"
            "Executive Directors\tIndependent Non-executive Directors\n"
            "Mr. Wu Kai Ming (resigned on 1 May 2026)\tMs. Tse Wing Yan\n"
            "Mr. Ip Ho Yin\tMs. Chow Ka Yee\tMr. Extra Column Man\n"
            "Mr. After Table Man\tMs. Never Read\n")
    assert seats(text) == [("Tse Wing Yan", I, False)]


# --- Office labels: `Chairman: Mr. A (non-executive Director)` ---------------------------------------------


def test_office_labels_take_the_role_of_the_parenthesis_and_give_the_title() -> None:
    text = ("As at the date of this announcement, the board of Directors comprises:\n"
            "Executive Directors: Mr. Wan Chi Hang and Ms. Lui Ka Yan\n"
            "Chairman and Chief Executive Officer: Dr. Kwan Siu Lun (executive Director)\n"
            "Vice Chairman: Mr. Tsoi Wai (Non-executive Director)\n"
            "Independent Non-executive Directors: Mr. Mok Hon Sing and Ms. Fan Yee\n")
    ctx = ctx_for(text)
    assert [(f.person, f.role) for f in extract_directorships(ctx)] == [
        ("Wan Chi Hang", E), ("Lui Ka Yan", E), ("Kwan Siu Lun", E), ("Tsoi Wai", N), ("Mok Hon Sing", I),
        ("Fan Yee", I)]
    from extract.officers import extract_officers
    assert {(f.person, f.title) for f in extract_officers(ctx)} >= {
        ("Kwan Siu Lun", "chairman"), ("Kwan Siu Lun", "chief_executive"), ("Tsoi Wai", "vice_chairman")}


def test_office_labels_without_a_single_role_give_no_directorship() -> None:
    text = ("As at the date of this announcement, the Board comprises:\n"
            "Chairman: Mr. Wan Chi Hang\n"  # no role stated for him: not guessed from the next group
            "Company Secretary: Ms. Lui Ka Yan\n"
            "President: Mr. Tsoi Wai (executive Director and independent non-executive Director)\n"
            "Executive Director: Ms. Fan Yee\n")
    assert seats(text) == [("Fan Yee", E, False)]


def test_label_that_is_not_an_office_makes_the_paragraph_unread() -> None:
    text = ("As at the date of this announcement, the Board comprises:\n"
            "Founder and adviser: Mr. Wan Chi Hang (executive Director)\n"
            "Independent non-executive Directors: Mr. Mok Hon Sing\n")
    assert ("Wan Chi Hang", E, False) not in seats(text)


REPORT_COVER = "Kowloon Bay Holdings Limited 九龍灣控股有限公司 | Annual Report 2024\n\nCORPORATE GOVERNANCE REPORT\n\n"


def test_role_table_then_a_one_column_section() -> None:
    text = ("As at the date of this announcement, the Board comprises:\n"
            "Executive Directors:\tIndependent Non-executive Directors:\n"
            "Mr. Tam Kwok Fai (Chairman)\tMs. Yiu Wing Sze\n"
            "Ms. Cheng Lai Ha\tDr. Kwan Hon Ming\n"
            "Non-executive Directors:\nMr. Pun Chi Wai\nMs. Ho Yee Man\n")
    assert seats(text) == [("Tam Kwok Fai", E, False), ("Yiu Wing Sze", I, False), ("Cheng Lai Ha", E, False),
                           ("Kwan Hon Ming", I, False), ("Pun Chi Wai", N, False), ("Ho Yee Man", N, False)]


def test_role_table_then_body_text_reads_the_table_only() -> None:
    text = ("As at the date of this announcement, the Board comprises:\n"
            "Executive Directors:\tIndependent Non-executive Directors:\n"
            "Mr. Tam Kwok Fai\tMs. Yiu Wing Sze\n"
            "The non-executive Director appointed last year, Mr. Pun Chi Wai, retired.\nMr. Ho Yee Man\n")
    assert seats(text) == [("Tam Kwok Fai", E, False), ("Yiu Wing Sze", I, False)]


def test_lead_to_colon_then_roster_under_headings_without_colons() -> None:
    text = ("As at the date of this announcement, the Board consists of five Directors, comprising two executive\n"
            "Directors, one non-executive Director and two independent non-executive Directors:\n"
            "Executive Directors\nMr. Tam Kwok Fai (Chairman)\nMs. Cheng Lai Ha\nNon-executive Director\n"
            "Mr. Pun Chi Wai\nIndependent non-executive Directors\nIr Dr. Kwan Hon Ming\nMs. Yiu Wing Sze\n"
            "董事會組成\n")
    assert seats(text) == [("Tam Kwok Fai", E, False), ("Cheng Lai Ha", E, False), ("Pun Chi Wai", N, False),
                           ("Kwan Hon Ming", I, False), ("Yiu Wing Sze", I, False)]


def test_engineer_honorific_in_a_names_list() -> None:
    text = ("As at the date of this announcement, the Board comprises Mr. Tam Kwok Fai as executive Director, and "
            "Ir Dr. Kwan Hon Ming, Ir Lo Chun Yip and Ms. Yiu Wing Sze as independent non-executive Directors.")
    assert seats(text) == [("Tam Kwok Fai", E, False), ("Kwan Hon Ming", I, False), ("Lo Chun Yip", I, False),
                           ("Yiu Wing Sze", I, False)]


@pytest.mark.parametrize("text", [
    "As at the date of this announcement, the Audit Committee comprises three members, namely Mr. Tam Kwok Fai "
    "(chairman), Ms. Yiu Wing Sze and Dr. Kwan Hon Ming, all being independent non-executive Directors.",
    "As at the date of this announcement, the Nomination Committee consists of the following Directors:\n"
    "Executive Director\nMr. Tam Kwok Fai (Chairman)\nIndependent non-executive Directors\nMs. Yiu Wing Sze\n",
])
def test_a_committee_paragraph_is_not_the_board(text: str) -> None:
    assert seats(text) == []


@pytest.mark.parametrize("text", [
    "The Board comprises the following Directors:\nExecutive Directors\nMr. Tam Kwok Fai (Chairman)\n"
    "Independent Non-executive Directors\nMs. Yiu Wing Sze\n",
    "As at the date of this annual report, the Board comprises:\nExecutive Directors\nMr. Tam Kwok Fai (Chairman)\n"
    "Independent Non-executive Directors\nMs. Yiu Wing Sze\n",
    "During the year ended 31 December 2024 and up to the date of this report, the Board comprised the following "
    "Directors:\nExecutive Directors:\nMr. Tam Kwok Fai (Chairman)\nIndependent non-executive Directors:\n"
    "Ms. Yiu Wing Sze\n",
])
def test_a_report_board_without_a_date_is_stated_as_of_no_date(text: str) -> None:
    facts = extract_directorships(ctx_for(text, REPORT_COVER))
    assert [(f.person, f.role, f.as_of) for f in facts] == [("Tam Kwok Fai", E, None), ("Yiu Wing Sze", I, None)]


def test_headings_side_by_side_give_each_name_the_heading_of_its_column() -> None:
    # After a lead without colon the prose reader would give the left names the right heading's role; the
    # columns, aligned under their headings, say whose heading each name is under.
    text = ("As at the date of this announcement, the Board comprises the following Directors\n"
            "Executive Directors     Independent Non-executive Directors\n"
            "Mr. Fok Hing Wai        Mr. Yau Ming Tak\nMs. Lui Oi Ling\n")
    assert sorted(seats(text)) == [("Fok Hing Wai", E, False), ("Lui Oi Ling", E, False), ("Yau Ming Tak", I, False)]

"""Officer families: signature blocks, board paragraph inline titles, appositions, statement signatures."""
from __future__ import annotations

import pytest

from extract.context import DocContext
from extract.identity import read_meta
from extract.officers import extract_officers
from extract.pipeline import get_nlp
from extract.records import Announcement

COVER = "ACME WIDGETS CO., LTD.\n(Stock Code: 01234)\n\n"


def ctx_for(text: str) -> DocContext:
    announcement = Announcement("t", "t.txt", COVER + text, "0", "utf-8")
    return DocContext(announcement=announcement, meta=read_meta(announcement), nlp=get_nlp())


def held(text: str) -> list[tuple[str, str]]:
    return [(f.person, f.title) for f in extract_officers(ctx_for(text))]


def test_signature_titles_over_two_lines() -> None:
    text = ("By order of the Board\nAcme Widgets Co., Ltd.\nMr. CHAN Tai Man\nChairman of the Board, Executive "
            "Director and \nChief Executive Officer\nHong Kong, 23 March 2026\n")
    facts = extract_officers(ctx_for(text))
    assert [(f.person, f.title, f.as_of) for f in facts] == [("CHAN Tai Man", "chairman", "2026-03-23"),
                                                             ("CHAN Tai Man", "chief_executive", "2026-03-23")]
    assert facts[0].company == "Acme Widgets Co., Ltd."


def test_signature_with_chinese_name_line_and_general_manager() -> None:
    text = ("By Order of the Board\nAcme Widgets Co., Ltd.\n愛克米股份有限公司\nLi Ming\nChairperson, Executive "
            "Director and General Manager\n\nShenzhen, the PRC\nJune 7, 2024\n")
    assert held(text) == [("Li Ming", "chairman"), ("Li Ming", "general_manager")]


def test_signature_of_a_director_without_office() -> None:
    text = "By order of the Board\nAcme Widgets Co., Ltd.\nLei Yang\nExecutive Director\nHong Kong, 9 February 2026\n"
    assert held(text) == []


def test_inline_titles_of_the_board_paragraph() -> None:
    text = ("By order of the Board\nAcme Widgets Co., Ltd.\nLin Hui\nChairman\n\nFuzhou, the PRC, February 21, 2025\n\n"
            "As at the date of this announcement, the Board comprises three executive Directors, namely Mr. Lin "
            "Hui (Chairman), Mr. Chen Qi (President) and Mr. Zheng Bin; and two independent non-executive "
            "Directors, namely Ms. Ke Li and Mr. Chow Siu Lun.")
    assert held(text) == [("Lin Hui", "chairman"), ("Chen Qi", "president")]


def test_notes_with_several_titles_and_joint_company_secretary() -> None:
    text = ("Note 5. Mr. Ho Wing Kei is the chief financial officer, secretary of the Board and joint company "
            "secretary of the Company.")
    facts = extract_officers(ctx_for(text))
    assert [(f.person, f.title, f.title_as_written) for f in facts] == [
        ("Ho Wing Kei", "chief_financial_officer", "the chief financial officer"),
        ("Ho Wing Kei", "other", "secretary of the Board"),
        ("Ho Wing Kei", "company_secretary", "joint company secretary of the Company")]


def test_enumerated_notes_stop_at_each_person() -> None:
    text = ("(ii) Dr. Yu Kin Ming, an executive Director and president of the Company; (iii) Mr. Zhu Long Wei, "
            "vice president of the Company; and (iv) Mr. Peng Haoran (\"Mr. Peng\"), an executive Director and "
            "the general manager of the Company, informed the Company.")
    assert held(text) == [("Yu Kin Ming", "president"), ("Zhu Long Wei", "other"),
                          ("Peng Haoran", "general_manager")]


def test_biography_apposition_and_statement_signature() -> None:
    text = ("The ESG Committee is chaired by Mr. Cai Wen Bao, the Chairman of the Board, and comprises Mrs. Cao "
            "Ying, an independent non-executive director.\n\nCo-founder, Chairman and CEO\n\nMr. Cai Wen Bao\n\n"
            "March 2025\n")
    assert held(text) == [("Cai Wen Bao", "chairman"), ("Cai Wen Bao", "chief_executive")]


@pytest.mark.parametrize("text", [
    "Mr. Fok Man Chun, the chairman of the meeting, declared the resolution passed.",
    "Ms. Lai Wing Sze, the spouse of the chairman of the Board, holds 1,000 Shares.",
    "Mr. Tsang Wai Keung has resigned as the chief executive officer with effect from 1 April 2026.",
    "Mr. Tsang Wai Keung, the chief executive officer, has tendered his resignation.",
    "Mr. Ko Ping Fai, the former chairman of the Board, attended the meeting.",
    "(i) Mr. Zhang, the founder, executive Director, chairman of the Board and chief executive officer;",
    "Mr. Ng Chi Ho, Chairman of the Audit Committee, reported to the Board.",
])
def test_statements_that_do_not_make_an_officer(text: str) -> None:
    assert held(text) == []


def test_the_person_named_in_apposition_gets_the_title_not_the_relative() -> None:
    text = "Mr. Kwan Ho Yin, the son of Mr. Lee Ming Kit, the chairman of the Board, holds 500 Shares."
    assert held(text) == [("Lee Ming Kit", "chairman")]


def test_one_fact_per_person_and_title_across_sources() -> None:
    text = ("Mr. Chan Chan Kit is a member of the Single Largest Group of Shareholders, the chairman of the Board, "
            "a founder and an executive Director and the general manager of the Company.\n\n"
            "By order of the Board\nAcme Widgets Co., Ltd.\nMr. CHAN Chan Kit\nChairman and Executive Director\n"
            "Hong Kong, March 27, 2026\n")
    assert held(text) == [("CHAN Chan Kit", "chairman"), ("Chan Chan Kit", "general_manager")]


def test_a_committee_roster_is_not_a_signature() -> None:
    text = "Audit Committee\n\nChairman\nMr. Ng Chi Ho\n\nMember\nMs. Lo Wai Han\n\nThe committee met twice."
    assert held(text) == []


def test_letter_signature_name_then_title_then_place_and_date() -> None:
    text = "Chairman's Statement\n\nWe thank our staff.\n\nMr. Lo Wai Han\nChairman\n\nHong Kong, 28 March 2025\n"
    assert held(text) == [("Lo Wai Han", "chairman")]


# --- Appointment sentences, title-first sentences, Chairlady, forename after comma -----------------------

DATED = "\n\nHong Kong, 23 March 2026\n"


def test_appointment_in_force_at_the_document_date() -> None:
    text = ("The Board announces that Mr. Lam Chi Wai (\"Mr. Lam\") has been appointed as an executive Director "
            "and the chief financial officer of the Company with effect from 1 March 2026. Ms. Ko Pui Yee has "
            "been appointed as joint company secretary on 20 March 2026." + DATED)
    facts = extract_officers(ctx_for(text))
    assert [(f.person, f.title, f.as_of) for f in facts] == [
        ("Lam Chi Wai", "chief_financial_officer", "2026-03-23"), ("Ko Pui Yee", "company_secretary", "2026-03-23")]


@pytest.mark.parametrize("sentence", [
    "Mr. Lam Chi Wai has been appointed as the chief financial officer with effect from 1 May 2026.",  # future
    "Mr. Lam Chi Wai will be appointed as the chief financial officer with effect from 1 March 2026.",
    "Mr. Lam Chi Wai has resigned as the company secretary with effect from 1 March 2026.",
    "Mr. Lam Chi Wai has been appointed as the chairman of the Audit Committee.",
    "Mr. Lam Chi Wai has been appointed as the company secretary, subject to the approval of the Stock Exchange.",
    "Mr. Lam Chi Wai has been appointed as the company secretary with effect from the conclusion of the AGM.",
    "Mr. Lam Chi Wai has been appointed as a member of the Remuneration Committee.",
])
def test_appointments_not_in_force_or_not_an_office(sentence: str) -> None:
    assert held(sentence + DATED) == []


def test_appointment_with_effective_date_but_no_document_date_is_skipped() -> None:
    ctx = ctx_for("Ms. Ko Pui Yee has been appointed as the company secretary with effect from 1 March 2026.")
    assert extract_officers(ctx) == []
    assert ctx.skipped


def test_title_stated_before_its_holders() -> None:
    text = ("COMPANY SECRETARIES\nThe joint company secretaries of the Company are Mr. Hui Kwok Leung and Ms. Tse "
            "Mei Ki. The chief executive officer of the Company is Dr. Ng Chun Yip, who joined the Group in 2012.")
    assert held(text) == [("Hui Kwok Leung", "company_secretary"), ("Tse Mei Ki", "company_secretary"),
                          ("Ng Chun Yip", "chief_executive")]


@pytest.mark.parametrize("text", [
    "The chairman of the meeting is Mr. Hui Kwok Leung.",
    "The company secretary of the Company was Mr. Hui Kwok Leung until 2024.",
    "The spouse of the chairman is Ms. Tse Mei Ki.",
    "The company secretary of a subsidiary is Ms. Tse Mei Ki.",
])
def test_title_first_sentences_that_state_no_office_of_the_issuer(text: str) -> None:
    assert held(text) == []


def test_chairlady_signature() -> None:
    text = ("By order of the Board\nAcme Widgets Co., Ltd.\nMs. Kwan Lai Ping\nChairlady of the Board and Executive "
            "Director\nHong Kong, 23 March 2026\n")
    assert held(text) == [("Kwan Lai Ping", "chairman")]


def test_signature_name_with_english_forename_after_comma() -> None:
    text = ("By order of the Board\nAcme Widgets Co., Ltd.\nLee Ka Wing, Kelvin\nExecutive Director and Chief "
            "Executive Officer\nHong Kong, 23 March 2026\n")
    assert held(text) == [("Lee Ka Wing, Kelvin", "chief_executive")]


def test_appointment_titles_stop_at_a_committee_seat() -> None:
    text = ("Mr. Ip Chi Ming has been appointed as the chairman of the Board and a member of the Nomination "
            "Committee, and Ms. Ho Yan Yan has been appointed as the chairman of the Nomination Committee and "
            "chief executive officer." + DATED)
    assert held(text) == [("Ip Chi Ming", "chairman")]


# --- Shared appointments and surname-only appositions ------------------------------------------------------


def test_several_people_appointed_to_a_joint_title_each_hold_it() -> None:
    text = ("The Board is pleased to announce that Ms. Kwok Sau Lan (\"Ms. Kwok\"), Mr. Fu Chun Wai and\nMr. Ip Tak "
            "Ming have been appointed as joint company secretaries of the Company with effect from 2 March 2026."
            + DATED)
    assert held(text) == [("Kwok Sau Lan", "company_secretary"), ("Fu Chun Wai", "company_secretary"),
                          ("Ip Tak Ming", "company_secretary")]


@pytest.mark.parametrize("sentence", [
    # One title each: which is whose is not read.
    "Mr. Fu Chun Wai and Ms. Kwok Sau Lan have been appointed as the chairman and the chief executive officer "
    "of the Company, respectively.",
    # A single title for two people without `joint`: not read.
    "Mr. Fu Chun Wai and Ms. Kwok Sau Lan have been appointed as the chief financial officer.",
    # Two people, an appointment not yet in force.
    "Mr. Fu Chun Wai and Ms. Kwok Sau Lan have been appointed as joint company secretaries with effect from "
    "1 June 2026.",
])
def test_shared_appointments_not_read(sentence: str) -> None:
    assert held(sentence + DATED) == []


def test_surname_apposition_resolved_to_the_one_full_name() -> None:
    text = ("Mr. Shum Ka Fai (\"Mr. Shum\") has been appointed as an executive Director.\nMr. Shum, aged 51, is also "
            "the chief operating officer and the general manager of the Company. Ms. Pang Yuk Chi is a director "
            "of a subsidiary. Ms. Pang is the company secretary of the Company." + DATED)
    assert held(text) == [("Shum Ka Fai", "other"), ("Shum Ka Fai", "general_manager"),
                          ("Pang Yuk Chi", "company_secretary")]


@pytest.mark.parametrize("text", [
    # Two people of that surname (one listed without honorific): ambiguous.
    "Mr. Shum Ka Fai joined in 2010. The Board comprises Shum Wing Yan and Lee Po as executive Directors. "
    "Mr. Shum, aged 51, is the chief financial officer of the Company.",
    # The only full name of that surname is a woman's.
    "Ms. Shum Ka Yan joined in 2010. Mr. Shum is the chief financial officer of the Company.",
    # No full name at all.
    "Mr. Shum is the chief financial officer of the Company.",
    # A change, not a current office.
    "Mr. Shum Ka Fai joined in 2010. Mr. Shum, the former chief financial officer, retired.",
])
def test_surname_apposition_not_resolved_or_not_current(text: str) -> None:
    assert held(text + DATED) == []


def test_report_excerpt_officers_from_an_undated_board_paragraph_and_an_apposition() -> None:
    text = ("<<<PAGE 12>>>\nCORPORATE GOVERNANCE REPORT\nLotus Harbour Group Limited  Annual Report 2025\t12\n"
            "The Board currently comprises five Directors, including two executive Directors, namely\nMs. Ku Wai Yin "
            "(Chairlady) and Mr. Lo Kwok Hung (Chief Executive Officer), and three independent non-\nexecutive "
            "Directors, namely Mr. Au Chi Kin, Mr. Tse Siu Hong and Ms. Yip Ka Man.\nCOMPANY SECRETARY\nMr. Fong Ho "
            "Yin, the company secretary of the Company, is an employee of the Company.\n<<<PAGE 13>>>\n13\tLotus "
            "Harbour Group Limited  Annual Report 2025\n")
    announcement = Announcement("t", "t.txt", text, "0", "utf-8")
    ctx = DocContext(announcement=announcement, meta=read_meta(announcement), nlp=get_nlp())
    facts = extract_officers(ctx)
    assert {(f.company, f.person, f.title, f.as_of) for f in facts} == {
        ("Lotus Harbour Group Limited", "Ku Wai Yin", "chairman", None),
        ("Lotus Harbour Group Limited", "Lo Kwok Hung", "chief_executive", None),
        ("Lotus Harbour Group Limited", "Fong Ho Yin", "company_secretary", None)}
    from extract.board.paragraphs import extract_directorships
    assert {(f.person, f.as_of) for f in extract_directorships(ctx)} == {  # the page states no date
        ("Ku Wai Yin", None), ("Lo Kwok Hung", None), ("Au Chi Kin", None), ("Tse Siu Hong", None), ("Yip Ka Man", None)}


REPORT = "Kowloon Bay Holdings Limited 九龍灣控股有限公司 | Annual Report 2024\n\nCORPORATE GOVERNANCE REPORT\n\n"


def report_held(text: str) -> list[tuple[str, str, str | None]]:
    announcement = Announcement("t", "t.txt", REPORT + text, "0", "utf-8")
    ctx = DocContext(announcement=announcement, meta=read_meta(announcement), nlp=get_nlp())
    return [(f.person, f.title, f.as_of) for f in extract_officers(ctx) if f.title != "other"]


@pytest.mark.parametrize("text", [
    "The Board comprises the following Directors:\nExecutive Directors\nMr. Tam Kwok Fai (Chairman)\n"
    "Ms. Cheng Lai-ha (Chief Executive Officer)\nIndependent Non-executive Directors\nMs. Yiu Wing Sze\n",
    "As at the date of this annual report, the Board consists of three Directors:\nExecutive Directors\n"
    "Mr. Tam Kwok Fai (Chairman)\nMs. Cheng Lai-ha (Chief Executive Officer)\nIndependent non-executive Director\n"
    "Ms. Yiu Wing Sze\n",
    "The Board currently comprises two executive Directors, namely Mr. Tam Kwok Fai (Chairman) and Ms. Cheng "
    "Lai-ha (Chief Executive Officer), and one independent non-executive Director, namely Ms. Yiu Wing Sze.",
    "During the year and up to the date of this report, the Board comprised the following Directors:\n"
    "Executive Directors:\nMr. Tam Kwok Fai (Chairman)\nMs. Cheng Lai-ha (Chief Executive Officer)\n"
    "Mr. Ma Chi Keung (resigned on 1 March 2024)\n",
])
def test_inline_titles_of_an_undated_report_board_list(text: str) -> None:
    assert report_held(text) == [("Tam Kwok Fai", "chairman", None), ("Cheng Lai-ha", "chief_executive", None)]


@pytest.mark.parametrize("text, expected", [
    ("The roles of the Chairman and the Chief Executive Officer are separate and are held by Mr. Tam Kwok Fai "
     "and Ms. Cheng Lai Ha respectively.", [("Tam Kwok Fai", "chairman"), ("Cheng Lai Ha", "chief_executive")]),
    ("The positions of chief executive officer and chairman are performed by Ms. Cheng Lai Ha and Mr. Tam Kwok "
     "Fai, respectively.", [("Cheng Lai Ha", "chief_executive"), ("Tam Kwok Fai", "chairman")]),
])
def test_titles_and_names_paired_respectively(text: str, expected: list) -> None:
    assert held(text) == expected


@pytest.mark.parametrize("text", [
    # Two titles, three names: not paired one to one.
    "The roles of the Chairman and the Chief Executive Officer are held by Mr. Tam Kwok Fai, Ms. Cheng Lai Ha "
    "and Mr. Ma Chi Keung respectively.",
    # A role that is not an office of the Company.
    "The roles of the Chairman and the chairman of the Audit Committee are held by Mr. Tam Kwok Fai and Ms. "
    "Cheng Lai Ha respectively.",
    # Past.
    "The roles of the Chairman and the Chief Executive Officer were performed by Mr. Tam Kwok Fai and Ms. Cheng "
    "Lai Ha respectively until 1 March 2024.",
])
def test_respectively_sentences_not_read(text: str) -> None:
    assert held(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Ms. Ho Pui Man, the chief financial officer of the Group, is the company secretary of the Company.",
     [("Ho Pui Man", "chief_financial_officer"), ("Ho Pui Man", "company_secretary")]),
    ("Mr. Fung Siu Kei, the Company's financial controller, is also the company secretary.",
     [("Fung Siu Kei", "company_secretary")]),
    ("Ms. Wan Lok Yi has been the company secretary of the Company since March 2018.",
     [("Wan Lok Yi", "company_secretary")]),
    ("Ms. Liang Xue, an executive Director, serves as the secretary to the Board and one of the joint company\n"
     "secretaries of the Company.", [("Liang Xue", "company_secretary")]),
    ("Mr. Lau Ka Wing, a partner of Lau & Partners CPA\nLimited, is the other joint company secretary.",
     [("Lau Ka Wing", "company_secretary")]),
    ("Mr. Ko Man Hin, an executive Director, is the general manager of the Company, and Ms. Pang Yuen, a "
     "non-executive Director, is the chief financial officer.",
     [("Ko Man Hin", "general_manager"), ("Pang Yuen", "chief_financial_officer")]),
    ("Mr. Ko Chun Yat, the nephew of Mr. Ko Man Hin, is the Chief Executive Officer of the Company.",
     [("Ko Chun Yat", "chief_executive")]),
])
def test_title_after_an_apposition_or_a_perfect_verb(text: str, expected: list) -> None:
    assert [pair for pair in held(text) if pair[1] != "other"] == expected


@pytest.mark.parametrize("text", [
    "Mr. Ko Man Hin, an executive Director, is the general manager of Shenzhen Ko Trading Co., Ltd., a subsidiary.",
    "Mr. Ko Man Hin, an executive Director, is the general manager and a director of Ko Trading Limited.",
    "Mr. Ko Chun Yat, the nephew of Mr. Ko Man Hin, was the Chief Executive Officer until 2023.",
    "Mr. Ko Chun Yat, who resigned in 2023, is the father of Mr. Ko Man Hin.",
    "Ms. Wan Lok Yi has been the chairman of the Audit Committee since 2020.",
    "Mr. Ko Man Hin, the former chief financial officer, is the general manager of the Company.",
])
def test_apposition_verb_sentences_that_state_no_office(text: str) -> None:
    assert held(text) == []


@pytest.mark.parametrize("text", [
    "As at the date of this report, the Audit Committee consists of three members, namely Mr. Tam Kwok Fai "
    "(chairman), Ms. Yiu Wing Sze and Dr. Kwan Hon Ming, all being independent non-executive Directors.",
    "The Remuneration Committee comprises Mr. Tam Kwok Fai (chairman), Ms. Yiu Wing Sze and Dr. Kwan Hon Ming.",
])
def test_chairman_of_a_committee_list_is_not_the_chairman_of_the_board(text: str) -> None:
    assert report_held(text) == []


@pytest.mark.parametrize("sentence", [
    "Ms. Lam Hoi Yan, a senior manager of a firm providing company secretarial services, has been engaged by the "
    "Company as its company secretary.",
    "Mr. Tse Chun Kit is retained by the Company as its Chief Financial Officer since 2021.",
])
def test_someone_the_company_engages_for_an_office_holds_it(sentence: str) -> None:
    assert len(held(sentence)) == 1 and held(sentence)[0][1] in ("company_secretary", "chief_financial_officer")


@pytest.mark.parametrize("sentence", [
    # Engaged by another organisation, or for what is no office.
    "Ms. Lam Hoi Yan has been engaged by Harbour Secretarial Limited as its company secretary.",
    "Ms. Lam Hoi Yan has been engaged by the Company as a consultant on company secretarial matters.",
    # Engaged in the past: no current office.
    "Ms. Lam Hoi Yan, who retired in 2023, was engaged by the Company as its company secretary.",
])
def test_engagements_by_others_or_not_for_an_office_give_no_officer(sentence: str) -> None:
    assert held(sentence) == []


def test_report_board_list_under_bare_headings_gives_inline_titles_with_the_documents_spelling() -> None:
    text = ("As at the date of this report, the Board comprises:\n\nExecutive Directors\nMr. Ho Ka Fa1 (Chairman)\n"
            "Ms. Yip Wing Sze (Chief Executive Officer)\n\nIndependent Non-executive Directors\nMr. Kwan Lok\n\n"
            "Mr. Ho Ka Fai founded the Group in 1998.\n")
    assert set(held(text)) == {("Ho Ka Fai", "chairman"), ("Yip Wing Sze", "chief_executive")}


def test_report_board_list_name_with_a_digit_the_document_never_spells_is_not_read() -> None:
    text = ("As at the date of this report, the Board comprises:\n\nExecutive Directors\nMr. Ho Ka Fa1 (Chairman)\n"
            "Ms. Yip Wing Sze (Chief Executive Officer)\n")
    assert ("Ho Ka Fa1", "chairman") not in held(text) and ("Ho Ka Fai", "chairman") not in held(text)

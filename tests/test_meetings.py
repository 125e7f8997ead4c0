"""Meetings family end to end: the seed and dev poll results scored against the copied gold, and
announcement sentences (attendance, figures, officials, findings) that must and must not yield facts."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.readers import read_announcement
from extract.records import Announcement
from extract.run import Extraction, extract_announcement
from kg.evaluate import evaluate
from tests.scoring import extracted, gold_lines

DATA = Path(__file__).parent / "data"
TYPES = ("meeting", "resolution", "attendance", "share_capital")


def run(path: Path) -> Extraction:
    return extract_announcement(read_announcement(path), ("extract.meetings",))


def run_text(text: str, doc_id: str = "t") -> Extraction:
    return extract_announcement(Announcement(doc_id=doc_id, path=f"{doc_id}.txt", text=text, sha256="",
                                             encoding="utf-8"), ("extract.meetings",))


@pytest.mark.parametrize("path, gold_file", [
    (DATA / "seeds" / "003_5ab7b78cfd54d383.txt", "seeds.jsonl"),
    (DATA / "dev" / "poll__computer-and-technologies__2019-05-29.txt", "dev-polls-reports.jsonl"),
])
def test_poll_results_match_gold_exactly(path: Path, gold_file: str) -> None:
    gold = [g for g in gold_lines(gold_file) if g["doc"] == path.stem]
    result = evaluate(gold, extracted([path], ("extract.meetings",)), only=set(TYPES))
    assert result.total.gold > 0
    for kind, s in result.by_type.items():
        assert s.match == s.pred == s.gold, f"{kind}: matched {s.match} of {s.pred} predicted, {s.gold} gold"


def test_seed_attributes_and_graph_only_facts() -> None:
    facts = run(DATA / "seeds" / "003_5ab7b78cfd54d383.txt").facts
    egm = next(f for f in facts if f.TYPE == "meeting" and f.kind == "egm")
    assert (egm.shares_entitled, egm.shares_represented, egm.percent_represented) == (1342540451, 660025770, 49.1624)
    assert egm.venue and egm.venue.startswith("the conference room of Ganzhou Jinjiang International Hotel")
    capital = next(f for f in facts if f.TYPE == "share_capital")
    assert (capital.a_shares, capital.h_shares) == (1141794851, 200745600)
    officials = {(f.official, f.role) for f in facts if f.TYPE == "meeting_official"}
    assert ("Computershare Hong Kong Investor Services Limited", "share_registrar") in officials
    assert ("Computershare Hong Kong Investor Services Limited", "scrutineer") in officials
    assert ("Jingtian & Gongcheng", "legal_adviser") in officials
    # "the rest of the Directors was unable to attend" names no one
    assert not [f for f in facts if f.TYPE == "absence"]
    assert not [f for f in facts if f.TYPE == "finding"]
    specials = [f for f in facts if f.TYPE == "resolution" and f.kind == "special"]
    assert len(specials) == 9 and all(f.passed for f in specials)


def test_fragment_without_issuer_yields_nothing_and_is_counted() -> None:
    result = run(DATA / "dev" / "poll__mexan__2019-09-06.txt")
    assert result.facts == ()
    assert any(s.family == "meetings" and "never names" in s.reason for s in result.skipped)


ANNOUNCEMENT = """ACME WIDGETS HOLDINGS LIMITED
(Stock Code: 1234)
POLL RESULTS OF THE ANNUAL GENERAL MEETING HELD ON 2 JUNE 2023

The board of directors of Acme Widgets Holdings Limited (the "Company") announces that the annual general meeting (the "AGM") was held at 10/F, Acme Tower, Hong Kong on Friday, 2 June 2023.

As at the date of the AGM, the total number of issued shares of the Company was 1,000,000 Shares. The total number of Shares entitling the holders to attend and vote for or against the resolutions at the AGM was 1,000,000 Shares. Shareholders and authorised proxies holding an aggregate of 600,000 Shares, representing approximately 60.00% of the total number of issued Shares, were present at the AGM.

Tricor Investor Services Limited, the Hong Kong branch share registrar of the Company, acted as the scrutineer for the vote-taking at the AGM.

Mr. Chan Tai Man, Ms. Lee Mei and Dr. Wong Kar Wai attended the AGM, while Mr. Ho Ka Ming was unable to attend the AGM due to other engagements.

ORDINARY RESOLUTIONS\tNumber of Votes (%)
\tFor\tAgainst
1.\tTo receive the audited financial statements for the year ended 31 December 2022\t500,000 (83.33%)\t100,000 (16.67%)
2.\tTo declare a final dividend\t500,000 (90.00%)\t100,000 (10.00%)
SPECIAL RESOLUTION
3.\tTo amend the bye-laws\t350,000 (58.33%)\t250,000 (41.67%)

As more than 50% of the votes were cast in favour of resolutions 1 and 2, they were duly passed as ordinary resolutions.

By order of the Board
Acme Widgets Holdings Limited
Chan Tai Man
Chairman

Hong Kong, 2 June 2023

As at the date of this announcement, the Board comprises Mr. Chan Tai Man, Ms. Lee Mei, Dr. Wong Kar Wai and Mr. Ho Ka Ming.
"""


def test_hong_kong_agm_announcement() -> None:
    facts = run_text(ANNOUNCEMENT).facts
    by_type: dict[str, list] = {}
    for f in facts:
        by_type.setdefault(f.TYPE, []).append(f)
    (meeting,) = by_type["meeting"]
    assert (meeting.kind, meeting.date, meeting.shares_represented, meeting.percent_represented) == (
        "agm", "2023-06-02", 600000, 60.0)
    assert meeting.venue == "10/F, Acme Tower, Hong Kong"
    assert [(r.number, r.kind, r.votes_for, r.votes_against, r.votes_abstain) for r in by_type["resolution"]] == [
        ("1", "ordinary", 500000, 100000, None), ("2", "ordinary", 500000, 100000, None),
        ("3", "special", 350000, 250000, None)]
    assert [r.passed for r in by_type["resolution"]] == [True, True, False]
    assert {a.person for a in by_type["attendance"]} == {"Chan Tai Man", "Lee Mei", "Wong Kar Wai"}
    assert [a.person for a in by_type["absence"]] == ["Ho Ka Ming"]
    assert {(o.official, o.role) for o in by_type["meeting_official"]} == {
        ("Tricor Investor Services Limited", "scrutineer"), ("Tricor Investor Services Limited", "share_registrar")}
    (capital,) = by_type["share_capital"]
    assert (capital.total, capital.as_of, capital.a_shares) == (1000000, "2023-06-02", None)
    # 500,000 / 600,000 is 83.33%: consistent; 2: 90.00% is not 500,000 of 600,000
    checks = [f.message for f in by_type.get("finding", [])]
    assert len(checks) == 2 and all("resolution 2" in c for c in checks)


def test_findings_for_votes_beyond_represented_and_result_against_threshold() -> None:
    text = ANNOUNCEMENT.replace("350,000 (58.33%)\t250,000 (41.67%)", "450,000 (64.29%)\t250,000 (35.71%)")
    text = text.replace("they were duly passed as ordinary resolutions.",
                        "they were duly passed as ordinary resolutions. Resolution 3 was duly passed.")
    findings = {f.check for f in run_text(text).facts if f.TYPE == "finding"}
    assert {"votes_vs_represented"} <= findings


def test_no_meeting_facts_outside_poll_results() -> None:
    text = ("ACME WIDGETS HOLDINGS LIMITED\nCHANGE OF DIRECTOR\n\nMr. Chan Tai Man attended the board meeting "
            "held on 2 June 2023. Shareholders may vote for or against the resolution.\n")
    assert run_text(text).facts == ()


def test_unnamed_absentees_yield_no_absence() -> None:
    text = ANNOUNCEMENT.replace("while Mr. Ho Ka Ming was unable to attend the AGM",
                                "while the other Directors were unable to attend the AGM")
    facts = run_text(text).facts
    assert not [f for f in facts if f.TYPE == "absence"]
    assert len([f for f in facts if f.TYPE == "attendance"]) == 3


def test_director_list_split_by_semicolons_takes_the_closing_verb() -> None:
    text = ANNOUNCEMENT.replace(
        "Mr. Chan Tai Man, Ms. Lee Mei and Dr. Wong Kar Wai attended the AGM, while Mr. Ho Ka Ming was unable "
        "to attend the AGM due to other engagements.",
        "Executive Director, Mr. Chan Tai Man; non-executive Director, Ms. Lee Mei; and independent "
        "non-executive Director, Dr. Wong Kar Wai attended the AGM in person. Mr. Lau and Ho Ka Ming were absent.")
    facts = run_text(text).facts
    assert {f.person for f in facts if f.TYPE == "attendance"} == {"Chan Tai Man", "Lee Mei", "Wong Kar Wai"}
    assert [f.person for f in facts if f.TYPE == "absence"] == ["Lau", "Ho Ka Ming"]


def test_meeting_date_from_prose_not_from_a_payment_date() -> None:
    text = ANNOUNCEMENT.replace(" HELD ON 2 JUNE 2023", "").replace(
        "was held at 10/F, Acme Tower, Hong Kong on Friday, 2 June 2023.",
        "approved a final dividend at the AGM which will be paid on 30 June 2023. All resolutions were put to "
        "the AGM on 2 June 2023.")
    (meeting,) = [f for f in run_text(text).facts if f.TYPE == "meeting"]
    assert meeting.date == "2023-06-02"


def test_names_go_with_the_verb_that_follows_them() -> None:
    text = ANNOUNCEMENT.replace(
        "Mr. Chan Tai Man, Ms. Lee Mei and Dr. Wong Kar Wai attended the AGM, while Mr. Ho Ka Ming was unable "
        "to attend the AGM due to other engagements.",
        "The AGM was chaired by Mr. Chan Tai Man. Ms. Lee Mei attended the AGM, and Mr. Ho Ka Ming did not attend "
        "the AGM. The following Directors also attended the AGM: Dr. Wong Kar Wai.")
    facts = run_text(text).facts
    assert {f.person for f in facts if f.TYPE == "attendance"} == {"Chan Tai Man", "Lee Mei", "Wong Kar Wai"}
    assert [f.person for f in facts if f.TYPE == "absence"] == ["Ho Ka Ming"]


AH_EGM = """HAPPY PHARMA CO., LTD.
(Stock Code: 2999)
POLL RESULTS OF THE 2024 FIRST EXTRAORDINARY GENERAL MEETING AND THE 2024 FIRST CLASS MEETING OF H SHAREHOLDERS

The board of directors of Happy Pharma Co., Ltd. (the "Company") announces the results of the meetings convened at the Company's headquarters on Tuesday, 5 March 2024.

As at the date of the EGM, there were 1,000,000 Shares in issue, comprising 800,000 A Shares and 200,000 H Shares.

Shareholders and proxies attending the EGM held a total of 700,000 Shares, representing approximately 70.00% of the total number of Shares.

Poll results of the EGM
SPECIAL RESOLUTION\tFor\tAgainst\tAbstain
1.\tTo approve the repurchase mandate\t699,000 (99.8571%)\t1,000 (0.1429%)\t0 (0.0000%)

Poll results of the Class Meeting of H Shareholders
SPECIAL RESOLUTION\tFor\tAgainst\tAbstain
1.\tTo approve the repurchase mandate\t150,000 (100.0000%)\t0 (0.0000%)\t0 (0.0000%)
"""


def test_a_h_egm_with_class_meeting_of_h_shareholders() -> None:
    facts = run_text(AH_EGM).facts
    meetings = {f.kind: f for f in facts if f.TYPE == "meeting"}
    assert set(meetings) == {"egm", "class_h"}
    assert meetings["egm"].date == "2024-03-05"
    assert (meetings["egm"].shares_represented, meetings["egm"].percent_represented) == (700000, 70.0)
    assert [(f.meeting_kind, f.votes_for, f.kind, f.passed) for f in facts if f.TYPE == "resolution"] == [
        ("egm", 699000, "special", True), ("class_h", 150000, "special", True)]
    (capital,) = [f for f in facts if f.TYPE == "share_capital"]
    assert (capital.total, capital.a_shares, capital.h_shares) == (1000000, 800000, 200000)


def test_total_column_that_is_not_the_sum_is_a_finding() -> None:
    text = ANNOUNCEMENT.replace("\tFor\tAgainst\n", "\tFor\tAgainst\tTotal number of votes\n").replace(
        "100,000 (16.67%)\n", "100,000 (16.67%)\t600,000\n").replace(
        "100,000 (10.00%)\n", "100,000 (10.00%)\t700,000\n").replace(
        "250,000 (41.67%)\n", "250,000 (41.67%)\t600,000\n")
    facts = run_text(text).facts
    assert len([f for f in facts if f.TYPE == "resolution"]) == 3
    totals = [f.message for f in facts if f.TYPE == "finding" and f.check == "total_vs_counts"]
    assert len(totals) == 1 and "resolution 2" in totals[0]


@pytest.mark.parametrize("path", sorted(p for p in (DATA / "dev").glob("*.txt") if not p.name.startswith("poll__")) +
                         sorted(p for p in (DATA / "seeds").glob("*.txt") if not p.name.startswith("003_")),
                         ids=lambda p: p.stem[:40])
def test_other_announcements_yield_no_meeting_facts(path: Path) -> None:
    assert run(path).facts == ()


def test_title_case_heading_names_the_meeting_without_a_table() -> None:
    text = ("Acme Widgets Holdings Limited\n(Stock Code: 1234)\n"
            "Poll Results of the Extraordinary General Meeting held on 3 July 2023\n\n"
            "The board announces that the resolution was duly passed by way of poll.\n")
    (meeting,) = run_text(text).facts
    assert (meeting.TYPE, meeting.kind, meeting.date) == ("meeting", "egm", "2023-07-03")


def test_chairing_is_attending() -> None:
    text = ANNOUNCEMENT.replace(
        "Mr. Chan Tai Man, Ms. Lee Mei and Dr. Wong Kar Wai attended the AGM, while Mr. Ho Ka Ming was unable "
        "to attend the AGM due to other engagements.",
        "Mr. Ho Ka Ming was unable to attend the AGM, and Mr. Chan Tai Man chaired the AGM.")
    facts = run_text(text).facts
    assert [f.person for f in facts if f.TYPE == "attendance"] == ["Chan Tai Man"]
    assert [f.person for f in facts if f.TYPE == "absence"] == ["Ho Ka Ming"]


# Attendance over wrapped lines, role appositions and parenthesised roles, `All Directors`.
ATTENDANCE_LINE = ("Mr. Chan Tai Man, Ms. Lee Mei and Dr. Wong Kar Wai attended the AGM, while Mr. Ho Ka Ming was "
                   "unable to attend the AGM due to other engagements.")
NAMELY_BOARD = ("the Board comprises two executive Directors, namely Mr. Chan Tai Man (Chairman) and Ms. Lee Mei, "
                "and three independent non-executive Directors, namely Dr. Wong Kar Wai, Mr. Ho Ka Ming and "
                "Mr. Poon Kin.")


def people(sentence: str, *, board: bool = False, text: str = ANNOUNCEMENT) -> tuple[set[str], set[str], list]:
    """(attending, absent, skipped reasons) when `sentence` replaces the announcement's attendance line."""
    text = text.replace(ATTENDANCE_LINE, sentence)
    if board:
        text = text.replace("the Board comprises Mr. Chan Tai Man, Ms. Lee Mei, Dr. Wong Kar Wai and Mr. Ho Ka Ming.",
                            NAMELY_BOARD)
    result = run_text(text)
    return ({f.person for f in result.facts if f.TYPE == "attendance"},
            {f.person for f in result.facts if f.TYPE == "absence"}, [s.reason for s in result.skipped])


def test_absentees_with_role_appositions_after_an_acronym_sentence_end() -> None:
    attending, absent, _ = people(
        "Mr. Chan Tai Man chaired the AGM. Dr. Wong Kar Wai, an independent non-executive Director, and\n"
        "Mr. Ho Ka Ming, a non-executive Director, could not attend the AGM owing to prior commitments.")
    assert attending == {"Chan Tai Man"}
    assert absent == {"Wong Kar Wai", "Ho Ka Ming"}


def test_parenthesised_roles_wrapped_over_pdf_lines() -> None:
    attending, absent, _ = people(
        "Mr. Chan Tai Man (Chairman of the Board and an executive Director), Ms. Lee Mei (a non-executive\n"
        "Director) and Dr. Wong Kar Wai (an independent non-executive Director) were present at the AGM.\n"
        "Mr. Ho Ka Ming (an independent non-executive Director) was absent from the AGM.")
    assert attending == {"Chan Tai Man", "Lee Mei", "Wong Kar Wai"}
    assert absent == {"Ho Ka Ming"}


def test_list_wrapped_after_a_comma_keeps_its_first_names() -> None:
    attending, _, _ = people("Ms. Lee Mei, Mr. Chan Tai Man,\nDr. Wong Kar Wai and Mr. Ho Ka Ming attended the AGM by "
                             "video conference.")
    assert attending == {"Lee Mei", "Chan Tai Man", "Wong Kar Wai", "Ho Ka Ming"}
    attending, _, _ = people("The AGM was chaired by Mr. Chan Tai Man and was also attended by Ms. Lee Mei and Dr.\n"
                             "Kwan Siu Fung, the chief financial officer of the Company.")
    assert attending == {"Chan Tai Man", "Lee Mei", "Kwan Siu Fung"}


def test_a_short_line_without_a_comma_does_not_join_the_sentence_below() -> None:
    # a signature-like line naming a director stands alone; only the sentence's own names attend
    attending, _, _ = people("Attendance of Mr. Ho Ka Ming\nMs. Lee Mei attended the AGM.")
    assert attending == {"Lee Mei"}
    # nor does a table row (tab cells) join it
    attending, _, _ = people("4.\tTo re-elect Mr. Ho Ka Ming as director\n"
                             "Ms. Lee Mei attended the AGM.")
    assert attending == {"Lee Mei"}


def test_all_directors_attended_are_those_of_the_board_paragraph() -> None:
    attending, absent, _ = people("All the Directors were present at the AGM.", board=True)
    assert attending == {"Chan Tai Man", "Lee Mei", "Wong Kar Wai", "Ho Ka Ming", "Poon Kin"} and not absent
    attending, absent, _ = people("The AGM was attended by all independent non-executive Directors.", board=True)
    assert attending == {"Wong Kar Wai", "Ho Ka Ming", "Poon Kin"}


def test_all_directors_less_those_excepted_or_unable_to_attend() -> None:
    attending, absent, _ = people("Save for Mr. Ho Ka Ming, who was unable to attend due to other engagements, "
                                  "all other Directors attended the AGM.", board=True)
    assert attending == {"Chan Tai Man", "Lee Mei", "Wong Kar Wai", "Poon Kin"} and absent == {"Ho Ka Ming"}
    attending, absent, _ = people("All Directors attended the AGM except Mr. Poon Kin and Ms. Lee Mei.", board=True)
    assert attending == {"Chan Tai Man", "Wong Kar Wai", "Ho Ka Ming"} and absent == {"Poon Kin", "Lee Mei"}


def test_all_directors_statements_not_read() -> None:
    for sentence, reason in (("All Directors attended the AGM except one.", "not named"),
                             ("All non-executive Directors attended the AGM.", "role not read"),
                             ("Not all Directors attended the AGM.", None),
                             ("All Directors who are standing for re-election attended the AGM.", None)):
        attending, absent, skipped = people(sentence, board=True)
        assert not attending and not absent, sentence
        assert reason is None or any(reason in s for s in skipped), sentence
    # no board paragraph read: nothing guessed, the statement is counted
    attending, _, skipped = people("All Directors attended the AGM.")
    assert not attending and any("board paragraph" in s for s in skipped)


def test_director_first_elected_at_the_meeting_is_not_one_of_all_directors() -> None:
    text = ANNOUNCEMENT.replace("2.\tTo declare a final dividend", "2.\tTo elect Mr. Poon Kin as an independent "
                                "non-executive Director")
    attending, _, _ = people("All Directors attended the AGM.", board=True, text=text)
    assert attending == {"Chan Tai Man", "Lee Mei", "Wong Kar Wai", "Ho Ka Ming"}


def test_turnout_naming_its_meeting_after_the_figures_and_class_split_in_lower_case() -> None:
    text = AH_EGM.replace("comprising 800,000 A Shares and 200,000 H Shares",
                          "including 800,000 A shares and 200,000 H shares").replace(
        "Poll results of the Class Meeting of H Shareholders\n",
        "Poll results of the Class Meeting of H Shareholders\nH Shareholders and their proxies holding in aggregate "
        "160,000 H shares, representing about 80.0% of the total number of H shares, were present at the Class "
        "Meeting of H Shareholders.\n")
    facts = run_text(text).facts
    meetings = {f.kind: f for f in facts if f.TYPE == "meeting"}
    assert (meetings["egm"].shares_represented, meetings["egm"].percent_represented) == (700000, 70.0)
    assert (meetings["class_h"].shares_represented, meetings["class_h"].percent_represented) == (160000, 80.0)
    (capital,) = [f for f in facts if f.TYPE == "share_capital"]
    assert (capital.total, capital.a_shares, capital.h_shares) == (1000000, 800000, 200000)


def test_turnout_sentence_naming_two_meetings_is_not_assigned() -> None:
    text = AH_EGM.replace(
        "Shareholders and proxies attending the EGM held a total of 700,000 Shares, representing approximately "
        "70.00% of the total number of Shares.",
        "Shareholders holding a total of 700,000 Shares, representing approximately 70.00% of the total number of "
        "Shares, attended the EGM and the Class Meeting of H Shareholders.")
    meetings = {f.kind: f for f in run_text(text).facts if f.TYPE == "meeting"}
    assert meetings["egm"].shares_represented is None and meetings["class_h"].shares_represented is None


# An EGM and two class meetings on one day, each under a numbered section heading over its own table,
# no blank lines between them and a pass statement too short to be prose below the EGM's table.
SECTIONED = """SHANXI FENHE EQUIPMENT CO., LTD.
POLL RESULTS OF THE 2025 SECOND EXTRAORDINARY GENERAL MEETING, THE 2025 SECOND A SHARE CLASS MEETING
AND THE 2025 SECOND H SHARE CLASS MEETING
The board of directors of Shanxi Fenhe Equipment Co., Ltd. (the "Company") announces that the meetings were held on Monday, 3 November 2025.
{egm}
No.\tResolution\tFor\t\tAgainst\t\tAbstain\t
\t\tShares\t%\tShares\t%\tShares\t%
1\tTo approve the amendments to the Articles of Association\t510,000,000\t99.9000\t510,500\t0.1000\t0\t0.0000
2\tTo approve the H Share buy-back mandate\t509,000,000\t99.8000\t1,020,000\t0.2000\t0\t0.0000
Resolution No. 1 was passed as a special resolution and resolution
No. 2 was passed as a special resolution.
{class_a}
No.\tResolution\tFor\t\tAgainst\t\tAbstain\t
\t\tShares\t%\tShares\t%\tShares\t%
1\tTo approve the H Share buy-back mandate\t400,000,000\t99.7500\t1,002,506\t0.2500\t0\t0.0000
{class_h}
No.\tResolution\tFor\t\tAgainst\t\tAbstain\t
\t\tShares\t%\tShares\t%\tShares\t%
1\tTo approve the H Share buy-back mandate\t109,000,000\t99.0900\t1,001,000\t0.9100\t0\t0.0000
"""


@pytest.mark.parametrize("egm, class_a, class_h", [
    ("1. VOTING RESULTS OF THE EGM", "2. VOTING RESULTS OF THE A SHARE CLASS MEETING",
     "3. VOTING RESULTS OF THE H SHARE CLASS MEETING"),
    ("II. Poll results of the EGM", "III. Poll results of the A Share Class Meeting",
     "IV. Poll results of the H Share Class Meeting"),
    ("POLL RESULTS OF THE EGM", "POLL RESULTS OF THE A SHARE CLASS MEETING", "POLL RESULTS OF THE H SHARE CLASS MEETING"),
])
def test_each_table_takes_the_meeting_of_its_section_heading(egm: str, class_a: str, class_h: str) -> None:
    facts = run_text(SECTIONED.format(egm=egm, class_a=class_a, class_h=class_h)).facts
    got = [(f.meeting_kind, f.number, f.votes_for, f.title) for f in facts if f.TYPE == "resolution"]
    assert got == [
        ("egm", "1", 510000000, "To approve the amendments to the Articles of Association"),
        ("egm", "2", 509000000, "To approve the H Share buy-back mandate"),
        ("class_a", "1", 400000000, "To approve the H Share buy-back mandate"),
        ("class_h", "1", 109000000, "To approve the H Share buy-back mandate")]


def test_withdrawn_resolution_stays_in_the_graph_without_votes_title_or_result() -> None:
    text = ANNOUNCEMENT.replace("2.\tTo declare a final dividend\t500,000 (90.00%)\t100,000 (10.00%)",
                                "2.\tWithdrawn\tN/A\tN/A")
    resolutions = {r.number: r for r in run_text(text).facts if r.TYPE == "resolution"}
    withdrawn = resolutions["2"]
    assert (withdrawn.withdrawn, withdrawn.title, withdrawn.passed) == (True, None, None)
    assert (withdrawn.votes_for, withdrawn.votes_against, withdrawn.percent_for) == (None, None, None)
    assert not withdrawn.exported() and resolutions["1"].exported() and not resolutions["1"].withdrawn
    # its own title when the row gives one; never the withdrawal note
    text = ANNOUNCEMENT.replace("2.\tTo declare a final dividend\t500,000 (90.00%)\t100,000 (10.00%)",
                                "2.\tTo declare a final dividend (withdrawn)\t-\t-")
    withdrawn = next(r for r in run_text(text).facts if r.TYPE == "resolution" and r.number == "2")
    assert (withdrawn.withdrawn, withdrawn.title, withdrawn.votes_for) == (True, "To declare a final dividend", None)


CLASS_MEETINGS = (
    "JINGHAI PORT HOLDINGS CO., LTD.\n(Stock Code: 9999)\n\n"
    "POLL RESULTS OF THE EXTRAORDINARY GENERAL MEETING, THE H SHARE CLASS MEETING AND THE A SHARE CLASS MEETING\n\n"
    "The extraordinary general meeting (the \"EGM\"), the H share class meeting (the \"H Share Class Meeting\") and "
    "the A share class meeting (the \"A Share Class Meeting\") of the Company were held on "
    "3 June 2024.\n\n"
    "As at the date of the meetings, the total number of issued shares of the Company was 2,000 shares, "
    "comprising 1,500 A shares and 500 H shares.\n\n"
    "{figures}\n\n"
    "EGM\nSpecial resolution\tFor\tAgainst\n1. To approve the repurchase mandate\t1,100\t0\n\n"
    "H Share Class Meeting\nSpecial resolution\tFor\tAgainst\n1. To approve the repurchase mandate\t300\t0\n\n"
    "A Share Class Meeting\nSpecial resolution\tFor\tAgainst\n1. To approve the repurchase mandate\t800\t0\n"
)


def _represented(text: str) -> dict[str, tuple[int | None, float | None]]:
    facts = run_text(text).facts
    assert not [f for f in facts if f.TYPE == "finding"]
    return {f.kind: (f.shares_represented, f.percent_represented) for f in facts if f.TYPE == "meeting"}


def test_each_clause_of_a_figure_sentence_goes_to_the_meeting_it_names() -> None:
    figures = ("Holders of H shares holding 300 H shares (60.00% of the H shares) attended the H Share Class "
               "Meeting, and holders of A shares holding 800 A shares (53.33% of the A shares) attended the "
               "A Share Class Meeting.")
    got = _represented(CLASS_MEETINGS.format(figures=figures))
    assert got["class_h"] == (300, 60.0)
    assert got["class_a"] == (800, 53.33)
    assert got["egm"] == (None, None)  # no clause names the EGM: it gets nothing


def test_a_clause_without_a_meeting_name_does_not_take_its_neighbours() -> None:
    # the first clause names no meeting; its figure is not given to the meeting the second clause names
    figures = ("Shareholders holding 1,100 shares attended, and holders of A shares holding 800 A shares "
               "(53.33% of the A shares) attended the A Share Class Meeting.")
    got = _represented(CLASS_MEETINGS.format(figures=figures))
    assert got["class_a"] == (800, 53.33)
    assert got["class_h"][0] is None and got["egm"][0] is None


def test_special_resolution_not_passed_between_two_thirds_and_three_quarters_is_no_finding() -> None:
    from extract.meetings.checks import check_resolution
    from extract.meetings.votes import VoteRow
    row = VoteRow(number="2", start=0, end=0, kind="special", votes={"for": 712, "against": 288})
    assert check_resolution(row, False, None) == []  # 71.2%: short of a 75% bar
    row.votes = {"for": 800, "against": 200}
    assert [c for c, _ in check_resolution(row, False, None)] == ["passed_vs_threshold"]  # 80% clears both bars
    row.votes = {"for": 600, "against": 400}
    assert [c for c, _ in check_resolution(row, True, None)] == ["passed_vs_threshold"]  # 60% clears neither


def test_an_unstated_special_result_between_the_two_bars_is_not_guessed() -> None:
    from extract.meetings.polls import _by_threshold
    from extract.meetings.votes import VoteRow
    row = VoteRow(number="1", start=0, end=0, kind="special", votes={"for": 700, "against": 300})
    assert _by_threshold(row) is None  # 70%: passed under a 2/3 bar, not under a 3/4 one
    row.votes = {"for": 760, "against": 240}
    assert _by_threshold(row) is True
    row.votes = {"for": 600, "against": 400}
    assert _by_threshold(row) is False

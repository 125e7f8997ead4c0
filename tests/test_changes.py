"""Board changes: statements recognised by structure, in wordings of our own (not the held-out documents').

Each case is (text, expected (person, change, post, effective, role) set). The document is dated
2026-03-31 unless the case says otherwise; `None` in the expected set means the field is null.
"""
from __future__ import annotations

import pytest

from extract.changes.reader import extract_board_changes
from extract.context import DocContext
from extract.pipeline import get_nlp
from extract.records import Announcement, DocumentMeta

ISSUER = "Harbour Lights Holdings Limited"


def context(text: str, date: str | None = "2026-03-31", issuer: str | None = ISSUER) -> DocContext:
    return DocContext(Announcement("doc", "doc.txt", text, "", "utf-8"),
                      DocumentMeta("doc", issuer=issuer, date=date), get_nlp())


def read(text: str, date: str | None = "2026-03-31") -> set[tuple]:
    return {(f.person, f.change, f.post, f.effective, f.role)
            for f in extract_board_changes(context(text, date)) if f.exported()}


CASES = [
    # A resignation, tendered, with a stated date and a reason after it.
    ("Mr. Lam Siu Fai has tendered his resignation as a non-executive Director with effect from 15 May 2026 as "
     "he wishes to focus on his own business.",
     {("Lam Siu Fai", "resigned", None, "2026-05-15", "non_executive")}),
    # Immediate effect is the announcement's date; a seat and an office in one list.
    ("The Board announces that with immediate effect, Ms. Cheng Wai Man has been appointed as an executive "
     "Director and the chief financial officer of the Company.",
     {("Cheng Wai Man", "appointed", None, "2026-03-31", "executive"),
      ("Cheng Wai Man", "appointed", "chief_financial_officer", "2026-03-31", "executive")}),
    # The change as a noun.
    ("The Board is pleased to announce the appointment of Dr. Kwok Ka Yan as an independent non-executive "
     "Director, effective from 1 June 2026.",
     {("Kwok Ka Yan", "appointed", None, "2026-06-01", "independent_non_executive")}),
    # Re-designation: the new role; an apposition before the verb.
    ("Mr. Ho Tak Wing, an executive Director, has been re-designated as a non-executive Director with effect "
     "from 2 January 2026.",
     {("Ho Tak Wing", "redesignated", None, "2026-01-02", "non_executive")}),
    ("Mr. Chow Man Kit has been re-designated from an executive Director to a non-executive Director with effect "
     "from 1 April 2026.",
     {("Chow Man Kit", "redesignated", None, "2026-04-01", "non_executive")}),
    # A death, with the role from the apposition; posts given up upon it take its kind and date.
    ("The Board deeply regrets to announce that Mr. Tang Kwok Leung, an executive Director, passed away on "
     "12 February 2026. Upon his passing, Mr. Tang Kwok Leung ceased to be the chairman of the Nomination "
     "Committee.",
     {("Tang Kwok Leung", "deceased", None, "2026-02-12", "executive"),
      ("Tang Kwok Leung", "deceased", "committee:nomination", "2026-02-12", "executive")}),
    # Poll results: not offering for re-election is retiring, on the meeting's stated date.
    ("The annual general meeting of the Company was held on 18 June 2026 (the \"AGM\"). Mr. Wong Chi Kin did not "
     "offer himself for re-election and accordingly retired as an independent non-executive Director upon the "
     "conclusion of the AGM.",
     {("Wong Chi Kin", "retired", None, "2026-06-18", "independent_non_executive")}),
    # Re-elected directors change nothing.
    ("The retiring Directors, namely Mr. Ip Kwok Wah and Ms. Law Yee Man, offered themselves for re-election and "
     "were re-elected at the AGM.", set()),
    ("Mr. Ip Kwok Wah retired by rotation at the AGM and was re-elected as an executive Director.", set()),
    # `respectively` pairs names with posts.
    ("Ms. Au Wing Sze and Mr. Kan Chi Ho have been appointed as an executive Director and a non-executive "
     "Director, respectively, with effect from 1 July 2026.",
     {("Au Wing Sze", "appointed", None, "2026-07-01", "executive"),
      ("Kan Chi Ho", "appointed", None, "2026-07-01", "non_executive")}),
    # A gapped second subject; `both with effect` dates every change of the sentence.
    ("Mr. Siu Ka Lok has been appointed as the chairman of the Board, and Ms. Mak Pui Yee as the chief executive "
     "officer, both with effect from 1 April 2026.",
     {("Siu Ka Lok", "appointed", "chairman", "2026-04-01", None),
      ("Mak Pui Yee", "appointed", "chief_executive", "2026-04-01", None)}),
    # A sentence opening with its date; enumerated clauses.
    ("With effect from 1 July 2026, (i) Mr. Yip Chun Wai has ceased to be a member of the Audit Committee; and "
     "(ii) Ms. Fok Lai Ying has been appointed as the chairman of the Remuneration Committee.",
     {("Yip Chun Wai", "resigned", "committee:audit", "2026-07-01", None),
      ("Fok Lai Ying", "appointed", "committee:remuneration", "2026-07-01", None)}),
    # `the same day` is the date stated before.
    ("Mr. Tse Kin Wah has resigned as the company secretary with effect from 1 March 2026, and Ms. Poon Hiu Ching "
     "has been appointed as the company secretary with effect from the same day.",
     {("Tse Kin Wah", "resigned", "company_secretary", "2026-03-01", None),
      ("Poon Hiu Ching", "appointed", "company_secretary", "2026-03-01", None)}),
    # A later sentence dates the change.
    ("Ms. Chu Mei Ling has tendered her resignation as an independent non-executive Director. Her resignation will "
     "take effect on 30 April 2026.",
     {("Chu Mei Ling", "resigned", None, "2026-04-30", "independent_non_executive")}),
    # Removal at a general meeting that states its date.
    ("At the extraordinary general meeting of the Company held on 3 March 2026, Mr. Ko Wai Kit was removed as a "
     "Director by an ordinary resolution of the Shareholders.",
     {("Ko Wai Kit", "removed", None, "2026-03-03", None)}),
    # A short name the document defines.
    ("Mr. Leung Ka Fai (\"Mr. Leung\") is an independent non-executive Director. Mr. Leung has also been appointed "
     "as a member of the Audit Committee with effect from 1 May 2026.",
     {("Leung Ka Fai", "appointed", "committee:audit", "2026-05-01", None)}),
    # A meeting whose date the filing does not give: the date is null.
    ("Mr. Szeto Ho Yin will retire as a non-executive Director upon the conclusion of the forthcoming annual "
     "general meeting and will not offer himself for re-election.",
     {("Szeto Ho Yin", "retired", None, None, "non_executive")}),
    # Stepping down from an office while staying on the board: the role kept.
    ("Mr. Kwan Yiu Ming will step down as the chief executive officer of the Company with effect from 1 October "
     "2026 and will remain as an executive Director.",
     {("Kwan Yiu Ming", "resigned", "chief_executive", "2026-10-01", "executive")}),
    # The board as subject.
    ("The Board has resolved to appoint Mr. Au Yeung Tin as an independent non-executive Director with effect "
     "from 10 August 2026.",
     {("Au Yeung Tin", "appointed", None, "2026-08-10", "independent_non_executive")}),
    # A supervisor of a PRC issuer.
    ("At the EGM held on 12 May 2026, Mr. Zhao Lei was elected as a shareholder representative supervisor of the "
     "Company.",
     {("Zhao Lei", "appointed", "committee:supervisory", "2026-05-12", None)}),
    # A second verb of the same subject after the first's date phrase.
    ("Ms. Pun Wai Kwan resigned as an executive Director with effect from 30 June 2026 in order to pursue other "
     "interests, and ceased to be a member of the Nomination Committee on the same date.",
     {("Pun Wai Kwan", "resigned", None, "2026-06-30", "executive"),
      ("Pun Wai Kwan", "resigned", "committee:nomination", "2026-06-30", "executive")}),
    # Upon an appointment stated earlier.
    ("Ms. Tam Sze Wan will be appointed as an independent non-executive Director with effect from 5 May 2026. "
     "Upon her appointment becoming effective, Ms. Tam Sze Wan will also be appointed as a member of the Audit "
     "Committee, and Mr. Yau Chi Keung will cease to be a member of the Audit Committee.",
     {("Tam Sze Wan", "appointed", None, "2026-05-05", "independent_non_executive"),
      ("Tam Sze Wan", "appointed", "committee:audit", "2026-05-05", "independent_non_executive"),
      ("Yau Chi Keung", "resigned", "committee:audit", "2026-05-05", None)}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_change_statements(text: str, expected: set[tuple]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize("text", [
    # A biography's past posts of another company.
    "Mr. Lee Chi Ming, aged 52, was appointed as an executive director of Bright Star Holdings Limited (stock "
    "code: 1234) in 2012 and resigned as its chairman in 2019.",
    "Ms. Yuen Sau Ling was a director of certain subsidiaries of the Group from 2010 to 2015.",
    # ... and its own past appointment, stated in the simple past.
    "Mr. Chan Ho Yin, aged 50, was appointed as an executive Director on 1 March 2015.",
    # Mentions that state no change.
    "The Board would like to express its gratitude to Mr. Fan Kin Wai for his contribution during his tenure.",
    "Mr. Fan Kin Wai has confirmed that there is no matter relating to his resignation that needs to be brought "
    "to the attention of the Shareholders.",
    "To re-elect Mr. Chiu Ka Wing as an executive Director.",
    # A date phrase that names no date.
    "Mr. Fong Chi Wai has been appointed as an executive Director with effect from the date on which the Stock "
    "Exchange grants the waiver.",
    # Another's chairman.
    "Mr. Ma Kit Ling was appointed as the chairman of the meeting.",
])
def test_no_change_read(text: str) -> None:
    assert read(text) == set()


def test_other_posts_are_post_other() -> None:
    text = ("Ms. Chan Hoi Yee has been appointed as an authorised representative of the Company under Rule 3.05 of "
            "the Listing Rules with effect from 1 April 2026.")
    assert read(text) == {("Chan Hoi Yee", "appointed", "other", "2026-04-01", None)}


def test_skipped_statements_are_counted() -> None:
    ctx = context("Mr. Fong Chi Wai has been appointed as an executive Director with effect from the date on which "
                  "the Stock Exchange grants the waiver.")
    assert extract_board_changes(ctx) == []
    assert [s.reason for s in ctx.skipped] == ["effective date not read"]


def test_no_issuer_no_facts() -> None:
    ctx = context("Mr. Lam Siu Fai has resigned as an executive Director with effect from 1 May 2026.", issuer=None)
    assert extract_board_changes(ctx) == []
    assert ctx.skipped


def test_a_change_stated_twice_is_one_fact() -> None:
    text = ("Mr. Kong Wai Hung has resigned as an independent non-executive Director with effect from 1 May 2026. "
            "Following the resignation of Mr. Kong Wai Hung as an independent non-executive Director, the Company "
            "has two independent non-executive Directors.")
    assert read(text) == {("Kong Wai Hung", "resigned", None, "2026-05-01", "independent_non_executive")}


def test_appointee_role_from_the_board_paragraph() -> None:
    text = ("Mr. Ng Tsz Hin has been appointed as a Director with effect from 1 March 2026.\n\n"
            "As at the date of this announcement, the Board comprises Mr. Ng Tsz Hin and Ms. Lo Yan as executive "
            "Directors; and Mr. Wu Kin, Ms. Sit Mei and Mr. Ho Lam as independent non-executive Directors.\n")
    assert read(text) == {("Ng Tsz Hin", "appointed", None, "2026-03-01", "executive")}


def test_evidence_quotes_the_sentence() -> None:
    text = "Heading\n\nMr. Lam Siu Fai has resigned as an\nexecutive Director with effect from 1 May 2026.\n"
    [fact] = extract_board_changes(context(text))
    assert fact.evidence.quote == "Mr. Lam Siu Fai has resigned as an executive Director with effect from 1 May 2026."
    assert text[fact.evidence.start:fact.evidence.end].startswith("Mr. Lam")


@pytest.mark.parametrize("text, expected", [
    ("Mr. Lui Kwok Keung has informed the Board that he will retire as a non-executive Director with effect "
     "from 1 June 2026.", {("Lui Kwok Keung", "retired", None, "2026-06-01", "non_executive")}),
    ("Mr. Lui Kwok Keung's resignation as an executive director will take effect from 1 May 2026.",
     {("Lui Kwok Keung", "resigned", None, "2026-05-01", "executive")}),
    ("As the ordinary resolution numbered 3(c) was not passed, Ms. Ngai Pui Shan was not re-elected and ceased to "
     "be a director upon the conclusion of the annual general meeting held on 26 May 2026.",
     {("Ngai Pui Shan", "retired", None, "2026-05-26", None)}),
    ("Mr. Tong Ka Chun, who retired from office at the AGM held on 2 June 2026, did not offer himself for "
     "re-election.", {("Tong Ka Chun", "retired", None, "2026-06-02", None)}),
])
def test_more_change_wordings(text: str, expected: set[tuple]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    # A proposal awaiting the shareholders: a change, dated by its meeting when the filing dates the meeting.
    ("The Board proposes to appoint Mr. Lo Chun Hei as an independent non-executive Director, subject to the "
     "approval of the Shareholders at the EGM.",
     {("Lo Chun Hei", "appointed", None, None, "independent_non_executive")}),
    ("The proposed appointment of Ms. Hui Wing Yan as a non-executive Director is subject to the approval of the "
     "Shareholders at the extraordinary general meeting to be held on Friday, 4 September 2026.",
     {("Hui Wing Yan", "appointed", None, "2026-09-04", "non_executive")}),
    # An English forename after a comma, and the short name the filing defines for it.
    ("Mr. Lam Chi Wai, Jason (\"Mr. Lam\") has been appointed as an executive Director with effect from 1 May "
     "2026. Mr. Lam will also serve as a member of the Audit Committee with effect from the same date.",
     {("Lam Chi Wai, Jason", "appointed", None, "2026-05-01", "executive"),
      ("Lam Chi Wai, Jason", "appointed", "committee:audit", "2026-05-01", "executive")}),
    # Honours after the name; a pronoun subject after the person is named.
    ("Dr. Ho Kin Man, SBS, JP, a non-executive Director, passed away on 2 June 2026. Following the death of "
     "Dr. Ho Kin Man, he ceased to be a member of the Nomination Committee.",
     {("Ho Kin Man", "deceased", None, "2026-06-02", "non_executive"),
      ("Ho Kin Man", "deceased", "committee:nomination", "2026-06-02", "non_executive")}),
    # A relative clause before the verb; succeeding someone; relinquishing a post.
    ("Ms. Tse Wai Ling, who joined the Board in 2015, will succeed Mr. Fung Kam Po as the chairman of the Board "
     "with effect from 1 May 2026 and will relinquish her position as the chief executive officer on the same date.",
     {("Tse Wai Ling", "appointed", "chairman", "2026-05-01", None),
      ("Tse Wai Ling", "resigned", "chief_executive", "2026-05-01", None)}),
    # Becoming a member; `at the same time`.
    ("Mr. Yu Kwok Ping has been appointed as an independent non-executive Director with effect from 3 August "
     "2026, and he has become a member of the Remuneration Committee at the same time.",
     {("Yu Kwok Ping", "appointed", None, "2026-08-03", "independent_non_executive"),
      ("Yu Kwok Ping", "appointed", "committee:remuneration", "2026-08-03", "independent_non_executive")}),
    # The issuer named by its name is the issuer.
    ("Mr. Pak Wing Lun has been re-designated from an executive director of Harbour Lights Holdings Limited to a "
     "non-executive Director with effect from 9 September 2026.",
     {("Pak Wing Lun", "redesignated", None, "2026-09-09", "non_executive")}),
    # Names joined by a comma alone are not one list.
    ("Following the retirement of Mr. Au Kin Yip, Ms. Ip Ling Chi, an independent non-executive Director, has "
     "been appointed as the chairman of the Audit Committee with effect from 1 July 2026.",
     {("Ip Ling Chi", "appointed", "committee:audit", "2026-07-01", "independent_non_executive")}),
])
def test_wordings_of_the_blind_round(text: str, expected: set[tuple]) -> None:
    assert read(text) == expected


def test_change_table() -> None:
    text = ("The Board announces the following changes:\n"
            "Name\tPosition\tNature of change\tDate of effect\n"
            "Mr. Poon Tak Wah\tNon-executive Director\tResignation\t1 June 2026\n"
            "Ms. Wan Siu Ying\tExecutive Director\tAppointment\t1 June 2026\n"
            "\tMember of the Remuneration Committee\tAppointment\t15 June 2026\n"
            "Ms. Wan Siu Ying is an accountant.\n")
    assert read(text) == {("Poon Tak Wah", "resigned", None, "2026-06-01", "non_executive"),
                          ("Wan Siu Ying", "appointed", None, "2026-06-01", "executive"),
                          ("Wan Siu Ying", "appointed", "committee:remuneration", "2026-06-15", "executive")}


def test_change_table_laid_out_with_spaces() -> None:
    text = ("Name                 Position                    Change           Effective date\n"
            "Dr. Kam Yuk Lan      Chief Financial Officer     Appointment      2 February 2026\n"
            "Mr. Ho Chun          Company Secretary           Resignation      2 February 2026\n")
    assert read(text) == {("Kam Yuk Lan", "appointed", "chief_financial_officer", "2026-02-02", None),
                          ("Ho Chun", "resigned", "company_secretary", "2026-02-02", None)}


def test_a_list_of_three_is_three_people_not_a_forename() -> None:
    text = ("Mr. Shek Kin Wai, Ms. Ma Lai Fong and Mr. Yim Tak have resigned as independent non-executive Directors "
            "with effect from 2 March 2026.")
    assert {p for p, *_ in read(text)} == {"Shek Kin Wai", "Ma Lai Fong", "Yim Tak"}


def test_a_past_post_in_a_biography_is_no_change() -> None:
    text = ("Mr. Ling Ka Ho has been appointed as the chief executive officer with effect from 1 March 2026. "
            "He joined the Group in 2009. He was appointed as an executive Director on 8 August 2019.")
    assert read(text) == {("Ling Ka Ho", "appointed", "chief_executive", "2026-03-01", None)}

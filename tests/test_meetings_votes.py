"""Vote tables in the layouts poll results are flattened into: rows that must parse, text that must not."""
from __future__ import annotations

import pytest

from extract.meetings.votes import find_tables, read_cells


def rows(text: str) -> list[tuple[str, dict[str, int]]]:
    return [(r.number, r.votes) for t in find_tables(text) for r in t.rows]


def only_table(text: str):
    tables = find_tables(text)
    assert len(tables) == 1
    return tables[0]


TABBED = (
    "ORDINARY RESOLUTION\t\tNUMBER OF VOTES (%)\t\t\n"
    "\t\tFOR\tAGAINST\tABSTAIN\n"
    "1.\tTo consider and approve the change in the use of proceeds\t659,910,462 (99.9825%)\t"
    "112,108 (0.0170%)\t3,200 (0.0005%)\n"
    "2.\tTo re-elect Mr. Chan as director for a term ending 31 December 2026\t0 (0.0000%)\t"
    "1,000 (100.0000%)\t0 (0.0000%)\n\n"
    "The above resolution No. 1 is an ordinary resolution.\n"
)


def test_tabbed_rows_with_abstain_column() -> None:
    table = only_table(TABBED)
    assert table.columns.names == ("for", "against", "abstain")
    first, second = table.rows
    assert (first.number, first.votes) == ("1", {"for": 659910462, "against": 112108, "abstain": 3200})
    assert first.percents == {"for": 99.9825, "against": 0.017, "abstain": 0.0005}
    assert first.title == "To consider and approve the change in the use of proceeds"
    assert first.kind == "ordinary"
    # a date inside the title is title text, not a vote cell
    assert second.title == "To re-elect Mr. Chan as director for a term ending 31 December 2026"
    assert second.votes == {"for": 0, "against": 1000, "abstain": 0}


PIPES = (
    "Ordinary Resolutions\n|\n(Approximate %)\n|\n|\n|\nFor\n|\nAgainst\n|\n"
    "1.\n|\nTo receive and consider the audited financial\n|\n138,718,463\n|\n-\n|\n|\n"
    "statements and the reports of the directors and\n|\n(100.00%)\n|\n(0.00%)\n|\n|\n"
    "of the auditors for the year ended 31\n|\n|\n|\n|\nDecember 2018.\n|\n|\n|\n"
    "2.\n|\nTo declare a final dividend in cash.\n|\n138,718,463\n|\n0\n|\n|\n|\n(100.00%)\n|\n(0.00%)\n"
)


def test_one_cell_per_line_wrapped_title_without_abstain_column() -> None:
    table = only_table(PIPES)
    assert table.columns.names == ("for", "against")
    first, second = table.rows
    assert first.votes == {"for": 138718463, "against": 0}  # `-` is nil; no abstain column: no key
    assert first.title == ("To receive and consider the audited financial statements and the reports of the "
                           "directors and of the auditors for the year ended 31 December 2018")
    assert first.percents == {"for": 100.0, "against": 0.0}
    assert second.title == "To declare a final dividend in cash"


FLAT = (
    "Ordinary Resolutions Number of Votes (%) For Against 5. Ordinary Resolution No. 5 of the Notice of "
    "1,362,066,822 1,238,028 Annual General Meeting (To give a general (99.91%) (0.09%) mandate to the "
    "Directors to issue new shares of the Company). As more than 50% of the votes were cast in favour of "
    "this resolution, the resolution was duly passed. 6. Ordinary Resolution No. 6 of the Notice of "
    "1,362,066,822 1,238,028 Annual General Meeting (To extend the general (99.91%) (0.09%) mandate). As "
    "less than 50% of the votes were cast in favour of this resolution, the resolution was not passed.\n\n"
    "As at the date of the AGM, the total number of issued shares was 1,966,387,866 shares.\n"
)


def test_table_flattened_into_one_line() -> None:
    five, six = only_table(FLAT).rows
    assert (five.number, five.votes) == ("5", {"for": 1362066822, "against": 1238028})
    assert five.title == ("Ordinary Resolution No. 5 of the Notice of Annual General Meeting (To give a general "
                          "mandate to the Directors to issue new shares of the Company)")
    assert five.passed is True and six.passed is False
    assert six.number == "6"


SUBS_AND_CLASSES = (
    "SPECIAL RESOLUTIONS\tFor\tAgainst\tAbstain\n"
    "1.\tTo approve the following:\n"
    "\t(a)\tthe issue of A Shares\tA Shares\t100 (50%)\t0 (0%)\t0 (0%)\n"
    "\t\tH Shares\t100 (50%)\t0 (0%)\t0 (0%)\n"
    "\t\tTotal\t200 (100%)\t0 (0%)\t0 (0%)\n"
    "\t(b)\tthe use of proceeds\t300\t2\t1\n"
    "2.\tWithdrawn\tN/A\tN/A\tN/A\n"
    "3.\tTo amend the Articles of Association\t400\t5\t0\n"
)


def test_sub_resolutions_class_lines_and_withdrawn() -> None:
    table = only_table(SUBS_AND_CLASSES)
    got = {r.number: r for r in table.rows}
    assert list(got) == ["1(a)", "1(b)", "2", "3"]
    assert got["1(a)"].votes == {"for": 200, "against": 0, "abstain": 0}  # the Total line
    assert got["1(a)"].title == "the issue of A Shares"
    assert got["1(b)"].votes == {"for": 300, "against": 2, "abstain": 1}
    assert got["2"].withdrawn and not got["2"].votes
    assert got["3"].kind == "special"


CUMULATIVE = (
    "CUMULATIVE VOTING RESOLUTIONS\tNumber of votes obtained\tPercentage\tElected\n"
    "4.00\tTo elect non-independent directors\n"
    "4.01\tTo elect Mr. Li Wei\t1,234,567\t99.50%\tYes\n"
    "4.02\tTo elect Ms. Wang Fang\t1,200,000\t96.70%\tYes\n"
)


def test_cumulative_voting_sub_resolutions_have_only_votes_for() -> None:
    table = only_table(CUMULATIVE)
    assert [(r.number, r.votes, r.passed) for r in table.rows] == [
        ("4.01", {"for": 1234567}, True), ("4.02", {"for": 1200000}, True)]
    assert table.rows[0].title == "To elect Mr. Li Wei"


A_SHARE_COLUMNS = (
    "No.\tResolution\tFor\t\tAgainst\t\tAbstain\t\n"
    "\t\tNumber of shares\t%\tNumber of shares\t%\tNumber of shares\t%\n"
    "1\tTo approve the profit distribution plan\t573,113,303\t96.5520\t20,466,673\t3.4480\t0\t0.0000\n"
    "2\tTo approve the annual report\t100\t100\t0\t0\t0\t0\n"
)


def test_percentage_in_its_own_column_without_percent_sign() -> None:
    first, second = only_table(A_SHARE_COLUMNS).rows
    assert first.votes == {"for": 573113303, "against": 20466673, "abstain": 0}
    assert first.percents == {"for": 96.552, "against": 3.448, "abstain": 0.0}
    assert second.votes == {"for": 100, "against": 0, "abstain": 0}


LAYOUT = (
    "                                            Number of votes (%)\n"
    "   Ordinary Resolutions                     For              Against\n"
    "1. To receive the audited financial         1,234,567,890    12,345\n"
    "   statements for the year ended 31          (99.99%)         (0.01%)\n"
    "   December 2022.\n"
    "\n"
    "2. To re-appoint KPMG as auditor            1,000            0\n"
    "                                            (100.00%)        (0.00%)\n"
)


def test_space_aligned_columns_with_wrapped_title() -> None:
    first, second = only_table(LAYOUT).rows
    assert first.votes == {"for": 1234567890, "against": 12345}
    assert first.title == "To receive the audited financial statements for the year ended 31 December 2022"
    assert second.votes == {"for": 1000, "against": 0}


MARKDOWN = (
    "| Resolutions | For | Against | Total number of votes |\n"
    "|---|---|---|---|\n"
    "| 1. To adopt the 2023 Share Scheme | 900 (90%) | 100 (10%) | 1,000 |\n"
)


def test_total_column_is_not_abstain() -> None:
    (row,) = only_table(MARKDOWN).rows
    assert row.votes == {"for": 900, "against": 100}
    assert row.title == "To adopt the 2023 Share Scheme"


def test_prose_about_voting_is_not_a_table() -> None:
    prose = ("No Shareholder was required to vote for, against or abstain on any resolution. "
             "1. Convening of the Meetings. The total number of Shares was 1,000 Shares.")
    assert find_tables(prose) == []


def test_row_with_vote_cells_missing_is_skipped_not_guessed() -> None:
    text = "\tFOR\tAGAINST\tABSTAIN\n1.\tTo approve the plan\t1,000\t20\n\n"
    problems: list[tuple[str, int, int]] = []
    assert find_tables(text, problems) == []
    assert problems and "2 vote cells" in problems[0][0]


def test_truncated_count_is_not_a_vote() -> None:
    text = "For\tAgainst\n1.\tTo approve\t100\t0\n2.\tTo declare a dividend\t138,718,4"
    assert rows(text) == [("1", {"for": 100, "against": 0})]


def test_references_and_dates_do_not_start_rows() -> None:
    text = ("For\tAgainst\n1.\tTo extend the mandate under resolution No. 2. by the number repurchased\t"
            "10 (90%)\t1 (10%)\n2.\tTo approve the scheme\t5 (100%)\t0 (0%)\n")
    assert [n for n, _ in rows(text)] == ["1", "2"]


def test_lone_number_in_running_text_is_title() -> None:
    cells = read_cells("To issue 2,000,000 new shares 1,500 (75%) 500 (25%)")
    assert [v for v, _ in cells.counts] == [1500, 500]
    assert [w for w, _ in cells.words] == ["To", "issue", "2,000,000", "new", "shares"]


PDF_LINES = (
    "Number of Votes (%) For Against\n"
    "1. To receive the audited financial statements for the year ended 31 December 2022 1,234,567,890 12,345\n"
    "(99.99 %) (0.01 %)\n"
    "– 2 –\n"
    "2. To re-elect the following directors:\n"
    "(A) Mr. Chan Tai Man as executive director 1,000 Nil\n"
    "(B) Ms. Lee Mei as independent non-executive director 900 100\n"
)


def test_pdf_lines_year_before_counts_uppercase_letters_nil_and_page_numbers() -> None:
    table = only_table(PDF_LINES)
    assert [(r.number, r.votes) for r in table.rows] == [
        ("1", {"for": 1234567890, "against": 12345}),
        ("2(A)", {"for": 1000, "against": 0}),
        ("2(B)", {"for": 900, "against": 100}),
    ]
    assert table.rows[0].title == "To receive the audited financial statements for the year ended 31 December 2022"
    assert table.rows[0].percents == {"for": 99.99, "against": 0.01}


A_H_LAYOUT = (
    "                                      For                    Against               Abstain\n"
    " No.  Resolutions              Number of shares   %    Number of shares   %   Number of shares   %\n"
    "SPECIAL RESOLUTIONS\n"
    " 1.   To approve the issue     A Shares   573,113,303   96.5520   20,466,673   3.4480   0   0.0000\n"
    "      of new shares            H Shares   64,483,760   97.0475   1,958,634   2.9477   3,200   0.0048\n"
    "                               Total   637,597,063   96.5981   22,425,307   3.3975   3,200   0.0005\n"
    "\n"
    "CUMULATIVE VOTING RESOLUTIONS\n"
    "2.00  To elect the directors\n"
    "      Number of votes obtained   Percentage (%)   Elected\n"
    "2.01  To elect Mr. Li Wei   1,234,567   99.50   Yes\n"
    "\n"
    "The above resolution No. 1 was passed as a special resolution; it was voted on by the non-cumulative voting "
    "system.\n"
)


def test_class_lines_with_total_and_cumulative_table_after_it() -> None:
    tables = find_tables(A_H_LAYOUT)
    assert [(r.number, r.votes, r.kind) for t in tables for r in t.rows] == [
        ("1", {"for": 637597063, "against": 22425307, "abstain": 3200}, "special"),
        ("2.01", {"for": 1234567}, None),
    ]
    assert tables[0].rows[0].title == "To approve the issue of new shares"


def test_enumeration_inside_a_title_is_not_a_sub_resolution() -> None:
    text = ("For\tAgainst\n1.\tTo approve: (i) the Agreement; and (ii) the transactions contemplated thereunder\t"
            "1,000 (99%)\t10 (1%)\n2.\tTo approve the following:\n\t(i)\tthe Framework Agreement; and\n"
            "\t(ii)\tthe annual caps\t2,000 (100%)\t0 (0%)\n")
    table = only_table(text)
    assert [(r.number, r.votes) for r in table.rows] == [("1", {"for": 1000, "against": 10}),
                                                        ("2", {"for": 2000, "against": 0})]
    assert table.rows[0].title == "To approve: (i) the Agreement; and (ii) the transactions contemplated thereunder"
    assert table.rows[1].title == "To approve the following: (i) the Framework Agreement; and (ii) the annual caps"


def test_withdrawn_is_read_in_the_row_not_in_the_prose_below() -> None:
    text = ("For\tAgainst\n1.\tTo approve the plan\t100\t0\n2.\tTo approve the option scheme\n\n"
            "Resolution 3 set out in the notice was withdrawn before the meeting.\n")
    assert [(r.number, r.withdrawn) for r in only_table(text).rows] == [("1", False)]
    text = "For\tAgainst\n1.\tTo approve the plan\t100\t0\n2.\tTo approve the option scheme (withdrawn)\tN/A\tN/A\n"
    assert [(r.number, r.withdrawn, r.votes) for r in only_table(text).rows] == [
        ("1", False, {"for": 100, "against": 0}), ("2", True, {})]


#: One AGM table: (number, sub-letter, title lines, (for, %), (against, %)).
AGM_ROWS = (
    ("1.", None, ("To receive and consider the audited financial", "statements for the year ended 31",
                  "December 2018."), ("138,718,463", "(100.00%)"), ("-", "(0.00%)")),
    ("2.", "(a)", ("To re-elect Mr. Ng Cheung Shing as director.",), ("138,000,000", "(99.48%)"),
     ("718,463", "(0.52%)")),
    (None, "(b)", ("To re-elect Mr. Leung King San, Sunny as", "director."), ("138,718,463", "(100.00%)"),
     ("-", "(0.00%)")),
    ("3.", None, ("To grant a general mandate to the directors to", "issue shares not exceeding 20% of the",
                  "issued shares."), ("120,000,000", "(86.51%)"), ("18,718,463", "(13.49%)")),
)
AGM_EXPECTED = [
    ("1", {"for": 138718463, "against": 0},
     "To receive and consider the audited financial statements for the year ended 31 December 2018"),
    ("2(a)", {"for": 138000000, "against": 718463}, "To re-elect Mr. Ng Cheung Shing as director"),
    ("2(b)", {"for": 138718463, "against": 0}, "To re-elect Mr. Leung King San, Sunny as director"),
    ("3", {"for": 120000000, "against": 18718463},
     "To grant a general mandate to the directors to issue shares not exceeding 20% of the issued shares"),
]


def _cells_of(rows: tuple) -> list[str]:
    """The table's cells in reading order, as a PDF-to-text tool emits them."""
    cells = ["Ordinary Resolutions", "Number of Shares Voted (Approximate %)", "For", "Against"]
    for number, sub, title, (votes_for, pct_for), (against, pct_against) in rows:
        cells += [c for c in (number, sub) if c]
        cells += [title[0], votes_for, against]
        cells += [title[1] if len(title) > 1 else "", pct_for, pct_against]
        cells += list(title[2:])
    return cells


@pytest.mark.parametrize("joiner", ["\n|\n", " "], ids=["cell-per-line", "one-line"])
def test_same_table_in_other_flattenings(joiner: str) -> None:
    text = joiner.join(c for c in _cells_of(AGM_ROWS) if c) + "\n\nAs at the date of the AGM, ...\n"
    assert [(r.number, r.votes, r.title) for r in only_table(text).rows] == AGM_EXPECTED


def test_bare_number_ending_a_title_line_before_the_vote_cells() -> None:
    text = ("For Against 1. To receive the accounts for the year ended 31 138,718,463 - December 2018. "
            "(100.00%) (0.00%) 2. To declare a dividend 5 (100.00%) 0 (0.00%)\n")
    assert [(r.number, r.votes, r.title) for r in only_table(text).rows] == [
        ("1", {"for": 138718463, "against": 0}, "To receive the accounts for the year ended 31 December 2018"),
        ("2", {"for": 5, "against": 0}, "To declare a dividend")]


def test_total_column_before_for() -> None:
    text = "Resolution\tTotal number of votes\tFor\tAgainst\n1.\tTo approve the plan\t1,000\t990 (99%)\t10 (1%)\n"
    assert rows(text) == [("1", {"for": 990, "against": 10})]


def test_percentage_of_total_votes_in_a_header_is_not_a_total_column() -> None:
    text = ("Ordinary Resolutions\n|\nNumber of Votes Cast and Approximate Percentage of Total Number of Votes Cast\n"
            "|\nFor\n|\nAgainst\n|\n1.\n|\nTo approve the plan\n|\n1,000 (99%)\n|\n10 (1%)\n")
    assert rows(text) == [("1", {"for": 1000, "against": 10})]


def test_special_resolutions_numbered_anew_under_their_label() -> None:
    text = ("ORDINARY RESOLUTIONS\tFor\tAgainst\n1.\tTo adopt the accounts\t100\t0\n2.\tTo declare a dividend\t90\t10\n"
            "SPECIAL RESOLUTION\n1.\tTo amend the articles\t80\t20\n")
    table = only_table(text)
    assert [(r.number, r.kind, r.votes["for"]) for r in table.rows] == [
        ("1", "ordinary", 100), ("2", "ordinary", 90), ("1", "special", 80)]
    assert table.rows[1].title == "To declare a dividend"


def test_year_wrapped_into_a_cell_of_its_own() -> None:
    text = ("For\n|\nAgainst\n|\n1.\n|\nTo adopt the accounts for the year ended 31 December\n|\n1,000\n|\n0\n|\n"
            "2019\n|\n2.\n|\nTo declare a dividend\n|\n900\n|\n0\n")
    table = only_table(text)
    assert [(r.number, r.votes) for r in table.rows] == [("1", {"for": 1000, "against": 0}),
                                                        ("2", {"for": 900, "against": 0})]
    assert table.rows[0].title == "To adopt the accounts for the year ended 31 December 2019"


def test_numbered_sub_resolutions_in_brackets() -> None:
    text = ("For\tAgainst\tAbstain\n7.\tTo approve the proposed issue of H Shares:\n"
            "\t(1)\tClass of shares\t100\t0\t0\n\t(2)\tIssue price\t99\t1\t0\n8.\tTo approve the plan\t98\t2\t0\n")
    assert [(r.number, r.votes["for"]) for r in only_table(text).rows] == [("7(1)", 100), ("7(2)", 99), ("8", 98)]


def test_kind_label_on_its_own_line_above_one_cell_per_line_rows() -> None:
    # the statement below the table speaks of several resolutions: the label above the row decides
    text = ("For\nAgainst\nOrdinary Resolution\n1.\nTo adopt the accounts of the Company.\n5,000\n(100%)\n0\n(0%)\n"
            "SPECIAL RESOLUTION:\n2.\nTo adopt the new articles of\nassociation.\n4,000\n(80%)\n1,000\n(20%)\n"
            "As the votes cast in favour of resolutions 1 and 2 exceeded the thresholds, they were passed as "
            "ordinary resolutions and a special resolution.\n")
    assert [(r.number, r.kind, r.title) for r in only_table(text).rows] == [
        ("1", "ordinary", "To adopt the accounts of the Company"),
        ("2", "special", "To adopt the new articles of association")]


def test_kind_label_in_the_header_row_of_a_second_table() -> None:
    text = ("ORDINARY RESOLUTION\tFor\tAgainst\n1.\tTo adopt the accounts\t100 (100%)\t0 (0%)\n"
            "SPECIAL RESOLUTIONS\tFor\tAgainst\n2.\tTo amend the articles\t80 (80%)\t20 (20%)\n"
            "3.\tTo reduce the share premium\t90 (90%)\t10 (10%)\n")
    assert [(r.number, r.kind) for t in find_tables(text) for r in t.rows] == [
        ("1", "ordinary"), ("2", "special"), ("3", "special")]


def test_statement_below_a_row_gives_its_kind_only_when_it_names_no_other_number() -> None:
    base = "For\tAgainst\n1.\tTo amend the articles\t80\t20\n{}\n"
    assert only_table(base.format("The above resolution was passed as a special resolution.")).rows[0].kind == "special"
    assert only_table(base.format("The above resolution No. 3 was passed as a special resolution.")).rows[0].kind is None
    assert only_table(base.format("All the above resolutions were passed as special resolutions.")).rows[0].kind is None


def test_title_stops_at_the_sentence_below_the_table() -> None:
    text = ("Resolutions\tFor\t%\tAgainst\t%\n1.\tTo adopt the accounts\t1,000\t100.00\t0\t0.00\n"
            "2.\tTo grant a general mandate to repurchase shares\t900\t90.00\t100\t10.00\n"
            "Computershare Hong Kong Investor Services Limited was appointed by the Company as the scrutineer for\n"
            "the vote-taking at the meeting.\n")
    last = only_table(text).rows[-1]
    assert (last.title, last.votes) == ("To grant a general mandate to repurchase shares", {"for": 900, "against": 100})


def test_title_lines_after_the_votes_that_are_no_sentence_stay_in_the_title() -> None:
    # a short capitalised continuation, a lower-case one, and a tabbed one
    text = ("For\tAgainst\n1.\tTo approve the amendments to the\t1,000 (99%)\t10 (1%)\nArticles of Association\n"
            "2.\tTo approve the framework agreement dated\t900 (90%)\t100 (10%)\nand the annual caps for the three "
            "years ending 31 December 2026\n3.\tTo approve the plan\t800 (80%)\t200 (20%)\n"
            "\tDetails of the Share Option Scheme adopted by the Company\n")
    assert [r.title for r in only_table(text).rows] == [
        "To approve the amendments to the Articles of Association",
        "To approve the framework agreement dated and the annual caps for the three years ending 31 December 2026",
        "To approve the plan Details of the Share Option Scheme adopted by the Company"]


def test_title_stops_at_a_section_heading_but_not_at_a_class_label() -> None:
    # a numbered heading in capitals and a roman-numbered one in title case end the row above them
    for heading in ("2. RESULTS OF THE CLASS MEETING OF H SHAREHOLDERS", "V. Results of the H Share Class Meeting",
                    "RESULTS OF THE CLASS MEETING OF H SHAREHOLDERS"):
        text = (f"For\tAgainst\n1.\tTo approve the placing of new H Shares\t7,000 (70%)\t3,000 (30%)\n{heading}\n"
                "Resolution\tFor\tAgainst\n1.\tTo approve the placing of new H Shares\t800 (80%)\t200 (20%)\n")
        first, second = find_tables(text)
        assert first.rows[0].title == second.rows[0].title == "To approve the placing of new H Shares"
        assert text[first.end:second.start].strip().startswith(heading)
    # class lines one cell per line, in capitals, belong to the row: its votes are the Total line
    text = ("FOR\nAGAINST\nABSTAIN\n1.\nTo approve the placing of new H Shares\nA SHARES\n100\n0\n0\n"
            "H SHARES\n50\n1\n0\nTOTAL\n150\n1\n0\n2.\nTo approve the annual report\n150\n1\n0\n")
    assert rows(text) == [("1", {"for": 150, "against": 1, "abstain": 0}), ("2", {"for": 150, "against": 1, "abstain": 0})]


def test_sub_header_ending_on_votes_cast_and_tab_led_titles_wrapped_above_their_votes() -> None:
    text = ("Resolutions\tNumber of shares voted and approximate % of the total votes cast\n"
            "\tFOR\tAGAINST\n"
            "ORDINARY RESOLUTION\n"
            "1.\tTo approve the subscription agreement dated 2 October 2025 entered into between the\n"
            "Company and Lantau Harbour Capital Limited and the specific mandate to allot and\n"
            "issue the subscription shares\n"
            "88,120,500\n(97.25%)\n2,492,000\n(2.75%)\n"
            "2.\tTo approve the whitewash waiver\n"
            "80,000,000\n(88.29%)\n10,612,500\n(11.71%)\n"
            "As more than 50% of the votes were cast in favour of each resolution, both were duly passed.\n")
    first, second = only_table(text).rows
    assert (first.number, first.votes, first.kind) == ("1", {"for": 88120500, "against": 2492000}, "ordinary")
    assert first.title == ("To approve the subscription agreement dated 2 October 2025 entered into between the "
                           "Company and Lantau Harbour Capital Limited and the specific mandate to allot and "
                           "issue the subscription shares")
    assert (second.number, second.votes, second.percents) == ("2", {"for": 80000000, "against": 10612500},
                                                              {"for": 88.29, "against": 11.71})


def test_prose_wrapping_after_a_vote_word_is_not_a_header() -> None:
    for prose in ("Holders of H Shares were entitled to vote\nfor or against each resolution at the meeting. "
                  "1. The total number of H Shares was 1,000 Shares and 2,000 votes.",
                  "Holders of H Shares were entitled to vote for or against\neach resolution; 1,000 H Shares, 20 voted."):
        assert find_tables(prose) == []


def test_nested_re_election_list_under_a_lettered_heading_row() -> None:
    # tabbed rows, an uppercase-free heading row without votes, and a list numbered (1), (2) under it
    text = ("\tFOR\tAGAINST\n"
            "1.\tTo adopt the audited financial statements\t5,000 (100.00%)\t0 (0.00%)\n"
            "2.\t(a)\tEach as a separate resolution, to re-elect:\n"
            "\t\t(1)\tMs. Sze Wing Yan as an executive director\t4,900 (98.00%)\t100 (2.00%)\n"
            "\t\t(2)\tMr. Ho Pak Lun as an independent non-executive director\t4,800 (96.00%)\t200 (4.00%)\n"
            "\t(b)\tTo authorise the board to fix the directors' remuneration\t4,950 (99.00%)\t50 (1.00%)\n"
            "3.\tTo re-appoint the auditor\t4,990 (99.80%)\t10 (0.20%)\n")
    got = [(r.number, r.title, r.votes["for"]) for r in only_table(text).rows]
    assert got == [
        ("1", "To adopt the audited financial statements", 5000),
        ("2(a)(1)", "Ms. Sze Wing Yan as an executive director", 4900),
        ("2(a)(2)", "Mr. Ho Pak Lun as an independent non-executive director", 4800),
        ("2(b)", "To authorise the board to fix the directors' remuneration", 4950),
        ("3", "To re-appoint the auditor", 4990)]


def test_nested_list_one_value_per_line() -> None:
    text = ("For\nAgainst\n6.\n(a)\nTo re-elect the retiring Directors:\n(i)\nMr. Kwok Siu Ming\n700\n(70.00%)\n300\n"
            "(30.00%)\n(ii)\nMs. Yip Lai Kuen\n900\n(90.00%)\n100\n(10.00%)\n(b)\nTo fix the Directors' fees\n"
            "1,000\n(100.00%)\n0\n(0.00%)\n")
    assert rows(text) == [("6(a)(i)", {"for": 700, "against": 300}), ("6(a)(ii)", {"for": 900, "against": 100}),
                          ("6(b)", {"for": 1000, "against": 0})]


def test_enumeration_inside_a_lettered_row_with_its_own_votes_is_not_nested() -> None:
    text = ("\tFOR\tAGAINST\n"
            "5.\t(a)\tTo approve (i) the Supply Agreement; and\n"
            "\t\t(ii) the annual caps thereunder\t800 (80.00%)\t200 (20.00%)\n"
            "\t(b)\tTo approve the Services Agreement\t900 (90.00%)\t100 (10.00%)\n")
    table = only_table(text)
    assert [(r.number, r.votes["for"]) for r in table.rows] == [("5(a)", 800), ("5(b)", 900)]
    assert table.rows[0].title == "To approve (i) the Supply Agreement; and (ii) the annual caps thereunder"
    # nested numbers under a heading row, with no votes of their own before the next one: no rows
    text = ("\tFOR\tAGAINST\n"
            "5.\t(a)\tTo approve:\n\t\t(i)\tthe Supply Agreement; and\n\t\t(ii)\tthe annual caps thereunder\n"
            "\t\t\t800 (80.00%)\t200 (20.00%)\n"
            "\t(b)\tTo approve the Services Agreement\t900 (90.00%)\t100 (10.00%)\n")
    assert [(r.number, r.votes["for"]) for r in only_table(text).rows] == [("5(a)", 800), ("5(b)", 900)]


def test_page_marker_of_the_reader_inside_the_last_row_is_not_title() -> None:
    text = ("\tFor\tAgainst\n1.\tTo approve the share consolidation\t900 (90.00%)\t100 (10.00%)\n"
            "2.\tTo approve the change in board lot size of the\t950 (95.00%)\t50 (5.00%)\n"
            "\tshares of the Company\n<<<PAGE 3>>>\n– 3 –\n"
            "As more than 50% of the votes were cast in favour of each resolution, each was duly passed.\n")
    assert only_table(text).rows[-1].title == "To approve the change in board lot size of the shares of the Company"


def test_statement_below_the_table_gives_kinds_by_number() -> None:
    table = ("\tFor\tAgainst\n1.\tTo adopt the accounts\t90\t10\n2.\t(a)\tTo re-elect Mr. A\t90\t10\n"
             "\t(b)\tTo re-elect Ms. B\t90\t10\n3.\tTo amend the articles\t90\t10\n{}\n")
    kinds = lambda statement: [(r.number, r.kind) for r in only_table(table.format(statement)).rows]  # noqa: E731
    assert kinds("Resolution Nos. 1 to 2(b) were passed as ordinary resolutions, and resolution No. 3 was\n"
                 "passed as a special resolution.") == [
        ("1", "ordinary"), ("2(a)", "ordinary"), ("2(b)", "ordinary"), ("3", "special")]
    assert kinds("As over half of the votes were cast in favour of the resolutions numbered 1, 2(a) and 2(b),\n"
                 "such resolutions were duly passed as ordinary resolutions.")[:3] == [
        ("1", "ordinary"), ("2(a)", "ordinary"), ("2(b)", "ordinary")]
    # a number the table does not have, a meeting named, or two kinds for one row: not read
    for statement in ("Resolutions No. 1 to 4 were passed as ordinary resolutions.",
                      "Resolutions No. 1 to 3 were passed as special resolutions at the H Share Class Meeting.",
                      "Resolution No. 1 was passed as an ordinary resolution. Resolution No. 1 was passed as a "
                      "special resolution."):
        assert kinds(statement)[0] == ("1", None)


def test_withdrawn_rows_have_no_votes_and_their_own_title_or_none() -> None:
    table = ("For\tAgainst\n1.\tTo adopt the accounts\t90 (90.00%)\t10 (10.00%)\n{}\n"
             "3.\tTo amend the articles\t80\t20\n")
    second = lambda row: only_table(table.format(row)).rows[1]  # noqa: E731
    for row in ("2.\tWithdrawn\tN/A\tN/A", "2.\tWithdrawn", "2.\tNot put to vote\tNot put to vote",
                "2.\t(Withdrawn)\t-\t-", "2.  Withdrawn   N/A   N/A"):
        got = second(row)
        assert (got.number, got.withdrawn, got.title, got.votes, got.percents) == ("2", True, None, {}, {}), row
    for row in ("2.\tTo adopt the 2025 Share Award Scheme\tWithdrawn\tWithdrawn",
                "2.\tTo adopt the 2025 Share Award Scheme (withdrawn)\t-\t-",
                "2.\tTo adopt the 2025 Share Award Scheme\tN/A\tN/A\tThis resolution was withdrawn",
                "2.\tTo adopt the 2025 Share Award Scheme – this resolution was withdrawn and not put to the vote\t"
                "Not applicable\tNot applicable",
                "2.\tTo adopt the 2025 Share Award\tWithdrawn\tWithdrawn\n\tScheme"):
        got = second(row)
        assert (got.withdrawn, got.title, got.votes) == (True, "To adopt the 2025 Share Award Scheme", {}), row
    # a statement naming the row's number says what its `N/A` cells do not
    text = ("The proposed resolution no. 2 set out in the notice of the EGM in relation to the 2025 Share Award "
            "Scheme was withdrawn and was not put to vote.\n\n" + table.format("2.\tTo adopt the scheme\tN/A\tN/A"))
    got = only_table(text).rows[1]
    assert (got.number, got.withdrawn, got.title, got.votes) == ("2", True, "To adopt the scheme", {})


def test_rows_not_withdrawn() -> None:
    table = "For\tAgainst\n1.\tTo adopt the accounts\t90\t10\n{}\n3.\tTo amend the articles\t80\t20\n{}"

    def numbers(row: str, below: str = "") -> list[tuple[str, bool]]:
        return [(r.number, r.withdrawn) for r in only_table(table.format(row, below)).rows]

    # votes cast: a title speaking of a withdrawal is not one
    assert numbers("2.\tTo approve the withdrawn listing application of the subsidiary\t70\t30")[1] == ("2", False)
    # no votes and no word of a withdrawal, or a statement about another resolution: not a row
    assert numbers("2.\tTo adopt the scheme\tN/A\tN/A") == [("1", False), ("3", False)]
    assert numbers("2.\tTo adopt the scheme\tN/A\tN/A",
                   "\nAs resolution no. 2(a) was passed, resolution no. 4 was not put to the vote.\n") == [
        ("1", False), ("3", False)]
    assert numbers("2.\tTo adopt the scheme\tN/A\tN/A",
                   "\nResolution no. 2 was passed; resolution no. 4 was withdrawn.\n") == [("1", False), ("3", False)]


@pytest.mark.parametrize("word", ["the", "of", "and", "to", "for"])
def test_title_wrapped_onto_a_line_starting_with_a_capital_after_mid_phrase(word: str) -> None:
    cut = {"the": "the auditor of the", "of": "the auditor of", "and": "the auditor of the Company and",
           "to": "the auditor of the Company and", "for": "the auditor of the Company for"}[word]
    rest = {"the": "Company and to authorise the board of directors to fix its",
            "of": "The Company and to authorise the board of directors to fix its",
            "and": "To authorise the board of directors of the Company to fix its",
            "to": "Authorise the board of directors of the Company to fix its",
            "for": "The Ensuing Year and to authorise the board of directors to fix its"}[word]
    head = cut + ("" if word != "to" else " to")
    text = (f"ORDINARY RESOLUTIONS\tFor\tAgainst\n"
            f"4.\tTo re-appoint PricewaterhouseCoopers as {head}\t812,345,120\t0\n{rest}\nremuneration.\n"
            f"100.00%\n0.00%\n5.\tTo grant a general mandate to the directors\t650,221,480\t162,123,640\n"
            f"80.04%\n19.96%\n")
    row = only_table(text).rows[0]
    assert row.title == f"To re-appoint PricewaterhouseCoopers as {head} {rest} remuneration"
    assert row.votes == {"for": 812345120, "against": 0}


def test_title_wrapped_over_page_furniture_and_blank_lines() -> None:
    text = ("\tFor\tAgainst\tTotal number of votes\n"
            "3.\tTo re-appoint BDO Limited as auditor of the\t1,021,356,000\t2,100,000\t1,023,456,000\n\n"
            "<<<PAGE 2>>>\n– 2 –\n"
            "Company and to authorise the board of directors\t(99.79%)\t(0.21%)\t(100%)\n"
            "to fix its remuneration.\n"
            "4.\tTo give a general mandate to the directors\t868,205,500\t155,250,500\t1,023,456,000\n")
    first, second = only_table(text).rows
    assert first.title == ("To re-appoint BDO Limited as auditor of the Company and to authorise the board of "
                           "directors to fix its remuneration")
    assert first.percents == {"for": 99.79, "against": 0.21}
    assert second.number == "4"


def test_a_complete_title_does_not_take_the_sentence_below() -> None:
    # the last title ends on a word, not mid-phrase: the capitalised sentence below is not title text
    text = ("\tFor\tAgainst\n1.\tTo adopt the accounts\t90\t10\n"
            "2.\tTo re-appoint KPMG as auditor\t950\t50\n"
            "Tricor Investor Services Limited, the share registrar of the Company, acted as the scrutineer.\n")
    assert only_table(text).rows[-1].title == "To re-appoint KPMG as auditor"
    # nor a heading of the next table after a page break
    text = ("\tFor\tAgainst\n1.\tTo adopt the accounts\t90\t10\n2.\tTo re-appoint KPMG as auditor\t950\t50\n\n"
            "<<<PAGE 2>>>\n– 2 –\n\nPOLL RESULTS OF THE H SHARE CLASS MEETING\n\n"
            "\tFor\tAgainst\n1.\tTo approve the repurchase mandate\t70\t30\n")
    tables = find_tables(text)
    assert [[(r.number, r.title) for r in t.rows] for t in tables] == [
        [("1", "To adopt the accounts"), ("2", "To re-appoint KPMG as auditor")],
        [("1", "To approve the repurchase mandate")]]


# A `Votes cast (%)` cell spanning the vote columns, a `Total votes` cell after it, and the column names on the
# line below: the names fill the span, the total is the last count.
SPANNED = ("Proposals\tVotes cast (%)\tTotal number of votes\n"
           "\tFor\tAgainst\n"
           "1.\tTo adopt the share award plan\t30,000 (37.50%)\t50,000 (62.50%)\t80,000\n"
           "2.\tTo refresh the scheme mandate\t79,000 (98.75%)\t1,000 (1.25%)\t80,000\n")


def test_spanning_vote_header_puts_the_total_column_last() -> None:
    table = only_table(SPANNED)
    assert table.columns.names == ("for", "against", "total")
    assert [(r.number, r.votes, r.total) for r in table.rows] == [
        ("1", {"for": 30000, "against": 50000}, 80000), ("2", {"for": 79000, "against": 1000}, 80000)]
    assert table.rows[0].percents == {"for": 37.5, "against": 62.5}


def test_spanning_vote_header_with_abstain_column() -> None:
    text = ("Proposals\tNumber of votes (approximate %)\tTotal number of votes\n\tFor\tAgainst\tAbstain\n"
            "1.\tTo adopt the share award plan\t600 (60%)\t300 (30%)\t100 (10%)\t1,000\n")
    assert rows(text) == [("1", {"for": 600, "against": 300, "abstain": 100})]


def test_the_count_that_is_the_sum_of_the_others_is_the_total() -> None:
    # `Total` on the line above `For | Against`, with no spanning cell before it: the header would put the
    # total first, but the last count is the sum of the others, so it is the total
    text = ("Proposals\tTotal number of votes\n\tFor\tAgainst\n1.\tTo adopt the share award plan\t700\t300\t1,000\n")
    (row,) = only_table(text).rows
    assert (row.votes, row.total) == ({"for": 700, "against": 300}, 1000)


def test_vote_columns_that_cannot_be_aligned_are_skipped_not_shifted() -> None:
    # the total was placed from another header line and no count is the sum of the others: no votes at all
    problems: list[tuple[str, int, int]] = []
    text = SPANNED.replace("\t80,000\n2.", "\t90,000\n2.")
    (row,) = find_tables(text, problems)[0].rows
    assert row.number == "2" and row.votes == {"for": 79000, "against": 1000}
    assert len(problems) == 1 and "resolution 1" in problems[0][0]


def test_a_total_before_the_names_on_their_own_line_is_still_the_first_column() -> None:
    text = "Proposals\tTotal votes\tFor\tAgainst\n1.\tTo adopt the share award plan\t1,000\t700 (70%)\t300 (30%)\n"
    (row,) = only_table(text).rows
    assert (row.votes, row.total) == ({"for": 700, "against": 300}, 1000)


def test_a_sentence_below_the_table_gives_the_result_of_the_resolution_it_names() -> None:
    text = ("\tFor\tAgainst\n1.\tTo adopt the share award plan\t300\t700\n2.\tTo amend the bye-laws\t720\t280\n\n"
            "As less than 50% of the votes were cast in favour of resolution 1, resolution 1 was not passed. "
            "As more than 50% of the votes were cast in favour of resolution 2, resolution 2 was duly passed.\n")
    assert [(r.number, r.passed) for r in only_table(text).rows] == [("1", False), ("2", True)]


def test_a_result_sentence_about_several_resolutions_or_saying_both_gives_none() -> None:
    text = ("\tFor\tAgainst\n1.\tTo adopt the share award plan\t300\t700\n2.\tTo amend the bye-laws\t720\t280\n\n"
            "Resolutions 1 and 2 were not passed. Resolution 2 was passed.\n")
    first, second = only_table(text).rows
    assert first.passed is None  # only named in a statement about several
    assert second.passed is True
    text = text.replace("Resolution 2 was passed.", "Resolution 2 was passed. Resolution 2 was not passed.")
    assert only_table(text).rows[1].passed is None

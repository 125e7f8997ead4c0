"""Pledges and releases: layouts written for these tests, consistency findings, and an
end-to-end score of the pledge family over seed 002 and the dev pledge filings."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.records import Announcement, DataQualityFinding, Pledge, PledgeRelease
from extract.readers import read_announcement
from extract.run import extract_announcement
from kg.evaluate import evaluate
from tests.scoring import extracted, gold_lines

DATA = Path(__file__).parent / "data"
MODULES = ("extract.shareholdings",)
TYPES = ("pledge", "pledge_release", "shareholding", "controlling_shareholder")


def _f1(gold_file: str, pred: list[dict], types: set[str]) -> tuple[float, float]:
    """(precision, F1) over `types`, by the exchange format's matching rules (`kg.evaluate`)."""
    total = evaluate(gold_lines(gold_file), pred, only=types).total
    return total.precision, total.f1


def _announce(doc_id: str, text: str) -> Announcement:
    return Announcement(doc_id=doc_id, path=f"{doc_id}.txt", text=text, sha256="", encoding="utf-8")


@pytest.mark.parametrize("fact_type", TYPES)
def test_seed_002_is_read_exactly(fact_type: str) -> None:
    pred = extracted([DATA / "seeds" / "002_f6d50b8c077761e6.txt"], MODULES)
    assert any(g["type"] == fact_type for g in gold_lines("seeds.jsonl"))
    assert _f1("seeds.jsonl", pred, {fact_type}) == (1.0, 1.0)


@pytest.mark.parametrize("fact_type", TYPES)
def test_dev_pledge_filings(fact_type: str) -> None:
    pred = extracted(sorted((DATA / "dev").glob("pledge__*.txt")), MODULES)
    precision, f1 = _f1("dev-pledges.jsonl", pred, {fact_type})
    assert f1 >= 0.97 and precision >= 0.97


HEAD = ("NANHE BRIGHT MATERIALS CO., LTD.\n\n(Stock Code: 09901)\n\n"
        "ANNOUNCEMENT ON PLEDGE OF SHARES BY THE CONTROLLING SHAREHOLDER\n\n"
        'On 3 May 2024, Nanhe Bright Materials Co., Ltd. (the "Company") received a notice from '
        'Nanhe Yuntai Holding Co., Ltd. ("Yuntai Holding"), the controlling shareholder of the '
        "Company. Details are as follows:\n\n")
TAIL = "\n\nBy order of the Board\nNanhe Bright Materials Co., Ltd.\nZhang Wei\nChairman\n\nNanhe, 6 May 2024\n"

STACKED_PLEDGE = HEAD + (
    "I. BASIC INFORMATION OF THE PLEDGE OF SHARES\n\n"
    "Name of Shareholder\n"
    "Number of pledged shares (10,000 shares)\n"
    "Whether supplemental pledge is adopted\n"
    "Commencement date of the pledge\n"
    "Expiry date of the pledge\n"
    "Pledgee\n"
    "Purpose of the pledge\n"
    "Yuntai Holding\n"
    "300.00\n"
    "Yes\n"
    "2 May 2024\n"
    "Until the pledgee applies for release\n"
    "Bank of Lishui Co., Ltd.\n"
    "Supplementary pledge\n"
    "Total\n300.00\n-\n-\n-\n-\n-\n"
    "\nNote: none.\n") + TAIL


def test_one_value_per_line_pledge_table() -> None:
    facts = extract_announcement(_announce("stacked", STACKED_PLEDGE), MODULES).facts
    pledges = [f for f in facts if isinstance(f, Pledge)]
    assert [(p.pledgor, p.pledgee, p.shares, p.start, p.end, p.supplemental, p.purpose) for p in pledges] == [
        ("Nanhe Yuntai Holding Co., Ltd.", "Bank of Lishui Co., Ltd.", 3_000_000, "2024-05-02", None, True,
         "Supplementary pledge")]


RELEASES_ONLY = HEAD + (
    "I. BASIC INFORMATION ON THE RELEASE OF PLEDGE OF SHARES\n\n"
    "Name of shareholder\tNumber of shares released from pledge (shares)\tProportion to its shareholding\t"
    "Proportion to the total share capital of the Company\tCommencement date of pledge\tRelease date\tPledgee\n"
    "Yuntai Holding\t5,000,000\t5.00%\t1.00%\t2023/01/16\t2024/05/02\tBank of Lishui Co., Ltd.\n"
    "Yuntai Holding\t2,000,000\t2.00%\t0.40%\tJanuary 20, 2023\t3 May 2024\tHuaxi Securities Co., Ltd.\n"
    "Total\t7,000,000\t7.00%\t1.40%\t-\t-\t-\n") + TAIL


def test_releases_only_with_mixed_date_formats() -> None:
    facts = extract_announcement(_announce("releases", RELEASES_ONLY), MODULES).facts
    releases = [f for f in facts if isinstance(f, PledgeRelease)]
    assert not [f for f in facts if isinstance(f, (Pledge, DataQualityFinding))]
    assert [(r.pledgor, r.pledgee, r.shares, r.start, r.end) for r in releases] == [
        ("Nanhe Yuntai Holding Co., Ltd.", "Bank of Lishui Co., Ltd.", 5_000_000, "2023-01-16", "2024-05-02"),
        ("Nanhe Yuntai Holding Co., Ltd.", "Huaxi Securities Co., Ltd.", 2_000_000, "2023-01-20", "2024-05-03"),
    ]


def test_row_without_a_readable_date_is_skipped_not_guessed() -> None:
    text = RELEASES_ONLY.replace("\t2024/05/02\t", "\tsoon\t")
    result = extract_announcement(_announce("undated", text), MODULES)
    assert len([f for f in result.facts if isinstance(f, PledgeRelease)]) == 1
    assert any(s.family == "pledges" for s in result.skipped)


def test_inconsistent_figures_become_findings() -> None:
    text = RELEASES_ONLY.replace("Total\t7,000,000", "Total\t7,500,000").replace("\t0.40%\t", "\t0.90%\t")
    facts = extract_announcement(_announce("inconsistent", text), MODULES).facts
    checks = sorted(f.check for f in facts if isinstance(f, DataQualityFinding))
    assert checks == ["percent_of_capital", "total_row", "total_row"]


def test_consistent_filings_have_no_findings() -> None:
    for path in [DATA / "seeds" / "002_f6d50b8c077761e6.txt", *sorted((DATA / "dev").glob("pledge__*.txt"))]:
        facts = extract_announcement(_announce(path.stem, path.read_text(encoding="utf-8")), MODULES).facts
        assert not [f for f in facts if isinstance(f, DataQualityFinding)], path.name


MESSY = HEAD + (
    "I. BASIC INFORMATION OF THE PLEDGE OF SHARES\n\n"
    "Name of Shareholder\tWhether a controlling shareholder\tNumber of pledged shares (in 10 thousand)\t"
    "Pledge date and expiry date\tPledgee\tPurpose of the pledge\n"
    "Yuntai Holding\tYes\t120.00\t02/05/2024 to 01/05/2025\tBank of Lishui Co.,\n"
    "Ltd.\tWorking capital\n"
    "\tYes\t80.00\t03/05/2024 to 02/05/2025\tHuaxi Securities Co., Ltd.\tRepayment of\n"
    "\t\t\t\t\tloans\n"
    "Total\t-\t200.00\t-\t-\t-\n") + TAIL


def test_messy_rows_merged_cells_wrapped_cells_and_merged_date_column() -> None:
    facts = extract_announcement(_announce("messy", MESSY), MODULES).facts
    pledges = [f for f in facts if isinstance(f, Pledge)]
    assert [(p.pledgor, p.pledgee, p.shares, p.start, p.end, p.purpose) for p in pledges] == [
        ("Nanhe Yuntai Holding Co., Ltd.", "Bank of Lishui Co., Ltd.", 1_200_000, "2024-05-02", "2025-05-01",
         "Working capital"),
        ("Nanhe Yuntai Holding Co., Ltd.", "Huaxi Securities Co., Ltd.", 800_000, "2024-05-03", "2025-05-02",
         "Repayment of loans"),
    ]


def test_one_value_per_line_that_cannot_be_aligned_is_counted() -> None:
    broken = STACKED_PLEDGE.replace("Bank of Lishui Co., Ltd.\n", "")
    result = extract_announcement(_announce("broken", broken), MODULES)
    assert not [f for f in result.facts if isinstance(f, Pledge)]
    assert [s.reason for s in result.skipped if s.family == "pledges"] == ["pledge table that could not be aligned"]


STACKED_HOLDINGS = HEAD + (
    "II. ACCUMULATED PLEDGED SHARES OF THE SHAREHOLDER\n\n"
    "Name of Shareholder\n"
    "Number of shares held (in 10 thousand)\n"
    "Shareholding ratio\n"
    "Number of pledged shares before the pledge (in 10 thousand)\n"
    "Number of pledged shares after the pledge (in 10 thousand)\n"
    "Yuntai Holding\n10,000.00\n20.00%\n1,000.00\n1,300.00\n"
    "Zhang Wei\n500.00\n1.00%\n0.00\n0.00\n"
    "Total\n10,500.00\n21.00%\n1,000.00\n1,300.00\n"
    "\nNote: none.\n") + TAIL


def test_one_value_per_line_holdings_table() -> None:
    facts = extract_announcement(_announce("stacked-holdings", STACKED_HOLDINGS), MODULES).facts
    holdings = [f for f in facts if f.TYPE == "shareholding"]
    assert [(h.holder, h.shares, h.percent, h.pledged_after) for h in holdings] == [
        ("Nanhe Yuntai Holding Co., Ltd.", 100_000_000, 20.0, 13_000_000),
        ("Zhang Wei", 5_000_000, 1.0, 0),
    ]
    # 1,000 before + 0 pledged in this document != 1,300 after
    assert [f.check for f in facts if isinstance(f, DataQualityFinding)] == ["pledge_balance"]


def _one_value_per_line(text: str, start_marker: str, end_marker: str, after: int = 0) -> str:
    """The text with the table between the markers rewritten one cell per line."""
    start = text.index(start_marker, after)
    end = text.index(end_marker, start)
    cells = [cell for line in text[start:end].split("\n") for cell in line.split("\t")]
    return text[:start] + "\n".join(cells) + text[end:]


def test_seed_tables_rewritten_one_value_per_line() -> None:
    """Seed 002's pledge and release tables, header fragments (`capital`) and all, one cell per line."""
    path = DATA / "seeds" / "002_f6d50b8c077761e6.txt"
    text = path.read_text(encoding="utf-8")
    text = _one_value_per_line(text, "Name of Shareholder", "\n\nNote: The pledged")
    text = _one_value_per_line(text, "Name of Shareholder", "\n\nNote: The Company", text.index("II. BASIC"))
    facts = extract_announcement(_announce(path.stem, text), MODULES).facts
    pred = [f.to_spec() for f in facts]
    assert _f1("seeds.jsonl", pred, {"pledge", "pledge_release"}) == (1.0, 1.0)


PROSE = ("LINGFENG ENERGY HOLDINGS LIMITED\n\n(Stock Code: 3399)\n\n"
         "PLEDGE OF SHARES BY CONTROLLING SHAREHOLDER\n\n"
         'This announcement is made by Lingfeng Energy Holdings Limited (the "Company"). The board of the '
         "Company has been informed by Lingfeng Global Investments Limited (\"Lingfeng Global\"), the \n"
         "controlling shareholder of the Company, that on 10 June 2025, Lingfeng Global pledged 180,000,000 \n"
         'shares of the Company (the "Pledged Shares"), representing approximately 12.00% of the total issued \n'
         'shares of the Company, in favour of Harbour Finance Limited (the "Lender") as security for a loan.\n'
         "On 11 June 2025, Lingfeng Global has released the pledge over 50,000,000 shares of the Company in \n"
         "favour of Eastern Bank Limited.\n"
         "As at the date of this announcement, Lingfeng Global is interested in 825,000,000 shares of the \n"
         "Company, representing approximately 55.00% of the total issued shares of the Company.\n") + TAIL


def test_pledge_and_release_told_in_prose_over_wrapped_lines() -> None:
    facts = extract_announcement(_announce("prose", PROSE), MODULES).facts
    pledges = [(f.TYPE, f.pledgor, f.pledgee, f.shares, f.start, f.end) for f in facts
               if isinstance(f, (Pledge, PledgeRelease))]
    assert pledges == [
        ("pledge", "Lingfeng Global Investments Limited", "Harbour Finance Limited", 180_000_000, "2025-06-10", None),
        ("pledge_release", "Lingfeng Global Investments Limited", "Eastern Bank Limited", 50_000_000, None,
         "2025-06-11"),
    ]
    holdings = [(f.holder, f.shares, f.percent) for f in facts if f.TYPE == "shareholding"]
    assert holdings == [("Lingfeng Global Investments Limited", 825_000_000, 55.0)]


def test_prose_that_states_no_pledge_is_not_read() -> None:
    text = PROSE.replace("Lingfeng Global pledged 180,000,000", "the shares pledged in 2020 (180,000,000")
    text = text.replace("has released the pledge over", "will consider the")
    text = text.replace("Lingfeng Global is interested", "Lingfeng Global and Mr. Wu Lei together are interested")
    facts = extract_announcement(_announce("no-prose", text), MODULES).facts
    assert not [f for f in facts if f.TYPE in ("pledge", "pledge_release", "shareholding")]


def test_passive_prose_pledge_and_release_with_expiry() -> None:
    text = PROSE.replace(
        "Lingfeng Global pledged 180,000,000 \nshares of the Company",
        "180,000,000 shares held by Lingfeng Global were pledged for a term expiring on 9 June 2026")
    text = text.replace(
        "Lingfeng Global has released the pledge over 50,000,000 shares of the Company in \nfavour of "
        "Eastern Bank Limited.",
        "the pledge over 50,000,000 shares created by Lingfeng Global in favour of Eastern Bank Limited "
        "was released.")
    facts = extract_announcement(_announce("passive", text), MODULES).facts
    pledges = [(f.TYPE, f.pledgor, f.pledgee, f.shares, f.start, f.end) for f in facts
               if isinstance(f, (Pledge, PledgeRelease))]
    assert pledges == [
        ("pledge", "Lingfeng Global Investments Limited", "Harbour Finance Limited", 180_000_000, "2025-06-10",
         "2026-06-09"),
        ("pledge_release", "Lingfeng Global Investments Limited", "Eastern Bank Limited", 50_000_000, None,
         "2025-06-11"),
    ]


# --- extensions of a pledge's term: the same pledge, ending on the extended date ----------------

EXTENSION_HEAD = HEAD.replace("ANNOUNCEMENT ON PLEDGE OF SHARES BY THE CONTROLLING SHAREHOLDER",
                              "ANNOUNCEMENT IN RELATION TO EXTENSION OF SHARE PLEDGE BY THE CONTROLLING SHAREHOLDER")
EXTENDED = EXTENSION_HEAD + (
    "I. BASIC INFORMATION ON THE EXTENSION OF PLEDGE\n\n"
    "Name of shareholder\tNumber of pledged shares (shares)\tProportion to the total share capital of the "
    "Company\tCommencement date of the pledge\tOriginal expiry date\tExtended expiry date\tPledgee\n"
    "Yuntai Holding\t5,000,000\t1.00%\t2023/05/06\t2024/05/06\t2025/05/05\tBank of Lishui Co., Ltd.\n\n"
    "II. ACCUMULATED PLEDGE\n\n"
    "Name of shareholder\tNumber of shares held (shares)\tShareholding ratio\tNumber of pledged shares before "
    "the extension (shares)\tNumber of pledged shares after the extension (shares)\n"
    "Yuntai Holding\t100,000,000\t20.00%\t5,000,000\t5,000,000\n") + TAIL
PLAIN_EXPIRY = HEAD + (
    "I. BASIC INFORMATION OF THE PLEDGE OF SHARES\n\n"
    "Name of shareholder\tNumber of pledged shares (shares)\tProportion to the total share capital of the "
    "Company\tCommencement date of the pledge\tExpiry date of the pledge\tPledgee\n"
    "Yuntai Holding\t5,000,000\t1.00%\t2024/05/03\t2025/05/02\tBank of Lishui Co., Ltd.\n") + TAIL


def _pledges(doc_id: str, text: str) -> list[tuple]:
    facts = extract_announcement(_announce(doc_id, text), MODULES).facts
    return [(p.pledgor, p.pledgee, p.shares, p.start, p.end) for p in facts if isinstance(p, Pledge)]


def test_extended_expiry_column_is_the_end_of_the_pledge() -> None:
    facts = extract_announcement(_announce("extended", EXTENDED), MODULES).facts
    assert _pledges("extended", EXTENDED) == [
        ("Nanhe Yuntai Holding Co., Ltd.", "Bank of Lishui Co., Ltd.", 5_000_000, "2023-05-06", "2025-05-05")]
    # the extended pledge was pledged before: 5,000,000 before and after is consistent
    assert not [f for f in facts if isinstance(f, DataQualityFinding)]


@pytest.mark.parametrize("label", ["Expiry date after extension", "New expiry date", "Revised maturity date",
                                   "Extended to", "Expiry date (after the extension)"])
def test_extended_expiry_labels_also_in_a_plain_notice(label: str) -> None:
    """Both columns in a table decide, whatever the title says; the original end is never kept."""
    text = EXTENDED.replace(EXTENSION_HEAD, HEAD).replace("EXTENSION OF PLEDGE", "PLEDGE OF SHARES") \
        .replace("Extended expiry date", label)
    assert [p[3:] for p in _pledges("relabelled", text)] == [("2023-05-06", "2025-05-05")]


def test_original_and_extended_columns_in_either_order() -> None:
    text = EXTENDED.replace("Original expiry date\tExtended expiry date", "Expiry date before extension\t"
                            "Expiry date after extension")
    swapped = EXTENDED.replace("Original expiry date\tExtended expiry date", "Extended expiry date\t"
                               "Original expiry date").replace("2024/05/06\t2025/05/05", "2025/05/05\t2024/05/06")
    assert [p[4] for p in _pledges("before-after", text)] == ["2025-05-05"]
    assert [p[4] for p in _pledges("swapped", swapped)] == ["2025-05-05"]


def test_extension_notice_keeps_the_pledge_start_not_the_extension_start() -> None:
    text = EXTENDED.replace("Commencement date of the pledge\t", "Commencement date of the extension\t"
                            "Commencement date of the pledge\t").replace("\t2023/05/06\t", "\t2024/05/06\t2023/05/06\t")
    assert _pledges("extension-start", text) == [
        ("Nanhe Yuntai Holding Co., Ltd.", "Bank of Lishui Co., Ltd.", 5_000_000, "2023-05-06", "2025-05-05")]


def test_extension_notice_with_only_the_original_expiry_states_no_end() -> None:
    text = EXTENDED.replace("\tExtended expiry date", "").replace("\t2025/05/05", "")
    assert _pledges("original-only", text) == [
        ("Nanhe Yuntai Holding Co., Ltd.", "Bank of Lishui Co., Ltd.", 5_000_000, "2023-05-06", None)]


def test_plain_expiry_column_is_unchanged() -> None:
    facts = extract_announcement(_announce("plain", PLAIN_EXPIRY), MODULES).facts
    assert _pledges("plain", PLAIN_EXPIRY) == [
        ("Nanhe Yuntai Holding Co., Ltd.", "Bank of Lishui Co., Ltd.", 5_000_000, "2024-05-03", "2025-05-02")]
    assert not [f for f in facts if isinstance(f, DataQualityFinding)]


def test_heldout_extension_notice_ends_on_the_extended_date() -> None:
    pred = extracted([DATA / "heldout4" / "pledge__hubei-jingchu__2024-04-12.txt"], MODULES)
    pledges = [(p["pledgor"], p["shares"], p["start"], p["end"]) for p in pred if p["type"] == "pledge"]
    assert pledges == [("Wuhan Jingchu Investment Co., Ltd.", 20_000_000, "2023-04-11", "2025-04-10")]
    result = extract_announcement(read_announcement(DATA / "heldout4" / "pledge__hubei-jingchu__2024-04-12.txt"),
                                  MODULES)
    assert not [f for f in result.facts if isinstance(f, DataQualityFinding)]


@pytest.mark.parametrize("label", ["Expiry date of the pledge", "Maturity date", "Expiry date (upon release)",
                                   "Original expiry date", "Expiry date before extension"])
def test_labels_that_are_not_an_extended_expiry(label: str) -> None:
    from extract.shareholdings.pledges import EXTENDED_EXPIRY_COL, ORIGINAL_EXPIRY_COL
    assert not (EXTENDED_EXPIRY_COL.search(label) and not ORIGINAL_EXPIRY_COL.search(label))

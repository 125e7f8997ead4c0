"""Results estimates: table rows and prose in several unit forms, losses, periods, no-amount prose."""
from __future__ import annotations

from extract.context import DocContext
from extract.pipeline import get_nlp
from extract.records import Announcement, DocumentMeta
from extract.results import extract_results

ISSUER = "ABC CO., LTD."
PERIOD = "1. Period for the estimated results: 1 January 2025 to 31 December 2025.\n\n"


def estimates(text: str) -> set[tuple]:
    announcement = Announcement("doc", "doc.txt", text, "", "utf-8")
    ctx = DocContext(announcement=announcement, meta=DocumentMeta("doc", issuer=ISSUER), nlp=get_nlp())
    return {(f.metric, f.period_start, f.period_end, f.low, f.high, f.currency, f.prior)
            for f in extract_results(ctx)}


def test_table_rows_in_millions_with_tilde_and_next_line_change() -> None:
    text = (PERIOD + "Item\tCurrent Reporting Period\tSame period last year\n"
            "Net profit attributable to the shareholders of the listed company\tRMB400 million ~ RMB460 million\tRMB304.9530 million\n"
            "\tIncreased by 31.17% ~ 50.84% as compared with the same period last year\t\n"
            "Net profit attributable to the shareholders of the listed company after deducting non-recurring "
            "gains or losses\tRMB192.3002 million ~ RMB252.3002 million\tRMB128.1355 million\n")
    assert estimates(text) == {
        ("net_profit_attributable", "2025-01-01", "2025-12-31", 400e6, 460e6, "CNY", 304953000.0),
        ("net_profit_attributable_recurring", "2025-01-01", "2025-12-31", 192300200.0, 252300200.0, "CNY",
         128135500.0),
    }


def test_table_row_in_full_yuan_with_to() -> None:
    text = (PERIOD + "Item\tCurrent reporting period\tSame period last year\n"
            "Net profit attributable to the shareholders of the listed company\tProfit: RMB702,265,000 to "
            "RMB838,187,300 Increased by 55% to 85% as compared with the same period last year\tProfit: RMB453,074,200\n")
    assert estimates(text) == {
        ("net_profit_attributable", "2025-01-01", "2025-12-31", 702265000.0, 838187300.0, "CNY", 453074200.0)}


def test_table_in_ten_thousands_with_loss() -> None:
    text = (PERIOD + "Unit: RMB10,000\n"
            "Item\tCurrent reporting period\tSame period last year\n"
            "Net profit attributable to shareholders of the listed company\tLoss: 4,000 – 4,600\tLoss: 1,500.25\n")
    assert estimates(text) == {
        ("net_profit_attributable", "2025-01-01", "2025-12-31", -46e6, -40e6, "CNY", -15002500.0)}


def test_table_headed_in_10_thousand() -> None:
    text = (PERIOD + "Item (in 10 thousand)\tCurrent period\tSame period last year\n"
            "Operating revenue\tRMB 120,000 to RMB 130,000\tRMB 100,000\n")
    assert estimates(text) == {("revenue", "2025-01-01", "2025-12-31", 1.2e9, 1.3e9, "CNY", 1e9)}


def test_prose_revenue_range_is_an_estimate() -> None:
    text = (PERIOD + "As a result, the Company's revenue is expected to increase by 70% to 90% in 2025 as "
            "compared with the same period last year, reaching RMB6,936,123,100 to RMB7,752,137,600.\n")
    assert estimates(text) == {
        ("revenue", "2025-01-01", "2025-12-31", 6936123100.0, 7752137600.0, "CNY", None)}


def test_prose_percentage_without_amount_is_no_fact() -> None:
    text = PERIOD + "Revenue is expected to increase by approximately 30% year-on-year.\n"
    assert estimates(text) == set()


def test_prose_loss_for_the_year_ended() -> None:
    text = ("The Group is expected to record a net loss attributable to owners of the Company of "
            "HK$80 million to HK$100 million for the year ended 31 December 2025, as compared with "
            "a net loss of HK$20 million for the corresponding period in 2024.\n")
    assert estimates(text) == {
        ("net_profit_attributable", "2025-01-01", "2025-12-31", -100e6, -80e6, "HKD", -20e6)}


def test_past_figures_without_estimate_cue_are_no_fact() -> None:
    text = (PERIOD + "In the same period last year, non-recurring gains and losses amounted to RMB70,940.5 "
            "thousand. Net profit attributable to shareholders was RMB10 million to RMB12 million in 2020.\n")
    assert estimates(text) == set()


def test_no_stated_period_no_fact() -> None:
    text = ("Net profit attributable to the shareholders of the listed company\tRMB400 million ~ RMB460 million"
            "\tRMB304.9530 million\n")
    assert estimates(text) == set()


# --- families added after the held-out round (wording differs from the held-out documents) ---

def test_prose_between_amounts_over_wrapped_lines() -> None:
    text = ("The Board wishes to inform shareholders that the Group is expected to record a net profit\n"
            "attributable to equity holders of the Company of between HK$12.5 million and HK$15 million\n"
            "for the year ended 31 March 2026, as compared to approximately HK$6.8 million for the year\n"
            "ended 31 March 2025.\n")
    assert estimates(text) == {
        ("net_profit_attributable", "2025-04-01", "2026-03-31", 12.5e6, 15e6, "HKD", 6.8e6)}


def test_prose_loss_between_amounts() -> None:
    text = ("The Group is anticipated to record a loss attributable to owners of the Company of between\n"
            "RMB30 million and RMB40 million for the six months ended 30 June 2026.\n")
    assert estimates(text) == {
        ("net_profit_attributable", "2026-01-01", "2026-06-30", -40e6, -30e6, "CNY", None)}


def test_between_without_estimate_cue_is_no_fact() -> None:
    text = ("The Group recorded a profit attributable to owners of the Company of between HK$12 million\n"
            "and HK$15 million in each of the last three years ended 31 December 2025.\n")
    assert estimates(text) == set()


def test_wrapped_prose_stops_at_a_blank_line() -> None:
    text = ("The revenue of the Group is expected to increase for the year ended 31 December 2025\n"
            "\n"
            "Turnover for 2024: RMB10 million to RMB20 million in total\n")
    assert estimates(text) == set()


def test_table_in_rmb_apostrophe_ten_thousands_and_recurring_without_attributable() -> None:
    text = (PERIOD + "(Unit: RMB'0,000)\n\n"
            "Item\tThe reporting period\tSame period of last year\n"
            "Net profit attributable to shareholders of the listed company\tProfit: 3,200 – 3,800\tProfit: 2,650.40\n"
            "Net profit after deducting non-recurring gains and losses\tProfit: 2,900 – 3,500\tProfit: 2,410.05\n")
    assert estimates(text) == {
        ("net_profit_attributable", "2025-01-01", "2025-12-31", 32e6, 38e6, "CNY", 26504000.0),
        ("net_profit_attributable_recurring", "2025-01-01", "2025-12-31", 29e6, 35e6, "CNY", 24100500.0)}


def test_table_in_rmb_apostrophe_thousands_still_thousands() -> None:
    text = (PERIOD + "RMB'000\n"
            "Item\tThe reporting period\tSame period of last year\n"
            "Revenue\t120,000 – 130,000\t100,000\n")
    assert estimates(text) == {("revenue", "2025-01-01", "2025-12-31", 120e6, 130e6, "CNY", 100e6)}

"""Document identity (issuer, codes, date, title, kind) and listing facts."""
from __future__ import annotations

import pytest

from extract.context import DocContext
from extract.identity import extract_listings, read_meta
from extract.pipeline import get_nlp
from extract.records import Announcement, DocumentMeta

DISCLAIMER = ("Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no "
              "responsibility for the contents of this announcement.\n\n")


def meta_of(text: str) -> DocumentMeta:
    return read_meta(Announcement("t", "t.txt", text, "0", "utf-8"))


def listings(text: str) -> list[tuple[str, str]]:
    announcement = Announcement("t", "t.txt", text, "0", "utf-8")
    ctx = DocContext(announcement=announcement, meta=read_meta(announcement), nlp=get_nlp())
    return [(f.exchange, f.code) for f in extract_listings(ctx)]


def test_cover_block_and_signature() -> None:
    text = (DISCLAIMER + "ACME WIDGETS CO., LTD.\n愛克米股份有限公司\n(A joint stock company incorporated in the "
            "People's Republic of China with limited liability)\n(Stock Code: 01234)\n\n**CHANGE OF "
            "COMPANY SECRETARY**\n\nThe board of directors of Acme Widgets Co., Ltd. (the \"Company\") announces "
            "a change.\n\nBy order of the Board\nAcme Widgets Co., Ltd.\nMr. Chan Tai Man\nChairman\n\n"
            "Hong Kong, March 23, 2026\n")
    meta = meta_of(text)
    assert (meta.issuer, meta.issuer_zh, meta.stock_codes, meta.date) == (
        "Acme Widgets Co., Ltd.", "愛克米股份有限公司", ("01234",), "2026-03-23")
    assert meta.title == "CHANGE OF COMPANY SECRETARY"


@pytest.mark.parametrize("signature, iso", [
    ("Jiangxi, 1 July 2026", "2026-07-01"),
    ("Hong Kong, March 23, 2026", "2026-03-23"),
    ("Hefei, Anhui Province, the PRC\nJune 7, 2024", "2024-06-07"),
    ("Beijing, the PRC, February 12, 2026", "2026-02-12"),
])
def test_signature_date_families(signature: str, iso: str) -> None:
    text = f"By order of the Board\nAcme Widgets Co., Ltd.\nLi Ming\nChairman\n\n{signature}\n\nAs at the date ..."
    assert meta_of(text).date == iso


def test_issuer_defined_in_the_text_over_two_lines_with_chinese_name() -> None:
    text = ("Capitalised terms have the meanings defined in the prospectus dated June 22, 2026 (the \"Prospectus\") "
            "issued by Guangdong True Health Medical\nTechnology Development Co., Ltd. (廣東真健康醫療科技開發股份"
            "有限公司) (the “Company”).")
    meta = meta_of(text)
    assert meta.issuer == "Guangdong True Health Medical Technology Development Co., Ltd."
    assert meta.issuer_zh == "廣東真健康醫療科技開發股份有限公司"


def test_issuer_defined_with_hereinafter() -> None:
    text = ("This is the fourth report released by JL MAG Rare-Earth Co., Ltd. (hereinafter referred to as "
            "“JL MAG”, “the Company” or “We”).")
    assert meta_of(text).issuer == "JL MAG Rare-Earth Co., Ltd."


def test_an_issuer_never_named_is_not_guessed() -> None:
    meta = meta_of("## BOARD OF DIRECTORS\n\nThe Board currently comprises four executive Directors.")
    assert meta.issuer is None and meta.date is None


@pytest.mark.parametrize("title, kind", [
    ("POLL RESULTS OF THE ANNUAL GENERAL MEETING", "poll_results"),
    ("PLEDGE OF SHARES BY A DIRECTOR", "pledge"),
    ("PRELIMINARY ESTIMATION FOR THE ANNUAL RESULTS OF 2022", "results_estimate"),
    ("CHANGE OF DIRECTORS AND COMPOSITION OF BOARD COMMITTEES", "board_change"),
    ("ANNOUNCEMENT OF ALLOTMENT RESULTS", "other"),
])
def test_kind_from_title(title: str, kind: str) -> None:
    text = DISCLAIMER + f"ACME WIDGETS CO., LTD.\n(Stock Code: 01234)\n{title}\n\nThe Company may pledge ..."
    assert meta_of(text).kind == kind


def test_kind_is_not_read_from_body_text() -> None:
    text = "This announcement is not an offer. The securities may not be offered, sold, pledged or transferred."
    assert meta_of(text).kind == "other"


def test_listing_from_cover_block() -> None:
    assert listings(DISCLAIMER + "ACME WIDGETS CO., LTD.\n(Stock Code: 06680)\n") == [("HKEX", "06680")]


def test_listing_from_the_stock_code_sentence() -> None:
    text = ("By order of the Board\nAcme Widgets Co., Ltd.\nTu Jin\nChairman\nHong Kong, June 26, 2026\n"
            "Dealings are expected to commence and the stock code of the H Shares \nwill be 2672.")
    assert listings(text) == [("HKEX", "2672")]


def test_listings_where_the_company_says_it_is_listed() -> None:
    text = ("This report is released by JL MAG Rare-Earth Co., Ltd. (the “Company”). The Company was listed on the "
            "ChiNext Market of Shenzhen Stock Exchange (stock code: 300748.SZ) in September 2018 and the Main Board "
            "of the Hong Kong Stock Exchange (the “HKEx”) (stock code: 06680.HK) in January 2022.")
    assert sorted(listings(text)) == [("HKEX", "06680"), ("SZSE", "300748")]


def test_codes_of_other_companies_are_not_listings_of_the_issuer() -> None:
    text = (DISCLAIMER + "ACME WIDGETS CO., LTD.\n(Stock Code: 01234)\n\nThe cornerstone investor, Ping An "
            "Insurance (Group) Company of China, Ltd. (stock code: 2318.HK), subscribed for H Shares.")
    assert listings(text) == [("HKEX", "01234")]


def test_no_listing_without_issuer() -> None:
    assert listings("(Stock Code: 01234)\nPOLL RESULTS") == []


def test_issuer_from_a_running_header_repeated_on_two_pages() -> None:
    text = ("<<<PAGE 17>>>\nCORPORATE GOVERNANCE REPORT\nMaple Crest Group Limited  Interim Report 2025\t17\n"
            "The Board currently comprises five Directors.\n<<<PAGE 18>>>\n18\tMaple Crest Group Limited  "
            "Interim Report 2025\nCORPORATE GOVERNANCE REPORT\nThe Audit Committee held two meetings.\n")
    meta = meta_of(text)
    assert (meta.issuer, meta.date) == ("Maple Crest Group Limited", None)  # `Interim Report 2025` is no date


@pytest.mark.parametrize("header", [
    "TAI HANG FERRY HOLDINGS LIMITED  ANNUAL REPORT 2024  9",
    "9 | Tai Hang Ferry Holdings Limited Environmental, Social and Governance Report 2024",
    "Tai Hang Ferry Holdings Limited  2024 ESG Report",
    "TAI HANG FERRY HOLDINGS LIMITED\nAnnual Report 2024  9",  # name and report on two lines
])
def test_issuer_from_the_first_page_header(header: str) -> None:
    text = f"<<<PAGE 9>>>\n{header}\nBOARD OF DIRECTORS\nThe Board currently comprises four Directors.\n"
    assert meta_of(text).issuer.casefold() == "tai hang ferry holdings limited"


def test_a_header_like_line_in_the_body_is_not_the_issuer() -> None:
    # Once, and not at the top of a page: a sentence wrapped where it cites another company's report.
    text = ("<<<PAGE 3>>>\nCORPORATE GOVERNANCE REPORT\nBOARD OF DIRECTORS\nThe Board has reviewed the practices "
            "described in the\nHarbour Light Limited Annual Report 2024\nand adopted some of them.\n")
    assert meta_of(text).issuer is None


def test_headers_naming_two_companies_are_not_read() -> None:
    text = ("<<<PAGE 1>>>\nAlpha Pearl Limited  Annual Report 2025\t1\nText.\n<<<PAGE 2>>>\n"
            "2\tBeta Jade Holdings Limited  Annual Report 2025\nText.\n")
    assert meta_of(text).issuer is None


def test_a_signature_names_the_issuer_before_a_running_header() -> None:
    text = ("Cedar Point Holdings Limited  Annual Report 2025\t7\nDIRECTORS' REPORT\nOn behalf of the Board\n\n"
            "By order of the Board\nCedar Point Holdings Limited\nLam Ka Ho\nChairman\nHong Kong, 26 March 2026\n")
    meta = meta_of(text)
    assert (meta.issuer, meta.date) == ("Cedar Point Holdings Limited", "2026-03-26")


def test_issuer_from_a_header_that_names_the_report_first() -> None:
    text = ("<<<PAGE 7>>>\nANNUAL REPORT 2024 | SAI KUNG MARINE GROUP LIMITED | 7\nDIRECTORS' REPORT\nText.\n"
            "<<<PAGE 8>>>\n8 | Annual Report 2024 | Sai Kung Marine Group Limited\nText.\n")
    assert meta_of(text).issuer.casefold() == "sai kung marine group limited"


@pytest.mark.parametrize("header", [
    "Tai Hang Ferry Holdings Limited 大坑渡輪控股有限公司 | Interim Report 2025",
    "TAI HANG FERRY HOLDINGS LIMITED 大坑渡輪控股有限公司  ANNUAL REPORT 2024  12",
    "2024 Annual Report | Tai Hang Ferry Holdings Limited 大坑渡輪控股有限公司 | 12",
])
def test_issuer_from_a_bilingual_running_header(header: str) -> None:
    text = f"{header}\n\n## **Corporate Governance Report** 企業管治報告\n\nThe Board currently comprises four Directors.\n"
    assert meta_of(text).issuer.casefold() == "tai hang ferry holdings limited"


@pytest.mark.parametrize("header", [
    # The report's Chinese title between the Chinese name and the English report name.
    "Tai Hang Ferry Holdings Limited 大坑渡輪控股有限公司   二零二五年中期報告 Interim Report 2025",
    "TAI HANG FERRY HOLDINGS LIMITED  ANNUAL REPORT 2024 2024年報  12",
    # Two lines: the names, then the report with its Chinese title after it.
    "Tai Hang Ferry Holdings Limited  大坑渡輪控股有限公司\nAnnual Report 2024 年報",
    "8\tTAI HANG FERRY HOLDINGS LIMITED 大坑渡輪控股有限公司\n年度報告 Annual Report 2024",
])
def test_issuer_from_a_header_giving_the_report_title_in_chinese_too(header: str) -> None:
    text = f"{header}\n\nCORPORATE GOVERNANCE REPORT\n\nThe Board currently comprises four Directors.\n"
    assert meta_of(text).issuer.casefold() == "tai hang ferry holdings limited"


@pytest.mark.parametrize("text", [
    # A Chinese report title alone before the English one names no company.
    "二零二四年年報 Annual Report 2024\nThe Board currently comprises four Directors.\n",
    # A line of body text citing another company's bilingual report, once and not at the top of a page.
    "<<<PAGE 3>>>\nCORPORATE GOVERNANCE REPORT\nThe Board has reviewed the practices described in the\n"
    "Harbour Light Limited 港光有限公司 二零二四年年報 Annual Report 2024\nand adopted some of them.\n",
])
def test_chinese_report_titles_do_not_make_an_issuer_of_other_lines(text: str) -> None:
    assert meta_of(text).issuer is None


def test_a_name_line_before_a_sentence_citing_a_report_is_the_cover_line_not_a_header() -> None:
    # No two-line running header (the next line only mentions a report in a sentence); the line is the
    # document's first, a company name with its Chinese name: the cover block names the issuer.
    text = "Tai Hang Ferry Holdings Limited  大坑渡輪控股有限公司\nAs stated in the Annual Report 2024 年報, the Board met.\n"
    assert meta_of(text).issuer == "Tai Hang Ferry Holdings Limited"
    assert meta_of("The Board met.\n" * 20 + text).issuer is None  # past the cover block: body text


def test_a_chinese_phrase_alone_before_the_report_name_is_no_issuer() -> None:
    text = "企業管治報告 | Annual Report 2024\nThe Board currently comprises four Directors.\n"
    assert meta_of(text).issuer is None


def test_listing_from_a_cover_block_flattened_onto_one_line() -> None:
    text = (DISCLAIMER + "SHEK O TRAMWAYS HOLDINGS LIMITED 石澳電車控股有限公司 (Incorporated in Bermuda with limited "
            "liability) (Stock Code: 8412)\nPOLL RESULTS OF THE ANNUAL GENERAL MEETING\nThe board of Shek O Tramways "
            "Holdings Limited (the \"Company\") announces the poll results.\n")
    assert listings(text) == [("HKEX", "8412")]


def test_a_code_in_a_sentence_is_not_a_flattened_cover_block() -> None:
    # A code after some other parenthesis, mid-sentence, names another company.
    text = (DISCLAIMER + "SHEK O TRAMWAYS HOLDINGS LIMITED\nPOLL RESULTS\nThe board of Shek O Tramways Holdings "
            "Limited (the \"Company\") notes that Harbour Light Limited (a company listed in Hong Kong) (stock "
            "code: 1234) voted.\n")
    assert listings(text) == []

"""Controlling groups from sentences, and holdings from the accumulated-pledge table."""
from __future__ import annotations

from extract.text.aliases import find_aliases
from extract.shareholdings.holdings import controlling_members, document_book, read_holdings, split_members


def _members(text: str) -> list[str]:
    book, _defs, members = document_book(text)
    return [book.canonical(m.name) for m in members]


def test_group_with_entities_namely_and_a_pronoun_sentence() -> None:
    text = ("As at the date hereof, Mr. Zhao Wenbo, Ms. Qian Lili and Mr. Sun Hao, and the investment "
            "holding entities controlled by them, namely Lingxi Capital, Yunhe Investment Center "
            "(limited partnership) and Fenghua Holdings Co., Ltd., are collectively entitled to exercise "
            "voting rights of approximately 27.05% of the issued share capital of the Company. "
            "Accordingly, they constitute a group of controlling shareholders of the Company.")
    assert _members(text) == ["Zhao Wenbo", "Qian Lili", "Sun Hao", "Lingxi Capital",
                              "Yunhe Investment Center (limited partnership)", "Fenghua Holdings Co., Ltd."]
    _book, _defs, members = document_book(text)
    assert {m.group_percent for m in members} == {27.05}


def test_group_in_one_sentence_with_asides_and_defined_alias() -> None:
    text = ('Mr. Gao Feng, Baishan Industrial (which is wholly owned by Mr. Gao Feng) and Heyuan Ruitai '
            'Investment Partnership (Limited Partnership) ("Ruitai Partnership", of which Mr. Gao Feng '
            'is the general partner) are together interested in approximately 40.01% of the issued share '
            'capital of the Company, and are therefore a group of controlling shareholders of the Company.')
    assert _members(text) == ["Gao Feng", "Baishan Industrial",
                              "Heyuan Ruitai Investment Partnership (Limited Partnership)"]


def test_controlling_shareholders_are_listed_after_the_verb() -> None:
    text = ("For the purpose of the Listing Rules, the controlling shareholders of the Company are "
            "Wanjiang Holding, Mr. He Ming and Ms. Lu Yan. Mr. He Ming and Ms. Lu Yan are spouses.")
    assert _members(text) == ["Wanjiang Holding", "He Ming", "Lu Yan"]


def test_each_of_them_is_a_controlling_shareholder() -> None:
    text = ("Dongfang Group, Xuri Partnership and Mr. Lin Bo are parties acting in concert and together "
            "hold 100,000 shares; each of them is therefore a controlling shareholder of the Company.")
    assert _members(text) == ["Dongfang Group", "Xuri Partnership", "Lin Bo"]


def test_apposition_names_one_controlling_shareholder() -> None:
    text = ('The Company received a notice from Hefei Anxin Investment Holding Co., Ltd. '
            '("Anxin Investment"), a controlling shareholder of the Company, that shares were released.')
    assert _members(text) == ["Hefei Anxin Investment Holding Co., Ltd."]
    before = ('notices from its controlling shareholder, Huzhou Moyu Holding Group Co., Ltd. '
              '("Moyu Group"), informing')
    assert _members(before) == ["Huzhou Moyu Holding Group Co., Ltd."]


def test_sentences_that_do_not_name_controlling_shareholders() -> None:
    for text in (
        'Mr. Peng is not a controlling shareholder or the largest shareholder of the Company.',
        'Mr. Tang Wei ("Mr. Tang") is a substantial shareholder of the Company.',
        'The pledge will not affect the status of Qiao Holdings as a controlling shareholder.',
        'Shares held by the Directors, chief executive of the Company, Controlling Shareholders, '
        'substantial Shareholders are subject to lock-up.',
    ):
        assert controlling_members(text, find_aliases(text)) == [], text


def test_split_members_keeps_limited_partnership_and_company_forms() -> None:
    assert split_members("Alpha Co., Ltd., Beta Center (Limited Partnership) and Mr. Gamma Delta") == [
        "Alpha Co., Ltd.", "Beta Center (Limited Partnership)", "Gamma Delta"]


SCRAMBLED = (
    'From Jiangxi Ruide Venture Investment Co., Ltd. ("Ruide Venture").\n\n'
    "Name of Shareholder\tNumber of shares held (in 10 thousand)\tProportion to the shares held\t"
    "thousand)\tNumber of pledged shares upon the changes in the pledge (in 10 thousand)\n"
    "Ruide Venture Ganzhou Geshuo Cai Baogui\t38,710.0160 860.3174 102.4000\t28.83% 0.64% 0.08%\t"
    "350.40\t\n"
    "Total\t39,672.7334\t29.55%\t1,438.40\t1,950.40\n\n"
    "As at the date hereof, Mr. Cai Baogui, and the investment holding entities controlled by him, "
    "namely Ruide Venture and Ganzhou Geshuo Investment Management Center (limited partnership), are "
    "collectively entitled to exercise voting rights of approximately 29.55% of the issued share "
    "capital of the Company. Accordingly, they constitute a group of controlling shareholders.\n"
)


def test_scrambled_row_is_split_with_known_names() -> None:
    book, _defs, _members = document_book(SCRAMBLED)
    reading = read_holdings(SCRAMBLED, book)
    assert reading.problems == []
    assert [(r.holder, r.shares, r.percent) for r in reading.rows] == [
        ("Jiangxi Ruide Venture Investment Co., Ltd.", 387_100_160, 28.83),
        ("Ganzhou Geshuo Investment Management Center (limited partnership)", 8_603_174, 0.64),
        ("Cai Baogui", 1_024_000, 0.08),
    ]
    # the pledged columns list fewer values than holders: they are not guessed
    assert {(r.pledged_before, r.pledged_after) for r in reading.rows} == {(None, None)}


def test_scrambled_row_with_unknown_names_is_skipped() -> None:
    text = SCRAMBLED.replace("Ganzhou Geshuo Cai Baogui", "Wu Yi Zheng Er San Zhao")
    book, _defs, _members = document_book(text)
    reading = read_holdings(text, book)
    assert reading.rows == []
    assert len(reading.problems) == 1


def test_plain_holdings_rows_with_before_and_after() -> None:
    text = ("Name of shareholder\tNumber of shares held (shares)\tShareholding percentage\t"
            "Number of pledged shares before this pledge (shares)\tNumber of pledged shares after this "
            "pledge (shares)\n"
            "Lanhe Group\t221,680,000\t32.38%\t46,000,000\t64,500,000\n"
            "Total\t221,680,000\t32.38%\t46,000,000\t64,500,000\n")
    reading = read_holdings(text, document_book(text)[0])
    assert [(r.holder, r.shares, r.percent, r.pledged_before, r.pledged_after) for r in reading.rows] == [
        ("Lanhe Group", 221_680_000, 32.38, 46_000_000, 64_500_000)]


def test_appositions_without_alias_definitions() -> None:
    after = "A notice from Nanhe Yuntai Holding Co., Ltd., a controlling shareholder of the Company, said so."
    assert _members(after) == ["Nanhe Yuntai Holding Co., Ltd."]
    before = "On 2 May 2024, its controlling shareholder, Mr. Zhou Mingyuan, informed the Company."
    assert _members(before) == ["Zhou Mingyuan"]
    company = ("the controlling shareholder of the Company, Nanhe Yuntai Holding Co., Ltd., has pledged "
               "shares.")
    assert _members(company) == ["Nanhe Yuntai Holding Co., Ltd."]


def test_defined_company_inside_the_group_sentence() -> None:
    text = ('As at the date hereof, Mr. Lin Bo, Minhe Industrial Co., Ltd. ("Minhe Industrial") and '
            'Xuri Partnership are together interested in approximately 36.66% of the issued share capital '
            'of the Company, and are therefore a group of controlling shareholders of the Company.')
    assert _members(text) == ["Lin Bo", "Minhe Industrial Co., Ltd.", "Xuri Partnership"]


def test_controlling_shareholder_by_surname_only_is_skipped() -> None:
    from extract.context import DocContext
    from extract.shareholdings.holdings import extract_holdings
    from extract.pipeline import get_nlp
    from extract.records import Announcement, DocumentMeta

    text = ("Upon Listing, Mr. Lam, Mr. Cheung Ka Wai and Rich Harvest Holdings Limited will be a group "
            "of controlling shareholders of the Company.")
    ann = Announcement("d", "d.txt", text, "0" * 64, "utf-8")
    ctx = DocContext(ann, DocumentMeta("d", issuer="Acme Limited", date="2026-01-01"), get_nlp())
    holders = [f.holder for f in extract_holdings(ctx) if f.TYPE == "controlling_shareholder"]
    assert "Lam" not in holders and "Cheung Ka Wai" in holders
    assert any("surname only" in s.reason for s in ctx.skipped)


def test_parties_coordinated_before_a_plural_apposition() -> None:
    text = ('The Board was informed by Xiamen Haicang Capital Co., Ltd. ("Haicang\nCapital"), Ms. Ou Yali '
            'and Mr. Chen Dawei, the controlling shareholders of the Company, that shares were pledged.')
    assert _members(text) == ["Xiamen Haicang Capital Co., Ltd.", "Ou Yali", "Chen Dawei"]


def test_parties_coordinated_after_a_plural_apposition() -> None:
    text = ('Notices were received from the controlling shareholders of the Company, Hunan Xiangjiang '
            'Holdings Co., Ltd. (湖南湘江控股有限公司) ("Xiangjiang Holdings") and\nMs. Tan Meiling, '
            'stating that the pledge had been released.')
    assert _members(text) == ["Hunan Xiangjiang Holdings Co., Ltd.", "Tan Meiling"]


def test_defined_short_form_wrapped_in_a_singular_apposition() -> None:
    text = ('The Company was notified by Anhui Wanfeng Industrial Group Co., Ltd. ("Wanfeng\n'
            'Industrial"), the controlling shareholder of the Company, that it pledged shares.')
    assert _members(text) == ["Anhui Wanfeng Industrial Group Co., Ltd."]


def test_plural_apposition_does_not_reach_past_the_list() -> None:
    for text in (
        'Further, Mr. Guo Ming and Ms. Xu Lan, the controlling shareholders of the Company, pledged shares.',
        'On 3 March 2026, Mr. Guo Ming and Ms. Xu Lan, the controlling shareholders of the Company, pledged.',
    ):
        assert _members(text) == ["Guo Ming", "Xu Lan"], text
    # a list after `are` is a group sentence's, and the apposition of a singular names one party
    single = 'Mr. Guo Ming and Ms. Xu Lan, the controlling shareholder of the Company, pledged.'
    assert _members(single) == ["Xu Lan"]
    none = 'The pledge by its controlling shareholders, the trustees and the Directors was released.'
    assert _members(none) == []

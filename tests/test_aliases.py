"""Alias definitions in the text, and the per-document name book (short forms, glued names)."""
from __future__ import annotations

from extract.text.aliases import NameBook, find_aliases, name_key


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(d.name, d.alias) for d in find_aliases(text)]


def test_organisation_alias_definitions() -> None:
    text = ('On March 1, 2024, the Company received a notice from Nanhu Ruiyuan Venture Investment '
            'Co., Ltd. ("Ruiyuan Venture"), a controlling shareholder, and from its concert party, '
            'Huzhou Qixing Enterprise Management Partnership (Limited Partnership) '
            '(“Qixing Partnership”, of which Mr. Wu is the general partner).')
    assert _pairs(text) == [
        ("Nanhu Ruiyuan Venture Investment Co., Ltd.", "Ruiyuan Venture"),
        ("Huzhou Qixing Enterprise Management Partnership (Limited Partnership)", "Qixing Partnership"),
    ]


def test_person_alias_drops_the_honorific() -> None:
    assert _pairs('a notice from Mr. Zhou Mingyuan ("Mr. Zhou"), an executive Director') == [
        ("Zhou Mingyuan", "Zhou")]


def test_generic_defined_terms_are_not_party_aliases() -> None:
    text = ('Lotus Peak Materials Co., Ltd. (the "Company") and the board of directors (the "Board") '
            'under the Rules Governing the Listing of Securities on The Stock Exchange of Hong Kong '
            'Limited (the "Hong Kong Listing Rules").')
    assert _pairs(text) == []


def test_alias_not_made_of_the_name_is_refused() -> None:
    # the quoted term shares no word with the name before it: not a short form of it
    assert _pairs('Xinyu Capital Co., Ltd. ("Purchaser") agreed') == []


def test_name_stops_at_lower_case_words_and_sentence_ends() -> None:
    text = 'The shares are pledged. Pingshan Yida Holdings Co., Ltd. ("Yida Holdings") informed us.'
    assert _pairs(text) == [("Pingshan Yida Holdings Co., Ltd.", "Yida Holdings")]


def test_name_book_resolves_aliases_and_leading_words() -> None:
    book = NameBook(find_aliases('from Jiangxi Ruide Venture Investment Co., Ltd. ("Ruide Venture"),'))
    book.add("Ganzhou Geshuo Investment Management Center (limited partnership)")
    assert book.canonical("Ruide Venture") == "Jiangxi Ruide Venture Investment Co., Ltd."
    assert book.canonical("Ganzhou Geshuo") == "Ganzhou Geshuo Investment Management Center (limited partnership)"
    assert book.canonical("Mr. Cai Baogui") == "Cai Baogui"


def test_name_key_follows_the_exchange_format() -> None:
    assert name_key("Bank of Yuelu Company Limited") == name_key("bank of yuelu co., ltd.")
    assert name_key("Mr. Cai Baogui") == ("cai", "baogui")


def _book() -> NameBook:
    book = NameBook(find_aliases('from Jiangxi Ruide Venture Investment Co., Ltd. ("Ruide Venture"),'))
    for name in ("Cai Baogui", "Hu Zhibin", "Ganzhou Geshuo Investment Management Center (limited partnership)",
                 "Ganzhou Xinsheng Investment Management Center (limited partnership)"):
        book.add(name)
    return book


def test_segment_splits_names_run_together() -> None:
    run = ("Ruide Venture Ganzhou Geshuo Ganzhou Xinsheng Investment Management Center "
           "(limited partnership) Cai Baogui Hu Zhibin")
    assert _book().segment(run, 5) == [
        "Ruide Venture", "Ganzhou Geshuo",
        "Ganzhou Xinsheng Investment Management Center (limited partnership)", "Cai Baogui", "Hu Zhibin"]


def test_segment_allows_one_unknown_name_when_the_count_fits() -> None:
    assert _book().segment("Ruide Venture Zhang Sanfeng Hu Zhibin", 3) == [
        "Ruide Venture", "Zhang Sanfeng", "Hu Zhibin"]


def test_segment_refuses_counts_that_do_not_fit_or_ambiguous_splits() -> None:
    assert _book().segment("Ruide Venture Cai Baogui", 3) is None
    # two unknown names side by side: where one ends is a guess
    assert _book().segment("Ruide Venture Zhang San Li Si", 3) is None


def test_alias_definition_phrasings() -> None:
    text = ('Nanhu Ruiyuan Venture Investment Co., Ltd. (hereinafter referred to as "Ruiyuan Venture") and '
            'Huzhou Qixing Holding Co., Ltd. (abbreviated as “Qixing Holding”) and '
            'Lishui Hengda Capital Co., Ltd. ("Hengda Capital" or the "Pledgor") pledged shares.')
    assert _pairs(text) == [
        ("Nanhu Ruiyuan Venture Investment Co., Ltd.", "Ruiyuan Venture"),
        ("Huzhou Qixing Holding Co., Ltd.", "Qixing Holding"),
        ("Lishui Hengda Capital Co., Ltd.", "Hengda Capital"),
    ]


def test_short_form_wrapped_over_a_line_break() -> None:
    text = ('The Company was notified by Fujian Minxing Industrial Group Co., Ltd. ("Minxing\n'
            'Industrial"), which informed us.\nA quote ("first line\n\nafter a blank line") is no definition.')
    assert _pairs(text) == [("Fujian Minxing Industrial Group Co., Ltd.", "Minxing Industrial")]

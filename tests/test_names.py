"""Name and title parsing (`extract.text.names`), and an end-to-end score of the Foundation families against the
gold files of tests/data (scored by `kg.evaluate`; nothing from ../shared)."""
from __future__ import annotations

import pytest

from extract.text.names import HONORIFIC_ANYWHERE, clean_person, fold, officer_title, read_titles
from tests.scoring import DATA, score

MODULES = ("extract.identity", "extract.board", "extract.officers")
TYPES = ("directorship", "officer", "listing")


def test_fold_drops_page_furniture_and_keeps_offsets() -> None:
    text = "Mr. Weng \n\n<<<PAGE 13>>>\n \n– 13 –\nChih-\nHsin and Ms. Lo"
    folded = fold(text, 0, len(text))
    assert folded.text == "Mr. Weng Chih-Hsin and Ms. Lo"
    start, end = folded.doc_span(4, 18)
    assert text[start:end].startswith("Weng") and text[start:end].endswith("Hsin")


@pytest.mark.parametrize("raw, name", [
    ("Mr. ZHANG Di", "ZHANG Di"),
    ("Dr.GU Chunguang", "GU Chunguang"),
    ("Professor Lam Wai Ming", "Lam Wai Ming"),
    ("Madam Woo Pui Yan Joyce", "Woo Pui Yan Joyce"),
    ("Weng Chih-Hsin", "Weng Chih-Hsin"),
    ("Mr. Zhang", None),
    ("the Board", None),
    ("Executive Directors", None),
    ("Mr. Zhang’s associate", None),
])
def test_clean_person(raw: str, name: str | None) -> None:
    assert clean_person(raw) == name


@pytest.mark.parametrize("raw, name", [
    ("Chan Tai Man, Peter", "Chan Tai Man, Peter"),
    ("Mr. Lee Ka Wing, Kelvin, JP", "Lee Ka Wing, Kelvin"),
    ("Ho Siu Fung", "Ho Siu Fung"),
    ("Chan Tai Man, JP", "Chan Tai Man"),
    ("Chan Tai Man, Director", None),
    ("Chan, Peter", None),
    ("Chan Tai Man, Peter Wong", None),
])
def test_clean_person_with_forename_after_comma(raw: str, name: str | None) -> None:
    assert clean_person(raw, forename_after_comma=True) == name


def test_clean_person_keeps_commas_out_by_default() -> None:
    assert clean_person("Chan Tai Man, Peter") is None


@pytest.mark.parametrize("item, title", [
    ("Chairman of the Board", "chairman"),
    ("the chairman of the Board of Directors", "chairman"),
    ("Chairperson", "chairman"),
    ("Chairlady", "chairman"),
    ("the chairlady of the Board", "chairman"),
    ("CEO", "chief_executive"),
    ("president of the Company", "president"),
    ("vice president of the Company", "other"),
    ("joint company secretary of the Company", "company_secretary"),
    ("the deputy general manager", "other"),
    ("General Manager", "general_manager"),
    ("chairman of the meeting", None),
    ("the spouse of the chairman", None),
])
def test_officer_title(item: str, title: str | None) -> None:
    assert officer_title(item) == title


def test_read_titles_accepts_only_title_lines() -> None:
    assert read_titles("Chairperson, Executive Director and General Manager") == [
        ("chairman", "Chairperson"), ("general_manager", "General Manager")]
    assert read_titles("Executive Director") == []
    assert read_titles("Hong Kong, June 26, 2026") is None


def test_end_to_end_seeds_are_read_exactly() -> None:
    result = score(("seeds.jsonl",), [DATA / "seeds"], set(TYPES), MODULES)
    for fact_type, s in result.by_type.items():
        assert (s.match, s.pred) == (s.gold, s.gold), fact_type


def test_end_to_end_dev() -> None:
    result = score(("dev.jsonl", "dev-pledges.jsonl", "dev-polls-reports.jsonl"), [DATA / "dev"], set(TYPES),
                   MODULES)
    assert set(result.by_type) == set(TYPES)
    for fact_type, s in result.by_type.items():
        assert s.f1 >= 0.97, (fact_type, s)
    assert result.by_type["directorship"].precision >= 0.98


@pytest.mark.parametrize("raw, name", [
    ("Ir Dr. Wong Siu Tong", "Wong Siu Tong"),
    ("Ir Chan Tai Man", "Chan Tai Man"),
    ("Ir Prof. Lam Kin Wah", "Lam Kin Wah"),
])
def test_engineer_honorific_before_another_honorific_or_a_full_name(raw: str, name: str) -> None:
    assert clean_person(raw) == name


@pytest.mark.parametrize("text", [
    "IR Department Head",  # investor relations, in capitals
    "Ir Wong",  # one word after it: not a full name, nothing to strip
    "the Ir content was measured",
])
def test_engineer_honorific_never_eats_other_words(text: str) -> None:
    assert not HONORIFIC_ANYWHERE.search(text)


def test_scanning_digits_in_a_name_take_the_spelling_the_document_writes() -> None:
    from extract.text.names import respelled
    text = "Mr. Ng Ka Fa1 (Chairman)\nMr. Ng Ka Fai is the father of Ms. Ch0w Mei. Ms. Chow Mei chairs the audit committee."
    assert respelled("Mr. Ng Ka Fa1", text) == "Mr. Ng Ka Fai"
    assert respelled("Ms. Ch0w Mei", text) == "Ms. Chow Mei"


@pytest.mark.parametrize(("raw", "text"), [
    ("Mr. Ng Ka Fa1", "Mr. Ng Ka Fa1 (Chairman)"),  # no other spelling in the document: not guessed
    ("Mr. Ng Ka Fa1", "Mr. Ng Ka Fai and Mr. Ng Ka Fal"),  # two spellings: not chosen between
    ("Mr. Ng Ka Fai", "Mr. Ng Ka Fai"),  # no digit: nothing to respell
    ("Mr. Ng Ka Fai1", "Mr. Ng Ka Fai (Chairman)"),  # a note mark after a full word: no `Faii` or `Fail` written
])
def test_names_with_digits_are_not_respelled_without_one_spelling_in_the_document(raw: str, text: str) -> None:
    from extract.text.names import respelled
    assert respelled(raw, text) is None

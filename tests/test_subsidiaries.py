"""Subsidiaries named as such, with the issuer as parent; counterparties' subsidiaries are not read."""
from __future__ import annotations

from extract.context import DocContext
from extract.pipeline import get_nlp
from extract.records import Announcement, DocumentMeta
from extract.subsidiaries import extract_subsidiaries

ISSUER = "JL MAG Rare-Earth Co., Ltd."


def children(text: str, issuer: str | None = ISSUER) -> set[str]:
    announcement = Announcement("doc", "doc.txt", text, "", "utf-8")
    ctx = DocContext(announcement=announcement, meta=DocumentMeta("doc", issuer=issuer), nlp=get_nlp())
    facts = extract_subsidiaries(ctx)
    assert all(f.parent == issuer for f in facts)
    return {f.child for f in facts}


def test_name_then_wholly_owned_subsidiary_of_the_company() -> None:
    text = "Ganzhou Jinli Co., Ltd., a wholly-owned subsidiary of the Company, entered into the agreement."
    assert children(text) == {"Ganzhou Jinli Co., Ltd."}


def test_name_is_an_indirect_subsidiary_of_the_group() -> None:
    assert children("Baotou Magnet Limited is an indirect wholly-owned subsidiary of the Group.") == {
        "Baotou Magnet Limited"}


def test_the_companys_subsidiary_then_name() -> None:
    text = "In 2024, the Company's wholly-owned subsidiary, JL MAG Ningbo Technology Co., Ltd. (\"Ningbo\"), was set up."
    assert children(text) == {"JL MAG Ningbo Technology Co., Ltd."}


def test_subsidiaries_including_names() -> None:
    text = ("In 2024, the Company conducted business ethics audits in related departments and major subsidiaries, "
            "including an on-site comprehensive audit on JL MAG Baotou Technology and JL MAG Ningbo Technology.")
    assert children(text) == {"JL MAG Baotou Technology", "JL MAG Ningbo Technology"}


def test_issuers_own_company_with_full_name_footnote() -> None:
    text = (f"This report is released by {ISSUER} (hereinafter referred to as “JL MAG”, “the Company”).\n"
            "We use Yinhai New Materials¹⁴, which is the JL MAG's own recycling rare earth company, to recycle.\n"
            "¹⁴ The full name of Yinhai New Materials is Yinhai New Materials Co., Ltd. Located in Bayannur City.\n")
    assert children(text) == {"Yinhai New Materials Co., Ltd."}


def test_counterpartys_subsidiary_is_not_the_issuers() -> None:
    text = ("Huatai entered into an ISDA agreement with its indirectly wholly-owned subsidiary, HTCI. "
            "Hong Kong BoYue is a wholly-owned subsidiary of Shenzhen BoYue International Investment Fund.")
    assert children(text) == set()


def test_any_of_its_subsidiaries_names_nothing() -> None:
    text = "None of the placees is a connected person of the Company or any of its subsidiaries."
    assert children(text) == set()


def test_no_issuer_no_facts() -> None:
    assert children("Baotou Magnet Limited is a subsidiary of the Company.", issuer=None) == set()

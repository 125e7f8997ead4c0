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


# --- families added after the held-out round (wording differs from the held-out documents) ---

def test_chinese_name_with_parentheses_and_short_name_before_the_apposition() -> None:
    text = ("On 3 June 2026, Jiangxi Jinli (Ganzhou) Magnet Co., Ltd. (江西金力(贛州)磁材有限公司) "
            "(\"Ganzhou Magnet\"), a non-wholly owned subsidiary of the Company, entered into the contract.")
    assert children(text) == {"Jiangxi Jinli (Ganzhou) Magnet Co., Ltd."}


def test_name_wrapped_over_a_line_break() -> None:
    text = ("The Board announces that Baotou Rare Earth\n(Inner Mongolia) Materials Co., Ltd. (\"Baotou Materials\"), "
            "an indirect wholly-owned subsidiary of the Company, has obtained the permit.")
    assert children(text) == {"Baotou Rare Earth (Inner Mongolia) Materials Co., Ltd."}


def test_heading_line_is_not_part_of_the_name() -> None:
    text = "VOLUNTARY ANNOUNCEMENT\nNingbo Magnet Co., Ltd., a wholly-owned subsidiary of the Company, won the bid."
    assert children(text) == {"Ningbo Magnet Co., Ltd."}


def test_short_name_of_a_counterparty_subsidiary_is_not_read() -> None:
    text = ("Shenzhen Motor Co., Ltd. (深圳電機有限公司) (\"Shenzhen Motor\"), a wholly-owned subsidiary of "
            "BYD Company Limited, is the purchaser.")
    assert children(text) == set()


def test_prc_holding_subsidiary_is_a_subsidiary() -> None:
    text = ("Output rose after the smelter run by Ganzhou Rare Metals\nSmelting Co., Ltd., a holding subsidiary "
            "of the Company, resumed operation in March.")
    assert children(text) == {"Ganzhou Rare Metals Smelting Co., Ltd."}


def test_controlled_and_non_wholly_owned_subsidiaries() -> None:
    text = ("Baotou Sintering Co., Ltd. is a controlled subsidiary of the Company. Revenue of "
            "Ningbo Coating Limited, a non-wholly-owned subsidiary of the Group, fell. "
            "Jinli Magnet (HK) Limited, an indirect wholly-owned subsidiary of the Company, was set up.")
    assert children(text) == {"Baotou Sintering Co., Ltd.", "Ningbo Coating Limited", "Jinli Magnet (HK) Limited"}


def test_holding_subsidiary_of_another_group_is_not_read() -> None:
    text = ("Hengtai Mining Co., Ltd., a holding subsidiary of Sichuan Energy Investment Group, "
            "is the counterparty. Hengtai is the holding company of the Company.")
    assert children(text) == set()

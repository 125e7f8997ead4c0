"""What a document says about itself: issuer names, stock codes, date, title, kind.

Issuer: the English name in the cover block (a line ending in a company form such as `CO., LTD.`,
`Limited`, `Inc.`), else the name the text defines as `(the "Company")`, else the name under
`By order of the Board`. An issuer the document never names stays None: it is never guessed.
Date: the signature line (`Hong Kong, March 23, 2026`, `Jiangxi, 1 July 2026`) after the
`By order of the Board` block, else a stated report date.
"""
from __future__ import annotations

import re

from extract.dates import parse_date
from extract.records import Announcement, DocumentMeta

COMPANY_FORM = (r"(?:Co\.?,?\s*Ltd\.?|Company\s+Limited|Limited|Ltd\.?|Inc\.?|Incorporated|"
                r"Corporation|Corp\.?|Holdings|Group|PLC|N\.V\.|S\.A\.|AG)\*?")
COMPANY_LINE = re.compile(rf"^\s*\**\s*(?P<name>[A-Z][\w&'’.,()（）\- ]{{2,120}}?\b{COMPANY_FORM})\s*\**\s*$",
                          re.I | re.M)
DEFINED_COMPANY = re.compile(
    rf"(?P<name>\b[A-Z][\w&'’.,()（）\- ]{{2,120}}?\b{COMPANY_FORM})\s*(?:\((?P<zh>[^()\n]*[\u4e00-\u9fff][^()\n]*)\)\s*)?"
    r"\(\s*(?:the\s+)?[\"“]\**Company\**[\"”]", re.I)
CHINESE_NAME = re.compile(r"^\s*\**\s*(?P<zh>[\u4e00-\u9fff（）()]{4,40}(?:有限公司|股份公司|集團|集团))\s*\**\s*$",
                          re.M)
STOCK_CODE = re.compile(r"Stock\s+Codes?\s*[:：]\s*(?P<codes>\d{1,5}(?:\s*(?:,|and|/|;)\s*\d{1,5})*)", re.I)
STOCK_CODE_SENTENCE = re.compile(r"stock\s+code\s+of\s+(?:the\s+|our\s+)?(?:[AH]\s+)?Shares\s+(?:will\s+be|is)\s+(?P<code>\d{1,5})",
                                 re.I)
BY_ORDER = re.compile(r"By\s+order\s+of\s+(?:the|our)\s+Board", re.I)
SIGNATURE_DATE = re.compile(r"^\s*\**\s*(?P<place>[A-Z][A-Za-z ,.'()]{1,60}?),\s*(?P<date>[^\n]{6,40})$", re.M)

KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("poll_results", re.compile(r"poll\s+results|results\s+of\s+(?:the\s+)?(?:annual|extraordinary)\s+general", re.I)),
    ("pledge", re.compile(r"\bpledge", re.I)),
    ("results_estimate", re.compile(r"estimat|profit\s+warning|positive\s+profit\s+alert|preliminary\s+results", re.I)),
    ("board_change", re.compile(r"change\s+(?:of|in)\s+(?:director|chairman|composition|member)|appointment\s+of|resignation|re-?designation", re.I)),
    ("report", re.compile(r"\breport\b", re.I)),
)
TITLE_LINE = re.compile(r"^\s*(?:#+\s*)?\**\s*(?P<title>[A-Z0-9][A-Z0-9 ,.'’()&:\-–—/]{12,200})\**\s*$", re.M)


def read_meta(announcement: Announcement) -> DocumentMeta:
    text = announcement.text
    head = text[:6000]
    issuer = _issuer(text, head)
    zh = CHINESE_NAME.search(head)
    return DocumentMeta(
        doc_id=announcement.doc_id,
        issuer=issuer,
        issuer_zh=zh.group("zh") if zh else None,
        stock_codes=_stock_codes(text, head),
        date=_date(text),
        title=_title(head),
        kind=_kind(head),
        sha256=announcement.sha256,
        path=announcement.path,
    )


def _clean_name(name: str) -> str:
    return " ".join(name.replace("*", " ").split()).strip(" ,")


def _issuer(text: str, head: str) -> str | None:
    for m in COMPANY_LINE.finditer(head):
        name = _clean_name(m.group("name"))
        if not re.search(r"Exchange|Clearing|HKSCC", name, re.I):
            return name
    m = DEFINED_COMPANY.search(text[:20000])
    if m:
        return _clean_name(m.group("name"))
    sig = BY_ORDER.search(text)
    if sig:
        m = COMPANY_LINE.search(text, sig.end(), sig.end() + 300)
        if m:
            return _clean_name(m.group("name"))
    return None


def _stock_codes(text: str, head: str) -> tuple[str, ...]:
    codes: list[str] = []
    for m in STOCK_CODE.finditer(head):
        codes += re.findall(r"\d{1,5}", m.group("codes"))
    if not codes:
        codes += [m.group("code") for m in STOCK_CODE_SENTENCE.finditer(text)]
    return tuple(dict.fromkeys(codes))


def _date(text: str) -> str | None:
    orders = list(BY_ORDER.finditer(text))
    if orders:
        window = text[orders[-1].end(): orders[-1].end() + 600]
        for m in SIGNATURE_DATE.finditer(window):
            iso = parse_date(m.group("date"))
            if iso:
                return iso
    return None


def _title(head: str) -> str | None:
    for m in TITLE_LINE.finditer(head):
        title = " ".join(m.group("title").split())
        if re.search(r"stock code|incorporated|limited|co\.,? ltd", title, re.I):
            continue
        if len(title.split()) >= 3:
            return title
    return None


def _kind(head: str) -> str:
    title = _title(head) or head[:1500]
    for kind, pattern in KIND_RULES:
        if pattern.search(title):
            return kind
    return "other"

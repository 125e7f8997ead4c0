"""What a document says about itself: issuer names, stock codes, date, title, kind; and its listings.

Issuer: the company named under `By order of the Board` (the closing signature block is the most
uniform place an HKEX filing names its issuer), else the name the text defines as
`(the "Company")`, else the running page header of a report excerpt (`Orchid Bay Holdings Limited
Annual Report 2025⇥41`, repeated on two or more pages, or the header of the first page), else a
cover-block line ending in a company form (`CO., LTD.`, `Limited`).
An issuer the document never names stays None: it is never guessed.
Date: the signature line after `By order of the Board` (`Hong Kong, March 23, 2026`,
`Jiangxi, 1 July 2026`, or the place and the date on two lines), else a `Place, date` line near
the end, else a `date YYYY-MM-DD` header line.
Filing metadata (a manifest row carried by the `Announcement`) fills what the text leaves unstated; where
both state a value the text's is kept and the disagreement is a finding (family `filing_metadata`).
Listings (family `listing`): the HKEX code of the cover block or of `the stock code of the H Shares
will be 2672`, and codes the text gives where it says the Company is listed
(`Shenzhen Stock Exchange (stock code: 300748.SZ)`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.context import DocContext
from extract.text.dates import find_dates, parse_date
from extract.records import Announcement, DataQualityFinding, DocumentMeta, Fact, FilingMetadata, Listing
from extract.registry import extractor

# Company forms a name ends in, also those of issuers incorporated outside Hong Kong and the PRC that list
# in Hong Kong: `PT ... Tbk` (Indonesia), `Bhd`/`Berhad` (Malaysia), `Pte. Ltd.` (Singapore), `SE`, `S.p.A.`.
COMPANY_FORM = (r"(?:Co\.?,?\s*Ltd\.?|Company\s+Limited|Limited|Ltd\.?|Inc\.?|Incorporated|"
                r"Corporation|Corp\.?|Holdings|Group|PLC|N\.V\.|S\.A\.|AG|Tbk\.?|Berhad|Bhd\.?|S\.p\.A\.|"
                r"SE|LLC|L\.P\.)\*?")
# Cover block: a line holding only a company name (`JL MAG RARE-EARTH CO., LTD.`).
COMPANY_LINE = re.compile(rf"^[ \t#]*\**\s*(?P<name>[A-Z][\w&'’.,()（）\- ]{{2,120}}?\b{COMPANY_FORM})\s*\**"
                          rf"(?:[ \t]+[\u4e00-\u9fff（）()]{{2,40}})?\s*$", re.I | re.M)
#: How far into a document a cover-block company line may stand: further on, lines ending in a company
#: form name registrars, bankers and shareholders, not the issuer.
COVER_BLOCK = 3000
#: ... and how many non-blank lines, the disclaimer's included.
COVER_LINES = 15
# A name ending in a company form (used on single, folded candidate strings).
ENDS_WITH_COMPANY_FORM = re.compile(rf"\b{COMPANY_FORM}\s*$", re.I)
# Definition of the issuer: `(the "Company")`, `(hereinafter referred to as "JL MAG", "the Company")`.
DEFINED_COMPANY_MARK = re.compile(
    r"\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+)?)?(?:[\"“][^\"”()]{1,40}[\"”]\s*,\s*)*"
    r"(?:the\s+)?[\"“]\**(?:the\s+)?Company\**[\"”]", re.I)
# A parenthesis (one level of nesting) holding the Chinese name after the English one.
TRAILING_PARENTHESIS = re.compile(r"\((?P<inner>(?:[^()]|\([^()]*\))*)\)\s*$")
CJK = re.compile(r"[\u4e00-\u9fff]")
CHINESE_NAME = re.compile(r"^\s*\**\s*(?P<zh>[\u4e00-\u9fff（）()]{4,40}(?:有限公司|股份公司|集團|集团))\s*\**\s*$",
                          re.M)
# Words that may join the words of a company name (`Institute of Biological Products`).
NAME_CONNECTORS = frozenset({"of", "and", "&", "de", "for"})
# Cover block, at the start of a line: `(Stock Code: 06680)`, `Stock Codes: 1234 and 81234`,
# `Stock code\n:\n2697` (a mid-sentence `(stock code: 2318.HK)` names some other company).
STOCK_CODE = re.compile(r"^[ \t*]*\(?\s*Stock\s+Codes?\s*[:：]\s*(?P<codes>\d{1,5}(?:\s*(?:,|and|/|;)\s*\d{1,5})*)\b",
                        re.I | re.M)
# The same cover block flattened onto one line: `ASIA VISTA MEDIA HOLDINGS LIMITED 亞視野傳媒控股有限公司 (Incorporated
# in the Cayman Islands with limited liability) (Stock Code: 8236)`. The code must follow the `(Incorporated ...)`
# parenthesis directly: only the cover block writes them side by side.
STOCK_CODE_AFTER_INCORPORATION = re.compile(
    r"\((?i:[^()\n]{0,80}\bincorporated\b[^()\n]{0,160})\)[ \t*]*\(\s*(?i:Stock\s+Codes?)\s*[:：]\s*"
    r"(?P<codes>\d{1,5}(?:\s*(?:,|and|/|;)\s*\d{1,5})*)\s*\)")
# Listing announcements: `the stock code of the H Shares will be 2672`, `... of our Shares is 6636`.
# (A case-sensitive first letter lets the regex engine skip ahead quickly on long documents.)
# Also depositary receipts and units: `the stock code of the HDRs will be 6228`.
STOCK_CODE_SENTENCE = re.compile(
    r"[Ss](?i:tock\s+code\s+of\s+(?:the\s+|our\s+)?(?:[AH]\s+)?(?:Shares|HDRs|Units)\s+(?:will\s+be|is)\s+"
    r"(?P<code>\d{1,5})\b)")
# A corporate-information page: the heading `STOCK CODE` over the code on a line of its own (blank lines between).
STOCK_CODE_HEADING = re.compile(r"^[ \t#*]*Stock\s+Codes?[ \t*:：]*\n(?:[ \t]*\n){0,3}[ \t*]*(?P<codes>\d{1,5})[ \t*]*$",
                                re.I | re.M)
#: How far into a report its corporate-information page is looked for.
CORPORATE_INFORMATION_SPAN = 30000
# A news service's header line naming the issuer before the headline: `Shenzhen Investment : Announcements and
# Notices - Poll Results of Annual General Meeting Held on 29 May 2019` (after an optional `date` header).
SERVICE_HEADLINE = re.compile(r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?(?P<name>[A-Z][\w&'’.,()\- ]{2,80}?)\s+:\s+"
                              r"(?P<headline>[A-Z][^\n]{10,300})$", re.M)
# Where the text says where the issuer is listed: `The Company was listed on the ChiNext Market of
# Shenzhen Stock Exchange (stock code: 300748.SZ) ... (stock code: 06680.HK)`.
# Found from `listed on` (a cheap literal), then the subject is checked just before it.
LISTED_ON = re.compile(r"\blisted\s+on\b(?:[^.]|\.(?!\s))*")
LISTED_SUBJECT = re.compile(
    r"\b(?:[Tt]he\s+Company|[Ww]e|[Oo]ur\s+(?:[AH]\s+)?[Ss]hares|[AH]\s+[Ss]hares\s+of\s+the\s+Company)\s+"
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:dual[\s-]|also\s+)?$")
LISTED_CODE = re.compile(r"(?:stock|share|securities)\s+code\s*[:：]?\s*(?P<code>\d{4,6})(?:\.(?P<suffix>HK|SZ|SH|SS))?\b",
                         re.I)
CODE_SUFFIX_EXCHANGE = {"HK": "HKEX", "SZ": "SZSE", "SH": "SSE", "SS": "SSE"}
# Exchanges as named in a listing sentence, to place a code written without suffix.
EXCHANGE_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("SZSE", re.compile(r"Shenzhen\s+Stock\s+Exchange|\bSZSE\b", re.I)),
    ("SSE", re.compile(r"Shanghai\s+Stock\s+Exchange|\bSSE\b", re.I)),
    ("HKEX", re.compile(r"Hong\s+Kong\s+Stock\s+Exchange|Stock\s+Exchange\s+of\s+Hong\s+Kong|\bHKEx\b", re.I)),
)
# The closing signature: `By order of the Board`, `For and on behalf of the Board`.
BY_ORDER = re.compile(r"(?:B[Yy]\s+[Oo][Rr][Dd][Ee][Rr]|F[Oo][Rr]\s+[Aa][Nn][Dd]\s+[Oo][Nn]\s+[Bb][Ee][Hh][Aa][Ll][Ff])"
                      r"\s+(?i:of\s+(?:the|our)\s+Board(?:\s+of\s+Directors)?)")
BOARD_PARAGRAPH_LEAD = re.compile(r"\b(?:As\s+(?:at|of)|At)\s+the\s+date\s+of\s+this", re.I)
SIGNATURE_DATE = re.compile(r"^\s*\**\s*(?P<place>[A-Z][A-Za-z ,.'()]{1,60}?),\s*(?P<date>[^\n]{6,40})$", re.M)
# Some corpora prefix the text with its date: ` date 2019-05-29 Hong Kong Exchanges ...`.
DATE_HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b")

KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("poll_results", re.compile(r"poll\s+results|results\s+of\s+(?:the\s+)?(?:annual|extraordinary)\s+general", re.I)),
    ("pledge", re.compile(r"\bpledge", re.I)),
    ("results_estimate", re.compile(r"estimat|profit\s+warning|positive\s+profit\s+alert|preliminary\s+results", re.I)),
    ("board_change", re.compile(r"change\s+(?:of|in)\s+(?:director|chairman|composition|member)|appointment\s+of|"
                                r"resignation|re-?designation|composition\s+of\s+the\s+board", re.I)),
    ("report", re.compile(r"\breport\b", re.I)),
)
# A heading line in capitals (`POLL RESULTS OF THE FIRST`), possibly bold (`**...**`) or `#`-marked.
TITLE_LINE = re.compile(r"^\s*(?:#+\s*)?\**\s*(?P<title>[A-Z0-9][A-Z0-9 ,.'’()&:\-–—/]{2,200}?)\s*\**\s*$", re.M)
# A markdown heading (reports converted from PDF): `## **Corporate Governance Report**`.
MARKDOWN_HEADING = re.compile(r"^\s*#+\s*\**(?P<title>[^\n*]{6,120}?)\**\s*(?:[\u4e00-\u9fff].*)?$", re.M)
#: How far into a document its cover block and title are looked for.
TITLE_SPAN = 12000
# The cover of a report without a capitals heading: `Environmental, Social and Governance Report`.
REPORT_COVER = re.compile(r"\b(?:Annual|Interim|ESG|Governance|Sustainability)\b[^\n]{0,60}\bReport\b")
# Running page header of report excerpts: the issuer's name and the report it belongs to, with or without a
# page number before or after (tab or spaces): `Orchid Bay Holdings Limited  Annual Report 2025⇥41`,
# `42⇥ACME GROUP LIMITED  INTERIM REPORT 2025`, `Acme Limited  2025 ESG Report`, `Acme Limited
# Environmental, Social and Governance Report 2025`, `Annual Report 2025 | Acme Limited | 7` (report first).
# The whole line must be the header.
_REPORT_NAME = (r"(?:Annual|Interim)\s+Report|ESG\s+Report|Environmental,?\s+Social\s+and\s+Governance\s+Report|"
                r"Sustainability\s+Report")
_REPORT_YEAR = r"(?:19|20)\d\d(?:\s*/\s*(?:19|20)?\d\d)?"
_LEAD_PAGE = r"(?:\d{1,3}[ \t]*[|\t][ \t]*|\d{1,3}[ \t]{2,})?"
_TRAIL_PAGE = r"(?:[ \t]*[|\t][ \t]*\d{1,3}|[ \t]{2,}\d{1,3})?"
# Bilingual reports also give the report's Chinese title beside the English one: `二零二四年年報 Annual Report
# 2024`, `Annual Report 2024 年報`, `2024 中期報告` (the year may be in Chinese numerals).
_REPORT_ZH = r"[0-9〇零一二三四五六七八九十\u4e00-\u9fff]{0,12}?(?:年報|年报|報告|报告)"
_REPORT = (rf"(?:{_REPORT_ZH}[ \t]+)?(?:{_REPORT_YEAR}[ \t]+)?(?i:{_REPORT_NAME})(?:[ \t]+{_REPORT_YEAR})?"
           rf"(?:[ \t]*{_REPORT_ZH})?")
_HEADER_SEP = r"(?:[ \t]+(?:[|•·][ \t]+)?|[ \t]*\t[ \t]*)"
_HEADER_NAME = rf"[A-Z][\w&'’.,()\- ]{{2,120}}?\b(?i:{COMPANY_FORM})"
# Bilingual headers give the Chinese name after the English one: `Golden Crane Entertainment Group Limited
# 金鶴娛樂集團有限公司 | Annual Report 2024` (the Chinese name is not kept: `CHINESE_NAME` reads it elsewhere).
_HEADER_ZH = r"(?:[ \t]+[\u4e00-\u9fff（）()]{2,40})?"
RUNNING_HEADER = re.compile(
    rf"^[ \t*#]*{_LEAD_PAGE}(?:(?P<name>{_HEADER_NAME}){_HEADER_ZH}{_HEADER_SEP}{_REPORT}|{_REPORT}{_HEADER_SEP}"
    rf"(?P<name_after>{_HEADER_NAME}){_HEADER_ZH}){_TRAIL_PAGE}[ \t*]*$", re.M)
# The report line of a header split over two lines (`VICTORIA CROWN HOSPITALITY HOLDINGS LIMITED` / `Annual
# Report 2024  31`): the report name and year only, with or without a page number.
REPORT_HEADER_LINE = re.compile(
    rf"^[ \t*#]*{_LEAD_PAGE}(?:{_REPORT_ZH}[ \t]+)?(?:{_REPORT_YEAR}[ \t]+)?(?i:{_REPORT_NAME})(?:[ \t]+{_REPORT_YEAR})"
    rf"(?:[ \t]*{_REPORT_ZH})?{_TRAIL_PAGE}[ \t*]*$")
# The page number before, and the Chinese name after, the English name on the name line of a two-line header
# (`8⇥Oriental Jade Foods Holdings Limited  東玉食品控股有限公司` / `Annual Report 2024 年報`): not part of the name.
LEADING_PAGE = re.compile(rf"^[ \t*#]*{_LEAD_PAGE}")
TRAILING_ZH_NAME = re.compile(r"[ \t]+[\u4e00-\u9fff（）()]{2,40}[ \t*]*$")
# Where a page of a converted report starts: the text's start, a `<<<PAGE 41>>>` marker, a form feed.
PAGE_START = re.compile(r"<<<PAGE\s*\d+>>>|\f")
#: How many non-blank lines at the top of a page may hold its running header (page number and section
#: title lines in capitals come first in some layouts; a line of body text ends the search).
HEADER_LINES = 4
NOT_A_TITLE = re.compile(r"stock\s+code|incorporated|limited|co\.,?\s*ltd|\binc\b|announcement\s*$|^page\b", re.I)


@dataclass(frozen=True)
class CodeMention:
    """A stock code as written and where: (exchange, code, start, end)."""

    exchange: str
    code: str
    start: int
    end: int


def read_meta(announcement: Announcement) -> DocumentMeta:
    """Identity of one document: what the text states, filled where it is silent by the filing
    metadata the announcement carries (a manifest row). Every part is None/empty when neither states it."""
    text = announcement.text
    head = text[:TITLE_SPAN]
    orders = list(BY_ORDER.finditer(text))
    issuer, zh = _issuer(text, head, orders)
    if issuer is None and not (announcement.filing and announcement.filing.issuer):
        issuer = _cover_line_issuer(head)  # a guess from the layout: the filing index, when given, knows better
    zh_line = CHINESE_NAME.search(head)
    title = _title(head)
    stated = DocumentMeta(
        doc_id=announcement.doc_id,
        issuer=issuer,
        issuer_zh=zh_line.group("zh") if zh_line else zh,
        stock_codes=tuple(dict.fromkeys(m.code for m in hkex_codes(text) + listed_codes(text)
                                        if m.exchange == "HKEX")),
        date=_date(text, orders),
        title=title,
        kind=_kind(title, head),
        sha256=announcement.sha256,
        path=announcement.path,
        page_starts=announcement.page_starts,
    )
    return fill_from_filing(stated, announcement.filing, text)


def fill_from_filing(stated: DocumentMeta, filing: FilingMetadata | None, text: str = "") -> DocumentMeta:
    """`stated` with each part the text leaves empty taken from `filing`; the text's values are kept.

    The filing's stock code fills the issuer's codes (used to recognise the issuer across filings)
    only for an HKEX listing; it yields no `listing` fact, which quotes the text that states it.
    """
    if filing is None:
        return stated
    codes = stated.stock_codes
    if not codes and filing.stock_code and (filing.exchange or "HKEX") == "HKEX":
        codes = (filing.stock_code,)
    title = stated.title or filing.title
    kind = stated.kind
    if not stated.title and filing.title and _kind(filing.title, "") != "other":
        kind = _kind(filing.title, "")
    issuer, aliases = stated.issuer or filing.issuer, stated.issuer_aliases
    short = None if stated.issuer or not filing.issuer else _initials_written(filing.issuer, text)
    if short:  # the text names the issuer only by its initials (`PCPD`): the text's name, the index's as alias
        issuer, aliases = short, (*aliases, filing.issuer)
    return replace(
        stated,
        issuer=issuer,
        issuer_aliases=aliases,
        issuer_zh=stated.issuer_zh or filing.issuer_zh,
        stock_codes=codes,
        date=stated.date or filing.date,
        title=title,
        kind=kind,
        headline=filing.title,
        url=filing.url,
    )


#: A name written by its initials this many times at least is the text's name for it.
INITIALS_MENTIONS = 2


def _initials_written(name: str, text: str) -> str | None:
    """The initials of `name`'s words before its company form (`Pacific Century Premium Developments Limited`
    -> `PCPD`) when the text writes them as a word at least `INITIALS_MENTIONS` times, else None."""
    words = [w for w in re.split(r"[\s,()]+", ENDS_WITH_COMPANY_FORM.sub("", name)) if w[:1].isupper()]
    if len(words) < 3:
        return None
    initials = "".join(w[0] for w in words)
    return initials if len(re.findall(rf"\b{initials}\b", text)) >= INITIALS_MENTIONS else None


@extractor("filing_metadata")
def filing_disagreements(ctx: DocContext) -> list[Fact]:
    """Where the text and the filing metadata disagree (issuer, Chinese name, stock code, date), a
    data-quality finding quoting the text's statement; the text's value is the one kept."""
    filing = ctx.announcement.filing
    if filing is None:
        return []
    meta, text = ctx.meta, ctx.text
    company = meta.issuer or filing.issuer or ""
    found: list[Fact] = []

    def finding(check: str, stated: str, listed: str, span: tuple[int, int] | None) -> None:
        start, end = span or _first_line(text)
        found.append(DataQualityFinding(
            company=company, check=check,
            message=f"the text states {stated!r}, {filing.source or 'the filing metadata'} gives {listed!r}",
            evidence=ctx.evidence(start, end)))

    if filing.issuer and meta.issuer and not _same_issuer(filing.issuer, (meta.issuer, *meta.issuer_aliases)):
        finding("filing_metadata_issuer", meta.issuer, filing.issuer, _span_of(text, meta.issuer))
    if filing.issuer_zh and meta.issuer_zh and _zh_key(filing.issuer_zh) != _zh_key(meta.issuer_zh):
        finding("filing_metadata_issuer_zh", meta.issuer_zh, filing.issuer_zh, _span_of(text, meta.issuer_zh))
    stated_codes = [m for m in hkex_codes(text) + listed_codes(text) if m.exchange == "HKEX"]
    if (filing.stock_code and (filing.exchange or "HKEX") == "HKEX" and stated_codes
            and filing.stock_code.lstrip("0") not in {m.code.lstrip("0") for m in stated_codes}):
        first = stated_codes[0]
        finding("filing_metadata_stock_code", first.code, filing.stock_code, (first.start, first.end))
    if filing.date and meta.date and filing.date != meta.date:
        at = next(((s, e) for s, e, iso in find_dates(text) if iso == meta.date), None)
        finding("filing_metadata_date", meta.date, filing.date, at)
    return found


def _same_issuer(listed: str, stated: tuple[str, ...]) -> bool:
    return _issuer_key(listed) in {_issuer_key(name) for name in stated}


#: Spellings of one company form, folded so `Co., Ltd.` and `Company Limited` compare equal.
_FORM_WORDS = {"limited": "ltd", "company": "co", "corporation": "corp", "incorporated": "inc"}


def _issuer_key(name: str) -> str:
    words = re.sub(r"[^\w&]+", " ", name.casefold()).split()
    return " ".join(_FORM_WORDS.get(w, w) for w in words if w != "the")


def _zh_key(name: str) -> str:
    return re.sub(r"[\s()（）*]", "", name)


def _span_of(text: str, value: str) -> tuple[int, int] | None:
    """Where `value` is written in `text` (whitespace runs and case may differ), else None."""
    words = value.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text, re.I)
    return (m.start(), m.end()) if m else None


def _first_line(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return start, end if end > start else len(text)


@extractor("listing")
def extract_listings(ctx: DocContext) -> list[Fact]:
    """Listing facts of the issuer: HKEX codes and the other exchanges the text names."""
    if not ctx.meta.issuer:
        return []
    seen: set[tuple[str, str]] = set()
    facts: list[Fact] = []
    for mention in hkex_codes(ctx.text) + listed_codes(ctx.text):
        key = (mention.exchange, mention.code.lstrip("0"))
        if key in seen:
            continue
        seen.add(key)
        facts.append(Listing(company=ctx.meta.issuer, exchange=mention.exchange, code=mention.code,
                             evidence=ctx.sentence_evidence(mention.start, mention.end)))
    return facts


def hkex_codes(text: str) -> list[CodeMention]:
    """HKEX codes of the issuer: the cover block's `Stock Code` (on its own line, or just after the
    `(Incorporated in ...)` parenthesis of a flattened cover), else the listing sentence."""
    head = text[:8000]
    found = sorted({m.start("codes"): m for pattern in (STOCK_CODE, STOCK_CODE_AFTER_INCORPORATION)
                    for m in pattern.finditer(head)}.items())
    if not found:
        found = [(m.start("codes"), m) for m in STOCK_CODE_HEADING.finditer(text, 0, CORPORATE_INFORMATION_SPAN)][:1]
    out = [CodeMention("HKEX", code.group(0), m.start("codes") + code.start(), m.start("codes") + code.end())
           for _, m in found for code in re.finditer(r"\d{1,5}", m.group("codes"))]
    if not out:
        out = [CodeMention("HKEX", m.group("code"), m.start("code"), m.end("code"))
               for m in STOCK_CODE_SENTENCE.finditer(text)]
    return out


def listed_codes(text: str) -> list[CodeMention]:
    """Codes in sentences saying where the Company is listed, placed by suffix or named exchange."""
    out: list[CodeMention] = []
    for sentence in LISTED_ON.finditer(text):
        if not LISTED_SUBJECT.search(text, max(0, sentence.start() - 80), sentence.start()):
            continue
        for m in LISTED_CODE.finditer(sentence.group(0)):
            suffix = m.group("suffix")
            exchange = CODE_SUFFIX_EXCHANGE[suffix.upper()] if suffix else _exchange_before(
                sentence.group(0)[:m.start()])
            if exchange:
                start = sentence.start() + m.start("code")
                out.append(CodeMention(exchange, m.group("code"), start, start + len(m.group("code"))))
    return out


def _exchange_before(text: str) -> str | None:
    """The exchange named last before a code written without suffix, else None."""
    best: tuple[int, str] | None = None
    for exchange, pattern in EXCHANGE_NAMES:
        for m in pattern.finditer(text):
            if best is None or m.start() > best[0]:
                best = (m.start(), exchange)
    return best[1] if best else None


def _clean_name(name: str) -> str:
    return " ".join(name.replace("*", " ").split()).strip(" ,")


def _issuer(text: str, head: str, orders: list[re.Match[str]]) -> tuple[str | None, str | None]:
    """(English issuer name, Chinese name if defined alongside) from the best source available."""
    defined, zh = _defined_issuer(text[:30000])
    signed = _signature_issuer(text, orders)
    if signed:
        return signed, zh
    if defined:
        return defined, zh
    header = _running_header_issuer(text) or _service_headline_issuer(text)
    return header, zh


def _cover_line_issuer(head: str) -> str | None:
    """The first line of the cover block holding only a company name (a Chinese name may follow it), else None.

    Only the first `COVER_LINES` non-blank lines are the cover: further on, such lines name bankers,
    registrars and shareholders."""
    lines = [m for m in re.finditer(r"^[^\n]*\S[^\n]*$", head[:COVER_BLOCK], re.M)][:COVER_LINES]
    for line in lines:
        m = COMPANY_LINE.match(line.group())
        if m:
            name = _without_logo(_clean_name(m.group("name")))
            if not re.search(r"Exchange|Clearing|HKSCC", name, re.I):
                return name
    return None


def _without_logo(name: str) -> str:
    """The name without a leading logo word, the converted logo of the name's own words run together
    (`abcmultiactive abc Multiactive Limited`)."""
    words = name.split()
    if len(words) > 2 and any(words[0].casefold() == "".join(words[1:n]).casefold() for n in range(3, len(words))):
        return " ".join(words[1:])
    return name


def _service_headline_issuer(text: str) -> str | None:
    """The issuer a news service's first line names before the filing's headline, else None."""
    m = SERVICE_HEADLINE.match(text)
    if m and re.search(r"\b(?:announcement|results|notice|circular|report|meeting)s?\b",
                                      m.group("headline"), re.I):
        return _clean_name(m.group("name"))
    return None


def _running_header_issuer(text: str) -> str | None:
    """The issuer named in the running page header of a report excerpt, else None.

    Annual and interim report excerpts name their issuer nowhere but in the header repeated on every
    page (`Orchid Bay Holdings Limited  Annual Report 2025⇥41`). A header is believed when the same name
    heads two or more pages, or when it heads the first page: one line of the body that happens to look
    like a header (`Acme Limited Annual Report 2024` cited in a sentence wrapped there) does neither.
    Headers naming different companies are not read.
    """
    markers = list(PAGE_START.finditer(text))
    # The first page ends where the first marker with text before it starts (a marker may open the text).
    second_page = next((m.start() for m in markers if text[:m.start()].strip()), len(text))
    found: list[tuple[str, bool]] = []  # (name, heads the first page)
    seen: set[int] = set()
    for start in [0] + [m.end() for m in markers]:
        name, at = _page_header(text, start)
        if name and at not in seen:
            seen.add(at)
            found.append((name, at < second_page))
    for m in RUNNING_HEADER.finditer(text):  # headers of pages joined without markers
        name = _header_name(m.group("name") or m.group("name_after"))
        if name and m.start() not in seen:
            seen.add(m.start())
            found.append((name, False))
    if not found:
        return None
    keys = {_header_key(name) for name, _ in found}
    if len(keys) != 1:
        return None
    if len(found) >= 2 or found[0][1]:
        return found[0][0]
    return None


def _page_header(text: str, start: int) -> tuple[str | None, int]:
    """(issuer name, offset) of the running header among the first lines of the page starting at `start`."""
    lines: list[tuple[int, str]] = []
    pos = start
    for line in text[start:start + 1200].split("\n"):
        if line.strip(" \t*#"):
            lines.append((pos, line))
            if len(lines) > HEADER_LINES:
                break
        pos += len(line) + 1
    for i, (at, line) in enumerate(lines[:HEADER_LINES]):
        m = RUNNING_HEADER.match(line)
        if m:
            name = _header_name(m.group("name") or m.group("name_after"))
            return (name, at) if name else (None, at)
        if i + 1 < len(lines) and REPORT_HEADER_LINE.match(lines[i + 1][1]):
            name = _header_name(TRAILING_ZH_NAME.sub("", LEADING_PAGE.sub("", line)))
            if name:
                return name, at
        if re.search(r"[a-z]", line):
            break  # body text: the header, if any, comes before it (page numbers and capitals headings may)
    return None, -1


def _header_name(raw: str) -> str | None:
    """A header's company name: every word capitalised (or a connector), ending in a company form."""
    name = _clean_name(raw.strip(" \t*#"))
    if not ENDS_WITH_COMPANY_FORM.search(name) or len(name.split()) < 2 or CJK.search(name):
        return None
    for word in name.split():
        word = word.strip("()")
        if word and not (word[0].isupper() or word[0].isdigit() or word.lower() in NAME_CONNECTORS):
            return None
    if re.search(r"Exchange|Clearing|HKSCC", name, re.I):
        return None
    return name


def _header_key(name: str) -> str:
    return " ".join(re.sub(r"[.,]", " ", name.casefold()).split())


def _signature_issuer(text: str, orders: list[re.Match[str]]) -> str | None:
    """The company line(s) right under the last `By order of the Board`."""
    if not orders:
        return None
    lines = [_clean_name(line) for line in text[orders[-1].end(): orders[-1].end() + 400].split("\n")]
    lines = [line for line in lines if line][:3]
    for count in (1, 2):
        candidate = " ".join(lines[:count])
        if ENDS_WITH_COMPANY_FORM.search(candidate) and not CJK.search(candidate):
            return candidate
    return None


def _defined_issuer(text: str) -> tuple[str | None, str | None]:
    """The name the text defines as `(the "Company")`, read backwards word by word from the mark."""
    for mark in DEFINED_COMPANY_MARK.finditer(text):
        before = " ".join(text[max(0, mark.start() - 400): mark.start()].split())
        zh = None
        paren = TRAILING_PARENTHESIS.search(before)
        if paren and CJK.search(paren.group("inner")):
            zh = "".join(paren.group("inner").split())
            before = before[:paren.start()].rstrip()
        name = _name_ending_at(before)
        if name:
            return name, zh
    return None, None


def _name_ending_at(text: str) -> str | None:
    """The capitalised run of words that ends `text` and ends in a company form, else None."""
    if not ENDS_WITH_COMPANY_FORM.search(text):
        return None
    words = text.split(" ")
    i = len(words)
    while i > 0:
        word = words[i - 1].strip("()*")
        if not word or not (word[0].isupper() or word[0].isdigit() or word.lower() in NAME_CONNECTORS):
            break
        if re.search(r"[\"“”]", words[i - 1]):
            break
        i -= 1
    while i < len(words) and words[i].lower() in NAME_CONNECTORS:
        i += 1
    name = _clean_name(" ".join(words[i:]))
    return name if ENDS_WITH_COMPANY_FORM.search(name) and len(name.split()) >= 2 else None


def _date(text: str, orders: list[re.Match[str]]) -> str | None:
    """The announcement date: signature line, else a `Place, date` line near the end, else a header."""
    if orders:
        window = text[orders[-1].end(): orders[-1].end() + 500]
        lead = BOARD_PARAGRAPH_LEAD.search(window)
        found = find_dates(window[:lead.start()] if lead else window)
        if found:
            return found[0][2]
    tail_start = max(0, len(text) - 3000)
    for m in reversed(list(SIGNATURE_DATE.finditer(text, tail_start))):
        iso = parse_date(m.group("date"))
        if iso:
            return iso
    header = DATE_HEADER.match(text)
    return header.group("date") if header else None


def _title(head: str) -> str | None:
    """The first heading in capitals of three words or more (consecutive capital lines joined),
    else a markdown heading."""
    block: list[str] = []
    end = -1
    for m in TITLE_LINE.finditer(head):
        title = " ".join(m.group("title").split())
        if block and head[end:m.start()].strip("\n *") != "":
            if len(" ".join(block).split()) >= 3:
                break
            block = []
        if NOT_A_TITLE.search(title) or not re.search(r"[A-Z]{2}", title):
            block = []
            continue
        block.append(title)
        end = m.end()
    joined = " ".join(block)
    if len(joined.split()) >= 3:
        return joined
    heading = MARKDOWN_HEADING.search(head)
    return " ".join(heading.group("title").split()) if heading else None


def _kind(title: str | None, head: str) -> str:
    """Document kind from the title (never from body text: disclaimers mention `pledged`)."""
    if not title:
        return "report" if REPORT_COVER.search(head[:400]) else "other"
    for kind, pattern in KIND_RULES:
        if pattern.search(title):
            return kind
    return "other"

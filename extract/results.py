"""Results estimates (profit warnings, positive profit alerts, preliminary estimates).

Two shapes are read:

* table rows flattened from PDF: a metric label in the first cell, the current period's range in
  a later cell, the prior period's figure in the last one, the change % on the same or the next
  line (`Net profit attributable to ... \\tRMB400 million ~ RMB460 million\\tRMB304.9530 million`);
* prose: a sentence that says a metric is *expected* or *estimated* and states a range
  (`revenue is expected to increase by 70% to 90% ..., reaching RMB6,936,123,100 to ...`).

Amounts become absolute currency units (`RMB192.3002 million` -> 192300200; a table headed
`Unit: RMB10,000` scales bare figures). A loss is negative. A metric stated only as a percentage
(`Revenue is expected to increase by approximately 30%`) has no amount: no fact. Periods come
from the sentence or row itself, else from the nearest stated period before it (`Period for the
estimated results: 1 January 2026 to 30 June 2026`, `(1 April 2026 – 30 June 2026)`).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from extract.context import DocContext
from extract.text.dates import ANY_DATE, MONTHS, parse_date
from extract.text.numbers import CURRENCIES, to_decimal
from extract.records import Fact, FinancialEstimate
from extract.registry import extractor

FAMILY = "financial_estimate"

_CUR = r"(?:RMB|HK\$|US\$|HKD|USD|CNY|Renminbi)"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT = (r"(?:hundred\s+million|100\s+million|ten\s+thousand|10\s+thousand|million|billion|"
         r"thousand|mn|bn|亿元?|万元?)")
_SEP = r"(?:~|～|\bto\b|–|—|-|至)"


def _amount(tag: str) -> str:
    """One amount with optional currency and unit, its groups prefixed by `tag`."""
    return (rf"(?P<{tag}cur>{_CUR})?\s*(?P<{tag}num>{_NUM})(?![\d%])"
            rf"(?:\s*(?P<{tag}unit>{_UNIT})\b)?(?!\s*%)")


# An amount starts with its currency (every `_CUR` form starts with one of these letters) or its
# number: the patterns skip other offsets at once instead of trying every currency there. A match
# that began with the blank before a bare number now begins at the number, groups unchanged.
_AMOUNT_START = r"(?=[RHUC\d])"
# Family: an amount range `RMB400 million ~ RMB460 million`, `RMB702,265,000 to RMB838,187,300`.
AMOUNT_RANGE = re.compile(rf"{_AMOUNT_START}{_amount('lo')}\s*{_SEP}\s*{_amount('hi')}", re.I)
# Family: `between HK$80 million and HK$100 million` (profit alerts of Hong Kong issuers).
AMOUNT_BETWEEN = re.compile(rf"\bbetween\s+{_amount('lo')}\s+and\s+{_amount('hi')}", re.I)
# Family: a single amount `RMB304.9530 million`, `Profit: RMB453,074,200`.
AMOUNT = re.compile(_AMOUNT_START + _amount(""), re.I)
# Family: the change stated in percent `Increased by 31.17% ~ 50.84%`, `decrease of 20% to 30%`.
CHANGE_RANGE = re.compile(
    r"(?P<dir>increase|decrease|rise|grow|drop|decline|fall)\w*\s+(?:by\s+|of\s+)?(?:approximately\s+)?"
    rf"(?P<lo>\d+(?:\.\d+)?)\s*%\s*(?:{_SEP}\s*(?P<hi>\d+(?:\.\d+)?)\s*%)?", re.I)
# Family: metric labels of estimate tables and prose (first cell, or the subject of a sentence).
METRIC_LABEL = re.compile(
    r"(?P<label>(?:net\s+)?(?:profit|loss|income)\s+(?:for\s+the\s+(?:period|year)\s+)?attributable\s+to\s+"
    r"(?:the\s+)?(?:ordinary\s+)?(?:shareholders|owners|equity\s+holders)[^\t\n]{0,120}?"
    r"|net\s+profit\s+(?:for\s+the\s+(?:period|year)\s+)?(?:after\s+deduct\w*|excluding|net\s+of)\s+(?:the\s+)?"
    r"non-?\s*recurring[^\t\n]{0,80}?"
    r"|(?:operating\s+)?revenue|operating\s+income|turnover)", re.I)
# Family: the "after deducting non-recurring gains or losses" qualifier of a metric label.
RECURRING = re.compile(r"(?:after\s+deduct\w*|excluding|net\s+of)\s+(?:the\s+)?non-?\s*recurring", re.I)
# The qualifier's own words (`non-recurring profit or loss`): they do not make the metric a loss.
RECURRING_TAIL = re.compile(r"non-?\s*recurring.*", re.I | re.S)
# Family: cues that a sentence states an estimate rather than a past figure.
ESTIMATE_CUE = re.compile(r"\b(?:expect\w*|estimat\w*|anticipat\w*|forecast\w*|projected)\b", re.I)
# Family: a loss stated before the figures (`Loss: RMB...`, `a net loss of RMB...`).
LOSS_CUE = re.compile(r"\bloss(?:es)?\b\s*(?::|of|in\s+the\s+range\s+of|amount\w*\s+to)?\s*(?:approximately\s+)?$",
                      re.I)
# Family: a table's unit statement `Unit: RMB10,000`, `(in 10 thousand)`, `RMB'000`.
TABLE_UNIT = re.compile(
    r"(?:unit\s*[:：]\s*(?:RMB|HK\$|US\$)?\s*(?P<u1>10,000|ten\s+thousand|10\s+thousand|thousand|million|yuan)"
    r"|\(\s*in\s+(?:RMB\s+)?(?P<u2>10,000|ten\s+thousand|10\s+thousand|thousand|million)\s*\)"
    r"|(?:RMB|HK\$)\s*['’](?P<u3>0,000|0000|000)(?!\d|,\d))", re.I)
# Family: an explicit period `1 January 2026 to 30 June 2026`, `(1 April 2026 – 30 June 2026)`.
PERIOD_RANGE = re.compile(rf"(?P<a>{ANY_DATE.pattern})\s*(?:to|–|—|-|~|至)\s*(?P<b>{ANY_DATE.pattern})", re.I)
# Family: a period stated by its end `for the six months ended 30 June 2026`, `year ending ...`.
PERIOD_ENDED = re.compile(
    rf"(?P<span>six\s+months|year|nine\s+months|three\s+months|twelve\s+months)\s+end(?:ed|ing)\s+(?P<end>{ANY_DATE.pattern})",
    re.I)
# Family: a month range in a column header `(January – June 2026)`.
MONTH_RANGE = re.compile(
    r"\b(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s*(?:to|–|—|-)\s*(?P<m2>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+(?P<y>(?:19|20)\d\d)\b", re.I)

_UNIT_WORDS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"hundred\s+million|100\s+million|亿", re.I), 100_000_000),
    (re.compile(r"ten\s+thousand|10\s+thousand|0,000|万|0000", re.I), 10_000),
    (re.compile(r"billion|bn", re.I), 1_000_000_000),
    (re.compile(r"million|mn", re.I), 1_000_000),
    (re.compile(r"thousand|000", re.I), 1_000),
)
_SPAN_MONTHS = {"six months": 6, "year": 12, "twelve months": 12, "nine months": 9, "three months": 3}


@dataclass(frozen=True)
class Amount:
    """A figure as written: number, unit multiplier when stated, currency when stated."""

    number: Decimal
    multiplier: int | None
    currency: str | None


@extractor("results")
def extract_results(ctx: DocContext) -> list[Fact]:
    """Estimate rows of tables first, then estimate sentences not already read as rows."""
    if not ctx.meta.issuer:
        return []
    periods = _periods(ctx.text)
    facts: list[Fact] = []
    covered: list[tuple[int, int]] = []
    for fact, span in _table_rows(ctx, periods):
        facts.append(fact)
        covered.append(span)
    for fact in _prose(ctx, periods, covered):
        facts.append(fact)
    return facts


# --- periods -------------------------------------------------------------------------------

def _periods(text: str) -> list[tuple[int, str, str]]:
    """Every stated period as (offset, start, end), in text order.

    Every period match holds a year, so the three patterns run only on windows around the years
    (`_year_windows`) rather than over the whole text, with the same matches; a range needs a
    window with two years, a period `ended` a window with that word.
    """
    found: list[tuple[int, str, str]] = []
    for lo, hi in _year_windows(text):
        if len(_YEAR.findall(text, lo, hi)) > 1:
            for m in PERIOD_RANGE.finditer(text, lo, hi):
                start, end = parse_date(m.group("a")), parse_date(m.group("b"))
                if start and end and start < end:
                    found.append((m.start(), start, end))
        if _ENDED.search(text, lo, hi):
            for m in PERIOD_ENDED.finditer(text, lo, hi):
                end = parse_date(m.group("end"))
                if end:
                    months = _SPAN_MONTHS[" ".join(m.group("span").lower().split())]
                    found.append((m.start(), _months_before(end, months), end))
        for m in MONTH_RANGE.finditer(text, lo, hi):
            year, m1, m2 = int(m.group("y")), MONTHS[m.group("m1").lower()], MONTHS[m.group("m2").lower()]
            if m1 < m2:
                last = calendar.monthrange(year, m2)[1]
                found.append((m.start(), dt.date(year, m1, 1).isoformat(), dt.date(year, m2, last).isoformat()))
    return sorted(found)


# A year as the period patterns write it; every period match holds one (in `1 January 2026`,
# `2026-06-30`, `2026年6月30日`, `January – June 2026`).
_YEAR = re.compile(r"(?:19|20)\d\d")
# The most non-space characters a period match can hold: two dates of at most 19 (`September.`,
# `22nd,`, `2023`) around a separator of at most 2 (`to`); `twelve months ending` and a date, and
# `September to September 2023`, hold fewer.
_PERIOD_CHARS = 40
_SPACE = re.compile(r"\s")
# The word every PERIOD_ENDED match holds.
_ENDED = re.compile(r"end(?:ed|ing)", re.I)


def _year_windows(text: str) -> list[tuple[int, int]]:
    """Disjoint spans of `text` that hold every period match, around the years.

    The year scan is cheap (it starts on a digit) where the period patterns, tried at every
    offset, are not. A match overlaps a year found by the scan (a year the scan passes over lies
    inside one it found) and holds at most `_PERIOD_CHARS` non-space characters, so it lies within
    `_PERIOD_CHARS + 1` non-space characters of that year on either side, however much whitespace
    it spans. A window ends before a space, so `\b` at its end reads as in the whole text; windows
    that overlap are merged, so no match is split between two.
    """
    windows: list[tuple[int, int]] = []
    for m in _YEAR.finditer(text):
        hi = _reach_ahead(text, m.end())
        if windows and m.start() < windows[-1][1]:
            lo = windows[-1][0]  # the year is inside the last window
        else:
            lo = _reach_back(text, m.start())
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def _reach_back(text: str, pos: int) -> int:
    """An offset before `pos` with more than `_PERIOD_CHARS` non-space characters between them (or 0)."""
    lo = pos
    while lo > 0 and _solid(text, lo, pos) <= _PERIOD_CHARS:
        lo = max(0, lo - 2 * _PERIOD_CHARS)
    return lo


def _reach_ahead(text: str, pos: int) -> int:
    """The first space (or the end) after more than `_PERIOD_CHARS` non-space characters from `pos`."""
    hi = pos
    while hi < len(text) and _solid(text, pos, hi) <= _PERIOD_CHARS:
        hi = min(len(text), hi + 2 * _PERIOD_CHARS)
    space = _SPACE.search(text, hi)
    return space.start() if space else len(text)


def _solid(text: str, lo: int, hi: int) -> int:
    """The number of non-space characters in text[lo:hi]."""
    return sum(map(len, text[lo:hi].split()))


def _months_before(end: str, months: int) -> str:
    """The first day of a period of `months` months ending on `end` (a month end)."""
    day = dt.date.fromisoformat(end) + dt.timedelta(days=1)
    month_index = day.year * 12 + day.month - 1 - months
    return dt.date(month_index // 12, month_index % 12 + 1, day.day).isoformat()


def _period_at(periods: list[tuple[int, str, str]], lo: int, hi: int) -> tuple[str, str] | None:
    """The period stated inside [lo, hi), else the nearest one stated before `lo`."""
    inside = [p for p in periods if lo <= p[0] < hi]
    if inside:
        return inside[0][1], inside[0][2]
    before = [p for p in periods if p[0] < lo]
    return (before[-1][1], before[-1][2]) if before else None


# --- amounts -------------------------------------------------------------------------------

def _read_amount(m: re.Match[str], tag: str) -> Amount | None:
    """The amount of the `tag` groups of a match (unit and currency None when not written)."""
    number = to_decimal(m.group(f"{tag}num"))
    if number is None:
        return None
    unit = m.group(f"{tag}unit")
    cur = m.group(f"{tag}cur")
    return Amount(number, _unit_value(unit) if unit else None,
                  CURRENCIES.get(cur.lower()) if cur else None)


def _unit_value(unit: str) -> int:
    """The multiplier a unit word states (`million` -> 1000000, `10,000` -> 10000)."""
    for pattern, multiplier in _UNIT_WORDS:
        if pattern.search(unit):
            return multiplier
    return 1


def _absolute(amount: Amount, fallback: int, negative: bool) -> float:
    """Absolute value in currency units; a figure without a unit takes the table's unit."""
    value = amount.number * (amount.multiplier or fallback)
    return float(-value if negative else value)


def _is_loss(prefix: str) -> bool:
    """Whether the words just before a figure call it a loss (`Loss: `, `net loss of`)."""
    return bool(LOSS_CUE.search(prefix[-40:]))


def _range(text: str, table_unit: int, table_currency: str | None,
           pos: int = 0) -> tuple[float, float, str | None, re.Match[str]] | None:
    """The first amount range in `text` from `pos`: (low, high, currency, match).

    `between X and Y` ranges are looked for only in text holding `between`; of the two forms the
    one stated first wins.
    """
    found = _first_range(AMOUNT_RANGE, text, table_unit, table_currency, pos)
    if "between" in text:
        other = _first_range(AMOUNT_BETWEEN, text, table_unit, table_currency, pos)
        if other and (found is None or other[3].start() < found[3].start()):
            found = other
    return found


def _first_range(pattern: re.Pattern[str], text: str, table_unit: int, table_currency: str | None,
                 pos: int) -> tuple[float, float, str | None, re.Match[str]] | None:
    for m in pattern.finditer(text, pos):
        lo, hi = _read_amount(m, "lo"), _read_amount(m, "hi")
        if lo is None or hi is None:
            continue
        if not (lo.currency or hi.currency or lo.multiplier or hi.multiplier or table_unit > 1
                or table_currency):
            continue
        multiplier = hi.multiplier or table_unit
        lo = Amount(lo.number, lo.multiplier or multiplier, lo.currency)
        negative = _is_loss(text[:m.start()])
        a, b = _absolute(lo, table_unit, negative), _absolute(hi, table_unit, negative)
        return min(a, b), max(a, b), hi.currency or lo.currency or table_currency, m
    return None


def _single(text: str, table_unit: int) -> float | None:
    """The first amount in `text` (a prior-period figure), signed."""
    for m in AMOUNT.finditer(text):
        amount = _read_amount(m, "")
        if amount is None or not (amount.currency or amount.multiplier or table_unit > 1):
            continue
        return _absolute(amount, table_unit, _is_loss(text[:m.start()]))
    return None


def _change(text: str) -> tuple[float | None, float | None]:
    """The stated change in percent, negative for a decrease."""
    m = CHANGE_RANGE.search(text)
    if not m:
        return None, None
    sign = -1 if m.group("dir").lower() in {"decrease", "drop", "decline", "fall"} else 1
    lo = sign * float(m.group("lo"))
    hi = sign * float(m.group("hi")) if m.group("hi") else lo
    return min(lo, hi), max(lo, hi)


def _metric(label: str) -> str:
    """Exchange-format metric of a label; recurring when non-recurring items are deducted."""
    low = label.lower()
    if "revenue" in low or "turnover" in low or low.startswith("operating income"):
        return "revenue"
    if RECURRING.search(label):
        return "net_profit_attributable_recurring"
    return "net_profit_attributable"


def _table_unit(lines: list[str], index: int) -> tuple[int, str | None]:
    """The unit and currency a table states in the few lines above row `index`."""
    for line in reversed(lines[max(0, index - 8):index]):
        m = TABLE_UNIT.search(line)
        if m:
            unit = m.group("u1") or m.group("u2") or m.group("u3")
            currency = "CNY" if re.search(r"RMB|Renminbi", line, re.I) else None
            return (1 if unit.lower() == "yuan" else _unit_value(unit)), currency
    return 1, None


# --- tables --------------------------------------------------------------------------------

def _table_rows(ctx: DocContext, periods: list[tuple[int, str, str]]
                ) -> Iterator[tuple[FinancialEstimate, tuple[int, int]]]:
    """Rows `label<TAB>range<TAB>prior` (the change % in the row or on the next line)."""
    text = ctx.text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        tab = line.find("\t")
        if tab < 0 or not METRIC_LABEL.match(_strip_markup(line[:tab]).strip()):
            continue
        cells = [_strip_markup(c) for c in line.split("\t")]
        start = _line_offset(lines, i)
        end = start + len(line)
        unit, currency = _table_unit(lines, i)
        found = _row_range(cells[1:], unit, currency)
        if not found:
            ctx.skip(FAMILY, "metric row without an amount range", start, end)
            continue
        low, high, cur, at = found
        rest = [c for c in cells[2 + at:] if c.strip()]
        prior = _single(rest[-1], unit) if rest else None
        following = lines[i + 1] if i + 1 < len(lines) else ""
        change = _change(cells[1 + at]) if CHANGE_RANGE.search(cells[1 + at]) else (
            _change(following) if following.startswith("\t") else (None, None))
        period = _period_at(periods, start, start)
        if period is None:
            ctx.skip(FAMILY, "estimate row without a stated period", start, end)
            continue
        yield FinancialEstimate(
            company=ctx.meta.issuer, metric=_metric(cells[0]), period_start=period[0],
            period_end=period[1], low=low, high=high, currency=cur, prior=prior,
            change_low=change[0], change_high=change[1], evidence=ctx.evidence(start, end),
        ), (start, end)


def _row_range(cells: list[str], unit: int,
               currency: str | None) -> tuple[float, float, str | None, int] | None:
    """The first cell holding an amount range: (low, high, currency, cell index)."""
    for at, cell in enumerate(cells):
        found = _range(cell, unit, currency)
        if found:
            return found[0], found[1], found[2], at
    return None


def _line_offset(lines: list[str], index: int) -> int:
    """Document offset of line `index`, so evidence quotes the row it came from.

    Counted only for metric rows (a few per document) rather than kept for every line.
    """
    return sum(map(len, lines[:index])) + index


def _strip_markup(cell: str) -> str:
    """Cell text without the HTML/Markdown emphasis PDF converters leave (`<b>`, `**`)."""
    return re.sub(r"</?\w+>|\*\*", "", cell)


# --- prose ---------------------------------------------------------------------------------

# Family: candidate sentences (split at sentence ends; a sentence may run over wrapped lines,
# tables are handled above).
_SENTENCE = re.compile(r"\S.*?(?:(?<=[a-z0-9)%])\.(?=\s|$)|\Z)", re.S)
# A line that ends a sentence or a heading item: the next line starts a new one.
_LINE_CLOSED = re.compile(r"[.:;!?。]\s*$")


def _prose(ctx: DocContext, periods: list[tuple[int, str, str]],
           covered: list[tuple[int, int]]) -> Iterator[FinancialEstimate]:
    """Sentences saying a metric is expected to reach a range of amounts.

    Only the blocks around lines holding an estimate cue are split (`_cue_blocks`): a sentence
    without a cue is never read. A block runs over the lines a PDF wrapped one paragraph into
    (`... is expected to record a profit attributable to owners of the Company of between` /
    `HK$80 million and HK$100 million ...`), so the figures are read with their metric.
    """
    text = ctx.text
    for lo, hi in _cue_blocks(text):
        for m in _SENTENCE.finditer(text, lo, hi):
            start, end = m.start(), m.end()
            sentence = m.group(0)
            if "\t" in sentence or any(a <= start < b for a, b in covered):
                continue
            if not ESTIMATE_CUE.search(sentence):
                continue
            fact = _prose_fact(ctx, sentence.replace("\n", " "), start, end, periods)
            if fact:
                yield fact


# The stems of ESTIMATE_CUE, found by a scan that starts on their first letter (the class is
# case-sensitive so the scan can skip to it; e, a, f and p fold to no other letter).
_CUE_STEM = re.compile(r"(?-i:[EeAaFfPp])(?:xpect|stimat|nticipat|orecast|rojected)", re.I)


def _cue_lines(text: str) -> list[tuple[int, int]]:
    """Bounds (without the newline) of the lines holding an estimate cue stem, in text order."""
    lines: list[tuple[int, int]] = []
    for m in _CUE_STEM.finditer(text):
        if lines and m.start() < lines[-1][1]:
            continue
        end = text.find("\n", m.end())
        lines.append((text.rfind("\n", 0, m.start()) + 1, len(text) if end < 0 else end))
    return lines


def _cue_blocks(text: str, most: int = 8) -> list[tuple[int, int]]:
    """The cue lines widened over the wrapped lines of their paragraph, merged, in text order.

    A block grows backwards while the line before does not close a sentence and forwards while
    its last line does not, over at most `most` lines each way; blank and tabbed lines stop it.
    """
    blocks: list[tuple[int, int]] = []
    for lo, hi in _cue_lines(text):
        if blocks and lo <= blocks[-1][1]:
            continue
        for _ in range(most):
            if lo == 0:
                break
            prev = text.rfind("\n", 0, lo - 1) + 1
            line = text[prev:lo - 1]
            if not line.strip() or "\t" in line or _LINE_CLOSED.search(line):
                break
            lo = prev
        for _ in range(most):
            if hi >= len(text) or _LINE_CLOSED.search(text, max(lo, hi - 8), hi):
                break
            nxt = text.find("\n", hi + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[hi + 1:nxt]
            if not line.strip() or "\t" in line:
                break
            hi = nxt
        if blocks and lo <= blocks[-1][1]:
            blocks[-1] = (blocks[-1][0], max(hi, blocks[-1][1]))
        else:
            blocks.append((lo, hi))
    return blocks


def _prose_fact(ctx: DocContext, sentence: str, start: int, end: int,
                periods: list[tuple[int, str, str]]) -> FinancialEstimate | None:
    """One estimate from a sentence: the metric named before the first amount range."""
    found = _range(sentence, 1, None)
    if not found:
        return None
    low, high, currency, rm = found
    labels = list(METRIC_LABEL.finditer(sentence, 0, rm.start()))
    if not labels or not ESTIMATE_CUE.search(sentence, 0, rm.start()):
        return None
    label = labels[-1]
    loss = re.search(r"\bloss\b", RECURRING_TAIL.sub("", label.group(0)), re.I) and low > 0
    if loss:
        low, high = -high, -low
    period = _period_at(periods, start, end)
    if period is None:
        ctx.skip(FAMILY, "estimate sentence without a stated period", start, end)
        return None
    tail = sentence[rm.end():]
    prior = _single(tail, 1) if re.search(r"compar|same\s+period|last\s+year|prior", tail, re.I) else None
    change = _change(sentence)
    return FinancialEstimate(
        company=ctx.meta.issuer, metric=_metric(label.group(0)), period_start=period[0],
        period_end=period[1], low=low, high=high, currency=currency, prior=prior,
        change_low=change[0], change_high=change[1], evidence=ctx.evidence(start, end),
    )

"""Dates as filings write them -> ISO `YYYY-MM-DD`.

Families: `September 22, 2023`, `22 September 2023`, `5 June, 2026`, `Sept. 22, 2023`,
`2023-09-22`, `2023/9/22`, `2023年9月22日`. Anything else is not a date (None), never a guess.
"""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),           # September 22, 2023
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),           # 22 September 2023
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)\b"),
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*日"),
)

#: One regular expression matching any date family (for scanning text).
ANY_DATE = re.compile("|".join(re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in DATE_PATTERNS),
                      re.I)


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO, or None when there is none or it is not a real day."""
    best: tuple[int, str] | None = None
    for pattern in DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        iso = _iso(m)
        if iso and (best is None or m.start() < best[0]):
            best = (m.start(), iso)
    return best[1] if best else None


def _iso(m: re.Match[str]) -> str | None:
    month_raw = m.group("month")
    month = int(month_raw) if month_raw.isdigit() else MONTHS.get(month_raw.lower().rstrip("."))
    try:
        return dt.date(int(m.group("year")), int(month or 0), int(m.group("day"))).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date in `text` as (start, end, iso), in order."""
    out = []
    for m in ANY_DATE.finditer(text):
        iso = parse_date(m.group(0))
        if iso:
            out.append((m.start(), m.end(), iso))
    return out

"""Numbers as filings write them: `1,600.00` in a `(in 10 thousand)` column, `28.83%`,
`RMB400 million`, `RMB702,265,000`, `RMB192.3002 million`, `(99.9825%)`.

Exact arithmetic with `Decimal`, so `38,710.0160` ten-thousands is exactly 387,100,160 shares.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

NUMBER = re.compile(r"(?<![\w.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)|(?<![\w.,])-?\d+(?:\.\d+)?(?![\w])")
PERCENT = re.compile(r"(-?\d+(?:\.\d+)?)\s*%")

#: Unit phrases in table headers and amounts -> multiplier.
UNIT_MULTIPLIERS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"(?:in\s+)?(?:ten|10)[\s,]*thousands?|10,000\s+shares|万股|萬股", re.I), 10_000),
    (re.compile(r"(?:in\s+)?hundred\s+millions?|100\s+million|亿", re.I), 100_000_000),
    (re.compile(r"\bmillions?\b|\bmn\b|\bm\b", re.I), 1_000_000),
    (re.compile(r"\bbillions?\b|\bbn\b", re.I), 1_000_000_000),
    (re.compile(r"\bthousands?\b|'000|\bk\b", re.I), 1_000),
)

CURRENCIES: dict[str, str] = {
    "rmb": "CNY", "renminbi": "CNY", "cny": "CNY", "hk$": "HKD", "hkd": "HKD",
    "us$": "USD", "usd": "USD", "$": "USD",
}


def to_decimal(text: str) -> Decimal | None:
    """`1,600.00` -> Decimal('1600.00'); None when `text` is not one number."""
    t = text.strip().replace(",", "").replace("\u2212", "-")
    if not t:
        return None
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def unit_multiplier(header: str) -> int:
    """The multiplier a header or amount phrase states (`(in 10 thousand)` -> 10000), else 1."""
    for pattern, multiplier in UNIT_MULTIPLIERS:
        if pattern.search(header):
            return multiplier
    return 1


def scaled_int(text: str, multiplier: int = 1) -> int | None:
    """A count scaled by `multiplier`, when the result is a whole number; None otherwise."""
    value = to_decimal(text)
    if value is None:
        return None
    scaled = value * multiplier
    if scaled != scaled.to_integral_value():
        return None
    return int(scaled)


def percent(text: str) -> float | None:
    """`28.83%` or `(99.9825%)` -> 28.83 / 99.9825."""
    m = PERCENT.search(text)
    return float(m.group(1)) if m else None

"""Consistency checks of poll results: each returns what FAILS, as (check, message) pairs.

A filing's own numbers disagree more often than one would think (a count retyped, a percentage
of the wrong denominator); the graph keeps such disagreements as data-quality findings instead
of silently trusting one number. Checks are lenient about rounding and about which denominator
a filing uses (with or without abstentions), so a finding means a real inconsistency.
"""
from __future__ import annotations

from extract.meetings.votes import VoteRow

#: Percentages filings print are rounded; allow the scorer's 0.01 plus the rounding of 2 decimals.
PERCENT_TOLERANCE = 0.015
ORDINARY_BAR = 0.5
SPECIAL_BAR = 2 / 3
#: A special resolution needs 2/3 of the votes under PRC rules but 3/4 under Hong Kong, Bermuda and Cayman
#: law: between the two bars either stated result is consistent.
SPECIAL_BAR_HIGH = 3 / 4


def check_resolution(row: VoteRow, passed: bool | None, represented: int | None) -> list[tuple[str, str]]:
    """Votes cast vs shares represented, total vs columns, percentages vs counts, result vs threshold."""
    return (_votes_vs_represented(row, represented) + _total_vs_counts(row)
            + _percents_vs_counts(row, represented) + _passed_vs_threshold(row, passed))


def check_meeting(kind: str, entitled: int | None, represented: int | None, percent: float | None,
                  issued: int | None) -> list[tuple[str, str]]:
    """The stated percentage represented vs the counts (of shares entitled, or issued)."""
    if represented is None or percent is None:
        return []
    bases = [b for b in (entitled, issued) if b]
    if not bases or any(abs(represented / b * 100 - percent) <= PERCENT_TOLERANCE for b in bases):
        return []
    return [("percent_represented", f"{kind}: {represented:,} shares represented is not {percent}% "
                                    f"of {bases[0]:,}")]


def _votes_vs_represented(row: VoteRow, represented: int | None) -> list[tuple[str, str]]:
    """Votes cast can not exceed the shares represented at the meeting (cumulative votes aside)."""
    cast = sum(row.votes.values())
    if represented is None or "." in row.number or cast <= represented:
        return []
    return [("votes_vs_represented", f"{cast:,} votes cast exceed the {represented:,} shares represented")]


def _total_vs_counts(row: VoteRow) -> list[tuple[str, str]]:
    """A table's own total column must be the sum of its vote columns."""
    cast = sum(row.votes.values())
    if row.total is None or row.total == cast:
        return []
    return [("total_vs_counts", f"total {row.total:,} is not the {cast:,} votes of its columns")]


def _percents_vs_counts(row: VoteRow, represented: int | None) -> list[tuple[str, str]]:
    """Each stated percentage must be its count over the votes cast (with or without abstentions)
    or over the shares represented: filings use all three denominators."""
    out = []
    cast_all = sum(row.votes.values())
    cast_decided = cast_all - row.votes.get("abstain", 0)
    for column, pct in row.percents.items():
        count = row.votes.get(column)
        if count is None:
            continue
        expected = [count / base * 100 for base in (cast_all, cast_decided, represented) if base]
        if expected and all(abs(e - pct) > PERCENT_TOLERANCE for e in expected):
            out.append(("percent_vs_counts", f"{column} {count:,} is {expected[0]:.4f}% of votes cast, "
                                             f"stated {pct}%"))
    return out


def _passed_vs_threshold(row: VoteRow, passed: bool | None) -> list[tuple[str, str]]:
    """A stated result must agree with the votes: > 1/2 for ordinary, >= 2/3 (PRC) or 3/4 for special."""
    if passed is None or row.kind is None or "for" not in row.votes:
        return []
    bar = SPECIAL_BAR if row.kind == "special" else ORDINARY_BAR
    cast_all = sum(row.votes.values())
    cast_decided = cast_all - row.votes.get("abstain", 0)
    shares = [row.votes["for"] / base for base in (cast_all, cast_decided) if base]
    if not shares:
        return []
    if passed and max(shares) < bar:
        return [("passed_vs_threshold", f"stated passed with {max(shares):.2%} for, below the {row.kind} bar")]
    if not passed and min(shares) > (SPECIAL_BAR_HIGH if row.kind == "special" else bar):
        return [("passed_vs_threshold", f"stated not passed with {min(shares):.2%} for, above the {row.kind} bar")]
    return []

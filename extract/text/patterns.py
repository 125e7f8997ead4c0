"""Regular-expression pieces several families write the same way, defined once.

The pledge, holdings, meetings and board readers all need: the honorific words before a name,
the guard that a full stop after an abbreviation (`Mr.`, `Co.`, `No.`) ends no sentence, a share
count in prose with its unit (`3,600 (10,000 shares) A shares`), and the percentage a count
represents (`representing approximately 12.00%`). Each is a pattern *string*, so that a family
composes it into its own expressions.
"""
from __future__ import annotations

import re

from extract.text.vocab import HONORIFICS

#: Honorific words without their full stop, escaped, longest first: `Professor|Madame|...|Mr`.
HONORIFIC_ALT = "|".join(sorted({re.escape(h.rstrip(".")) for h in HONORIFICS}, key=len, reverse=True))


def not_after(*words: str) -> str:
    """Lookbehinds: the match does not start right after any of `words` (whole words)."""
    return "".join(rf"(?<!\b{re.escape(w)})" for w in words)


#: Abbreviations whose full stop ends no sentence: honorifics, `No.`, `Co.`.
ABBREVIATIONS = ("Mr", "Ms", "Mrs", "Dr", "Prof", "No")
#: The guard, for a full stop that may end a sentence.
NOT_AFTER_ABBREVIATION = not_after(*ABBREVIATIONS)
#: ... and where company names run through the text (`Co., Ltd.`).
NOT_AFTER_ABBREVIATION_OR_CO = not_after(*ABBREVIATIONS, "Co")

#: `approximately ` / `about ` before a figure, or nothing.
APPROXIMATELY = r"(?:approximately\s+|about\s+)?"
#: A percentage, its number in group `p`: `49.16%`, `12 %`.
PERCENT = r"(?P<p>\d{1,3}(?:\.\d+)?)\s*%"
#: A share count in prose, its figure in `n` and an optional unit in `unit`: `180,000,000 shares`,
#: `3,600 (10,000 shares) A shares`, `12.5 million H shares`.
PROSE_SHARES = (r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>\([^)]{0,30}\)\s*|million\s+)?"
                r"(?:ordinary\s+|[AH][\s-]+)?shares?\b")
#: The header of a pledgee column: `Pledgee`, `Name of pledgees`.
PLEDGEE_COLUMN = re.compile(r"\bpledgees?\b", re.I)

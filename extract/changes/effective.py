"""When a change takes effect: the date phrases of change statements, read without resolving them.

Families, best first:

- a stated date: `with effect from 1 March 2026`, `effective on 1 March 2026`, `w.e.f. 1.3.2026`, `as from ...`;
- the announcement's own date: `with immediate effect`, `effective immediately`, `with effect from the date of
  this announcement`;
- the date of the change stated before: `with effect from the same date`;
- a general meeting: `upon the conclusion of the AGM`, `with effect from the close of the annual general meeting
  held on 28 May 2025`, `at the AGM`: the meeting's date when the phrase or the filing states it, else none;
- another change of the same person: `upon her appointment becoming effective`, `upon their resignations`,
  `following the resignation of Mr. A`;
- a bare date after the verb: `passed away on 3 March 2026`, `On 1 April 2026, Mr. X ceased to be ...`.

`with effect from` followed by anything else (`... from the date on which the waiver is granted`) is unreadable:
the statement is skipped rather than given a wrong date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.text.dates import ANY_DATE, parse_date

_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DATE = rf"{_WEEKDAY}(?P<date>{ANY_DATE.pattern})"
_MEETING_WORDS = (r"(?:annual|extraordinary|special)\s+general\s+meetings?|(?:the\s+)?(?:\d{4}\s+)?(?:AGM|EGM|SGM)s?\b|"
                  r"general\s+meetings?|(?:class\s+)?meetings?")
_MEETING_HELD = (rf"(?:[^,;.]{{0,120}}?\b(?:held|to\s+be\s+held|convened|to\s+be\s+convened)\s+(?:at\s+[^;.]{{0,160}}?\s+)?"
                 rf"(?:on|today,?)\s+{_DATE})?")
_ORDINAL = r"(?:(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+)?"

#: (kind, pattern), best first.
PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(rf"\b(?:with\s+effect\s+(?:from|on|as\s+(?:of|at|from))|effective\s+(?:from|on|as\s+(?:of|at|from))?"
                        rf"|w\.e\.f\.?|as\s+(?:from|of))\s+(?:the\s+)?{_DATE}", re.I)),
    ("immediate", re.compile(r"\bwith\s+immediate\s+effect\b|\beffective\s+immediately\b|\bwith\s+effect\s+immediately\b|"
                             r"\b(?:with\s+effect|effective)\s+(?:from|on|as\s+(?:of|at))\s+(?:the\s+date\s+(?:of\s+this\s+"
                             r"announcement|hereof)|today)\b", re.I)),
    ("same", re.compile(r"\b(?:(?:with\s+effect|effective)\s+(?:from|on|at)|on|from|at)\s+the\s+same\s+(?:date|day|time)\b",
                        re.I)),
    ("meeting", re.compile(rf"\b(?:(?:with\s+effect\s+|effective\s+)?(?:from|upon|at|after|on|following)|immediately\s+"
                           rf"(?:after|following|upon))\s+the\s+(?:close|conclusion|end|closing|date)\s+of\s+(?:the\s+)?"
                           rf"(?P<meeting>(?:forthcoming\s+|next\s+|said\s+|\d{{4}}\s+)?{_ORDINAL}(?:{_MEETING_WORDS}){_MEETING_HELD})",
                           re.I)),
    ("meeting", re.compile(rf"\bat\s+(?:the|an?)\s+(?P<meeting>(?:forthcoming\s+|next\s+|\d{{4}}\s+)?{_ORDINAL}(?:{_MEETING_WORDS})"
                           rf"{_MEETING_HELD})", re.I)),
    ("upon", re.compile(r"\b(?:upon|following|after|on)\s+(?:(?:his|her|their)\s+|the\s+)(?:proposed\s+)?"
                        r"(?P<ref>appointment|resignation|retirement|re-?designation|removal|passing(?:\s+away)?|death|"
                        r"demise)s?\b(?:\s+of\s+(?P<of>(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Madam|Sir)\.?\s+(?-i:[A-Z][\w'’-]*"
                        r"(?:\s+[A-Z][\w'’-]*){0,4})))?", re.I)),
    ("date", re.compile(rf"\b(?:on|from)\s+{_DATE}", re.I)),
    ("unreadable", re.compile(r"\b(?:with\s+effect\s+(?:from|on)|effective\s+(?:from|on|upon))\b", re.I)),
)
# Before a bare `on DATE`: the date of something else (`as announced on 1 March 2026`).
ELSEWHERE_DATED = re.compile(r"\b(?:announce\w*|dated|published|circular|announcement|letter|notice)\b[^.;]{0,40}$", re.I)
# Kinds of change an `upon ...` phrase refers to.
REFERENCE_CHANGES = {"appointment": "appointed", "resignation": "resigned", "retirement": "retired",
                     "re-designation": "redesignated", "redesignation": "redesignated", "removal": "removed",
                     "passing": "deceased", "passing away": "deceased", "death": "deceased", "demise": "deceased"}
# A phrase that dates every change of its sentence: `..., both with effect from 1 March 2026`.
SENTENCE_WIDE = re.compile(r"\b(?:both|all|each|in\s+each\s+case)\s*,?\s*$", re.I)
# A phrase at the start of a sentence that dates every change of it: `On 1 April 2026, ...`.
OPENING_DATE = re.compile(rf"^\W*(?:On|From|As\s+from)\s+{_DATE}\s*,", re.I)

# A general meeting and the date it was (or will be) held, anywhere in the filing.
MEETING_HELD = re.compile(
    rf"\b(?P<meeting>(?:annual|extraordinary|special)\s+general\s+meeting|AGM|EGM|SGM)\b(?:\s+of\s+(?:the\s+)?Company)?"
    rf"(?:\s*\([^()]{{0,40}}\))?[^.;]{{0,120}}?\b(?:was\s+|will\s+be\s+|is\s+)?(?:held|to\s+be\s+held|convened)\s+"
    rf"(?:at\s+[^;]{{0,200}}?\s+)?(?:on|today,?)\s+{_DATE}", re.I)


@dataclass(frozen=True)
class When:
    """A date phrase as read: `kind` (date, immediate, same, meeting, upon, unreadable) and what it names."""

    kind: str
    start: int
    end: int
    date: str | None = None
    meeting: str | None = None
    refers_to: str | None = None
    of_person: str | None = None
    sentence_wide: bool = False


def find_when(text: str, lo: int, hi: int) -> When | None:
    """The best date phrase of `text[lo:hi]` (by family, then the first), or None."""
    best: tuple[int, int, When] | None = None
    for priority, (kind, pattern) in enumerate(PHRASES):
        for m in pattern.finditer(text, lo, hi):
            when = _when(kind, m, text)
            if when is None:
                continue
            rank = (priority, m.start())
            if best is None or rank < best[:2]:
                best = (*rank, when)
            break
    return best[2] if best else None


def _when(kind: str, m: re.Match[str], text: str) -> When | None:
    wide = bool(SENTENCE_WIDE.search(text, max(0, m.start() - 20), m.start()))
    if kind == "date":
        if m.group(0)[:2].lower() in ("on", "fr") and ELSEWHERE_DATED.search(text, max(0, m.start() - 60), m.start()):
            return None
        date = parse_date(m.group("date"))
        return When("date", m.start(), m.end(), date=date, sentence_wide=wide) if date else None
    if kind == "meeting":
        meeting = m.group("meeting")
        stated = parse_date(m.group("date")) if m.group("date") else None
        return When("meeting", m.start(), m.end(), date=stated, meeting=meeting_kind(meeting), sentence_wide=wide)
    if kind == "upon":
        ref = " ".join(m.group("ref").lower().split())
        return When("upon", m.start(), m.end(), refers_to=REFERENCE_CHANGES.get(ref), of_person=m.group("of"))
    return When(kind, m.start(), m.end(), sentence_wide=wide)


STATED_RIGHT_AFTER = re.compile(rf"\s*(?:on|from|as\s+(?:of|at|from))?\s*(?:the\s+)?{_DATE}", re.I)


def date_right_after(text: str, pos: int) -> When | None:
    """A date stated right at `pos` (`... took effect on 28 June 2024`), else the best phrase after it."""
    m = STATED_RIGHT_AFTER.match(text, pos)
    date = parse_date(m.group("date")) if m else None
    if m and date:
        return When("date", m.start(), m.end(), date=date)
    return find_when(text, pos, len(text))


def meeting_kind(written: str) -> str | None:
    """agm or egm for a meeting as written; None for a meeting of no stated kind (`the Meeting`)."""
    low = written.lower()
    if "annual" in low or "agm" in low:
        return "agm"
    if any(w in low for w in ("extraordinary", "special", "egm", "sgm")):
        return "egm"
    return None


def meeting_dates(text: str) -> dict[str | None, str]:
    """The one date the filing gives each kind of general meeting (`None`: the one meeting of any kind)."""
    found: dict[str, set[str]] = {}
    for m in MEETING_HELD.finditer(text):
        kind = meeting_kind(m.group("meeting"))
        date = parse_date(m.group("date"))
        if kind and date:
            found.setdefault(kind, set()).add(date)
    every = {d for dates in found.values() for d in dates}
    out: dict[str | None, str] = {kind: next(iter(dates)) for kind, dates in found.items() if len(dates) == 1}
    if len(every) == 1:
        out[None] = next(iter(every))
    return out

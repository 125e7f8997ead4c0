"""Shared pieces of the committees family: the records read from text, committee names and patterns.

`Mention` and `Seen`, `committee_key` (a committee as written -> exchange-format name), the person and
committee patterns, and the few helpers both the table readers and the sentence readers use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.text.dates import ANY_DATE, parse_date
from extract.text.names import HONORIFIC_WORDS
from extract.text.vocab import COMMITTEE_PHRASES


FAMILY = "committee_membership"

# Capitalised words that end a name when they follow it (`Mr. Cai Baogui Chairman`).
_NOT_NAME = (r"(?:The|And|As|Of|Is|Was|Who|With|Chairman|Chairperson|Chairwoman|Chair|Member|Members|"
             r"Director|Directors|Committee|Board|Company|Independent|Executive|Non|Mr|Mrs|Ms|Dr|Miss|Madam|Prof|"
             r"Vice|President|General|Chief|Secretary|Supervisor|Namely|During|On|In)\b")
# A name word; a closing `1` after a lower-case letter is an OCR misreading of `i`/`l` (`Leung Ka Fa1`).
_NAME_TOKEN = r"[A-Z][A-Za-z'’]*(?:-[A-Za-z'’]+)*(?:(?<=[a-z])1(?![\w-]))?"
# Stop words of _NOT_NAME that are also romanised given names (`Shum Kwok On`, 安): the last word of
# a name when punctuation or a list joiner follows (`Mr. Shum Kwok On, ...`, `... On and Ms. ...`).
_NAME_STOP_WORDS = ("On",)
_LAST_STOP_WORD = (rf"(?:[ \u00a0](?:{'|'.join(_NAME_STOP_WORDS)})"
                   r"(?=[ \t]*(?:[,;(]|\.(?:\s|$)|$)|\s+(?:and|&)\s|\s*\n))")
# Family: a person named with an honorific (`Mr. Cai Baogui`, `Mrs Cao Ying`, `Dr.GU Chunguang`).
PERSON = re.compile(
    rf"\b(?:{'|'.join(HONORIFIC_WORDS)})(?:\s?\.\s*|\s+)(?!{_NOT_NAME})"
    rf"(?P<name>{_NAME_TOKEN}(?:[ \u00a0]+(?!{_NOT_NAME}){_NAME_TOKEN}){{0,4}}{_LAST_STOP_WORD}?"
    rf"(?:,[ ](?!{_NOT_NAME})[A-Z][a-z]+(?=\s*(?:[(,;]|\.(?:\s|$)|\band\b|$)))?)")


def _phrase_pattern(phrase: str) -> str:
    """A vocabulary phrase as a regex: flexible spacing, `&` for `and`, an `(ESG)` before `committee`."""
    words = [re.escape(w) for w in phrase.replace(",", " ,").split()]
    out = ""
    for i, word in enumerate(words):
        if i:
            out += r"\s*" if word == "," else r"\s+"
        if word == "and":
            word = r"(?:and|&)"
        if word == "committee":
            out += r"(?:\(\s*[A-Za-z&]{2,8}\s*\)\s+)?"
            word = r"co(?:mm?|rnm|nm)itt?ee"
        out += word
    return out


_VOCAB_ALT = "|".join(_phrase_pattern(p) for p in sorted(COMMITTEE_PHRASES, key=len, reverse=True))
_GENERIC_STOP = (r"(?:The|Our|Its|This|That|Each|Such|Board|Special|Relevant|Other|All|A|An|And|Of|"
                 r"Company|Group|Chairman|Member|Members)\b")
# Family: a committee as written: a vocabulary phrase, or `Capitalised Words Committee` (other).
COMMITTEE = re.compile(
    rf"(?P<vocab>\b(?i:{_VOCAB_ALT})(?![\w-]))"
    rf"|(?P<generic>\b(?!{_GENERIC_STOP}|Committees?\b)[A-Z][A-Za-z&'-]+"
    rf"(?:\s+(?:and\s+|&\s+|for\s+|of\s+)?(?!Committees?\b)[A-Z][A-Za-z&'-]*){{0,4}}"
    r"\s+Committee(?![\w-]))")
# The word every COMMITTEE match holds: `committee` (OCR-garbled forms included) or, for the board of
# supervisors, `supervisors`. Scanned for from its first letter (case-sensitive so the scan can skip
# to it; `ſ` is the one other letter that `s` folds to, `c` folds to none).
COMMITTEE_WORD = re.compile(r"(?-i:[CcSsſ])(?:o(?:mm?|rnm|nm)itt?ee|upervisors)", re.I)
# Family: a chair word (`chairman`, `chairperson`, `chair`, and `convener`/`convenor`, the chair of a
# PRC issuer's committee).
_CHAIR = r"(?:chair(?:man|woman|person|lady)?|conven[eo]r)"
# Family: a chair note inside a member list, closed by a comma and followed by the next name
# (`are Ms. X, who chairs the committee, Mr. Y and Mr. Z`): a position, not the list's end.
INLINE_CHAIR = re.compile(
    r",\s*who\s+(?:also\s+|currently\s+)?(?:chairs|heads|convenes|is\s+(?:the|its)\s+chair(?:man|woman|person)?\s+of)"
    r"\s+(?:the|its)\s+committee\s*,(?=\s*(?:and\s+)?(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Madam)\b)", re.I)
# Family: a position stated right after a listed name (`(Chairman)`, `as the chairman`, `who is the chairman`).
POSITION_AFTER = re.compile(
    rf"\s*(?:\((?:the\s+)?(?:committee\s+)?(?P<p1>{_CHAIR}|member)\b[^)]{{0,60}}\)"
    rf"|,?\s*(?:as|who\s+is|being)\s+(?:the\s+|its\s+|a\s+)?(?P<p2>{_CHAIR}|member)\b)", re.I)
# Family: a paragraph break (a blank line).
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Family: a row note saying the person left the committee or the board (`resigned on 30 June 2024`).
LEFT_NOTE = re.compile(r"\b(?:resigned|retired|ceased|removed|passed\s+away|deceased|stepped\s+down)\b", re.I)
STATED_AS_AT = re.compile(r"\bas\s+(?:at|of)\s+", re.I)


@dataclass(frozen=True)
class Mention:
    """A committee as written, where it is, and its exchange-format name."""

    start: int
    end: int
    committee: str


@dataclass(frozen=True)
class Seen:
    """One membership read from the text, before names are resolved and duplicates merged."""

    committee: str
    person: str
    position: str | None
    start: int
    end: int
    #: A matrix glyph a legend gives for both chair and member: its position stays open.
    ambiguous: bool = False
    #: The date the text states the membership for (`As at 31 December 2023, ...` above a list).
    as_of: str | None = None


def committee_key(name: str) -> str:
    """The exchange-format committee of a name as written: vocabulary, else `other:<name>`.

    `Remuneration and Appraisal Committee` and `Compensation and Evaluation Committee` both give
    `remuneration`; parenthesised abbreviations and `of the Board` are ignored.
    """
    key = _normalise(name)
    if key in _CANONICAL:
        return _CANONICAL[key]
    for phrase in _CANONICAL:
        if key.endswith(" " + phrase):
            return _CANONICAL[phrase]
    written = " ".join(re.sub(r"^(?:the|our)\s+", "", name.strip(), flags=re.I).split())
    return f"other:{written}"


def _normalise(name: str) -> str:
    low = re.sub(r"\([^)]*\)", " ", name.lower()).replace("&", " and ").replace(",", " ")
    low = re.sub(r"co(?:mm?|rnm|nm)itt?ee", "committee", low)
    low = re.sub(r"\s+of\s+the\s+board(?:\s+of\s+directors)?$|^(?:the|our|board)\s+", " ", low)
    return " ".join(low.split())


#: Normalised vocabulary phrase -> committee, longest phrases first (for suffix lookups).
_CANONICAL: dict[str, str] = {_normalise(k): v for k, v in
                              sorted(COMMITTEE_PHRASES.items(), key=lambda kv: -len(kv[0]))}


def _mentions(text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    hi = len(text) if hi is None else hi
    return [Mention(m.start(), m.end(), committee_key(m.group(0)))
            for m in COMMITTEE.finditer(text, lo, hi)]


def _position(word: str | None) -> str | None:
    if not word:
        return None
    return "member" if word.lower().startswith("member") else "chair"
# A gap between two cells of a space-aligned row (three or more spaces: two may be prose).
ALIGNED_GAP = re.compile(r"\S {3,}(?=\S)")


def _is_row(line: str) -> bool:
    """Whether a line is a table row: tabbed, or laid out with spaces (two gaps, or a name and a short mark)."""
    if "\t" in line:
        return True
    gaps = ALIGNED_GAP.findall(line)
    return len(gaps) >= 2 or (len(gaps) == 1 and len(line.rstrip().rsplit("   ", 1)[-1].strip()) <= 12)


def _has_row(text: str, lo: int, hi: int) -> bool:
    return any(_is_row(line) for line in text[lo:hi].split("\n"))


def _stated_date(text: str) -> str | None:
    """The last `as at/as of DATE` in `text`, as ISO."""
    found = None
    for m in STATED_AS_AT.finditer(text):
        date = ANY_DATE.match(text, m.end())
        if date:
            found = parse_date(date.group(0)) or found
    return found


def _with_implied_members(found: list[Seen]) -> list[Seen]:
    """In a list that marks its chair, the others are members; otherwise positions stay as read."""
    if not any(s.position == "chair" for s in found):
        return found
    return [s if s.position else Seen(s.committee, s.person, "member", s.start, s.end) for s in found]


def _listed_position(text: str, end: int) -> str | None:
    if INLINE_CHAIR.match(text, end, end + 80):
        return "chair"
    m = POSITION_AFTER.match(text, end, end + 80)
    return _position(m.group("p1") or m.group("p2")) if m else None

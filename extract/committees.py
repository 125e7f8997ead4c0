"""Board committee memberships and dated committee changes.

Read from three shapes, all found by regular expressions over the raw text:

* composition matrices flattened from PDF: a header row naming committees (tab or `|`
  separated), one row per person with marks (`●`, `✓`, `C`, `M`, `Chairman`, `Member`) and blank
  cells. A mark's position comes from the mark itself (`C`, `Chairman`) or from an unambiguous
  legend; a glyph the legend uses for both chair and member (the colours were lost) gives
  position null: never a guess;
* lists under a heading or a colon (`The Audit Committee comprises the following members:` then
  one `Mr. X (Chairman)` per line);
* sentences: `The ESG Committee is chaired by Mr. Cai Baogui`, `comprises Mrs. Cao Ying, ...`,
  `Mr. X, a member of the Audit Committee`, `comprises all three independent non-executive
  Directors` (resolved only when the document names its independent non-executive directors),
  and changes (`appointed as chairman of the Nomination Committee with effect from DATE`,
  `ceased to be a member of ...`) which become `CommitteeChange` events.

A committee with no named person (`chaired by an independent non-executive director`) gives no
fact. Names keep their spelling (OCR noise included) without honorifics; a surname-only mention
(`Mr. Tsui`) is resolved to the one full name the document gives, else skipped.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from extract.context import DocContext
from extract.dates import ANY_DATE, parse_date
from extract.records import CommitteeChange, CommitteeMembership, Fact
from extract.registry import extractor
from extract.vocab import COMMITTEE_PHRASES, HONORIFICS

FAMILY = "committee_membership"

_HONORIFIC_WORDS = sorted({h.rstrip(".") for h in HONORIFICS}, key=len, reverse=True)
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
    rf"\b(?:{'|'.join(_HONORIFIC_WORDS)})(?:\s?\.\s*|\s+)(?!{_NOT_NAME})"
    rf"(?P<name>{_NAME_TOKEN}(?:[ \u00a0]+(?!{_NOT_NAME}){_NAME_TOKEN}){{0,4}}{_LAST_STOP_WORD}?"
    rf"(?:,[ ](?!{_NOT_NAME})[A-Z][a-z]+(?=\s*(?:[(,;]|\.(?:\s|$)|\band\b|$)))?)")
# Family: a bare name in a table cell (`Cai Baogui`, `WONG Kwok Keung`).
BARE_NAME = re.compile(rf"^(?!{_NOT_NAME}|Name|Total|Members?\b){_NAME_TOKEN}(?:[ \u00a0]+{_NAME_TOKEN}){{1,4}}$")


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
# Family: a position word (`chairman`, `chairperson`, `chair`, `convener`, `member`).
_POS = rf"(?P<pos>{_CHAIR}|member)s?"
# Family: `chaired by Mr. X` (optionally after an apposition `our Chairman,`).
# The apposition (`the Chairman of the Board,`) runs up to the honorific that starts the name, never
# across `and` (`chaired by the Chairman of the Board and Ms. X is a member` names no chair).
CHAIRED_BY = re.compile(r"\b(?:chaired|headed|led)\s+by\s+(?:(?:the|our|its)\s+(?:(?!and\b)[A-Za-z -]){0,40}?,?\s+"
                        rf"(?=(?:{'|'.join(_HONORIFIC_WORDS)})\b))?", re.I)
# Family: `comprises A, B and C, and is chaired by`: a chair named after the committee's member list.
CHAIR_AFTER_LIST = re.compile(r",?\s+and\s+(?:is|was|has\s+been)\s+(?:currently\s+|also\s+)?$", re.I)
# Family: a person named by a board role (`the Chairman of the Board`, `the Chief Executive Officer`),
# resolved only to the one person the document gives that title; not when the name follows in
# apposition (`the Chairman of the Board, Mr. X`, read as Mr. X) nor a committee's chair.
ROLE_REFERENCE = re.compile(
    r"\b(?i:the|our)\s+(?:(?P<chairman>Chairman|Chairperson|Chairwoman|Chairlady)"
    r"(?:\s+of\s+the\s+(?:Board(?:\s+of\s+Directors)?|Company))?"
    r"|(?P<ceo>Chief\s+Executive(?:\s+Officer)?|CEO)(?:\s+of\s+the\s+Company)?)\b"
    rf"(?!\s+of\b|\s*\(|\s*,?\s*(?:{'|'.join(_HONORIFIC_WORDS)})\b)")
# Family: a title in parentheses after a name (`Mr. X (Chairman)`, `Mr. Y (Chief Executive Officer)`).
TITLE_NOTE = re.compile(r"\s*\((?P<titles>[^()\n]{2,80})\)")
TITLE_WORDS = {"chairman": re.compile(r"^(?:the\s+)?(?:Chairman|Chairperson|Chairwoman|Chairlady)"
                                      r"(?:\s+of\s+the\s+(?:Board|Company))?$", re.I),
               "ceo": re.compile(r"^(?:the\s+)?(?:Chief\s+Executive(?:\s+Officer)?|CEO)(?:\s+of\s+the\s+Company)?$", re.I)}
# Family: a board paragraph's cue (a title note in it is a board title, not a committee chair).
BOARD_CUE = re.compile(r"\b(?:Board|Directors?)\b")
# Family: the verb introducing a member list (`comprises`, `consists of`, `members are`, `has three members, namely`).
MEMBERS_VERB = re.compile(
    r"\b(?:comprises|comprised|comprise|comprising|(?:includes|included)(?=\s+(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Madam)\b)|consists\s+of|consisted\s+of|consisting\s+of|"
    r"(?:is|was)\s+composed\s+of|composed\s+of|(?:is|was)\s+made\s+up\s+of|"
    r"members\s+(?:are|were|include|included|comprise|being)|(?:has|had)\s+(?:\w+\s+)?members)\b\s*:?", re.I)
# Family: `the members of the Audit Committee are ...` (the verb after the committee).
MEMBERS_OF = re.compile(r"\bmembers\s+of\s+(?:the\s+|our\s+)?$", re.I)
ARE = re.compile(r"\s*(?:are|were|include|included|comprise|comprised|currently\s+are)\b\s*:?", re.I)
# Family: what may stand between a committee and its member verb (`, which is chaired by Mr. X, and`).
SUBJECT_GAP = re.compile(
    r"^(?:\s*\([^)]{0,60}\))?(?:\s+of\s+the\s+Board)?(?:\s*\([^)]{0,60}\))?\s*,?\s*(?:(?:which|that)\s+)?"
    r"(?:(?:was|has\s+been)\s+(?:established|set\s+up|formed)(?:\s+(?:on|in)\s+[\w ]{4,25}?)?,?\s+and\s+)?"
    r"(?:(?:is|was|has\s+been|currently|now|presently|also|shall|will)\s+)*"
    r"(?:chaired\s+by\s+[^;]{0,120}?(?:,?\s+and\s+|,\s+(?=(?:the|its)\s+(?:other|remaining)\s+$)))?"
    r"(?:(?:currently|now|presently|also)\s+)?"
    r"(?:(?:the|its)\s+)?(?:other\s+|remaining\s+)?$", re.I)
# Family: `It comprises ...` / `It currently consists of ...`: a sentence whose subject is the committee
# of the sentence before.
IT_SUBJECT = re.compile(r"\s*(?P<it>It)\s+(?:currently\s+|now\s+|presently\s+)?"
                        r"(?=comprises|comprised|consists\s+of|consisted\s+of|is\s+composed\s+of|"
                        r"was\s+composed\s+of|is\s+chaired\s+by|was\s+chaired\s+by)")
# Family: where a member list ends (a new clause).
LIST_END = re.compile(
    r";\s*(?:and\s+)?(?:the|its)\b|,\s*with\s+(?=(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Madam)\b)|\b(?:which|who|whose|to\s+(?:review|assist|oversee|supervise|advise|make|monitor)|"
    r"(?:is|are|was|were)\s+responsible|held|met|during|in\s+accordance|(?:chaired|headed)\s+by)\b", re.I)
# Family: the chair named after a member list (`comprises Mr. A, Mr. B and Mr. C, with Mr. B acting as its
# chairman`); the name must be one of the list.
WITH_CHAIR = re.compile(rf",\s*with\s+(?P<who>[^,;]{{4,60}}?)\s+(?:acting|serving)\s+as\s+(?:its|the)\s+{_CHAIR}\b", re.I)
# Family: a chair note inside a member list, closed by a comma and followed by the next name
# (`are Ms. X, who chairs the committee, Mr. Y and Mr. Z`): a position, not the list's end.
INLINE_CHAIR = re.compile(
    r",\s*who\s+(?:also\s+|currently\s+)?(?:chairs|heads|convenes|is\s+(?:the|its)\s+chair(?:man|woman|person)?\s+of)"
    r"\s+(?:the|its)\s+committee\s*,(?=\s*(?:and\s+)?(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Madam)\b)", re.I)
# Family: a position stated right after a listed name (`(Chairman)`, `as the chairman`, `who is the chairman`).
POSITION_AFTER = re.compile(
    rf"\s*(?:\((?:the\s+)?(?:committee\s+)?(?P<p1>{_CHAIR}|member)\b[^)]{{0,60}}\)"
    rf"|,?\s*(?:as|who\s+is|being)\s+(?:the\s+|its\s+|a\s+)?(?P<p2>{_CHAIR}|member)\b)", re.I)
# Family: `Mr. X(,)? (is|was|serves as|, a|, the) chairman/member of the COMMITTEE` (title of a committee).
TITLE_OF = re.compile(
    r"^\s*,?\s*(?:who\s+)?(?:(?:is|was|are|were|serves\s+as|served\s+as|acts\s+as|acted\s+as|has\s+been|"
    r"being|remains|also)\s+)*(?:as\s+)?(?:(?:an?|the)\s+[\w -]{0,50}?\s+and\s+)?(?:the\s+|a\s+|an\s+)?"
    rf"{_POS}\s+of\s+(?:the\s+|our\s+|its\s+)?$", re.I)
# Family: `Mr. X, who possesses the appropriate qualifications ..., is the chairman of the COMMITTEE`.
TITLE_AFTER_CLAUSE = re.compile(
    r"^\s*,\s*who\s+[^;()]{0,250}?(?:\([^()]{0,10}\)[^;()]{0,120}?)?,\s*(?:is|was|serves\s+as|acts\s+as)\s+"
    rf"(?:also\s+)?(?:the\s+|a\s+|an\s+)?{_POS}\s+of\s+(?:the\s+|our\s+|its\s+)?$", re.I)
# Family: `Mr. X chairs the COMMITTEE`, `The Chairman of the Board also chairs the COMMITTEE`.
CHAIRS = re.compile(r"\s+(?:also\s+|currently\s+)?(?:chairs|chaired|heads|headed)\s+(?:the\s+|our\s+|its\s+)?", re.I)
# Family: `chaired by Mr. X, with Ms. Y and Mr. Z as members` (the members after the chair).
# An apposition may stand between (`chaired by Mr. X, the Chairman of the Board, with ...`).
WITH_MEMBERS = re.compile(r"(?:\s*,\s*(?:the|our|its|an?)\s+[A-Za-z -]{2,60}?(?=\s*,))?"
                          r"\s*,?\s*(?:and\s+)?(?:together\s+)?with\s+", re.I)
# A name wrapped over a line break by PDF conversion (`Mr. Gao` / `Jun as members`) keeps its tail.
AS_MEMBERS = re.compile(rf"(?P<tail>[ \t]*\n[ \t]*(?!{_NOT_NAME}){_NAME_TOKEN}(?:[ ]+(?!{_NOT_NAME}){_NAME_TOKEN}){{0,2}})?"
                        r"\s*,?\s*(?:as|being)\s+(?:the\s+|its\s+)?(?:other\s+|remaining\s+)?"
                        r"(?:committee\s+)?members\b", re.I)
# Family: what joins names in a coordination (`, `, ` and `, `(Chairman), `).
COORDINATION = re.compile(r"\s*(?:\([^)]{0,40}\))?\s*(?:,\s*and|,|and|&)\s*", re.I)
# Family: `the chairman of the COMMITTEE, Mr. X` (title before the name).
TITLE_BEFORE = re.compile(rf"\b(?:the\s+)?{_POS}\s+of\s+(?:the\s+)?$", re.I)
# Family: a change of committee position (`appointed as`, `ceased to be`, `resigned as`).
CHANGE_CUE = re.compile(
    r"\s*,?\s*(?:(?:has|had|have)\s+)?(?:been\s+|was\s+|were\s+|is\s+|will\s+be\s+)?"
    r"(?P<verb>appointed|re-?designated|ceased|resigned|retired|stepped\s+down)\s+"
    r"(?:to\s+be\s+|as\s+|from\s+(?:the\s+position\s+of\s+|(?:his|her)\s+position\s+as\s+)?|from\s+)?", re.I)
# Family: one committee position in a change (`the chairman of the Nomination Committee`).
CHANGE_TITLE = re.compile(rf"(?:the\s+|a\s+|an\s+)?{_POS}\s+of\s+(?:each\s+of\s+|both\s+)?(?:the\s+)?$", re.I)
# Family: a reference to the independent non-executive directors as a group.
INED_REFERENCE = re.compile(
    r"\s*:?\s*(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:(?P<n>two|three|four|five|six|seven|\d)\s+)?"
    r"independent\s+non-?\s*executive\s+directors(?:\s+of\s+the\s+company)?\s*(?:[.;]|$|,\s*with\b"
    r"|,?\s+and\s+(?:is\s+|was\s+)?(?:(?:chaired|headed|led)\b|$))",
    re.I)
# Family: board paragraphs naming the INEDs (`three independent non-executive Directors, namely, Mr. A, ...`).
INED_NAMELY = re.compile(
    r"independent\s+non-?\s*executive\s+directors?\s*,?\s*(?:namely|being)\s*,?\s*(?P<list>[^;]{0,300})", re.I)
INED_AS = re.compile(r"(?P<list>(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Madam)\.?\s*[^;:]{2,40}?(?:,\s*|\s+and\s+))*"
                     r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Madam)\.?\s*[^;:]{2,40}?)\s+as\s+(?:the\s+)?"
                     r"independent\s+non-?\s*executive\s+directors?", re.I)
# Family: a label line over the INEDs listed one per line (`Independent Non-executive Directors:`).
INED_LABEL = re.compile(r"^[ \t]*Independent\s+non-?\s*executive\s+Directors[ \t]*:?[ \t]*$", re.I | re.M)
# Family: `comprises all the independent non-executive Directors and Ms. X`: the INEDs and the others listed.
ALL_INEDS_AND = re.compile(r"^\s*all\s+(?:of\s+)?(?:the\s+)?(?:(?P<n>two|three|four|five|six|seven|\d)\s+)?"
                           r"independent\s+non-?\s*executive\s+directors(?:\s+of\s+the\s+company)?\s*,?\s+and\s+$", re.I)
# Family: a paragraph break (a blank line).
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Family: a sentence end inside a paragraph (a full stop not after an honorific or an initial).
SENTENCE_STOP = re.compile(r"\.\s+(?=[A-Z\"“(])")
_NO_STOP_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(_HONORIFIC_WORDS)}|No|Co|St|Messrs|[A-Z]))$")
# Family: a mark in a composition matrix cell.
CHAIR_MARKS = re.compile(r"^(?:C|Chair(?:man|woman|person)?|Conven[eo]r|Chairman\s+of\s+the\s+Committee)$", re.I)
MEMBER_MARKS = re.compile(r"^(?:M|Members?|Member\s+of\s+the\s+Committee)$", re.I)
GLYPH = re.compile(r"^[●○◎◉✓✔√★☆▲△■□◆◇✗xXYy✱*]$")
# Family: a glyph with its position written beside it (`✓ (Chairman)`, `● Chairperson`).
GLYPH_NOTED = re.compile(rf"^[●○◎◉✓✔√★☆▲△■□◆◇✱*]\s*[(（]?\s*(?P<pos>{_CHAIR}|members?)"
                         r"(?:\s+of\s+the\s+committee)?\s*[)）]?$", re.I)
# Family: page furniture inside a table flattened from PDF: the page marker of the converter
# (`<<<PAGE 34>>>`), a bare page number, and the running header after a page marker
# (`Tai Fung Textile Holdings Limited  Annual Report 2024`).
PAGE_MARK = re.compile(r"^<<<\s*PAGE\s+\d+\s*>>>$", re.I)
PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,4}(?:\s*-)?$")
RUNNING_HEADER = re.compile(r"\b(?:Annual|Interim)\s+Report\b|\bReport\s+\d{4}\b|\b(?:Limited|Ltd\.?)\b|"
                            r"^(?:CORPORATE\s+GOVERNANCE\s+REPORT|Corporate\s+Governance\s+Report)\b", re.I)
# Family: a section label between a table's rows (`Executive Directors`, `Independent Non-executive Directors:`).
SECTION_LABEL = re.compile(r"^(?:(?:Independent\s+)?(?:Non-?\s*)?Executive|Independent)\s+(?:Non-?\s*executive\s+)?"
                           r"Directors?\s*:?$", re.I)
# Family: the rest of a name wrapped onto the next row (`Lun, Stephen`, `Keung`).
NAME_TAIL = re.compile(rf"(?!{_NOT_NAME}){_NAME_TOKEN}(?:[ ]+(?!{_NOT_NAME}){_NAME_TOKEN}){{0,2}}(?:,[ ][A-Z][a-z]+)?")
# Family: a matrix legend entry (`● Chairperson of the Committee`, `C: Chairman`).
LEGEND = re.compile(r"(?P<mark>[●○◎◉✓✔√★☆▲△■□◆◇✱]|\b[A-Z]\b)\s*[:：=\-–]?\s*(?P<what>Chair\w*|Conven[eo]r|Members?)\b", re.I)
# Family: one list line under a heading (`Mr. Tsui Yung Kwok (Chairman)`, `• Ms. Cao Ying – member`).
LIST_LINE = re.compile(
    r"^\s*(?:[-•·*▪]\s*|\(?\w\)\s*|\d+[.)]\s*)?(?P<person>[^\t\n(,–—:]{3,60}?)\s*"
    r"(?:\((?P<p1>[^)]{0,60})\)|[,:–—-]\s*(?P<p2>[A-Za-z -]{0,60})|\t+(?P<p3>[A-Za-z -]{0,60}))?\s*[.;,]?\s*$")
# Family: a heading that is only a committee's name (`AUDIT COMMITTEE`, `**Nomination Committee**`).
HEADING_ONLY = re.compile(r"^\s*(?:#+\s*)?\**\s*(?:members\s+of\s+(?:the\s+)?)?(?:[A-Za-z,&()]+\s+){0,6}"
                          r"co(?:mm?|rnm|nm)itt?ee\s*(?:members)?\s*:?\s*\**\s*$", re.I)
# Family: words that show a capitalised line is not a person's name (addresses, offices, firms).
BARE_STOP = re.compile(r"\b(?:Committee|Director|Directors|Board|Secretary|Representatives?|Auditors?|"
                       r"Office|Limited|Ltd|Bank|Road|Street|Floor|Tower|Centre|Center|Building|Kong|"
                       r"Company|Group|Report|Policy|Meeting|Members?|Chairman|Name)\b", re.I)
# Family: a label line between a committee heading and its list (`Members:`, `Composition:`).
MEMBERS_LABEL = re.compile(r"^\s*(?:\**\s*)?(?:(?:Committee\s+)?Members|Composition|Membership)\s*:?\s*\**\s*$", re.I)
# Family: the header of a one-committee attendance table (`Name of members<TAB>Attendance/Number of
# meetings`, `Members<TAB>Meetings attended/held`): a names column and one attendance column.
ATTENDANCE_HEADER = re.compile(
    r"^[ \t]*(?:Name\s+of\s+(?:the\s+)?)?(?:(?:Committee\s+)?Members?|Names?|Directors?)[ \t]*\t[ \t]*"
    r"(?:Number\s+of\s+)?(?:Attendance|meetings\s+attended|Attended)[^\t\n]*$", re.I | re.M)
# Family: an attendance cell (`3/3`, `2 / 3`).
ATTENDED = re.compile(r"^\d{1,2}\s*/\s*\d{1,2}$")
# Family: a row note saying the person left the committee or the board (`resigned on 30 June 2024`).
LEFT_NOTE = re.compile(r"\b(?:resigned|retired|ceased|removed|passed\s+away|deceased|stepped\s+down)\b", re.I)
# Family: a row note giving the person's appointment (`appointed on 1 July 2024`).
JOINED_NOTE = re.compile(r"\b(?:appointed|joined)\b", re.I)
# Family: the line introducing a list (`The Audit Committee comprises the following members:`).
LIST_INTRO = re.compile(r"(?:members|comprises|comprising|consists\s+of|composed\s+of|as\s+follows)\b[^\n]{0,40}:\s*$"
                        r"|^\s*(?:members\s+of\s+(?:the\s+)?)?[^\n]{0,60}co(?:mm?|rnm|nm)itt?ee\s*(?:members)?\s*:?\s*$", re.I)

# Family: a stated date the compositions speak for (`As at 31 December 2023, their compositions were as follows:`).
# Family: a sentence opening with the date it speaks for (`As at 31 December 2024, the Audit Committee ...`).
SENTENCE_AS_AT = re.compile(r"\s*As\s+(?:at|of)\s+[^,;]{6,30},", re.I)
STATED_AS_AT = re.compile(r"\bas\s+(?:at|of)\s+", re.I)

_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


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


@extractor("committees")
def extract_committees(ctx: DocContext) -> list[Fact]:
    """Matrices, heading lists and sentences; then names resolved and one fact per person and committee."""
    if not ctx.meta.issuer:
        if next(_committee_matches(ctx.text), None):
            ctx.skip(FAMILY, "issuer unknown: committee facts not emitted")
        return []
    seen: list[Seen] = []
    changes: list[tuple[Seen, str, str | None]] = []
    lines = ctx.text.split("\n")
    offsets = _offsets(lines)
    named = _lines_naming_committees(ctx.text)
    seen.extend(_matrices(ctx, lines, offsets, named))
    seen.extend(_column_implied_members(list(_aligned_matrices(ctx, lines, offsets))))
    seen.extend(_committee_rows(lines, offsets, named))
    seen.extend(_heading_lists(lines, offsets, named))
    seen.extend(_attendance_tables(ctx, lines, offsets))
    people = _People(ctx)
    previous: tuple[int, int] | None = None
    for start, end in _sentences(ctx.text):
        adjacent = previous and not PARAGRAPH_BREAK.search(ctx.text, previous[1], start)
        seen.extend(_sentence_memberships(ctx, start, end, people, previous if adjacent else None))
        previous = (start, end)
        changes.extend(_sentence_changes(ctx.text, start, end))
    return _facts(ctx, seen, changes)


# --- composition matrices ------------------------------------------------------------------

def _cells(line: str) -> list[str] | None:
    """Cells of a tab- or pipe-separated row; None for a line that is not a row."""
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if line.count("|") >= 2:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return None


def _matrices(ctx: DocContext, lines: list[str], offsets: list[int], named: list[int]) -> Iterator[Seen]:
    """People x committees tables: a header with two or more committees, rows of marks.

    The header may be wrapped over two lines (`Audit<TAB>Remuneration` over
    `Committee<TAB>Committee`, the HKEX list of directors). In a committee column that marks
    its chair, a glyph no legend explains marks a member.
    """
    done = -1
    for i in named:
        if i <= done:
            continue
        found = _matrix_header(lines, i)
        if found is None:
            continue
        header, last = found
        rows = _matrix_rows(lines, last + 1)
        done = rows[-1][0] if rows else last
        legend = _legend(lines[max(0, i - 4):i] + lines[done + 1:done + 6])
        seen: list[Seen] = []
        for j, row in rows:
            seen.extend(_matrix_row(ctx, header, row, legend, offsets[j], offsets[j] + len(lines[j])))
        yield from _column_implied_members(seen)


# Family: a cell of a table laid out with spaces (PDF text): words joined by single spaces, cells
# apart by two or more.
ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")
# A gap between two cells of a space-aligned row (three or more spaces: two may be prose).
ALIGNED_GAP = re.compile(r"\S {3,}(?=\S)")
# Family: a bare committee word heading a column of a space-aligned grid (`Audit`, `Remuneration`,
# `ESG`); the lines holding one are the only candidate headers (literal hits).
GRID_HEADER_HIT = re.compile(r"\b(?:Audit|Remuneration|Nomination|ESG|Risk|Strategy|Strategic|Sustainability|"
                             r"Compensation|Corporate\s+Governance|Investment|Executive)\b")
# A mark that says "not a member" in a grid cell.
NOT_A_MEMBER = {"-", "–", "—", "N/A", "n/a", "/"}


def _is_row(line: str) -> bool:
    """Whether a line is a table row: tabbed, or laid out with spaces (two gaps, or a name and a short mark)."""
    if "\t" in line:
        return True
    gaps = ALIGNED_GAP.findall(line)
    return len(gaps) >= 2 or (len(gaps) == 1 and len(line.rstrip().rsplit("   ", 1)[-1].strip()) <= 12)


def _has_row(text: str, lo: int, hi: int) -> bool:
    return any(_is_row(line) for line in text[lo:hi].split("\n"))


def _aligned_cells(line: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the cells of a space-aligned line."""
    return [(m.start(), m.end(), m.group(0)) for m in ALIGNED_CELL.finditer(line)]


def _grid_key(cell: str) -> str | None:
    """The committee a grid header cell names (`Audit`, `Audit Committee`); None for the others.

    Raises ValueError for a cell holding a committee word the vocabulary does not know
    (`Committee Committee`, a header joined wrongly): such a table is not read.
    """
    named = " ".join(cell.split())
    if COMMITTEE_WORD.search(named):
        key = committee_key(named) if COMMITTEE.fullmatch(named) else "other:"
        if key.startswith("other:"):
            raise ValueError(named)
        return key
    key = committee_key(f"{named} Committee")
    return None if key.startswith("other:") else key


def _aligned_header(lines: list[str], i: int) -> tuple[list[tuple[int, int, str | None]], int] | None:
    """Columns (start, end, committee) of a space-aligned grid header at line `i`, and its last line.

    A header wrapped over two lines (`Audit   Remuneration` over `Committee   Committee`) is
    joined cell by cell: each cell of the lower line goes to the upper cell it overlaps. A column
    that is not a committee (`Board`, `Directors`) gets None; two committee columns are needed.
    """
    top = _aligned_cells(lines[i])
    if len(top) < 2 or "\t" in lines[i] or not ALIGNED_GAP.search(lines[i]):
        return None
    last = i
    names = [t[2] for t in top]
    spans = [(t[0], t[1]) for t in top]
    if i + 1 < len(lines) and lines[i + 1].strip() and "\t" not in lines[i + 1]:
        below = _aligned_cells(lines[i + 1])
        if below and all(COMMITTEE_WORD.fullmatch(b[2]) for b in below):
            for start, end, word in below:
                hits = [k for k, (a, z) in enumerate(spans) if a < end and start < z]
                if len(hits) != 1:
                    return None
                names[hits[0]] = f"{names[hits[0]]} {word}"
            last = i + 1
    try:
        keys = [_grid_key(n) for n in names]
    except ValueError:
        return None
    if sum(k is not None for k in keys) < 2:
        return None
    columns = [(a, z, k) for (a, z), k in zip(spans, keys)]
    if columns[0][0] == 0 and columns[0][2] is None:
        columns = columns[1:]  # the names column (`Directors`, `Name of Director`)
    return columns, last


def _aligned_matrices(ctx: DocContext, lines: list[str], offsets: list[int]) -> Iterator[Seen]:
    """People x committees grids laid out with spaces (PDF text), marks `C`/`M`/`Chairman`/`-`.

    Each mark goes to the header column it overlaps; a mark overlapping no column or two, or a
    cell that is not a mark, skips the row. Columns that are not committees (`Board`) are read
    over. A header naming a committee the vocabulary does not know is never read as `other:`.
    """
    text = ctx.text
    done = -1
    candidates = sorted({text.count("\n", 0, m.start()) for m in GRID_HEADER_HIT.finditer(text)})
    for i in candidates:
        if i <= done or not ALIGNED_GAP.search(lines[i]):
            continue
        found = _aligned_header(lines, i)
        if found is None:
            continue
        columns, last = found
        rows: list[int] = []
        for j in range(last + 1, min(len(lines), last + 60)):
            stripped = lines[j].strip()
            if not stripped:
                break
            if SECTION_LABEL.match(stripped):
                continue
            if "\t" in lines[j] or PERSON.match(stripped) is None:
                break
            rows.append(j)
        if not rows:
            continue
        done = rows[-1]
        legend = _legend(lines[max(0, i - 4):i] + lines[done + 1:done + 6])
        stated = _lead_date(lines, i)  # `The composition ... as at 31 December 2024 is as follows:`
        for j in rows:
            for seen in _aligned_row(ctx, columns, lines[j], legend, offsets[j]):
                yield replace(seen, as_of=stated) if stated else seen


def _aligned_row(ctx: DocContext, columns: list[tuple[int, int, str | None]], line: str,
                 legend: dict[str, str | None], start: int) -> list[Seen]:
    cells = _aligned_cells(line)
    name = _cell_name(cells[0][2]) if cells and cells[0][1] < columns[0][0] else None
    end = start + len(line)
    if name is None:
        return []
    found = []
    for a, z, mark in cells[1:]:
        hits = [k for k, (x, y, _) in enumerate(columns) if x < z and a < y]
        if len(hits) != 1:
            ctx.skip(FAMILY, f"grid cell under no single column: {mark!r}", start, end)
            return []
        committee = columns[hits[0]][2]
        if committee is None or mark in NOT_A_MEMBER:
            continue
        position = _mark_position(mark, legend)
        if position is False:
            ctx.skip(FAMILY, f"grid cell not a mark: {mark!r}", start, end)
            return []
        found.append(Seen(committee, name, position, start, end, ambiguous=position is None and mark in legend))
    return found


def _matrix_header(lines: list[str], i: int) -> tuple[list[str | None], int] | None:
    """The committees of a header at line `i` (or wrapped over lines i-1..i or i..i+1), and its last line."""
    cells = _cells(lines[i])
    if not cells or len(cells) < 2:
        return None
    header = _header_keys(cells) if len(cells) >= 3 else None
    if header:
        return header, i
    for a, b in ((i, i + 1), (i - 1, i)):
        if a < 0 or b >= len(lines):
            continue
        top, bottom = _cells(lines[a]), _cells(lines[b])
        if top and bottom and len(bottom) == len(top) - 1 and all(COMMITTEE_WORD.fullmatch(c) for c in bottom):
            bottom = [""] + bottom  # `Committee<TAB>Committee` under the committee cells, the names cell dropped
        if not top or not bottom or len(top) != len(bottom):
            continue
        header = _header_keys([f"{x} {y}".strip() for x, y in zip(top, bottom)])
        if header:
            return header, b
    return None


def _header_keys(cells: list[str]) -> list[str | None] | None:
    """Committee per header cell (None for the others), when two or more cells name a committee."""
    header = [committee_key(c) if c and COMMITTEE.fullmatch(c) else None for c in cells]
    header[0] = None  # the first column holds the names
    return header if sum(h is not None for h in header) >= 2 else None


def _matrix_rows(lines: list[str], first: int) -> list[tuple[int, list[str]]]:
    """The rows under a matrix header, with their line index: tabbed or piped lines.

    Passed over: Markdown rule lines, section labels (`Executive Directors`) and page furniture
    (`<<<PAGE 34>>>`, a page number, the running header after it), so a table broken by a page
    is read whole. A line holding only a person's name is a row without marks (PDF conversion
    drops the tabs of a row whose cells are all blank), so the rows after it are still read; a
    row whose first cell continues that name (`Mr. Mok Wai` / `Lun, Stephen<TAB>C<TAB>M`) is
    joined to it.
    """
    rows: list[tuple[int, list[str]]] = []
    after_page = -10
    for i in range(first, len(lines)):
        line = lines[i]
        stripped = line.strip()
        if PAGE_MARK.match(stripped):
            after_page = i
            continue
        if not stripped or PAGE_NUMBER.match(stripped) or SECTION_LABEL.match(stripped) or (
                i - after_page <= 3 and RUNNING_HEADER.search(stripped) and "\t" not in line):
            if not stripped and i + 1 < len(lines) and not PAGE_MARK.match(lines[i + 1].strip()):
                break  # a blank line ends the table unless a page break follows
            continue
        cells = _cells(line)
        if cells is None and PERSON.fullmatch(stripped):
            cells = [stripped]
        if cells is None:
            break
        if set(stripped) <= {"|", "-", ":", " "}:
            continue
        if rows and _continues_name(rows[-1][1], cells[0]):
            rows[-1] = (i, [f"{rows[-1][1][0]} {cells[0]}"] + cells[1:])
            continue
        rows.append((i, cells))
    return rows


def _continues_name(previous: list[str], first: str) -> bool:
    """Whether a row's first cell is the rest of the name on the row before (a mark-less honorific name)."""
    return (len(previous) == 1 and PERSON.fullmatch(previous[0]) is not None and first != ""
            and PERSON.match(first) is None and NAME_TAIL.fullmatch(first) is not None)


def _legend(lines: list[str]) -> dict[str, str | None]:
    """Glyph -> position from a legend; a glyph given for both chair and member maps to None."""
    found: dict[str, set[str]] = {}
    for line in lines:
        for m in LEGEND.finditer(line):
            found.setdefault(m.group("mark"), set()).add(_position(m.group("what")) or "")
    return {mark: (next(iter(pos)) if len(pos) == 1 else None) for mark, pos in found.items()}


def _matrix_row(ctx: DocContext, header: list[str | None], cells: list[str],
                legend: dict[str, str | None], start: int, end: int) -> Iterator[Seen]:
    """Memberships of one row; rows longer than the header cannot be aligned and are skipped."""
    name = _cell_name(cells[0])
    if name is None:
        return
    if len(cells) > len(header):
        ctx.skip(FAMILY, "matrix row longer than its header", start, end)
        return
    for committee, mark in zip(header[1:], cells[1:]):
        if committee is None or not mark or mark in {"-", "–", "—", "N/A", "n/a", "/"}:
            continue
        position = _mark_position(mark, legend)
        if position is False:
            ctx.skip(FAMILY, f"matrix cell not a mark: {mark!r}", start, end)
            continue
        yield Seen(committee, name, position, start, end, ambiguous=position is None and mark in legend)


def _column_implied_members(seen: list[Seen]) -> list[Seen]:
    """In a column that marks its chair (`✓ (Chairman)`), a glyph no legend explains marks a member.

    A glyph the legend gives for both chair and member (colours lost) stays open: never a guess.
    """
    chaired = {s.committee for s in seen if s.position == "chair"}
    return [Seen(s.committee, s.person, "member", s.start, s.end)
            if s.position is None and s.committee in chaired and not s.ambiguous else s for s in seen]


def _cell_name(cell: str) -> str | None:
    """A person's name from a row's first cell, honorific and `(Chairman)` notes dropped."""
    m = PERSON.match(cell.strip())
    if m:
        return m.group("name")
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", cell.strip())
    return bare if BARE_NAME.match(bare) else None


def _mark_position(mark: str, legend: dict[str, str | None]) -> str | None | bool:
    """chair / member / None (a glyph that does not say which); False when not a mark at all."""
    if CHAIR_MARKS.match(mark):
        return "chair"
    if MEMBER_MARKS.match(mark):
        return "member"
    if GLYPH.match(mark):
        return legend.get(mark)
    noted = GLYPH_NOTED.match(mark)
    if noted:
        return _position(noted.group("pos"))
    return False


def _lines_naming_committees(text: str) -> list[int]:
    """Indices of the lines holding a committee word, in order.

    A matrix header, a committee row and a list heading each name a committee on their line, and
    every COMMITTEE match holds a word COMMITTEE_WORD finds: the other lines need not be read.
    """
    found: list[int] = []
    line = pos = 0
    for m in COMMITTEE_WORD.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        if not found or found[-1] != line:
            found.append(line)
    return found


def _offsets(lines: list[str]) -> list[int]:
    out, pos = [], 0
    for line in lines:
        out.append(pos)
        pos += len(line) + 1
    return out


def _committee_rows(lines: list[str], offsets: list[int], named: list[int]) -> Iterator[Seen]:
    """Rows `Audit Committee<TAB>Mr. A (Chairman), Mr. B`: one committee, its people in the other cells.

    A header above (`Committee<TAB>Chairman<TAB>Members`) gives the position of each column.
    """
    for i in named:
        line = lines[i]
        cells = _cells(line)
        if not cells or len(cells) < 2 or not COMMITTEE.fullmatch(cells[0]) or re.search(r"\d/\d", line):
            continue
        committee = committee_key(cells[0])
        columns = _column_positions(lines, i)
        found = []
        for j, cell in enumerate(cells[1:], start=1):
            people = list(PERSON.finditer(cell))
            column = columns[j] if j < len(columns) and len(people) == 1 else None
            for p in people:
                position = _listed_position(cell, p.end()) or column
                found.append(Seen(committee, p.group("name"), position, offsets[i], offsets[i] + len(line)))
        yield from _with_implied_members(found)


def _column_positions(lines: list[str], row: int) -> list[str | None]:
    """Position named by each column of the nearest header above (`Chairman`, `Members`), if any."""
    for line in reversed(lines[max(0, row - 3):row]):
        cells = _cells(line)
        if cells and not COMMITTEE.fullmatch(cells[0]):
            words = [re.fullmatch(rf"(?:the\s+)?({_CHAIR}|members?)", c, re.I) for c in cells]
            if any(words):
                return [_position(w.group(1)) if w else None for w in words]
    return []


# --- attendance tables of one committee ----------------------------------------------------

def _attendance_tables(ctx: DocContext, lines: list[str], offsets: list[int]) -> Iterator[Seen]:
    """`Name of members<TAB>Attendance/Number of meetings` under a heading naming one committee.

    The people listed are the committee's members (chair where marked). A row noting that the
    person resigned, retired or ceased, or was appointed after the document's date, is not a
    member as of the document. Read only when the heading and sentences above the table (up to a
    blank line, a heading or another table) name exactly one committee.
    """
    text = ctx.text
    for header in ATTENDANCE_HEADER.finditer(text):
        i = text.count("\n", 0, header.start())
        committees = _committees_above(lines, i)
        if len(committees) != 1:
            if committees:
                ctx.skip(FAMILY, "attendance table under more than one committee", header.start(), header.end())
            continue
        committee = committees.pop()
        for j in range(i + 1, min(len(lines), i + 40)):
            cells = _cells(lines[j])
            if not cells or len(cells) != 2 or not ATTENDED.match(cells[1]):
                break
            name = _cell_name(re.sub(r"\s*\([^)]*\)\s*$", "", cells[0]))
            notes = " ".join(re.findall(r"\(([^)]*)\)", cells[0]))
            if name is None or _left_before(notes, ctx.meta.date):
                continue
            chair = re.search(rf"\b{_CHAIR}\b", notes, re.I)
            yield Seen(committee, name, "chair" if chair else None, offsets[j], offsets[j] + len(lines[j]))


def _committees_above(lines: list[str], i: int, limit: int = 6) -> set[str]:
    """Committees named by the lines above line `i`, up to a blank line, a committee heading or a table row."""
    found: set[str] = set()
    for k in range(i - 1, max(-1, i - 1 - limit), -1):
        line = lines[k]
        if not line.strip() or "\t" in line or PAGE_MARK.match(line.strip()):
            break
        found |= {m.committee for m in _mentions(line)}
        if HEADING_ONLY.match(line):
            break
    return found


def _left_before(notes: str, as_of: str | None) -> bool:
    """Whether a row's note says the person left (`resigned on ...`), or joined after `as_of`."""
    if LEFT_NOTE.search(notes):
        return True
    joined = JOINED_NOTE.search(notes)
    if joined:
        date = parse_date(notes[joined.end():])
        return bool(date and as_of and date > as_of)
    return False


# --- lists under a heading -----------------------------------------------------------------

def _heading_lists(lines: list[str], offsets: list[int], named: list[int]) -> Iterator[Seen]:
    """A line naming one committee (heading or `... comprises the following members:`), then one person per line."""
    for i in named:
        line = lines[i]
        if "\t" in line or not LIST_INTRO.search(line):
            continue
        mentions = {m.committee for m in _mentions(line)}
        if len(mentions) != 1:
            continue
        committee = mentions.pop()
        bare_ok = bool(HEADING_ONLY.match(line))
        stated = _lead_date(lines, i)
        for seen in _list_members(lines, offsets, i + 1, committee, bare_ok):
            yield replace(seen, as_of=stated) if stated else seen


def _lead_date(lines: list[str], i: int, limit: int = 80) -> str | None:
    """The date of an `As at/As of DATE` lead introducing the run of committee lists at line `i`.

    Read back over the lists above (committee headings, `Members:` labels, one person per line,
    blank lines) to the paragraph just before the run; the last `as at DATE` there is the date.
    Any other paragraph in between (prose, a table, a new section) means no lead: None. An intro
    line stating its own date (`As at 31 December 2023, the Audit Committee comprised:`) gives it.
    """
    own = _stated_date(lines[i]) if "\t" not in lines[i] else None
    if own:
        return own
    k = i - 1
    while k >= max(0, i - limit):
        line = lines[k]
        if not line.strip() or (HEADING_ONLY.match(line) and "\t" not in line) or MEMBERS_LABEL.match(line):
            k -= 1
            continue
        m = LIST_LINE.match(line)
        if m and "\t" not in line and _line_person(m.group("person").strip(), True):
            k -= 1
            continue
        break
    else:
        return None
    if k < 0:
        return None
    first = k
    while first > 0 and lines[first - 1].strip() and k - first < 10:
        first -= 1
    lead = "\n".join(lines[first:k + 1])
    return None if "\t" in lead else _stated_date(lead)


def _stated_date(text: str) -> str | None:
    """The last `as at/as of DATE` in `text`, as ISO."""
    found = None
    for m in STATED_AS_AT.finditer(text):
        date = ANY_DATE.match(text, m.end())
        if date:
            found = parse_date(date.group(0)) or found
    return found


def _list_members(lines: list[str], offsets: list[int], first: int, committee: str,
                  bare_ok: bool) -> Iterator[Seen]:
    """Consecutive person lines (blank lines allowed) until the first line that is not one.

    Names without an honorific are read only under a bare committee heading (the committee
    lists of an annual report's corporate information page).
    """
    found: list[Seen] = []
    for j in range(first, min(len(lines), first + 30)):
        if not lines[j].strip() or (j == first and MEMBERS_LABEL.match(lines[j])):
            continue
        m = LIST_LINE.match(lines[j])
        name = _line_person(m.group("person").strip(), bare_ok) if m else None
        if not name:
            break
        role = m.group("p1") or m.group("p2") or m.group("p3") or ""
        pos = re.search(rf"\b({_CHAIR}|member)\b", role, re.I)
        found.append(Seen(committee, name, _position(pos.group(1)) if pos else None,
                          offsets[j], offsets[j] + len(lines[j])))
    yield from _with_implied_members(found)


def _line_person(text: str, bare_ok: bool) -> str | None:
    """The name a list line holds: honorific names always, bare names only when `bare_ok`."""
    person = PERSON.fullmatch(text)
    if person:
        return person.group("name")
    if bare_ok and BARE_NAME.match(text) and text != text.upper() and not BARE_STOP.search(text):
        return text
    return None


def _with_implied_members(found: list[Seen]) -> list[Seen]:
    """In a list that marks its chair, the others are members; otherwise positions stay as read."""
    if not any(s.position == "chair" for s in found):
        return found
    return [s if s.position else Seen(s.committee, s.person, "member", s.start, s.end) for s in found]


# --- sentences -----------------------------------------------------------------------------

def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentences of the paragraphs that name a committee (tables excluded).

    A paragraph runs between blank lines, so a sentence wrapped over lines by PDF conversion is
    read whole; a paragraph holding a tabbed row is read line by line instead.
    """
    done = -1
    for m in _committee_matches(text):
        if m.start() < done:
            continue
        lo, hi = _paragraph(text, m.start(), m.end())
        done = hi
        if _has_row(text, lo, hi):
            lo, hi = _untabbed_run(text, m.start(), m.end(), lo, hi)
            done = hi
            if lo is None:
                continue
        yield from _split(text, lo, hi)


def _untabbed_run(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int | None, int]:
    """The run of lines without a tab around [start, end), within the paragraph [lo, hi).

    Reports converted without blank lines make a whole page one paragraph, tables included; the
    prose lines between two table rows still form sentences wrapped over lines (`The Audit
    Committee comprises all three independent` / `non-executive Directors and is chaired by ...`).
    """
    first = text.rfind("\n", 0, start) + 1
    last = _line_end(text, end)
    if _has_row(text, first, last):
        return None, last
    while first > lo:
        prev = text.rfind("\n", lo, first - 1) + 1
        prev = max(prev, lo)
        if _has_row(text, prev, first):
            break
        first = prev
    while last < hi:
        nxt = min(_line_end(text, last + 1), hi)
        if _has_row(text, last, nxt):
            break
        last = nxt
    return first, last


# Characters no COMMITTEE match holds (it is made of letters, spaces and `&'(),-`).
_NOT_IN_COMMITTEE = re.compile(r"[^\w\s&'(),-]|[\d_]")


def _committee_matches(text: str) -> Iterator[re.Match[str]]:
    """COMMITTEE.finditer(text), scanning only the stretches around committee words.

    COMMITTEE tries its generic branch at every capital letter, which over a whole report costs
    more than the rest of the family. A match holds a committee word and none of the characters of
    `_NOT_IN_COMMITTEE`, so it lies in the stretch free of them around that word; the stretch is
    read with its closing character, so the lookahead after `Committee` sees what it sees in the
    whole text. Stretches that overlap are merged, so the matches are the same, in the same order.
    """
    windows: list[tuple[int, int]] = []
    for m in COMMITTEE_WORD.finditer(text):
        lo = _stretch_start(text, m.start())
        stop = _NOT_IN_COMMITTEE.search(text, m.end())
        hi = stop.end() if stop else len(text)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    for lo, hi in windows:
        yield from COMMITTEE.finditer(text, lo, hi)


def _stretch_start(text: str, pos: int, step: int = 256) -> int:
    """The offset just after the last `_NOT_IN_COMMITTEE` character before `pos` (0 if none)."""
    hi = pos
    while hi > 0:
        lo = max(0, hi - step)
        last = None
        for last in _NOT_IN_COMMITTEE.finditer(text, lo, hi):
            pass
        if last:
            return last.end()
        hi = lo
    return 0


def _paragraph(text: str, start: int, end: int, limit: int = 3000) -> tuple[int, int]:
    """Bounds of the paragraph around [start, end): blank lines, at most `limit` chars each way."""
    found = [m.end() for m in PARAGRAPH_BREAK.finditer(text, max(0, start - limit), start)]
    lo = found[-1] if found else max(0, start - limit)
    after = PARAGRAPH_BREAK.search(text, end, min(len(text), end + limit))
    return lo, after.start() if after else min(len(text), end + limit)


def _line_end(text: str, pos: int) -> int:
    hi = text.find("\n", pos)
    return len(text) if hi < 0 else hi


def _split(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    start = lo
    for m in SENTENCE_STOP.finditer(text, lo, hi):
        if _NO_STOP_BEFORE.search(text, max(lo, m.start() - 12), m.start()):
            continue
        yield start, m.start() + 1
        start = m.end()
    if start < hi:
        yield start, hi


@dataclass(frozen=True)
class Named:
    """A person as a sentence names them: like a PERSON match (`group("name")`, `start()`, `end()`)."""

    name: str
    begin: int
    finish: int

    def group(self, _key: str = "name") -> str:
        return self.name

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


class _People:
    """The people a document names on one line, and the board titles it gives exactly one of them."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self._known: set[str] | None = None
        self._titles: dict[str, set[str]] | None = None

    @property
    def known(self) -> set[str]:
        if self._known is None:
            self._known = {" ".join(m.group("name").split()) for m in PERSON.finditer(self.ctx.text)}
        return self._known

    def unwrapped(self, p: re.Match[str]) -> Named:
        """A name cut by a line break (`Mr. Lai Wing` / `Cheong`) joined, when the document gives it whole."""
        text = self.ctx.text
        tail = re.match(rf"[ \t]*\n[ \t]*((?!{_NOT_NAME}){_NAME_TOKEN}(?:[ ]+(?!{_NOT_NAME}){_NAME_TOKEN}){{0,2}})",
                        text[p.end():p.end() + 80])
        if tail:
            words = tail.group(1).split()
            for k in range(len(words), 0, -1):
                joined = p.group("name") + " " + " ".join(words[:k])
                if joined in self.known:
                    at = p.end() + tail.start(1) + len(" ".join(words[:k]))
                    return Named(joined, p.start(), at)
            # `Mr. Tao` / `Qiang.`: a one-word name no full name carries, its tail closing a list item
            name = p.group("name")
            if (" " not in name and not any(name in k.split() for k in self.known if " " in k)
                    and re.match(r"[.,;(]|\s+and\b", text[p.end() + tail.start(1) + len(words[0]):][:5])):
                return Named(f"{name} {words[0]}", p.start(), p.end() + tail.start(1) + len(words[0]))
        return Named(p.group("name"), p.start(), p.end())

    def titled(self, role: str) -> str | None:
        """The one person the document gives a board title (`Mr. X (Chairman)` in a board paragraph)."""
        if self._titles is None:
            self._titles = {"chairman": set(), "ceo": set()}
            text = self.ctx.text
            for m in PERSON.finditer(text):
                note = TITLE_NOTE.match(text, m.end())
                if not note or not self._board_context(m.start()):
                    continue
                person = self.unwrapped(m).name
                for part in re.split(r"\s*(?:,|\band\b|&|/)\s*", note.group("titles")):
                    for key, words in TITLE_WORDS.items():
                        if words.match(part.strip()):
                            self._titles[key].add(person)
        names = self._titles.get(role, set())
        return next(iter(names)) if len(names) == 1 else None

    def _board_context(self, pos: int) -> bool:
        """Whether the sentence at `pos` speaks of the board and of no committee (and is no table row)."""
        text = self.ctx.text
        line = text[text.rfind("\n", 0, pos) + 1:_line_end(text, pos)]
        if "\t" in line or "|" in line:
            return False
        lo, hi = _paragraph(text, pos, pos, limit=600)
        for s, e in _split(text, lo, hi):
            if s <= pos < e:
                return bool(BOARD_CUE.search(text, s, e)) and not COMMITTEE_WORD.search(text, s, e)
        return False

    def in_sentence(self, lo: int, hi: int) -> list[Named]:
        """Named people and resolved role references of a sentence, in order."""
        text = self.ctx.text
        found = [self.unwrapped(p) for p in PERSON.finditer(text, lo, hi)]
        for m in ROLE_REFERENCE.finditer(text, lo, hi):
            role = "chairman" if m.group("chairman") else "ceo"
            name = self.titled(role)
            if name is None:
                self.ctx.skip(FAMILY, f"board role not resolvable to one person: {m.group(0)!r}", m.start(), m.end())
                continue
            found.append(Named(name, m.start(), m.end()))
        return sorted(found, key=lambda n: n.begin)


def _sentence_memberships(ctx: DocContext, lo: int, hi: int, people: _People | None = None,
                          previous: tuple[int, int] | None = None) -> list[Seen]:
    text = ctx.text
    mentions = _mentions(text, lo, hi) or _pronoun_subject(text, lo, hi, previous)
    if not mentions:
        return []
    persons = (people or _People(ctx)).in_sentence(lo, hi)
    found: list[Seen] = []
    found.extend(_chaired_by(text, mentions, persons, hi))
    found.extend(_member_lists(ctx, mentions, persons, hi))
    found.extend(_titles(text, mentions, persons, lo))
    lead = SENTENCE_AS_AT.match(text, lo, hi)
    stated = _stated_date(lead.group(0)) if lead else None  # `As at 31 December 2024, the ... comprised`
    return [replace(f, as_of=stated) for f in found] if stated else found


def _pronoun_subject(text: str, lo: int, hi: int, previous: tuple[int, int] | None) -> list[Mention]:
    """`It comprises Mr. A (chairman), ...` after a sentence whose subject is one committee
    (`The Risk Management Committee was established to ...`): `It` is that committee.

    Only when the previous sentence of the paragraph opens with the committee and names no other.
    """
    it = IT_SUBJECT.match(text, lo, hi)
    if not it or previous is None:
        return []
    before = _mentions(text, *previous)
    if not before or {m.committee for m in before} != {before[0].committee}:
        return []
    if not re.fullmatch(r"\s*(?:the|our|its)?\s*", text[previous[0]:before[0].start], re.I):
        return []
    return [Mention(it.start("it"), it.end("it"), before[0].committee)]


def _chaired_by(text: str, mentions: list[Mention], persons: list[Named], hi: int) -> Iterator[Seen]:
    """`<Committee> ... chaired by Mr. X`: the nearest committee before the cue, the person right after it."""
    for m in CHAIRED_BY.finditer(text, mentions[0].end, hi):
        before = [c for c in mentions if c.end <= m.start()]
        person = next((p for p in persons if p.start() == m.end()), None)
        if before and person and _subject_of_chair(text, before[-1].end, m.start()):
            yield Seen(before[-1].committee, person.group("name"), "chair", person.start(), person.end())
            yield from _with_members(text, before[-1].committee, person, persons, hi)


def _with_members(text: str, committee: str, chair: Named, persons: list[Named],
                  hi: int) -> Iterator[Seen]:
    """`chaired by Mr. X, with Ms. Y and Mr. Z as members`: the coordinated names after `with`.

    Read only when the names are joined by commas and `and` alone and the list closes with `as
    (other) members`, so a `with` that starts another clause gives nothing.
    """
    cue = WITH_MEMBERS.match(text, chair.end(), hi)
    if not cue:
        return
    listed: list[Named] = []
    at = cue.end()
    for p in persons:
        if p.start() < at:
            continue
        if p.start() != at:
            break
        listed.append(p)
        joint = COORDINATION.match(text, p.end(), hi)
        if not joint or joint.group(0).strip().startswith("("):
            break
        at = joint.end()
    close = AS_MEMBERS.match(text, listed[-1].end(), hi) if listed else None
    if close:
        tail = " " + close.group("tail").strip() if close.group("tail") else ""
        for p in listed:
            name = p.group("name") + (tail if p is listed[-1] else "")
            yield Seen(committee, name, "member", p.start(), p.end())


def _subject_of_chair(text: str, end: int, cue: int) -> bool:
    """Whether the committee ending at `end` is what `chaired by` speaks of, not a meeting of it.

    Between them stands nobody, or the committee's own member list coordinated with the chair
    (`comprises A, B and C, and is chaired by`).
    """
    gap = text[end:cue]
    if re.search(r"meeting|session", gap, re.I):
        return False
    if len(gap) <= 120 and not PERSON.search(gap):
        return True
    verb = MEMBERS_VERB.search(gap)
    return (len(gap) <= 400 and verb is not None and bool(SUBJECT_GAP.match(gap[:verb.start()]))
            and bool(CHAIR_AFTER_LIST.search(gap)) and not LIST_END.search(gap, verb.end()))


def _member_lists(ctx: DocContext, mentions: list[Mention], persons: list[Named],
                  hi: int) -> Iterator[Seen]:
    """`<Committee> comprises Mr. A (Chairman), Mr. B and Mr. C`, or a reference to all the INEDs."""
    text = ctx.text
    for verb in _member_verbs(text, mentions, hi):
        subject = [c for c in mentions if c.end <= verb.start()]
        if not subject or not SUBJECT_GAP.match(text[subject[-1].end:verb.start()]):
            continue
        committee = subject[-1].committee
        end = LIST_END.search(text, verb.end(), hi)
        notes = list(INLINE_CHAIR.finditer(text, verb.end(), hi))
        while end and any(n.start() <= end.start() < n.end() for n in notes):
            end = LIST_END.search(text, end.end(), hi)  # `, who chairs the committee,` inside the list
        list_end = end.start() if end else hi
        # a committee inside a note (`Mr. Lou (chairman of the Supervisory Committee)`) does not end the list
        inside = [c for c in mentions if verb.end() <= c.start < list_end
                  and text.count("(", verb.end(), c.start) <= text.count(")", verb.end(), c.start)]
        if inside:
            list_end = min(c.start for c in inside)
        listed = [p for p in persons if verb.end() <= p.start() < list_end]
        if listed:
            stated = "member" if _members_stated(text, subject[-1].end, verb, listed[-1]) else None
            chair = _chair_after_list(text, persons, list_end, hi)
            yield from _with_implied_members([
                Seen(committee, p.group("name"), "chair" if p.group("name") == chair else
                     _listed_position(text, p.end()) or stated, p.start(), p.end())
                for p in listed])
            if ALL_INEDS_AND.match(text[verb.end():listed[0].start()]):
                yield from _ined_reference(ctx, committee, verb.end(), listed[0].start(), joined=True)
            continue
        yield from _ined_reference(ctx, committee, verb.end(), list_end)


def _chair_after_list(text: str, persons: list[Named], list_end: int, hi: int) -> str | None:
    """The name in `, with Mr. B acting as its chairman` right after a member list, if any."""
    m = WITH_CHAIR.match(text, list_end, hi)
    if not m:
        return None
    named = [p for p in persons if m.start("who") <= p.start() < m.end("who")]
    return named[0].group("name") if len(named) == 1 else None


def _members_stated(text: str, committee_end: int, verb: re.Match[str], last: Named) -> bool:
    """Whether the text calls the listed people members: the list after a chair
    (`is chaired by Mr. A, and its other members are Mr. B and Ms. C`, `the other members being`)
    or closed by `as members` (`comprises Mr. A as the convener, Mr. B and Mr. C as members`).
    A bare `comprises Mr. A, Mr. B and Mr. C` states no position.
    """
    gap = text[committee_end:verb.start()]
    after_chair = (re.search(r"\bmembers\b", verb.group(0), re.I) is not None
                   and re.search(r"\bchaired\s+by\b|\b(?:other|remaining)\s*$", gap, re.I) is not None)
    return after_chair or AS_MEMBERS.match(text, last.end(), min(len(text), last.end() + 80)) is not None


def _member_verbs(text: str, mentions: list[Mention], hi: int) -> list[re.Match[str]]:
    """`comprises`-like verbs after a committee, and `are` in `the members of the Audit Committee are`."""
    verbs = list(MEMBERS_VERB.finditer(text, mentions[0].end, hi))
    for c in mentions:
        if MEMBERS_OF.search(text, max(0, c.start - 30), c.start):
            verb = ARE.match(text, c.end, hi)
            if verb:
                verbs.append(verb)
    return sorted(verbs, key=lambda v: v.start())


def _listed_position(text: str, end: int) -> str | None:
    if INLINE_CHAIR.match(text, end, end + 80):
        return "chair"
    m = POSITION_AFTER.match(text, end, end + 80)
    return _position(m.group("p1") or m.group("p2")) if m else None


def _ined_reference(ctx: DocContext, committee: str, start: int, end: int,
                    joined: bool = False) -> Iterator[Seen]:
    """`comprises all three independent non-executive Directors`: the INEDs the document names."""
    ref = (ALL_INEDS_AND if joined else INED_REFERENCE).match(ctx.text[start:end])
    if not ref:
        return
    ineds = _ineds(ctx.text)
    wanted = ref.group("n")
    count = int(wanted) if wanted and wanted.isdigit() else _NUMBERS.get((wanted or "").lower())
    if not ineds or (count is not None and count != len(ineds)):
        ctx.skip(FAMILY, "committee described by reference to INEDs the document does not name",
                 start, end)
        return
    for name in ineds:
        yield Seen(committee, name, None, start, end)


def _ineds(text: str) -> list[str]:
    """The independent non-executive directors named in a board paragraph (first statement wins).

    Else the one list under an `Independent non-executive Directors` label (the board composition
    of a CG report), without those noted as having resigned or retired; two such lists give none.
    """
    for pattern in (INED_NAMELY, INED_AS):
        m = pattern.search(text)
        if m:
            listed = m.group("list")
            first = next(_split(listed, 0, len(listed)), (0, len(listed)))
            names = [p.group("name") for p in PERSON.finditer(listed, 0, first[1])]
            if names:
                return names
    lists = [names for names in map(_ined_lines, INED_LABEL.finditer(text)) if names]
    return lists[0] if len(lists) == 1 else []


def _ined_lines(label: re.Match[str]) -> list[str]:
    """The people listed one per line after an INED label, current ones only."""
    text = label.string
    names: list[str] = []
    at = label.end() + 1
    while at < len(text):
        end = _line_end(text, at)
        line = text[at:end].strip()
        at = end + 1
        person = PERSON.match(line)
        if not person or "\t" in line:
            break
        rest = line[person.end():]
        if not re.fullmatch(r"(?:\s*,\s*[A-Z]{2,4})*\s*(?:\([^()]*\))?\s*", rest):
            break
        if not LEFT_NOTE.search(rest):
            names.append(person.group("name"))
    return names


def _titles(text: str, mentions: list[Mention], persons: list[Named], lo: int) -> Iterator[Seen]:
    """`Mr. X, the chairman of the Audit Committee (and a member of ...)` and `the chairman of the Audit Committee, Mr. X`."""
    for c in mentions:
        before = [p for p in persons if p.end() <= c.start]
        if before:
            p = before[-1]
            between = text[p.end():c.start]
            if CHAIRS.fullmatch(between):
                yield Seen(c.committee, p.group("name"), "chair", p.start(), c.end)
                continue
            m = TITLE_OF.match(between) or _title_after_clause(between)
            if m and not PERSON.search(between):
                yield Seen(c.committee, p.group("name"), _position(m.group("pos")), p.start(), c.end)
                if m.group(0).lower().find("members") >= 0:
                    yield from _coordinated(text, before, c)
                continue
            chained = _chained_title(text, persons, c, lo)
            if chained:
                yield chained
                continue
        after = next((p for p in persons if p.start() >= c.end), None)
        title = TITLE_BEFORE.search(text, max(lo, c.start - 40), c.start)
        if after and title and re.fullmatch(r"\s*,?\s*(?:namely\s+|is\s+|was\s+)?", text[c.end:after.start()]):
            yield Seen(c.committee, after.group("name"), _position(title.group("pos")), after.start(), after.end())


def _title_after_clause(between: str) -> re.Match[str] | None:
    """`Mr. X, who possesses ... expertise, is the chairman of the`: a relative clause naming no committee."""
    m = TITLE_AFTER_CLAUSE.match(between)
    return m if m and not COMMITTEE_WORD.search(between, 0, m.start("pos")) else None


def _coordinated(text: str, before: list[Named], c: Mention) -> Iterator[Seen]:
    """`Mr. A (Chairman), Mr. B and Mr. C are members of the Audit Committee`: the names before the last."""
    for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:])):
        if not COORDINATION.fullmatch(text, prev.end(), nxt.start()):
            return
        position = _listed_position(text, prev.end()) or "member"
        yield Seen(c.committee, prev.group("name"), position, prev.start(), c.end)


def _chained_title(text: str, persons: list[Named], c: Mention, lo: int) -> Seen | None:
    """`Mr. X, the chairman of the Audit Committee and a member of the Nomination Committee`: the second title."""
    m = re.search(rf"(?:,\s*(?:and\s+)?|\band\s+)(?:also\s+)?(?:the\s+|a\s+|an\s+)?{_POS}\s+of\s+(?:the\s+)?$",
                  text[max(lo, c.start - 40):c.start], re.I)
    if not m:
        return None
    head = max(lo, c.start - 40) + m.start()
    prior = [x for x in _mentions(text, lo, head) if x.end <= head]
    if not prior or not re.fullmatch(r"\s*", text[prior[-1].end:head]):
        return None
    before = [p for p in persons if p.end() <= prior[-1].start]
    if not before or not TITLE_OF.match(text[before[-1].end():prior[-1].start]):
        return None
    p = before[-1]
    return Seen(c.committee, p.group("name"), _position(m.group("pos")), p.start(), c.end)


# --- changes -------------------------------------------------------------------------------

def _sentence_changes(text: str, lo: int, hi: int) -> Iterator[tuple[Seen, str, str | None]]:
    """`Mr. X has been appointed as the chairman of the Nomination Committee with effect from DATE`."""
    mentions = _mentions(text, lo, hi)
    for p in PERSON.finditer(text, lo, hi):
        cue = CHANGE_CUE.match(text, p.end(), hi)
        if not cue:
            continue
        verb = cue.group("verb").lower()
        change = "ceased" if verb.startswith(("ceas", "resign", "retir", "step")) else "appointed"
        clause_end = _clause_end(text, cue.end(), hi)
        effective = parse_date(text[cue.end():hi]) or parse_date(text[lo:p.start()])
        for c in mentions:
            if not cue.end() <= c.start < clause_end:
                continue
            title = CHANGE_TITLE.search(text, max(cue.end(), c.start - 40), c.start)
            if title:
                seen = Seen(c.committee, p.group("name"), _position(title.group("pos")), p.start(), c.end)
                yield seen, change, effective


def _clause_end(text: str, start: int, hi: int) -> int:
    """Where the titles governed by one change verb end (`with effect from`, a new subject, `;`)."""
    m = re.compile(r"\bwith\s+effect|\beffective\b|;|\b(?:and|while)\s+(?:Mr|Mrs|Ms|Dr|Prof)\b|\bon\s+\d").search(
        text, start, hi)
    return m.start() if m else hi


# --- facts ---------------------------------------------------------------------------------

def _facts(ctx: DocContext, seen: list[Seen], changes: list[tuple[Seen, str, str | None]]) -> list[Fact]:
    """One membership per (committee, person), chair over member over unknown; ceased ones dropped.

    A change that takes effect after the document's date is recorded as an event but does not yet
    alter the membership the document speaks for (`will cease ... with effect from` next year).
    """
    resolve = _name_resolver(ctx.text)
    in_effect = [c for c in changes if _in_effect(c[2], ctx.meta.date)]
    ceased = _ceased(in_effect, resolve)
    merged: dict[tuple[str, str], Seen] = {}
    for s in seen + [c[0] for c in in_effect if c[1] == "appointed"]:
        name = resolve(s.person)
        if name is None:
            ctx.skip(FAMILY, f"surname-only mention not resolvable: {s.person}", s.start, s.end)
            continue
        key = (s.committee, _fold(name))
        if key in ceased and not (ceased[key][1] == "chair" and s.start > ceased[key][0]):
            continue
        if key in ceased and s.position == "chair":
            s = replace(s, position="member")  # listed after giving up the chair (`remains a member`)
        old = merged.get(key)
        if old is None or _rank(s.position) > _rank(old.position):
            merged[key] = Seen(s.committee, name, s.position, s.start, s.end,
                               as_of=s.as_of or (old.as_of if old else None))
        elif s.as_of and not old.as_of:
            merged[key] = replace(old, as_of=s.as_of)
    facts: list[Fact] = [
        CommitteeMembership(company=ctx.meta.issuer, committee=s.committee, person=s.person,
                            position=s.position, as_of=s.as_of or ctx.meta.date,
                            evidence=ctx.sentence_evidence(s.start, s.end))
        for s in merged.values()]
    for s, change, effective in changes:
        name = resolve(s.person)
        if name:
            facts.append(CommitteeChange(company=ctx.meta.issuer, committee=s.committee, person=name,
                                         change=change, position=s.position, effective=effective,
                                         evidence=ctx.sentence_evidence(s.start, s.end)))
    return facts


def _in_effect(effective: str | None, as_of: str | None) -> bool:
    """Whether a change dated `effective` has happened by the document's date (undated: yes)."""
    return effective is None or as_of is None or effective <= as_of


Resolver = Callable[[str], "str | None"]


def _ceased(changes: list[tuple[Seen, str, str | None]],
            resolve: Resolver) -> dict[tuple[str, str], tuple[int, str | None]]:
    """(committee, person) pairs whose last stated change is a cessation -> (its offset, position).

    Ceasing to be the chair (`ceased to be the chairman of`) is not leaving the committee: the
    offset lets a listing after it still count the person as a member.
    """
    last: dict[tuple[str, str], tuple[str, int, str | None]] = {}
    for s, change, _ in sorted(changes, key=lambda c: c[0].start):
        name = resolve(s.person)
        if name:
            last[(s.committee, _fold(name))] = (change, s.start, s.position)
    return {k: (start, position) for k, (v, start, position) in last.items() if v == "ceased"}


def _rank(position: str | None) -> int:
    return {"chair": 2, "member": 1}.get(position or "", 0)


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _name_resolver(text: str) -> Resolver:
    """Full names by surname: `Tsui` -> `Yung Kwok Tsui` when exactly one full name carries it.

    A full name written once that is an OCR misreading of another the document gives (see
    `_ocr_variant_of`) is read as that name.
    """
    counts: dict[str, int] = {}
    for m in PERSON.finditer(text):
        name = " ".join(m.group("name").split())
        counts[name] = counts.get(name, 0) + 1
    full = {n for n in counts if " " in n}

    def resolve(name: str) -> str | None:
        if " " in name:
            name = " ".join(name.split())
            longer = {f for f in full if f.startswith(name + " ") and f[len(name) + 1:] in _NAME_STOP_WORDS}
            if len(longer) == 1:  # `Shum Kwok` cut before `On` where the document spells `Shum Kwok On`
                return longer.pop()
            misread = re.search(r"\d", name) is not None  # `Leung Ka Fa1`: read as `Leung Ka Fai` if given
            if counts.get(name, 0) <= 1 or misread:
                variant = _ocr_variant_of(name, full)
                if variant and (misread or len(_occurrences(text, name)) <= 1):  # the costly scan only for a candidate
                    return variant
            return name
        hits = {f for f in full if name.casefold() in {t.casefold() for t in (f.split()[0], f.split()[-1])}}
        return hits.pop() if len(hits) == 1 else None

    return resolve


def _occurrences(text: str, name: str) -> list[re.Match[str]]:
    """Where `name` is written, with any spacing (a table cell, a wrapped line)."""
    return list(re.finditer(r"(?<![\w-])" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])", text))


def _ocr_variant_of(name: str, known: set[str]) -> str | None:
    """The one known full name that `name` misreads: one letter substituted in one word, same word
    count (`Cheung Wal Kin` for `Cheung Wai Kin`, `Kwan Chi Hanq`), or a space dropped between two
    words (`AuYeung Siu Man`). None when no known name, or more than one, fits.
    """
    words = name.split()
    squeezed = name.replace(" ", "").casefold()
    hits = set()
    for other in known:
        if other == name or re.search(r"\d", other):
            continue  # never towards a spelling with an OCR digit
        theirs = other.split()
        if len(theirs) == len(words):
            diff = [(a, b) for a, b in zip(words, theirs) if a != b]
            if (len(diff) == 1 and len(diff[0][0]) == len(diff[0][1]) >= 2
                    and sum(x != y for x, y in zip(*diff[0])) == 1):
                hits.add(other)
        elif len(theirs) == len(words) + 1 and other.replace(" ", "").casefold() == squeezed:
            hits.add(other)
    return hits.pop() if len(hits) == 1 else None

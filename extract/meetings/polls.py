"""General meetings and poll results: meetings, resolutions, attendance, officials, share capital.

A poll-results announcement reports one or more meetings (AGM, EGM, A/H share class meetings)
held on one day: per meeting the shares entitled to vote and the shares represented, the issued
share capital on that day, a vote table per meeting (read by `extract.meetings.votes`), the
directors who attended, and the scrutineer. Everything is found with regular expressions over
the raw text; no region is tokenised, except that `All Directors attended` is read against the
closing board paragraph as `extract.board` reads it. The issuer comes from `ctx.meta`: a fragment that never
names its issuer yields nothing (the company of a fact is never guessed), only a skip.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.context import DocContext
from extract.text.dates import ANY_DATE, parse_date
from extract.meetings.checks import check_meeting, check_resolution
from extract.meetings.votes import Table, VoteRow, find_tables
from extract.text.numbers import to_decimal
from extract.records import (Absence, Attendance, DataQualityFinding, Fact, Meeting, MeetingOfficial,
                             Resolution, ShareCapital)
from extract.registry import extractor
from extract.text.patterns import APPROXIMATELY, HONORIFIC_ALT, NOT_AFTER_ABBREVIATION, PERCENT

FAMILY = "meetings"

# Meeting names by kind, family `A Shares Class Meeting`, `class meeting of holders of H Shares`,
# `extraordinary general meeting` / `EGM` / `special general meeting`, `annual general meeting`.
_CLASS_OF = r"\bclass\s+meetings?\s+(?:of|for)\s+(?:the\s+)?(?:holders\s+of\s+)?"
MEETING_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("class_a", re.compile(rf"\bA[\s-]+Share(?:s|holders)?['’]?\s+Class\s+Meeting|{_CLASS_OF}A[\s-]+Share(?:s|holders)?\b",
                           re.I)),
    ("class_h", re.compile(rf"\bH[\s-]+Share(?:s|holders)?['’]?\s+Class\s+Meeting|{_CLASS_OF}H[\s-]+Share(?:s|holders)?\b",
                           re.I)),
    ("other", re.compile(rf"\b(?:Domestic|Unlisted|Preference)[\s-]+Share(?:s|holders)?['’]?\s+Class\s+Meeting|"
                         rf"{_CLASS_OF}(?:Domestic|Unlisted|Preference)\s+Share(?:s|holders)?\b", re.I)),
    ("egm", re.compile(r"\bextraordinary\s+general\s+meeting|\bspecial\s+general\s+meeting|\bEGM\b|\bSGM\b", re.I)),
    ("agm", re.compile(r"\bannual\s+general\s+meeting|\bAGM\b", re.I)),
)
# The announcement's heading, family `POLL RESULTS OF THE ... MEETING(S) HELD ON <date>`; a
# title-case heading is one line at most HEADING_LINE long, starting at most HEADING_LEAD in.
HEADING_LINE = 250
HEADING_LEAD = 30
HEADING_START = re.compile(r"POLL\s+RESULTS|VOTING\s+RESULTS|RESULTS\s+OF\s+(?:THE\s+)?(?:[\w,]+\s+){0,5}GENERAL\s+MEETING", re.I)
_DATE = f"(?P<date>{ANY_DATE.pattern})"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# Meeting date in prose, most telling first: `held on 29 May 2019`, `convened at ... on Thursday,
# November 23, 2023`; then `at the AGM on 29 May 2019` (the meeting word right before `on`).
MEETING_DATE: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b(?:held|convened)\b[^.\n]{{0,300}}?\bon\s+{_WEEKDAY}{_DATE}", re.I),
    re.compile(rf"\b(?:AGM|EGM|SGM|(?:general|class)\s+meetings?)(?:\s+\([^)]{{0,40}}\))?\s+on\s+{_WEEKDAY}{_DATE}",
               re.I),
)
# Venue, family `held at <place> on <date>`.
VENUE = re.compile(rf"\bheld\s+at\s+(?P<venue>[^\n]{{5,300}}?),?\s+on\s+{_WEEKDAY}{_DATE}", re.I)
_SHARES = r"(?:[AH]\s+)?(?:ordinary\s+)?shares?\b"
# A count of shares: `660,025,770 Shares`, `1,234,567` (separators make it a count), `600 Shares`.
_SHARE_COUNT = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+)(?:\s+{_SHARES})?|(?P<n2>\d+)\s+{_SHARES}"
_PCT = PERCENT
# The percentage of a share count: `, representing approximately 49.16% of ...`, or in brackets right after
# the count, `480,000,000 A shares (64.00% of the A shares)`.
_REPRESENTING = (rf"(?:(?:[^.%]{{0,60}}?\b(?:represent\w*|accounting\s+for)\s+|[ \t]*(?P<paren>\())"
                 rf"{APPROXIMATELY}{_PCT}(?(paren)[^()\n]{{0,80}}\)))?")
_AGGREGATE = r"(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+|in\s+aggregate\s+|together\s+)?"
# Shares entitled to vote, family `total number of (A) Shares entitling the holders to attend and
# vote ... at the EGM was 1,342,540,451 Shares` and `... was 249,182,030 Shares, which was the
# total number of Shares entitling the holders to attend and vote ...`.
ENTITLED = (
    re.compile(rf"\bshares\s+entitling\s+the\s+holders?\s+to\s+attend\s+and\s+vote\b[^.]{{0,300}}?\b(?:was|were|is)\s+"
               rf"(?:{_SHARE_COUNT})", re.I),
    re.compile(rf"(?:{_SHARE_COUNT})[,\s]{{0,3}}(?:which|being)\s+(?:(?:was|were|is)\s+)?(?:also\s+)?the\s+total\s+number\s+of\s+"
               rf"shares\s+entitling\s+the\s+holders?\s+to\s+attend\s+and\s+vote\b", re.I),
)
# Shares represented, family `... represented by the Shareholders attending the EGM ... was
# 660,025,770 Shares, representing approximately 49.1624%`, `Shareholders holding an aggregate
# of 1,234 Shares, representing 56.78% of ..., were present at the AGM`, and `Shareholders
# attending the AGM held a total of 1,234 shares, representing 55.5% of ...`.
REPRESENTED = (
    re.compile(rf"\b(?:represented|held)\s+by\s+(?:the\s+)?(?:\w+\s+){{0,2}}?(?:shareholders|holders|members)\b"
               rf"[^.]{{0,250}}?\b(?:was|were|amounted\s+to|totall?ed)\s+(?:approximately\s+)?(?:{_SHARE_COUNT})"
               rf"{_REPRESENTING}", re.I),
    re.compile(rf"\bholding\s+{_AGGREGATE}(?:{_SHARE_COUNT}){_REPRESENTING}[^.]{{0,200}}?"
               rf"\b(?:attended|(?:were|was)\s+present)\b", re.I),
    re.compile(rf"\b(?:attending|present\s+at|attended)\b[^.]{{0,120}}?\b(?:held|holding)\s+{_AGGREGATE}"
               rf"(?:{_SHARE_COUNT}){_REPRESENTING}", re.I),
)
# Issued share capital, family `total number of issued shares of the Company (the "Shares") was
# 1,342,540,451 Shares (including 1,141,794,851 A Shares and 200,745,600 H Shares)` and
# `total number of issued and fully paid up shares of the Company was 1,966,387,866 shares`.
ISSUED = (
    re.compile(
        rf"\b(?:number\s+of\s+(?:the\s+)?(?:issued|total\s+issued)\s+(?:and\s+fully\s+paid(?:[\s-]up)?\s+)?"
        rf"(?:ordinary\s+)?shares|number\s+of\s+(?:the\s+)?shares\s+in\s+issue|issued\s+share\s+capital)"
        rf"(?:\s+of\s+the\s+Company)?(?:\s*\([^)]{{0,60}}\))?\s+(?:was|were|is|amounted\s+to|comprised|consisted\s+of)\s+"
        rf"(?:{_SHARE_COUNT})", re.I),
    # `there were 1,234,567,890 Shares in issue`
    re.compile(rf"\bthere\s+were\s+(?:a\s+total\s+of\s+)?(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:issued\s+)?"
               rf"(?:ordinary\s+)?shares\s+(?:of\s+the\s+Company\s+)?in\s+issue\b(?P<n2>)", re.I),
)
# The class split right after the total: `(including 1,141,794,851 A Shares and 200,745,600 H Shares)`.
CLASS_SPLIT = re.compile(rf"[^.]{{0,40}}?\b(?:including|comprising|of\s+which|consisting\s+of)\b[^.]{{0,200}}", re.I)
# Class counts, family `800,000 A Shares`, `735,000,000 A shares`, `200,000 were H-Shares`.
CLASS_COUNT = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:were\s+)?(?P<cls>[AH])[\s-]+[Ss]hares?\b")
# The end of a sentence in prose: a full stop before a space or a line end (`52.28%` is no end).
SENTENCE_END = re.compile(r"\.(?=\s|$)|\n")
# Where a clause of a sentence ends, family `..., and H shareholders holding ...`, `...; while ...`.
CLAUSE_BREAK = re.compile(r";|,\s*(?:and|while|whilst|whereas)\b")
# Statements on every resolution: `all the ordinary resolutions ... were duly passed`.
ALL_PASSED = re.compile(r"\ball\s+(?:of\s+)?the\s+(?:proposed\s+)?(?:ordinary\s+|special\s+)?(?:and\s+special\s+)?"
                        r"resolutions\b[^.]{0,250}?\b(?:were|was|have\s+been|had\s+been)\s+(?:duly\s+)?"
                        r"(?:passed|approved)\b", re.I)
EXCEPT = re.compile(r"\b(?:except|other\s+than|save\s+(?:for|as)|apart\s+from|but\s+not)\b", re.I)
# A person named with an honorific, family `Mr. Cai Baogui`, `Ms. WANG Xiao-ling`, `Dr Lam Lee G.`.
PERSON = re.compile(rf"\b(?:{HONORIFIC_ALT})\.?\s+(?P<name>[A-Z][\w'’\-]*(?:\s+(?!(?i:and|the|of|as)\b)[A-Z][\w'’\-]*\.?){{0,3}})")
# Attendance clauses, family `... attended the EGM in person`, and absence clauses,
# `... was unable to attend the AGM due to other business commitments`.
ABSENT = re.compile(r"\b(?:unable|not\s+able)\s+to\s+attend|\b(?:did|could)\s+not\s+attend|"
                    r"\bfailed\s+to\s+attend|\babsent\b|\bwere\s+not\s+present|\bwas\s+not\s+present", re.I)
ATTENDED = re.compile(r"\battended\b|\b(?:was|were)\s+present\s+at\b|\bchaired\b|\bpresided\b", re.I)
# Sentence and contrast bounds of attendance clauses. A full stop ends a sentence after a word or an
# acronym (`... attended the AGM. Mr. X, a non-executive Director, was unable ...`), not after an
# honorific or a one-letter initial (`Dr Lam Lee G. Mr. ...`).
CLAUSE_SPLIT = re.compile(r"\bwhereas\b|\bwhile\b|\bbut\b|"
                          rf"{NOT_AFTER_ABBREVIATION}(?<!\b[A-Z])\.\s+(?=[A-Z])")
# Running text wrapped by the PDF conversion: a line that ends inside a sentence (on a word, a comma,
# or a bracket closing a word: `Mr. Ng Siu Fai (executive` / `Director), Ms. Leung ...`) runs on into
# the next, as does a line ending on an honorific (`... and Mr.` / `Chan Tai Man attended`); shorter
# than WRAP_MIN (a signature line, a table cell) it must end on a comma to do so.
WRAPPED_LINE_END = re.compile(rf"(?:[A-Za-z][)\]]?|,|\b(?:{HONORIFIC_ALT})\.)[ \t]*$")
WRAP_MIN = 50
# Directors named as exceptions to an attendance statement, family `All Directors attended the AGM
# except Mr. X`, `Save for Mr. X, all Directors attended`: they did not attend with the others.
EXCEPT_NAMES = re.compile(r"\b(?:except(?:\s+for)?|other\s+than|save\s+(?:for|as)|apart\s+from|excluding)\b", re.I)
# The whole board as attendees, family `All Directors attended the AGM`, `all the Directors of the
# Company were present at the EGM`, `The AGM was attended by all Directors`, `All other Directors
# attended`, `all independent non-executive Directors attended`; `not all Directors` is no statement.
ALL_DIRECTORS = re.compile(r"(?<!\bnot\s)\b(?:all|each)\s+(?:of\s+)?(?:the\s+)?(?:other\s+)?(?:(?:then\s+)?serving\s+)?"
                           r"(?:(?P<role>executive|independent\s+non[-\s]?executive|non[-\s]?executive)\s+)?"
                           r"Directors\b(?!\s+(?:who|that|whom|whose)\b)", re.I)
ALL_DIRECTOR_ROLES = {"executive": "executive", "independent non-executive": "independent_non_executive"}
# The closing board paragraph whose directors `All Directors` are (read by `extract.board`).
BOARD_PARAGRAPH_LEAD = re.compile(r"\s*(?:As\s+(?:at|of)|At)\s+the\s+date\s+(?:of\s+this\s+announcement|hereof)\b", re.I)
# A director elected for the first time at the meeting (`To elect Mr. X as ...`, `appointment of Mr. X`),
# on the board the day after but not one of `All Directors` who attended.
NEWLY_ELECTED = re.compile(r"(?<!re-)(?<!re)\b(?:elect(?:ion)?|appoint(?:ment)?)\b", re.I)
MEETING_WORD = re.compile(r"\bmeetings?\b|\bAGM\b|\bEGM\b|\bSGM\b", re.I)
# Organisations acting at the meeting, named before their role: `Computershare Hong Kong Investor
# Services Limited (the Company's H Share registrar)`, `Tricor Tengis Limited, the branch share
# registrar of the Company in Hong Kong`, `Jingtian & Gongcheng (the Company's PRC legal adviser)`.
_ORG = r"(?P<org>[A-Z][\w&'’.\-]*(?:\s+(?:&\s+|and\s+|of\s+)?[A-Z(][\w&'’.()\-]*){0,8})"
ORG_ROLE = re.compile(rf"{_ORG}\s*(?:\(|,)\s*(?:being\s+)?(?:the\s+|its\s+)?(?:Company['’]s\s+)?"
                      r"(?P<role>[^(),]{0,60}?\b(?:registrar|legal\s+advis[eo]rs?|auditors?))\b")
ORG_FORM = re.compile(r"(?P<org>[A-Z][\w&'’.\-]*(?:\s+(?:&\s+|and\s+|of\s+)?[A-Z(][\w&'’.()\-]*){0,8}?"
                      r"\s+(?:Limited|Ltd\.?|LLP|Partners|Law\s+Firm|Law\s+Offices|CPA))\b")
SCRUTINY = re.compile(r"\bscrutine|\bscrutiny\b", re.I)
ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("share_registrar", re.compile(r"registrar", re.I)),
    ("legal_adviser", re.compile(r"legal\s+advis", re.I)),
    ("auditor", re.compile(r"auditor", re.I)),
)


@dataclass
class MeetingInfo:
    """One meeting as the announcement reports it."""

    kind: str
    start: int
    end: int
    entitled: int | None = None
    represented: int | None = None
    percent: float | None = None
    rows: list[VoteRow] = field(default_factory=list)


@extractor(FAMILY)
def extract_meetings(ctx: DocContext) -> list[Fact]:
    """Meeting, resolution, share capital, attendance, absence, official and finding facts."""
    text = ctx.text
    problems: list[tuple[str, int, int]] = []
    tables = find_tables(text, problems)
    heading = _heading(text)
    kinds = _kinds_in(text[heading[0]:heading[1]]) if heading else []
    if not tables and not kinds:
        return []
    company = ctx.meta.issuer
    if not company:
        ctx.skip(FAMILY, "poll results of an issuer the document never names", 0, len(text))
        return []
    date = _meeting_date(text, heading) or ctx.meta.date
    if date is None:
        ctx.skip(FAMILY, "meeting date not stated", *(heading or (0, 0)))
        return []
    for reason, start, end in problems:
        ctx.skip(FAMILY, reason, start, end)
    meetings = _meetings(ctx, text, tables, (kinds, heading or (0, 0)))
    _read_figures(text, meetings)
    facts: list[Fact] = []
    for info in meetings.values():
        facts += _meeting_facts(ctx, company, date, info, text)
    capital = _share_capital(ctx, company, date)
    facts += capital
    units = _prose_units(text)
    facts += _people(ctx, company, date, meetings, units)
    facts += _officials(ctx, company, date, units)
    total = capital[0].total if capital else None
    for info in meetings.values():
        found = check_meeting(info.kind, info.entitled, info.represented, info.percent, total)
        # a class meeting's percentage may be of its class of shares, when the capital gives the split
        of_class = {"class_a": capital[0].a_shares, "class_h": capital[0].h_shares}.get(info.kind) if capital else None
        if found and of_class:
            found = check_meeting(info.kind, info.entitled, info.represented, info.percent, of_class)
        for check, message in found:
            facts.append(_finding(ctx, company, check, message, info.start, info.end))
    return facts


def _heading(text: str) -> tuple[int, int] | None:
    """The span of the announcement's heading that names the meetings, if any.

    Usually upper-case lines (`POLL RESULTS OF THE FIRST` / `EXTRAORDINARY GENERAL MEETING ...`);
    a heading in title case is its one short line.
    """
    for m in HEADING_START.finditer(text, 0, 6000):
        line_start = text.rfind("\n", 0, m.start()) + 1
        end = line_start
        for line in re.finditer(r"[^\n]*\n?", text[line_start:line_start + 800]):
            if not _upper_case(line.group(0)):
                break
            end = line_start + line.end()
        if end > line_start:
            return line_start, end
        line_end = text.find("\n", m.start())
        line_end = len(text) if line_end < 0 else line_end
        if m.start() - line_start <= HEADING_LEAD and line_end - line_start <= HEADING_LINE:
            return line_start, line_end
    return None


def _upper_case(line: str) -> bool:
    """A heading line: written in capitals (markdown and bold marks aside)."""
    body = line.replace("*", "").replace("#", "").strip()
    letters = [c for c in body if c.isalpha()]
    return bool(body) and (not letters or sum(c.isupper() for c in letters) >= 0.8 * len(letters))


def _kinds_in(span: str) -> list[str]:
    """Meeting kinds named in `span`, in order of first mention."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in MEETING_KINDS:
        for m in pattern.finditer(span):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), kind))
    return list(dict.fromkeys(kind for _, kind in sorted(found)))


def _last_kind(span: str) -> str | None:
    """The meeting named last in `span` (the heading a table stands under)."""
    best: tuple[int, str] | None = None
    for kind, pattern in MEETING_KINDS:
        for m in pattern.finditer(span):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best[1] if best else None


def _meeting_date(text: str, heading: tuple[int, int] | None) -> str | None:
    """The day of the meetings: stated in the heading, else in prose (`held on`, `AGM on`).

    A poll-results announcement goes out on the evening of the meeting, so the caller falls back
    to the announcement's date when neither states it.
    """
    if heading:
        iso = parse_date(text[heading[0]:heading[1]].replace("*", " "))
        if iso:
            return iso
    for pattern in MEETING_DATE:
        for m in pattern.finditer(text):
            sentence_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            if _kinds_in(text[sentence_start:m.end()]) or MEETING_WORD.search(text, sentence_start, m.end()):
                return parse_date(m.group("date"))
    return None


def _meetings(ctx: DocContext, text: str, tables: list[Table],
              heading: tuple[list[str], tuple[int, int]]) -> dict[str, MeetingInfo]:
    """Meetings by kind: those the heading names, and those a vote table stands under.

    A table belongs to the meeting named last before it (`Poll Results of A Shares Class Meeting`);
    a table with no meeting named since the previous one continues that one's meeting.
    """
    kinds, (start, end) = heading
    meetings = {kind: MeetingInfo(kind, start, end) for kind in kinds}
    tabled: set[str] = set()
    previous_end, previous_kind = 0, None
    named_anywhere = _kinds_in(text)
    for table in tables:
        kind = _last_kind(text[previous_end:table.start]) or previous_kind
        if kind is None and len(meetings) == 1:
            kind = next(iter(meetings))
        if kind is None and len(named_anywhere) == 1:
            kind = named_anywhere[0]  # a fragment that names one meeting, after its table
        previous_end, previous_kind = table.end, kind
        if kind is None:
            ctx.skip(FAMILY, "vote table under no named meeting", table.start, table.end)
            continue
        info = meetings.setdefault(kind, MeetingInfo(kind, table.start, table.end))
        info.rows += table.rows
        if kind not in tabled:
            tabled.add(kind)
            info.start = table.start
        info.end = table.end
    return meetings


def _read_figures(text: str, meetings: dict[str, MeetingInfo]) -> None:
    """Shares entitled and represented, per meeting named in the sentence (or the only meeting)."""
    for m in (m for pattern in ENTITLED for m in pattern.finditer(text)):
        info = _meeting_of(text, m, meetings)
        if info and info.entitled is None:
            info.entitled = _count(m)
    for pattern in REPRESENTED:
        for m in pattern.finditer(text):
            info = _meeting_of(text, m, meetings)
            if info and info.represented is None:
                info.represented = _count(m)
                pct = to_decimal(m.group("p")) if m.group("p") else None
                info.percent = float(pct) if pct is not None else None


def _clause_kinds(text: str, sentence_start: int, start: int, end: int) -> list[str]:
    """The meeting kinds named in the clause around [start, end) of a sentence: from the clause break
    before it (`;`, `, and`, `, while`) to the one after it or the sentence end."""
    before = [b.end() for b in CLAUSE_BREAK.finditer(text, sentence_start, start)]
    stop = SENTENCE_END.search(text, end)
    limit = stop.start() if stop else len(text)
    after = CLAUSE_BREAK.search(text, end, limit)
    return _kinds_in(text[before[-1] if before else sentence_start:after.start() if after else limit])


def _other_clause_has_figures(text: str, sentence_start: int, m: re.Match[str]) -> bool:
    """Another clause of the figure's sentence has a share count of its own and names a meeting."""
    stop = SENTENCE_END.search(text, m.end())
    end = stop.start() if stop else len(text)
    count_at = m.start("n") if m.group("n") else m.start("n2")
    bounds = [sentence_start] + [b.end() for b in CLAUSE_BREAK.finditer(text, sentence_start, end)] + [end]
    for start, stop_at in zip(bounds, bounds[1:]):
        if start <= count_at < stop_at:
            continue
        if re.search(_SHARE_COUNT, text[start:stop_at], re.I) and _kinds_in(text[start:stop_at]):
            return True
    return False


def _count(m: re.Match[str]) -> int:
    """The share count a figure pattern read (`n` with separators, `n2` followed by `Shares`)."""
    return int((m.group("n") or m.group("n2")).replace(",", ""))


def _meeting_of(text: str, m: re.Match[str], meetings: dict[str, MeetingInfo]) -> MeetingInfo | None:
    """The meeting a figure sentence speaks of: the one named in the clause of its count (`A shareholders
    holding 480 A shares attended the A Share Class Meeting, and H shareholders holding 134 H shares
    attended the H Share Class Meeting`), else the one it names up to the figure, else the one it names
    after it (`Shareholders holding ... 1,234 shares, representing ..., attended the EGM`), else the
    single meeting."""
    sentence_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    clause = _clause_kinds(text, sentence_start, m.start("n") if m.group("n") else m.start("n2"),
                           m.end("n") if m.group("n") else m.end("n2"))
    if len(clause) == 1:
        return meetings.get(clause[0])
    if not clause and _other_clause_has_figures(text, sentence_start, m):
        # `Shareholders holding 1,100 shares attended, and A shareholders holding 800 A shares attended the
        # A Share Class Meeting`: the meeting named is the other clause's, not this figure's
        return next(iter(meetings.values())) if len(meetings) == 1 else None
    named = _kinds_in(text[sentence_start:m.end()])
    if not named:
        end = SENTENCE_END.search(text, m.end())
        named = _kinds_in(text[sentence_start:end.start() if end else len(text)])
    if len(named) == 1:
        return meetings.get(named[0])
    if len(meetings) == 1:
        return next(iter(meetings.values()))
    return None


def _meeting_facts(ctx: DocContext, company: str, date: str, info: MeetingInfo, text: str) -> list[Fact]:
    """The meeting, its resolutions, and the findings of its resolution checks."""
    venue = VENUE.search(text)
    start, end = (info.start, info.end) if info.end else (0, min(len(text), 400))  # a fragment
    facts: list[Fact] = [Meeting(
        company=company, date=date, kind=info.kind, shares_represented=info.represented,
        percent_represented=info.percent, shares_entitled=info.entitled,
        venue=" ".join(venue.group("venue").split()) if venue else None,
        evidence=ctx.evidence(start, end))]
    all_passed = any(not EXCEPT.search(m.group(0)) for m in ALL_PASSED.finditer(text))
    for row in info.rows:
        resolution = _resolution(ctx, company, date, info.kind, row, all_passed)
        facts.append(resolution)
        for check, message in check_resolution(row, resolution.passed, info.represented):
            facts.append(_finding(ctx, company, check, f"{info.kind} resolution {row.number}: {message}",
                                  row.start, row.end))
    return facts


def _resolution(ctx: DocContext, company: str, date: str, kind: str, row: VoteRow,
                all_passed: bool) -> Resolution:
    """A resolution fact from a vote row; `passed` as stated, else by the threshold of its kind."""
    passed = row.passed
    if passed is None and not row.withdrawn:
        passed = True if all_passed else _by_threshold(row)
    return Resolution(
        company=company, meeting_date=date, meeting_kind=kind, number=row.number, kind=row.kind,
        title=row.title, votes_for=row.votes.get("for"), votes_against=row.votes.get("against"),
        votes_abstain=row.votes.get("abstain"), percent_for=row.percents.get("for"),
        percent_against=row.percents.get("against"), percent_abstain=row.percents.get("abstain"),
        passed=passed, withdrawn=row.withdrawn, evidence=ctx.evidence(row.start, row.end))


def _by_threshold(row: VoteRow) -> bool | None:
    """Passed when the votes for clear the bar of the kind (> 1/2 ordinary, >= 2/3 special); a special
    resolution between 2/3 and 3/4 is passed or not by the issuer's law, not read from the votes: None."""
    cast = sum(row.votes.values())
    if not cast or "for" not in row.votes:
        return None
    share = row.votes["for"] / cast
    if row.kind == "special" or share < 0.5:
        if 2 / 3 <= share < 3 / 4:
            return None  # passed under the PRC 2/3 bar, not under the Hong Kong / Bermuda / Cayman 3/4 one
        return share >= 2 / 3
    if row.kind == "ordinary":
        return share > 0.5
    return True if share >= 2 / 3 else None


def _share_capital(ctx: DocContext, company: str, date: str) -> list[Fact]:
    """The issued share capital on the meeting day, with the A / H split where it is stated."""
    m = next(filter(None, (pattern.search(ctx.text) for pattern in ISSUED)), None)
    if not m:
        return []
    split: dict[str, int] = {}
    tail = CLASS_SPLIT.match(ctx.text, m.end())
    end = m.end()
    if tail:
        for c in CLASS_COUNT.finditer(tail.group(0)):
            split.setdefault(c.group("cls").upper(), int(c.group("n").replace(",", "")))
        end = tail.end()
    return [ShareCapital(company=company, as_of=date, total=_count(m),
                         a_shares=split.get("A"), h_shares=split.get("H"),
                         evidence=ctx.evidence(m.start(), end))]


def _people(ctx: DocContext, company: str, date: str, meetings: dict[str, MeetingInfo],
            units: list[tuple[int, int]]) -> list[Fact]:
    """Directors named as attending (Attendance) or not attending (Absence) the meeting.

    Read over runs of running text (`_prose_units`), so a list wrapped over lines keeps its first
    names. Names go with their clause's verb (`_clauses`); names after `except` / `save for` in an
    attendance clause did not attend with the others; `All Directors attended` stands for the
    directors of the closing board paragraph (`_all_directors`).
    """
    text = ctx.text
    known = {_spaced(m.group("name").rstrip(".")) for m in PERSON.finditer(text)}
    read: dict[tuple[str, str], tuple[int, int]] = {}
    statements: list[tuple[int, int, str | None]] = []  # all-directors clauses: (start, end, role)
    excepted: set[str] = set()
    for start, end in units:
        body = text[start:end].replace("\n", " ")
        if not (ATTENDED.search(body) or ABSENT.search(body)) or not MEETING_WORD.search(body):
            continue
        sentence_starts = [0] + [m.end() for m in CLAUSE_SPLIT.finditer(body)]
        for c_start, c_end, kind in _clauses(body):
            clause = body[c_start:c_end]
            cut = EXCEPT_NAMES.search(clause) if kind == "attendance" else None
            everyone = ALL_DIRECTORS.search(clause) if kind == "attendance" else None
            sentence = max(at for at in sentence_starts if at <= c_start)
            if everyone and _unnamed_exception(body, sentence, sentence_starts, known):
                ctx.skip(FAMILY, "all Directors attended, with an exception not named", start + c_start, start + c_end)
            elif everyone:
                statements.append((start + c_start, start + c_end, everyone.group("role")))
            for name, at in _names(clause, known):
                if cut and at > cut.start():
                    excepted.add(name)  # `All Directors attended except Mr. X`: X did not
                    if ALL_DIRECTORS.search(body, sentence, c_end):
                        read.setdefault(("absence", name), (start + c_start, start + c_end))
                    continue  # `Mr. A attended, other than ...`: not read either way
                read.setdefault((kind, name), (start + c_start, start + c_end))
    absent = {name for kind, name in read if kind == "absence"} | excepted
    for s_start, s_end, role in statements:
        for name in _all_directors(ctx, role, absent, meetings, (s_start, s_end)):
            read.setdefault(("attendance", name), (s_start, s_end))
    facts: list[Fact] = []
    for (kind, name), (e_start, e_end) in read.items():
        cls = Absence if kind == "absence" else Attendance
        facts.append(cls(company=company, meeting_date=date, person=name, evidence=ctx.evidence(e_start, e_end)))
    return facts


def _unnamed_exception(body: str, sentence: int, sentence_starts: list[int], known: set[str]) -> bool:
    """`All Directors attended the AGM except one`: an exception in the sentence that names no one."""
    end = min([at for at in sentence_starts if at > sentence] + [len(body)])
    cut = EXCEPT_NAMES.search(body, sentence, end)
    return cut is not None and not _names(body[cut.end():end], known)


def _spaced(name: str) -> str:
    """A name with its whitespace runs (a line break inside it) folded to one space."""
    return " ".join(name.split())


def _prose_units(text: str) -> list[tuple[int, int]]:
    """(start, end) of the runs of running text: lines joined over the wraps of PDF text.

    A line runs on into the next when it ends inside a sentence (`WRAPPED_LINE_END`), is long
    enough to have been wrapped or ends on a comma, and neither line is a table row (tab or `|`
    cells); a blank line always ends a run. So a table cell or a signature line never joins the
    sentence below it, and `Mr. A, Ms. B,` / `Mr. C and Dr. D attended ...` is one sentence.
    """
    units: list[tuple[int, int]] = []
    open_unit: tuple[int, int] | None = None
    joins = False
    for line in re.finditer(r"[^\n]+", text):
        body = line.group(0)
        row = "\t" in body or "|" in body
        if open_unit and joins and not row and line.start() == open_unit[1] + 1:
            open_unit = (open_unit[0], line.end())
        else:
            if open_unit:
                units.append(open_unit)
            open_unit = (line.start(), line.end())
        stripped = body.rstrip()
        joins = (not row and WRAPPED_LINE_END.search(stripped) is not None
                 and (len(stripped) >= WRAP_MIN or stripped.endswith(",")))
    if open_unit:
        units.append(open_unit)
    return units


def _all_directors(ctx: DocContext, role: str | None, absent: set[str], meetings: dict[str, MeetingInfo],
                   span: tuple[int, int]) -> list[str]:
    """The directors `All (executive) Directors attended` names: those of the closing board paragraph
    (as `extract.board` reads it), of the role stated, less those said not to attend and those
    first elected at the meeting. Skipped when the paragraph is not read or the role is ambiguous
    (`all non-executive Directors`: with or without the independent ones?)."""
    wanted = None
    if role:
        wanted = ALL_DIRECTOR_ROLES.get(" ".join(role.lower().replace("non executive", "non-executive").split())
                                        .replace("nonexecutive", "non-executive"))
        if wanted is None:
            ctx.skip(FAMILY, f"attendance of all {role} Directors: role not read with confidence", *span)
            return []
    from extract.board.paragraphs import board_paragraphs  # the board family reads the paragraph once per document

    paragraphs = [par for par in board_paragraphs(ctx) if BOARD_PARAGRAPH_LEAD.match(ctx.text, par.start)]
    if not paragraphs:
        ctx.skip(FAMILY, "all Directors attended, but the board paragraph was not read", *span)
        return []
    seats = paragraphs[-1].seats
    elected = {_spaced(m.group("name").rstrip(".")) for info in meetings.values() for row in info.rows
               if row.title and NEWLY_ELECTED.search(row.title) for m in PERSON.finditer(row.title)}
    return [seat.person for seat in seats
            if not seat.proposed and (wanted is None or seat.role == wanted)
            and seat.person not in absent and seat.person not in elected]


def _clauses(body: str) -> list[tuple[int, int, str]]:
    """(start, end, attendance|absence) of the stretches of a paragraph that say who (did not) attend.

    Sentences and contrasts (`whereas`, `while`, `but`) bound them. Inside, names go with the verb
    that follows them (`Mr. A attended the meeting, and Mr. B did not attend`), names after the
    last verb with that verb (`attended the AGM: Mr. A, Mr. B`), and the parts of a list split by
    `;` (`executive Directors, Mr. A; and independent non-executive Directors, Mr. B attended`)
    take the verb of the part that closes the list.
    """
    out: list[tuple[int, int, str]] = []
    pos = 0
    for sep in list(CLAUSE_SPLIT.finditer(body)) + [None]:
        end = sep.start() if sep else len(body)
        kind = None
        for start, stop in reversed([(p.start() + pos, p.end() + pos) for p in re.finditer(r"[^;]+", body[pos:end])]):
            verbs = sorted([(m.end(), "absence") for m in ABSENT.finditer(body, start, stop)] +
                           [(m.end(), "attendance") for m in ATTENDED.finditer(body, start, stop)])
            if not verbs:
                if kind:
                    out.append((start, stop, kind))
                continue
            cut = start
            for verb_end, verb_kind in verbs:
                out.append((cut, verb_end, verb_kind))
                cut = verb_end
            out.append((cut, stop, verbs[-1][1]))
            kind = verbs[0][1]
        pos = sep.end() if sep else end
    return sorted(out)


def _names(clause: str, known: set[str]) -> list[tuple[str, int]]:
    """People a clause names: with an honorific, or as a name written elsewhere with one.

    A known name inside a longer one found in the clause (`Ka Ming` in `Ho Ka Ming`) is not a
    second person.
    """
    found = {_spaced(m.group("name").rstrip(".")): m.start() for m in PERSON.finditer(clause)}
    for name in known - set(found):
        m = re.search(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", clause)
        if m:
            found[name] = m.start()
    return sorted(((name, at) for name, at in found.items()
                   if not any(name != other and name in other for other in found)), key=lambda item: item[1])


def _officials(ctx: DocContext, company: str, date: str, units: list[tuple[int, int]]) -> list[Fact]:
    """Scrutineer, share registrar and legal adviser organisations, from the scrutineer sentence."""
    text = ctx.text
    facts: list[Fact] = []
    for start, end in units:
        body = text[start:end].replace("\n", " ")
        if not SCRUTINY.search(body):
            continue
        roles: dict[str, set[str]] = {}
        for m in ORG_ROLE.finditer(body):
            org = _clean_org(m.group("org"))
            roles.setdefault(org, {"scrutineer"}).update(
                role for role, pattern in ROLE_WORDS if pattern.search(m.group("role")))
        for m in ORG_FORM.finditer(body):
            roles.setdefault(_clean_org(m.group("org")), {"scrutineer"})
        for org in [o for o in roles if o.casefold() == company.casefold()]:
            del roles[org]
        for org, names in roles.items():
            for role in sorted(names):
                facts.append(MeetingOfficial(company=company, meeting_date=date, official=org, role=role,
                                             evidence=ctx.evidence(start, end)))
    return facts


def _clean_org(name: str) -> str:
    """An organisation name without a leading article, sentence word, or the end of the sentence
    before it (`AGM. Tricor Investor Services Limited`; `Co. Ltd.` is no sentence end)."""
    name = re.split(r"(?<=[a-z]{2}|[A-Z]{2})\.\s+(?=[A-Z])", name)[-1]
    return _spaced(re.sub(r"^(?:The|In|And|Both|Messrs\.?)\s+", "", name.strip(" ,.")))


def _finding(ctx: DocContext, company: str, check: str, message: str, start: int, end: int) -> DataQualityFinding:
    return DataQualityFinding(company=company, check=check, message=message,
                              evidence=ctx.sentence_evidence(start, end))

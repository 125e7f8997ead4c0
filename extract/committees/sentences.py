"""Committee sentence readers: memberships and chairs stated in sentences, and dated changes
(`appointed as chairman of ...`, `ceased to be a member of ...`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from extract.committees.names import (
    _CHAIR, COMMITTEE, COMMITTEE_WORD, FAMILY, _has_row, INLINE_CHAIR, LEFT_NOTE,
    _listed_position, Mention, _mentions, _NAME_TOKEN, _NOT_NAME, PARAGRAPH_BREAK, PERSON,
    _position, Seen, _stated_date, _with_implied_members,
)
from extract.context import DocContext
from extract.text.names import HONORIFIC_WORDS


# Family: a position word (`chairman`, `chairperson`, `chair`, `convener`, `member`).
_POS = rf"(?P<pos>{_CHAIR}|member)s?"
# Family: `chaired by Mr. X` (optionally after an apposition `our Chairman,`).
# The apposition (`the Chairman of the Board,`) runs up to the honorific that starts the name, never
# across `and` (`chaired by the Chairman of the Board and Ms. X is a member` names no chair).
CHAIRED_BY = re.compile(r"\b(?:chaired|headed|led)\s+by\s+(?:(?:the|our|its)\s+(?:(?!and\b)[A-Za-z -]){0,40}?,?\s+"
                        rf"(?=(?:{'|'.join(HONORIFIC_WORDS)})\b))?", re.I)
# Family: `comprises A, B and C, and is chaired by`: a chair named after the committee's member list.
CHAIR_AFTER_LIST = re.compile(r",?\s+and\s+(?:is|was|has\s+been)\s+(?:currently\s+|also\s+)?$", re.I)
# Family: a person named by a board role (`the Chairman of the Board`, `the Chief Executive Officer`),
# resolved only to the one person the document gives that title; not when the name follows in
# apposition (`the Chairman of the Board, Mr. X`, read as Mr. X) nor a committee's chair.
ROLE_REFERENCE = re.compile(
    r"\b(?i:the|our)\s+(?:(?P<chairman>Chairman|Chairperson|Chairwoman|Chairlady)"
    r"(?:\s+of\s+the\s+(?:Board(?:\s+of\s+Directors)?|Company))?"
    r"|(?P<ceo>Chief\s+Executive(?:\s+Officer)?|CEO)(?:\s+of\s+the\s+Company)?)\b"
    rf"(?!\s+of\b|\s*\(|\s*,?\s*(?:{'|'.join(HONORIFIC_WORDS)})\b)")
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
# Family: a sentence end inside a paragraph (a full stop not after an honorific or an initial).
SENTENCE_STOP = re.compile(r"\.\s+(?=[A-Z\"“(])")
_NO_STOP_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(HONORIFIC_WORDS)}|No|Co|St|Messrs|[A-Z]))$")

# Family: a stated date the compositions speak for (`As at 31 December 2023, their compositions were as follows:`).
# Family: a sentence opening with the date it speaks for (`As at 31 December 2024, the Audit Committee ...`).
SENTENCE_AS_AT = re.compile(r"\s*As\s+(?:at|of)\s+[^,;]{6,30},", re.I)

_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


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

"""Board changes of a document: statements resolved into changes, once per document, and the extractor.

`extract.changes.statements` reads what each sentence states; here a document's statements are resolved
together, in order, because they lean on each other and on the rest of the filing:

- names: a short name (`Mr. Fung`) is the full name the filing defines for it (`Mr. Fung Chi Keung ("Mr.
  Fung")`) or the one full name with that surname;
- dates: `with immediate effect` is the announcement's date; `with effect from the same date` the date of
  the change stated before; `upon the conclusion of the AGM` the meeting's date where the filing states it;
  `upon her appointment becoming effective` the date of that appointment; a change without a phrase of its
  own takes the one its sentence opens with (`With effect from 1 July 2026, (i) ... (ii) ...`) or the one a
  lead sentence gives the changes that follow (`announces the following changes with effect from ...:`);
- roles: the role a change states, else the one its apposition (`Mr. A, an executive Director, ...`) or the
  person's own seat change gives, else the person's seat in the filing's board paragraph.

The committee family reads committee-post changes from here (`committee_changes`), so a sentence is read once.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from extract.board.paragraphs import board_paragraphs
from extract.changes.effective import When, meeting_dates
from extract.changes.posts import Post
from extract.changes.statements import Named, Sentence, Statement, read_sentence, sentences, worth_reading
from extract.context import DocContext
from extract.records import DEPARTURES, BoardChange, Fact
from extract.registry import extractor
from extract.changes.tables import change_tables
from extract.text.names import HONORIFIC, NAME_TOKEN, clean_person, fold, strip_honorifics

FAMILY = "board_change"
# A short name the filing defines: `Mr. Fung Chi Keung ("Mr. Fung")`.
DEFINED_SHORT = re.compile(rf"(?<![\w.])(?:{HONORIFIC})(?P<full>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,5}}(?:,[ ]?[A-Z][a-z]+)?)"
                           rf"(?:\s*\([^()“”\"]*\))?\s*\(\s*[\"“]"
                           rf"(?:{HONORIFIC})?(?P<short>{NAME_TOKEN}(?:\s+{NAME_TOKEN})?)[\"”]\s*\)")
FULL_NAME = re.compile(rf"(?<![\w.])(?:{HONORIFIC})(?P<full>{NAME_TOKEN}(?:(?:[ \t]+|[ \t]*\n[ \t]*){NAME_TOKEN}){{1,5}})")
# A sentence that dates the changes after it: `announces the following changes with effect from 2 February 2026:`.
LEAD_SENTENCE = re.compile(r"\bfollowing\s+changes\b|\bchanges\b[^.]*:\s*$", re.I)


@dataclass(frozen=True)
class Change:
    """One change of one person's seat or post, resolved: what `BoardChange` facts are made of."""

    person: str
    change: str
    post: Post
    effective: str | None
    role: str | None
    start: int
    end: int


@extractor(FAMILY)
def extract_board_changes(ctx: DocContext) -> list[Fact]:
    """A `board_change` fact per change the document states."""
    changes = read_changes(ctx)
    if not ctx.meta.issuer:
        if changes:
            ctx.skip(FAMILY, "issuer unknown: board changes not emitted")
        return []
    return [BoardChange(company=ctx.meta.issuer, person=c.person, change=c.change, effective=c.effective,
                        post=c.post.spec, role=c.role, position=c.post.position, as_of=ctx.meta.date,
                        evidence=ctx.evidence(c.start, c.end)) for c in changes]


def read_changes(ctx: DocContext) -> list[Change]:
    """The document's changes, read once (the committee family reads the same)."""
    return ctx.memo("board_changes", _read)


def committee_changes(ctx: DocContext) -> list[Change]:
    """Changes of committee posts (appointed to, or gone from, a committee)."""
    return [c for c in read_changes(ctx) if c.post.kind == "committee"]


def _read(ctx: DocContext) -> list[Change]:
    text = ctx.text
    own = tuple(n for n in (ctx.meta.issuer, *ctx.meta.issuer_aliases) if n)
    tables = _table_sentences(text)
    spans = [(t.start, t.end) for t in tables]
    read = sorted(tables + [read_sentence(text, start, end, own) for start, end in sentences(text)
                            if worth_reading(text, start, end) and not any(a < end and start < b for a, b in spans)],
                  key=lambda s: s.start)
    if not any(s.statements for s in read):
        return []
    names = _Names(text)
    meetings = meeting_dates(text)
    seats = _board_roles(ctx)
    resolved: list[tuple[Statement, Sentence, Change]] = []
    deferred: list[tuple[Statement, Sentence, Change, When]] = []
    doc_lead: When | None = None
    last_date: str | None = None
    previous: set[str] = set()  # people the last sentence with changes named
    for sentence in read:
        stated: set[str] = set()
        if not sentence.statements:
            if sentence.dates_before:
                _date_earlier(sentence, names, resolved, ctx.meta.date)
            elif sentence.lead and sentence.lead.kind in ("date", "immediate") and _is_lead(sentence):
                doc_lead = sentence.lead
            continue
        for st in sentence.statements:
            start, end = _quote_span(text, sentence)
            if st.skip:
                ctx.skip(FAMILY, st.skip, start, end)
                continue
            people = [_pronoun(p, sentence, names, previous) if p.pronoun else names.resolve(p.name)
                      for p in st.people]
            if None in people:
                ctx.skip(FAMILY, f"name not resolved: {', '.join(p.name or 'a pronoun' for p in st.people)}",
                         start, end)
                continue
            stated.update(p for p in people if p)
            pairs = _pairs(people, st)
            if pairs is None:
                ctx.skip(FAMILY, "`respectively` with lists of unequal length", start, end)
                continue
            when = _when_of(st, sentence, doc_lead)
            effective: str | None = None
            if when is not None:
                if when.kind == "unreadable":
                    ctx.skip(FAMILY, "effective date not read", start, end)
                    continue
                if when.kind == "same" and last_date is None:
                    ctx.skip(FAMILY, "`the same date` with no date before it", start, end)
                    continue
                effective = {"date": when.date, "immediate": ctx.meta.date, "same": last_date,
                             "meeting": when.date or meetings.get(when.meeting)}.get(when.kind)
            if st.past and _long_before(effective, ctx.meta.date):
                ctx.skip(FAMILY, "a change in the past tense years before the filing (a biography)", start, end)
                continue
            for person, post in pairs:
                change = Change(person, st.change, post, effective, None, start, end)
                if st.change == "ceased":
                    change = replace(change, change=st.cause or _departure_of(person, read, names) or "resigned")
                if when is not None and when.kind == "upon":
                    deferred.append((st, sentence, change, when))
                else:
                    resolved.append((st, sentence, change))
            if effective:
                last_date = effective
        previous = stated or previous
    done = [c for _, _, c in resolved]
    for st, sentence, change, when in deferred:
        referred = _upon(when, change, sentence, names, done)
        if referred is None:
            ctx.skip(FAMILY, "`upon ...` refers to no change stated", change.start, change.end)
            continue
        resolved.append((st, sentence, replace(change, effective=referred[0])))
    return _merged(_with_roles([(st, c) for st, _, c in resolved], seats))


def _table_sentences(text: str) -> list[Sentence]:
    """The rows of change tables (`Name | Position | Change | Effective date`), each a sentence of one change."""
    out: list[Sentence] = []
    for row in change_tables(text):
        sentence = Sentence(row.start, row.end, fold(text, row.start, row.end))
        person = Named(row.person, 0, 0)
        sentence.names = [person]
        sentence.statements = [Statement((person,), row.change, (row.post,), 0, len(sentence.folded.text),
                                         when=row.when)]
        out.append(sentence)
    return out


#: How long before a filing's date a change it states in the simple past may lie (`was appointed as an executive
#: Director on 8 August 2019` in an appointee's biography is a past post, not the change announced; a report states
#: the changes of its year, up to some fifteen months before it is signed).
PAST_REACH = datetime.timedelta(days=731)


def _long_before(effective: str | None, filed: str | None) -> bool:
    if not effective or not filed:
        return False
    return datetime.date.fromisoformat(effective) < datetime.date.fromisoformat(filed) - PAST_REACH


def _is_lead(sentence: Sentence) -> bool:
    """`announces the following changes with effect from ...:`, `announces that, with effect from 2 April 2024:`."""
    text = sentence.folded.text
    return bool(LEAD_SENTENCE.search(text)) or (sentence.lead is not None and text[sentence.lead.end:].strip() == ":")


def _date_earlier(sentence: Sentence, names: "_Names", resolved: list, announced: str | None) -> None:
    """`Her resignation took effect on 28 June 2024`: the undated changes of that kind just before take its date."""
    when = sentence.lead
    if sentence.dates_before is None or when is None or when.kind not in ("date", "immediate"):
        return
    kind, of = sentence.dates_before
    person = names.resolve(of) if of else None
    date = when.date if when.kind == "date" else announced
    recent = [i for i, (_, _, c) in enumerate(resolved) if c.change == kind and c.effective is None
              and (person is None or c.person == person)]
    people = {resolved[i][2].person for i in recent}
    if len(people) == 1:
        for i in recent:
            st, sent, change = resolved[i]
            resolved[i] = (st, sent, replace(change, effective=date))


def _departure_of(person: str, read: list[Sentence], names: "_Names") -> str | None:
    """The kind of seat departure the filing states for `person` (`ceased to be ...` after it is of that kind)."""
    kinds = {st.change for s in read for st in s.statements if not st.skip and st.change in DEPARTURES
             and any(p.kind == "seat" for p in st.posts) and person in (names.resolve(n.name) for n in st.people)}
    return kinds.pop() if len(kinds) == 1 else None


def _quote_span(text: str, sentence: Sentence) -> tuple[int, int]:
    start, end = sentence.start, sentence.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pairs(people: list[str | None], st: Statement) -> list[tuple[str, Post]] | None:
    if st.respectively and len(people) > 1:
        if len(people) != len(st.posts):
            return None
        return [(p, post) for p, post in zip(people, st.posts) if p]
    return [(p, post) for p in people if p for post in st.posts]


def _when_of(st: Statement, sentence: Sentence, doc_lead: When | None) -> When | None:
    """The statement's own date phrase, else its verb-sibling's, its sentence's, or the lead sentence's."""
    if st.when is not None:
        return st.when
    sibling = next((s.when for s in sentence.statements if s.group == st.group and s.when is not None), None)
    return sibling or sentence.lead or doc_lead


def _upon(when: When, change: Change, sentence: Sentence, names: "_Names",
          done: list[Change]) -> tuple[str | None] | None:
    """(the date,) of the change an `upon ...` phrase refers to: of the person it names, else of this person, else
    of a person of the sentence with such a change, else of the one such change of the filing; the date is None when
    that change states none (`upon her appointment becoming effective`, the appointment awaiting approval). None
    when it refers to no change stated."""
    candidates = [c for c in done if c.change == when.refers_to and c.post.kind == "seat"]
    named = names.resolve(when.of_person) if when.of_person else None
    order = [named] if named else []
    order += [change.person] + [names.resolve(n.name) for n in sentence.names]
    for group in [[c for c in candidates if c.person == person] for person in order] + [candidates]:
        dated = {c.effective for c in group if c.effective}
        if len(dated) == 1:
            return (dated.pop(),)
        if group and not dated:
            return (None,)
    return None


def _pronoun(pronoun: Named, sentence: Sentence, names: "_Names", previous: set[str]) -> str | None:
    """The person a subject pronoun stands for: the one person its sentence names before it (`Following the passing
    of Mr. Kwok, he ceased to be ...`), else the one person the sentence before stated a change of."""
    before = {names.resolve(n.name) for n in sentence.names if n.start < pronoun.start} - {None}
    if len(before) == 1:
        return before.pop()
    if not before and len(previous) == 1:
        return next(iter(previous))
    return None


def _with_roles(changes: list[tuple[Statement, Change]], board: dict[str, str]) -> list[Change]:
    """Each change with its director role: a seat change's as stated, else its apposition's (`Mr. A, an executive
    Director, ...`), else the board paragraph's; an office or committee change's from its own statement, else the
    person's seat change in the filing, else the board paragraph."""
    seated: dict[str, set[str]] = {}
    for st, c in changes:
        if c.post.kind == "seat":
            role = c.post.role or st.role_hint or board.get(c.person)
            if role:
                seated.setdefault(c.person, set()).add(role)
    out: list[Change] = []
    for st, c in changes:
        if c.post.kind == "seat":
            role = c.post.role or st.role_hint or board.get(c.person)
        else:
            stated = next((p.role for p in st.posts if p.kind == "seat" and p.role), None)
            own = seated.get(c.person, set())
            role = stated or st.role_hint or (next(iter(own)) if len(own) == 1 else board.get(c.person))
        out.append(replace(c, role=role))
    return out


def _board_roles(ctx: DocContext) -> dict[str, str]:
    """Person -> role of the filing's board paragraphs (people with one role only)."""
    roles: dict[str, set[str]] = {}
    for par in board_paragraphs(ctx):
        for seat in par.seats:
            if not seat.proposed:
                roles.setdefault(seat.person, set()).add(seat.role)
    return {p: r.pop() for p, r in roles.items() if len(r) == 1}


def _merged(changes: list[Change]) -> list[Change]:
    """One change per person, change, post and date (a chair over a member, a role over none); a change stated
    again without its date (`Following the resignation of Mr. A as ...`) is the dated one."""
    merged: dict[tuple, Change] = {}
    for c in changes:
        key = (_fold(c.person), c.change, c.post.spec, c.effective)
        old = merged.get(key)
        if old is None:
            merged[key] = c
            continue
        position = "chair" if "chair" in (old.post.position, c.post.position) else old.post.position
        merged[key] = replace(old, post=replace(old.post, position=position), role=old.role or c.role)
    dated = {(k[0], k[1], k[2]) for k in merged if k[3]}
    return [c for k, c in merged.items() if k[3] or (k[0], k[1], k[2]) not in dated]


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


class _Names:
    """Full names of the filing, for short names: defined ones first, else the one full name with that surname."""

    def __init__(self, text: str) -> None:
        self.short: dict[str, str] = {}
        for m in DEFINED_SHORT.finditer(text):
            full = clean_person(m.group("full"), forename_after_comma=True)
            if full:
                self.short.setdefault(_fold(m.group("short")), full)
        self.full: set[str] = set()
        for m in FULL_NAME.finditer(text):
            full = clean_person(m.group("full"))
            if full:
                self.full.add(" ".join(full.split()))

    def resolve(self, name: str) -> str | None:
        name = strip_honorifics(" ".join(name.split()))
        key = _fold(name)
        if key in self.short:
            return self.short[key]
        person = clean_person(name, forename_after_comma=True)
        if person:
            return person
        hits = {f for f in self.full if key in (_fold(f.split()[0]), _fold(f.split()[-1]))}
        return hits.pop() if len(hits) == 1 else None

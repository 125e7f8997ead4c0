"""Officers (chairman, chief executive, president, company secretary, CFO, general manager) wherever
the document states them.

Sources, each found with a regular expression over the raw text and read on a small folded region:

- the signature block: `By order of the Board / COMPANY / NAME / Chairman of the Board, Executive
  Director and Chief Executive Officer` (titles may wrap over lines);
- inline titles of the board paragraph: `Mr. Lin Zhaohui (Chairman)` (read by `extract.board`);
- appositions in notes and biographies: `Mr. Xu Lei is the chief financial officer, secretary of
  the Board and joint company secretary of the Company`, `Mr. Cai Baogui, Chairman of the Board`;
- statement signatures of reports and letters: `Co-founder, Chairman and CEO / Mr. Cai Baogui /
  March 2025`, or `Mr. X / Chairman / Hong Kong, 28 March 2025` (a dated signature, not a roster);
- appointment sentences in the perfect tense: `Ms. X has been appointed as the Company Secretary with
  effect from <date>`, kept only when in force at the document's date (no date later than it, no
  condition such as `subject to` or `upon the conclusion of`);
- title first: `The company secretary of the Company is Ms. X`, `The joint company secretaries ... are`.
- engagement by the Company: `Ms. X, a manager of an external corporate services provider, has been engaged
  by the Company as its company secretary` (an outsourced company secretary holds the office).

A title is kept only when the whole item is a known title (`extract.text.vocab.OFFICER_TITLE_PHRASES`),
so `the spouse of the chairman` or `chairman of the meeting` never make an officer. Sentences that
say someone resigned, retired or will be appointed are skipped: they do not state a current office.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extract.board.paragraphs import board_paragraphs
from extract.board.prose import NAME_SEPARATOR
from extract.context import DocContext
from extract.text.dates import MONTHS, parse_date
from extract.identity import BY_ORDER, CJK, ENDS_WITH_COMPANY_FORM
from extract.text.names import (HONORIFIC, HONORIFIC_ANYWHERE, NAME_TOKEN, clean_person, fold, is_role_or_filler,
                           officer_title, read_titles, title_items)
from extract.records import Fact, Officer
from extract.registry import extractor
from extract.text.headed_lists import document_lists

_NAME = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,5}}"
_LINE_NAME = rf"{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{1,5}}"
# Apposition: `Mr. Xu Lei is the chief financial officer ...`, `Mr. Peng Haoran ("Mr. Peng"), an
# executive Director and the general manager of the Company`, `Mr. Cai Baogui, Chairman of the Board`.
APPOSITION = re.compile(
    rf"(?<![\w.])(?:{HONORIFIC})(?P<name>{_NAME})\s*(?:\([^()]{{0,60}}\)\s*)?"
    rf"(?:,\s*|\s+is\s+(?:also\s+|currently\s+)?)(?=[A-Za-z])")
# Apposition of a surname only, a second mention in biographies: `Mr. Yang, aged 44, is an executive Director
# and the chief financial officer of the Company`, `Ms. Leung is the company secretary`. The surname is then
# resolved to the one full name of the document it can stand for (see `_surname_resolver`).
SHORT_APPOSITION = re.compile(
    rf"(?<![\w.])(?P<honorific>{HONORIFIC})(?P<surname>{NAME_TOKEN})(?:\s*,\s*aged\s+(?:about\s+)?\d{{1,3}}\s*,)?"
    r"(?:\s*,\s*|\s+is\s+(?:also\s+|currently\s+)?)(?=[A-Za-z])")
# A full name and the short name the text defines for it: `Mr. Yang Qiang ("Mr. Yang")`.
DEFINED_SHORT_NAME = re.compile(
    rf"(?<![\w.])(?:{HONORIFIC})(?P<name>{_NAME})\s*\(\s*[\"“](?P<short>(?:{HONORIFIC}){NAME_TOKEN})[\"”]\s*\)")
# A full name as written after an honorific anywhere in the text (trailing governance words are cut off).
HONORIFIC_NAME = re.compile(rf"(?<![\w.])(?P<honorific>{HONORIFIC})(?P<name>{_NAME})")
# Honorifics that say a man or a woman (Dr, Prof say neither).
MALE = frozenset({"mr", "sir"})
FEMALE = frozenset({"ms", "mrs", "miss", "madam", "madame", "dame", "lady"})
# Where the titles of an apposition end: `;`, a parenthesis, a quote, a full stop, a blank line.
APPOSITION_END = re.compile(r"[;()\"“”]|\.(?=\s|$)|\n\s*\n")
#: Longest apposition read after the name, in characters.
APPOSITION_LIMIT = 300
# Sentences that do not state a current office.
NOT_CURRENT = re.compile(r"\b(?:resign\w*|retire\w*|ceased?|former(?:ly)?|will\s+be|was\s+appointed|"
                         r"has\s+been\s+appointed|proposed|nominat\w*|removed|passed\s+away)\b", re.I)
# Statement signature: a line holding only an honorific and a name (`Mr. Cai Baogui`), with a title
# line just before it (`Co-founder, Chairman and CEO`) or just after it (`Chairman`).
NAME_LINE = re.compile(rf"^[ \t]*\**(?:{HONORIFIC})(?P<name>{_LINE_NAME})\**[ \t]*$", re.M)
#: How many lines around a name line may hold its titles (blank lines included).
NAME_LINE_REACH = 3
# A statement is signed and dated (`March 2025`, `Hong Kong, 28 March 2025`): without the date line a
# name next to `Chairman` may be a committee roster, not a signature.
SIGNATURE_DATE_LINE = re.compile(
    r"^[ \t*]*(?:[A-Z][A-Za-z ,.'()]{1,60},\s*)?(?:\d{1,2}\s+)?(?:" + "|".join(m for m in MONTHS if len(m) > 3)
    + r")\b[^\n]{0,12}\b(?:19|20)\d\d[ \t*]*$", re.I | re.M)
#: How far after `By order of the Board` the signature block is read.
SIGNATURE_WINDOW = 600
# Appointment sentences: `Ms. Wong Mei Yee ("Ms. Wong") has been appointed as the Company Secretary with effect
# from 28 February 2025`, `Mr. X has been appointed as an executive Director and the chief executive officer`,
# `Mr. X has been re-designated as the chairman of the Board`. Only the perfect tense: `will be appointed` is
# future, and `was appointed` is as often a biography's past post as a current one.
# Several names may share one appointment (`Mr. A ("Mr. A") and Ms. B have been appointed as the joint company
# secretaries`): each of them holds every title, which must then be plural or joint (`the chairman and the chief
# executive officer ..., respectively` gives one title each and is not read).
_NAMED = rf"(?:{HONORIFIC}){_NAME}\s*(?:\([^()]{{0,60}}\)\s*)?"
APPOINTED_AS = re.compile(
    rf"(?<![\w.])(?P<names>{_NAMED}(?:(?:,\s*|\s*\band\s+){_NAMED})*)"
    r"(?:has|have)\s+been\s+(?:appointed|re-?designated)\s+as\s+")
# One name of an appointment's list, with its alias parenthesis.
NAMED = re.compile(rf"(?:{HONORIFIC})(?P<name>{_NAME})\s*(?:\([^()]{{0,60}}\))?")
# A title shared by several people: `joint company secretaries`, `the joint company secretary`, `co-chairmen`.
SHARED_TITLE = re.compile(r"\bjoint\b|s$|\bco-", re.I)
# Where the titles of an appointment end: its effective date, another clause, punctuation, another person.
APPOINTED_END = re.compile(
    rf"\s+(?:with\s+effect\s+from|w\.e\.f\.|effective\s+(?:from|on)|on|upon|from|in\s+place\s+of|to\s+"
    rf"(?:replace|fill|succeed)|following|subject\s+to|for\s+a\s+term|until)\b|\s+and\s+(?={HONORIFIC})"
    r"|[,;:()\"“”]|\.(?=\s|$)|\n\s*\n", re.I)
# Titles given one to each of several people: `as the chairman and the chief executive officer, respectively`.
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# What follows the titles of an appointment and makes it conditional or not yet in force.
APPOINTED_CONDITION = re.compile(r"^\s*,?\s*(?:subject\s+to|conditional|upon|following)\b", re.I)
# The effective date of an appointment: `with effect from 28 February 2025`, `with effect from the same date`.
EFFECTIVE_FROM = re.compile(r"^\s*,?\s*(?:with\s+effect\s+from|w\.e\.f\.|effective\s+(?:from|on)|on)\s+"
                            r"(?P<when>[^.;\n]{0,60})", re.I)
# An effective clause that names no date but means the document's own: `the same date`, `today`.
EFFECTIVE_NOW = re.compile(r"^(?:the\s+same\s+(?:date|day)|today|the\s+date\s+(?:of\s+this\s+announcement|hereof))",
                           re.I)
# Subject, apposition, then a verb and the subject's titles: `Mr. Tang Yiu Ming, the son of Mr. Tang Kwong Tai, is
# the Chief Executive Officer of the Company`, `Ms. Mak Sin Yi, the Company's financial controller, is also the
# company secretary`, `Ms. Ye Xiaoli, an executive Director, serves as the secretary to the Board and one of the
# joint company secretaries`, `Ms. Tse Wing Yan has been the company secretary of the Company since 2019`. The
# apposition (no parenthesis, comma or semicolon inside) may name another person: the titles after the verb are
# the subject's.
# The Company engages the subject for the office (an outsourced company secretary): `Ms. Yeung Pui Man, a manager
# of an external corporate services provider, has been engaged by the Company as its company secretary`. Only the
# Company engaging: `engaged by XYZ Limited as its adviser` is another organisation's post.
_ENGAGED_AS = r"(?:is|has\s+been)\s+(?:engaged|retained)(?:\s+by\s+(?:the\s+Company|us))?\s+as"
SUBJECT_VERB_TITLE = re.compile(
    rf"(?<![\w.])(?:{HONORIFIC})(?P<name>{_NAME})\s*(?:\([^()]{{0,60}}\)\s*)?"
    rf"(?:,\s*(?P<apposition>(?:[^,;()\n]|\n(?![ \t]*\n)){{3,120}}?)\s*,\s*(?:{_ENGAGED_AS}|is|has\s+been|serves\s+as|"
    rf"acts\s+as)|\s+(?:{_ENGAGED_AS}|has\s+been|serves\s+as|acts\s+as))\s+(?:also\s+|currently\s+|presently\s+)?"
    r"(?=[a-z])")
# When the office began, after its titles: `the company secretary of the Company since 2019`.
TITLE_SINCE = re.compile(r"\s+(?:since|from|with\s+effect\s+from|w\.e\.f\.)\s+(?=\S)", re.I)
# A title item of another organisation than the issuer (`a director of Pearl River Logistics Limited`): the whole
# enumeration may be about it, so none of its titles is read.
OF_ANOTHER = re.compile(r"\bof\s+(?!(?:the|our|its)\s+(?:Company|Group|Board)\b)", re.I)
# Roles performed by several people, in order: `The roles of the Chairman and the Chief Executive Officer are
# segregated and are performed by Mr. A and Ms. B respectively`, `The positions of chairman and chief executive
# officer are held by Mr. A and Mr. B, respectively`. As many titles as names, each a known title.
ROLES_RESPECTIVELY = re.compile(
    r"\b[Tt]he\s+(?:roles|positions|offices|posts)\s+of\s+(?P<titles>[A-Za-z][A-Za-z ,\-]{4,120}?)\s+"
    r"(?:of\s+the\s+Company\s+)?(?:are|have\s+been)\s+(?:[a-z][a-z ,]{0,60}?\s+)?"
    r"(?:performed|held|taken\s+up|assumed|carried\s+out|occupied)\s+(?:separately\s+)?by\s+"
    rf"(?P<names>{_NAMED}(?:(?:,\s*|\s*\band\s+){_NAMED})+?)\s*,?\s*respectively\b")
# Title first: `The company secretary of the Company is Ms. Chan Yuk Ling`, `the joint company secretaries of
# the Company are Ms. A and Mr. B`; the whole title must be a known one, the names must end there.
TITLE_IS_NAME = re.compile(
    rf"\b[Tt]he\s+(?P<title>[A-Za-z][A-Za-z \-]{{2,60}}?)\s+(?:is|are)\s+(?:currently\s+|presently\s+)?"
    rf"(?P<names>(?:{HONORIFIC}){_NAME}(?:\s*(?:,|\band\b)\s*(?:{HONORIFIC}){_NAME})*)"
    r"(?=\s*(?:[,.;(]|\bwho\b|\band\b|$))")


@dataclass(frozen=True)
class _Held:
    """A title someone is stated to hold, with the document span that states it."""

    person: str
    title: str
    as_written: str
    start: int
    end: int
    #: The date the title is stated for, when it is not the document's (a directors' report roster).
    as_of: str | None = None


@extractor("officer")
def extract_officers(ctx: DocContext) -> list[Fact]:
    """Officer facts from every source, one per person and title (first statement kept)."""
    if not ctx.meta.issuer:
        return []
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    for held in _all_held(ctx):
        key = (_name_key(held.person), held.title)
        if key in seen:
            continue
        seen.add(key)
        facts.append(Officer(company=ctx.meta.issuer, person=held.person, title=held.title, as_of=held.as_of or ctx.meta.date,
                             title_as_written=held.as_written, evidence=ctx.evidence(held.start, held.end)))
    return facts


def _name_key(name: str) -> str:
    """Names compared the way the spec compares them: case, hyphens and punctuation ignored."""
    return " ".join(re.sub(r"[-.,'’]", " ", name.casefold()).split())


def _all_held(ctx: DocContext) -> Iterator[_Held]:
    yield from _signature_titles(ctx)
    for paragraph in board_paragraphs(ctx):
        for seat in paragraph.seats:
            for title, as_written in seat.titles:
                yield _Held(seat.person, title, as_written, seat.start, seat.end, paragraph.as_of)
    yield from _apposition_titles(ctx)
    yield from _subject_verb_titles(ctx)
    yield from _respective_titles(ctx)
    yield from _short_apposition_titles(ctx)
    yield from _statement_titles(ctx)
    yield from _appointment_titles(ctx)
    yield from _title_first(ctx)
    yield from _headed_titles(ctx)


# A heading naming a committee: an office heading under it is the committee's office.
COMMITTEE_HEADING = re.compile(r"\bCommittee\b", re.I)


def _headed_titles(ctx: DocContext) -> Iterator[_Held]:
    """People listed under an office heading (`COMPANY SECRETARY` / `Mr. Ma Ka Chun, CPA`, `JOINT COMPANY
    SECRETARIES`), as corporate-information pages list them; those noted as having left are not."""
    for item in document_lists(ctx):
        title = officer_title(item.heading)
        if title is None or any(COMMITTEE_HEADING.search(parent) for parent in item.parents):
            continue  # `Audit Committee` / `Chairman` / `Mr. A`: the committee's chairman
        for entry in item.entries:
            if any(NOT_CURRENT.search(note) for note in entry.notes):
                continue
            person = clean_person(entry.name, forename_after_comma="," in entry.name)
            if person:
                yield _Held(person, title, item.heading, entry.start, entry.end)


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Non-empty lines of text[start:end] as (start, end, stripped text without `*`)."""
    pos = start
    for line in text[start:end].split("\n"):
        clean = " ".join(line.replace("*", " ").split())
        if clean:
            yield pos, pos + len(line), clean
        pos += len(line) + 1


def _signature_titles(ctx: DocContext) -> Iterator[_Held]:
    """`By order of the Board / COMPANY / NAME / TITLES`: the signatory's titles."""
    text = ctx.text
    for order in BY_ORDER.finditer(text):
        lines = list(_lines(text, order.end(), min(len(text), order.end() + SIGNATURE_WINDOW)))
        person_at = _signatory_line(lines)
        if person_at is None:
            continue
        _, _, person = lines[person_at]
        start, end, written = lines[person_at][0], lines[person_at][1], []
        for line_start, line_end, line in lines[person_at + 1:]:
            if read_titles(line) is None:
                break
            written.append(line)
            end = line_end
        for title, as_written in read_titles(" ".join(written)) or ():
            yield _Held(person, title, as_written, start, end)


def _signatory_line(lines: list[tuple[int, int, str]]) -> int | None:
    """Index of the signatory's name among the first lines of a signature (company lines skipped)."""
    for i, (_, _, line) in enumerate(lines[:4]):
        if CJK.search(line) or ENDS_WITH_COMPANY_FORM.search(line):
            continue
        person = clean_person(line, forename_after_comma=True)
        if person:
            lines[i] = (lines[i][0], lines[i][1], person)
            return i
    return None


def _titles_end(text: str, start: int, stop_at: re.Pattern[str] = APPOSITION_END) -> int:
    """Where titles read from `start` can run to: the first stop phrase, at most APPOSITION_LIMIT on."""
    stop = stop_at.search(text, start, start + APPOSITION_LIMIT)
    return stop.start() if stop else min(len(text), start + APPOSITION_LIMIT)


def _apposition_titles(ctx: DocContext) -> Iterator[_Held]:
    """`Mr. X, an executive Director and president of the Company`: titles until another person."""
    text = ctx.text
    for m in APPOSITION.finditer(text):
        person = clean_person(m.group("name"))
        if person is None:
            continue
        end = _titles_end(text, m.end())
        items = _leading_titles(fold(text, m.end(), end).text)
        if not items:
            continue
        if NOT_CURRENT.search(text, m.start(), end):
            ctx.skip("officer", f"title of {person} stated with a change, not a current office", m.start(), end)
            continue
        for title, as_written in items:
            yield _Held(person, title, as_written, m.start(), end)


def _subject_verb_titles(ctx: DocContext) -> Iterator[_Held]:
    """`Mr. X, the son of Mr. Y, is the Chief Executive Officer of the Company`: the subject's titles after the
    verb, whoever the apposition names. Titles run until an item that is neither a title nor a role; an item of
    another organisation (`a director of XYZ Limited`) leaves the whole enumeration unread."""
    text = ctx.text
    for m in SUBJECT_VERB_TITLE.finditer(text):
        person = clean_person(m.group("name"))
        if person is None:
            continue
        end = _titles_end(text, m.end())
        written = fold(text, m.end(), end).text
        since = TITLE_SINCE.search(written)
        items, stop_item = _items_until_other(written[:since.start()] if since else written)
        titles = [(officer_title(item), item) for item in items]
        if not any(title for title, _ in titles):
            continue
        if stop_item and _title_elsewhere(stop_item):
            ctx.skip("officer", f"titles of {person} may be of another organisation", m.start(), end)
            continue
        if NOT_CURRENT.search(text, m.start(), end):
            ctx.skip("officer", f"title of {person} stated with a change, not a current office", m.start(), end)
            continue
        for title, as_written in titles:
            if title:
                yield _Held(person, title, as_written, m.start(), end)


def _items_until_other(text: str) -> tuple[list[str], str | None]:
    """(items, the item that ended them) of an enumeration: items up to the first one that is neither a title
    nor a role, never past an item naming a person (`the general manager of the Company, and Mr. Sun Wei`)."""
    out: list[str] = []
    for item in title_items(text):
        if HONORIFIC_ANYWHERE.search(item):
            return out, None
        if not (officer_title(item) or is_role_or_filler(item)):
            return out, item
        out.append(item)
    return out, None


def _title_elsewhere(item: str) -> bool:
    """True for a title or role held in another organisation: `a director of Ko Trading Limited`, `the general
    manager of Shenzhen Ko Trading Co.` (titles of the Company, Group or Board are read, not this)."""
    item = re.sub(r"^one\s+of\s+", "", item.strip(), flags=re.I)
    of = OF_ANOTHER.search(item)
    if not of:
        return False
    head = item[:of.start()].strip()
    return bool(officer_title(head) or is_role_or_filler(head))


def _respective_titles(ctx: DocContext) -> Iterator[_Held]:
    """`The roles of the Chairman and the Chief Executive Officer ... are performed by Mr. A and Ms. B
    respectively`: titles and names paired in order; skipped unless every title is known and counts match."""
    text = ctx.text
    for m in ROLES_RESPECTIVELY.finditer(text):
        people = [clean_person(named.group("name")) for named in NAMED.finditer(m.group("names"))]
        items = title_items(m.group("titles"))
        titles = [officer_title(item) for item in items]
        if None in people or None in titles or len(people) != len(titles):
            ctx.skip("officer", "roles and people not paired one to one", m.start(), m.end())
            continue
        if NOT_CURRENT.search(m.group()):
            continue
        for person, title, item in zip(people, titles, items):
            yield _Held(person, title, item, m.start(), m.end())


def _short_apposition_titles(ctx: DocContext) -> Iterator[_Held]:
    """`Mr. Yang, aged 44, is ... the chief financial officer`: titles of a surname-only mention, kept only
    when the surname resolves to one full name of the document."""
    text = ctx.text
    resolve = None
    for m in SHORT_APPOSITION.finditer(text):
        end = _titles_end(text, m.end())
        items = _leading_titles(fold(text, m.end(), end).text)
        if not items:
            continue
        resolve = resolve or _surname_resolver(text)
        person = resolve(m.group("honorific"), m.group("surname"))
        if person is None:
            ctx.skip("officer", f"{m.group().strip()} does not name one person of the document", m.start(), end)
            continue
        if NOT_CURRENT.search(text, m.start(), end):
            ctx.skip("officer", f"title of {person} stated with a change, not a current office", m.start(), end)
            continue
        for title, as_written in items:
            yield _Held(person, title, as_written, m.start(), end)


def _honorific_key(honorific: str) -> str:
    return honorific.strip(" .").lower()


def _surname_resolver(text: str):
    """A function (honorific, surname) -> the one full name of the document that `Mr. Yang` stands for, or None.

    A short name the text defines (`Mr. Yang Qiang ("Mr. Yang")`) stands for its full name. Otherwise the full
    names written after an honorific whose first word is the surname are the candidates: there must be exactly
    one, its honorific must not say the other sex, and no other name may start with the surname anywhere in the
    text (`Yang Wei` in a board list without honorific makes `Mr. Yang` ambiguous).
    """
    defined: dict[str, set[str]] = {}
    for m in DEFINED_SHORT_NAME.finditer(text):
        person = clean_person(m.group("name"))
        if person:
            defined.setdefault(_name_key(m.group("short")), set()).add(person)
    full: dict[str, dict[str, set[str]]] = {}  # surname -> full name key -> honorifics
    spelling: dict[str, str] = {}
    for m in HONORIFIC_NAME.finditer(text):
        words = m.group("name").split()
        while len(words) > 1 and clean_person(" ".join(words)) is None:
            words.pop()  # `Mr. Yang Qiang Chairman` -> `Yang Qiang`
        person = clean_person(" ".join(words)) if len(words) > 1 else None
        if person:
            key = _name_key(person)
            spelling.setdefault(key, person)
            full.setdefault(words[0].casefold(), {}).setdefault(key, set()).add(_honorific_key(m.group("honorific")))

    def resolve(honorific: str, surname: str) -> str | None:
        short = _name_key(f"{honorific.strip()} {surname}")
        if short in defined:
            return next(iter(defined[short])) if len(defined[short]) == 1 else None
        candidates = full.get(surname.casefold(), {})
        if len(candidates) != 1:
            return None
        key, honorifics = next(iter(candidates.items()))
        sex = _honorific_key(honorific)
        if (sex in MALE and honorifics & FEMALE) or (sex in FEMALE and honorifics & MALE):
            return None
        second = spelling[key].split()[1].casefold()
        for m in re.finditer(rf"(?<![\w.])(?i:{re.escape(surname)})\s+(?!{HONORIFIC})(?P<next>{NAME_TOKEN})", text):
            word = m.group("next")
            if word.casefold() != second and clean_person(f"{surname} {word}"):
                return None  # another person with the same surname
        return spelling[key]

    return resolve


def _leading_titles(text: str) -> list[tuple[str, str]]:
    """Known titles among the items of an apposition, read until an item names another person."""
    out: list[tuple[str, str]] = []
    for item in title_items(text):
        if HONORIFIC_ANYWHERE.search(item):
            break
        title = officer_title(item)
        if title:
            out.append((title, item))
    return out


def _statement_titles(ctx: DocContext) -> Iterator[_Held]:
    """Signatures of statements and letters: a title line next to an honorific name line, dated."""
    text = ctx.text
    for m in NAME_LINE.finditer(text):
        person = clean_person(m.group("name"))
        if not person:
            continue
        if not SIGNATURE_DATE_LINE.search(text, m.end(), m.end() + 250):
            continue
        before = text[max(0, m.start() - 200):m.start()].split("\n")[-NAME_LINE_REACH - 1:-1]
        after = text[m.end():m.end() + 200].split("\n")[1:NAME_LINE_REACH + 1]
        for line in (_first_filled(reversed(before)), _first_filled(after)):
            titles = read_titles(line.replace("*", " ")) if line else None
            for title, as_written in titles or ():
                yield _Held(person, title, as_written, m.start(), m.end())


def _first_filled(lines: Iterable[str]) -> str | None:
    """The first line that is not blank."""
    return next((line for line in lines if line.strip()), None)


def _appointment_titles(ctx: DocContext) -> Iterator[_Held]:
    """`Ms. X has been appointed as the Company Secretary with effect from <date>`: an office held as of
    the document's date. Skipped when the appointment takes effect after that date or on a condition."""
    text = ctx.text
    for m in APPOINTED_AS.finditer(text):
        people = [clean_person(named.group("name")) for named in NAMED.finditer(m.group("names"))]
        if not people or None in people:
            continue
        end = _titles_end(text, m.end(), APPOINTED_END)
        titles = _titles_until_other(fold(text, m.end(), end).text)
        if not titles:
            continue
        rest = text[end:end + 160]
        if APPOINTED_CONDITION.match(rest) or not _in_force(ctx, rest):
            ctx.skip("officer", f"appointment of {', '.join(people)} not in force at the document's date",
                     m.start(), end)
            continue
        if len(people) > 1 and (RESPECTIVELY.search(text, end, _sentence_end(text, end))
                                or not all(SHARED_TITLE.search(written) for _, written in titles)):
            ctx.skip("officer", f"appointment of {', '.join(people)} to titles not shared", m.start(), end)
            continue
        for person in people:
            for title, as_written in titles:
                yield _Held(person, title, as_written, m.start(), end)


def _sentence_end(text: str, start: int) -> int:
    """End of the sentence running on at `start` (a full stop before a space or line end), within 400 chars."""
    m = re.compile(r"\.(?=\s|$)|\n\s*\n").search(text, start, min(len(text), start + 400))
    return m.start() if m else min(len(text), start + 400)


def _titles_until_other(text: str) -> list[tuple[str, str]]:
    """Known titles of an enumeration up to its first item that is neither a title nor a role:
    `the chairman of the Board and a member of the Nomination Committee` -> chairman."""
    out: list[tuple[str, str]] = []
    for item in title_items(text):
        title = officer_title(item)
        if title:
            out.append((title, item))
        elif not is_role_or_filler(item):
            break
    return out


def _in_force(ctx: DocContext, rest: str) -> bool:
    """True when the text after an appointment's titles states no effective date, the document's own, or
    one on or before the document's date (known)."""
    effective = EFFECTIVE_FROM.match(rest)
    if not effective:
        return True
    when = " ".join(effective.group("when").split())
    if EFFECTIVE_NOW.match(when):
        return True
    date = parse_date(when)
    return bool(date and ctx.meta.date and date <= ctx.meta.date)


def _title_first(ctx: DocContext) -> Iterator[_Held]:
    """`The company secretary of the Company is Ms. Chan Yuk Ling`: a title stated before its holders."""
    text = ctx.text
    for m in TITLE_IS_NAME.finditer(text):
        title = officer_title(" ".join(m.group("title").split()))
        if not title:
            continue
        for piece in NAME_SEPARATOR.split(m.group("names")):
            person = clean_person(piece)
            if person:
                yield _Held(person, title, " ".join(m.group("title").split()), m.start(), m.end())

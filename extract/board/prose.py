"""One board paragraph written as prose -> its seats.

The paragraph is folded (page furniture and line breaks removed, see `extract.text.names`) and only
it goes through the spaCy pipeline, whose `gov_spans` component marks the director-role phrases.
The phrasing families read:

- names, then role: `Mr. A, Ms. B and Dr. C as (the) (proposed) executive Directors; (ii) ...`, also
  `Mr. A and Mr. B, being executive Directors`, `..., who are executive Directors`, `Mr. A as the
  chairman and executive Director`;
- role, then names: `three executive Directors, namely Mr. A (Chairman), Mr. B and Mr. C; ...`,
  `the executive Directors are Mr. A and Mr. B`, `executive Directors: Mr. A, Mr. B` (also one name
  per line), `executive directors, Mr. A, Mr. B`;
- a role per name in its parenthesis: `Mr. A (Chairman and Executive Director), Mr. B (Independent
  Non-executive Director)`;
- an office as a label, the role in the parenthesis: `Chairman: Mr. A (non-executive Director)` /
  `Chief Executive Officer: Mr. B (executive Director)` / `Executive Director: Ms. C` (the labels may
  stand alone or before role-then-names groups; the label gives the officer title).

A paragraph mixing the families, or a role phrase that fits neither, is skipped whole: a wrong
directorship costs more than a missed one.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, replace

from extract.components import SPAN_KEY
from extract.context import DocContext
from extract.board.model import ROLES, Seat
from extract.text.names import (HONORIFIC, HONORIFIC_ANYWHERE, POST_NOMINAL, SINGLE_NAME, Folded, clean_person,
                                read_titles, title_items)
from extract.text.patterns import NOT_AFTER_ABBREVIATION


# Names-then-role family: `... as (the) (proposed) <role>`, `... are <role>`, `..., being <role>`,
# `... as the chairman and executive Director` (titles before the role, read for a single name).
ROLE_AFTER_NAMES = re.compile(
    r"\b(?:as|are|is|being)\s+(?:the\s+|an?\s+|our\s+)?"
    r"(?:(?P<titles>[A-Za-z][A-Za-z ,\-]{2,60}?)\s*(?:,|\band\b)\s*(?:an?\s+|the\s+)?)?(?P<proposed>proposed\s+)?$",
    re.I)
# Role-then-names family: `<role>, namely`, `<role> of the Company are`, `<role>:`, `<role>, Mr. A`.
ROLE_BEFORE_NAMES = re.compile(
    r"^(?:\s+of\s+the\s+Company)?(?:\s*,?\s*(?:namely|being|comprising|including)\b|\s*:|\s+(?:are|is)\b"
    rf"|\s*,\s*(?={HONORIFIC}))\s*:?", re.I)
# `the proposed independent non-executive Directors, namely ...`.
PROPOSED_BEFORE = re.compile(r"\bproposed\s+$", re.I)
# End of a sentence inside a flattened paragraph (`... Mr. Ho Man Kit. Hong Kong, 23 March 2026`),
# not the dot of an honorific or of initials (`Mr.`, `T.K.`).
SENTENCE_END = re.compile(rf"{NOT_AFTER_ABBREVIATION}(?<![A-Z])\.(?=\s|$)")
# The verb after which the first names of the names-then-role family begin.
LIST_VERB = re.compile(r"\b(?:comprises|comprise|comprised\s+of|consists\s+of|consist\s+of|includes?|are|is)\b\s*:?",
                       re.I)
# A new clause inside a role group (`...; and the Supervisory Committee comprises Mr. X`): names stop.
CLAUSE_BREAK = re.compile(r"\b(?:comprises?|consists?|are|is|was|were|as|who|which|has|have|will)\b")
# Enumerators: `(i)`, `(iii)`, `(a)`, `(1)`.
ENUMERATOR = re.compile(r"\(\s*(?:[ivx]{1,4}|[a-h]|\d{1,2})\s*\)")
# A parenthesis with one level of nesting: inline titles `(Chairman)`, aliases `(alias Robin Weng)`.
PARENTHESIS = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
# Separators between names: commas, semicolons, `and`, `&`.
NAME_SEPARATOR = re.compile(r"\s*(?:[;,&]|\band\b)\s*")
# An office as a label at the start of a line or clause: `Chairman: Mr. A (non-executive Director)`. The
# label is read back from its colon to the line break, `;` or `:` before it, and must be known titles only.
LABEL_COLON = re.compile(r"\s*[:：]\s*(?=(?:{0})|[A-Z])".format(HONORIFIC))
# Parentheses that give another name of the person, not a title.
ALIAS = re.compile(r"^\s*(?:alias|also\s+known\s+as|a\.k\.a\.?|formerly\s+known\s+as)\b", re.I)


@dataclass(frozen=True)
class _Segment:
    """Where the names of one role group are, in folded-paragraph offsets."""

    start: int
    end: int
    role: str
    proposed: bool
    titles: tuple[tuple[str, str], ...] = ()
    #: Names listed one per line under `Executive Directors:` (each line break separates names).
    listed: bool = False


def read_paragraph(ctx: DocContext, folded: Folded, start: int, end: int) -> list[Seat]:
    """Seats of one folded paragraph, or none when its structure is not one we read with confidence."""
    segments = _segments(ctx, folded)
    if segments == []:
        return []
    if segments is None:
        ctx.skip("directorship", "board paragraph in an unknown phrasing", start, end)
        return []
    seats: list[Seat] = []
    for segment in segments:
        group = _seats(ctx, folded, segment)
        if segment.titles and len(group) == 1:  # `Mr. X as the chairman and executive Director`
            group = [replace(group[0], titles=group[0].titles + segment.titles)]
        seats += group
    return seats


def _segments(ctx: DocContext, folded: Folded) -> list[_Segment] | None:
    """Role groups of the paragraph: role spans from spaCy, classified by the family they follow."""
    text = folded.text
    parens = [m.span() for m in PARENTHESIS.finditer(text)]
    doc = ctx.nlp(text)
    all_roles = [span for span in doc.spans[SPAN_KEY] if span.label_ == "DIRECTOR_ROLE"]
    roles = [span for span in all_roles if not any(a <= span.start_char < b for a, b in parens)]
    labels = _office_labels(folded, parens)
    if labels:
        return _labelled(folded, roles, labels) if all_roles else None
    if not roles:
        return _roles_in_parentheses(text) if all_roles else []
    after = [ROLE_AFTER_NAMES.search(text, max(0, r.start_char - 60), r.start_char) for r in roles]
    before = [ROLE_BEFORE_NAMES.match(text[r.end_char:r.end_char + 40]) for r in roles]
    # `of which four are executive Directors, namely Mr. A ...` fits both families: `namely` wins.
    announces_names = any(m and m.group().strip() != "," for m in before)  # not just `<role>, Mr. A`
    if all(before) and (announces_names or not all(after)):
        return _role_then_names(folded, roles, before)
    if all(after) and not announces_names:
        return _names_then_role(text, roles, after)
    return None


def _office_labels(folded: Folded, parens: list[tuple[int, int]]) -> list[tuple[int, int, tuple[tuple[str, str], ...]]]:
    """(label start, names start, titles) of each office label `Chief Executive Officer: ` of the paragraph.

    The label runs back from its colon to a line break, `;`, `:` or the paragraph start, and must read as
    officer titles only (`Chairman and Chief Executive Officer`); a role label (`Executive Directors:`) is a
    role-then-names group, not an office label.
    """
    text = folded.text
    out: list[tuple[int, int, tuple[tuple[str, str], ...]]] = []
    for m in LABEL_COLON.finditer(text):
        if any(a <= m.start() < b for a, b in parens):
            continue
        bounds = [b + 1 for b in folded.breaks if b < m.start()]
        bounds += [i + 1 for i in (text.rfind(";", 0, m.start()), text.rfind(":", 0, m.start())) if i >= 0]
        start = max(bounds, default=0)
        label = text[start:m.start()].strip()
        titles = read_titles(label) if label and not CLAUSE_BREAK.search(label) else None
        if titles and all(item.lower() not in ROLES for item in title_items(label)):
            out.append((start + len(text[start:m.start()]) - len(text[start:m.start()].lstrip()), m.end(),
                        tuple(titles)))
    return out


def _labelled(folded: Folded, roles: list, labels: list[tuple[int, int, tuple[tuple[str, str], ...]]]
              ) -> list[_Segment] | None:
    """Office labels (`Chairman: Mr. A (non-executive Director)`), alone or among role-then-names groups
    (`Executive Director: Ms. C`): each group runs to the next label or role. Names under a label take the
    role of their own parenthesis. Any role phrase that does not open a group makes the paragraph unread."""
    text = folded.text
    before = [ROLE_BEFORE_NAMES.match(text[r.end_char:r.end_char + 40]) for r in roles]
    if not all(m and m.group().rstrip().endswith(":") for m in before):
        return None
    opens = sorted([(start, names, "", titles) for start, names, titles in labels]
                   + [(r.start_char, r.end_char + m.end(), _role_of(r.text), ()) for r, m in zip(roles, before)])
    verb = LIST_VERB.search(text)
    if not verb or text[verb.end():opens[0][0]].strip(" :"):
        return None  # names before the first label or role: not a layout read here
    segments: list[_Segment] = []
    for i, (_, names, role, titles) in enumerate(opens):
        if role is None:
            return None
        end = opens[i + 1][0] if i + 1 < len(opens) else len(text)
        stop = SENTENCE_END.search(text, names, end)
        segments.append(_Segment(names, stop.start() if stop else end, role, False, titles))
    return segments


def _roles_in_parentheses(text: str) -> list[_Segment] | None:
    """`Mr. A (Chairman and executive Director), Mr. B (independent non-executive Director)`: one
    segment after the list verb; each name's role is read from its own parenthesis."""
    verb = LIST_VERB.search(text)
    return [_Segment(verb.end(), len(text), role="", proposed=False)] if verb else None


def _role_of(span_text: str) -> str | None:
    return ROLES.get(" ".join(span_text.lower().split()))


def _names_then_role(text: str, roles: list, after: list) -> list[_Segment] | None:
    """`Mr. A and Mr. B as executive Directors; Mr. C as ...`: names run from the previous role."""
    verbs = list(LIST_VERB.finditer(text, 0, after[0].start()))
    if not verbs:
        return None
    segments: list[_Segment] = []
    prev = verbs[-1].end()
    for span, m in zip(roles, after):
        role = _role_of(span.text)
        if role is None:
            return None
        titles = read_titles(m.group("titles")) if m.group("titles") else ()
        if titles is None or (titles == [] and m.group("titles")):
            return None
        segments.append(_Segment(prev, m.start(), role, bool(m.group("proposed")), tuple(titles)))
        prev = span.end_char
    return segments


def _role_then_names(folded: Folded, roles: list, before: list) -> list[_Segment] | None:
    """`three executive Directors, namely Mr. A and Mr. B; two ...`: names run to the next role."""
    text = folded.text
    segments: list[_Segment] = []
    for i, (span, m) in enumerate(zip(roles, before)):
        role = _role_of(span.text)
        if role is None:
            return None
        seg_start = span.end_char + m.end()
        seg_end = roles[i + 1].start_char if i + 1 < len(roles) else len(text)
        ends = [m.start() for m in (CLAUSE_BREAK.search(text, seg_start, seg_end),
                                    SENTENCE_END.search(text, seg_start, seg_end)) if m]
        seg_end = min(ends, default=seg_end)
        proposed = bool(PROPOSED_BEFORE.search(text, max(0, span.start_char - 20), span.start_char))
        listed = m.group().rstrip().endswith(":") and bool({seg_start, seg_start - 1} & folded.breaks)
        segments.append(_Segment(seg_start, seg_end, role, proposed, listed=listed))
    return segments


def _seats(ctx: DocContext, folded: Folded, segment: _Segment) -> list[Seat]:
    """The directors named in one role group, with their inline titles; doubtful names are skipped."""
    raw = folded.text[segment.start:segment.end]
    work = ENUMERATOR.sub(lambda m: " " * len(m.group()), raw)
    parens: list[tuple[int, str]] = []

    def blank(m: re.Match[str]) -> str:
        parens.append((m.start(), m.group()[1:-1]))
        return " " * len(m.group())

    work = PARENTHESIS.sub(blank, work)
    if segment.listed:
        cuts = {pos - segment.start for pos in folded.breaks if segment.start <= pos < segment.end}
        work = "".join(";" if i in cuts else ch for i, ch in enumerate(work))
    seats: list[Seat] = []
    surname: tuple[str, int, int] | None = None  # `Mr. Yim`, waiting for its given names after the comma
    for piece_start, piece_end, separator in _pieces(work):
        piece = work[piece_start:piece_end].strip()
        doc_start, doc_end = folded.doc_span(segment.start + piece_start, segment.start + piece_end)
        name = _piece_name(piece)
        if name is None or POST_NOMINAL.fullmatch(piece):
            continue
        if _joins_two_lines(folded, segment.start + piece_start, name):
            ctx.skip("directorship", f"names on two lines without separator {piece!r}", doc_start, doc_end)
            continue
        pending, surname = surname, None
        given = clean_person(name) if pending and separator == "," and not HONORIFIC_ANYWHERE.match(name) else None
        if pending and given:  # `Mr. Yim, Chi Hung Henry`: the surname, a comma, then the given names
            person, doc_start = f"{HONORIFIC_ANYWHERE.sub('', pending[0]).strip()}, {given}", pending[1]
        else:
            if pending:
                ctx.skip("directorship", f"unreadable name {pending[0]!r}", pending[1], pending[2])
            person = clean_person(name, forename_after_comma="," in name)
        if person is None:
            if HONORIFIC_ANYWHERE.match(name) and SINGLE_NAME.fullmatch(HONORIFIC_ANYWHERE.sub("", name)):
                surname = (name, doc_start, doc_end)
                continue
            else:
                ctx.skip("directorship", f"unreadable name {piece!r}", doc_start, doc_end)
                continue
        inners = [inner for pos, inner in parens if piece_start <= pos < piece_end + 2 and not ALIAS.match(inner)]
        titles = tuple(t for inner in inners for t in (read_titles(inner) or ()))
        role, proposed = (segment.role, segment.proposed) if segment.role else parenthesised_role(inners)
        if role is None:
            ctx.skip("directorship", f"no single role for {person!r}", doc_start, doc_end)
            continue
        seats.append(Seat(person, role, proposed, titles, doc_start, doc_end))
    if surname:
        ctx.skip("directorship", f"unreadable name {surname[0]!r}", surname[1], surname[2])
    return seats


def parenthesised_role(inners: list[str]) -> tuple[str | None, bool]:
    """(role, proposed) stated in a name's parentheses (`Chairman and executive Director`), or
    (None, False) unless exactly one role is stated."""
    found: set[tuple[str, bool]] = set()
    for inner in inners:
        for item in title_items(inner):
            phrase = re.sub(r"^(?:the|an?)\s+", "", item.lower())
            proposed = phrase.startswith("proposed ")
            role = ROLES.get(phrase.removeprefix("proposed "))
            if role:
                found.add((role, proposed))
    return next(iter(found)) if len(found) == 1 else (None, False)


def _joins_two_lines(folded: Folded, start: int, name: str) -> bool:
    """True when a name without honorific runs over a line break and both lines hold a full name:
    `Wang Jian` / `Liu Fang` listed one per line would otherwise read as one person."""
    if HONORIFIC_ANYWHERE.match(name):
        return False
    offset = folded.text.find(name, start)
    for pos in folded.breaks:
        cut = pos - offset
        if 0 < cut < len(name) and clean_person(name[:cut]) and clean_person(name[cut + 1:]):
            return True
    return False


def _pieces(work: str) -> list[tuple[int, int, str]]:
    """(start, end, separator before) of the text between name separators; a piece holding several
    honorifics (names listed one per line, no commas) is cut before each of them."""
    out: list[tuple[int, int, str]] = []
    prev, sep = 0, ""
    for m in NAME_SEPARATOR.finditer(work):
        out.append((prev, m.start(), sep))
        prev, sep = m.end(), m.group().strip()
    out.append((prev, len(work), sep))
    pieces: list[tuple[int, int, str]] = []
    for start, end, sep in out:
        cuts = [m.start() for m in HONORIFIC_ANYWHERE.finditer(work, start, end)][1:]
        for cut in cuts:
            pieces.append((start, cut, sep))
            start, sep = cut, ""
        pieces.append((start, end, sep))
    pieces = [p for p in pieces if work[p[0]:p[1]].strip()]
    merged: list[tuple[int, int, str]] = []
    for start, end, sep in pieces:
        word = work[start:end].strip()
        if (merged and sep == "," and SINGLE_NAME.fullmatch(word) and not POST_NOMINAL.fullmatch(word)
                and len(work[merged[-1][0]:merged[-1][1]].split()) >= 2 and not HONORIFIC_ANYWHERE.match(word)):
            merged[-1] = (merged[-1][0], end, merged[-1][2])  # `Chan Tai Man, Peter`: a forename after the comma
        else:
            merged.append((start, end, sep))
    return merged


def _piece_name(piece: str) -> str | None:
    """The name part of a piece: from its honorific on, or the whole piece if it is capitalised.

    Lower-case pieces (`three`, `the proposed`) are connective text, not names; a piece with
    capitalised words before its honorific is not read.
    """
    hon = HONORIFIC_ANYWHERE.search(piece)
    if hon:
        return piece[hon.start():] if not re.search(r"[A-Z]", piece[:hon.start()]) else piece
    return piece if piece[:1].isupper() else None

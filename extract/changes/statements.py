"""Change statements read by their structure: who, which change, which posts, and when.

A change statement is an honorific name (or a list of them) with a change verb, a list of posts and,
usually, a date phrase. Three shapes carry it, whatever the sentence around them says:

- the person as subject: `Mr. A ("Mr. A") has resigned as an executive Director and a member of the
  Remuneration Committee with effect from 28 February 2025`, `each of Ms. B and Mr. C ceased to be a member
  of the Audit Committee`, `Mr. D, an executive Director, passed away on 3 March 2026`, `Mr. E did not offer
  himself for re-election and retired as a Director upon the conclusion of the AGM`; a second verb of the same
  subject (`has resigned as ... and ceased to be ...`) and a gapped second subject (`..., and Ms. F as a
  non-executive Director`) are read too;
- the change as a noun: `the resignation of Mr. A as an executive Director`, `the re-designation of Mr. B
  from a non-executive Director to an executive Director`, `the passing away of Mr. D`;
- the board as subject: `the Board has appointed Mr. A as ...`, `the Board has resolved to appoint ...`.

The sentence is found around a change word with a regular expression over the raw text, folded (line breaks
and page furniture out, offsets kept) and its parentheses masked (aliases, defined terms, enumerators), so
the structure is read on one line. What reads as a change but is not one is left alone: a proposal or a
condition (`proposed`, `subject to the approval of the Shareholders`), a routine retirement by rotation with
re-election, a biography's post of another company (`as an executive director of ABC Limited in 2010`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from extract.changes.effective import OPENING_DATE, When, date_right_after, find_when
from extract.changes.posts import Post, PostList, read_posts, role_of
from extract.text.names import HONORIFIC, NAME_TOKEN, PAGE_JUNK, Folded, fold
from extract.text.patterns import NOT_AFTER_ABBREVIATION
from extract.text.vocab import NAME_STOPWORDS

# A word that may carry a change: where sentences are looked for;
# `changes` for a lead sentence dating the changes that follow it.
CUE = re.compile(r"appoint|resign|retir|designat|ceas|passed\s+away|passing\s+away|died|demise|remov|step(?:ped|s)?\s+"
                 r"down|(?<![\w-])elect|tender|\bchanges\b|with\s+effect\s+from", re.I)
# Sentence boundaries in raw text: a full stop before a capital (not after an honorific or an initial), a
# blank line, or a heading line in capitals (`APPOINTMENT OF EXECUTIVE DIRECTOR`).
BOUNDARY = re.compile(
    rf"{NOT_AFTER_ABBREVIATION}(?<![A-Z])\.(?=\s+[\"“(A-Z\d])|\n[ \t]*\n|^[ \t#*]*[A-Z][A-Z0-9 ,;:&/()'’\-–]{{6,}}[ \t*]*$",
    re.M)
#: Longest sentence read, in characters of raw text (a longer one is cut around its change word).
SENTENCE_LIMIT = 2500
PARENTHESIS = re.compile(r"\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\]")
NAME = re.compile(rf"(?<![\w.])(?:{HONORIFIC})+(?P<name>{NAME_TOKEN}(?: {NAME_TOKEN}){{0,5}})")
_STOP = {w.lower() for w in NAME_STOPWORDS} | {"as", "with", "upon", "has", "have", "was", "will", "who", "from"}
# Between two names of one list.
NAME_JOIN = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*|\s+as\s+well\s+as\s+)\s*$")
EACH_OF = re.compile(r"(?:\b(?:each|both|all)\s+of\s+|\bboth\s+)$", re.I)

# The change as a noun before the names: `the resignation of`, `the proposed appointment of`.
NOUN_BEFORE = re.compile(
    r"\b(?P<proposed>proposed\s+)?(?<![\w-])(?P<noun>appointment|election|resignation|retirement|re-?designation|removal|"
    r"passing\s+away|death|demise)s?\s+of\s+(?:(?:each|both|all)\s+of\s+)?$", re.I)
# The board (or the shareholders) as subject before the names: `the Board has appointed`.
ACTIVE_BEFORE = re.compile(
    r"\b(?:Board|Company|it|Directors|Shareholders|shareholders)\s+(?:has\s+|have\s+|had\s+)?(?:(?:resolved|decided|"
    r"agreed|proposes|proposed|propose|intends)\s+to\s+|hereby\s+|also\s+)?(?P<verb>appointed|appoint|re-?designated|re-?designate|removed|remove|elected|"
    r"elect)\s+(?:(?:each|both|all)\s+of\s+)?$")
_NOUNS = {"appointment": "appointed", "election": "appointed", "resignation": "resigned", "retirement": "retired",
          "re-designation": "redesignated", "redesignation": "redesignated", "removal": "removed",
          "passing away": "deceased", "death": "deceased", "demise": "deceased"}

# An apposition after the names giving their posts: `Mr. A, an executive Director, has ...`.
APPOSITION_OPEN = re.compile(r"\s*,\s*(?:who\s+is\s+|being\s+)?(?=(?:an?|the|our)\s)", re.I)
APPOSITION_CLOSE = re.compile(r"\s*,\s*")
# A date phrase set off between the subject and its verb: `Mr. A has, with effect from 1 March 2026, resigned`.
AUX = (r"\s*(?:,\s*)?(?:who\s+)?(?:(?:has|have|had|was|were|is|are|will|shall|would|may)\s+)?(?:,\s*(?:with|effective)"
       r"[^,]{4,60}?,\s*)?(?:(?:also|been|be|formally|officially|duly|accordingly|now|hereby|just|then|subsequently|"
       r"concurrently|consequently|each|respectively)\s+)*")
_NOT_REELECTED = (r"(?:(?:did|does|do|will|would|shall)\s+not|(?:has|have|had)\s+decided\s+not\s+to|decided\s+not\s+to|"
                  r"(?:has|have)\s+indicated\s+that\s+(?:he|she|they)\s+will\s+not)\s+(?:offer\s+(?:himself|herself|"
                  r"themselves)\s+for|stand\s+for|seek)\s+re-?election|(?:was|were|has\s+not\s+been|have\s+not\s+been)"
                  r"\s+not\s+re-?elected|(?:was|were)\s+not\s+re-?elected")
# `has informed the Board that he will retire`, `has decided to step down`: the verb the intention names.
_INTENDS = (r"(?:(?:has|have|had)\s+(?:informed|notified)\s+the\s+Board\s+(?:of\s+(?:his|her|their)\s+(?:intention|decision)\s+"
            r"to|that\s+(?:he|she|they)\s+(?:will|would|intends?\s+to|has\s+decided\s+to|have\s+decided\s+to))|(?:has|have)\s+"
            r"decided\s+to|(?:intends|intend)\s+to)\s+")
VERB = re.compile(
    rf"\s*(?:,\s*(?:who\s+)?)?(?P<notre>{_NOT_REELECTED})|\s*(?:,\s*)?{_INTENDS}(?P<intends>resign|retire|step\s+down)\b|"
    rf"{AUX}(?P<verb>appointed|(?<![\w-])elected|re-?designated|"
    r"resigned|resign|tendered\s+(?:his|her|their)\s+resignations?|stepped\s+down|step\s+down|ceased|cease|retired|"
    r"retire|removed|passed\s+away|died)\b", re.I)
# The change as a noun after the names: `Mr. A's resignation as an executive Director`.
NOUN_AFTER = re.compile(r"['’]s\s+(?P<noun>appointment|resignation|retirement|re-?designation|redesignation|removal)"
                        r"(?=\s+(?:as|from)\s)", re.I)
_VERBS = {"appointed": "appointed", "elected": "appointed", "resigned": "resigned", "resign": "resigned",
          "stepped down": "resigned", "step down": "resigned", "ceased": "ceased", "cease": "ceased",
          "retired": "retired", "retire": "retired", "removed": "removed", "passed away": "deceased",
          "died": "deceased", "redesignated": "redesignated", "re-designated": "redesignated"}
# What joins a verb to its posts, by change.
TO_POSTS = {
    "appointed": re.compile(r"\s+(?:to\s+the\s+Board\s+)?(?:as|to\s+be|to\s+serve\s+as|to\s+act\s+as|to\s+the\s+"
                            r"(?:positions?|offices?|roles?)\s+of)\s+", re.I),
    "departure": re.compile(r"\s+(?:by\s+rotation\s+)?(?:as|to\s+be|to\s+act\s+as|to\s+hold\s+(?:the\s+)?(?:office|"
                            r"position)\s+(?:of|as)|from\s+(?:(?:his|her|their|the)\s+)?(?:positions?|offices?|roles?|"
                            r"posts?|duties)\s+(?:as|of)|from\s+office\s+as|from(?=\s+the\s+Board\b))\s+", re.I),
    "redesignated": re.compile(r"\s+(?:as|to)\s+", re.I),
}
REDESIGNATED_FROM = re.compile(r"\s+from\s+", re.I)
REDESIGNATED_TO = re.compile(r"\s+to\s+(?:be\s+|the\s+position\s+of\s+)?", re.I)
RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b", re.I)
# A second verb of the same subject after the posts: `... and ceased to be the chief executive officer`.
CONJOINED = re.compile(rf"\s*(?:,\s*)?(?:and|but|while)\s+(?=(?:{AUX})(?:appointed|resigned|ceased|retired|removed|"
                       r"re-?designated|stepped\s+down|tendered|will|has|have))", re.I)
# A gapped second subject: `..., and Ms. F as a non-executive Director`.
GAP_BEFORE = re.compile(r"(?:,\s*|\s+)(?:and|while)\s+$|,\s*$", re.I)
GAP_AS = re.compile(r"\s+as\s+", re.I)
# A role the person keeps: `and will remain as an executive Director`.
REMAINS = re.compile(r"\b(?:remain|remains|continue\s+to\s+(?:be|serve\s+as)|continues\s+to\s+(?:be|serve\s+as))\s+"
                     r"(?:as\s+)?(?:an?\s+|the\s+)?(?P<role>(?:independent\s+)?(?:non-?\s*)?executive\s+[Dd]irector)",
                     re.I)
# A sentence dating a change stated before it: `Her resignation took effect on 28 June 2024`, `The appointment of
# Mr. A will take effect from 1 May 2026`.
TAKES_EFFECT = re.compile(
    r"\b(?:(?:his|her|their|such|the)\s+)(?:proposed\s+)?(?P<ref>appointment|resignation|retirement|re-?designation|"
    r"removal)s?(?:\s+of\s+(?P<of>(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Madam|Sir)\.?\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z]"
    r"[\w'’-]*){0,4})))?\s+(?:(?:will|shall|would)\s+(?:take|become)|took|takes|became|becomes|has\s+taken|had\s+taken)"
    r"\s+effect(?:ive)?\b", re.I)
# A proposal or a condition: not (yet) a change.
CONDITIONAL = re.compile(
    r"\bsubject\s+to\s+(?:the\s+)?(?:approval|passing|obtaining|shareholders|Shareholders|consideration|election|"
    r"the\s+Shareholders)|\bconditional\s+(?:up)?on\b|\bif\s+(?:elected|appointed|approved|re-?elected)\b|\bproposed\s+"
    r"(?:to\s+be\s+)?(?:appointed|elected)\b|\b(?:is|be|been|are)\s+proposed\b|\bpropose[sd]?\s+to\b|\bnominated\b|"
    r"\bwill\s+be\s+put\s+forward\b", re.I)
# Re-election after retiring by rotation: the director stays (no change).
REELECTED = re.compile(r"(?<!not )(?<!not to )\b(?:offer(?:ed|s)?\s+(?:himself|herself|themselves)\s+for\s+re-?election|"
                       r"(?:was|were|been|be|being|is|are)\s+re-?elected|re-?elected\s+as)\b", re.I)
NOT_REELECTED = re.compile(rf"{_NOT_REELECTED}|\bnot\s+(?:to\s+)?(?:offer|seek|stand)\b", re.I)
BY_ROTATION = re.compile(r"\bby\s+rotation\b", re.I)
# A biography's past post dated only by a year (`was appointed as ... in 2010`, `since 2018`).
YEAR_ONLY = re.compile(r"\b(?:in|since|from|during)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b")
AGED = re.compile(r"\baged\s+\d{2}\b", re.I)
# Causes a `ceased to be` statement may state, for the kind of change it is.
CEASED_CAUSE = (("deceased", re.compile(r"\bpass(?:ed|ing)\s+away\b|\bdeath\b|\bdemise\b|\bdeceased\b", re.I)),
                ("removed", re.compile(r"\bremov(?:ed|al)\b", re.I)),
                ("retired", re.compile(r"\bretir\w*|\bre-?election\b", re.I)))


@dataclass(frozen=True)
class Named:
    """A name as written in the folded sentence (honorific dropped) and where it is."""

    name: str
    start: int
    end: int


@dataclass
class Statement:
    """One change of one or more people, as the sentence states it (names not yet resolved)."""

    people: tuple[Named, ...]
    change: str
    posts: tuple[Post, ...]
    start: int
    end: int
    when: When | None = None
    respectively: bool = False
    role_hint: str | None = None
    skip: str | None = None
    #: For `ceased to be ...`: the kind of change its sentence gives as the cause (`upon his retirement`).
    cause: str | None = None
    #: Statements of one anchor (one subject and its verbs) share a number within their sentence.
    group: int = 0


@dataclass
class Sentence:
    """A sentence holding change words: its statements and the date phrase that opens it."""

    start: int
    end: int
    folded: Folded
    statements: list[Statement] = field(default_factory=list)
    lead: When | None = None
    #: `Her resignation took effect on ...`: (the change referred to, the person named if any).
    dates_before: tuple[str, str | None] | None = None

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        return self.folded.doc_span(start, end)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the raw text's sentences that hold a change word, each once, in order."""
    bounds: list[int] | None = None
    last_end = -1
    for cue in CUE.finditer(text):
        if cue.start() < last_end:
            continue
        if bounds is None:
            bounds = sorted({p for m in BOUNDARY.finditer(text) for p in (m.start(), m.end())})
        i = bisect_right(bounds, cue.start())
        start = bounds[i - 1] if i else 0
        end = bounds[i] if i < len(bounds) else len(text)
        if end - start > SENTENCE_LIMIT:
            start, end = max(start, cue.start() - SENTENCE_LIMIT // 2), min(end, cue.start() + SENTENCE_LIMIT // 2)
        last_end = end
        yield start, end


def read_sentence(text: str, start: int, end: int) -> Sentence:
    """The change statements of one sentence (with their own date phrases, not yet resolved)."""
    folded = fold(text, start, end)
    sentence = Sentence(start, end, folded)
    masked = PARENTHESIS.sub(lambda m: " " * len(m.group()), folded.text)
    masked = PAGE_JUNK.sub(lambda m: " " * len(m.group()), masked)
    groups = _name_groups(masked)
    anchors: list[tuple[int, list[Statement]]] = []
    taken = -1
    for i, group in enumerate(groups):
        if group[0].start < taken:
            continue
        limit = groups[i + 1][0].start if i + 1 < len(groups) else len(masked)
        found = _anchored(masked, group, anchors, limit)
        if found:
            for st in found:
                st.group = len(anchors)
            anchors.append((found[0].start, found))
            taken = max(s.end for s in found)
    statements = [s for _, group in anchors for s in group]
    for k, st in enumerate(statements):
        nxt = next((s.start for s in statements[k + 1:] if s.start > st.end), len(masked))
        if st.when is None:
            st.when = find_when(masked, st.end, nxt)
        _check(masked, st, nxt)
    if statements:
        first = statements[0].start
        opening = OPENING_DATE.match(masked)
        lead = find_when(masked, 0, first)
        if opening:
            lead = find_when(masked, opening.start(), opening.end())
        elif lead is not None and lead.kind == "date" and not re.match(r"\s*(?:with|effective|w\.e\.f|as\s+from)",
                                                                       masked[lead.start:], re.I):
            lead = None  # a bare `on DATE` before the names dates something else
        wide = [s.when for s in statements if s.when is not None and s.when.sentence_wide]
        sentence.lead = wide[0] if wide else lead
    else:
        sentence.lead = find_when(masked, 0, len(masked))
        follow = TAKES_EFFECT.search(masked)
        if follow:
            sentence.lead = date_right_after(masked, follow.end())
            ref = " ".join(follow.group("ref").lower().replace("redesignation", "re-designation").split())
            sentence.dates_before = (_NOUNS[ref], follow.group("of"))
    sentence.statements = statements
    return sentence


def _name_groups(masked: str) -> list[list[Named]]:
    """Honorific names of the sentence, in lists (`Mr. A, Ms. B and Dr. C`)."""
    names: list[Named] = []
    for m in NAME.finditer(masked):
        words = m.group("name").split(" ")
        kept: list[str] = []
        for word in words:
            if word.lower() in _STOP:
                break
            if word.endswith(("'s", "’s")):  # `Mr. A's resignation`
                kept.append(word[:-2])
                break
            kept.append(word)
        if kept:
            name = " ".join(kept)
            names.append(Named(name, m.start(), m.start("name") + len(name)))
    groups: list[list[Named]] = []
    for n in names:
        if groups and NAME_JOIN.fullmatch(masked[groups[-1][-1].end:n.start]) and masked[groups[-1][-1].end:n.start]:
            groups[-1].append(n)
        else:
            groups.append([n])
    return groups


def _anchored(masked: str, group: list[Named], anchors: list[tuple[int, list[Statement]]],
              limit: int) -> list[Statement] | None:
    """The statements a list of names anchors: subject, noun or object of a change; a gapped subject."""
    people = tuple(group)
    before = masked[max(0, group[0].start - 120):group[0].start]
    noun = NOUN_BEFORE.search(before)
    if noun:
        change = _NOUNS[" ".join(noun.group("noun").lower().replace("redesignation", "re-designation").split())]
        start = group[0].start - (len(before) - noun.start())
        found = _with_posts(masked, people, change, group[-1].end, start, optional=change == "deceased")
        if found and noun.group("proposed"):
            found[0].skip = "a proposed change"
        return found
    active = ACTIVE_BEFORE.search(before)
    if active:
        verb = active.group("verb").lower()
        change = "appointed" if verb.startswith(("appoint", "elect")) else \
            "redesignated" if "designat" in verb else "removed"
        start = group[0].start - (len(before) - active.start())
        return _with_posts(masked, people, change, group[-1].end, start)
    pos = group[-1].end
    possessive = NOUN_AFTER.match(masked, pos)
    if possessive:
        change = _NOUNS[" ".join(possessive.group("noun").lower().replace("redesignation", "re-designation").split())]
        return _with_posts(masked, people, change, possessive.end(), group[0].start)
    role_hint = None
    app = APPOSITION_OPEN.match(masked, pos)
    if app:
        posts = read_posts(masked, app.end())
        close = APPOSITION_CLOSE.match(masked, posts.end)
        if posts.posts and close and not posts.foreign:
            role_hint = next((p.role for p in posts.posts if p.kind == "seat" and p.role), None)
            pos = close.end() - 1
    verb = VERB.match(masked, pos)
    if verb:
        return _subject_statements(masked, people, verb, group[0].start, role_hint, limit)
    gapped = _gapped(masked, group, anchors)
    return gapped


def _subject_statements(masked: str, people: tuple[Named, ...], verb: re.Match[str], start: int,
                        role_hint: str | None, limit: int) -> list[Statement] | None:
    """`Mr. A has resigned as ... (with effect from ...) and ceased to be ...`: one statement per verb, up to
    `limit` (the next names)."""
    out: list[Statement] = []
    while verb:
        if verb.group("notre"):
            change, optional = "retired", True
        elif verb.group("intends"):
            change = "retired" if verb.group("intends").lower().startswith("retire") else "resigned"
            optional = change == "retired"
        else:
            written = " ".join(verb.group("verb").lower().split())
            if written.startswith("tendered"):
                written = "resigned"
            change = _VERBS.get(written.replace("re-designated", "redesignated"), "redesignated"
                                if "designat" in written else "resigned")
            optional = change in ("deceased", "retired")
        mid = re.search(r",\s*((?:with|effective)[^,]{4,60}?),", verb.group(0))
        found = _with_posts(masked, people, change, verb.end(), start, optional=optional)
        if not found:
            break
        st = found[0]
        if mid:
            st.when = find_when(masked, verb.start() + mid.start(1), verb.start() + mid.end(1))
        st.role_hint = st.role_hint or role_hint
        out.append(st)
        conj = next((m for m in CONJOINED.finditer(masked, st.end, limit)
                     if not re.search(r"[;.]", masked[st.end:m.start()])), None)
        if not conj:
            break
        verb = VERB.match(masked, conj.end())
        start = conj.end()
    return out or None


def _with_posts(masked: str, people: tuple[Named, ...], change: str, pos: int, start: int,
                optional: bool = False) -> list[Statement] | None:
    """The statement whose posts follow `pos`; `optional` changes (a death, a retirement) may name none."""
    if change == "redesignated":
        return _redesignation(masked, people, pos, start)
    key = "appointed" if change == "appointed" else "departure"
    joint = TO_POSTS[key].match(masked, pos)
    posts = read_posts(masked, joint.end()) if joint else PostList((), pos)
    if posts.foreign:
        return None
    if not posts.posts:
        if not optional:
            return None
        posts = PostList((Post("seat"),), pos)
    st = Statement(people, change, posts.posts, start, posts.end)
    resp = RESPECTIVELY.match(masked, posts.end)
    if resp:
        st.respectively, st.end = True, resp.end()
    return [st]


def _redesignation(masked: str, people: tuple[Named, ...], pos: int, start: int) -> list[Statement] | None:
    """`re-designated from a non-executive Director to an executive Director` (or `as ...`): the new posts."""
    frm = REDESIGNATED_FROM.match(masked, pos)
    if frm:
        old = read_posts(masked, frm.end())
        to = REDESIGNATED_TO.match(masked, old.end)
        if not old.posts or not to or old.foreign:
            return None
        pos = to.end()
    else:
        joint = TO_POSTS["redesignated"].match(masked, pos)
        if not joint:
            return None
        pos = joint.end()
    new = read_posts(masked, pos)
    if not new.posts or new.foreign:
        return None
    return [Statement(people, "redesignated", new.posts, start, new.end)]


def _gapped(masked: str, group: list[Named], anchors: list[tuple[int, list[Statement]]]) -> list[Statement] | None:
    """`Mr. A has been appointed as X, and Ms. B as Y`: Ms. B takes the verb of the statement just before."""
    if not anchors:
        return None
    previous = anchors[-1][1][-1]
    if not GAP_BEFORE.fullmatch(masked[previous.end:group[0].start]):
        return None
    joint = GAP_AS.match(masked, group[-1].end)
    if not joint:
        return None
    posts = read_posts(masked, joint.end())
    if not posts.posts or posts.foreign:
        return None
    st = Statement(tuple(group), previous.change, posts.posts, group[0].start, posts.end)
    if re.search(r"\b(?:chair\w*|members?)\s*$", masked[previous.start:previous.end], re.I) and \
            any(p.kind == "committee" for p in posts.posts):
        previous.skip = st.skip = "gapped posts: a bare position before another person's committee"
    return [st]


def _check(masked: str, st: Statement, clause_end: int) -> None:
    """Mark statements that are no change: proposals, conditions, re-elections, biographies' past posts."""
    clause = masked[st.start:clause_end]
    if st.skip:
        return
    if CONDITIONAL.search(clause):
        st.skip = "a proposed or conditional change"
    elif st.change == "retired" and REELECTED.search(clause) and not NOT_REELECTED.search(clause):
        st.skip = "retired by rotation and re-elected"
    elif st.change == "retired" and BY_ROTATION.search(clause) and not NOT_REELECTED.search(clause) \
            and st.posts == (Post("seat"),) and (st.when is None or st.when.kind != "meeting"):
        st.skip = "retirement by rotation without its outcome"
    elif YEAR_ONLY.search(clause) and (st.when is None or st.when.kind not in ("date", "immediate")):
        st.skip = "a past post dated by the year only (a biography)"
    elif AGED.search(masked) and st.when is None:
        st.skip = "a biography"
    if st.change == "ceased":
        st.cause = next((kind for kind, cause in CEASED_CAUSE if cause.search(masked)), None)
    remains = REMAINS.search(clause)
    if remains and not st.role_hint:
        st.role_hint = role_of(remains.group("role"))

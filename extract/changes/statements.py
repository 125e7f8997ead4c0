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
from extract.text.names import HONORIFIC, HONORIFIC_WORDS, NAME_TOKEN, PAGE_JUNK, POST_NOMINAL, Folded, fold
from extract.text.patterns import ABBREVIATIONS
from extract.text.vocab import NAME_STOPWORDS

# A word that may carry a change: where sentences are looked for; `changes` and `with effect from` for a lead
# sentence dating the changes that follow it. Scanned on the lower-cased text (much faster than ignoring case).
_CUE = (r"appoint|resign|retir|designat|ceas|pass(?:ed|ing)\s+away|died|demise|remov|step(?:ped|s)?\s+down|elect|"
        r"tender|changes|with\s+effect\s+from")
CUE = re.compile(_CUE, re.I)
CUE_LOWER = re.compile(_CUE)
# Sentence boundaries in raw text: a full stop before a capital (not after an honorific, a company form or an
# initial), a blank line, or a heading line in capitals (`APPOINTMENT OF EXECUTIVE DIRECTOR`). Scanned as three
# cheap patterns; the full stop's word is checked after.
FULL_STOP = re.compile(r"\.(?=\s+[\"“A-Z\d])")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
HEADING_LINE = re.compile(r"^[ \t#*]*[A-Z][A-Z0-9 ,;:&/()'’\-–]{6,}[ \t*]*$", re.M)
NO_STOP_AFTER = frozenset(ABBREVIATIONS) | {"Co", "Ltd", "Inc", "Corp", "Bhd"}
_WORD_BEFORE = re.compile(r"(\w+)$")
#: Longest sentence read, in characters of raw text (a longer one is cut around its change word).
SENTENCE_LIMIT = 2500
PARENTHESIS = re.compile(r"\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\]")
NAME = re.compile(rf"(?<![\w.])(?:{HONORIFIC})+(?P<name>{NAME_TOKEN}(?: {NAME_TOKEN}){{0,5}})")
# An English forename after the name and a comma: `Ms. Leung Wing Sze, Winnie ("Ms. Leung") has ...`.
FORENAME = re.compile(r",[ ]?(?P<fore>[A-Z][a-z]+)(?=\s*(?:[,;.]|$)|\s{2,}|\s+(?:and|has|have|had|was|were|is|are|will|"
                      r"shall|who|as|passed|resigned|retired|ceased|did)\b)")
# Honours after a name: `Mr. Kwok Hon Sang, BBS, JP`.
POST_NOMINALS_AFTER = re.compile(rf"(?:,?[ ]?\b{POST_NOMINAL.pattern}(?![\w.]))+")
# A subject pronoun (resolved by the reader to the one person the sentence, or the one before, names).
PRONOUN = re.compile(r"(?<![\w'’])(?:he|she|He|She)\b")
_STOP = {w.lower() for w in NAME_STOPWORDS} | {"as", "with", "upon", "has", "have", "was", "will", "who", "from"}
# Between two names of one list.
NAME_JOIN = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*|\s+as\s+well\s+as\s+)\s*$")
EACH_OF = re.compile(r"(?:\b(?:each|both|all)\s+of\s+|\bboth\s+)$", re.I)

# The change as a noun before the names: `the resignation of`, `the proposed appointment of`.
NOUN_BEFORE = re.compile(
    r"\b(?P<proposed>proposed\s+)?(?<![\w-])(?P<noun>appointment|election|resignation|retirement|re-?designation|removal|"
    r"passing(?:\s+away)?|death|demise)s?\s+of\s+(?:(?:each|both|all)\s+of\s+)?$", re.I)
# The board (or the shareholders) as subject before the names: `the Board has appointed`.
ACTIVE_BEFORE = re.compile(
    r"\b(?:Board|Company|it|Directors|Shareholders|shareholders)\s+(?:has\s+|have\s+|had\s+)?(?:(?:resolved|decided|"
    r"agreed|proposes|proposed|propose|intends)\s+to\s+|hereby\s+|also\s+)?(?P<verb>appointed|appoint|re-?designated|re-?designate|removed|remove|elected|"
    r"elect)\s+(?:(?:each|both|all)\s+of\s+)?$")
_NOUNS = {"appointment": "appointed", "election": "appointed", "resignation": "resigned", "retirement": "retired",
          "re-designation": "redesignated", "redesignation": "redesignated", "removal": "removed",
          "passing away": "deceased", "passing": "deceased", "death": "deceased", "demise": "deceased"}

# An apposition after the names giving their posts: `Mr. A, an executive Director, has ...`.
APPOSITION_OPEN = re.compile(r"\s*,\s*(?:who\s+is\s+|being\s+)?(?:(?:currently|presently|formerly|also)\s+)?"
                             r"(?=(?:an?|the|our)\s)", re.I)
# Other asides between the names and the verb: `, aged 48,`, `, who has led the Company since 1988,`.
AGED_ASIDE = re.compile(r"\s*,\s*aged\s+(?:about\s+)?\d{2}(?=\s*,)", re.I)
WHO_ASIDE = re.compile(r"\s*,\s*who\s+[^,;]{3,150}?(?=,)", re.I)
APPOSITION_CLOSE = re.compile(r"\s*,\s*")
# A date phrase set off between the subject and its verb: `Mr. A has, with effect from 1 March 2026, resigned`.
AUX = (r"\s*(?:,\s*)?(?:who\s+)?(?:(?:has|have|had|was|were|is|are|will|shall|would|may)\s+)?(?:,\s*(?:with|effective)"
       r"[^,]{4,60}?,\s*)?(?:(?:also|been|be|formally|officially|duly|accordingly|now|hereby|just|then|subsequently|"
       r"concurrently|consequently|each|respectively|[a-z]+ly)\s+)*")
_NOT_REELECTED = (r"(?:(?:did|does|do|will|would|shall)\s+not|(?:has|have|had)\s+decided\s+not\s+to|decided\s+not\s+to|"
                  r"(?:has|have)\s+indicated\s+that\s+(?:he|she|they)\s+will\s+not)\s+(?:offer\s+(?:himself|herself|"
                  r"themselves)\s+for|stand\s+for|seek)\s+re-?election|(?:was|were|has\s+not\s+been|have\s+not\s+been)"
                  r"\s+not\s+re-?elected|(?:was|were)\s+not\s+re-?elected")
# `has informed the Board that he will retire`, `has decided to step down`: the verb the intention names.
_INTENDS = (r"(?:(?:has|have|had)\s+(?:informed|notified)\s+the\s+Board\s+(?:of\s+(?:his|her|their)\s+(?:intention|decision)\s+"
            r"to|that\s+(?:he|she|they)\s+(?:will|would|intends?\s+to|has\s+decided\s+to|have\s+decided\s+to))|(?:has|have)\s+"
            r"decided\s+to|(?:intends|intend)\s+to)\s+")
# Whom a successor succeeds: `will succeed Mr. A as the chairman`.
_SOMEONE = r"(?:(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Madam|Sir)\.?\s+(?-i:[A-Z][\w'’-]*(?:,?\s+[A-Z][\w'’-]*){0,4})|him|her)"
VERB = re.compile(
    rf"\s*(?:,\s*(?:who\s+)?)?(?P<notre>{_NOT_REELECTED})|\s*(?:,\s*)?{_INTENDS}(?P<intends>resign|retire|step\s+down)\b|"
    rf"{AUX}(?:(?P<serve>(?:serve|act)\s+as|become|became)|(?P<succeed>succeed(?:ed|s)?)\s+{_SOMEONE}\s+as|"
    r"(?P<relinquish>relinquish(?:ed|es)?)\s+(?:(?:his|her|their)\s+)?(?:roles?|positions?|offices?|posts?)\s+as|"
    r"(?P<verb>appointed|(?<![\w-])elected|re-?designated|"
    r"resigned|resign|tendered\s+(?:his|her|their)\s+resignations?|stepped\s+down|step\s+down|ceased|cease|retired|"
    r"retire|removed|passed\s+away|died))\b", re.I)
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
    "direct": re.compile(r"\s*"),
}
REDESIGNATED_FROM = re.compile(r"\s+from\s+", re.I)
REDESIGNATED_TO = re.compile(r"\s+to\s+(?:be\s+|the\s+position\s+of\s+)?", re.I)
RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b", re.I)
# A second verb of the same subject after the posts: `... and ceased to be the chief executive officer`.
CONJOINED = re.compile(rf"\s*(?:,\s*)?(?:and|but|while)\s+(?=(?:{AUX})(?:appointed|resigned|ceased|retired|removed|"
                       r"re-?designated|stepped\s+down|tendered|relinquish\w*|became|become|will|has|have))", re.I)
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
    #: A subject pronoun (`he`, `she`): the reader resolves it to the one person named around it.
    pronoun: bool = False


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
    #: Stated in the simple past (`was appointed`), as biographies state a post held before.
    past: bool = False
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
    #: The honorific names of the sentence, in order (a pronoun subject is one of them).
    names: list[Named] = field(default_factory=list)
    #: `Her resignation took effect on ...`: (the change referred to, the person named if any).
    dates_before: tuple[str, str | None] | None = None

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        return self.folded.doc_span(start, end)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the raw text's sentences that hold a change word, each once, in order."""
    bounds: list[int] | None = None
    lowered = text.lower()
    scan, haystack = (CUE_LOWER, lowered) if len(lowered) == len(text) else (CUE, text)
    cue = scan.search(haystack)
    while cue:
        if bounds is None:
            bounds = _boundaries(text)
        i = bisect_right(bounds, cue.start())
        start = bounds[i - 1] if i else 0
        end = bounds[i] if i < len(bounds) else len(text)
        if end - start > SENTENCE_LIMIT:
            start, end = max(start, cue.start() - SENTENCE_LIMIT // 2), min(end, cue.start() + SENTENCE_LIMIT // 2)
        yield start, end
        cue = scan.search(haystack, max(end, cue.end()))


# What a sentence needs to state a change or date one: a named person, a subject pronoun, an `effect` phrase.
WORTH_READING = re.compile(rf"(?<![\w.])(?:{HONORIFIC})|\b(?:[Hh]e|[Ss]he)\b|effect")


def worth_reading(text: str, start: int, end: int) -> bool:
    """A cheap test before a sentence is folded and read."""
    return WORTH_READING.search(text, start, end) is not None


def _boundaries(text: str) -> list[int]:
    """Sorted offsets where sentences start or end."""
    out: set[int] = set()
    for m in FULL_STOP.finditer(text):
        word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if word and (word.group(1) in NO_STOP_AFTER or (len(word.group(1)) == 1 and word.group(1).isupper())):
            continue
        out.update((m.start(), m.end()))
    for pattern in (BLANK_LINE, HEADING_LINE):
        for m in pattern.finditer(text):
            out.update((m.start(), m.end()))
    return sorted(out)


def read_sentence(text: str, start: int, end: int, issuer_names: tuple[str, ...] = ()) -> Sentence:
    """The change statements of one sentence (with their own date phrases, not yet resolved); `issuer_names` are
    the issuer's names, so that `an executive director of <the issuer>` is the issuer's post."""
    folded = fold(text, start, end)
    sentence = Sentence(start, end, folded)
    masked = PARENTHESIS.sub(lambda m: " " * len(m.group()), folded.text)
    masked = PAGE_JUNK.sub(lambda m: " " * len(m.group()), masked)
    masked = _issuer_as_company(masked, issuer_names)
    names = _names(masked)
    sentence.names = [n for n in names if not n.pronoun]
    groups = _name_groups(names, masked)
    anchors: list[tuple[int, list[Statement]]] = []
    taken = -1
    for i, group in enumerate(groups):
        if group[0].start < taken:
            continue
        found = _anchored(masked, group, anchors, [g[0].start for g in groups[i + 1:]])
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
        if st.when is None:  # `Following the passing of Mr. Kwok, he ceased to be ...`
            before = find_when(masked, 0, st.start)
            st.when = before if before is not None and before.kind == "upon" else None
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


def _issuer_as_company(masked: str, issuer_names: tuple[str, ...]) -> str:
    """`of Xinhua Yuntong Logistics Co., Ltd.` -> `of the Company` (padded to the same length, offsets kept)."""
    for name in issuer_names:
        if name.split()[0].lower() not in masked.lower():
            continue
        pattern = r"\bof\s+(?:the\s+)?" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w])"
        for m in list(re.finditer(pattern, masked, re.I)):
            if len(m.group()) >= len("of the Company"):
                masked = masked[:m.start()] + "of the Company".ljust(len(m.group())) + masked[m.end():]
    return masked


def _names(masked: str) -> list[Named]:
    """Honorific names of the sentence (`Mr. Kwok Hon Sang, BBS, JP`, `Ms. Leung Wing Sze, Winnie`), and the
    subject pronouns (`he`, `she`) a change may have, in order."""
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
        if not kept:
            continue
        name = " ".join(kept)
        end = m.start("name") + len(name)
        if len(kept) == len(words):
            fore = FORENAME.match(masked, end)
            if fore and fore.group("fore").lower() not in _STOP and fore.group("fore") not in HONORIFIC_WORDS:
                name, end = f"{name}, {fore.group('fore')}", fore.end()
            honours = POST_NOMINALS_AFTER.match(masked, end)
            if honours:
                end = honours.end()
        names.append(Named(name, m.start(), end))
    names += [Named("", m.start(), m.end(), pronoun=True) for m in PRONOUN.finditer(masked)
              if VERB.match(masked, m.end())]
    return sorted(names, key=lambda n: n.start)


def _name_groups(names: list[Named], masked: str) -> list[list[Named]]:
    """Names in lists (`Mr. A, Ms. B and Dr. C`); a run joined by commas alone is no list (`Following the
    retirement of Mr. A, Mr. B, an executive Director, has been ...`), so its names stand alone."""
    groups: list[list[Named]] = []
    for n in names:
        between = masked[groups[-1][-1].end:n.start] if groups else ""
        if groups and between and not n.pronoun and not groups[-1][-1].pronoun and NAME_JOIN.fullmatch(between):
            groups[-1].append(n)
        else:
            groups.append([n])
    out: list[list[Named]] = []
    for group in groups:
        last_join = masked[group[-2].end:group[-1].start] if len(group) > 1 else ""
        if len(group) > 1 and not re.search(r"\band\b|&|\bas\s+well\s+as\b", last_join):
            out += [[n] for n in group]
        else:
            out.append(group)
    return out


def _anchored(masked: str, group: list[Named], anchors: list[tuple[int, list[Statement]]],
              later: list[int]) -> list[Statement] | None:
    """The statements a list of names anchors: subject, noun or object of a change; a gapped subject."""
    people = tuple(group)
    if group[0].pronoun:
        verb = VERB.match(masked, group[0].end)
        return _subject_statements(masked, people, verb, group[0].start, None, later) if verb else None
    before = masked[max(0, group[0].start - 120):group[0].start]
    noun = NOUN_BEFORE.search(before)
    if noun:
        change = _NOUNS[" ".join(noun.group("noun").lower().replace("redesignation", "re-designation").split())]
        start = group[0].start - (len(before) - noun.start())
        return _with_posts(masked, people, change, group[-1].end, start, optional=change == "deceased")
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
    for _ in range(3):
        aside = AGED_ASIDE.match(masked, pos) or WHO_ASIDE.match(masked, pos)
        if aside and not CUE.search(aside.group()):
            pos = aside.end()
            continue
        app = APPOSITION_OPEN.match(masked, pos)
        posts = read_posts(masked, app.end()) if app else None
        close = APPOSITION_CLOSE.match(masked, posts.end) if posts else None
        if not (posts and posts.posts and close and not posts.foreign):
            break
        role_hint = role_hint or next((p.role for p in posts.posts if p.kind == "seat" and p.role), None)
        pos = posts.end
    verb = VERB.match(masked, pos)
    if verb:
        return _subject_statements(masked, people, verb, group[0].start, role_hint, later)
    gapped = _gapped(masked, group, anchors)
    return gapped


def _subject_statements(masked: str, people: tuple[Named, ...], verb: re.Match[str], start: int,
                        role_hint: str | None, later: list[int]) -> list[Statement] | None:
    """`Mr. A has resigned as ... (with effect from ...) and ceased to be ...`: one statement per verb, each up to
    the next names after it (`later`: where the sentence's later names start)."""
    out: list[Statement] = []
    while verb:
        if verb.group("notre"):
            change, optional = "retired", True
        elif verb.group("serve") or verb.group("succeed") or verb.group("relinquish"):
            change, optional = ("resigned" if verb.group("relinquish") else "appointed"), False
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
        direct = bool(verb.group("serve") or verb.group("succeed") or verb.group("relinquish"))
        found = _with_posts(masked, people, change, verb.end(), start, optional=optional, direct=direct)
        if not found:
            break
        st = found[0]
        st.past = not re.search(r"\b(?:has|have|will|shall|is|are|be|being|would)\b", verb.group(0), re.I)
        if mid:
            st.when = find_when(masked, verb.start() + mid.start(1), verb.start() + mid.end(1))
        st.role_hint = st.role_hint or role_hint
        out.append(st)
        limit = next((p for p in later if p >= st.end), len(masked))
        conj = next((m for m in CONJOINED.finditer(masked, st.end, limit)
                     if not re.search(r"[;.]", masked[st.end:m.start()])), None)
        if not conj:
            break
        verb = VERB.match(masked, conj.end())
        start = conj.end()
    return out or None


def _with_posts(masked: str, people: tuple[Named, ...], change: str, pos: int, start: int,
                optional: bool = False, direct: bool = False) -> list[Statement] | None:
    """The statement whose posts follow `pos` (right there when `direct`: `will serve as ...`); `optional` changes
    (a death, a retirement) may name none."""
    if change == "redesignated":
        return _redesignation(masked, people, pos, start)
    key = "direct" if direct else "appointed" if change == "appointed" else "departure"
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
    if st.change == "retired" and REELECTED.search(clause) and not NOT_REELECTED.search(clause):
        st.skip = "retired by rotation and re-elected"
    elif st.change == "retired" and BY_ROTATION.search(clause) and not NOT_REELECTED.search(clause) \
            and st.posts == (Post("seat"),) and (st.when is None or st.when.kind != "meeting"):
        st.skip = "retirement by rotation without its outcome"
    elif YEAR_ONLY.search(clause) and (st.when is None or st.when.kind not in ("date", "immediate")):
        st.skip = "a past post dated by the year only (a biography)"
    elif AGED.search(masked) and (st.when is None or st.past):
        st.skip = "a biography's past post"
    if st.change == "ceased":
        st.cause = next((kind for kind, cause in CEASED_CAUSE if cause.search(masked)), None)
    remains = REMAINS.search(clause)
    if remains and not st.role_hint:
        st.role_hint = role_of(remains.group("role"))

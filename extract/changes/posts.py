"""Post phrases of a change statement: what seat, office or committee post a change is about.

A change statement names its posts as a list after its verb (`has resigned as an executive Director, the
chairman of the audit committee of the Company and a member of the remuneration committee`). Each item
is one of:

- a director role (`an independent non-executive Director`, `executive Directors`): the board seat in
  that role; `a Director`, `the Board`, `director of the Company`: the board seat, role not stated;
- a committee post (`the chairman of the Audit Committee`, `a member of each of the Audit Committee and
  the Nomination Committee`, `a member and the chairman of ...`): `committee:<kind>` with its position;
- a supervisor (`a shareholder representative supervisor`): the supervisory committee;
- an office (`the chairman of the Board`, `the chief executive officer of the Company`, `the Company
  Secretary`), as the officer vocabulary names it;
- another post a filing announces with the board's (`an authorised representative of the Company under
  Rule 3.05`, `the process agent`): `other`, kept in the graph only.

An item must be the issuer's post: one that goes on `of <another company>` or `of a subsidiary` is a
biography's past post, and the whole list is not read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.committees.names import COMMITTEE, committee_key
from extract.text.vocab import DIRECTOR_ROLE_PHRASES, OFFICER_TITLE_PHRASES

_ARTICLE = r"(?:(?:an?|the|its|our|his|her|their)\s+)?"
_CHAIR = r"(?:chair(?:man|woman|person|lady)?|conven[eo]r)"
_COMMITTEES = "(?:" + re.sub(r"\(\?P<\w+>", "(?:", COMMITTEE.pattern) + ")"
# `the chairman of the Audit Committee`, `a member of each of the Audit Committee and the Nomination Committee`,
# `a member and the chairman of the Nomination Committee`, `members of the Audit Committee`.
COMMITTEE_POST = re.compile(
    rf"{_ARTICLE}(?P<pos>{_CHAIR}|members?)(?:\s+and\s+{_ARTICLE}(?P<pos2>{_CHAIR}|members?))?\s+of\s+"
    rf"(?:(?:each|both|all)\s+(?:of\s+)?)?(?:the\s+)?(?P<committees>{_COMMITTEES}"
    rf"(?:(?:\s+of\s+the\s+(?:Company|Board))?\s*(?:,\s*and|,|and|&|as\s+well\s+as)\s*(?:the\s+)?{_COMMITTEES})*)", re.I)
_ROLE_ALT = "|".join(sorted((re.escape(p).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")
                             for p in DIRECTOR_ROLE_PHRASES), key=len, reverse=True))
ROLE_POST = re.compile(rf"{_ARTICLE}(?:proposed\s+)?(?P<role>{_ROLE_ALT})\b", re.I)
# The board seat, role not stated: `a Director`, `the Board`, `a member of the Board`, `directors of the Company`.
SEAT_POST = re.compile(rf"{_ARTICLE}(?:(?:member|members)\s+of\s+the\s+Board(?:\s+of\s+Directors)?|Board(?:\s+of\s+"
                       rf"Directors)?|[Dd]irectors?)\b")
# A supervisor of a PRC issuer: a member of its supervisory committee.
SUPERVISOR_POST = re.compile(rf"{_ARTICLE}(?:(?:shareholders?['’]?|employees?['’]?|staff)\s+representative\s+"
                             rf"|independent\s+|external\s+)?supervisors?\b", re.I)
_OFFICE_ALT = "|".join(sorted((re.escape(p).replace(r"\ ", r"\s+") for p in OFFICER_TITLE_PHRASES),
                              key=len, reverse=True))
OFFICE_POST = re.compile(rf"{_ARTICLE}(?:(?:one\s+of\s+the\s+)?joint\s+)?(?P<title>{_OFFICE_ALT})\b", re.I)
# Posts announced alongside the board's that are no officer title (graph only, post `other`).
OTHER_POST = re.compile(rf"{_ARTICLE}(?:authori[sz]ed\s+representatives?|process\s+agent|agent\s+for\s+the\s+acceptance"
                        r"\s+of\s+(?:the\s+)?service\s+of\s+process(?:\s+and\s+notices?)?|compliance\s+officer|legal\s+"
                        r"representative|secretary\s+(?:to|of)\s+the\s+Board|board\s+secretary)\b", re.I)
# What a post may be of: the issuer, its board or group (not `the Company's subsidiaries`).
OF_ISSUER = re.compile(r"\s*(?:of|to|for)\s+(?:the|our)\s+(?:Company|Board(?:\s+of\s+Directors)?|Group|Bank)\b(?!['’]s)",
                       re.I)
# A rule reference after an authorised representative: `under Rule 3.05 of the Listing Rules`.
RULE_REFERENCE = re.compile(r"\s*(?:under|pursuant\s+to|for\s+the\s+purposes?\s+of)\s+(?:Rules?|Part|section)\s+"
                            r"[\d.A-Za-z()]+(?:\s+of\s+the\s+(?:GEM\s+)?Listing\s+Rules|\s+of\s+the\s+Companies\s+"
                            r"Ordinance[^,;]{0,60}?)?", re.I)
# A post of another organisation: `of ABC Limited`, `of a subsidiary`, `of certain subsidiaries of the Company`,
# `of the Company's subsidiaries` (case-sensitive: a capitalised name, or these words).
OF_OTHER = re.compile(r"\s*of\s+(?:(?:a|an|its|certain|various|several|one|two|three|the\s+Company['’]s|our)\s+|"
                      r"the\s+(?!Company\b(?!['’]s)|Board\b|Group\b|Bank\b))?(?:[A-Z][\w&'’.-]*|subsidiar\w+|"
                      r"compan\w+|listed\s+compan\w+|Company['’]s)")
# A word before a post in an apposition: `an executive Director and currently the Chief Executive Officer`.
QUALIFIER = re.compile(r"(?:currently|presently|also|formerly)\s+(?=(?:an?|the|our)\s)", re.I)
# Between two posts of a list.
POST_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s+as\s+well\s+as\s+|\s*&\s*)(?=\S)", re.I)

_ROLES = {" ".join(k.lower().replace("-", " ").split()): v for k, v in DIRECTOR_ROLE_PHRASES.items()}
_TITLES = {" ".join(k.lower().split()): v for k, v in OFFICER_TITLE_PHRASES.items()}


@dataclass(frozen=True)
class Post:
    """One post of a change: a board seat (`kind` seat, `role` if stated), an office (`title`), a committee
    post (`committee`, `position`), or another post (`other`)."""

    kind: str
    role: str | None = None
    title: str | None = None
    committee: str | None = None
    position: str | None = None

    @property
    def spec(self) -> str | None:
        """The exchange format's `post`: None for a board seat."""
        if self.kind == "seat":
            return None
        if self.kind == "committee":
            return f"committee:{self.committee}"
        return self.title if self.kind == "office" else "other"


@dataclass(frozen=True)
class PostList:
    """The posts read from a list, where the list ends, and whether it names a post of another organisation."""

    posts: tuple[Post, ...]
    end: int
    foreign: bool = False


def role_of(phrase: str) -> str | None:
    """The director role of a role phrase as written (`independent non-executive Directors`)."""
    return _ROLES.get(" ".join(phrase.lower().replace("-", " ").split()))


def read_posts(text: str, pos: int) -> PostList:
    """The list of posts starting at `text[pos]`; empty when none starts there."""
    posts: list[Post] = []
    end = pos
    while True:
        item = _post_at(text, end)
        if item is None:
            break
        found, item_end = item
        suffix = _issuer_suffix(text, item_end)
        if suffix is None:
            return PostList(tuple(posts + found), item_end, foreign=True)
        posts += found
        end = suffix
        sep = POST_SEPARATOR.match(text, end)
        if not sep or _post_at(text, sep.end()) is None:
            break
        end = sep.end()
    return PostList(tuple(posts), end)


def _issuer_suffix(text: str, pos: int) -> int | None:
    """Where a post's `of the Company` (or rule reference) ends; None when the post is another organisation's."""
    m = OF_ISSUER.match(text, pos)
    if m:
        pos = m.end()
    elif OF_OTHER.match(text, pos):
        return None
    rule = RULE_REFERENCE.match(text, pos)
    return rule.end() if rule else pos


def _post_at(text: str, pos: int) -> tuple[list[Post], int] | None:
    """The post item(s) at `pos`: a committee post may name several committees."""
    qualifier = QUALIFIER.match(text, pos)
    if qualifier:
        pos = qualifier.end()
    m = COMMITTEE_POST.match(text, pos)
    if m:
        positions = {m.group("pos").lower(), (m.group("pos2") or "").lower()} - {""}
        position = "member" if all(p.startswith("member") for p in positions) else "chair"
        kinds = [committee_key(c.group(0)) for c in COMMITTEE.finditer(m.group("committees"))]
        return [Post("committee", committee=k, position=position) for k in dict.fromkeys(kinds)], m.end()
    m = ROLE_POST.match(text, pos)
    if m:
        return [Post("seat", role=role_of(m.group("role")))], m.end()
    m = SUPERVISOR_POST.match(text, pos)
    if m:
        return [Post("committee", committee="supervisory", position="member")], m.end()
    m = OTHER_POST.match(text, pos)
    if m:
        return [Post("other")], m.end()
    m = OFFICE_POST.match(text, pos)
    if m and not re.match(r"\s+of\s+(?:the\s+)?\w*\s*(?:Committee|meeting)", text[m.end():m.end() + 40], re.I):
        title = _TITLES.get(" ".join(m.group("title").lower().split()))
        if title:
            return [Post("office", title=title)], m.end()
    m = SEAT_POST.match(text, pos)
    if m:
        return [Post("seat")], m.end()
    return None

"""Committee members listed under the committee's heading (`AUDIT COMMITTEE` / `Mr. A (Chairman)` / `Mr. B`),
as corporate-information pages and board-committee sections lay them out (`extract.text.headed_lists`
reads the structure). A `Members` heading takes the committee heading just above it.

A note that the person left (`resigned on ...`) drops them; `(Chairman)` makes the chair and, in a list that
marks its chair, the others are members (as the other committee readers do).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extract.committees.names import LEFT_NOTE, Seen, _mentions, _position, _with_implied_members
from extract.context import DocContext
from extract.text.headed_lists import HeadedList, document_lists
from extract.text.names import clean_person

# `Members`, `Committee members`, `Composition`: a heading whose committee is the one above it.
MEMBERS_HEADING = re.compile(r"^(?:Committee\s+)?(?:Members?|Composition|Membership)$", re.I)
POSITION_NOTE = re.compile(r"\b(chair(?:man|woman|person|lady)?|conven[eo]r|members?)\b", re.I)


def headed_members(ctx: DocContext) -> Iterator[Seen]:
    """Memberships of every list under a heading that names one committee."""
    for item in document_lists(ctx):
        committee = _committee_of(item)
        if committee is None or not item.entries:
            continue
        found: list[Seen] = []
        for entry in item.entries:
            if any(LEFT_NOTE.search(note) for note in entry.notes):
                continue
            person = clean_person(entry.name, forename_after_comma="," in entry.name)
            if person is None:
                continue
            pos = next((m.group(1) for note in entry.notes for m in [POSITION_NOTE.search(note)] if m), None)
            found.append(Seen(committee, person, _position(pos), entry.start, entry.end))
        yield from _with_implied_members(found)


def _committee_of(item: HeadedList) -> str | None:
    """The one committee a heading names (or, for `Members`, the heading above it names), else None."""
    heading = item.heading
    if MEMBERS_HEADING.match(heading) and item.parents:
        heading = item.parents[-1]
    mentions = {m.committee for m in _mentions(heading)}
    return mentions.pop() if len(mentions) == 1 else None

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
  Directors` (resolved only when the document names its independent non-executive directors);
* changes of committee posts (`appointed as chairman of the Nomination Committee with effect from
  DATE`, `ceased to be a member of ...`), as the board-change family reads them
  (`extract.changes.reader.committee_changes`): they add and end memberships; the changes themselves
  are that family's `board_change` facts.

A committee with no named person (`chaired by an independent non-executive director`) gives no
fact. Names keep their spelling (OCR noise included) without honorifics; a surname-only mention
(`Mr. Tsui`) is resolved to the one full name the document gives, else skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from extract.committees.names import (
    COMMITTEE, committee_key, FAMILY, Mention, _NAME_STOP_WORDS, PARAGRAPH_BREAK, PERSON, Seen,
)
from extract.changes.reader import committee_changes
from extract.committees.headed import headed_members
from extract.committees.sentences import _committee_matches, _People, _sentence_memberships, _sentences
from extract.committees.tables import (
    _aligned_matrices, _attendance_tables, _column_implied_members, _committee_rows,
    _heading_lists, _lines_naming_committees, _matrices, _offsets,
)
from extract.context import DocContext
from extract.records import CommitteeMembership, Fact
from extract.registry import extractor

__all__ = ["COMMITTEE", "FAMILY", "Mention", "Seen", "committee_key", "extract_committees"]


@extractor("committees")
def extract_committees(ctx: DocContext) -> list[Fact]:
    """Matrices, heading lists and sentences; then names resolved and one fact per person and committee."""
    if not ctx.meta.issuer:
        if next(_committee_matches(ctx.text), None):
            ctx.skip(FAMILY, "issuer unknown: committee facts not emitted")
        return []
    seen: list[Seen] = []
    lines = ctx.text.split("\n")
    offsets = _offsets(lines)
    named = _lines_naming_committees(ctx.text)
    seen.extend(_matrices(ctx, lines, offsets, named))
    seen.extend(_column_implied_members(list(_aligned_matrices(ctx, lines, offsets))))
    seen.extend(_committee_rows(lines, offsets, named))
    seen.extend(_heading_lists(lines, offsets, named))
    seen.extend(headed_members(ctx))
    seen.extend(_attendance_tables(ctx, lines, offsets))
    people = _People(ctx)
    previous: tuple[int, int] | None = None
    for start, end in _sentences(ctx.text):
        adjacent = previous and not PARAGRAPH_BREAK.search(ctx.text, previous[1], start)
        seen.extend(_sentence_memberships(ctx, start, end, people, previous if adjacent else None))
        previous = (start, end)
    changes = [(Seen(c.post.committee, c.person, c.post.position, c.start, c.end),
                "appointed" if c.change in ("appointed", "redesignated") else "ceased", c.effective)
               for c in committee_changes(ctx) if c.post.committee]
    return _facts(ctx, seen, changes)


# --- facts ---------------------------------------------------------------------------------

def _facts(ctx: DocContext, seen: list[Seen], changes: list[tuple[Seen, str, str | None]]) -> list[Fact]:
    """One membership per (committee, person), chair over member over unknown; ceased ones dropped.

    A change that takes effect after the document's date does not yet alter the membership the
    document speaks for (`will cease ... with effect from` next year).
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

"""What the board readers produce: seats and the paragraphs (or rosters) they were read from."""
from __future__ import annotations

from dataclasses import dataclass

from extract.text.vocab import DIRECTOR_ROLE_PHRASES


ROLES = {k.lower(): v for k, v in DIRECTOR_ROLE_PHRASES.items()}


@dataclass(frozen=True)
class Seat:
    """One director of a board paragraph; `titles` are the inline ones (`Mr. X (Chairman)`)."""

    person: str
    role: str
    proposed: bool
    titles: tuple[tuple[str, str], ...]
    start: int
    end: int


@dataclass(frozen=True)
class BoardParagraph:
    """A board paragraph or roster: its document offsets and the seats read from it.

    `as_of` is the date its seats are stated for; None: the document's date, which a report page may not
    state (`The Board currently comprises` in a report: the seats are stated as of no date).
    """

    start: int
    end: int
    seats: tuple[Seat, ...]
    as_of: str | None = None

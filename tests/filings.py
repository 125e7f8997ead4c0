"""Small announcements generated in the layout of the real ones in tests/data (the HKEX disclaimer,
the company line, a change in the board, the signature block and the closing board paragraph), for
tests that need hundreds of filings (fault injection during `kg build`).
"""
from __future__ import annotations

from pathlib import Path

SURNAMES = ("Chan", "Wong", "Lee", "Cheung", "Lau", "Ho", "Ng", "Leung", "Tang", "Lam", "Yip", "Kwok")
GIVEN = ("Tai Man", "Mei Ling", "Ka Yan", "Wing Hong", "Siu Fung", "Chi Keung", "Hoi Yee", "Pak Kin")

DISCLAIMER = (
    "Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no "
    "responsibility for the contents of this announcement, make no representation as to its accuracy or "
    "completeness and expressly disclaim any liability whatsoever for any loss howsoever arising from or "
    "in reliance upon the whole or any part of the contents of this announcement.")


def person(i: int) -> str:
    return f"{SURNAMES[i % len(SURNAMES)]} {GIVEN[(i // len(SURNAMES)) % len(GIVEN)]}"


def board_announcement(n: int) -> str:
    """Announcement number `n`: a company of its own, a director appointed, a board of six."""
    company = f"Harbour Example {n:04d} Holdings Limited"
    people = [person(n * 7 + k) for k in range(6)]
    day = 1 + n % 28
    return "\n".join([
        DISCLAIMER,
        "",
        company.upper(),
        "(incorporated in the Cayman Islands with limited liability)",
        f"(Stock Code: {1000 + n:05d})",
        "",
        "APPOINTMENT OF EXECUTIVE DIRECTOR",
        "",
        f"The board of directors (the \"Board\") of {company} (the \"Company\") is pleased to announce that "
        f"Mr. {people[0]} has been appointed as an executive Director with effect from {day} March 2026.",
        "",
        "By order of the Board",
        company,
        people[1],
        "Chairman",
        f"Hong Kong, {day} March 2026",
        "",
        f"As at the date of this announcement, the Board comprises Mr. {people[0]} and Mr. {people[1]} as "
        f"executive Directors; Ms. {people[2]} as non-executive Director; and Mr. {people[3]}, "
        f"Ms. {people[4]} and Mr. {people[5]} as independent non-executive Directors.",
        "",
    ])


def write_batch(folder: Path, count: int) -> list[Path]:
    """`count` announcements in `folder` (named like the real ones: kind__issuer__date.txt)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"board__harbour-example-{n:04d}__2026-03-{1 + n % 28:02d}.txt"
        path.write_text(board_announcement(n), encoding="utf-8")
        paths.append(path)
    return paths

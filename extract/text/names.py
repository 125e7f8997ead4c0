"""Person names and officer titles as filings write them, shared by the board and officer families.

Names are read from short regions (a board paragraph, a signature block, a note) that PDF-to-text
conversion has littered with line breaks and page furniture (`<<<PAGE 13>>>`, `– 19 –`), so a
region is first *folded*: junk removed, whitespace runs made one space, and a map kept from every
folded character back to its offset in the document, so evidence still quotes the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from extract.text.vocab import (DIRECTOR_ROLE_PHRASES, GUARDED_HONORIFICS, HONORIFICS, NAME_STOPWORDS,
                           OFFICER_TITLE_PHRASES, POST_NOMINALS, TITLE_FILLER_PHRASES)

# Page furniture of converted PDFs: `<<<PAGE 13>>>` markers and lines holding only a page number
# (`13`, `– 19 –`, `- 3 -`, `Page 2 of 5`).
PAGE_JUNK = re.compile(
    r"<<<PAGE\s*\d+>>>|^[ \t]*(?:[–—-][ \t]*\d{1,3}[ \t]*[–—-]|\d{1,3}|Page\s+\d+(?:\s+of\s+\d+)?)[ \t]*$",
    re.M)

#: Honorifics without their full stop, longest first (for regular-expression alternations).
HONORIFIC_WORDS = sorted({h.rstrip(".") for h in HONORIFICS}, key=len, reverse=True)
_HONORIFIC_ALT = "|".join(HONORIFIC_WORDS + [h.upper() for h in HONORIFIC_WORDS])
_GUARDED_ALT = "|".join(GUARDED_HONORIFICS)
_NAME_WORD = r"[A-Z][^\W\d_]+"
#: An honorific as a name prefix: `Mr. `, `Ms `, `Dr.` glued to the name (`Dr.GU Chunguang`); `Ir` (as written,
#: never `IR`, investor relations) only before another honorific or two capitalised words (`Ir Dr. Wong Siu
#: Tong`, `Ir Chan Tai Man`), so that it never eats a word of the text.
HONORIFIC = (rf"(?:(?:{_HONORIFIC_ALT})(?:\.\s*|\s+)(?=[A-Z])|(?<![\w.])(?:{_GUARDED_ALT})\.?[ \t]+"
             rf"(?=(?:{_HONORIFIC_ALT})[.\s]|{_NAME_WORD}[ \t]+{_NAME_WORD}))")
HONORIFIC_PREFIX = re.compile(rf"^(?:{HONORIFIC})+")
HONORIFIC_ANYWHERE = re.compile(rf"(?<![\w.])(?:{HONORIFIC})+")

#: One word of a personal name: capitalised, letters with inner hyphens/apostrophes (`Chih-Hsin`),
#: or initials (`T.K.`).
NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*|(?:[A-Z]\.){1,3}(?![\w.]))"
#: A full personal name: two to six name words (`Cai Baogui`, `ZHANG Di`, `Woo Pui Yan Joyce`).
PERSON_NAME = re.compile(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,5}}")
#: A single name word, as a Western forename written after a comma (`Chan Tai Man, Peter`).
SINGLE_NAME = re.compile(NAME_TOKEN)

# A name word that scanning wrote with digits for letters: `Fa1` for `Fai`, `Ta1` for `Tai`, `Ch0w` for `Chow`.
OCR_DIGIT_WORD = re.compile(r"(?<![\w.])[A-Z][a-z]*[01][a-z01]*(?![\w])")
#: The letters each digit of such a word may stand for.
OCR_LETTERS = {"1": "il", "0": "o"}
#: Most digits respelled in one name (each multiplies the spellings tried).
OCR_MAX_DIGITS = 3

_POST_NOMINAL_ALT = "|".join(re.escape(p) for p in sorted(POST_NOMINALS, key=len, reverse=True))
#: One post-nominal (`JP`, `SBS`): dropped from names, never taken for a forename.
POST_NOMINAL = re.compile(rf"(?:{_POST_NOMINAL_ALT})")
# Post-nominals trailing a name: `Lee Ka Shing, GBM, JP`, `Chan Siu Ming SBS`.
TRAILING_POST_NOMINALS = re.compile(rf"(?:,?\s*\b(?:{_POST_NOMINAL_ALT})(?![\w.]))+\s*$")

# Separators of an enumeration of titles: commas, semicolons, `and`, `&`, `/`.
TITLE_SEPARATOR = re.compile(r"\s*(?:[,;&/]|\band\b)\s*", re.I)
# Articles and qualifiers before a title item (`an executive Director`, `the chairman`).
TITLE_ARTICLE = re.compile(r"^(?:the|an?|our|its)\s+", re.I)
# One of several holders of a shared title: `one of the joint company secretaries`, `the other joint company
# secretary` (only before `joint`: `the other executive Directors` is no title anyway).
TITLE_ONE_OF = re.compile(r"^(?:one\s+of\s+(?:the|our|its)\s+|(?:the\s+)?other\s+(?=joint\b))", re.I)
# What a title item may be of: `chairman of the Board`, `president of the Company`.
TITLE_OF = re.compile(r"\s+of\s+(?:the|our|its)\s+(?:Company|Group|Board(?:\s+of\s+Directors)?)$", re.I)

_OFFICER_TITLES = {k.lower(): v for k, v in OFFICER_TITLE_PHRASES.items()}
_ROLE_OR_FILLER = {k.lower() for k in DIRECTOR_ROLE_PHRASES} | {k.lower() for k in TITLE_FILLER_PHRASES}
_STOPWORDS = {w.lower() for w in NAME_STOPWORDS}


@dataclass(frozen=True)
class Folded:
    """A region of the document folded for reading; `offsets[i]` is the document offset of `text[i]`.

    `breaks` holds the folded positions of spaces that stand for a line break: names listed one per
    line without commas are told apart by them.
    """

    text: str
    offsets: tuple[int, ...]
    breaks: frozenset[int] = frozenset()

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        """Document offsets of the folded slice [start, end)."""
        if not self.offsets:
            return 0, 0
        end = max(start + 1, end)
        return self.offsets[min(start, len(self.offsets) - 1)], self.offsets[min(end, len(self.offsets)) - 1] + 1


def fold(text: str, start: int, end: int) -> Folded:
    """Fold text[start:end]: page junk dropped, whitespace runs -> one space, `Chih-\\nHsin` joined.

    Offsets are kept per character so facts read from the folded text quote the document exactly.
    """
    junk = [m.span() for m in PAGE_JUNK.finditer(text, start, end)]
    chars: list[str] = []
    offsets: list[int] = []
    breaks: set[int] = set()
    j = 0
    for i in range(start, end):
        while j < len(junk) and junk[j][1] <= i:
            j += 1
        ch = " " if (j < len(junk) and junk[j][0] <= i) or text[i].isspace() else text[i]
        if ch == " ":
            if text[i] == "\n" and chars and chars[-1] == " ":
                breaks.add(len(chars) - 1)
            if not chars or chars[-1] == " " or (chars[-1] == "-" and len(chars) > 1 and chars[-2].isalpha()):
                continue
            if text[i] == "\n":
                breaks.add(len(chars))
        chars.append(ch)
        offsets.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return Folded("".join(chars), tuple(offsets), frozenset(b for b in breaks if b < len(chars)))


def strip_honorifics(raw: str) -> str:
    """`Mr. ZHANG Di` -> `ZHANG Di`: names are stored without honorifics (spec)."""
    m = HONORIFIC_PREFIX.match(raw)
    return raw[m.end():] if m else raw


def clean_person(raw: str, *, forename_after_comma: bool = False) -> str | None:
    """A person's name as written, without honorific; None unless it is a plausible full name.

    A full name has two to six capitalised words and none of them is a governance word
    (`Board`, `Directors`, ...): one-word references (`Mr. Zhang`) are too ambiguous to keep.
    With `forename_after_comma`, a name standing alone (a signature line, a roster line) may end
    in an English forename after a comma, `Chan Tai Man, Peter`; in running text a comma separates
    names, so callers reading lists keep the default and rejoin the forename themselves.
    """
    name = strip_honorifics(" ".join(raw.split()).strip(" ,;:*"))
    name = TRAILING_POST_NOMINALS.sub("", name).strip(" ,;:*")
    if forename_after_comma and "," in name:
        head, _, forename = name.rpartition(",")
        forename = forename.strip()
        person = clean_person(head)
        if person is None or not SINGLE_NAME.fullmatch(forename) or POST_NOMINAL.fullmatch(forename) \
                or forename.lower() in _STOPWORDS:
            return None
        return f"{person}, {forename}"
    if not PERSON_NAME.fullmatch(name):
        return None
    if any(word.lower() in _STOPWORDS for word in re.split(r"[\s\-]+", name)):
        return None
    return name


def respelled(raw: str, text: str) -> str | None:
    """`raw` with the letters its scanning turned into digits (`Mr. Leung Ka Fa1`), as the document itself spells
    the name elsewhere (`Mr. Leung Ka Fai is the Chairman`); None unless exactly one spelling with letters for
    those digits is written in `text`. The digit is never guessed: `Fa1` may be `Fai` or `Fal`, and a digit after
    a full name (`Mr. Chan Tai Man1`) may be a note mark. Only the document's own spelling decides."""
    words = list(OCR_DIGIT_WORD.finditer(raw))
    digits = [i for m in words for i in range(m.start(), m.end()) if raw[i] in OCR_LETTERS]
    if not digits or len(digits) > OCR_MAX_DIGITS:
        return None
    found: set[str] = set()
    for letters in product(*(OCR_LETTERS[raw[i]] for i in digits)):
        chars = list(raw)
        for i, letter in zip(digits, letters):
            chars[i] = letter
        candidate = " ".join("".join(chars).split())
        pattern = r"(?<![\w])" + r"\s+".join(map(re.escape, candidate.split())) + r"(?![\w])"
        if re.search(pattern, text):
            found.add(candidate)
    return found.pop() if len(found) == 1 else None


def title_items(text: str) -> list[str]:
    """Split an enumeration of titles (`Chairman, Executive Director and CEO`) into its items."""
    return [item for item in TITLE_SEPARATOR.split(" ".join(text.split())) if item]


def officer_title(item: str) -> str | None:
    """The spec title of one title item (`the chairman of the Board` -> chairman), else None.

    The whole item must be a known title: `the spouse of the chairman` or `chairman of the
    meeting` are not titles of the person they follow.
    """
    phrase = TITLE_ARTICLE.sub("", TITLE_ONE_OF.sub("", item.strip().lower()))
    phrase = re.sub(r"^joint\s+", "joint ", phrase)
    for candidate in (phrase, TITLE_OF.sub("", phrase)):
        if candidate in _OFFICER_TITLES:
            return _OFFICER_TITLES[candidate]
    return None


def is_role_or_filler(item: str) -> bool:
    """True for items that may stand among titles without being an officer title (`executive Director`)."""
    phrase = TITLE_OF.sub("", TITLE_ARTICLE.sub("", item.strip().lower()))
    return phrase in _ROLE_OR_FILLER


def read_titles(text: str) -> list[tuple[str, str]] | None:
    """(spec title, as written) of a title enumeration made only of titles, roles and fillers.

    None when any item is something else, so a line that is not a title line is never read as one.
    """
    items = title_items(text)
    if not items:
        return None
    out: list[tuple[str, str]] = []
    for item in items:
        title = officer_title(item)
        if title:
            out.append((title, item))
        elif not is_role_or_filler(item):
            return None
    return out

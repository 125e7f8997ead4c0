"""Names a document defines for parties, and a per-document book that resolves short forms.

Filings name a shareholder in full once and then by a defined short form:
`Jiangxi Ruide Venture Investment Co., Ltd. ("Ruide Venture")`, `Mr. Peng Haoran ("Mr. Peng")`.
Tables use the short form (`Ruide Venture`) or an undefined shortening (`Ganzhou Geshuo` for
`Ganzhou Geshuo Investment Management Center (limited partnership)`). `NameBook` maps any of
them to the one full name, and splits runs of names that PDF flattening glued together.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from extract.text.vocab import HONORIFICS

#: A defined short form: `("Ruide Venture")`, `(the "Company")`, `(“Xuheng Partnership”, of which`,
#: `(hereinafter referred to as "Ruide Venture")`, `(abbreviated as "Ruide")`, `("Ruide" or ...)`;
#: the short form may be wrapped over one line break by PDF conversion (`("Ruide` / `Venture")`).
DEFINITION = re.compile(r"\(\s*(?:(?:hereinafter\s+)?(?:referred\s+to\s+as|called|abbreviated\s+as)\s+|hereinafter\s+)?"
                        r"(?:the\s+)?[\"“](?P<alias>[^\"”\n]{1,80}(?:\n[^\"”\n]{1,40})?)[\"”]\s*(?:[),]|or\s|and\s)",
                        re.I)
#: Tokens of the words just before a definition; parenthesised groups stay one token.
_NAME_TOKEN = re.compile(r"\([^()\n]*\)|[^\s()]+")
#: A capitalised word of a name: `Jiangxi`, `Co.,`, `Ltd.`, `JL`, `RARE-EARTH`, `3D`.
_CAP_WORD = re.compile(r"^[A-Z0-9][\w&'’.,\-]*$")
#: A parenthesised part of a name: `(limited partnership)`, `(Hong Kong)`, `(Shenzhen)`.
_NAME_PAREN = re.compile(r"^\((?:(?i:limited|general)\s+(?i:partnership)|(?:[A-Z][\w.&'’-]*\s*)+)\)$")
#: Lower-case words allowed inside a name (`Bank of China`, `Industrial and Commercial`).
_CONNECTORS = frozenset({"of", "and", "&", "de", "for"})
#: Capitalised words that end a name going backwards: table residue (`Yes<TAB>No`) and words
#: that open a sentence (`From Jiangxi ...`, `On 2 May ...`).
_NOT_NAME_WORDS = frozenset({"yes", "no", "total", "note", "notes", "nil", "from", "on", "in", "to",
                             "by", "as", "at", "with", "under", "between", "among", "upon", "after",
                             "before", "when", "since", "whereas", "pursuant", "meanwhile"})
#: Abbreviations that end in a full stop without ending a sentence.
_ABBREVIATIONS = frozenset({"co.", "co.,", "ltd.", "inc.", "corp.", "mr.", "ms.", "mrs.", "dr.",
                            "prof.", "no.", "st.", "jr.", "l.p.", "p.r.c."})
#: Words that make a defined term generic rather than a party (`the "Company"`, `"Listing Rules"`).
_GENERIC_WORDS = frozenset({
    "company", "board", "rules", "exchange", "announcement", "meeting", "share", "shares", "code",
    "ordinance", "director", "directors", "shareholder", "shareholders", "period", "circular",
    "prospectus", "date", "agreement", "sfo", "prc", "group's", "law", "articles", "reporting",
})
_HONORIFIC_KEYS = frozenset(h.casefold().rstrip(".") for h in HONORIFICS)
#: Words the exchange format treats as one when comparing names.
_WORD_FORMS = {"limited": "ltd", "company": "co"}
#: Punctuation the exchange format ignores when comparing names.
_PUNCT = re.compile(r"[.,()\"'“”‘’]")


@dataclass(frozen=True)
class AliasDef:
    """`name ("alias")` as defined in the text, with the span of the whole definition."""

    name: str
    alias: str
    start: int
    end: int


def name_key(name: str) -> tuple[str, ...]:
    """Comparison key of a name, by the exchange format's rules (case, punctuation, honorifics)."""
    text = _PUNCT.sub(" ", unicodedata.normalize("NFKC", name).casefold()).replace("-", " ")
    return tuple(_WORD_FORMS.get(w, w) for w in text.split() if w not in _HONORIFIC_KEYS)


def strip_honorific(name: str) -> str:
    """`Mr. Cai Baogui` -> `Cai Baogui`; other names unchanged (whitespace folded)."""
    words = name.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in _HONORIFIC_KEYS:
        words = words[1:]
    return " ".join(words)


def name_before(text: str, pos: int) -> tuple[str, int] | None:
    """The capitalised name ending at `pos` and its start: words back to the first that is not
    part of a name (lower-case word, sentence end, number with comma)."""
    paragraph = text.rfind("\n\n", 0, pos)
    lo = max(0, pos - 240, paragraph + 2 if paragraph >= 0 else 0, text.rfind("\t", 0, pos) + 1)
    tokens = list(_NAME_TOKEN.finditer(text, lo, pos))
    start = None
    for m in reversed(tokens):
        word = m.group(0)
        if word.startswith("("):
            ok = bool(_NAME_PAREN.match(word))
        elif word.casefold() in _CONNECTORS:
            ok = start is not None
        else:
            ends_sentence = word.endswith(".") and word.casefold() not in _ABBREVIATIONS and len(word) > 2
            ends_clause = word.endswith(",") and word.casefold() not in _ABBREVIATIONS
            ok = (bool(_CAP_WORD.match(word)) and not ends_sentence and not ends_clause
                  and not word[0].isdigit() and word.casefold() not in _NOT_NAME_WORDS)
        if not ok:
            break
        start = m.start()
    if start is None:
        return None
    name = text[start:pos].strip()
    words = name.split()
    while words and (words[0].casefold() in _CONNECTORS or words[0] == "The"):
        words = words[1:]
    name = strip_honorific(" ".join(words)).rstrip(",")
    return (name, start) if name else None


def is_generic(term: str) -> bool:
    """A defined term that names no party: `Company`, `Board`, `Hong Kong Listing Rules`."""
    return any(w.strip(".,") in _GENERIC_WORDS for w in term.casefold().split())


def name_after(text: str, pos: int) -> tuple[str, int, int] | None:
    """The capitalised name starting at `pos` (`Orient Harbour Finance Limited (the "Lender")`
    gives `Orient Harbour Finance Limited`) and its span; words up to the first that is not part
    of a name, a clause comma or a sentence end."""
    words: list[re.Match[str]] = []
    for m in _NAME_TOKEN.finditer(text, pos, min(len(text), pos + 240)):
        if "\n\n" in text[pos:m.start()] or "\t" in text[pos:m.start()]:
            break
        word = m.group(0)
        if word.startswith("("):
            ok = bool(_NAME_PAREN.match(word)) and bool(words)
        elif word.casefold() in _CONNECTORS:
            ok = bool(words)
        else:
            ok = (bool(_CAP_WORD.match(word)) and (bool(words) or word.casefold() not in _NOT_NAME_WORDS))
        if not ok:
            break
        words.append(m)
        closes = word.endswith((",", ".")) and word.casefold() not in _ABBREVIATIONS
        if closes:
            break
    while words and words[-1].group(0).casefold() in _CONNECTORS:
        words.pop()
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    raw = text[start:end].rstrip(",")
    if raw.endswith(".") and raw.split()[-1].casefold() not in _ABBREVIATIONS:
        raw = raw[:-1]
    name = " ".join(strip_honorific(raw).split())
    return (name, start, end) if name else None


def _is_party_alias(name: str, alias: str) -> bool:
    """A definition naming a party: the short form is made of the full name's words (or its
    initials) and is not a generic term like `Company` or `Listing Rules`."""
    name_words, alias_words = name_key(name), name_key(alias)
    if not alias_words or len(name_words) < 2 or name_words == alias_words:
        return False
    if is_generic(alias):
        return False
    initials = "".join(w[0] for w in name_words)
    return set(alias_words) <= set(name_words) or "".join(alias_words) == initials


def find_aliases(text: str) -> list[AliasDef]:
    """Every party definition `Full Name ("Short")` in the text, in order."""
    return list(_document_aliases(text))


@lru_cache(maxsize=64)
def _document_aliases(text: str) -> tuple[AliasDef, ...]:
    """The definitions of a text, read once per document (aliases, holdings and pledges share them)."""
    if "(" not in text:
        return ()
    found = []
    for m in DEFINITION.finditer(text):
        before = name_before(text, m.start())
        if not before:
            continue
        name, start = before
        if "\n" in m.group("alias") and text.count("\n", start, m.end()) > 2:
            # a short form wrapped with a name over many lines: a narrow table cell, words cut apart
            continue
        alias = strip_honorific(" ".join(m.group("alias").split()))
        if _is_party_alias(name, alias):
            found.append(AliasDef(name, alias, start, m.end()))
    return tuple(found)


class NameBook:
    """The names known in one document: full names, and short forms pointing to them."""

    def __init__(self, definitions: Iterable[AliasDef] = ()) -> None:
        self._full: dict[tuple[str, ...], str] = {}
        self._alias: dict[tuple[str, ...], str] = {}
        for d in definitions:
            self.add(d.name)
            self._alias.setdefault(name_key(d.alias), d.name)

    def add(self, name: str) -> None:
        """Record a full name (the first spelling seen is kept)."""
        key = name_key(name)
        if key and key not in self._alias:
            self._full.setdefault(key, strip_honorific(name))

    def canonical(self, name: str) -> str:
        """The full name of `name`: itself, the name a short form was defined for, or the one
        known name it abbreviates by its leading words (`Ganzhou Geshuo`)."""
        key = name_key(name)
        if key in self._alias:
            return self._alias[key]
        if key in self._full:
            return self._full[key]
        longer = [full for k, full in self._full.items() if len(key) >= 2 and k[:len(key)] == key]
        return longer[0] if len(longer) == 1 else strip_honorific(name)

    def keys(self) -> list[tuple[str, ...]]:
        """Comparison keys of every known name and short form."""
        return list(self._full) + list(self._alias)

    def segment(self, run: str, count: int) -> list[str] | None:
        """Split a run of names glued together (`Ruide Venture Ganzhou Geshuo Cai Baogui`) into
        exactly `count` names, each a known name, short form or leading words of a known name.

        Unknown stretches may stand for one name each, but fewer are better; None when no split
        fits or the best split is not unique (the columns then cannot be trusted).
        """
        words = [w for w in run.split() if name_key(w)]
        cuts = _best_split(tuple(name_key(w) for w in words), count, tuple(self.keys()))
        if cuts is None:
            return None
        return [" ".join(words[a:b]) for a, b in zip((0,) + cuts, cuts + (len(words),))]


def _fits(words: tuple[str, ...], known: tuple[tuple[str, ...], ...]) -> bool:
    """True when `words` is a known name or the leading two or more words of one."""
    n = len(words)
    return any(k == words or (n >= 2 and len(k) > n and k[:n] == words) for k in known)


def _best_split(words: tuple[tuple[str, ...], ...], count: int,
                known: tuple[tuple[str, ...], ...]) -> tuple[int, ...] | None:
    """Cut points splitting `words` (each the key of one written word) into `count` pieces with
    the fewest unknown pieces, when that best split is unique."""

    @lru_cache(maxsize=None)
    def solve(i: int, left: int) -> tuple[int, int, tuple[int, ...]] | None:
        """(unknown pieces, number of best splits, cuts) for words[i:] in `left` pieces."""
        if i == len(words):
            return (0, 1, ()) if left == 0 else None
        if left == 0:
            return None
        best: tuple[int, int, tuple[int, ...]] | None = None
        for j in range(i + 1, min(len(words), i + 12) + 1):
            rest = solve(j, left - 1)
            if rest is None:
                continue
            piece = tuple(token for word in words[i:j] for token in word)
            cost = rest[0] + (0 if _fits(piece, known) else 1)
            cuts = ((j,) if j < len(words) else ()) + rest[2]
            if best is None or cost < best[0]:
                best = (cost, rest[1], cuts)
            elif cost == best[0]:
                best = (cost, best[1] + rest[1], best[2])
        return best

    result = solve(0, count)
    if result is None or result[1] != 1:
        return None
    return result[2]

"""Subsidiaries of the issuer, named as such.

Only phrasings that tie a named organisation to the issuer itself are read (precision first):

* `X, a wholly-owned subsidiary of the Company`, `X is an indirect subsidiary of the Group`;
* `the Company's wholly-owned subsidiary, X`, `a subsidiary of the Company, X ("Short")`;
* `the Company's major subsidiaries, including ... X and Y`;
* `X, which is JL MAG's own recycling company` (the issuer's own company).

`its subsidiary` is not read: in a sentence about a counterparty, `its` is the counterparty.
The parent is the issuer (`DocumentMeta.issuer`); a child stated with a defined short name
(`The full name of Yinhai New Materials is Yinhai New Materials Co., Ltd.`) is given its full name.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from extract.context import DocContext
from extract.records import Fact, Subsidiary
from extract.registry import extractor

FAMILY = "subsidiary"

_ORG_TOKEN = r"(?:Co\.,|[A-Z0-9][A-Za-z0-9&'’.\-]*|\((?:[A-Z][A-Za-z]*\s?)+\)|of|and|&|de)"
# Family: an organisation name as written (`JL MAG Baotou Technology`, `Yinhai New Materials Co., Ltd.`).
ORG = rf"[A-Z][A-Za-z0-9&'’.\-]*(?:[ \u00a0]+{_ORG_TOKEN}){{0,9}}"
# Family: the same name wrapped over one line break by PDF conversion (`Golden Harvest` /
# `(Hainan) Seed Co., Ltd.`); read only where a name is followed by its apposition.
ORG_WRAPPED = rf"[A-Z][A-Za-z0-9&'’.\-]*(?:(?:[ \u00a0]+|[ \u00a0]*\n[ \u00a0]*){_ORG_TOKEN}){{0,9}}"
# A footnote mark after a name (`Yinhai New Materials¹⁴`).
_FOOTNOTE = r"[¹²³⁴⁵⁶⁷⁸⁹⁰]*"
# Family: words qualifying `subsidiary` (`an indirect wholly-owned`, `a non-wholly owned`, and the
# PRC renderings of 控股子公司: `a holding subsidiary`, `a controlled subsidiary`).
_QUALIFIERS = (r"(?:(?:direct|indirect|indirectly|directly|wholly[- ]owned|non[- ]wholly[- ]owned|principal|major|"
               r"key|operating|main|important|PRC|onshore|offshore|domestic|overseas|new|holding|controlled|"
               r"controlling|majority[- ]owned)\s+)*")
# Family: up to two asides between a name and its apposition: a Chinese name holding its own
# parentheses and a defined short name (`X Co., Ltd. (金穗(海南)種業有限公司) ("Hainan Seed"), a ...`).
_ASIDES = r"(?:\s*\((?:[^()\n]|\([^()\n]{0,20}\)){0,60}\)){0,2}"
# Family: words at the start of a capitalised run that are not part of a name.
LEADING_STOP = re.compile(
    r"^(?:(?:The|Our|Its|In|On|At|During|Meanwhile|Moreover|Besides|Also|As|And|For|With|Through|By|"
    r"Among|Including|Namely|Of)\s+"
    # a sentence opening on what belongs to the child: `Revenue of X Limited, a subsidiary ...`
    r"|(?:Revenues?|Profits?|Sales|Shares|Equity|Interests?|Acquisition|Disposal|Operations|Performance|"
    r"Results|Assets|Capital|Business|Output|Production)\s+of\s+(?:the\s+)?)+")
# Family: the company form that ends a name (`Co., Ltd.`, `Limited`): what follows is not the name.
COMPANY_FORM_END = re.compile(r"^.*?\b(?:Co\.,?\s*Ltd\.?|Company\s+Limited|Limited|Ltd\.|Inc\.|Corporation|LLC)(?=\s|$)")
_NOT_ORG = re.compile(r"^(?:the\s+)?(?:Company|Group|Board|Reporting\s+Period|PRC|China|Hong\s+Kong)$", re.I)
# Family: `the full name of X is Y` (a footnote giving a short name's full form).
FULL_NAME = re.compile(rf"full\s+name\s+of\s+(?P<short>{ORG})\s+is\s+(?P<full>{ORG})", re.I)
# Family: `Y ("X")` or `Y (hereinafter "X")`: a defined short name.
DEFINED = re.compile(rf"(?P<full>{ORG})\s*\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+)?)?(?:the\s+)?[\"“]"
                     r"(?P<short>[^\"”]{2,40})[\"”]")


def _issuer_ref(ctx: DocContext) -> str:
    """A regex for the issuer as a text refers to it: `the Company`, `the Group`, its names and short names."""
    names = {ctx.meta.issuer or "", *ctx.meta.issuer_aliases}
    if ctx.meta.issuer:
        at = ctx.text.find(ctx.meta.issuer)
        window = ctx.text[at:at + 300] if at >= 0 else ""
        names.update(m.group(1) for m in re.finditer(r"[\"“]([^\"”]{2,30})[\"”]", window))
    names = {n for n in names if n and not re.fullmatch(r"(?:the\s+)?(?:company|group)", n, re.I)}
    alternatives = [r"the\s+Company", r"the\s+Group", r"our\s+Company"]
    alternatives += [re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True)]
    return "(?:" + "|".join(alternatives) + ")"


@extractor("subsidiaries")
def extract_subsidiaries(ctx: DocContext) -> list[Fact]:
    """Every subsidiary phrasing that names the issuer as parent; one fact per child."""
    if not ctx.meta.issuer or "ubsidiar" not in ctx.text and "'s own" not in ctx.text:
        return []
    issuer = _issuer_ref(ctx)
    full_names: dict[str, str] | None = None
    facts: dict[str, Fact] = {}
    for name, start, end in _children(ctx.text, issuer):
        if full_names is None:
            full_names = _full_names(ctx.text)  # read only when there is a child to name
        child = full_names.get(name, name)
        if child.casefold() == ctx.meta.issuer.casefold() or child.casefold() in facts:
            continue
        facts[child.casefold()] = Subsidiary(parent=ctx.meta.issuer, child=child,
                                             evidence=ctx.sentence_evidence(start, end))
    return list(facts.values())


@functools.lru_cache(maxsize=256)
def _patterns(issuer: str) -> tuple[re.Pattern[str], ...]:
    """The phrasing families, built around the issuer reference of one document.

    Cached: an issuer's filings share one reference, and building the patterns costs more than
    running them.
    """
    return (
        # `X, a wholly-owned subsidiary of the Company` / `X is an indirect subsidiary of the Group`
        re.compile(rf"(?P<child>{ORG_WRAPPED}){_FOOTNOTE}{_ASIDES}\s*(?:,\s*|\s+(?:is|was|became|has\s+become)\s+)"
                   rf"(?:an?|the)\s+{_QUALIFIERS}subsidiary\s+of\s+{issuer}\b"),
        # `the Company's wholly-owned subsidiary, X` / `a subsidiary of the Company, X`
        re.compile(rf"(?:{issuer}['’]s\s+{_QUALIFIERS}subsidiary|(?:an?\s+)?{_QUALIFIERS}subsidiary\s+of\s+{issuer})"
                   rf",?\s+(?:namely\s+)?(?P<child>{ORG})"),
        # `X, which is JL MAG's own recycling rare earth company`
        re.compile(rf"(?P<child>{ORG}){_FOOTNOTE},?\s+which\s+is\s+(?:the\s+)?{issuer}['’]s\s+own\s+[a-z ]{{0,40}}"
                   r"(?:company|subsidiary|enterprise)\b"),
    )


# Family: `subsidiaries, including [an audit on] X and Y` / `subsidiaries, namely X, Y and Z`.
SUBSIDIARY_LIST = re.compile(
    r"\b(?:major|principal|key|main|operating|its|our|wholly[- ]owned)\s+subsidiaries\s*,?\s*(?:including|namely|such\s+as)\s+"
    rf"(?:[a-z][a-z-]*\s+){{0,8}}?(?P<list>{ORG}(?:\s*,\s*{ORG})*(?:,?\s+and\s+{ORG})?)")


# The literal each phrasing family needs (the patterns are case-sensitive): a text without it
# is not scanned with the family's pattern, whose leading name is tried at every capital letter.
_NEEDS = (re.compile("subsidiary"), re.compile("subsidiary"), re.compile("['’]s\\s+own"))


@functools.lru_cache(maxsize=256)
def _apposition_end(issuer: str) -> re.Pattern[str]:
    """How every match of the first phrasing family ends: `subsidiary of <issuer>`."""
    return re.compile(rf"subsidiary\s+of\s+{issuer}\b")


# How far before its `subsidiary of` a match of the first family can start: ten name tokens of
# at most 100 characters, two asides of at most 60 items of at most 22 characters, the
# apposition's words. A longer capitalised run is not a name.
_APPOSITION_REACH = 4000


def _apposition_windows(text: str, issuer: str) -> list[tuple[int, int]]:
    """Spans that hold every match of the first family: up to each `subsidiary of <issuer>`.

    That family's name is tried at every capital letter of the text, which over a long report
    costs more than the rest of the module; its matches all end at one of these literal hits and
    start within `_APPOSITION_REACH` of it, so reading only those spans gives the same matches.
    Overlapping spans are merged, so no match is split between two.
    """
    windows: list[tuple[int, int]] = []
    for m in _apposition_end(issuer).finditer(text):
        lo = max(0, m.start() - _APPOSITION_REACH)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], m.end())
        else:
            windows.append((lo, m.end()))
    return windows


def _children(text: str, issuer: str) -> Iterator[tuple[str, int, int]]:
    for k, (pattern, needed) in enumerate(zip(_patterns(issuer), _NEEDS)):
        if not needed.search(text):
            continue
        spans = _apposition_windows(text, issuer) if k == 0 else [(0, len(text))]
        for m in (m for lo, hi in spans for m in pattern.finditer(text, lo, hi)):
            name = _clean(_unwrapped(text, m.start("child"), m.end("child")))
            if name:
                yield name, m.start(), m.end()
    if "subsidiaries" not in text:
        return
    for m in SUBSIDIARY_LIST.finditer(text):
        for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("list")):
            name = _clean(part)
            if name:
                yield name, m.start(), m.end()


def _unwrapped(text: str, start: int, end: int) -> str:
    """A name read over line breaks, without the heading lines the pattern ran into.

    A name that starts its line may follow a heading (`BUSINESS UPDATE` / `Xyz Co., Ltd., a
    wholly-owned subsidiary`): whole lines in capitals before the name's last line are dropped.
    """
    raw = text[start:end]
    if "\n" not in raw or text[text.rfind("\n", 0, start) + 1:start].strip():
        return raw
    lines = raw.split("\n")
    while len(lines) > 1 and lines[0] == lines[0].upper():
        lines.pop(0)
    return "\n".join(lines)


def _clean(raw: str) -> str | None:
    """A child's name without leading sentence words; None when what is left is not a name."""
    name = LEADING_STOP.sub("", " ".join(raw.split()))
    form = COMPANY_FORM_END.match(name)
    name = form.group(0) if form else name.strip(" ,.")
    name = re.sub(r"\s+(?:and|of|&)$", "", name)
    if _NOT_ORG.match(name) or len(name.split()) < 2 and not re.search(r"[A-Z]{2,}", name):
        return None
    return name


def _full_names(text: str) -> dict[str, str]:
    """Short name -> full name, from footnotes and `Full Name ("Short")` definitions."""
    found: dict[str, str] = {}
    for m in FULL_NAME.finditer(text):
        short, full = _clean(m.group("short")), _clean(m.group("full"))
        if short and full:
            found[short] = full
    for m in DEFINED.finditer(text):
        full = _clean(m.group("full"))
        if full:
            found.setdefault(m.group("short").strip(), full)
    return found

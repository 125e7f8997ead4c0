"""Typed, frozen records: the only thing `extract/` hands to `kg/`.

Stdlib only, so that the spaCy side and the rdflib side meet here and nowhere else.
Every fact type of the exchange format (shared spec, `facts.md`) is one frozen dataclass;
types the spec does not score (aliases, absences, findings, ...) live here too, so
the graph can hold them. Each field says, through its metadata, what kind of value it holds:
`kg/mapping` turns that into RDF and `kg/facts` reads it back, so adding a fact type means
adding a dataclass here and its terms to the ontology, nothing else.

Field kinds (metadata key ``kind``):
  person, org, party (person or organisation, decided by ``kg.resolve``),
  str, int, decimal, date (ISO ``YYYY-MM-DD`` string), bool, enum.
Key fields (metadata ``key=True``) identify a fact; they follow the spec's key fields.
"""
from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the quoted text and its character offsets in the document."""

    doc_id: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class FilingMetadata:
    """What the exchange's index says about a filing (one row of a `manifest.csv`).

    It fills what the text does not state; where the text states a value, the text's is kept (a
    disagreement is a data-quality finding). `source` names the manifest file and line.
    """

    issuer: str | None = None
    issuer_zh: str | None = None
    stock_code: str | None = None
    exchange: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Announcement:
    """One document as read from disk: the text and what identifies it.

    `page_starts` holds the offset in `text` where each page begins (PDF input; empty for text
    files), so a page number can be recovered from any evidence offset (`page_of`). `filing` is the
    exchange's metadata for the file, when a manifest gives it: extraction stays a pure function of
    this record.
    """

    doc_id: str
    path: str
    text: str
    sha256: str
    encoding: str
    page_starts: tuple[int, ...] = ()
    filing: FilingMetadata | None = None


def page_of(offset: int, page_starts: tuple[int, ...]) -> int | None:
    """The 1-based page holding character `offset`, or None for a document without pages."""
    if not page_starts:
        return None
    return bisect.bisect_right(page_starts, offset) or 1


@dataclass(frozen=True)
class DocumentMeta:
    """What the document says about itself (issuer, date, title, kind), and where it is silent, what
    the exchange's filing metadata says (`extract.identity.read_meta` fills it)."""

    doc_id: str
    issuer: str | None = None
    issuer_zh: str | None = None
    issuer_aliases: tuple[str, ...] = ()
    stock_codes: tuple[str, ...] = ()
    date: str | None = None
    title: str | None = None
    kind: str = "other"  # results_estimate, pledge, poll_results, board_change, report, other
    sha256: str = ""
    path: str = ""
    #: The exchange's headline and link for the filing (manifest), kept beside the text's own title.
    headline: str | None = None
    url: str | None = None
    page_starts: tuple[int, ...] = ()


def _f(kind: str, *, key: bool = False, default: Any = dataclasses.MISSING,
       enum: tuple[str, ...] = ()) -> Any:
    meta = {"kind": kind, "key": key}
    if enum:
        meta["enum"] = enum
    if default is dataclasses.MISSING:
        return field(metadata=meta)
    return field(default=default, metadata=meta)


class Fact:
    """Base of every fact record. Subclasses are frozen dataclasses with an `evidence` field."""

    TYPE: ClassVar[str] = ""
    #: Exported by `kg facts` (a type of the exchange format) or graph-only.
    IN_SPEC: ClassVar[bool] = True
    evidence: Evidence

    def values(self) -> dict[str, Any]:
        """The fact's fields without evidence, in declaration order."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)  # type: ignore[arg-type]
                if f.name != "evidence"}

    def to_spec(self) -> dict[str, Any]:
        """The fact as one line of the exchange format (without reading any store)."""
        return {"type": self.TYPE, "doc": self.evidence.doc_id, **self.values()}

    def exported(self) -> bool:
        """Whether the exchange format carries this fact (graph-only types and states do not)."""
        return self.IN_SPEC


DIRECTOR_ROLES = ("executive", "non_executive", "independent_non_executive")
OFFICER_TITLES = ("chairman", "vice_chairman", "chief_executive", "president", "company_secretary",
                  "chief_financial_officer", "general_manager", "other")
MEETING_KINDS = ("agm", "egm", "class_a", "class_h", "other")
EXCHANGES = ("HKEX", "SZSE", "SSE", "other")
METRICS = ("net_profit_attributable", "net_profit_attributable_recurring", "revenue", "other")


@dataclass(frozen=True, kw_only=True)
class Directorship(Fact):
    TYPE: ClassVar[str] = "directorship"
    company: str = _f("org", key=True)
    person: str = _f("person", key=True)
    role: str = _f("enum", key=True, enum=DIRECTOR_ROLES)
    as_of: str | None = _f("date", key=True)
    proposed: bool = _f("bool", default=False)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class Officer(Fact):
    TYPE: ClassVar[str] = "officer"
    company: str = _f("org", key=True)
    person: str = _f("person", key=True)
    title: str = _f("enum", key=True, enum=OFFICER_TITLES)
    as_of: str | None = _f("date", default=None)
    title_as_written: str | None = _f("str", default=None)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class CommitteeMembership(Fact):
    TYPE: ClassVar[str] = "committee_membership"
    company: str = _f("org", key=True)
    committee: str = _f("str", key=True)  # audit, ..., or other:<name>
    person: str = _f("person", key=True)
    position: str | None = _f("enum", default=None, enum=("chair", "member"))
    as_of: str | None = _f("date", default=None)
    evidence: Evidence = _f("evidence")


CHANGES = ("appointed", "resigned", "retired", "removed", "redesignated", "deceased")
#: Change kinds that end a seat or post.
DEPARTURES = ("resigned", "retired", "removed", "deceased")


@dataclass(frozen=True, kw_only=True)
class BoardChange(Fact):
    """What an announcement states happens to a board seat, an office or a committee post.

    `post` is None for a board seat, an officer title (`chairman`, `company_secretary`, ...) for an office,
    `committee:<kind>` for a committee post (`position` then says chair or member). `role` is the director
    role after the change, or before it for a departure. A post outside the officer titles and committees
    is `other` (an authorised representative, a process agent, an honorary chairman).
    """

    TYPE: ClassVar[str] = "board_change"
    company: str = _f("org", key=True)
    person: str = _f("person", key=True)
    change: str = _f("enum", key=True, enum=CHANGES)
    effective: str | None = _f("date", key=True)
    post: str | None = _f("str", key=True)
    role: str | None = _f("enum", default=None, enum=DIRECTOR_ROLES)
    position: str | None = _f("enum", default=None, enum=("chair", "member"))
    as_of: str | None = _f("date", default=None)
    evidence: Evidence = _f("evidence")

    def to_spec(self) -> dict[str, Any]:
        out = super().to_spec()
        del out["position"]
        return out


@dataclass(frozen=True, kw_only=True)
class Tenure(Fact):
    """A seat (company, person, role) over time, derived across filings, never read from one.

    `first_seen`/`last_seen`: the first and last filing stating the seat; `started`/`ended`: the dates board
    changes state; `left_after`/`left_by`: where no change states the end, the last filing with the seat and
    the first filing of the issuer listing its board without it. Its evidence names no document: `kg facts`
    writes it with doc `derived`.
    """

    TYPE: ClassVar[str] = "tenure"
    company: str = _f("org", key=True)
    person: str = _f("person", key=True)
    role: str = _f("enum", key=True, enum=DIRECTOR_ROLES)
    first_seen: str | None = _f("date", default=None)
    last_seen: str | None = _f("date", default=None)
    started: str | None = _f("date", default=None)
    ended: str | None = _f("date", default=None)
    left_after: str | None = _f("date", default=None)
    left_by: str | None = _f("date", default=None)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class Pledge(Fact):
    TYPE: ClassVar[str] = "pledge"
    pledgor: str = _f("party", key=True)
    pledgee: str = _f("party", key=True)
    issuer: str = _f("org", key=True)
    shares: int = _f("int", key=True)
    start: str | None = _f("date", key=True)
    end: str | None = _f("date", default=None)
    purpose: str | None = _f("str", default=None)
    as_of: str | None = _f("date", default=None)
    percent_of_holding: float | None = _f("decimal", default=None)
    percent_of_capital: float | None = _f("decimal", default=None)
    restricted: bool | None = _f("bool", default=None)
    supplemental: bool | None = _f("bool", default=None)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class PledgeRelease(Fact):
    TYPE: ClassVar[str] = "pledge_release"
    pledgor: str = _f("party", key=True)
    pledgee: str = _f("party", key=True)
    issuer: str = _f("org", key=True)
    shares: int = _f("int", key=True)
    start: str | None = _f("date", default=None)
    end: str | None = _f("date", key=True)
    as_of: str | None = _f("date", default=None)
    percent_of_holding: float | None = _f("decimal", default=None)
    percent_of_capital: float | None = _f("decimal", default=None)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class Shareholding(Fact):
    TYPE: ClassVar[str] = "shareholding"
    holder: str = _f("party", key=True)
    company: str = _f("org", key=True)
    shares: int = _f("int", key=True)
    percent: float | None = _f("decimal", default=None)
    as_of: str | None = _f("date", default=None)
    pledged_before: int | None = _f("int", default=None)
    pledged_after: int | None = _f("int", default=None)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class ControllingShareholder(Fact):
    TYPE: ClassVar[str] = "controlling_shareholder"
    company: str = _f("org", key=True)
    holder: str = _f("party", key=True)
    as_of: str | None = _f("date", default=None)
    group_percent: float | None = _f("decimal", default=None)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class Meeting(Fact):
    TYPE: ClassVar[str] = "meeting"
    company: str = _f("org", key=True)
    date: str | None = _f("date", key=True)
    kind: str = _f("enum", key=True, enum=MEETING_KINDS)
    shares_represented: int | None = _f("int", default=None)
    percent_represented: float | None = _f("decimal", default=None)
    shares_entitled: int | None = _f("int", default=None)
    venue: str | None = _f("str", default=None)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class Resolution(Fact):
    TYPE: ClassVar[str] = "resolution"
    company: str = _f("org", key=True)
    meeting_date: str | None = _f("date", key=True)
    meeting_kind: str = _f("enum", key=True, enum=MEETING_KINDS)
    number: str = _f("str", key=True)  # "1", "1.01"; exported as a number when integral
    kind: str | None = _f("enum", default=None, enum=("ordinary", "special"))
    title: str | None = _f("str", default=None)
    votes_for: int | None = _f("int", key=True, default=None)
    votes_against: int | None = _f("int", key=True, default=None)
    votes_abstain: int | None = _f("int", key=True, default=None)
    percent_for: float | None = _f("decimal", default=None)
    percent_against: float | None = _f("decimal", default=None)
    percent_abstain: float | None = _f("decimal", default=None)
    passed: bool | None = _f("bool", default=None)
    withdrawn: bool = _f("bool", default=False)
    evidence: Evidence = _f("evidence")

    def exported(self) -> bool:
        """A withdrawn resolution, or one not put to the vote, has no votes: it stays in the graph only."""
        return not self.withdrawn

    def to_spec(self) -> dict[str, Any]:
        out = super().to_spec()
        for ours, spec in (("votes_for", "for"), ("votes_against", "against"),
                           ("votes_abstain", "abstain")):
            out[spec] = out.pop(ours)
        out["number"] = spec_number(self.number)
        return out


@dataclass(frozen=True, kw_only=True)
class Attendance(Fact):
    TYPE: ClassVar[str] = "attendance"
    company: str = _f("org", key=True)
    meeting_date: str | None = _f("date", key=True)
    person: str = _f("person", key=True)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class Absence(Fact):
    """A director the document says did not attend a general meeting (graph only)."""

    TYPE: ClassVar[str] = "absence"
    IN_SPEC: ClassVar[bool] = False
    company: str = _f("org", key=True)
    meeting_date: str | None = _f("date", key=True)
    person: str = _f("person", key=True)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class MeetingOfficial(Fact):
    """An organisation acting at a meeting: scrutineer, share registrar, legal adviser (graph only)."""

    TYPE: ClassVar[str] = "meeting_official"
    IN_SPEC: ClassVar[bool] = False
    company: str = _f("org", key=True)
    meeting_date: str | None = _f("date", key=True)
    official: str = _f("org", key=True)
    role: str = _f("str", key=True)  # scrutineer, share_registrar, legal_adviser
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class FinancialEstimate(Fact):
    TYPE: ClassVar[str] = "financial_estimate"
    company: str = _f("org", key=True)
    metric: str = _f("enum", key=True, enum=METRICS)
    period_start: str | None = _f("date", key=True)
    period_end: str | None = _f("date", key=True)
    low: float | None = _f("decimal", key=True)
    high: float | None = _f("decimal", key=True)
    currency: str | None = _f("str", default=None)
    prior: float | None = _f("decimal", default=None)
    change_low: float | None = _f("decimal", default=None)
    change_high: float | None = _f("decimal", default=None)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class ShareCapital(Fact):
    TYPE: ClassVar[str] = "share_capital"
    company: str = _f("org", key=True)
    as_of: str | None = _f("date", key=True)
    total: int = _f("int", key=True)
    a_shares: int | None = _f("int", default=None)
    h_shares: int | None = _f("int", default=None)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class Listing(Fact):
    TYPE: ClassVar[str] = "listing"
    company: str = _f("org", key=True)
    exchange: str = _f("enum", key=True, enum=EXCHANGES)
    code: str = _f("str", key=True)
    listed_on: str | None = _f("date", default=None)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class Subsidiary(Fact):
    TYPE: ClassVar[str] = "subsidiary"
    parent: str = _f("org", key=True)
    child: str = _f("org", key=True)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class Alias(Fact):
    """A short name the text defines for an organisation or person (graph only).

    `Jiangxi Ruide Venture Investment Co., Ltd. ("Ruide Venture")` gives
    Alias(name="Jiangxi Ruide Venture Investment Co., Ltd.", alias="Ruide Venture").
    """

    TYPE: ClassVar[str] = "alias"
    IN_SPEC: ClassVar[bool] = False
    issuer: str = _f("org", key=True)
    name: str = _f("party", key=True)
    alias: str = _f("str", key=True)
    evidence: Evidence = _f("evidence")


@dataclass(frozen=True, kw_only=True)
class DataQualityFinding(Fact):
    """A consistency check that failed on what the document states (graph only)."""

    TYPE: ClassVar[str] = "finding"
    IN_SPEC: ClassVar[bool] = False
    company: str = _f("org", key=True)
    check: str = _f("str", key=True)
    message: str = _f("str", key=True)
    evidence: Evidence = _f("evidence")


def spec_number(number: str) -> int | float | str:
    """Resolution numbers as the spec writes them: 1 stays 1, 1.01 stays 1.01."""
    try:
        return int(number)
    except ValueError:
        try:
            return float(number)
        except ValueError:
            return number


#: Every fact type by its name: the registry `kg/` maps and exports from.
FACT_TYPES: dict[str, type[Fact]] = {
    cls.TYPE: cls for cls in (
        Directorship, Officer, CommitteeMembership, BoardChange, Tenure, Pledge, PledgeRelease,
        Shareholding, ControllingShareholder, Meeting, Resolution, Attendance, Absence,
        MeetingOfficial, FinancialEstimate, ShareCapital, Listing, Subsidiary, Alias,
        DataQualityFinding,
    )
}


def field_kinds(cls: type[Fact]) -> dict[str, dict[str, Any]]:
    """Field name -> metadata (kind, key, enum) of a fact type, evidence excluded."""
    return {f.name: dict(f.metadata) for f in dataclasses.fields(cls)  # type: ignore[arg-type]
            if f.name != "evidence"}


@dataclass(frozen=True)
class Skipped:
    """A fact the extractor saw but could not read with confidence: counted, never stored."""

    doc_id: str
    family: str
    reason: str
    start: int = 0
    end: int = 0

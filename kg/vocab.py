"""The project's vocabulary in code, taken from `ontology/governance.ttl`.

`GOV` is a closed `DefinedNamespace` (`_fail = True`): a term not declared here raises at
import time of the module that uses it, and a test checks these terms against the ontology file,
so no hand-typed IRI drifts away from the ontology.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

GOV_IRI = "https://w3id.org/hk-governance/ontology#"
#: Base of the data: entities, facts, evidence, named graphs.
ID = Namespace("https://w3id.org/hk-governance/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")


class GOV(DefinedNamespace):
    """Terms of the governance ontology."""

    _NS = Namespace(GOV_IRI)
    _fail = True

    Fact: URIRef
    Announcement: URIRef
    Evidence: URIRef
    Party: URIRef
    Person: URIRef
    Organisation: URIRef
    Board: URIRef
    ControllingGroup: URIRef
    Committee: URIRef
    Directorship: URIRef
    OfficerPost: URIRef
    CommitteeMembership: URIRef
    BoardChange: URIRef
    Tenure: URIRef
    FilingConflict: URIRef
    SharePledge: URIRef
    PledgeRelease: URIRef
    ShareholdingObservation: URIRef
    ControllingShareholderMembership: URIRef
    GeneralMeeting: URIRef
    Resolution: URIRef
    MeetingAttendance: URIRef
    MeetingAbsence: URIRef
    MeetingOfficial: URIRef
    ResultsEstimate: URIRef
    ShareCapitalObservation: URIRef
    Listing: URIRef
    SubsidiaryRelation: URIRef
    AliasDefinition: URIRef
    DataQualityFinding: URIRef
    company: URIRef
    issuer: URIRef
    person: URIRef
    holder: URIRef
    pledgor: URIRef
    pledgee: URIRef
    parent: URIRef
    child: URIRef
    official: URIRef
    name: URIRef
    role: URIRef
    asOf: URIRef
    proposed: URIRef
    title: URIRef
    titleAsWritten: URIRef
    committee: URIRef
    position: URIRef
    change: URIRef
    effective: URIRef
    post: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    started: URIRef
    ended: URIRef
    leftAfter: URIRef
    leftBy: URIRef
    firstFiling: URIRef
    secondFiling: URIRef
    firstEvidence: URIRef
    secondEvidence: URIRef
    shares: URIRef
    start: URIRef
    end: URIRef
    purpose: URIRef
    percentOfHolding: URIRef
    percentOfCapital: URIRef
    restricted: URIRef
    supplemental: URIRef
    percent: URIRef
    pledgedBefore: URIRef
    pledgedAfter: URIRef
    groupPercent: URIRef
    date: URIRef
    kind: URIRef
    sharesRepresented: URIRef
    percentRepresented: URIRef
    sharesEntitled: URIRef
    venue: URIRef
    meetingDate: URIRef
    meetingKind: URIRef
    number: URIRef
    votesFor: URIRef
    votesAgainst: URIRef
    votesAbstain: URIRef
    percentFor: URIRef
    percentAgainst: URIRef
    percentAbstain: URIRef
    passed: URIRef
    withdrawn: URIRef
    metric: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    low: URIRef
    high: URIRef
    currency: URIRef
    prior: URIRef
    changeLow: URIRef
    changeHigh: URIRef
    total: URIRef
    aShares: URIRef
    hShares: URIRef
    exchange: URIRef
    code: URIRef
    listedOn: URIRef
    alias: URIRef
    check: URIRef
    message: URIRef
    evidence: URIRef
    quote: URIRef
    charStart: URIRef
    charEnd: URIRef
    docId: URIRef
    sha256: URIRef
    documentKind: URIRef
    sourcePath: URIRef
    pageStarts: URIRef
    filingDigest: URIRef
    stockCode: URIRef
    board: URIRef
    controllingGroup: URIRef
    committeeUnit: URIRef
    committeeKind: URIRef
    releases: URIRef
    issuerKey: URIRef

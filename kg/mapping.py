"""Fact records -> RDF triples: deterministic IRIs, one named graph per announcement.

Generic over fact types: each record field's metadata (`kind`) says how it becomes RDF, so a new
fact type needs a record and ontology terms, not new mapping code. Entity fields become IRIs
(`kg.resolve`) labelled with the name as written; literals carry XSD datatypes; a field that is
None produces no triple. Every fact node links to its announcement (PROV-O) and to an evidence
node with the quote and its character offsets.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD, DCTERMS

from extract.records import Alias, DocumentMeta, Fact, field_kinds
from kg.resolve import Resolver
from kg.vocab import GOV, ID, ORG, SCHEMA

Triple = tuple[URIRef, URIRef, URIRef | Literal]

#: Fact type -> ontology class.
CLASS_OF_TYPE: dict[str, URIRef] = {
    "directorship": GOV.Directorship,
    "officer": GOV.OfficerPost,
    "committee_membership": GOV.CommitteeMembership,
    "board_change": GOV.BoardChange,
    "tenure": GOV.Tenure,
    "pledge": GOV.SharePledge,
    "pledge_release": GOV.PledgeRelease,
    "shareholding": GOV.ShareholdingObservation,
    "controlling_shareholder": GOV.ControllingShareholderMembership,
    "meeting": GOV.GeneralMeeting,
    "resolution": GOV.Resolution,
    "attendance": GOV.MeetingAttendance,
    "absence": GOV.MeetingAbsence,
    "meeting_official": GOV.MeetingOfficial,
    "financial_estimate": GOV.ResultsEstimate,
    "share_capital": GOV.ShareCapitalObservation,
    "listing": GOV.Listing,
    "subsidiary": GOV.SubsidiaryRelation,
    "alias": GOV.AliasDefinition,
    "finding": GOV.DataQualityFinding,
}
TYPE_OF_CLASS: dict[URIRef, str] = {v: k for k, v in CLASS_OF_TYPE.items()}

#: Fields that name the issuer a fact is about (persons are resolved within it).
ISSUER_FIELDS = ("company", "issuer", "parent")
ENTITY_KINDS = ("person", "org", "party")
DATATYPES = {"int": XSD.integer, "decimal": XSD.decimal, "date": XSD.date, "bool": XSD.boolean}


def property_of(field_name: str) -> URIRef:
    """The ontology property of a record field: `as_of` -> gov:asOf."""
    head, *rest = field_name.split("_")
    return GOV[head + "".join(part.title() for part in rest)]


def document_iri(doc_id: str) -> URIRef:
    """The announcement's IRI, which is also the name of its graph."""
    return ID[f"doc/{quote(doc_id, safe='')}"]


@dataclass
class MappedDocument:
    graph: URIRef
    triples: list[Triple] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)  # facts without an issuer: counted, not stored


def issuer_of(fact: Fact) -> str | None:
    values = fact.values()
    for name in ISSUER_FIELDS:
        if values.get(name):
            return values[name]
    return None


def map_document(meta: DocumentMeta, facts: Iterable[Fact], resolver: Resolver) -> MappedDocument:
    """All triples of one announcement, ready to replace its named graph."""
    facts = list(facts)
    resolver.add_issuer((meta.issuer, meta.issuer_zh, *meta.issuer_aliases), meta.stock_codes)
    for fact in facts:
        if isinstance(fact, Alias):
            resolver.add_alias(fact.issuer, fact.alias, fact.name)
    doc = document_iri(meta.doc_id)
    out = MappedDocument(graph=doc)
    labels = _Labels()
    out.triples += _document_triples(doc, meta, resolver, labels)
    for fact in facts:
        issuer = issuer_of(fact)
        if issuer is None:
            out.unmapped.append(f"{fact.TYPE}: no issuer named in the document")
            continue
        out.triples += _fact_triples(doc, fact, issuer, resolver, labels)
    out.triples += labels.triples()
    return out


def fact_iri(fact: Fact) -> URIRef:
    digest = hashlib.sha1(json.dumps(fact.values(), sort_keys=True, default=str).encode()).hexdigest()
    return ID[f"fact/{quote(fact.evidence.doc_id, safe='')}/{fact.TYPE}/{digest[:16]}"]


def _fact_triples(doc: URIRef, fact: Fact, issuer: str, resolver: Resolver,
                  labels: "_Labels") -> list[Triple]:
    node = fact_iri(fact)
    ev = URIRef(f"{node}/evidence")
    triples: list[Triple] = [
        (node, RDF.type, CLASS_OF_TYPE[fact.TYPE]),
        (node, PROV.wasDerivedFrom, doc),
        (node, GOV.evidence, ev),
        (ev, RDF.type, GOV.Evidence),
        (ev, GOV.quote, Literal(fact.evidence.quote)),
        (ev, GOV.charStart, Literal(fact.evidence.start)),
        (ev, GOV.charEnd, Literal(fact.evidence.end)),
    ]
    kinds = field_kinds(type(fact))
    for name, value in fact.values().items():
        if value is None:
            continue
        kind = kinds[name]["kind"]
        if kind in ENTITY_KINDS:
            target = _entity(value, kind, issuer, resolver, labels)
            triples.append((node, property_of(name), target))
        else:
            triples.append((node, property_of(name), Literal(value, datatype=DATATYPES.get(kind))))
        if name == "committee":
            unit = resolver.committee_iri(issuer, value)
            triples += [(node, GOV.committeeUnit, unit), (unit, RDF.type, GOV.Committee),
                        (unit, GOV.committeeKind, Literal(value)),
                        (unit, ORG.unitOf, resolver.org_iri(issuer)),
                        (unit, RDFS.label, Literal(_committee_label(value)))]
    if fact.TYPE == "directorship":
        board = resolver.board_iri(issuer)
        triples += [(node, ORG.organization, board), (board, RDF.type, GOV.Board),
                    (board, ORG.unitOf, resolver.org_iri(issuer)),
                    (resolver.org_iri(issuer), GOV.board, board),
                    (board, RDFS.label, Literal(f"Board of {issuer}"))]
    if fact.TYPE == "controlling_shareholder":
        group = ID[f"group/{quote(fact.evidence.doc_id, safe='')}"]
        triples += [(node, GOV.controllingGroup, group), (group, RDF.type, GOV.ControllingGroup),
                    (group, GOV.company, resolver.org_iri(issuer)),
                    (group, RDFS.label, Literal(f"Controlling group of {issuer}"))]
        if fact.values().get("group_percent") is not None:
            triples.append((group, GOV.groupPercent, Literal(fact.values()["group_percent"],
                                                             datatype=XSD.decimal)))
    return triples


def _committee_label(kind: str) -> str:
    if kind.startswith("other:"):
        return kind.split(":", 1)[1]
    return kind.replace("_", " ").upper() if kind == "esg" else kind.replace("_", " ").title() + " Committee"


def _entity(name: str, kind: str, issuer: str, resolver: Resolver, labels: "_Labels") -> URIRef:
    canonical = resolver.canonical(name, issuer)
    is_org = kind == "org" or (kind == "party" and resolver.party_is_organisation(name, issuer))
    iri = resolver.org_iri(canonical) if is_org else resolver.person_iri(canonical, issuer)
    labels.add(iri, GOV.Organisation if is_org else GOV.Person, canonical, name)
    if not is_org:
        labels.scope(iri, issuer)
    return iri


def _document_triples(doc: URIRef, meta: DocumentMeta, resolver: Resolver,
                      labels: "_Labels") -> list[Triple]:
    triples: list[Triple] = [
        (doc, RDF.type, GOV.Announcement),
        (doc, GOV.docId, Literal(meta.doc_id)),
        (doc, GOV.documentKind, Literal(meta.kind)),
    ]
    if meta.sha256:
        triples.append((doc, GOV.sha256, Literal(meta.sha256)))
    if meta.path:
        triples.append((doc, GOV.sourcePath, Literal(meta.path)))
    if meta.title:
        triples.append((doc, DCTERMS.title, Literal(meta.title)))
    if meta.headline and meta.headline != meta.title:
        triples.append((doc, DCTERMS.alternative, Literal(meta.headline)))
    if meta.url:
        triples.append((doc, SCHEMA.url, Literal(meta.url, datatype=XSD.anyURI)))
    if meta.page_starts:
        triples.append((doc, GOV.pageStarts, Literal(" ".join(map(str, meta.page_starts)))))
    if meta.date:
        triples.append((doc, DCTERMS.date, Literal(meta.date, datatype=XSD.date)))
    triples += [(doc, GOV.stockCode, Literal(code)) for code in meta.stock_codes]
    if meta.issuer:
        issuer = resolver.org_iri(meta.issuer)
        triples.append((doc, DCTERMS.publisher, issuer))
        labels.add(issuer, GOV.Organisation, meta.issuer, meta.issuer)
        if meta.issuer_zh:
            labels.extra.append((issuer, SKOS.altLabel, Literal(meta.issuer_zh, lang="zh")))
        for alias in meta.issuer_aliases:
            labels.extra.append((issuer, SKOS.altLabel, Literal(alias)))
    return triples


class _Labels:
    """Entity types and labels of one document: one skos:prefLabel per entity, other spellings alt."""

    def __init__(self) -> None:
        self._types: dict[URIRef, URIRef] = {}
        self._pref: dict[URIRef, str] = {}
        self._alt: dict[URIRef, set[str]] = {}
        self._scope: dict[URIRef, str] = {}
        self.extra: list[Triple] = []

    def add(self, iri: URIRef, cls: URIRef, canonical: str, as_written: str) -> None:
        self._types.setdefault(iri, cls)
        self._pref.setdefault(iri, canonical)
        for spelling in {canonical, as_written} - {self._pref[iri]}:
            self._alt.setdefault(iri, set()).add(spelling)

    def scope(self, iri: URIRef, issuer: str) -> None:
        self._scope[iri] = issuer

    def triples(self) -> list[Triple]:
        out: list[Triple] = list(self.extra)
        for iri, cls in self._types.items():
            out += [(iri, RDF.type, cls), (iri, SKOS.prefLabel, Literal(self._pref[iri])),
                    (iri, RDFS.label, Literal(self._pref[iri]))]
            out += [(iri, SKOS.altLabel, Literal(alt)) for alt in sorted(self._alt.get(iri, ()))]
        for iri, issuer in self._scope.items():
            out.append((iri, GOV.issuerKey, Literal(issuer)))
        return out

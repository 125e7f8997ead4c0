"""Facts survive the trip records -> RDF -> store -> SPARQL -> exchange format, on both backends."""
from __future__ import annotations

import json

from extract.records import FACT_TYPES, Alias, Directorship
from kg.facts import export_lines, read_facts
from kg.mapping import CLASS_OF_TYPE, map_document
from kg.resolve import Resolver
from kg.store import GraphStore
from tests import factories


def load(store: GraphStore, facts, meta=None) -> None:
    mapped = map_document(meta or factories.meta(), facts, Resolver())
    store.replace_graph(mapped.graph, mapped.triples)


def test_every_spec_type_round_trips(store: GraphStore) -> None:
    facts = factories.every_type()
    load(store, facts)
    expected = sorted(json.dumps(f.to_spec(), sort_keys=True) for f in facts if f.exported())
    got = sorted(json.dumps(json.loads(line), sort_keys=True) for line in export_lines(store))
    assert got == expected


def test_factories_cover_every_registered_type() -> None:
    assert {f.TYPE for f in factories.every_type()} == set(FACT_TYPES)


def test_graph_only_types_are_not_exported(store: GraphStore) -> None:
    load(store, factories.every_type())
    exported = {json.loads(line)["type"] for line in export_lines(store)}
    assert "alias" not in exported and "absence" not in exported and "finding" not in exported


def test_alias_resolves_to_full_name(store: GraphStore) -> None:
    alias = Alias(issuer=factories.ISSUER, name="Jiangxi Ruide Venture Investment Co., Ltd.",
                  alias="Ruide Venture", evidence=factories.ev())
    from extract.records import Shareholding
    holding = Shareholding(holder="Ruide Venture", company=factories.ISSUER, shares=5,
                           evidence=factories.ev())
    load(store, [alias, holding])
    [fact] = [f for f in read_facts(store) if f.TYPE == "shareholding"]
    assert fact.holder == "Jiangxi Ruide Venture Investment Co., Ltd."


def test_one_person_across_filings_of_one_issuer(store: GraphStore) -> None:
    for doc, honorific in (("a", "Ms."), ("b", "Mrs.")):
        fact = Directorship(company=factories.ISSUER, person=f"{honorific} Cao Ying",
                            role="independent_non_executive", as_of="2026-01-01",
                            evidence=factories.ev(doc=doc))
        load(store, [fact], factories.meta(doc=doc))
    rows = store.select("SELECT DISTINCT ?p WHERE { ?m <https://w3id.org/hk-governance/ontology#person> ?p }")
    assert len(rows) == 1


def test_same_name_on_two_issuers_is_two_people(store: GraphStore) -> None:
    for doc, issuer in (("a", "Alpha Limited"), ("b", "Beta Limited")):
        fact = Directorship(company=issuer, person="Wang Wei", role="executive", as_of="2026-01-01",
                            evidence=factories.ev(doc=doc))
        load(store, [fact], factories.meta(doc=doc, issuer=issuer))
    rows = store.select("SELECT DISTINCT ?p WHERE { ?m <https://w3id.org/hk-governance/ontology#person> ?p }")
    assert len(rows) == 2


def test_fact_without_issuer_is_counted_not_stored() -> None:
    fact = Directorship(company="", person="X Y", role="executive", as_of=None, evidence=factories.ev())
    mapped = map_document(factories.meta(issuer=None), [fact], Resolver())
    assert mapped.unmapped and not any(str(p).endswith("#person") for _, p, _ in mapped.triples)


def test_mapping_is_deterministic() -> None:
    a = map_document(factories.meta(), factories.every_type(), Resolver())
    b = map_document(factories.meta(), factories.every_type(), Resolver())
    assert sorted(a.triples) == sorted(b.triples)


def test_every_fact_has_evidence_and_provenance(store: GraphStore) -> None:
    load(store, factories.every_type())
    classes = " ".join(f"<{c}>" for c in CLASS_OF_TYPE.values())
    rows = store.select(f"""
        PREFIX gov: <https://w3id.org/hk-governance/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?f WHERE {{ ?f a ?c . VALUES ?c {{ {classes} }}
          FILTER NOT EXISTS {{ ?f prov:wasDerivedFrom ?d ; gov:evidence ?e . ?e gov:quote ?q }} }}""")
    assert rows == []
    n = store.select("""SELECT (COUNT(?f) AS ?n) WHERE { ?f <https://w3id.org/hk-governance/ontology#evidence> ?e }""")
    assert int(n[0]["n"]) == len(factories.every_type())


def test_controlling_shareholders_of_one_filing_form_one_group(store: GraphStore) -> None:
    from extract.records import ControllingShareholder
    members = [ControllingShareholder(company=factories.ISSUER, holder=h, as_of="2026-03-31", group_percent=31.42,
                                      evidence=factories.ev()) for h in ("Chan Tai Man", "Acme Holdings Limited")]
    load(store, members)
    rows = store.select("""PREFIX gov: <https://w3id.org/hk-governance/ontology#>
        SELECT ?g (COUNT(?m) AS ?n) ?p WHERE { ?m gov:controllingGroup ?g . ?g a gov:ControllingGroup ;
        gov:groupPercent ?p } GROUP BY ?g ?p""")
    assert [(int(r["n"]), float(r["p"])) for r in rows] == [(2, 31.42)]


def test_issuer_keyed_by_stock_code_across_spellings(store: GraphStore) -> None:
    from dataclasses import replace
    for doc, issuer in (("a", "Jiangxi Institute of Biological Products Inc."), ("b", "JIANGXI BIO-PRODUCTS INC")):
        fact = Directorship(company=issuer, person="Jing Yue", role="executive", as_of="2026-01-01",
                            evidence=factories.ev(doc=doc))
        m = replace(factories.meta(doc=doc, issuer=issuer), stock_codes=("06915",))
        mapped = map_document(m, [fact], Resolver())
        store.replace_graph(mapped.graph, mapped.triples)
    people = store.select("SELECT DISTINCT ?p WHERE { ?m <https://w3id.org/hk-governance/ontology#person> ?p }")
    orgs = store.select("SELECT DISTINCT ?o WHERE { ?m <https://w3id.org/hk-governance/ontology#company> ?o }")
    assert len(people) == 1 and len(orgs) == 1
    assert str(orgs[0]["o"]).endswith("/org/hkex-6915")


def test_withdrawn_resolution_stays_in_the_graph_only(store: GraphStore) -> None:
    from extract.records import Resolution
    withdrawn = Resolution(company=factories.ISSUER, meeting_date="2026-03-20", meeting_kind="agm", number="7",
                           title="To approve the share option scheme", withdrawn=True, evidence=factories.ev())
    load(store, [withdrawn])
    assert [f.withdrawn for f in read_facts(store) if f.TYPE == "resolution"] == [True]
    assert not [line for line in export_lines(store) if '"resolution"' in line]

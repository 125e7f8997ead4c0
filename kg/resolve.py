"""Canonical entities: one IRI per person within an issuer, one per organisation, aliases resolved.

Why scoped this way: two filings of one issuer that name `Ms. Cao Ying` and `Mrs. Cao Ying` speak of
one person, but a `Wang Wei` on two unrelated boards may be two people; merging across issuers needs
evidence we do not have, so person IRIs carry the issuer. Organisations are global: a company
name is specific enough. An issuer whose filings state its HKEX stock code is keyed by the code,
so its English and Chinese names, and any spelling a later filing uses, are one organisation
and scope one set of people. Short names a filing defines (`("Ruide Venture")`) resolve to the full
name, within the document and across documents of the same issuer.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from rdflib import URIRef

from kg.vocab import ID

HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|madam|madame|dr|prof|professor|sir|dame|lady)\b\.?\s*", re.I)
_PUNCT = re.compile(r"[.,()\"'“”‘’*（）]")

#: Words that make a name an organisation rather than a person.
ORGANISATION_WORDS = re.compile(
    r"\b(?:co|company|ltd|limited|inc|incorporated|corp|corporation|plc|llc|llp|lp|holdings?|group|"
    r"partnership|cent(?:er|re)|fund|bank|securities|trust|capital|investments?|management|"
    r"enterprises?|industrial|industries|ventures?|asset|insurance|financial|technology|"
    r"international|association|foundation|committee|government|bureau|commission|"
    r"registrar|services|branch|partners)\b|有限|公司|合伙|合夥|集團|集团|银行|銀行|证券|證券", re.I)


def name_key(name: str) -> str:
    """Normalised form under which two spellings are the same name (the spec's matching rules)."""
    s = unicodedata.normalize("NFKC", name).casefold().strip()
    while True:
        t = HONORIFIC.sub("", s)
        if t == s:
            break
        s = t
    s = _PUNCT.sub(" ", s)
    s = re.sub(r"[-\s]+", " ", s).strip()
    s = re.sub(r"\blimited\b", "ltd", s)
    return re.sub(r"\bcompany\b", "co", s)


def slug(key: str) -> str:
    """A readable, IRI-safe path segment for a normalised name."""
    return quote(key.replace(" ", "-"), safe="-")


def is_organisation(name: str) -> bool:
    return bool(ORGANISATION_WORDS.search(name))


class Resolver:
    """Maps names to IRIs. Holds the alias table: issuer key -> alias key -> full name."""

    def __init__(self) -> None:
        self._aliases: dict[str, dict[str, str]] = {}
        self._issuer_keys: dict[str, str] = {}  # name key -> "hkex-<code>"

    def add_issuer(self, names: Iterable[str | None], stock_codes: Iterable[str]) -> None:
        """Key every name of an issuer by its HKEX stock code (the lowest, without leading zeros)."""
        codes = sorted({int(c) for c in stock_codes if c.isdigit() and int(c) > 0})
        if not codes:
            return
        for name in names:
            if name:
                self._issuer_keys.setdefault(name_key(name), f"hkex-{codes[0]}")

    def _scope(self, name: str) -> str:
        """The path segment that identifies an organisation: its stock-code key, else its name."""
        key = name_key(name)
        return self._issuer_keys.get(key) or slug(key)

    def add_alias(self, issuer: str, alias: str, full_name: str) -> None:
        if name_key(alias) != name_key(full_name):
            self._aliases.setdefault(name_key(issuer), {})[name_key(alias)] = full_name

    def canonical(self, name: str, issuer: str | None) -> str:
        """The full name a short name stands for under this issuer, else the name itself."""
        if issuer is None:
            return name
        return self._aliases.get(name_key(issuer), {}).get(name_key(name), name)

    def is_alias(self, name: str, issuer: str | None) -> bool:
        return issuer is not None and name_key(name) in self._aliases.get(name_key(issuer), {})

    def org_iri(self, name: str) -> URIRef:
        return ID[f"org/{self._scope(name)}"]

    def person_iri(self, name: str, issuer: str) -> URIRef:
        return ID[f"person/{self._scope(issuer)}/{slug(name_key(name))}"]

    def board_iri(self, issuer: str) -> URIRef:
        return ID[f"board/{self._scope(issuer)}"]

    def committee_iri(self, issuer: str, committee: str) -> URIRef:
        return ID[f"committee/{self._scope(issuer)}/{slug(name_key(committee))}"]

    def party_is_organisation(self, name: str, issuer: str | None) -> bool:
        return self.is_alias(name, issuer) or is_organisation(self.canonical(name, issuer))

"""Run every extractor family on one announcement: the pure core of extraction."""
from __future__ import annotations

from dataclasses import dataclass

from extract.context import DocContext
from extract.identity import read_meta
from extract.pipeline import get_nlp
from extract.records import Announcement, DocumentMeta, Fact, Skipped
from extract.registry import extractors


@dataclass(frozen=True)
class Extraction:
    """What one document yielded: its identity, its facts, and what was skipped (with reasons).

    `families[i]` names the extractor family that read `facts[i]` (for the build report)."""

    meta: DocumentMeta
    facts: tuple[Fact, ...]
    skipped: tuple[Skipped, ...]
    families: tuple[str, ...] = ()


def extract_announcement(announcement: Announcement,
                         modules: tuple[str, ...] | None = None) -> Extraction:
    """Identity first, then every registered family; duplicate facts (same values) kept once.

    `modules` limits the run to the families of those modules (see `extract.registry`).
    """
    meta = read_meta(announcement)
    ctx = DocContext(announcement=announcement, meta=meta, nlp=get_nlp())
    facts: list[Fact] = []
    families: list[str] = []
    seen: set[tuple] = set()
    for name, family in sorted(extractors(modules).items()):
        for fact in family(ctx):
            key = (fact.TYPE, tuple(fact.values().items()))
            if key not in seen:
                seen.add(key)
                facts.append(fact)
                families.append(name)
    return Extraction(meta=meta, facts=tuple(facts), skipped=tuple(ctx.skipped), families=tuple(families))

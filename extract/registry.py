"""Extractor families by name: a registry, not an if/elif chain.

A family is a function `DocContext -> list[Fact]`. The built-in families register themselves when
their module is imported (see `BUILTIN_FAMILY_MODULES`); a third-party package can add one through
the `kg.extractors` entry-point group, the way spaCy factories are declared.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from importlib.metadata import entry_points

from extract.context import DocContext
from extract.records import Fact

Extractor = Callable[[DocContext], list[Fact]]

_EXTRACTORS: dict[str, Extractor] = {}
_loaded = [False]

#: Imported in this order; each module registers one or more families.
BUILTIN_FAMILY_MODULES = (
    "extract.identity",
    "extract.board.paragraphs",
    "extract.board.counts",
    "extract.officers",
    "extract.shareholdings.pledges",
    "extract.shareholdings.holdings",
    "extract.meetings.polls",
    "extract.changes.reader",
    "extract.committees.members",
    "extract.results",
    "extract.subsidiaries",
)


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Register `fn` as the extractor of family `name`."""

    def register(fn: Extractor) -> Extractor:
        _EXTRACTORS[name] = fn
        return fn

    return register


def extractors(modules: tuple[str, ...] | None = None) -> dict[str, Extractor]:
    """All registered families, loading the built-in modules and entry points on first use.

    `modules` restricts loading to those modules, or the family packages named (`extract.committees`
    is every family of the committee package): a developer aid for working on one family.
    """
    if modules is not None:
        found: dict[str, Extractor] = {}
        for module in modules:
            for builtin in BUILTIN_FAMILY_MODULES:
                if builtin == module or builtin.startswith(module + "."):
                    importlib.import_module(builtin)
            importlib.import_module(module)
            found.update({name: fn for name, fn in _EXTRACTORS.items()
                          if _within(getattr(fn, "__module__", ""), module)})
        return found
    if not _EXTRACTORS or not _loaded[0]:
        _loaded[0] = True
        for module in BUILTIN_FAMILY_MODULES:
            try:
                importlib.import_module(module)
            except ModuleNotFoundError as exc:
                if exc.name != module:
                    raise
        for ep in entry_points(group="kg.extractors"):
            _EXTRACTORS.setdefault(ep.name, ep.load())
    return dict(_EXTRACTORS)


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")

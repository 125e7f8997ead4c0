"""Scoring extractor output against the copied gold, straight from the extractors (no store).

One implementation of the exchange format's matching rules serves the product and the tests:
`kg.evaluate`. End-to-end tests of a family call `score` with the family's modules.
"""
from __future__ import annotations

import json
from pathlib import Path

from extract.readers import find_files, read_announcement
from extract.run import extract_announcement
from kg.evaluate import Evaluation, evaluate

DATA = Path(__file__).parent / "data"


def gold_lines(*names: str) -> list[dict]:
    """The lines of gold files in tests/data/gold."""
    return [json.loads(line) for name in names
            for line in (DATA / "gold" / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def extracted(paths: list[Path], modules: tuple[str, ...] | None = None) -> list[dict]:
    """Exchange-format lines of the facts the given modules read from `paths` (files or folders)."""
    return [fact.to_spec() for path in find_files(paths)
            for fact in extract_announcement(read_announcement(path), modules).facts if fact.exported()]


def score(gold_files: tuple[str, ...], paths: list[Path], types: set[str],
          modules: tuple[str, ...] | None = None) -> Evaluation:
    """Per-type scores of `modules` on `paths` against `gold_files`, for `types` only."""
    return evaluate(gold_lines(*gold_files), extracted(paths, modules), only=types)

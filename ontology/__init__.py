"""The governance ontology (OWL, Turtle) and its SHACL shapes, shipped as package data."""
from __future__ import annotations

from importlib import resources

ONTOLOGY_FILE = "governance.ttl"
SHAPES_FILE = "shapes.ttl"


def read_text(name: str) -> str:
    """The text of one of this package's Turtle files."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")

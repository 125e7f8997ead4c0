"""The spaCy side: one `Language` per process, `spacy.blank("en")` plus our registered components.

A trained English pipeline is never required: set `KG_SPACY_MODEL` to the name of an installed
one to start from it instead of the blank pipeline. Our components are registered with
`@Language.factory` in `extract.components` and declared as `spacy_factories` entry points.
"""
from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

#: Components added, in order, after the tokenizer.
COMPONENTS: tuple[str, ...] = ("gov_spans",)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline (built once per process)."""
    import extract.components  # noqa: F401  (registers the factories)

    model = os.environ.get("KG_SPACY_MODEL")
    nlp = spacy.load(model) if model else spacy.blank("en")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp

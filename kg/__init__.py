"""The governance knowledge graph: mapping, store, queries, export, visualisation, evaluation.

Nothing in this package imports spaCy; it meets `extract/` only through `extract.records` and the
`extract.run` entry point.
"""

"""Text in, typed facts out: readers, the spaCy pipeline and one extractor per relation family.

Nothing in this package imports rdflib; it meets `kg/` only at `extract.records`.
"""

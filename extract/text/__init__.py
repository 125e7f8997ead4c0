"""Text tools every family shares: dates, numbers, person names, vocabularies, flattened tables,
and the names a document defines for its parties. No extractor lives here."""

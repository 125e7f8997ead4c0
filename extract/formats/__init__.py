"""Readers of published formats (PDF, HTML) that give the text the extractors read."""

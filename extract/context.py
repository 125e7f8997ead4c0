"""What an extractor is handed: one document, its identity, and the shared spaCy pipeline.

Extractors find the regions that matter cheaply (regular expressions over the raw text) and run
the spaCy pipeline only on those regions (`ctx.nlp(region)`), so a 270 KB report costs little.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from extract.records import Announcement, DocumentMeta, Evidence, Skipped

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[A-Z(\"“])|\n\s*\n")


@dataclass
class DocContext:
    """One document being extracted. `skipped` collects facts seen but not read with confidence."""

    announcement: Announcement
    meta: DocumentMeta
    nlp: "Language"
    skipped: list[Skipped] = field(default_factory=list)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute: Callable[["DocContext"], Any]) -> Any:
        """`compute(self)` once per document: a reading several families share (the board paragraph
        is read by the board, officer and meeting families) is done once."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    @property
    def text(self) -> str:
        return self.announcement.text

    @property
    def doc_id(self) -> str:
        return self.announcement.doc_id

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence quoting text[start:end] exactly, whitespace runs folded for readability."""
        quote = " ".join(self.text[start:end].split())
        return Evidence(self.doc_id, start, end, quote)

    def sentence_evidence(self, start: int, end: int, limit: int = 600) -> Evidence:
        """Evidence widened to the sentence (or table row) around [start, end), at most `limit` chars."""
        text = self.text
        lo = max(0, start - limit)
        head = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
        s = head[-1] if head else lo
        m = _SENTENCE_END.search(text, end, min(len(text), end + limit))
        e = m.start() if m else min(len(text), end + limit)
        if e - s > 2 * limit:
            s, e = start, end
        return self.evidence(s, e)

    def skip(self, family: str, reason: str, start: int = 0, end: int = 0) -> None:
        self.skipped.append(Skipped(self.doc_id, family, reason, start, end))

"""spaCy components of the governance pipeline, registered with `@Language.factory`.

`gov_spans` marks the literal vocabulary of governance text (honorifics, director roles, officer
titles, committee names) in `doc.spans["gov"]` with one `PhraseMatcher`, compiled once in
`__init__`; its cost on top of the tokenizer is close to nothing. Structure (who holds which role)
is read by the family extractors, which run the pipeline only on the regions they care about.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.text.vocab import COMMITTEE_PHRASES, DIRECTOR_ROLE_PHRASES, HONORIFICS, OFFICER_TITLE_PHRASES

SPAN_KEY = "gov"

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "HONORIFIC": HONORIFICS,
    "DIRECTOR_ROLE": tuple(DIRECTOR_ROLE_PHRASES),
    "OFFICER_TITLE": tuple(OFFICER_TITLE_PHRASES),
    "COMMITTEE": tuple(COMMITTEE_PHRASES),
}


class GovSpans:
    """Label vocabulary phrases; longest match wins where phrases overlap."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, phrases in VOCABULARIES.items():
            self.matcher.add(label, list(nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id)
                 for match_id, start, end in self.matcher(doc)]
        doc.spans[SPAN_KEY] = filter_spans(spans)
        return doc


@Language.factory("gov_spans")
def make_gov_spans(nlp: Language, name: str) -> GovSpans:
    return GovSpans(nlp, name)

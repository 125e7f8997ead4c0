"""PDF filings -> text with pages, paragraphs and tables as the readers expect (pypdfium2, PDFium).

PDFium (Apache-2.0/BSD, via pypdfium2) was chosen by measurement over pdfplumber/pdfminer.six and
pypdf (bench/pdf_libraries.py; the README's PDF section has the numbers): it gives every glyph's box
as fast as pypdf reads text, and with the boxes `extract.formats.layout` rebuilds paragraphs and
table cells. Pages are joined by a form feed on a line of its own (`\\n\\f\\n`), which the identity
reader takes as a page start, except where a paragraph runs on to the next page (joined by a
space). `page_starts` gives each page's offset in the text, so the page of any evidence offset can
be recovered (`extract.records.page_of`). A PDF without a text layer (a scan) is an error saying
so, not an empty document.
"""
from __future__ import annotations

import pypdfium2 as pdfium

from extract.formats.layout import Word, document_text

#: Characters of text per page below which a page counts as having no text layer.
MIN_TEXT_CHARS = 20


class PdfError(Exception):
    """A PDF that cannot be read as a filing (damaged, encrypted, or scanned without a text layer)."""


def pdf_text(data: bytes, max_chars: int) -> tuple[str, tuple[int, ...]]:
    """(text, offset of each page's text) of a PDF's bytes."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfError(f"not a readable PDF ({exc})") from exc
    try:
        pages = [_words(document[i]) for i in range(len(document))]
    finally:
        document.close()
    if not pages:
        raise PdfError("a PDF with no pages")
    chars = sum(len(w.text) for words in pages for w in words)
    if chars < MIN_TEXT_CHARS * len(pages):
        raise PdfError(f"no text layer ({chars} characters on {len(pages)} page{'s' * (len(pages) > 1)}): "
                       "a scanned PDF needs OCR first")
    if chars > max_chars:
        raise PdfError(f"{chars / 1e6:.1f} MB of text, over the limit of {max_chars / 1e6:.1f} MB")
    return document_text(pages)


def _words(page: pdfium.PdfPage) -> list[Word]:
    """The page's words: runs of glyphs between spaces, line ends and gaps, with their boxes."""
    textpage = page.get_textpage()
    height = page.get_height()
    words: list[Word] = []
    current: list[tuple[str, tuple[float, float, float, float]]] = []

    def flush() -> None:
        if current:
            text = "".join(c for c, _ in current)
            boxes = [b for _, b in current]
            words.append(Word(text, min(b[0] for b in boxes), max(b[2] for b in boxes),
                              height - max(b[3] for b in boxes), height - min(b[1] for b in boxes)))
            current.clear()

    try:
        text = textpage.get_text_range()
        count = textpage.count_chars()
        for i in range(min(count, len(text))):
            char = text[i]
            if char == "\ufffe":  # PDFium's mark for a hyphen that ends a line
                char = "-"
            if char.isspace():
                flush()
                continue
            box = textpage.get_charbox(i, loose=True)
            if current:
                last = current[-1][1]
                size = last[3] - last[1]
                if box[0] - last[2] > 0.25 * size or abs(box[1] - last[1]) > 0.5 * size:
                    flush()
            current.append((char, box))
        flush()
    finally:
        textpage.close()
        page.close()
    return words

"""Which PDF library reads filings best: pypdfium2, pdfplumber (pdfminer.six) and pypdf on the same files.

The seed and dev filings are typeset as PDF (`tests/pdf_writer.py`: wrapped paragraphs, aligned
table columns, Chinese names) and read back by each library. For each: seconds per page, how many
of the source's lines come back exactly (paragraph lines, and table rows with every cell in its
column), and the facts the extractors then read, scored against the gold. pypdfium2 and pdfplumber
give word boxes, which `extract.formats.layout` turns into paragraphs and cells; pypdf gives only
text (its layout mode pads with spaces), so runs of three or more spaces are taken as cell gaps.
PyMuPDF is not compared: it is AGPL. Usage: `python -m bench.pdf_libraries` (repository root).
"""
from __future__ import annotations

import io
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdf

from extract.formats.layout import PAGE_BREAK, Word, document_text
from extract.formats.pdf import pdf_text
from extract.records import Announcement
from extract.run import extract_announcement
from kg.evaluate import evaluate
from tests.pdf_writer import text_to_pdf
from tests.scoring import gold_lines

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
GOLD = ("seeds.jsonl", "dev.jsonl", "dev-pledges.jsonl", "dev-polls-reports.jsonl")


def read_pdfium(data: bytes) -> str:
    return pdf_text(data, 10**9)[0]


def read_pdfplumber(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [[Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"])
                  for w in page.extract_words(x_tolerance=1.5, keep_blank_chars=False)] for page in pdf.pages]
    return document_text(pages)[0]


def read_pypdf(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        text = page.extract_text(extraction_mode="layout")
        lines = [re.sub(r" {3,}", "\t", line.strip()) for line in text.splitlines()]
        pages.append(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip())
    return PAGE_BREAK.join(pages)


READERS: dict[str, Callable[[bytes], str]] = {"pypdfium2": read_pdfium, "pdfplumber": read_pdfplumber,
                                              "pypdf": read_pypdf}


def line_fidelity(source: str, read: str) -> tuple[int, int, int, int]:
    """(text lines read back exactly, text lines, table rows read back exactly, table rows) of one filing."""
    got = set(read.replace("\f", "").splitlines())
    lines = [" ".join(line.split()) for line in source.splitlines() if line.strip() and "\t" not in line]
    rows = [_cells(line) for line in source.splitlines() if "\t" in line and line.strip()]
    got_text = {" ".join(line.split()) for line in got}
    got_rows = {_cells(line) for line in got}
    return (sum(1 for line in lines if line in got_text), len(lines),
            sum(1 for row in rows if row in got_rows), len(rows))


def _cells(row: str) -> tuple[str, ...]:
    """A table row as its cells, spaces folded and trailing empty cells dropped."""
    cells = [" ".join(c.split()) for c in row.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def main() -> None:
    sources = sorted((DATA / "seeds").glob("*.txt")) + sorted((DATA / "dev").glob("*.txt"))
    gold = gold_lines(*GOLD)
    with tempfile.TemporaryDirectory(prefix="kg-pdf-bench-") as tmp:
        pdfs = []
        pages = 0
        for src in sources:
            pdf = text_to_pdf(src.read_text(encoding="utf-8"), Path(tmp) / f"{src.stem}.pdf")
            data = pdf.read_bytes()
            pages += len(pypdf.PdfReader(io.BytesIO(data)).pages)
            pdfs.append((src, data))
        print(f"{len(pdfs)} filings typeset as PDF, {pages} pages; lines and table rows: the share of the "
              "source's read back exactly (a wrapped source line is joined to the next by design)")
        reference = [fact.to_spec() for src, _ in pdfs for fact in extract_announcement(
            Announcement(src.stem, str(src), src.read_text(encoding="utf-8"), "", "utf-8")).facts if fact.exported()]
        base = evaluate(gold, reference).total
        print(f"{'text files (reference)':24s} {'':>10s} {'':>10s} {'':>10s}  facts P={base.precision:.3f} "
              f"R={base.recall:.3f} F1={base.f1:.3f}")
        print(f"{'library':24s} {'ms/page':>10s} {'lines':>10s} {'table rows':>10s}  extracted facts vs gold")
        for name, read in READERS.items():
            started = time.perf_counter()
            texts = [(src, read(data)) for src, data in pdfs]
            seconds = time.perf_counter() - started
            fidelity = [line_fidelity(src.read_text(encoding="utf-8"), text) for src, text in texts]
            facts = [fact.to_spec() for src, text in texts for fact in extract_announcement(
                Announcement(src.stem, str(src), text, "", "pdf")).facts if fact.exported()]
            total = evaluate(gold, facts).total
            lines_ok, lines, rows_ok, rows = (sum(f[i] for f in fidelity) for i in range(4))
            print(f"{name:24s} {1000 * seconds / pages:10.1f} {lines_ok / lines:10.3f} "
                  f"{rows_ok / rows:10.3f}  facts P={total.precision:.3f} "
                  f"R={total.recall:.3f} F1={total.f1:.3f}")


if __name__ == "__main__":
    main()

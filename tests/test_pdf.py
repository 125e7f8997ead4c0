"""PDF filings: typeset in the real layouts, read back into the text the extractors read, with the
same facts as the text; pages recoverable from offsets; scans and damaged files are clear errors."""
from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extract.readers import ReadError, read_announcement
from extract.records import Announcement, page_of
from extract.run import extract_announcement
from kg.build import build
from kg.mapping import document_iri
from kg.store import MemoryStore
from kg.vocab import GOV
from tests.conftest import DATA, DEV, SEEDS
from tests.pdf_writer import LATIN_PATH, scanned_pdf, text_to_pdf

PDF_DATA = DATA / "pdf"
#: One filing of each layout: pledge tables, poll results, a board announcement, a report excerpt.
LAYOUTS = [SEEDS / "002_f6d50b8c077761e6.txt", SEEDS / "003_5ab7b78cfd54d383.txt",
           DEV / "board__lung-fung-group__2026-06-04.txt", DEV / "poll__computer-and-technologies__2019-05-29.txt",
           DEV / "pledge__zhejiang-lanxu__2024-03-15.txt", DEV / "report__cabbeen-fashion__nodate.txt"]


needs_fonts = pytest.mark.skipif(not LATIN_PATH.exists(), reason=f"{LATIN_PATH} missing (.ci/system-packages)")


def _facts(announcement: Announcement) -> list[dict]:
    return sorted((f.to_spec() for f in extract_announcement(announcement).facts if f.exported()),
                  key=lambda d: sorted(map(str, d.items())))


@needs_fonts
@pytest.mark.parametrize("source", LAYOUTS, ids=lambda p: p.stem)
def test_pdf_reads_the_same_facts_as_the_text(source: Path, tmp_path: Path) -> None:
    pdf = text_to_pdf(source.read_text(encoding="utf-8"), tmp_path / f"{source.stem}.pdf")
    from_pdf = read_announcement(pdf)
    assert from_pdf.encoding == "pdf" and from_pdf.doc_id == source.stem
    assert _facts(from_pdf) == _facts(read_announcement(source))


@needs_fonts
def test_tables_come_out_as_tab_separated_rows(tmp_path: Path) -> None:
    source = SEEDS / "002_f6d50b8c077761e6.txt"
    text = read_announcement(text_to_pdf(source.read_text(encoding="utf-8"), tmp_path / "p.pdf")).text
    assert ("Ruide Venture\tYes\t1,600.00\t4.13%\t1.19%\tNo\tNo\tSeptember 20, 2023\tUntil the procedure for "
            "releasing the pledge is completed\tCITIC Securities Co., Ltd.\tProduction and operation") in text.split("\n")
    assert "江西金力永磁科技股份有限公司" in text.split("\n")  # Chinese survives


@needs_fonts
def test_page_of_every_evidence_offset(tmp_path: Path) -> None:
    source = DEV / "board__lung-fung-group__2026-06-04.txt"
    pdf = text_to_pdf(source.read_text(encoding="utf-8"), tmp_path / "b.pdf")
    announcement = read_announcement(pdf)
    starts = announcement.page_starts
    document = pdfium.PdfDocument(str(pdf))
    assert len(starts) == len(document) > 3 and list(starts) == sorted(starts) and starts[0] == 0
    pages = ["".join(document[i].get_textpage().get_text_range().split()) for i in range(len(document))]
    facts = extract_announcement(announcement).facts
    assert facts
    for fact in facts:
        page = page_of(fact.evidence.start, starts)
        first_words = "".join(announcement.text[fact.evidence.start:fact.evidence.end].split())[:30]
        assert first_words in pages[page - 1], (fact.TYPE, page)


@needs_fonts
def test_scanned_pdf_is_an_error_not_an_empty_document(tmp_path: Path) -> None:
    scan = scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ReadError, match=r"scan\.pdf: no text layer .* a scanned PDF needs OCR first"):
        read_announcement(scan)


def test_damaged_pdf_is_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF garbage")
    with pytest.raises(ReadError, match=r"broken\.pdf: not a readable PDF"):
        read_announcement(broken)


def test_kept_pdfs_build_with_their_pages(tmp_path: Path) -> None:
    """The small PDFs kept in tests/data/pdf (typeset from dev filings) build into the graph."""
    kept = sorted(PDF_DATA.glob("*.pdf"))
    assert len(kept) >= 3
    docs = tmp_path / "docs"
    shutil.copytree(PDF_DATA, docs)
    store = MemoryStore()
    report = build([str(docs)], store)
    assert report.errors == [] and report.built == len(kept) and report.facts["directorship"] > 0
    for pdf in kept:
        rows = store.select(f"SELECT ?d ?p WHERE {{ ?d <{GOV.pageStarts}> ?p }}", {"d": document_iri(pdf.stem)})
        assert len(rows) == 1
        assert [int(x) for x in str(rows[0]["p"]).split()] == list(read_announcement(pdf).page_starts)

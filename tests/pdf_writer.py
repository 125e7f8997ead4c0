"""Text filings typeset as PDF the way HKEX filings are laid out (reportlab, test extra only).

The text corpora are what a PDF reader is expected to give back: paragraphs on one line, a blank
line between blocks, table rows with tab-separated cells. This writer lays such a text out as a
filing is printed: paragraphs wrapped to the page width, blank lines as vertical space, tables as
aligned columns (empty cells left blank, the font shrunk until the widest row fits, as a typesetter
fits a wide table; kept on one page when it fits, else its header row repeated on the next), a
run of two or more spaces as a wide gap (a running header's page number), Chinese in a CJK font
(Adobe's STSong, which PDF readers map back to Unicode) and the rest in embedded DejaVu Sans, pages
broken where they fill or at a form feed. `scanned_pdf` writes a page with an image and no text layer.
"""
from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

#: An embedded TrueType font (subset with a ToUnicode map, as filings are typeset) for everything but
#: Chinese; Debian's fonts-dejavu-core (.ci/system-packages) provides it.
LATIN_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LATIN, CJK_FONT = "DejaVuSans", "STSong-Light"
SIZE, LEADING = 9.0, 11.5
MARGIN = 56.0
COLUMN_GAP = 2.2  # in ems of the table's font
MIN_TABLE_SIZE = 2.5
CJK_RUN = re.compile(r"([\u3000-\u9fff\uff00-\uffef]+)")
WIDE_GAP = re.compile(r" {2,}")

_registered = False


def _fonts() -> None:
    global _registered
    if not _registered:
        if not LATIN_PATH.exists():
            raise FileNotFoundError(f"{LATIN_PATH}: install Debian's fonts-dejavu-core (.ci/system-packages)")
        pdfmetrics.registerFont(TTFont(LATIN, str(LATIN_PATH)))
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
        _registered = True


def _runs(text: str) -> list[tuple[str, str]]:
    """(font, text) runs: Chinese in the CJK font, the rest in the Latin one."""
    return [(CJK_FONT if i % 2 else LATIN, part) for i, part in enumerate(CJK_RUN.split(text)) if part]


def _width(text: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(part, font, size) for font, part in _runs(text))


class _Page:
    def __init__(self, pdf: canvas.Canvas) -> None:
        self.pdf = pdf
        self.width, self.height = A4
        self.y = self.height - MARGIN

    @property
    def text_width(self) -> float:
        return self.width - 2 * MARGIN

    def need(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.new_page()

    def new_page(self) -> None:
        self.pdf.showPage()
        self.y = self.height - MARGIN

    def draw(self, x: float, text: str, size: float) -> None:
        for font, part in _runs(text):
            self.pdf.setFont(font, size)
            self.pdf.drawString(x, self.y, part)
            x += pdfmetrics.stringWidth(part, font, size)


def text_to_pdf(text: str, path: str | Path) -> Path:
    """Typeset `text` (the corpus form of a filing) into a PDF at `path`."""
    _fonts()
    path = Path(path)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page = _Page(pdf)
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\f" in line:
            page.new_page()
            line = line.replace("\f", "")
        if not line.strip():
            page.y -= LEADING * 0.9
            i += 1
            continue
        if "\t" in line:
            block = []
            while i < len(lines) and "\t" in lines[i] and "\f" not in lines[i]:
                block.append(lines[i])
                i += 1
            _table(page, block)
            continue
        _paragraph(page, line)
        i += 1
    pdf.showPage()
    pdf.save()
    return path


def _paragraph(page: _Page, line: str) -> None:
    """One source line: segments split at wide gaps, each wrapped word by word to the text width."""
    segments = WIDE_GAP.split(line.strip())
    if len(segments) > 1:  # a header with a page number: segments spread along the line
        page.need(LEADING)
        x = MARGIN
        for segment in segments:
            page.draw(x, segment, SIZE)
            x += _width(segment, SIZE) + 2 * SIZE
        page.y -= LEADING
        return
    for wrapped in _wrap(line.strip(), page.text_width, SIZE):
        page.need(LEADING)
        page.draw(MARGIN, wrapped, SIZE)
        page.y -= LEADING


def _wrap(text: str, width: float, size: float) -> list[str]:
    out: list[str] = []
    current = ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and _width(trial, size) > width:
            out.append(current)
            current = word
        else:
            current = trial
    while _width(current, size) > width and len(current) > 1:  # one word wider than the page (CJK runs)
        cut = len(current)
        while cut > 1 and _width(current[:cut], size) > width:
            cut -= 1
        out.append(current[:cut])
        current = current[cut:]
    if current:
        out.append(current)
    return out


def _table(page: _Page, rows: list[str]) -> None:
    """Rows of tab-separated cells in aligned columns, one line per row, the font fitted to the page."""
    cells = [[c.strip() for c in row.split("\t")] for row in rows]
    columns = max(len(r) for r in cells)
    size = SIZE
    while True:
        widths = [max((_width(r[c], size) for r in cells if c < len(r)), default=0.0) for c in range(columns)]
        total = sum(widths) + COLUMN_GAP * size * (columns - 1)
        if total <= page.text_width or size <= MIN_TABLE_SIZE:
            break
        size = max(MIN_TABLE_SIZE, size * page.text_width / total * 0.98)
    lead = size * LEADING / SIZE
    starts = [MARGIN]
    for w in widths[:-1]:
        starts.append(starts[-1] + w + COLUMN_GAP * size)
    if len(cells) * lead <= page.height - 2 * MARGIN:
        page.need(len(cells) * lead)  # a table that fits on a page is kept on one
    for i, row in enumerate(cells):
        if page.y - lead < MARGIN:  # a longer table goes on, under its header row repeated
            page.new_page()
            if i > 0:
                _row(page, cells[0], starts, size, lead)
        _row(page, row, starts, size, lead)


def _row(page: _Page, row: list[str], starts: list[float], size: float, lead: float) -> None:
    for c, cell in enumerate(row):
        if cell:
            page.draw(starts[c], cell, size)
    page.y -= lead


def scanned_pdf(path: str | Path) -> Path:
    """A page as a scanner makes it: one image of the printed page, no text layer."""
    from PIL import Image, ImageDraw

    path = Path(path)
    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    for y in range(80, 600, 18):  # dark bars where the lines of text were
        draw.rectangle((60, y, 560, y + 9), fill=40)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.drawInlineImage(image, 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    return path

"""The only file I/O of `extract/`: find announcement files and decode them into `Announcement`s.

Formats by suffix: text (`.txt`, `.md`), PDF (`.pdf`, `extract.formats.pdf`) and HTML (`.htm`,
`.html`, `extract.formats.html`); each gives the text in the same shape (paragraphs on a line,
blank lines between blocks, table rows of tab-separated cells), so the extractors never see the
format. Text encodings: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030 / Big5 (common
for filings produced on Chinese-locale machines), detected in that order. A file that cannot be
read raises `ReadError` naming the file and the problem, so a batch can report it and go on.
"""
from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.records import Announcement, FilingMetadata

TEXT_SUFFIXES = (".txt", ".md")
PDF_SUFFIXES = (".pdf",)
HTML_SUFFIXES = (".htm", ".html")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + PDF_SUFFIXES + HTML_SUFFIXES
#: A PDF or HTML file may be this many times larger than its text limit (fonts, images, markup).
CONTAINER_FACTOR = 10


class ReadError(Exception):
    """A file that cannot be read as an announcement; the message names the file and the problem."""


def find_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield the announcement files under `paths` (files as given, folders recursively, sorted).

    A path that does not exist raises `ReadError`; files with other suffixes inside folders are
    passed over silently, a file named explicitly with another suffix raises `ReadError`.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(SUPPORTED_SUFFIXES) and not name.startswith("."):
                        yield Path(root) / name
        elif path.is_file():
            if not path.name.lower().endswith(SUPPORTED_SUFFIXES):
                raise ReadError(f"{path}: unsupported file type {path.suffix!r} "
                                f"(expected one of {', '.join(SUPPORTED_SUFFIXES)})")
            yield path
        else:
            raise ReadError(f"{path}: no such file or directory")


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode raw bytes, returning (text, encoding name). Raises `ReadError` naming `name`."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8", name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data[:4096]:
        raise ReadError(f"{name}: looks binary (NUL bytes) and has no UTF-16 byte-order mark")
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, encoding
    raise ReadError(f"{name}: not valid UTF-8, UTF-16 (with BOM), GB18030 or Big5 text")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(f"{name}: invalid {encoding} at byte {exc.start}: {exc.reason}") from exc


#: The default limit on a document's size: 20 MB of text. A larger file is an error, not a stall.
DEFAULT_MAX_BYTES = 20_000_000


def read_announcement(path: str | os.PathLike[str], filing: FilingMetadata | None = None,
                      max_bytes: int = DEFAULT_MAX_BYTES) -> Announcement:
    """Read one file, with the exchange's metadata for it if a manifest gives some.

    The document id is the file name without folder and extension. A text file larger than
    `max_bytes` is refused before it is read; a PDF or HTML file whose text is larger, or whose
    file is more than CONTAINER_FACTOR times larger, too.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    limit = max_bytes if suffix in TEXT_SUFFIXES else CONTAINER_FACTOR * max_bytes
    try:
        size = p.stat().st_size
        if size > limit:
            what = "of text" if suffix in TEXT_SUFFIXES else "of file"
            raise ReadError(f"{p}: {_megabytes(size)} {what}, over the limit of {_megabytes(limit)} "
                            f"(raise it with --max-size)")
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    page_starts: tuple[int, ...] = ()
    if suffix in PDF_SUFFIXES:
        text, page_starts, encoding = *_pdf(data, p, max_bytes), "pdf"
    elif suffix in HTML_SUFFIXES:
        text, encoding = _html(data, p, max_bytes)
    else:
        text, encoding = decode(data, str(p))
        if "\x00" in text:
            raise ReadError(f"{p}: decodes as {encoding} but holds NUL characters: not a text document")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError(f"{p}: empty document")
    return Announcement(doc_id=p.stem, path=str(p), text=text, sha256=hashlib.sha256(data).hexdigest(),
                        encoding=encoding, page_starts=page_starts, filing=filing)


def _pdf(data: bytes, path: Path, max_chars: int) -> tuple[str, tuple[int, ...]]:
    from extract.formats.pdf import PdfError, pdf_text

    try:
        return pdf_text(data, max_chars)
    except PdfError as exc:
        raise ReadError(f"{path}: {exc}") from exc


def _html(data: bytes, path: Path, max_chars: int) -> tuple[str, str]:
    from extract.formats.html import HtmlError, declared_charset, html_text

    try:
        charset = declared_charset(data)
        if charset:
            markup, encoding = _strict(data, charset, str(path)), charset
        else:
            markup, encoding = decode(data, str(path))
        text = html_text(markup.replace("\r\n", "\n").replace("\r", "\n"))
    except HtmlError as exc:
        raise ReadError(f"{path}: {exc}") from exc
    if len(text) > max_chars:
        raise ReadError(f"{path}: {_megabytes(len(text))} of text, over the limit of {_megabytes(max_chars)}")
    return text, encoding


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB"

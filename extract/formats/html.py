"""HTML filings -> text with blocks and tables as the readers expect (lxml's HTML parser).

The charset is the document's own: a byte-order mark, else `<meta charset>` or `<meta http-equiv=
"Content-Type" content="...; charset=...">` in the first bytes (the HTML standard's prescan), else
the encodings the text reader tries (UTF-8, GB18030, Big5). Scripts, styles and the `<head>` are
dropped. Block elements (paragraphs, headings, list items, divisions) are separated by a blank line,
`<br>` is a line break, and each table row is one line of tab-separated cells (`colspan` keeps the
cells under their columns; a table inside a cell is flattened into that cell).
"""
from __future__ import annotations

import codecs
import re

import lxml.html
from lxml import etree

DROPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe",
                     "object", "svg", "canvas"})
BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                    "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre",
                    "address", "center", "form", "fieldset", "figure", "figcaption", "hr", "caption", "body"})
PRESCAN_BYTES = 4096
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
BLANK = "\x00B"  # a block boundary, resolved to a blank line when the text is assembled
BREAK = "\x00N"  # a line break
CELL = "\x00T"  # between the cells of a table row (a tab in the document's own text is a space)


class HtmlError(Exception):
    """An HTML file that cannot be read (an unknown charset, or markup with no text)."""


def declared_charset(data: bytes) -> str | None:
    """The charset the document declares for itself (BOM, meta charset, http-equiv), else None."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    m = META_CHARSET.search(data[:PRESCAN_BYTES])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        raise HtmlError(f"declares an unknown charset {name!r}") from None
    # The HTML standard reads these labels as their supersets.
    return {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs",
            "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252"}.get(name, name)


def html_text(markup: str) -> str:
    """The text of an HTML document's body, in blocks, lines and tab-separated table rows."""
    markup = XML_DECLARATION.sub("", markup)
    if not markup.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise HtmlError(f"not readable HTML ({exc})") from exc
    chunks: list[str] = []
    _walk(root, chunks)
    return _assemble(chunks)


def _walk(element: etree._Element, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in DROPPED or not isinstance(element.tag, str):
        if element.tail:
            out.append(element.tail)
        return
    if tag == "br":
        out.append(BREAK)
    elif tag == "table":
        out.append(BLANK)
        for row in _rows(element):
            out.append(row)
            out.append(BREAK)
        out.append(BLANK)
    else:
        if tag in BLOCKS:
            out.append(BLANK)
        if element.text:
            out.append(element.text)
        for child in element:
            _walk(child, out)
        if tag in BLOCKS:
            out.append(BLANK)
    if element.tail:
        out.append(element.tail)


def _rows(table: etree._Element) -> list[str]:
    """The rows of a table (not of tables nested in its cells) as tab-separated cells."""
    rows = []
    for tr in table.iter("tr"):
        if _owner_table(tr) is not table:
            continue
        cells: list[str] = []
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            cells.append(_cell_text(cell))
            span = cell.get("colspan", "1")
            cells += [""] * (max(1, min(int(span), 50)) - 1 if span.isdigit() else 0)
        if any(cells):
            rows.append(CELL.join(cells))
    return rows


def _owner_table(tr: etree._Element) -> etree._Element | None:
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _cell_text(cell: etree._Element) -> str:
    """A cell's text on one line (line breaks and nested blocks become spaces)."""
    parts: list[str] = []
    _walk_flat(cell, parts)
    return " ".join("".join(parts).split())


def _walk_flat(element: etree._Element, out: list[str]) -> None:
    if not isinstance(element.tag, str) or element.tag in DROPPED:
        if element.tail:
            out.append(element.tail)
        return
    if element.text:
        out.append(element.text)
    for child in element:
        if child.tag in BLOCKS or child.tag in ("br", "td", "th", "tr"):
            out.append(" ")
        _walk_flat(child, out)
    if element.tail:
        out.append(element.tail)


def _assemble(chunks: list[str]) -> str:
    """Inline text with whitespace folded; block boundaries as blank lines, `<br>` as line breaks."""
    text = "".join(chunks).replace("\t", " ")
    lines: list[str] = []
    for block in text.split(BLANK):
        for line in block.split(BREAK):
            folded = "\t".join(" ".join(cell.split()) for cell in line.split(CELL))
            if folded.strip():
                lines.append(folded)
        if lines and lines[-1] != "":
            lines.append("")
    return "\n".join(lines).strip("\n") + "\n"

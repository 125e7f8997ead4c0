"""HTML filings: the charset the document declares, blocks and tables kept, scripts and styles dropped,
and the same facts as the text they were written from."""
from __future__ import annotations

import codecs
import html
from pathlib import Path

import pytest

from extract.formats.html import html_text
from extract.readers import ReadError, read_announcement
from extract.run import extract_announcement
from tests.conftest import DEV, SEEDS


def text_to_html(text: str, charset: str = "utf-8") -> str:
    """A filing's text as an exchange's HTML page: a <p> per block (its lines joined by <br>), a <table>
    per run of tab rows, with a script, a style and a navigation bar around it."""
    body: list[str] = []
    rows: list[str] = []
    lines: list[str] = []

    def close() -> None:
        if rows:
            body.append("<table border=1>\n" + "\n".join(rows) + "\n</table>")
            rows.clear()
        if lines:
            body.append("<p>" + "<br>\n".join(html.escape(line) for line in lines) + "</p>")
            lines.clear()

    for line in text.split("\n"):
        if "\t" in line:
            if lines:
                close()
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t")) + "</tr>")
        elif line.strip():
            if rows:
                close()
            lines.append(line)
        else:
            close()
    close()
    return (f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>HKEXnews</title>'
            "<style>p { margin: 0 } .x::before { content: 'STYLE TEXT' }</style>"
            "<script>var board = 'Mr. Script Person, an executive Director';</script></head>\n"
            "<body><div class='nav'><a href='/'>Home</a></div>\n" + "\n".join(body) + "\n</body></html>\n")


@pytest.mark.parametrize("source", [SEEDS / "002_f6d50b8c077761e6.txt", DEV / "board__lung-fung-group__2026-06-04.txt",
                                    DEV / "poll__computer-and-technologies__2019-05-29.txt"], ids=lambda p: p.stem)
def test_html_reads_the_same_facts_as_the_text(source: Path, tmp_path: Path) -> None:
    page = tmp_path / f"{source.stem}.html"
    page.write_text(text_to_html(source.read_text(encoding="utf-8")), encoding="utf-8")

    def facts(path: Path) -> list[dict]:
        return sorted((f.to_spec() for f in extract_announcement(read_announcement(path)).facts if f.exported()),
                      key=lambda d: sorted(map(str, d.items())))

    assert facts(page) == facts(source)


def test_blocks_tables_scripts() -> None:
    markup = """<html><head><title>T</title><style>body{}</style></head><body>
      <h1>POLL   RESULTS</h1><script>alert('x')</script>
      <p>First <b>bold</b>
         paragraph<br>second line</p>
      <div>Block <span>two</span></div>
      <table><tr><th>Resolution</th><th colspan="2">Votes</th></tr>
             <tr><td>1. To adopt</td><td>100<br>(99%)</td><td></td></tr>
             <tr><td>2. <table><tr><td>inner</td><td>cell</td></tr></table></td><td>5</td><td>6</td></tr></table>
      <noscript>enable js</noscript><p>Tab\there</p></body></html>"""
    assert html_text(markup) == ("POLL RESULTS\n\nFirst bold paragraph\nsecond line\n\nBlock two\n\n"
                                 "Resolution\tVotes\t\n1. To adopt\t100 (99%)\t\n2. inner cell\t5\t6\n\n"
                                 "Tab here\n")


@pytest.mark.parametrize("charset,declaration", [
    ("big5", '<meta charset="big5">'),
    ("gb2312", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
    ("utf-8", ""),
])
def test_charset_from_the_document(tmp_path: Path, charset: str, declaration: str) -> None:
    name = "金力永磁" if charset == "gb2312" else "董事會公告"
    page = tmp_path / "a.htm"
    page.write_bytes(f"<html><head>{declaration}</head><body><p>{name} ANNOUNCEMENT</p></body></html>".encode(charset))
    ann = read_announcement(page)
    assert ann.text == f"{name} ANNOUNCEMENT\n"


def test_utf16_with_bom(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_bytes(codecs.BOM_UTF16_LE + "<p>江西金力永磁</p>".encode("utf-16-le"))
    assert read_announcement(page).text == "江西金力永磁\n"


def test_unknown_charset_and_empty_page_are_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b'<meta charset="klingon-8"><p>x</p>')
    with pytest.raises(ReadError, match=r"bad\.html: declares an unknown charset 'klingon-8'"):
        read_announcement(bad)
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"<html><head><script>x()</script></head><body> </body></html>")
    with pytest.raises(ReadError, match=r"empty\.html: empty document"):
        read_announcement(empty)

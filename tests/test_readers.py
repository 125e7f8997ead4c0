"""Reading files: encodings detected or a clear error naming the file; folders walked recursively."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from extract.readers import ReadError, find_files, read_announcement

TEXT = "江西金力永磁科技股份有限公司 (Stock Code: 06680)\nAs at the date of this announcement, the Board comprises ..."


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("gb18030", b""),
])
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    ann = read_announcement(path)
    assert ann.text == TEXT
    assert ann.doc_id == "doc" and len(ann.sha256) == 64


def test_big5_traditional_text(tmp_path: Path) -> None:
    text = "董事會 公告"
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    ann = read_announcement(path)  # GB18030 accepts these bytes too; what matters is a clean decode
    assert ann.encoding in ("gb18030", "big5") and "\x00" not in ann.text


def test_crlf_normalised(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"line one\r\nline two\r\n")
    assert read_announcement(path).text == "line one\nline two\n"


@pytest.mark.parametrize("data,message", [
    (b"\x00\x01\x02binary\x00", "NUL"),
    (b"   \n\n", "empty document"),
    (codecs.BOM_UTF8 + b"\xff\xfe bad utf8", "invalid utf-8"),
])
def test_bad_files_name_the_file(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as exc:
        read_announcement(path)
    assert str(path) in str(exc.value) and message in str(exc.value)


def test_find_files_recursive_and_sorted(tmp_path: Path) -> None:
    for rel in ("b/2.txt", "a/1.md", "a/skip.docx", ".hidden/x.txt", "top.txt", "c/3.pdf", "c/4.HTML"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_files([tmp_path])]
    assert found == ["top.txt", "a/1.md", "b/2.txt", "c/3.pdf", "c/4.HTML"]


def test_find_files_errors(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        list(find_files([tmp_path / "missing"]))
    doc = tmp_path / "x.docx"
    doc.write_bytes(b"PK")
    with pytest.raises(ReadError, match="unsupported file type"):
        list(find_files([doc]))

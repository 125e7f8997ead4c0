"""The board family: directorships from board paragraphs, rosters and role tables.

`paragraphs` is the registered extractor and the one place a document's board paragraphs are
collected (`board_paragraphs`, shared with the officer and meeting families); `leads` reads what
stands before a paragraph (where it is, what it is about, when), `prose` reads a paragraph written
as prose, `rosters` boards laid out in lines (role tables, rosters under role headings), and `model`
holds the seats they produce.
"""

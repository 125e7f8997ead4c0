"""The PDF-flattened table reader: layouts, wrapped headers, units, Total rows, scrambled cells."""
from __future__ import annotations

from extract.text.tables import (Cell, cell_values, explicit_unit, find_tables, pct, read_stacked,
                            shares)

TAB_TABLE = (
    "I. BASIC INFORMATION OF THE PLEDGE\n\n"
    "Name of Shareholder\tNumber of pledged shares (in 10 thousand)\tProportion\tPledgee\n"
    "Alpha Holdings\t1,600.00\t4.13%\tBank of Somewhere Co., Ltd.\n"
    "Beta Partnership\t38,710.0160\t0.64%\tBank of Elsewhere Co., Ltd.\n"
    "Total\t40,310.0160\t4.77%\t-\n"
    "\nNote: something.\n"
)

WRAPPED_HEADER = (
    "Name of\tNumber of pledged\tCommencement\tPledgee\n"
    "shareholder\tshares (shares)\tdate of pledge\t\n"
    "Gamma Group\t18,500,000\t2024-03-12\tQiantang Securities Co., Ltd.\n"
)


def test_tab_table_rows_total_and_unit() -> None:
    [table] = find_tables(TAB_TABLE)
    assert [c.label for c in table.columns][:2] == [
        "Name of Shareholder", "Number of pledged shares (in 10 thousand)"]
    assert table.columns[1].unit == 10_000
    assert [r[0].text for r in table.rows] == ["Alpha Holdings", "Beta Partnership"]
    assert table.total is not None and table.total[1].text == "40,310.0160"
    assert shares(table.rows[0][1], table.columns[1].unit) == 16_000_000
    assert shares(table.rows[1][1], table.columns[1].unit) == 387_100_160
    assert pct(table.rows[0][2]) == 4.13
    row = table.rows[0]
    assert TAB_TABLE[row[3].start:row[3].end] == "Bank of Somewhere Co., Ltd."


def test_wrapped_header_lines_are_joined_column_by_column() -> None:
    [table] = find_tables(WRAPPED_HEADER)
    assert [c.label for c in table.columns] == [
        "Name of shareholder", "Number of pledged shares (shares)", "Commencement date of pledge",
        "Pledgee"]
    assert table.columns[1].unit == 1
    assert shares(table.rows[0][1], table.columns[1].unit) == 18_500_000
    assert table.total is None


def test_units_from_header_text() -> None:
    assert explicit_unit("Number of pledged shares (in 10 thousand)") == 10_000
    assert explicit_unit("Number of released pledge shares (10,000 shares)") == 10_000
    assert explicit_unit("Number of shares held (in ten thousand shares)") == 10_000
    assert explicit_unit("Number of pledged shares (shares)") == 1
    assert explicit_unit("Number of shares held (in 10 thousand) (Note 2)") == 10_000
    # a fragment of a wrapped header states no unit; nor does a note marker
    assert explicit_unit("thousand)") is None
    assert explicit_unit("Proportion (Note 1)") is None


def test_fragment_header_takes_the_prevailing_unit() -> None:
    text = ("Name\tShares held (in 10 thousand)\tthousand)\tPledged after (in 10 thousand)\n"
            "Alpha\t860.3174\t350.40\t350.40\n")
    [table] = find_tables(text)
    assert [c.unit for c in table.columns[1:]] == [10_000, 10_000, 10_000]


def test_caption_states_unit_for_the_whole_table() -> None:
    text = ("Unit: 10,000 shares\n"
            "Name\tNumber of pledged shares\tPledgee\n"
            "Alpha\t12.50\tBank of X Co., Ltd.\n")
    [table] = find_tables(text)
    assert shares(table.rows[0][1], table.columns[1].unit) == 125_000


def test_lines_with_tabs_but_no_values_are_not_a_table() -> None:
    assert find_tables("Name\tPledgee\nsome\tprose words\n") == []
    assert find_tables("No tabs at all here.\nNor here 1,600.00\n") == []


def test_scrambled_cell_lists_several_values_with_offsets() -> None:
    text = "X\t38,710.0160 860.3174 2,353.6435\t28.83% 0.64% 1.75%\n"
    cell = Cell(text[2:33], 2, 33)
    values = cell_values(cell)
    assert [v.text for v in values] == ["38,710.0160", "860.3174", "2,353.6435"]
    assert [text[v.start:v.end] for v in values] == ["38,710.0160", "860.3174", "2,353.6435"]
    assert [shares(v, 10_000) for v in values] == [387_100_160, 8_603_174, 23_536_435]


def test_inexact_scaled_count_is_not_read() -> None:
    assert shares(Cell("1.23456", 0, 7), 10_000) is None
    assert shares(Cell("-", 0, 1), 10_000) is None


STACKED = (
    "Name of Shareholder\n"
    "Number of pledged shares (in 10 thousand)\n"
    "Commencement date of the pledge\n"
    "Pledgee\n"
    "Alpha Holdings\n"
    "1,600.00\n"
    "September 20, 2023\n"
    "CITIC Securities Co., Ltd.\n"
    "Beta Partnership\n"
    "250.00\n"
    "2023/09/21\n"
    "Bank of Y Co., Ltd.\n"
    "Total\n"
    "1,850.00\n"
    "-\n"
    "-\n"
)


def _is_label(line: str) -> bool:
    return line.split()[0].lower() in {"name", "number", "commencement", "pledgee"}


def test_one_value_per_line_table() -> None:
    table = read_stacked(STACKED, 0, len(STACKED), _is_label)
    assert table is not None
    assert len(table.columns) == 4 and table.columns[1].unit == 10_000
    assert [r[0].text for r in table.rows] == ["Alpha Holdings", "Beta Partnership"]
    assert [r[3].text for r in table.rows] == ["CITIC Securities Co., Ltd.", "Bank of Y Co., Ltd."]
    assert table.total is not None and table.total[1].text == "1,850.00"


def test_one_value_per_line_that_does_not_divide_into_rows_is_refused() -> None:
    broken = STACKED.replace("Bank of Y Co., Ltd.\n", "")
    assert read_stacked(broken, 0, len(broken), _is_label) is None


def test_one_value_per_line_header_labels_wrapped_over_lines() -> None:
    wrapped = STACKED.replace("Number of pledged shares (in 10 thousand)\n",
                              "Number of pledged shares\n(in 10 thousand)\n").replace(
        "Name of Shareholder\n", "Name of\nshareholder\n")
    table = read_stacked(wrapped, 0, len(wrapped), _is_label)
    assert table is not None
    assert [c.label for c in table.columns][:2] == ["Name of shareholder", "Number of pledged shares (in 10 thousand)"]
    assert shares(table.rows[0][1], table.columns[1].unit) == 16_000_000


def test_bare_unit_figures_and_note_markers() -> None:
    assert explicit_unit("Shares pledged (10,000)") == 10_000
    assert explicit_unit("Shares held (’000 shares)") == 1_000
    assert shares(Cell("16,000,000 (Note 1)", 0, 19), 1) == 16_000_000
    assert pct(Cell("4.13 (Note)", 0, 11), percent_column=True) == 4.13
    assert pct(Cell("4.13", 0, 4)) is None
    [table] = find_tables("Name\tShares (10,000)\tPledgee\nA B\t1.00\tC D\nSubtotal\t1.00\t-\n")
    assert table.total is not None and len(table.rows) == 1


def test_two_tables_without_a_gap_and_a_note_between_tables() -> None:
    text = ("Name\tNumber of pledged shares (shares)\tPledgee\n"
            "A B\t100\tC D\n"
            "Total\t100\t-\n"
            "Name\tNumber of shares held as at 31 December 2023 (shares)\tShareholding ratio\n"
            "A B\t1,000\t10.00%\n"
            "Total\t1,000\t10.00%\n"
            "Note: the figures are rounded.\n"
            "Name\tNumber of pledged shares (shares)\tPledgee\n"
            "E F\t5\tG H\n")
    tables = find_tables(text)
    assert [len(t.rows) for t in tables] == [1, 1, 1]
    assert tables[1].columns[1].label.startswith("Number of shares held as at 31 December 2023")
    assert tables[2].rows[0][0].text == "E F"


def test_one_value_per_line_with_cells_wrapped_by_trailing_spaces_and_a_page_break() -> None:
    text = ("Name of \nshareholder\nNumber of \npledged shares \n(10,000 \nshares)\nCommencement \ndate\nPledgee\n"
            "Lishan \nHoldings\n3,600\n24 September \n2024\n\n<<<PAGE 2>>>\n– 2 –\nBank of Xijing \nCo., Ltd.\n")
    table = read_stacked(text, 0, len(text), _is_label)
    assert table is not None
    assert [c.label for c in table.columns] == [
        "Name of shareholder", "Number of pledged shares (10,000 shares)", "Commencement date", "Pledgee"]
    assert [c.text for c in table.rows[0]] == ["Lishan Holdings", "3,600", "24 September 2024",
                                               "Bank of Xijing Co., Ltd."]
    assert shares(table.rows[0][1], table.columns[1].unit) == 36_000_000


def test_tab_table_across_a_page_break() -> None:
    text = ("Name\tNumber of pledged shares (shares)\tPledgee\n"
            "A B\t100\tC D\n\n<<<PAGE 2>>>\n– 2 –\n"
            "E F\t200\tG H\n"
            "Total\t300\t-\n")
    [table] = find_tables(text)
    assert [r[0].text for r in table.rows] == ["A B", "E F"]

"""The long-table XLSX writer (the results' download) writes what openpyxl and the import's
reader read back: typed cells, text never a formula, dates as dates, a bold frozen header with
an autofilter, and the "About these columns" sheet."""

import datetime
import io
from decimal import Decimal

import openpyxl
from python_calamine import CalamineWorkbook

from core.spreadsheets.cells import ColumnNote
from core.spreadsheets.long_xlsx import column_letter, render_long_xlsx

ROWS = [
    ["Name", "Count", "Share", "Day", "Stamp", "Flag", "Empty"],
    ["=1+1", 12400, Decimal("45.5"), datetime.date(2026, 6, 30),
     datetime.datetime(2026, 1, 2, 3, 4, 5), True, None],
    ["Tom & Jerry <co>", 0, Decimal("0.25"), None, None, False, ""],
]  # fmt: skip


def test_openpyxl_reads_the_cells_as_they_were_given():
    data = render_long_xlsx(ROWS, "Results", [ColumnNote("Name", "Who")])
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Results", "About these columns"]
    sheet = book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ROWS[0]
    first = rows[1]
    assert first[:3] == ["=1+1", 12400, 45.5]
    assert sheet.cell(2, 1).data_type == "s"  # a string cell: no spreadsheet runs it
    assert first[3] == datetime.datetime(2026, 6, 30)
    assert first[4] == datetime.datetime(2026, 1, 2, 3, 4, 5)
    assert first[5:] == [True, None]
    assert rows[2][:3] == ["Tom & Jerry <co>", 0, 0.25]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G3"
    assert sheet.cell(1, 1).font.b
    about = [row[0] for row in book.worksheets[1].iter_rows(values_only=True)]
    assert about == ["Column", "Name"]


def test_the_import_s_reader_reads_it_too():
    data = render_long_xlsx(ROWS, "Results")
    table = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    assert table[1][0] == "=1+1"
    assert table[2][0] == "Tom & Jerry <co>"


def test_column_letters_go_past_z():
    assert [column_letter(n) for n in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]

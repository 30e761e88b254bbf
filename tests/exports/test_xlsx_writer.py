"""The XLSX writer (XlsxWriter) gives back every text exactly as typed, read by the import's
own reader (python-calamine): markup-like text, guard-like quotes, control characters."""

import datetime
import io

import openpyxl
from python_calamine import CalamineWorkbook

from core.spreadsheets.cells import restore
from core.spreadsheets.xlsx import render_xlsx

ODD = [
    "<r>not markup</r>",
    "<r><t>a</t></r><x/>",
    "'=quoted formula",
    "_x0041_ stays as typed",
    "  leading spaces",
    "line one\nline two\ttab",
]


def read_back(data: bytes) -> list[list]:
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()


def test_it_gives_back_odd_text_exactly():
    rows = read_back(render_xlsx([["Text"], *([text] for text in ODD)]))
    assert [restore(row[0]) for row in rows[1:]] == ODD


def test_it_drops_control_characters_and_writes_no_cell_for_empty_text():
    data = render_xlsx([["A", "B", "C"], ["bell\x07here", "", None]])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet["A2"].value == "bellhere"
    assert (sheet["B2"].value, sheet["C2"].value) == (None, None)


def test_it_writes_dates_and_times_with_their_formats():
    stamp = datetime.datetime(2012, 5, 31, 14, 30)
    data = render_xlsx([["Day", "When"], [datetime.date(2012, 5, 31), stamp]])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert (sheet["A2"].number_format, sheet["B2"].number_format) == (
        "yyyy-mm-dd",
        "yyyy-mm-dd h:mm:ss",
    )
    assert sheet["B2"].value == stamp

"""The XLSX writer (XlsxWriter) gives back every text exactly as typed, read by the import's
own reader (python-calamine): markup-like text, guard-like quotes, control characters."""

import datetime
import decimal
import io
import zipfile

import openpyxl
from python_calamine import CalamineWorkbook

from core.spreadsheets.cells import restore
from core.spreadsheets.xlsx import RowsWorksheet, render_xlsx

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


# Every kind of cell an exporter yields, plain and odd, in rows of different shapes.
MIXED_ROWS = [
    ["Text", "Number", "Day", "When", "Empty", "Odd"],
    ["plain", 3, datetime.date(2012, 5, 31), datetime.datetime(2012, 5, 31, 14, 30), None, ""],
    ["a & b < c > d", 12345678901234567, None, None, "", 'Tom\'s "quote"'],
    [*ODD, None],
    ["bell\x07here", "carriage\rreturn", "trailing ", "\ufffe", "'quoted", "=1+1"],
    ["<r>markup lookalike</r>", "after it", 1, None, None, None],
    [True, False, 1.5, decimal.Decimal("2.25"), "after odd cells", None],
    [1.5, decimal.Decimal("2.25"), 1e-7, -0.1, 123456789.123456789, decimal.Decimal("1E+3")],
    [None, None, None, None, None, None],
    [None, "late start", None, None, None, "end"],
    ["é ü 中文 🙂", "x" * 20000, "_x0041_", "tab\there", -7, 0],
    [datetime.datetime(2012, 5, 31, 14, 30, tzinfo=datetime.UTC), "aware time"],
    ["short row"],
]


def sheet_xml(data: bytes, number: int = 1) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(f"xl/worksheets/sheet{number}.xml")


def test_plain_rows_are_written_as_xlsxwriter_writes_them(monkeypatch):
    """RowsWorksheet.write_plain_row writes XlsxWriter's own XML for plain rows: the whole
    package, byte for byte, is the one XlsxWriter's write_row gives (a changed XlsxWriter
    fails here, not in people's spreadsheets)."""
    fast = render_xlsx(MIXED_ROWS, "Mixed")
    plain_rows = []
    original = RowsWorksheet.write_plain_row

    def counted(self, row, values, stamp):
        written = original(self, row, values, stamp)
        plain_rows.append(written)
        return written

    monkeypatch.setattr(RowsWorksheet, "write_plain_row", counted)
    render_xlsx(MIXED_ROWS, "Mixed")
    assert plain_rows.count(True) >= 7 and plain_rows.count(False) >= 2  # both paths taken

    monkeypatch.setattr(RowsWorksheet, "write_plain_row", lambda *args: False)
    slow = render_xlsx(MIXED_ROWS, "Mixed")
    assert sheet_xml(fast) == sheet_xml(slow)
    assert b"late start" in sheet_xml(fast) and b"_x000D_" in sheet_xml(fast)
    with zipfile.ZipFile(io.BytesIO(fast)) as one, zipfile.ZipFile(io.BytesIO(slow)) as two:
        assert one.namelist() == two.namelist()
        for name in one.namelist():
            if name != "docProps/core.xml":  # its creation time
                assert one.read(name) == two.read(name), name

"""XLSX workbooks written with XlsxWriter in constant_memory mode (one row held at a time).

XlsxWriter writes each cell as the type it is given and nothing else: text goes in inline
string cells (t="inlineStr"), which Excel and LibreOffice never evaluate, so text starting
with = + - @ needs no visible guard here (see cells.sheet_text); dates are numbers with a
date format. The workbook's options switch off its guessing (text that looks like a
formula, a URL or a number stays text). Measured on 10,000 activities it writes the same
sheet in about two thirds of the time of openpyxl's write-only mode.
"""

import datetime
import io
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from core.spreadsheets.cells import (
    ABOUT_SHEET,
    WIDTH_SAMPLE,
    ColumnNote,
    Row,
    about_table,
    column_widths,
    sheet_name,
    sheet_text,
    typed_cell,
)

# The number formats openpyxl gave dates and times (what the hub's files always showed).
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd h:mm:ss"
# XlsxWriter adds Excel's cell padding (5 pixels of a 7-pixel character) to a width: taken
# off, the file keeps the widths the hub's downloads always had.
CELL_PADDING = 5 / 7
WORKBOOK_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "default_date_format": DATE_FORMAT,
}


# Text that xlsx_cell may change: empty (no cell), starting with a quote (sheet_text), or
# ending like XlsxWriter's rich-string markup.
PLAIN_EXCEPT_FIRST = ("", "'")
PLAIN_EXCEPT_LAST = ("", ">")


class RichLookalike(str):
    """Text shaped like XlsxWriter's own rich-string markup ("<r>...</r>"), which it would
    copy into the file unescaped: written through write_rich_string instead, as three
    plain fragments (its least) that show the same text."""


def xlsx_cell(value: Any) -> Any:
    """typed_cell, with what XlsxWriter needs besides: an empty text is no cell at all."""
    if type(value) is str:  # most cells: tested first, without the general typed_cell
        if not value:
            return None
        text = sheet_text(value)
        if text.endswith("</r>") and text.startswith("<r>"):
            return RichLookalike(text)
        return text
    return typed_cell(value)


class Styles:
    """The few cell formats of a workbook (XlsxWriter formats belong to one workbook)."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.bold = workbook.add_format({"bold": True})
        self.datetime = workbook.add_format({"num_format": DATETIME_FORMAT})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})

    def handlers(self, sheet: Worksheet) -> None:
        """Datetimes get their own format (dates take the workbook's default one)."""
        stamp = self.datetime

        def write_datetime(
            sheet: Worksheet, row: int, col: int, value: datetime.datetime, style: Any = None
        ) -> int:
            return sheet.write_datetime(row, col, value, style or stamp)

        def write_lookalike(
            sheet: Worksheet, row: int, col: int, text: RichLookalike, style: Any = None
        ) -> int:
            plain = str(text)
            fragments: list[Any] = [plain[:1], plain[1:2], plain[2:]]
            return sheet.write_rich_string(row, col, *fragments, *([style] if style else []))

        sheet.add_write_handler(datetime.datetime, write_datetime)
        sheet.add_write_handler(RichLookalike, write_lookalike)


def write_xlsx_sheet(
    workbook: xlsxwriter.Workbook,
    styles: Styles,
    title: str,
    rows: Iterator[Row],
    *,
    wrap: bool = False,
) -> None:
    """One sheet: bold frozen header, widths from a sample, autofilter over the data."""
    header = [xlsx_cell(value) for value in next(rows, [])]
    sample = list(islice(rows, WIDTH_SAMPLE))
    sheet = workbook.add_worksheet(sheet_name(title))
    styles.handlers(sheet)
    # In constant_memory mode widths and panes must be set before the first row.
    for index, width in enumerate(column_widths(header, sample)):
        sheet.set_column(index, index, width - CELL_PADDING)
    sheet.freeze_panes(1, 0)
    sheet.write_row(0, 0, header, styles.bold)
    style: Format | None = styles.wrap if wrap else None
    write_row = sheet.write_row
    last = 0  # the last row written, from 0 (the header)
    for last, row in enumerate(chain(sample, rows), start=1):
        # Most cells are plain one-line text, written as it is: tested inline (a function
        # call per cell was a tenth of the export); xlsx_cell for everything else.
        cells = [
            value
            if type(value) is str
            and value.isprintable()
            and value[:1] not in PLAIN_EXCEPT_FIRST
            and value[-1:] not in PLAIN_EXCEPT_LAST
            else xlsx_cell(value)
            for value in row
        ]
        write_row(last, 0, cells, style)
    if header:
        sheet.autofilter(0, 0, last, len(header) - 1)


def render_xlsx(
    table: Iterable[Row], sheet_title: str = "Sheet1", notes: Iterable[ColumnNote] | None = None
) -> bytes:
    """An XLSX workbook: the table and, given notes, a second sheet explaining each column.

    Dates stay dates (shown 2012-05-31, or 2012-05-31 14:30:00 with a time).
    """
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, WORKBOOK_OPTIONS)
    styles = Styles(workbook)
    write_xlsx_sheet(workbook, styles, sheet_title, iter(table))
    if notes is not None:
        write_xlsx_sheet(workbook, styles, str(ABOUT_SHEET), iter(about_table(notes)), wrap=True)
    workbook.close()
    return output.getvalue()


def render_workbook(sheets: Iterable[tuple[str, Iterable[Row]]]) -> bytes:
    """An XLSX workbook of several sheets, each (title, rows with its header first)."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, WORKBOOK_OPTIONS)
    styles = Styles(workbook)
    for title, rows in sheets:
        write_xlsx_sheet(workbook, styles, title, iter(rows), wrap=True)
    workbook.close()
    return output.getvalue()

"""XLSX workbooks written with XlsxWriter in constant_memory mode (one row held at a time).

XlsxWriter writes each cell as the type it is given and nothing else: text goes in inline
string cells (t="inlineStr"), which Excel and LibreOffice never evaluate, so text starting
with = + - @ needs no visible guard here (see cells.sheet_text); dates are numbers with a
date format. The workbook's options switch off its guessing (text that looks like a
formula, a URL or a number stays text). Measured on 10,000 activities it writes the same
sheet in about two thirds of the time of openpyxl's write-only mode; the rows of plain cells
go faster still through RowsWorksheet (below), which writes XlsxWriter's own XML for them.
"""

import datetime
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cached_property
from itertools import chain, islice
from math import isfinite
from typing import Any

import xlsxwriter
from django.utils import timezone
from xlsxwriter.format import Format
from xlsxwriter.utility import _preserve_whitespace, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from core.spreadsheets.cells import (
    ABOUT_SHEET,
    WIDTH_SAMPLE,
    ColumnNote,
    Row,
    about_table,
    column_widths,
    naive_local,
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


# XlsxWriter's longest string is 32,767 UTF-16 units: a text up to half of it needs no check.
PLAIN_TEXT_MAX = 16383


class RowsWorksheet(Worksheet):
    """A worksheet that writes a row of plain cells (text, numbers, dates) in one go.

    write_row hands each cell to XlsxWriter's type dispatch, keeps it in a table and writes
    its XML when the next row starts: nine tenths of an XLSX export's time at 10,000 rows of
    31 columns, most of it per-cell calls. `write_plain_row` writes the very same XML
    (tests/exports/test_xlsx_writer.py compares the files byte for byte) at once, with
    XlsxWriter's own row element, escapes and date numbers, and tells the caller to use
    write_row for a row holding anything else (booleans, fractions, infinities, long text,
    rich-string lookalikes). It relies on the constant_memory mode's internals (the row
    file, `previous_row`, `_write_row`, `_check_dimensions`), hence XlsxWriter's pinned
    version in pyproject.toml and that test.
    """

    def write_plain_row(self, row: int, values: Row, stamp: Format) -> bool:
        """Write `values` (exporter values, as xlsx_cell reads them) as row `row`; False,
        with nothing written, when the row is not plain and needs write_row."""
        if not self.plain_rows_allowed() or row <= self.previous_row or row in self.row_info:
            return False
        # First the row write_row may have left pending (the header): XlsxWriter numbers
        # the cell formats as it writes rows, the header's bold before this row's dates.
        self._write_single_row(row)
        number = str(row + 1)
        letters = self.column_letters(len(values))
        days = self.day_numbers
        date_style = stamp_style = ""
        cells = []
        append = cells.append
        first = last = -1
        for col, value in enumerate(values):
            kind = type(value)
            if kind is str:
                if not value:
                    continue
                if (
                    value.isprintable()
                    and value[0] != "'"
                    and "_x" not in value
                    and not value[0].isspace()
                    and not value[-1].isspace()
                    and len(value) <= PLAIN_TEXT_MAX
                ):
                    if value[-1] == ">" and value.startswith("<r>") and value.endswith("</r>"):
                        return False  # a rich-string lookalike (see RichLookalike)
                    if "&" in value or "<" in value or ">" in value:
                        value = value.replace("&", "&amp;").replace("<", "&lt;")
                        value = value.replace(">", "&gt;")
                    append(
                        f'<c r="{letters[col]}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
                    )
                else:
                    text = sheet_text(value)
                    if not text:
                        continue
                    if len(text) > PLAIN_TEXT_MAX or (
                        text.startswith("<r>") and text.endswith("</r>")
                    ):
                        return False
                    text = self._escape_control_characters(text)
                    space = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
                    text = self._escape_data(text)
                    append(
                        f'<c r="{letters[col]}{number}" t="inlineStr"><is><t{space}>{text}</t>'
                        "</is></c>"
                    )
            elif value is None:
                continue
            elif (
                kind is int
                or (kind is float and isfinite(value))
                or (kind is Decimal and value.is_finite())
            ):
                append(f'<c r="{letters[col]}{number}"><v>{value:.16G}</v></c>')
            elif kind is datetime.date:
                if not date_style:
                    if self.default_date_format is None:
                        return False
                    date_style = f' s="{self.default_date_format._get_xf_index()}"'
                serial = days.get(value)
                if serial is None:  # a few hundred distinct days in thousands of rows
                    serial = days[value] = f"{self._convert_date_time(value):.16G}"
                append(f'<c r="{letters[col]}{number}"{date_style}><v>{serial}</v></c>')
            elif kind is datetime.datetime:
                if not stamp_style:
                    stamp_style = f' s="{stamp._get_xf_index()}"'
                serial = self._convert_date_time(naive_local(value, self.zone))
                append(f'<c r="{letters[col]}{number}"{stamp_style}><v>{serial:.16G}</v></c>')
            else:
                return False
            if first < 0:
                first = col
            last = col
        if first < 0:
            return True  # no cell at all: write_row writes nothing either
        self._check_dimensions(row, first)
        self._check_dimensions(row, last)
        self._write_row(row, None)
        self.fh.write("".join(cells))
        self._xml_end_tag("row")
        return True

    @cached_property
    def zone(self) -> Any:
        """The current time zone, read once for the sheet's rows (one request's work)."""
        return timezone.get_current_timezone()

    @cached_property
    def day_numbers(self) -> dict[datetime.date, str]:
        """Excel's numbers of the days written so far."""
        return {}

    def plain_rows_allowed(self) -> bool:
        """The workbook options write_plain_row writes for: constant_memory (inline
        strings, one row at a time) and no guessing of formulas, URLs or numbers in text."""
        return self.constant_memory and not (
            self.strings_to_formulas or self.strings_to_urls or self.strings_to_numbers
        )

    def column_letters(self, count: int) -> list[str]:
        letters = getattr(self, "_letters", [])
        if len(letters) < count:
            letters = self._letters = [xl_col_to_name(col) for col in range(count)]
        return letters


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
    sheet = workbook.add_worksheet(sheet_name(title), worksheet_class=RowsWorksheet)
    styles.handlers(sheet)
    # In constant_memory mode widths and panes must be set before the first row.
    for index, width in enumerate(column_widths(header, sample)):
        sheet.set_column(index, index, width - CELL_PADDING)
    sheet.freeze_panes(1, 0)
    sheet.write_row(0, 0, header, styles.bold)
    style: Format | None = styles.wrap if wrap else None
    # Rows of plain cells are written at once (RowsWorksheet); styled ones (the notes) and
    # any row with an unusual cell go through XlsxWriter's write_row.
    write_plain = sheet.write_plain_row if style is None else None
    write_row, stamp = sheet.write_row, styles.datetime
    last = 0  # the last row written, from 0 (the header)
    for last, row in enumerate(chain(sample, rows), start=1):
        if write_plain is not None and write_plain(last, row, stamp):
            continue
        write_row(last, 0, [xlsx_cell(value) for value in row], style)
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

"""XLSX workbooks in openpyxl's streaming (write-only) mode."""

import io
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter

from core.spreadsheets.cells import (
    ABOUT_SHEET,
    WIDTH_SAMPLE,
    ColumnNote,
    Row,
    about_table,
    column_widths,
    native_cell,
)


def write_xlsx_sheet(
    workbook: Workbook, title: str, rows: Iterator[Row], *, wrap: bool = False
) -> None:
    """One sheet in streaming mode: bold frozen header, widths, autofilter over the data."""
    header = [native_cell(value) for value in next(rows, [])]
    sample = list(islice(rows, WIDTH_SAMPLE))
    sheet = workbook.create_sheet(title=title[:31])
    # Write-only sheets take widths and frozen panes only before their first row.
    for index, width in enumerate(column_widths(header, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for title_text in header:
        cell = WriteOnlyCell(sheet, value=title_text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 1
    top = Alignment(wrap_text=True, vertical="top")
    for row in chain(sample, rows):
        if wrap:  # only for the small "about" sheet: styled cells cost time
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=native_cell(value))
                cell.alignment = top
                cells.append(cell)
            sheet.append(cells)
        else:
            sheet.append([native_cell(value) for value in row])
        count += 1
    if header:
        # The filter range is known only now; openpyxl writes it after the rows.
        sheet.auto_filter = AutoFilter(ref=f"A1:{get_column_letter(len(header))}{count}")


def render_xlsx(
    table: Iterable[Row], sheet_title: str = "Sheet1", notes: Iterable[ColumnNote] | None = None
) -> bytes:
    """An XLSX workbook written in openpyxl's streaming (write-only) mode.

    Dates stay dates: openpyxl gives date cells a date number format.
    """
    workbook = Workbook(write_only=True)
    write_xlsx_sheet(workbook, sheet_title, iter(table))
    if notes is not None:
        write_xlsx_sheet(workbook, str(ABOUT_SHEET), iter(about_table(notes)), wrap=True)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()

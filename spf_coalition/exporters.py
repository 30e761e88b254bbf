"""Spreadsheet downloads shared by the hub: formula-safe cells and fast CSV/XLSX writers.

An exporter is a small object whose `iter_table()` yields the header row first and then
the data rows, as plain Python values (str, date, datetime, numbers, None). The writers
here turn such a table into a download; they never look at models, so the matrix, the
workplan and the country lists all share them.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# OWASP's advice: prefix such cells with a single quote, which spreadsheets show as text.
NEUTRALISER = "'"

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# CSV rows are sent to the client in batches of about this many characters.
CSV_CHUNK = 64 * 1024

Row = Sequence[Any]


class TableExporter(Protocol):
    def iter_table(self) -> Iterator[Row]:
        """Yield the header row, then one row per record."""
        ...


def neutralise(text: str) -> str:
    """Make text that a spreadsheet would run as a formula read as plain text."""
    if text.startswith(FORMULA_TRIGGERS):
        return NEUTRALISER + text
    return text


def restore(text: str) -> str:
    """Undo `neutralise` on a value read back from one of our own spreadsheets."""
    if text[:1] == NEUTRALISER and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def naive_local(value: datetime.datetime) -> datetime.datetime:
    """Spreadsheets have no time zones: show aware datetimes in the site's time zone."""
    if timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def text_cell(value: Any) -> str:
    """A value as CSV text: ISO dates, formula-safe strings, empty for None."""
    kind = type(value)
    if kind is str:
        return neutralise(value)
    if value is None:
        return ""
    if kind is datetime.date:
        return value.isoformat()
    if kind is datetime.datetime:
        return naive_local(value).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, Promise):
        return neutralise(str(value))
    return str(value)


def native_cell(value: Any) -> Any:
    """A value as an XLSX cell: real dates and numbers, formula-safe strings."""
    kind = type(value)
    if kind is str:
        # openpyxl refuses control characters; they carry no meaning in a cell anyway.
        return ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))
    if kind is datetime.datetime:
        return naive_local(value)
    if isinstance(value, Promise):
        return native_cell(str(value))
    return value


def iter_csv(table: Iterable[Row]) -> Iterator[str]:
    """CSV text in chunks, starting with a byte order mark so Excel reads UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    for row in table:
        writer.writerow([text_cell(value) for value in row])
        if buffer.tell() >= CSV_CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def render_xlsx(table: Iterable[Row], sheet_title: str = "Sheet1") -> bytes:
    """An XLSX workbook written in openpyxl's streaming (write-only) mode."""
    rows = iter(table)
    header = [str(value) for value in next(rows, [])]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    # Column widths and frozen panes must be set before the first row is written.
    for index, title in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(len(title) + 4, 40))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=native_cell(title))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([native_cell(value) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def attachment_name(filename: str, fmt: str) -> str:
    return filename if filename.lower().endswith(f".{fmt}") else f"{filename}.{fmt}"


def table_response(
    table: TableExporter, fmt: str, *, filename: str, sheet_title: str = "Sheet1"
) -> HttpResponse | StreamingHttpResponse:
    """The table as a CSV (streamed) or XLSX download; ValueError for any other format."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format: {fmt!r}")
    disposition = content_disposition_header(True, attachment_name(filename, fmt))
    if fmt == "csv":
        response = StreamingHttpResponse(
            iter_csv(table.iter_table()), content_type=CONTENT_TYPES["csv"]
        )
    else:
        response = HttpResponse(
            render_xlsx(table.iter_table(), sheet_title), content_type=CONTENT_TYPES["xlsx"]
        )
    response["Content-Disposition"] = disposition
    return response

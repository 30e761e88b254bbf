"""Spreadsheet downloads shared by the hub: formula-safe cells, CSV, XLSX and ODS writers.

An exporter is a small object whose `iter_table()` yields the header row first and then
the data rows, as plain Python values (str, date, datetime, numbers, None). It may also
have `column_notes()`: one ColumnNote per column, which the XLSX and ODS downloads show on
a second sheet ("About these columns"). The writers here turn such a table into a
download; they never look at models, so the matrix, the workplan, the country and agency
lists and the round dashboard all share them.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, Protocol

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter

# Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# OWASP's advice: prefix such cells with a single quote, which spreadsheets show as text.
NEUTRALISER = "'"

FORMATS = ("csv", "xlsx", "ods")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
# CSV rows are sent to the client in batches of about this many characters.
CSV_CHUNK = 64 * 1024
# Column widths are worked out from the header and this many rows (not the whole file:
# measuring 10,000 rows would cost as much as writing them).
WIDTH_SAMPLE = 200
MIN_WIDTH, MAX_WIDTH = 8, 50
ABOUT_SHEET = _("About these columns")

Row = Sequence[Any]


@dataclass(frozen=True)
class ColumnNote:
    """What a column holds and which values it takes, for the "About these columns" sheet."""

    header: str
    meaning: str
    allowed: str = ""


class TableExporter(Protocol):
    def iter_table(self) -> Iterator[Row]:
        """Yield the header row, then one row per record."""
        ...


def neutralise(text: str) -> str:
    """Make text that a spreadsheet would run as a formula read as plain text.

    Text that already starts with quotes before a formula character ("'=x") gets one more,
    so that `restore` gives back exactly what the person typed.
    """
    if text.lstrip(NEUTRALISER).startswith(FORMULA_TRIGGERS):
        return NEUTRALISER + text
    return text


def restore(text: str) -> str:
    """Undo `neutralise` on a value read back from one of our own spreadsheets."""
    if text[:1] == NEUTRALISER and text[1:].lstrip(NEUTRALISER).startswith(FORMULA_TRIGGERS):
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
    """A value as a spreadsheet cell: real dates and numbers, formula-safe strings."""
    kind = type(value)
    if kind is str:
        # openpyxl refuses control characters; they carry no meaning in a cell anyway.
        return ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))
    if kind is datetime.datetime:
        return naive_local(value)
    if isinstance(value, Promise):
        return native_cell(str(value))
    return value


def column_notes(table: TableExporter, header: Sequence[Any]) -> list[ColumnNote]:
    """The table's notes on its columns, or bare headers when it has none."""
    notes = getattr(table, "column_notes", None)
    if notes is not None:
        return list(notes())
    return [ColumnNote(str(title), "") for title in header]


def about_table(notes: Iterable[ColumnNote]) -> list[list[str]]:
    """The second sheet's rows: a header, then one row per column of the download."""
    header = [gettext("Column"), gettext("What it holds"), gettext("Allowed values")]
    return [header, *([str(n.header), str(n.meaning), str(n.allowed)] for n in notes)]


def shown_length(value: Any) -> int:
    """Roughly how many characters wide a cell is shown (its longest line)."""
    if value is None:
        return 0
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def column_widths(header: Sequence[Any], sample: Sequence[Row]) -> list[int]:
    """Widths in characters from the header and a sample of rows, within sensible bounds."""
    widths = []
    for index, title in enumerate(header):
        longest = max(
            [shown_length(title), *(shown_length(row[index]) for row in sample if index < len(row))]
        )
        widths.append(max(MIN_WIDTH, min(longest + 2, MAX_WIDTH)))
    return widths


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


def attachment_name(filename: str, fmt: str) -> str:
    return filename if filename.lower().endswith(f".{fmt}") else f"{filename}.{fmt}"


def with_notes(table: TableExporter) -> tuple[Iterator[Row], list[ColumnNote]]:
    """The table's rows (header included) and its column notes."""
    rows = iter(table.iter_table())
    header = list(next(rows, []))
    return chain([header], rows), column_notes(table, header)


def table_response(
    table: TableExporter, fmt: str, *, filename: str, sheet_title: str = "Sheet1"
) -> HttpResponse | StreamingHttpResponse:
    """The table as a CSV (streamed), XLSX or ODS download; ValueError for any other format.

    XLSX and ODS downloads get a second sheet describing each column.
    """
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format: {fmt!r}")
    disposition = content_disposition_header(True, attachment_name(filename, fmt))
    if fmt == "csv":
        response = StreamingHttpResponse(
            iter_csv(table.iter_table()), content_type=CONTENT_TYPES["csv"]
        )
    else:
        rows, notes = with_notes(table)
        if fmt == "xlsx":
            content = render_xlsx(rows, sheet_title, notes)
        else:
            from spf_coalition.ods import render_ods  # the ODS writer lives on its own

            content = render_ods(rows, sheet_title, notes)
        response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = disposition
    return response


def csv_response(rows: Iterable[Row], *, filename: str) -> StreamingHttpResponse:
    """Rows already laid out (an HXL table with its hashtag row) as a streamed CSV."""
    response = StreamingHttpResponse(iter_csv(rows), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = content_disposition_header(
        True, attachment_name(filename, "csv")
    )
    return response

"""Downloads: a table exporter as a CSV (streamed), XLSX or ODS response."""

from collections.abc import Iterable, Iterator
from itertools import chain

from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

from core.spreadsheets.cells import ColumnNote, Row, TableExporter, column_notes
from core.spreadsheets.csvfile import iter_csv
from core.spreadsheets.ods import render_ods
from core.spreadsheets.xlsx import render_workbook, render_xlsx

FORMATS = ("csv", "xlsx", "ods")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


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
            content = render_ods(rows, sheet_title, notes)
        response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = disposition
    return response


def csv_response(
    rows: Iterable[Row], *, filename: str, for_spreadsheets: bool = True
) -> StreamingHttpResponse:
    """Rows already laid out (an HXL table with its hashtag row) as a streamed CSV."""
    response = StreamingHttpResponse(
        iter_csv(rows, for_spreadsheets=for_spreadsheets), content_type=CONTENT_TYPES["csv"]
    )
    response["Content-Disposition"] = content_disposition_header(
        True, attachment_name(filename, "csv")
    )
    return response


def format_error(fmt: str, formats: tuple[str, ...] = FORMATS) -> HttpResponseBadRequest:
    """400 naming the format asked for and the ones the download offers."""
    message = gettext("Unknown export format “%(format)s”: use one of %(formats)s.") % {
        "format": fmt,
        "formats": ", ".join(formats),
    }
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def xlsx_response(sheets, *, filename: str) -> HttpResponse:
    """A workbook of several sheets ((title, rows) pairs, header first) as a download."""
    response = HttpResponse(render_workbook(sheets), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = content_disposition_header(
        True, attachment_name(filename, "xlsx")
    )
    return response

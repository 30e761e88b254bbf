"""The results' downloads: every value the reader may see, with the URL's filters (country,
agency, indicator, period), as CSV, XLSX, ODS or HXL (results.open_data has the layout).

Anyone may download; what a reader gets is what the pages show them: approved values for
anyone, drafts too for the members of the activity's agencies and the secretariat
(ResultValue.objects.visible_to).
"""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

from core.spreadsheets.long_xlsx import render_long_xlsx
from core.spreadsheets.responses import (
    CONTENT_TYPES,
    csv_response,
    format_error,
    table_response,
    with_notes,
)
from results.models import ResultValue
from results.open_data import ResultTable, hxl_rows
from results.value_filters import ValueFilterSet

FORMATS = ("csv", "xlsx", "ods", "hxl")
XLSX = CONTENT_TYPES["xlsx"]


def filter_problems(filterset: ValueFilterSet) -> HttpResponseBadRequest:
    problems = "\n".join(
        f"{name}: {error}" for name, errors in filterset.errors.items() for error in errors
    )
    message = gettext("Some filters could not be used, so nothing was exported:")
    return HttpResponseBadRequest(
        f"{message}\n{problems}", content_type="text/plain; charset=utf-8"
    )


def download(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """?format= one of FORMATS, with the filters of results.value_filters."""
    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        return format_error(fmt, FORMATS)
    values = ResultValue.objects.visible_to(request.user)
    filterset = ValueFilterSet(request.GET, queryset=values)
    if not filterset.is_valid():
        return filter_problems(filterset)
    filename = f"spf-results-{timezone.localdate():%Y-%m-%d}"
    if fmt == "hxl":
        # HXL is for machines: no byte order mark, no formula guard (core.spreadsheets.csvfile).
        return csv_response(
            hxl_rows(filterset.qs), filename=f"{filename}-hxl", for_spreadsheets=False
        )
    table = ResultTable(filterset.qs)
    title = gettext("SPF results")
    if fmt == "xlsx":
        # Every value of the coalition makes a long table: written by the long-table writer.
        rows, notes = with_notes(table)
        response = HttpResponse(render_long_xlsx(rows, title, notes), content_type=XLSX)
        response["Content-Disposition"] = content_disposition_header(True, f"{filename}.xlsx")
        return response
    return table_response(table, fmt, filename=filename, sheet_title=title)

"""?format=csv|xlsx|ods on a list's own URL: the same rows as the page, as a file."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from core.spreadsheets.responses import FORMATS, format_error, table_response


def download_or_none(request: HttpRequest, table, name: str) -> HttpResponse | None:
    fmt = request.GET.get("format")
    if fmt is None:
        return None
    if fmt not in FORMATS:
        return format_error(fmt)
    filename = f"spf-{name}-{timezone.localdate():%Y-%m-%d}"
    return table_response(table, fmt, filename=filename, sheet_title=name)

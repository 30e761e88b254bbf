"""The import template download (the matrix's own downloads are in activities.views)."""

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from activities.template import render_template
from core.spreadsheets.responses import CONTENT_TYPES


def import_template(request: HttpRequest) -> HttpResponse:
    """The XLSX that the import reads, with drop-down lists of the hub's values."""
    response = HttpResponse(render_template(), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = content_disposition_header(
        True, "spf-activities-import-template.xlsx"
    )
    return response

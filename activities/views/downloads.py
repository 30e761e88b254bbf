"""The import template download (the matrix's own downloads are in activities.views.matrix)."""

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from activities.import_template import import_template_xlsx
from core.spreadsheets.responses import CONTENT_TYPES


def import_template(request: HttpRequest) -> HttpResponse:
    """The XLSX that the import reads, with drop-down lists of the hub's values."""
    response = HttpResponse(import_template_xlsx(), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = content_disposition_header(
        True, "spf-activities-import-template.xlsx"
    )
    return response

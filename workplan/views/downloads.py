"""The workplan board's downloads: exactly the board's rows, as CSV, XLSX or ODS."""

from django.db.models.functions import Lower
from django.forms import Form
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.utils import timezone
from django.utils.translation import gettext

from agencies.models import Agency
from core.spreadsheets.responses import FORMATS, format_error, table_response
from workplan.exports import WorkplanTable
from workplan.views.board import board_deliverables, find_plan


def filter_error(form: Form) -> HttpResponseBadRequest:
    """Name each filter that could not be used and why (the board lists nothing for them)."""
    reasons = "; ".join(
        f"{form[name].label}: {' '.join(messages)}" for name, messages in form.errors.items()
    )
    message = gettext("Some filters could not be used: %(reasons)s") % {"reasons": reasons}
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def board_export(request: HttpRequest, year: int) -> HttpResponse | StreamingHttpResponse:
    """The year's deliverables and steps for the board's filters; ?format= says which file.

    Public like the board (the private-site middleware guards both); emails only for
    those allowed to see contacts.
    """
    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        return format_error(fmt, FORMATS)
    plan, _years = find_plan(year)
    if plan is None:
        raise Http404("No workplan for this year")
    today = timezone.localdate()
    agencies = list(Agency.objects.order_by(Lower("acronym")))
    filterset, found = board_deliverables(request, plan, agencies, today)
    if not filterset.is_valid():
        return filter_error(filterset.form)
    table = WorkplanTable(
        found, include_contacts=request.user.has_perm("activities.view_contacts"), today=today
    )
    return table_response(
        table,
        fmt,
        filename=f"spf-workplan-{year}-{today:%Y-%m-%d}",
        sheet_title=gettext("Workplan %(year)s") % {"year": year},
    )

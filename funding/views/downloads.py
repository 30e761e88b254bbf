from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets.responses import FORMATS, format_error, table_response
from funding.exports import ContributionTable, TotalsTable
from funding.filters import filtered_contributions


def _bad_filters(filterset) -> HttpResponseBadRequest:
    problems = "\n".join(
        f"{name}: {error}" for name, errors in filterset.errors.items() for error in errors
    )
    message = _("Some filters could not be used, so nothing was exported:") + "\n" + problems
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def contributions_export(request: HttpRequest) -> HttpResponse:
    """The contributions of the page's filters; amounts and notes only for those who may see
    them (funding/rules.py)."""
    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        return format_error(fmt)
    filterset, contributions = filtered_contributions(request.GET)
    if filterset.errors:
        return _bad_filters(filterset)
    table = ContributionTable(
        contributions,
        with_amounts=request.user.has_perm("funding.see_amounts"),
        with_notes=request.user.has_perm("funding.see_notes"),
    )
    filename = f"spf-contributions-{timezone.localdate():%Y-%m-%d}"
    return table_response(table, fmt, filename=filename, sheet_title=_("Contributions"))


def totals_export(request: HttpRequest) -> HttpResponse:
    """The totals per partner, channel, year and country, per currency (amounts: members)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("funding.see_amounts"):
        raise PermissionDenied(_("Funding amounts are shown to coalition members only."))
    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        return format_error(fmt)
    filterset, contributions = filtered_contributions(request.GET)
    if filterset.errors:
        return _bad_filters(filterset)
    filename = f"spf-funding-totals-{timezone.localdate():%Y-%m-%d}"
    return table_response(
        TotalsTable(contributions), fmt, filename=filename, sheet_title=_("Totals")
    )

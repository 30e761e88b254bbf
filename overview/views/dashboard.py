"""The dashboard of members and the secretariat, and its download."""

import rules
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import rule_required
from core.spreadsheets.responses import FORMATS, format_error, table_response
from overview.dashboard import DashboardTable, build_dashboard

# The coalition's internal business: members and the secretariat (overview/rules.py).
members_only = rule_required(
    "overview.see_dashboard",
    gettext_lazy("The dashboard is for coalition members and the secretariat."),
)


@members_only
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    ctx = {
        "dashboard": build_dashboard(today),
        # Each agency's progress in the round is the secretariat's (as on the round's own
        # dashboard); members see the round's totals.
        "round_by_agency": rules.has_perm("rounds.see_progress_by_agency", request.user),
    }
    return render(request, "overview/dashboard.html", ctx)


@members_only
def dashboard_export(request: HttpRequest) -> HttpResponse:
    """Every bar's number as a spreadsheet; ?format=xlsx (the default), csv or ods."""
    fmt = request.GET.get("format", "xlsx")
    if fmt not in FORMATS:
        return format_error(fmt, FORMATS)
    today = timezone.localdate()
    table = DashboardTable(
        build_dashboard(today),
        round_by_agency=rules.has_perm("rounds.see_progress_by_agency", request.user),
    )
    return table_response(
        table,
        fmt,
        filename=f"spf-dashboard-{today:%Y-%m-%d}",
        sheet_title=_("Dashboard"),
    )

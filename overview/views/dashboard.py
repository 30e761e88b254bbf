"""The dashboard of members and the secretariat, and its download."""

from collections.abc import Callable
from functools import wraps

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets.responses import FORMATS, format_error, table_response
from overview.dashboard import DashboardTable, build_dashboard


def members_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Log in first, then 403 unless the user is a member or the secretariat."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Asked of the rules alone: user.has_perm would also load Django's model
        # permissions (two queries) for a right that only the rules hold.
        if not rules.has_perm("overview.see_dashboard", request.user):
            raise PermissionDenied(_("The dashboard is for coalition members and the secretariat."))
        return view(request, *args, **kwargs)

    return login_required(wrapper)


@members_only
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    ctx = {
        "dashboard": build_dashboard(today),
        # Each agency's progress in the round is the secretariat's (as on the round's own
        # dashboard); members see the round's totals.
        "round_by_agency": rules.has_perm("rounds.manage_round", request.user),
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
        round_by_agency=rules.has_perm("rounds.manage_round", request.user),
    )
    return table_response(
        table,
        fmt,
        filename=f"spf-dashboard-{today:%Y-%m-%d}",
        sheet_title=_("Dashboard"),
    )

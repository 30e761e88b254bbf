"""The secretariat's view of every deadline still open across the coalition."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import is_secretariat
from reminders.coalition_deadlines import by_agency, by_deliverable, open_items

GROUPINGS = {"agency": by_agency, "deliverable": by_deliverable}


@login_required
def coalition_deadlines(request: HttpRequest) -> HttpResponse:
    """Open and late steps and round parts, by agency (?by=agency) or by deliverable
    (?by=deliverable), with who was reminded when."""
    if not is_secretariat(request.user):
        raise PermissionDenied(_("The coalition's deadlines are the secretariat's page."))
    by = request.GET.get("by", "agency")
    if by not in GROUPINGS:
        by = "agency"
    today = timezone.localdate()
    items = open_items(today)
    ctx = {
        "by": by,
        "groups": GROUPINGS[by](items),
        "open_count": len(items),
        "late_count": sum(1 for item in items if item.late),
        "today": today,
    }
    return render(request, "workplan/coalition_deadlines.html", ctx)

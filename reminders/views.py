"""The secretariat's view of every deadline still open across the coalition."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import rule_required
from reminders.coalition_deadlines import by_agency, by_deliverable, open_items

GROUPINGS = {"agency": by_agency, "deliverable": by_deliverable}


@rule_required(
    "workplan.see_coalition_deadlines", _("The coalition's deadlines are the secretariat's page.")
)
def coalition_deadlines(request: HttpRequest) -> HttpResponse:
    """Open and late steps and round parts, by agency (?by=agency) or by deliverable
    (?by=deliverable), with who was reminded when."""
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

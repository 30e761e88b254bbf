"""What changed in the matrix between two dates: a page and a download (members and the
secretariat: it names who made each change, like the rows' history)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.as_of import AsOfError, parse_as_of
from activities.changes import changes_between, kind_labels
from activities.changes_table import ChangesTable
from core.jinja import render_partial
from core.spreadsheets.responses import FORMATS, format_error, table_response


def changes_response(request: HttpRequest, changes, ctx: dict, filename: str) -> HttpResponse:
    """The page of `changes`, or with ?format= its download (shared with rounds)."""
    fmt = request.GET.get("format", "")
    if fmt:
        if fmt not in FORMATS:
            return format_error(fmt, FORMATS)
        return table_response(
            ChangesTable(changes), fmt, filename=filename, sheet_title=_("Changes")
        )
    labels = kind_labels()
    counts = [(labels[kind], n) for kind, n in changes.counts().items()]
    table = render_partial(
        "activities/changes_by_agency.html",
        {
            "groups": changes.by_agency(),
            "history_url": reverse("activities:history", kwargs={"reference": "SLOT"}),
        },
        request,
    )
    ctx = {**ctx, "changes": changes, "counts": counts, "table": table}
    return render(request, "activities/changes.html", ctx)


@login_required
def changes(request: HttpRequest) -> HttpResponse:
    """?since=YYYY-MM-DD&until=YYYY-MM-DD (until: today when left out)."""
    if not request.user.has_perm("activities.view_history"):
        raise PermissionDenied(_("What changed is shown to coalition members and the secretariat."))
    since_text = request.GET.get("since", "").strip()
    until_text = request.GET.get("until", "").strip()
    ctx = {"since_text": since_text, "until_text": until_text}
    if not since_text:
        return render(request, "activities/changes.html", {**ctx, "changes": None})
    try:
        since = parse_as_of(since_text)
        until = parse_as_of(until_text) if until_text else None
    except AsOfError as error:
        ctx["error"] = str(error)
        return render(request, "activities/changes.html", {**ctx, "changes": None}, status=400)
    if until is not None and until.when <= since.when:
        ctx["error"] = _(
            "The second date must come after the first: nothing changes between a date and itself."
        )
        return render(request, "activities/changes.html", {**ctx, "changes": None}, status=400)
    end = until.when if until else timezone.now()
    found = changes_between(since.when, end)
    ctx["since_label"] = since.label
    ctx["until_label"] = until.label if until else _("today")
    return changes_response(request, found, ctx, f"spf-changes-{since_text}")

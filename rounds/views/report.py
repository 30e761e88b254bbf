"""A round's report (a printable page and a workbook) and what changed since another round."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from activities.views.changes import changes_response
from core.spreadsheets.responses import xlsx_response
from rounds.models import UpdateRound
from rounds.report import SameRound, build_report, moment_of, previous_round, round_changes
from rounds.views.dashboard import secretariat_only


@secretariat_only
def report(request: HttpRequest, round_id: int) -> HttpResponse:
    """?format=xlsx: the same, as a workbook of three sheets."""
    update_round = get_object_or_404(UpdateRound, pk=round_id)
    found = build_report(update_round)
    if request.GET.get("format") == "xlsx":
        return xlsx_response(found.sheets(), filename=f"spf-round-{update_round.pk}-report")
    return render(request, "rounds/report.html", {"report": found, "round": update_round})


@secretariat_only
def diff(request: HttpRequest, round_id: int) -> HttpResponse:
    """What changed between this round's close and another's (?against=, the previous round
    by default): a page, or its download with ?format=."""
    update_round = get_object_or_404(UpdateRound, pk=round_id)
    against_id = request.GET.get("against", "")
    against = (
        get_object_or_404(UpdateRound, pk=against_id)
        if against_id.isdigit()
        else previous_round(update_round)
    )
    others = UpdateRound.objects.exclude(pk=update_round.pk).order_by("-opened_at")
    ctx = {
        "round": update_round,
        "against": against,
        "others": others,
        "heading": update_round.title,
    }
    try:
        found = round_changes(update_round, against)
    except SameRound as same:
        return render(
            request,
            "activities/changes.html",
            {**ctx, "error": str(same), "changes": None},
            status=400,
        )
    ctx["since_label"] = (
        _("the close of “%(title)s”") % {"title": against.title}
        if against
        else _("the opening of this round")
    )
    ctx["until_label"] = (
        _("its close") if update_round.closed_at else _("today (the round is open)")
    )
    ctx["until_moment"] = moment_of(update_round)
    return changes_response(request, found, ctx, f"spf-round-{update_round.pk}-changes")

"""The secretariat's side of update rounds: open, follow on the dashboard, close, reopen."""

from collections.abc import Callable

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accounts.roles import rule_required
from core.spreadsheets.responses import FORMATS, format_error, table_response
from rounds.agency_members import agencies_without_members, members_by_agency
from rounds.exports import DashboardTable
from rounds.forms import OpenRoundForm
from rounds.models import RoundAgency, RoundAgencyStatus, UpdateRound
from rounds.services import close_round, open_round, parts_with_progress, reopen_round

# The round's words, in English and the coalition's other languages (each member reads theirs).
TRANSLATED = ("title", "title_fr", "title_es", "message", "message_fr", "message_es")
STATUS_RANK = {status: rank for rank, status in enumerate(RoundAgencyStatus.values)}
# ?sort= keys of the dashboard; a leading "-" reverses.
DASHBOARD_SORTS: dict[str, Callable[[RoundAgency], object]] = {
    "agency": lambda part: part.agency.acronym.lower(),
    "status": lambda part: (STATUS_RANK[part.status], part.answered_count),
    "progress": lambda part: part.answered_count / part.row_count if part.row_count else 1.0,
    "last": lambda part: part.last_activity_at.timestamp() if part.last_activity_at else 0.0,
}


# Every page here is the secretariat's (rounds/rules.py).
secretariat_only = rule_required(
    "rounds.manage_round", gettext_lazy("Only the secretariat manages update rounds.")
)


@secretariat_only
def index(request: HttpRequest) -> HttpResponse:
    rounds = UpdateRound.objects.annotate(
        asked=Count("parts"),
        submitted=Count("parts", filter=Q(parts__submitted_at__isnull=False)),
    )
    return render(request, "rounds/index.html", {"rounds": rounds})


@secretariat_only
def open_view(request: HttpRequest) -> HttpResponse:
    form = OpenRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        words = {name: form.cleaned_data[name] for name in TRANSLATED}
        update_round = open_round(
            request.user,
            deadline=form.cleaned_data["deadline"],
            agencies=form.cleaned_data["agencies"],
            period=form.cleaned_data.get("period"),
            **words,
        )
        asked = form.cleaned_data["agencies"]
        people = members_by_agency(agency.pk for agency in asked)
        emailed = len({user.pk for users in people.values() for user in users})
        opened = _("Round “%(title)s” opened: %(count)d agencies asked.") % {
            "title": update_round.title,
            "count": len(asked),
        }
        told = ngettext(
            "%(people)d person gets an email.", "%(people)d people get an email.", emailed
        ) % {"people": emailed}
        messages.success(request, f"{opened} {told}")
        unreachable = [agency.acronym for agency in asked if agency.pk not in people]
        if unreachable:
            messages.warning(
                request,
                _(
                    "Nobody can answer for %(agencies)s yet: no member. Invite someone from the "
                    "dashboard."
                )
                % {"agencies": ", ".join(unreachable)},
            )
        return redirect("rounds:dashboard", round_id=update_round.pk)
    # Before anything is sent: the agencies nobody could answer for, marked and listed.
    choices = list(form.fields["agencies"].queryset)
    unreachable = agencies_without_members(agency.pk for agency in choices)
    ticked = {str(value) for value in form["agencies"].value() or []}
    ctx = {
        "form": form,
        "unreachable": {str(pk) for pk in unreachable},
        "unreachable_asked": [
            agency for agency in choices if agency.pk in unreachable and str(agency.pk) in ticked
        ],
    }
    return render(request, "rounds/open.html", ctx)


def _sorted_parts(update_round: UpdateRound, sort: str) -> list[RoundAgency]:
    """The parts with their progress, sorted in Python (the status is computed)."""
    parts = list(parts_with_progress(update_round))
    key = DASHBOARD_SORTS.get(sort.removeprefix("-"))
    if key is not None:
        parts.sort(key=key, reverse=sort.startswith("-"))
    return parts


@secretariat_only
def dashboard(request: HttpRequest, round_id: int) -> HttpResponse:
    update_round = get_object_or_404(UpdateRound.objects.select_related("period"), pk=round_id)
    sort = request.GET.get("sort", "agency")
    if sort.removeprefix("-") not in DASHBOARD_SORTS:
        sort = "agency"
    parts = _sorted_parts(update_round, sort)
    counts = {status: 0 for status in RoundAgencyStatus.values}
    for part in parts:
        counts[part.status] += 1
    ctx = {
        "round": update_round,
        "parts": parts,
        # Asked agencies with no member: nobody got the email, nobody can answer.
        "unreachable": agencies_without_members(part.agency_id for part in parts),
        "sort": sort,
        "sort_links": {name: (f"-{name}" if sort == name else name) for name in DASHBOARD_SORTS},
        "counts": [(RoundAgencyStatus(s).label, n) for s, n in counts.items()],
    }
    return render(request, "rounds/dashboard.html", ctx)


@secretariat_only
def dashboard_export(request: HttpRequest, round_id: int) -> HttpResponse:
    """The dashboard's rows in its sort; ?format=csv|xlsx|ods, XLSX when absent (older
    links name no format)."""
    fmt = request.GET.get("format", "xlsx")
    if fmt not in FORMATS:
        return format_error(fmt, FORMATS)
    update_round = get_object_or_404(UpdateRound, pk=round_id)
    parts = _sorted_parts(update_round, request.GET.get("sort", "agency"))
    filename = f"spf-round-{update_round.pk}-{timezone.localdate():%Y-%m-%d}"
    return table_response(DashboardTable(parts), fmt, filename=filename, sheet_title=_("Round"))


@secretariat_only
@require_POST
def close(request: HttpRequest, round_id: int) -> HttpResponse:
    """Closing freezes the round's answers: a page first says what is still open and asks
    to confirm (its form posts `confirm`)."""
    update_round = get_object_or_404(UpdateRound, pk=round_id)
    if update_round.is_open and "confirm" not in request.POST:
        parts = list(parts_with_progress(update_round))
        ctx = {
            "round": update_round,
            "waiting": [part for part in parts if part.submitted_at is None],
            "to_review": [p for p in parts if p.submitted_at and p.accepted_at is None],
        }
        return render(request, "rounds/close_confirm.html", ctx)
    close_round(update_round, request.user)
    messages.success(
        request, _("Round “%(title)s” closed: it takes no more answers.") % {"title": update_round}
    )
    return redirect("rounds:dashboard", round_id=update_round.pk)


@secretariat_only
@require_POST
def reopen(request: HttpRequest, round_id: int) -> HttpResponse:
    update_round = get_object_or_404(UpdateRound, pk=round_id)
    reopen_round(update_round, request.user)
    message = _("Round “%(title)s” reopened: members can answer again.")
    messages.success(request, message % {"title": update_round})
    return redirect("rounds:dashboard", round_id=update_round.pk)

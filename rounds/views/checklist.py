"""A member's side of a round: the checklist of the agency's rows, answers, submission."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from activities.concurrency import EditConflict
from activities.models import Activity
from activities.proposals import pending_proposals, waiting_for
from results.periods import missing_values
from rounds.comments import thread
from rounds.models import Outcome, RoundAgency, RowConfirmation
from rounds.services import (
    RoundClosed,
    answer_row,
    answered_rows,
    close_row,
    rows_of,
    submit_part,
)
from rounds.views.comments import thread_context


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def edit_url(activity: Activity) -> str:
    """The member edit form for the row."""
    return reverse("activities:activity_edit", kwargs={"pk": activity.pk})


def _answerable_part(request: HttpRequest, part_id: int) -> RoundAgency:
    """The round part, if the user may answer for its agency (403 otherwise)."""
    # submitted_by too: the checklist and its htmx answers say who submitted.
    parts = RoundAgency.objects.select_related("round", "agency", "submitted_by")
    part = get_object_or_404(parts, pk=part_id)
    if not request.user.has_perm("rounds.answer_part", part):
        raise PermissionDenied(_("You do not speak for this agency."))
    return part


def _refuse(request: HttpRequest, part: RoundAgency, message: str) -> HttpResponse:
    """Nothing was changed: say why (409 for htmx, a message on the checklist otherwise)."""
    if _is_htmx(request):
        return HttpResponse(message, status=409, content_type="text/plain; charset=utf-8")
    messages.error(request, message)
    return redirect("rounds:checklist", part_id=part.pk)


def _progress(part: RoundAgency) -> tuple[int, int]:
    """(answered, total) rows of the part, in one query: an answer counts while the activity
    is still one of the agency's rows (as in rounds.services.answered_rows)."""
    answer = RowConfirmation.objects.filter(
        round_id=part.round_id, agency_id=part.agency_id, activity_id=OuterRef("pk")
    )
    rows = rows_of(part.agency_id)
    if part.submitted_at:  # rows added since are shown apart, not counted against it
        rows = rows.filter(created_at__lte=part.submitted_at)
    counts = rows.alias(has_answer=Exists(answer)).aggregate(
        total=Count("pk"), answered=Count("pk", filter=Q(has_answer=True))
    )
    return counts["answered"], counts["total"]


def unanswered_rows(part: RoundAgency) -> list[Activity]:
    """The agency's rows with no answer yet in this round, by country and title."""
    answered = RowConfirmation.objects.filter(
        round_id=part.round_id, agency_id=part.agency_id, activity_id=OuterRef("pk")
    )
    return list(
        rows_of(part.agency_id)
        .alias(has_answer=Exists(answered))
        .filter(has_answer=False)
        .select_related("country")
        .prefetch_related("countries")  # the place of a row of several countries
        .order_by("country__name", "title")
    )


def _row_response(
    request: HttpRequest, part: RoundAgency, activity: Activity, answer: RowConfirmation | None
) -> HttpResponse:
    """The answered row for htmx, with the progress line and the submit block out of band:
    they changed too, and the page should not need a reload to say so."""
    answered, total = _progress(part)
    ctx = {
        "part": part,
        "row": activity,
        "answer": answer,
        "edit_url": edit_url(activity),
        "answered": answered,
        "total": total,
        "unanswered": total - answered,
    }
    return render(request, "rounds/_checklist_answered.html", ctx)


@login_required
def checklist(request: HttpRequest, part_id: int) -> HttpResponse:
    """The agency's rows in this round, each with its answer so far, and the submit button."""
    part = _answerable_part(request, part_id)
    # A row of several countries, a region or the world is one row, answered once.
    rows = list(
        rows_of(part.agency_id)
        .select_related("country")
        .prefetch_related("countries")
        .order_by("country__name", "title")
    )
    # Roles proposed in these rows and not answered yet: the row shows them meanwhile.
    waiting = pending_proposals(row.pk for row in rows)
    for row in rows:
        row.waiting_proposals = waiting.get(row.pk, [])
    answers = {
        answer.activity_id: answer
        for answer in RowConfirmation.objects.filter(
            round_id=part.round_id, agency_id=part.agency_id
        ).select_related("confirmed_by")
    }
    # Once submitted, the rows added after the submission are listed apart: they are new
    # work, not a gap in what was submitted.
    added = [row for row in rows if part.submitted_at and row.created_at > part.submitted_at]
    added_ids = {row.pk for row in added}
    rows = [row for row in rows if row.pk not in added_ids]
    answered = sum(1 for row in rows if row.pk in answers)
    ctx = {
        "part": part,
        "round": part.round,
        "rows": [(row, answers.get(row.pk), edit_url(row)) for row in rows],
        "added_rows": [(row, answers.get(row.pk), edit_url(row)) for row in added],
        "answered": answered,
        "total": len(rows),
        "unanswered": len(rows) - answered,
        # Roles other members propose to this agency: answered from here too.
        "proposals": waiting_for(part.agency_id),
        # The round's period's results: the indicators still lacking a value.
        "period": part.round.period,
        "missing_results": (
            missing_values(part.agency_id, part.round.period) if part.round.period else []
        ),
        "thread": thread_context(
            request,
            thread(part=part),
            reverse("rounds:comment_part", kwargs={"part_id": part.pk}),
        ),
    }
    return render(request, "rounds/checklist.html", ctx)


@login_required
@require_POST
def confirm_row(request: HttpRequest, part_id: int, activity_id: int) -> HttpResponse:
    """Confirm one row as current. Kept lean: members click it once per row."""
    part = _answerable_part(request, part_id)
    # A row that is not the agency's is not found, whatever the form says.
    activity = get_object_or_404(rows_of(part.agency_id).select_related("country"), pk=activity_id)
    try:
        answer = answer_row(request.user, part, activity.pk, Outcome.CONFIRMED, activity.version)
    except RoundClosed as closed:
        return _refuse(request, part, closed.message())
    if _is_htmx(request):
        return _row_response(request, part, activity, answer)
    messages.success(request, _("“%(title)s” confirmed as current.") % {"title": activity.title})
    return redirect("rounds:checklist", part_id=part.pk)


@login_required
@require_POST
def close_row_view(request: HttpRequest, part_id: int, activity_id: int) -> HttpResponse:
    """Close a row: the activity is closed as everywhere (activities.services.close_activity),
    if nobody changed it meanwhile."""
    part = _answerable_part(request, part_id)
    activity = get_object_or_404(rows_of(part.agency_id).select_related("country"), pk=activity_id)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        return HttpResponseBadRequest(
            _("The form has no valid “version” field: reload the checklist and try again."),
            content_type="text/plain; charset=utf-8",
        )
    try:
        close_row(request.user, part, activity, version)
    except RoundClosed as closed:
        return _refuse(request, part, closed.message())
    except EditConflict as conflict:
        return _refuse(request, part, conflict.message())
    except ValidationError as error:
        # The row starts after today: its end date cannot be today (closing's rule says why).
        return _refuse(request, part, " ".join(error.messages))
    if _is_htmx(request):
        answer = RowConfirmation.objects.get(
            round_id=part.round_id, agency_id=part.agency_id, activity_id=activity.pk
        )
        return _row_response(request, part, activity, answer)
    messages.success(request, _("“%(title)s” closed (completed).") % {"title": activity.title})
    return redirect("rounds:checklist", part_id=part.pk)


@login_required
@require_POST
def submit(request: HttpRequest, part_id: int) -> HttpResponse:
    """Mark the agency's part submitted. With rows unanswered, first a page that names them
    and asks to confirm (its form posts `confirm`)."""
    part = _answerable_part(request, part_id)
    if part.submitted_at is None and part.takes_answers and "confirm" not in request.POST:
        waiting = unanswered_rows(part)
        if waiting:
            ctx = {"part": part, "round": part.round, "waiting": waiting}
            return render(request, "rounds/submit_confirm.html", ctx)
    try:
        done = submit_part(request.user, part)
    except RoundClosed as closed:
        return _refuse(request, part, closed.message())
    if not done:
        messages.info(request, _("Your agency's part was already submitted."))
    elif part.is_late:
        messages.warning(
            request, _("Your agency's part is submitted, after the deadline: it is marked late.")
        )
    else:
        messages.success(request, _("Thank you: your agency's part is submitted."))
    unanswered = rows_of(part.agency_id).count() - answered_rows(part) if done else 0
    if unanswered > 0:
        messages.warning(
            request,
            ngettext(
                "%(count)d row was left unanswered.",
                "%(count)d rows were left unanswered.",
                unanswered,
            )
            % {"count": unanswered},
        )
    return redirect("rounds:checklist", part_id=part.pk)

"""“My agency's rows”: a member's activities, with inline (htmx) edits of status and dates.

The page costs the same number of queries for an agency with 5 activities or 500: one page
of rows with their agencies prefetched, and the round answers for all of them in one query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.html import conditional_escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import agencies_of, agency_ids, is_secretariat
from activities.concurrency import EditConflict
from activities.forms import QuickEditForm, focal_point_label
from activities.matrix import with_labels
from activities.models import Activity, ActivityAgency, ActivityStatus, role_order
from activities.services import update_activity
from agencies.models import Agency, FocalPoint
from core.http import forbidden
from rounds.models import Outcome, RoundAgency
from rounds.services import confirmations_for, open_parts_for


def rows_queryset() -> QuerySet[Activity]:
    """What a row shows (the matrix's for_matrix() minus the tools, which the row omits)."""
    links = ActivityAgency.objects.select_related("agency").order_by(
        role_order(), "agency__acronym"
    )
    return Activity.objects.select_related("country").prefetch_related(
        Prefetch("participations", queryset=links)
    )


def pick_agency(request: HttpRequest, acronym: str) -> Agency | None:
    """The agency named in ?agency= among those the user may act for (None if not one)."""
    return agencies_of(request.user).filter(acronym__iexact=acronym.strip()).first()


def rows_url(user, agency: Agency | None) -> str:
    url = reverse("activities:my_rows")
    # Members with one agency never need the parameter; the others come back where they were.
    if agency is not None and (is_secretariat(user) or len(agency_ids(user)) > 1):
        return f"{url}?agency={agency.acronym}"
    return url


def open_parts(user, agency: Agency) -> list[RoundAgency]:
    """The open rounds that ask this agency (for the secretariat too, who is not a member)."""
    if agency.pk in agency_ids(user):
        return [part for part in open_parts_for(user) if part.agency_id == agency.pk]
    return list(
        RoundAgency.objects.filter(agency=agency, round__closed_at__isnull=True)
        .select_related("round", "agency")
        .order_by("round__deadline")
    )


def checklist_url(part: RoundAgency) -> str:
    """The round checklist, written separately: no link until it exists."""
    try:
        return reverse("rounds:checklist", kwargs={"part_id": part.pk})
    except NoReverseMatch:
        return ""


@dataclass(frozen=True)
class RoundAnswer:
    part: RoundAgency
    outcome: str  # an Outcome value, or "" when the row still waits for an answer
    label: str


def attach_round_answers(
    rows: list[Activity], parts: list[RoundAgency], answers: dict | None = None
) -> None:
    """Give each row its answer in each open round asking the agency."""
    if answers is None:
        answers = confirmations_for(parts)
    labels = {
        Outcome.CONFIRMED: _("Confirmed"),
        Outcome.EDITED: _("Edited"),
        Outcome.CLOSED: _("Closed"),
    }
    waiting = _("To confirm")
    for row in rows:
        found = []
        for part in parts:
            answer = answers.get((part.pk, row.pk))
            outcome = answer.outcome if answer else ""
            found.append(RoundAnswer(part, outcome, labels.get(outcome, waiting)))
        row.round_answers = found


def row_labels() -> dict[str, str]:
    """The words every row repeats, translated once per request rather than once per row."""
    return {
        "activity": _("Activity"),
        "agencies": _("Agencies"),
        "round": _("This round"),
        "status_dates": _("Status and dates"),
        "actions": _("Actions"),
        "status": _("Status"),
        "start": _("Start date"),
        "end": _("End date"),
        "save": _("Save"),
        "edit": _("Edit"),
        "duplicate": _("Duplicate"),
        "close": _("Close"),
        "delete": _("Delete"),
    }


def decorate_rows(rows: list[Activity], agency: Agency | None) -> None:
    """Links and the status <select>'s options of each row, built in Python.

    At 50 rows, reversing six URLs and looping over the statuses in the template is most of
    the page's time; here a URL is one string replacement and the options are shared.
    """
    suffix = f"?{urlencode({'agency': agency.acronym})}" if agency is not None else ""
    patterns = {
        name: reverse(f"activities:{view}", kwargs={"pk": 0})
        for name, view in (
            ("quick", "quick_edit"),
            ("edit", "activity_edit"),
            ("duplicate", "activity_duplicate"),
            ("close", "activity_close"),
            ("delete", "activity_delete"),
        )
    }
    labels = [(value, conditional_escape(str(label))) for value, label in ActivityStatus.choices]
    options = {
        # Values are our constants and labels are escaped above: safe to mark safe.
        current: mark_safe(
            "".join(
                f'<option value="{value}"{" selected" if value == current else ""}>{label}</option>'
                for value, label in labels
            )
        )
        for current in ActivityStatus.values
    }
    for row in rows:
        # Strings, not ints: the template would run each int through number localization.
        row.key, row.version_s = str(row.pk), str(row.version)
        segment = f"/{row.pk}/"
        row.urls = {
            name: pattern.replace("/0/", segment) + ("" if name == "quick" else suffix)
            for name, pattern in patterns.items()
        }
        row.status_options = options.get(row.status, "")


@login_required
@require_GET
def my_rows(request: HttpRequest) -> HttpResponse:
    """The activities of one of the user's agencies, each editable inline."""
    user = request.user
    secretariat = is_secretariat(user)
    if not secretariat and not agency_ids(user):
        return forbidden(
            request,
            _(
                "This page is for members of an agency. Ask the secretariat to add you to "
                "your agency."
            ),
        )
    choices = list(agencies_of(user).order_by("acronym").only("pk", "acronym", "name"))
    wanted = request.GET.get("agency", "").strip()
    if wanted:
        agency = next((a for a in choices if a.acronym.lower() == wanted.lower()), None)
        if agency is None:
            return forbidden(
                request,
                _("You cannot edit the rows of “%(agency)s”: you are not one of its members.")
                % {"agency": wanted},
            )
    else:
        mine = agency_ids(user)
        agency = next((a for a in choices if a.pk in mine), None)
    ctx = {"agency_choices": choices, "agency": agency, "labels": row_labels()}
    if agency is None:
        # The secretariat speaks for no agency of its own: it picks one first.
        return render(request, "activities/my_rows.html", ctx)

    activities = rows_queryset().with_agency(agency.pk).order_by("country__name", "title", "pk")
    page = Paginator(activities, settings.SPF_MATRIX_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = with_labels(page.object_list)
    decorate_rows(rows, agency)
    parts = open_parts(user, agency)
    answers = confirmations_for(parts)
    attach_round_answers(rows, parts, answers)
    ctx.update(
        {
            "page": page,
            "rows": rows,
            "parts": [
                {
                    "part": part,
                    "answered": sum(1 for part_id, _row in answers if part_id == part.pk),
                    "url": checklist_url(part),
                }
                for part in parts
            ],
            "show_round": bool(parts),
            # The agency's contacts, each with its edit link (a few per agency).
            "focal_points": list(
                agency.focal_points.select_related("country").order_by("level", "region", "name")
            ),
        }
    )
    return render(request, "activities/my_rows.html", ctx)


@login_required
@require_POST
def quick_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Save a row's status and dates; answer with the row, re-drawn (htmx) or redirect."""
    activity = get_object_or_404(Activity, pk=pk)
    if not request.user.has_perm("activities.change_activity", activity):
        return forbidden(
            request, _("You cannot edit this activity: none of your agencies takes part.")
        )
    agency = pick_agency(request, request.POST.get("agency", ""))
    form = QuickEditForm(request.POST)
    notice, error = "", ""
    if form.is_valid():
        data = form.cleaned_data
        activity.status = data["status"]
        activity.start_date = data["start_date"]
        activity.end_date = data["end_date"]
        try:
            update_activity(request.user, activity, data["version"])
        except EditConflict as conflict:
            error = conflict.message()
        else:
            notice = _("Saved “%(title)s”.") % {"title": activity.title}
    else:
        error = _("Not saved: %(errors)s") % {
            "errors": "; ".join(
                f"{form.fields[name].label}: {' '.join(errors)}"
                if name in form.fields and name != "version"
                else " ".join(errors)
                for name, errors in form.errors.items()
            )
        }

    if not request.headers.get("HX-Request"):
        # Without JavaScript the form posts normally: back to the list, with the outcome.
        if error:
            messages.error(request, error)
        else:
            messages.success(request, notice)
        return redirect(rows_url(request.user, agency))

    # Drawn from the database: after a conflict the row shows what is stored now.
    row = with_labels([rows_queryset().get(pk=pk)])[0]
    decorate_rows([row], agency)
    parts = open_parts(request.user, agency) if agency else []
    attach_round_answers([row], parts)
    ctx = {
        "activity": row,
        "agency": agency,
        "show_round": bool(parts),
        "labels": row_labels(),
        "row_notice": notice,
        "row_error": error,
    }
    return render(request, "activities/_my_row.html", ctx)


@login_required
@require_GET
def focal_point_options(request: HttpRequest) -> HttpResponse:
    """Suggestions for a focal point input (<option>s for its datalist), fetched as one types."""
    typed = (request.GET.get("focal_point") or request.GET.get("q") or "").strip()
    people = []
    if len(typed) >= 2:
        people = list(
            FocalPoint.objects.select_related("agency", "country")
            .filter(name__icontains=typed)
            .order_by("name")[:20]
        )
    options = [(focal_point_label(person), person.scope) for person in people]
    return render(request, "activities/_focal_point_options.html", {"options": options})

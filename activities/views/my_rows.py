"""“My agency's rows”: a member's activities, with inline (htmx) edits of status and dates.

The page costs the same number of queries for an agency with 5 activities or 500: one page
of rows with their agencies prefetched, and the round answers for all of them in one query.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import agencies_spoken_for, agency_ids, is_secretariat, rule_required
from activities import participations
from activities.concurrency import EditConflict
from activities.country_order import CountryOrderPaginator
from activities.forms import QuickEditForm, focal_point_label
from activities.matrix import RowLabels, with_labels
from activities.models import Activity, ActivityAgency, role_order
from activities.services import update_activity
from activities.signals import round_context
from agencies.models import Agency, FocalPoint
from core.jinja import render_partial


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
    mine = agencies_spoken_for(request.user)
    return mine.filter(acronym__iexact=acronym.strip()).first()


def rows_url(user, agency: Agency | None) -> str:
    url = reverse("activities:my_rows")
    # Members with one agency never need the parameter; the others come back where they were.
    if agency is not None and (is_secretariat(user) or len(agency_ids(user)) > 1):
        return f"{url}?agency={agency.acronym}"
    return url


def decorate_rows(rows: list[Activity], agency: Agency | None, user) -> None:
    """Give each row its links: at 50 rows, reversing five URLs per row in the template
    would be most of the page's time; here a URL is one string replacement. "Delete" is
    offered where the user may delete the row (from the agencies already fetched)."""
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
    for row in rows:
        segment = f"/{row.pk}/"
        row.urls = {
            name: pattern.replace("/0/", segment) + ("" if name == "quick" else suffix)
            for name, pattern in patterns.items()
        }
        roles = {link.agency_id: link.role for link in row.participations.all()}
        row.may_delete = participations.may_delete(user, roles)


def row_context(agency: Agency | None, show_round: bool) -> dict[str, object]:
    """What templates/jinja2/activities/my_rows_macros.html needs besides the rows."""
    return {
        "agency": agency,
        "show_round": show_round,
        "statuses": list(RowLabels.now().statuses.items()),
    }


@rule_required(
    "activities.keep_rows",
    gettext_lazy(
        "This page is for members of an agency. Ask the secretariat to add you to your agency."
    ),
)
@require_GET
def my_rows(request: HttpRequest) -> HttpResponse:
    """The activities of one of the user's agencies, each editable inline."""
    user = request.user
    choices = list(agencies_spoken_for(user).order_by("acronym").only("pk", "acronym", "name"))
    wanted = request.GET.get("agency", "").strip()
    if wanted:
        agency = next((a for a in choices if a.acronym.lower() == wanted.lower()), None)
        if agency is None:
            raise PermissionDenied(
                _("You cannot edit the rows of “%(agency)s”: you are not one of its members.")
                % {"agency": wanted}
            )
    else:
        mine = agency_ids(user)
        agency = next((a for a in choices if a.pk in mine), None)
    ctx = {"agency_choices": choices, "agency": agency}
    if agency is None:
        # The secretariat speaks for no agency of its own: it picks one first.
        return render(request, "activities/my_rows.html", ctx)

    activities = rows_queryset().with_agency(agency.pk)
    paginator = CountryOrderPaginator(activities, settings.SPF_MATRIX_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    rows = with_labels(page.object_list)
    decorate_rows(rows, agency, user)
    rounds = round_context(user, agency, rows)
    context = {**row_context(agency, rounds.shown), "rows": rows}
    table = render_partial("activities/my_rows_table.html", context, request)
    ctx.update(
        {
            "page": page,
            "rows": rows,
            "table": table,
            "parts": rounds.banners,
            "show_round": rounds.shown,
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
        raise PermissionDenied(
            _("You cannot edit this activity: none of your agencies takes part.")
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
    decorate_rows([row], agency, request.user)
    rounds = round_context(request.user, agency, [row])
    ctx = {
        **row_context(agency, rounds.shown),
        "activity": row,
        "row_notice": notice,
        "row_error": error,
    }
    return render(request, "activities/my_row.html", ctx, using="jinja2")


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

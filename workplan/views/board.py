import datetime

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core import signing
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Profile
from agencies.models import Agency, FocalPoint
from workplan import calendar
from workplan.deadlines import steps_of_agency, steps_of_user
from workplan.feeds import feed_token, owner_of, replace_feed
from workplan.filters import BoardFilter
from workplan.models import DIGEST_OPT_OUT_SALT, Area, Deliverable, DigestOptOut, Step, Workplan
from workplan.other_deadlines import deadlines_of_agency, deadlines_of_user
from workplan.status import STATUS_LABELS, late_deliverables, with_status


def find_plan(year: int | None) -> tuple[Workplan | None, list[int]]:
    """The page's plan and every plan's year (Workplan.objects.of_year).

    404 when there are plans but none for `year`; (None, []) when there is none at all.
    """
    plan, years = Workplan.objects.of_year(year)
    if plan is None and years:
        raise Http404("No workplan for this year")
    return plan, years


def board_deliverables(
    request: HttpRequest, plan: Workplan | None, agencies: list[Agency], today: datetime.date
) -> tuple[BoardFilter, QuerySet[Deliverable]]:
    """The deliverables the board lists for the request's filters, in the board's order.

    Shared by the board and its downloads, so a file holds exactly what the page shows.
    Invalid filters list nothing (the board says why) rather than everything.
    """
    deliverables = with_status(Deliverable.objects.filter(area__workplan=plan), today)
    filterset = BoardFilter(request.GET or None, queryset=deliverables, agencies=agencies)
    if not filterset.is_bound:
        found = deliverables
    elif filterset.is_valid():
        found = filterset.qs
    else:
        found = deliverables.none()
    return filterset, found.order_by("area__number", "pk")


def board(request: HttpRequest, year: int | None = None) -> HttpResponse:
    """A year's workplan by area: deliverables, who answers for them, steps and status."""
    plan, years = find_plan(year)
    today = timezone.localdate()
    agencies = list(Agency.objects.order_by(Lower("acronym")))
    filterset, found = board_deliverables(request, plan, agencies, today)
    found = found.prefetch_related(
        "responsible_agencies",
        Prefetch("contacts", queryset=FocalPoint.objects.select_related("agency")),
        Prefetch("steps", queryset=Step.objects.order_by("due_date", "pk")),
    )
    by_area: dict[int, list[Deliverable]] = {}
    for deliverable in found:
        deliverable.status_label = STATUS_LABELS[deliverable.status]
        by_area.setdefault(deliverable.area_id, []).append(deliverable)
    areas = [
        {"area": area, "deliverables": by_area.get(area.pk, [])}
        for area in Area.objects.filter(workplan=plan).order_by("number")
    ]
    ctx = {
        "plan": plan,
        "years": years,
        "areas": areas,
        "filter": filterset,
        "count": sum(len(rows) for rows in by_area.values()),
        "today": today,
        "show_contacts": request.user.has_perm("activities.view_contacts"),
        "agency_feeds": agencies if not settings.SPF_PRIVATE_SITE else [],
    }
    return render(request, "workplan/board.html", ctx)


@login_required
def my_deadlines(request: HttpRequest) -> HttpResponse:
    """The steps the member's agencies answer for, or that name them: open ones first."""
    steps = list(steps_of_user(request.user))
    others = deadlines_of_user(request.user)  # update rounds' deadlines, and the like
    today = timezone.localdate()
    ctx = {
        "open_steps": [step for step in steps if step.completed_on is None],
        "done_steps": [step for step in steps if step.completed_on is not None],
        "open_others": [deadline for deadline in others if deadline.done_on is None],
        "done_others": [deadline for deadline in others if deadline.done_on is not None],
        # The secretariat answers for no step itself, but must not read "nothing open"
        # while the coalition is late: it gets the count and a link to all deadlines. (The
        # secretariat are staff: members cost no query for the question.)
        "coalition_late": late_deliverables(today).count()
        if request.user.is_staff
        and rules.has_perm("workplan.see_coalition_deadlines", request.user)
        else None,
        "today": today,
        "feed_url": request.build_absolute_uri(
            reverse("workplan:user_calendar", args=[feed_token(request.user)])
        ),
    }
    return render(request, "workplan/my_deadlines.html", ctx)


@login_required
@require_POST
def replace_calendar_feed(request: HttpRequest) -> HttpResponse:
    """A new secret calendar address for the person; the old one stops working at once."""
    replace_feed(request.user)
    messages.success(
        request,
        _(
            "Your calendar address was replaced: the old one no longer works. Subscribe "
            "your calendar to the new one below."
        ),
    )
    return redirect(f"{reverse('workplan:my_deadlines')}#calendar")


def ics_response(name: str, steps, filename: str, deadlines=()) -> HttpResponse:
    body = calendar.calendar(name, steps, deadlines)
    response = HttpResponse(body, content_type="text/calendar")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


# The token stands for a login: the feed is as private as a logged-in page (no cache keeps it).
@cache_control(private=True, no_store=True)
def user_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """A person's deadlines for their calendar app, which cannot log in: the secret token
    in the URL stands for the login (workplan.feeds)."""
    user = owner_of(token)
    if user is None:
        raise Http404("Unknown calendar")
    name = _("SPF workplan: deadlines of %(name)s") % {"name": user.get_username()}
    return ics_response(name, steps_of_user(user), "my-deadlines", deadlines_of_user(user))


def agency_calendar(request: HttpRequest, acronym: str) -> HttpResponse:
    """An agency's deadlines: public, like the board, unless the site is private."""
    if settings.SPF_PRIVATE_SITE and not request.user.is_authenticated:
        raise Http404("Unknown calendar")
    agency = Agency.objects.alias(key=Lower("acronym")).filter(key=acronym.lower()).first()
    if agency is None:
        raise Http404("Unknown agency")
    name = _("SPF workplan: deadlines of %(agency)s") % {"agency": agency.acronym}
    return ics_response(
        name,
        steps_of_agency(agency.pk),
        f"{agency.acronym}-deadlines",
        deadlines_of_agency(agency.pk),
    )


@require_http_methods(["GET", "POST"])
def digest_off(request: HttpRequest, token: str) -> HttpResponse:
    """One email per reminder instead of a digest. GET asks, POST does: mail scanners
    follow links, and must not change anyone's settings."""
    try:
        email = signing.loads(token, salt=DIGEST_OPT_OUT_SALT)
    except signing.BadSignature:
        raise Http404("Unknown link") from None
    if request.method == "POST":
        users = User.objects.filter(email__iexact=email)
        if users.exists():
            Profile.objects.filter(user__in=users).update(receives_digest=False)
        else:
            DigestOptOut.objects.get_or_create(email=email)
        messages.success(request, _("Done: from now on you get one email per reminder."))
        return redirect("workplan:board")
    return render(request, "workplan/digest_off.html", {"email": email})

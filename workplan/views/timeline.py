"""The workplan timeline: deliverables and their dated steps on a time axis, by area."""

from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from agencies.models import Agency
from workplan.models import Area, Deliverable
from workplan.timeline import TimelineFilter, build_timeline
from workplan.views.board import find_plan


def timeline(request: HttpRequest, year: int | None = None) -> HttpResponse:
    """As public as the board; filtered by responsible agency and area (in the URL)."""
    plan, years = find_plan(year)
    today = timezone.localdate()
    ctx: dict[str, object] = {"plan": plan, "years": years, "today": today}
    if plan is not None:
        agencies = list(Agency.objects.order_by(Lower("acronym")))
        areas = list(Area.objects.filter(workplan=plan).order_by("number"))
        filterset = TimelineFilter(
            request.GET or None,
            queryset=Deliverable.objects.filter(area__workplan=plan),
            agencies=agencies,
            areas=areas,
        )
        if not filterset.is_bound:
            found = filterset.queryset
        elif filterset.is_valid():
            found = filterset.qs
        else:
            found = filterset.queryset.none()
        ctx["filter"] = filterset
        ctx["timeline"] = build_timeline(plan, found, areas, today)
    return render(request, "workplan/timeline.html", ctx)

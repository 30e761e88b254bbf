"""The workplan on a time axis: each deliverable's dated steps placed by their due date,
grouped by area, today marked, late and done steps told apart.

Positions are percentages of the axis, drawn by templates/workplan/timeline.html as SVG
coordinates ("42.3%"), so that no inline style is needed. Five queries whatever the size:
the filters' agencies, the areas, the deliverables, their agencies and their steps.
"""

import datetime
from dataclasses import dataclass, field

import django_filters
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from workplan.models import Area, Deliverable, Step, Workplan

DONE, LATE, OPEN = "done", "late", "open"


@dataclass(frozen=True)
class Axis:
    """The span the timeline shows: whole months, from the plan's first month (or its
    earliest step) to its last (or its latest step)."""

    start: datetime.date
    end: datetime.date  # the first day after the span

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def at(self, day: datetime.date) -> str:
        """The day's position on the axis, as an SVG percentage ("42.3%")."""
        share = (day - self.start).days / self.days
        return f"{100 * min(max(share, 0.0), 1.0):.2f}%"

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day < self.end

    def months(self) -> list["Month"]:
        found = []
        month = self.start
        while month < self.end:
            following = next_month(month)
            found.append(Month(month, self.at(month), following.month == 1 or not found))
            month = following
        return found


@dataclass(frozen=True)
class Month:
    first: datetime.date
    x: str  # where the month starts on the axis
    shows_year: bool  # the first month shown, and every January

    @property
    def label(self) -> str:
        return dateformat.format(self.first, "M Y" if self.shows_year else "M")


@dataclass(frozen=True)
class TimelineStep:
    step: Step
    state: str  # DONE, LATE or OPEN
    x: str


@dataclass
class TimelineRow:
    deliverable: Deliverable
    steps: list[TimelineStep]
    x_first: str = ""  # the line joining the steps, from the first to the last
    x_last: str = ""


@dataclass
class TimelineArea:
    area: Area
    rows: list[TimelineRow] = field(default_factory=list)


@dataclass
class Timeline:
    axis: Axis
    areas: list[TimelineArea]
    today: datetime.date
    today_x: str | None  # None when today is outside the axis

    @property
    def count(self) -> int:
        return sum(len(area.rows) for area in self.areas)


def next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def step_state(step: Step, today: datetime.date) -> str:
    """Done once completed; late while open past its due date (as on the board)."""
    if step.completed_on is not None:
        return DONE
    return LATE if step.due_date < today else OPEN


class TimelineFilter(django_filters.FilterSet):
    """By responsible agency (acronym) and by area (its number in the plan)."""

    agency = django_filters.ChoiceFilter(
        label=_("Responsible agency"), method="filter_agency", empty_label=_("any agency")
    )
    area = django_filters.ChoiceFilter(
        label=_("Area"), field_name="area__number", empty_label=_("every area")
    )

    class Meta:
        model = Deliverable
        fields: list[str] = []

    def __init__(self, *args, agencies: list[Agency], areas: list[Area], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["agency"].extra["choices"] = [(a.acronym, a.acronym) for a in agencies]
        self.filters["area"].extra["choices"] = [(str(a.number), str(a)) for a in areas]
        self._agency_ids = {agency.acronym: agency.pk for agency in agencies}

    def filter_agency(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        links = Deliverable.responsible_agencies.through.objects.filter(
            agency_id=self._agency_ids.get(value)
        )
        return queryset.filter(pk__in=links.values("deliverable_id"))


def plan_axis(plan: Workplan, steps: list[Step]) -> Axis:
    first = min([datetime.date(plan.year, 1, 1), *(s.due_date.replace(day=1) for s in steps)])
    last = max([datetime.date(plan.year, 12, 1), *(s.due_date.replace(day=1) for s in steps)])
    return Axis(first, next_month(last))


def build_timeline(
    plan: Workplan, deliverables: QuerySet[Deliverable], areas: list[Area], today: datetime.date
) -> Timeline:
    """The plan's (already filtered) deliverables on the axis, in the areas' order."""
    found = list(
        deliverables.prefetch_related(
            Prefetch("responsible_agencies", queryset=Agency.objects.order_by(Lower("acronym"))),
            Prefetch("steps", queryset=Step.objects.order_by("due_date", "pk")),
        ).order_by("area__number", "pk")
    )
    axis = plan_axis(plan, [step for d in found for step in d.steps.all()])
    by_area = {area.pk: TimelineArea(area) for area in areas}
    for deliverable in found:
        steps = [
            TimelineStep(step, step_state(step, today), axis.at(step.due_date))
            for step in deliverable.steps.all()
        ]
        row = TimelineRow(deliverable, steps)
        if steps:
            row.x_first, row.x_last = steps[0].x, steps[-1].x
        if deliverable.area_id in by_area:
            by_area[deliverable.area_id].rows.append(row)
    return Timeline(
        axis=axis,
        areas=[block for block in by_area.values() if block.rows],
        today=today,
        today_x=axis.at(today) if axis.contains(today) else None,
    )

"""A country on one printed page: who is doing what there and who leads, whom to contact,
how the country stands against the selection criteria, what the workplan expects of the
agencies working there, and where it is.

One page means choosing: the running activities first and at most ACTIVITIES of them, the
country's own focal points, the open deliverables of the current plan. The country page and
the matrix have the rest, and the brief says how much it left out.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Lower

from activities.models import (
    Activity,
    ActivityAgency,
    ActivityStatus,
    ActivityType,
    role_order,
)
from agencies.models import Agency, FocalLevel, FocalPoint
from assessments.selection import WillingLeads, willing_leads
from countries.models import Country, CountryAssessment
from overview.figures import current_plan
from overview.shapes import Box, Shape, locator_box, world
from results.country_results import CountryResults, country_results
from workplan.models import Deliverable, Workplan
from workplan.status import DONE, STATUS_LABELS, with_status

ACTIVITIES = 10
# With results to show, fewer activities make room for them on the page.
ACTIVITIES_WITH_RESULTS = 5
RESULT_ROWS = 4
MILESTONES = 3
CONTACTS = 6
DELIVERABLES = 4
# Running first: what a reader of the brief can still join.
STATUS_ORDER = [ActivityStatus.ONGOING, ActivityStatus.PLANNED, ActivityStatus.SUSPENDED]


@dataclass(frozen=True)
class Locator:
    """A small map around the country: its shape and its neighbours'."""

    view_box: str
    country: Shape
    others: list[Shape]


@dataclass
class Brief:
    country: Country
    activities: list[Activity]
    total: int
    by_status: list[tuple[str, str, int]]  # (value, label, count), every status
    agencies: list[dict[str, object]]  # acronym, activities, leads; leaders first
    contacts: list[FocalPoint] | None  # None: not shown to this visitor
    assessments: list[CountryAssessment] | None  # None: not shown to this visitor
    willing_leads: WillingLeads | None  # computed from the matrix; shown with assessments
    plan: Workplan | None
    deliverables: list[Deliverable]
    locator: Locator | None
    today: datetime.date
    results: CountryResults | None = None  # None: nothing to show

    @property
    def result_rows(self) -> list:
        return self.results.reported if self.results else []

    @property
    def milestones(self) -> list:
        return self.results.milestones[:MILESTONES] if self.results else []

    @property
    def left_out(self) -> int:
        return self.total - len(self.activities)


def locator(code: str) -> Locator | None:
    box = locator_box(code)
    if box is None:
        return None
    shapes = world()
    return Locator(
        view_box=box.view_box(),
        country=shapes.by_code[code],
        others=[
            shape for shape in shapes.shapes if shape.code != code and overlaps(shape.box, box)
        ],
    )


def overlaps(a: Box, b: Box) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def brief_activities(country: Country) -> QuerySet[Activity]:
    """The country's activities, running ones first, then the latest started, with their
    agencies (lead first)."""
    rank = {status: index for index, status in enumerate(STATUS_ORDER)}
    status_rank = Case(
        *(When(status=status, then=Value(index)) for status, index in rank.items()),
        default=Value(len(rank)),
        output_field=IntegerField(),
    )
    return (
        country.activities.alias(status_rank=status_rank)
        .order_by("status_rank", "-start_date", "title", "pk")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=ActivityAgency.objects.select_related("agency").order_by(
                    role_order(), Lower("agency__acronym")
                ),
            )
        )
    )


def country_contacts(country: Country) -> list[FocalPoint]:
    """The focal points for the country itself, of the agencies working there."""
    active = ActivityAgency.objects.filter(agency=OuterRef("agency"), activity__country=country)
    return list(
        FocalPoint.objects.filter(level=FocalLevel.COUNTRY, country=country)
        .filter(Exists(active))
        .select_related("agency")
        .order_by(Lower("agency__acronym"), "name")[:CONTACTS]
    )


def open_deliverables(
    country: Country, plan: Workplan | None, today: datetime.date
) -> list[Deliverable]:
    """The plan's deliverables not done yet that agencies working in the country answer for."""
    if plan is None:
        return []
    active = Agency.objects.filter(participations__activity__country=country)
    answering = Deliverable.responsible_agencies.through.objects.filter(agency__in=active)
    deliverables = Deliverable.objects.filter(
        area__workplan=plan, pk__in=answering.values("deliverable_id")
    )
    found = list(
        with_status(deliverables, today)
        .exclude(status=DONE)
        .select_related("area")
        .prefetch_related(
            Prefetch("responsible_agencies", queryset=Agency.objects.order_by(Lower("acronym")))
        )
        .order_by("area__number", "pk")[:DELIVERABLES]
    )
    for deliverable in found:
        deliverable.status_label = STATUS_LABELS[deliverable.status]
    return found


def build_brief(
    country: Country,
    *,
    today: datetime.date,
    show_contacts: bool,
    show_assessments: bool,
    reader=None,
) -> Brief:
    """`reader`: whose results to show (None: the public's, approved only)."""
    results = country_results(country, reader, rows=RESULT_ROWS)
    if results.is_empty:
        results = None
    activities = brief_activities(country)
    counts = dict(country.activities.order_by().values_list("status").annotate(n=Count("pk")))
    types = dict(ActivityType.choices)
    statuses = dict(ActivityStatus.choices)
    shown = list(activities[: ACTIVITIES_WITH_RESULTS if results else ACTIVITIES])
    for activity in shown:
        activity.type_label = types.get(activity.activity_type, activity.activity_type)
        activity.status_label = statuses.get(activity.status, activity.status)
    assessments, leads = None, None
    if show_assessments:
        leads = willing_leads(country)
        assessments = list(
            country.assessments.select_related("criterion").order_by("criterion__number")
        )
        for assessment in assessments:
            assessment.is_stale = assessment.is_older_than_a_year(today)
    plan = current_plan()
    return Brief(
        country=country,
        activities=shown,
        total=sum(counts.values()),
        by_status=[(value, str(label), counts.get(value, 0)) for value, label in statuses.items()],
        agencies=ActivityAgency.objects.agencies_in(country.pk),
        contacts=country_contacts(country) if show_contacts else None,
        assessments=assessments,
        willing_leads=leads,
        plan=plan,
        deliverables=open_deliverables(country, plan, today),
        locator=locator(str(country.code)),
        today=today,
        results=results,
    )

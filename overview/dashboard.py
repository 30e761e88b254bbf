"""The members' and secretariat's dashboard: the matrix, the current update round and the
workplan's deadlines in counts, each count a bar that links to the rows it counts.

Every chart is one aggregate query (two for the years), whatever the number of activities;
the charts are tables with a bar per row (templates/overview/_bar_chart.html), so that
every number can be read, printed and downloaded (DashboardTable).
"""

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, F, Min, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityAgency,
    ActivityStatus,
    ActivityType,
    Guarantee,
    Role,
)
from agencies.models import Agency
from core.spreadsheets.cells import ColumnNote
from countries.models import Region
from overview.figures import DUE_DAYS, current_plan, deliverables_due, deliverables_late
from rounds.models import RoundAgency, UpdateRound
from rounds.services import parts_with_progress
from workplan.models import Deliverable, Workplan

# Deliverables listed under "due soon" and "late" (the board has them all).
LISTED = 15


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    url: str  # the matrix filtered on what the bar counts
    highest: int  # the chart's highest count: the bar's full length

    @property
    def width(self) -> str:
        """The bar's length in percent of the chart's highest, for the SVG <rect>."""
        return f"{100 * self.count / self.highest:.1f}" if self.highest else "0"


@dataclass
class Chart:
    key: str
    title: str
    item: str  # what a row is: "Region", "Agency"...
    unit: str  # what is counted: "Activities", "Countries"...
    bars: list[Bar] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)


@dataclass(frozen=True)
class RoundCompletion:
    """How far the current round is: agencies that submitted, rows answered."""

    round: UpdateRound
    parts: list[RoundAgency]
    agencies: int
    submitted: int
    rows: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.rows) if self.rows else 100

    @property
    def bars(self) -> list[Bar]:
        """One bar per agency: its rows answered, linking to its rows of the matrix."""
        return [
            Bar(
                part.agency.acronym,
                part.answered_count,
                matrix_url(agency=part.agency.acronym),
                part.row_count,
            )
            for part in self.parts
        ]


@dataclass
class Dashboard:
    charts: list[Chart]
    round: RoundCompletion | None
    due: list[Deliverable]  # the first LISTED of them, soonest first
    due_count: int
    late: list[Deliverable]
    late_count: int
    plan: Workplan | None  # the plan whose late deliverables are counted
    today: datetime.date
    due_days: int = DUE_DAYS


def matrix_url(**params: str | int) -> str:
    return f"{reverse('activities:matrix')}?{urlencode(params)}"


def _chart(key: str, title: str, item: str, unit: str, rows: list[tuple[str, int, str]]) -> Chart:
    highest = max((count for _label, count, _url in rows), default=0)
    bars = [Bar(label, count, url, highest) for label, count, url in rows]
    return Chart(key, str(title), str(item), str(unit), bars)


def by_choice(
    key: str, title: str, item: str, column: str, param: str, choices: list[tuple[str, Any]]
) -> Chart:
    """Activities per value of a column, every choice listed (0 included), in its order."""
    counts = dict(
        Activity.objects.order_by()
        .values_list(column)
        .annotate(n=Count("pk"))
        .values_list(column, "n")
    )
    rows = [
        (str(label), counts.get(value, 0), matrix_url(**{param: value})) for value, label in choices
    ]
    return _chart(key, title, item, _("Activities"), rows)


def by_guarantee() -> Chart:
    counts = Activity.objects.aggregate(
        **{value: Count("pk", filter=Q(**{flag: True})) for value, flag in GUARANTEE_FIELDS.items()}
    )
    rows = [
        (str(label), counts[value], matrix_url(guarantee=value))
        for value, label in Guarantee.choices
    ]
    return _chart(
        "guarantee", _("Activities by R202 guarantee"), _("Guarantee"), _("Activities"), rows
    )


def agency_charts() -> tuple[Chart, Chart]:
    """Agencies by the number of countries they work in, and by the activities they lead."""
    rows = list(
        ActivityAgency.objects.order_by()
        .values_list("agency__acronym")
        .annotate(
            countries=Count("activity__country", distinct=True),
            leads=Count("pk", filter=Q(role=Role.LEAD)),
        )
    )
    by_countries = sorted(rows, key=lambda row: (-row[1], row[0].lower()))
    by_leads = sorted((row for row in rows if row[2]), key=lambda row: (-row[2], row[0].lower()))
    countries = _chart(
        "agency-countries",
        _("Agencies by countries they work in"),
        _("Agency"),
        _("Countries"),
        [(acronym, n, matrix_url(agency=acronym)) for acronym, n, _leads in by_countries],
    )
    leads = _chart(
        "agency-leads",
        _("Agencies by activities they lead"),
        _("Agency"),
        _("Activities led"),
        [
            (acronym, n, matrix_url(agency=acronym, agency_role="lead"))
            for acronym, _countries, n in by_leads
        ],
    )
    return countries, leads


def per_year(key: str, title: str, column: str, param: str) -> Chart:
    """Activities per year of a date column, every year from the first to the last (those
    without the date are not counted)."""
    counts = dict(
        Activity.objects.filter(**{f"{column}__isnull": False})
        .annotate(year=ExtractYear(column))
        .order_by()
        .values_list("year")
        .annotate(n=Count("pk"))
    )
    years = range(min(counts), max(counts) + 1) if counts else range(0)
    return _chart(
        key,
        title,
        _("Year"),
        _("Activities"),
        [(str(year), counts.get(year, 0), matrix_url(**{param: year})) for year in years],
    )


def current_round() -> RoundCompletion | None:
    """The latest round still open, else the latest closed (None: no round yet)."""
    update_round = UpdateRound.objects.order_by(
        F("closed_at").desc(nulls_first=True), "-opened_at"
    ).first()
    if update_round is None:
        return None
    parts = list(parts_with_progress(update_round))
    return RoundCompletion(
        round=update_round,
        parts=parts,
        agencies=len(parts),
        submitted=sum(1 for part in parts if part.submitted_at),
        rows=sum(part.row_count for part in parts),
        answered=sum(part.answered_count for part in parts),
    )


def with_next_step(deliverables: QuerySet[Deliverable]) -> tuple[list[Deliverable], int]:
    """The first LISTED deliverables, soonest first, with their area, responsible agencies
    and first open step's date; and how many there are in all."""
    listed = list(
        deliverables.select_related("area__workplan")
        .annotate(next_due=Min("steps__due_date", filter=Q(steps__completed_on__isnull=True)))
        .prefetch_related(
            Prefetch("responsible_agencies", queryset=Agency.objects.order_by("acronym"))
        )
        .order_by("next_due", "pk")[:LISTED]
    )
    return listed, deliverables.count()


def build_dashboard(today: datetime.date) -> Dashboard:
    regions = list(Region.choices)
    charts = [
        by_choice(
            "region",
            _("Activities by region"),
            _("Region"),
            "country__region",
            "region",
            regions,
        ),
        by_guarantee(),
        by_choice(
            "type",
            _("Activities by type"),
            _("Type"),
            "activity_type",
            "type",
            ActivityType.choices,
        ),
        by_choice(
            "status",
            _("Activities by status"),
            _("Status"),
            "status",
            "status",
            ActivityStatus.choices,
        ),
        *agency_charts(),
        per_year("started", _("Activities started per year"), "start_date", "started"),
        per_year("ending", _("Activities ending per year"), "end_date", "ending"),
    ]
    due, due_count = with_next_step(deliverables_due(today))
    plan = current_plan(today)
    late, late_count = with_next_step(deliverables_late(today, plan))
    return Dashboard(
        charts=charts,
        round=current_round(),
        due=due,
        due_count=due_count,
        late=late,
        late_count=late_count,
        plan=plan,
        today=today,
    )


# (header, what it holds), in the download's order.
COLUMNS: list[tuple[Any, Any]] = [
    (gettext_lazy("Chart"), gettext_lazy("Which of the dashboard's charts the row belongs to.")),
    (gettext_lazy("Item"), gettext_lazy("What the row counts: a region, an agency, a year...")),
    (gettext_lazy("Count"), gettext_lazy("The number the bar shows.")),
    (gettext_lazy("Out of"), gettext_lazy("For the round's rows answered: the agency's rows.")),
    (gettext_lazy("Due"), gettext_lazy("For deliverables: the first open step's due date.")),
    (
        gettext_lazy("Link"),
        gettext_lazy("Where the count comes from: the matrix's rows, or the workplan."),
    ),
]


class DashboardTable:
    """The dashboard as one table: a row per bar, then the round and the deadlines."""

    def __init__(self, dashboard: Dashboard, *, round_by_agency: bool) -> None:
        self.dashboard = dashboard
        self.round_by_agency = round_by_agency

    def column_notes(self) -> list[ColumnNote]:
        return [ColumnNote(str(header), str(meaning)) for header, meaning in COLUMNS]

    def iter_table(self) -> Iterator[Sequence[Any]]:
        yield [str(header) for header, _meaning in COLUMNS]
        for chart in self.dashboard.charts:
            for bar in chart.bars:
                yield [chart.title, bar.label, bar.count, None, None, bar.url]
        completion = self.dashboard.round
        if completion is not None:
            title = _("Rows answered in the round “%(title)s”") % {"title": completion.round}
            yield [title, _("All agencies asked"), completion.answered, completion.rows, None, ""]
            for bar in completion.bars if self.round_by_agency else []:
                yield [title, bar.label, bar.count, bar.highest, None, bar.url]
        due = _("Deliverables due in the next %(days)d days") % {"days": self.dashboard.due_days}
        for title, deliverables in (
            (due, self.dashboard.due),
            (_("Late deliverables"), self.dashboard.late),
        ):
            for deliverable in deliverables:
                board = reverse("workplan:board_year", args=[deliverable.area.workplan.year])
                yield [title, deliverable.title, None, None, deliverable.next_due, board]

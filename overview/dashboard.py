"""The members' and secretariat's dashboard: the matrix, the current update round and the
workplan's deadlines in counts, each count a bar that links to the rows it counts.

Every chart of the matrix reads the tallies the database keeps on every write
(activities.tallies: a row per kind, region, agency and country, or pair of years), one
query each (the themes' chart counts their links). The charts are tables with a bar per
row (templates/overview/_bar_chart.html), so that every number can be read, printed and
downloaded (DashboardTable).
"""

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.db.models import (
    Count,
    F,
    Min,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities import tallies
from activities.models import (
    GUARANTEE_FIELDS,
    ActivityStatus,
    ActivityType,
    Guarantee,
    Scope,
    Theme,
)
from agencies.models import Agency
from core.kept import kept
from core.spreadsheets.cells import ColumnNote
from core.svg_bars import bar_width
from core.translations import translated
from countries.models import Region
from overview.figures import DUE_DAYS, current_plan, deliverables_due, deliverables_late
from overview.result_charts import ProgressChart, result_charts
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
        return bar_width(self.count, self.highest)


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
    bars: list[Bar]  # per agency: its rows answered, linking to its rows of the matrix

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.rows) if self.rows else 100


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
    results: list[ProgressChart] = field(default_factory=list)


class MatrixLinks:
    """Links to the matrix filtered on what a bar counts; the matrix reversed once for the
    dashboard's two hundred bars."""

    def __init__(self) -> None:
        self.path = reverse("activities:matrix")

    def __call__(self, **params: str | int) -> str:
        return f"{self.path}?{urlencode(params)}"


def _chart(key: str, title: str, item: str, unit: str, rows: list[tuple[str, int, str]]) -> Chart:
    highest = max((count for _label, count, _url in rows), default=0)
    bars = [Bar(label, count, url, highest) for label, count, url in rows]
    return Chart(key, str(title), str(item), str(unit), bars)


def activity_charts(matrix_url: MatrixLinks) -> list[Chart]:
    """Activities by region, scope, R202 guarantee, type and status, from the matrix's
    tallies by kind (a few hundred rows at most, summed here: activities.tallies) and the
    regions' (a region's activities each once), every choice listed in its order, 0
    included."""
    rows = tallies.kind_counts()
    by: dict[str, dict[str, int]] = {
        "region": tallies.region_counts(),
        "scope": {},
        "type": {},
        "status": {},
        "guarantee": {},
    }
    for scope, activity_type, status, n, *flags in rows:
        for chart, value in (("scope", scope), ("type", activity_type), ("status", status)):
            by[chart][value] = by[chart].get(value, 0) + n
        for value, count in zip(GUARANTEE_FIELDS, flags, strict=True):
            by["guarantee"][value] = by["guarantee"].get(value, 0) + count
    charts = [
        ("region", _("Activities by region"), _("Region"), Region.choices),
        ("scope", _("Activities by scope"), _("Scope"), Scope.choices),
        ("guarantee", _("Activities by R202 guarantee"), _("Guarantee"), Guarantee.choices),
        ("type", _("Activities by type"), _("Type"), ActivityType.choices),
        ("status", _("Activities by status"), _("Status"), ActivityStatus.choices),
    ]
    return [
        _chart(
            key,
            title,
            item,
            _("Activities"),
            [
                (str(label), by[key].get(value, 0), matrix_url(**{key: value}))
                for value, label in choices
            ],
        )
        for key, title, item, choices in charts
    ]


def theme_chart(matrix_url: MatrixLinks) -> Chart:
    """Activities by theme: every theme of the list in its order, 0 included (one query)."""
    themes = Theme.objects.annotate(n=Count("activity_links")).order_by("position", "name")
    return _chart(
        "theme",
        _("Activities by theme"),
        _("Theme"),
        _("Activities"),
        [(translated(theme, "name"), theme.n, matrix_url(theme=theme.code)) for theme in themes],
    )


def agency_charts(matrix_url: MatrixLinks) -> tuple[Chart, Chart]:
    """Agencies by the number of countries they work in, and by the activities they lead,
    from the matrix's tallies by agency and main country (activities.tallies: a row per
    pair, whatever the number of activities)."""
    rows = tallies.agency_country_counts()
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


def year_charts(matrix_url: MatrixLinks) -> list[Chart]:
    """Activities started, and ending, per year: every year from the first to the last (an
    activity without the date is not counted), from the matrix's tallies (a few hundred
    rows, kept on every write: activities.tallies)."""
    rows = tallies.year_counts()
    started: dict[int, int] = {}
    ending: dict[int, int] = {}
    for start, end, n in rows:
        if start is not None:
            started[start] = started.get(start, 0) + n
        if end is not None:
            ending[end] = ending.get(end, 0) + n
    charts = [
        ("started", _("Activities started per year"), started),
        ("ending", _("Activities ending per year"), ending),
    ]
    return [
        _chart(
            key,
            title,
            _("Year"),
            _("Activities"),
            [
                (str(year), counts.get(year, 0), matrix_url(**{key: year}))
                for year in (range(min(counts), max(counts) + 1) if counts else range(0))
            ],
        )
        for key, title, counts in charts
    ]


def current_round(matrix_url: MatrixLinks) -> RoundCompletion | None:
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
        bars=[
            Bar(
                part.agency.acronym,
                part.answered_count,
                matrix_url(agency=part.agency.acronym),
                part.row_count,
            )
            for part in parts
        ],
    )


def with_next_step(deliverables: QuerySet[Deliverable]) -> tuple[list[Deliverable], int]:
    """The first LISTED deliverables, soonest first, with their area, responsible agencies
    and first open step's date; and how many there are in all.

    All are fetched (without their long texts) and counted here: a plan has a few hundred
    at most, and a second query would compute every deliverable's status again.
    """
    found = list(
        deliverables.select_related("area__workplan")
        .defer("objective", "how")
        .annotate(next_due=Min("steps__due_date", filter=Q(steps__completed_on__isnull=True)))
        .order_by("next_due", "pk")
    )
    listed = found[:LISTED]
    prefetch_related_objects(
        listed, Prefetch("responsible_agencies", queryset=Agency.objects.order_by("acronym"))
    )
    return listed, len(found)


def build_dashboard(today: datetime.date) -> Dashboard:
    matrix_url = MatrixLinks()
    charts = [
        *activity_charts(matrix_url),
        theme_chart(matrix_url),
        *agency_charts(matrix_url),
        *year_charts(matrix_url),
    ]
    due, due_count = with_next_step(deliverables_due(today))
    plan = current_plan()
    late, late_count = with_next_step(deliverables_late(today, plan))
    return Dashboard(
        # Worked out from every value: kept until the data changes (core.kept).
        results=kept("result-charts", result_charts),
        charts=charts,
        round=current_round(matrix_url),
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
    (
        gettext_lazy("Out of"),
        gettext_lazy(
            "For the round's rows answered: the agency's rows; for targets reached: the "
            "targets set."
        ),
    ),
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
        for chart in self.dashboard.results:
            for bar in chart.bars:
                yield [chart.title, bar.label, bar.reached, bar.targets, None, bar.url]
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

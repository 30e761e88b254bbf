"""The dashboard's results: progress against target by indicator, country, agency and R202
guarantee, each a table with a bar per row (approved values only, as the public sees them).

A row counts the activities' indicators that have a target: how many have an approved
value, and how many reached their target (the latest value at or past it; a milestone
reached). Two grouped queries whatever the number of values: the indicators' rows grouped
by indicator, country and guarantees, and the same per agency taking part; each activity
indicator's latest value and latest target are found by the database (DISTINCT ON).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.urls import reverse
from django.utils.translation import gettext as _

from activities.filters import country_names
from activities.models import GUARANTEE_FIELDS, Activity, ActivityAgency, Guarantee
from agencies.models import Agency
from core.latest import first_of_each
from core.svg_bars import bar_width
from core.translations import translated
from countries.models import Country
from results.models import ActivityIndicator, Indicator, ResultValue, Target, Unit

# Stands for a country code in the results page's URL, reversed once per chart.
CODE_SLOT = "ZZ"


@dataclass
class ProgressBar:
    label: str
    targets: int  # activity indicators with a target
    reported: int  # of which with an approved value
    reached: int  # of which at or past the target
    url: str = ""

    @property
    def percent(self) -> int:
        return round(100 * self.reached / self.targets) if self.targets else 0

    @property
    def width(self) -> str:
        return bar_width(self.reached, self.targets)


@dataclass
class ProgressChart:
    key: str
    title: str
    item: str
    bars: list[ProgressBar] = field(default_factory=list)


def _sql(queryset) -> tuple[str, tuple]:
    sql, params = queryset.query.sql_with_params()
    return f"({sql})", tuple(params)


def progress_sql(group_by: Iterable[str], join_agencies: bool = False) -> tuple[str, tuple]:
    """Counts of targets, reported and reached per group, from each activity indicator with
    a target, its latest approved value and latest target. `group_by`: columns of `ai`
    (indicator_id) and `a` (the activity)."""
    quote = connection.ops.quote_name
    latest = first_of_each(
        ResultValue.objects.public(), "activity_indicator_id", "-period__end", "-pk"
    ).values("activity_indicator_id", "value")
    goal = first_of_each(Target.objects.all(), "activity_indicator_id", "-date", "-pk").values(
        "activity_indicator_id", "value"
    )
    latest_sql, latest_params = _sql(latest)
    goal_sql, goal_params = _sql(goal)
    ai = quote(ActivityIndicator._meta.db_table)
    activity = quote(Activity._meta.db_table)
    indicator = quote(Indicator._meta.db_table)
    parts = quote(ActivityAgency._meta.db_table)
    columns = ", ".join(group_by)
    milestone = Unit.MILESTONE.value
    agencies = f" JOIN {parts} p ON p.activity_id = a.id" if join_agencies else ""
    sql = (
        f"SELECT {columns}, COUNT(*), COUNT(l.value), "
        "SUM(CASE WHEN (i.unit = %s AND l.value > 0) OR l.value >= g.value "
        "THEN 1 ELSE 0 END) "
        f"FROM {ai} ai JOIN {activity} a ON a.id = ai.activity_id "
        f"JOIN {indicator} i ON i.id = ai.indicator_id"
        f"{agencies} "
        f"JOIN {goal_sql} g ON g.activity_indicator_id = ai.id "
        f"LEFT JOIN {latest_sql} l ON l.activity_indicator_id = ai.id "
        f"GROUP BY {columns}"
    )
    return sql, (milestone, *goal_params, *latest_params)


def _rows(sql: str, params: tuple) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor)


def _sorted(bars: list[ProgressBar]) -> list[ProgressBar]:
    return sorted(bars, key=lambda bar: (-bar.targets, bar.label.lower()))


def result_charts() -> list[ProgressChart]:
    flags = [f"a.{connection.ops.quote_name(flag)}" for flag in GUARANTEE_FIELDS.values()]
    rows = _rows(*progress_sql(["ai.indicator_id", "a.country_id", *flags]))
    by_indicator: dict[int, list[int]] = {}
    by_country: dict[int, list[int]] = {}
    by_guarantee: dict[str, list[int]] = {value: [0, 0, 0] for value in GUARANTEE_FIELDS}
    for indicator_id, country_id, *rest in rows:
        *marks, targets, reported, reached = rest
        counts = (targets, reported, int(reached or 0))
        for found, key in ((by_indicator, indicator_id), (by_country, country_id)):
            total = found.setdefault(key, [0, 0, 0])
            for index, n in enumerate(counts):
                total[index] += n
        for value, marked in zip(GUARANTEE_FIELDS, marks, strict=True):
            if marked:
                for index, n in enumerate(counts):
                    by_guarantee[value][index] += n
    agency_rows = _rows(*progress_sql(["p.agency_id"], join_agencies=True))

    indicators = Indicator.objects.in_bulk(list(by_indicator))
    countries = dict(Country.objects.filter(pk__in=list(by_country)).values_list("pk", "code"))
    acronyms = dict(
        Agency.objects.filter(pk__in=[row[0] for row in agency_rows]).values_list("pk", "acronym")
    )
    results_page = reverse("overview:country_results", args=[CODE_SLOT])
    names = country_names()
    charts = [
        ProgressChart(
            "results-indicator",
            _("Targets reached, by indicator"),
            _("Indicator"),
            _sorted(
                [
                    ProgressBar(translated(indicators[pk], "name"), *counts)
                    for pk, counts in by_indicator.items()
                ]
            ),
        ),
        ProgressChart(
            "results-country",
            _("Targets reached, by country"),
            _("Country"),
            _sorted(
                [
                    ProgressBar(
                        names.get(countries[pk], countries[pk]),
                        *counts,
                        url=results_page.replace(CODE_SLOT, countries[pk]),
                    )
                    for pk, counts in by_country.items()
                    if pk in countries
                ]
            ),
        ),
        ProgressChart(
            "results-agency",
            _("Targets reached, by agency"),
            _("Agency"),
            _sorted(
                [
                    ProgressBar(acronyms.get(pk, "?"), targets, reported, int(reached or 0))
                    for pk, targets, reported, reached in agency_rows
                ]
            ),
        ),
        ProgressChart(
            "results-guarantee",
            _("Targets reached, by R202 guarantee"),
            _("Guarantee"),
            [ProgressBar(str(label), *by_guarantee[value]) for value, label in Guarantee.choices],
        ),
    ]
    return charts

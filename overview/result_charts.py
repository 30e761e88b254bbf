"""The dashboard's results: progress against target by indicator, country, agency and R202
guarantee, each a table with a bar per row (approved values only, as the public sees them).

A row counts the activities' indicators that have a target: how many have an approved
value, and how many reached their target (the latest value at or past it; a milestone
reached). One statement whatever the number of values: each activity indicator's latest
value and latest target found once by the database (DISTINCT ON, in a CTE), grouped by
indicator, country and guarantees, and per agency taking part.
"""

from __future__ import annotations

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


def progress_sql(flags: list[str]) -> tuple[str, tuple]:
    """One statement, two groupings of the activity indicators that have a target (each with
    its latest approved value and latest target, worked out once in a CTE): rows
    (0, indicator, country, *guarantee flags, targets, reported, reached), then rows
    (1, agency, None..., targets, reported, reached) per agency taking part."""
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
    flag_columns = ", ".join(f"a.{quote(flag)} AS f{n}" for n, flag in enumerate(flags))
    flag_names = ", ".join(f"f{n}" for n in range(len(flags)))
    no_flags = ", ".join("NULL" for _flag in flags)
    sql = (
        "WITH r AS ("
        f"SELECT ai.indicator_id, a.id AS activity_id, a.country_id, {flag_columns}, "
        "CASE WHEN l.value IS NULL THEN 0 ELSE 1 END AS reported, "
        "CASE WHEN (i.unit = %s AND l.value > 0) OR l.value >= g.value THEN 1 ELSE 0 END "
        "AS reached "
        f"FROM {ai} ai JOIN {activity} a ON a.id = ai.activity_id "
        f"JOIN {indicator} i ON i.id = ai.indicator_id "
        f"JOIN {goal_sql} g ON g.activity_indicator_id = ai.id "
        f"LEFT JOIN {latest_sql} l ON l.activity_indicator_id = ai.id) "
        f"SELECT 0, indicator_id, country_id, {flag_names}, "
        "COUNT(*), SUM(reported), SUM(reached) "
        f"FROM r GROUP BY indicator_id, country_id, {flag_names} "
        "UNION ALL "
        f"SELECT 1, p.agency_id, NULL, {no_flags}, "
        "COUNT(*), SUM(r.reported), SUM(r.reached) "
        f"FROM r JOIN {parts} p ON p.activity_id = r.activity_id GROUP BY p.agency_id"
    )
    return sql, (Unit.MILESTONE.value, *goal_params, *latest_params)


def _rows(sql: str, params: tuple) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor)


def _sorted(bars: list[ProgressBar]) -> list[ProgressBar]:
    return sorted(bars, key=lambda bar: (-bar.targets, bar.label.lower()))


def result_charts() -> list[ProgressChart]:
    rows = _rows(*progress_sql(list(GUARANTEE_FIELDS.values())))
    by_indicator: dict[int, list[int]] = {}
    by_country: dict[int, list[int]] = {}
    by_agency: dict[int, tuple[int, int, int]] = {}
    by_guarantee: dict[str, list[int]] = {value: [0, 0, 0] for value in GUARANTEE_FIELDS}
    for grouping, key, country_id, *rest in rows:
        *marks, targets, reported, reached = rest
        counts = (targets, int(reported or 0), int(reached or 0))
        if grouping == 1:
            by_agency[key] = counts
            continue
        indicator_id = key
        for found, key in ((by_indicator, indicator_id), (by_country, country_id)):
            total = found.setdefault(key, [0, 0, 0])
            for index, n in enumerate(counts):
                total[index] += n
        for value, marked in zip(GUARANTEE_FIELDS, marks, strict=True):
            if marked:
                for index, n in enumerate(counts):
                    by_guarantee[value][index] += n

    indicators = Indicator.objects.in_bulk(list(by_indicator))
    countries = dict(Country.objects.filter(pk__in=list(by_country)).values_list("pk", "code"))
    acronyms = dict(Agency.objects.filter(pk__in=list(by_agency)).values_list("pk", "acronym"))
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
                [ProgressBar(acronyms.get(pk, "?"), *counts) for pk, counts in by_agency.items()]
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

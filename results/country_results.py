"""What a country's results are, as one reader may see them: its milestones, its national
coverage figures over the years, and each activity's progress against its target, with the
people counts combined by each indicator's rule (results.aggregation).

Read by the country page's results section (results.country_page), the country's public
results page and the one-page brief (overview). The same queries whatever the number of
values: the latest values as (indicator, value) pairs and their indicators (the headline
figures), the first rows of the progress table with each one's latest value, its parts and
latest target, the milestones with their agencies, the coverage figures.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from accounts.roles import AnyUser
from agencies.models import Agency
from core.kept import kept
from core.latest import first_of_each
from core.svg_bars import bar_width
from core.translations import translated
from countries.models import Country
from results.aggregation import combine
from results.disaggregations import CATEGORIES
from results.models import (
    ActivityIndicator,
    CountryMilestone,
    CoverageFigure,
    Indicator,
    ResultValue,
    ReviewStatus,
    Target,
    Unit,
    ValuePart,
)


@dataclass
class Progress:
    """One activity's indicator: where it started, where it is, where it is going."""

    activity_indicator: ActivityIndicator
    actual: ResultValue | None  # the latest value the reader may see
    target: Target | None  # the latest target
    parts: list[tuple[str, Decimal]] = field(default_factory=list)  # ("Women", 6000)

    @property
    def activity(self):
        return self.activity_indicator.activity

    @property
    def indicator(self) -> Indicator:
        return self.activity_indicator.indicator

    @property
    def indicator_name(self) -> str:
        return translated(self.indicator, "name")

    @property
    def baseline(self) -> Decimal | None:
        return self.activity_indicator.baseline_value

    @property
    def is_milestone(self) -> bool:
        return self.indicator.unit == Unit.MILESTONE

    @property
    def percent(self) -> int | None:
        """How far from the baseline to the target the latest value went, 0 to 100; None
        without a value or a target. A milestone is reached (100) or not (0)."""
        if self.actual is None:
            return None
        if self.is_milestone:
            return 100 if self.actual.value else 0
        if self.target is None:
            return None
        start = self.baseline or Decimal(0)
        span = self.target.value - start
        if span <= 0:
            return 100 if self.actual.value >= self.target.value else 0
        share = (self.actual.value - start) / span
        return max(0, min(100, round(100 * share)))

    @property
    def width(self) -> str:
        return bar_width(self.percent or 0, 100)

    @property
    def is_public(self) -> bool:
        return self.actual is None or self.actual.status == ReviewStatus.APPROVED


@dataclass(frozen=True)
class Headline:
    """An indicator's values over the country's activities, combined by its rule."""

    indicator: Indicator
    name: str
    value: Decimal
    sentence: str  # "at least 12,400: the largest of 3 activities"
    count: int


@dataclass(frozen=True)
class CoveragePoint:
    figure: CoverageFigure
    width: str  # the bar: a percent of 100, or of the series' highest


@dataclass
class CoverageSeries:
    indicator: Indicator
    name: str
    points: list[CoveragePoint]  # oldest year first


@dataclass
class CountryResults:
    country: Country
    milestones: list[CountryMilestone]
    coverage: list[CoverageSeries]
    progress: list[Progress]  # the first rows of the progress table, reported ones first
    headlines: list[Headline]
    reported_count: int  # indicators of activities with a value the reader may see

    @property
    def is_empty(self) -> bool:
        return not (self.milestones or self.coverage or self.headlines or self.reported_count)

    @property
    def reported(self) -> list[Progress]:
        """The progress rows shown that have a value."""
        return [row for row in self.progress if row.actual is not None]


def part_labels() -> dict[tuple[str, str], str]:
    return {
        (dimension, code): str(label)
        for dimension, categories in CATEGORIES.items()
        for code, label in categories
    }


def in_country(values: QuerySet, country: Country) -> QuerySet:
    """A multi-country activity reports per country: its values for another country are not
    this country's, those for no country in particular are."""
    return values.filter(Q(country__isnull=True) | Q(country=country))


def latest_values(
    queryset: QuerySet[ResultValue], country: Country, ids: Iterable[int]
) -> dict[int, ResultValue]:
    """Activity indicator id -> its latest value (by period, then the latest entered)."""
    values = in_country(queryset.filter(activity_indicator_id__in=ids), country)
    values = first_of_each(
        values.select_related("period"), "activity_indicator_id", "-period__end", "-pk"
    )
    return {value.activity_indicator_id: value for value in values}


def latest_targets(country: Country, ids: Iterable[int]) -> dict[int, Target]:
    targets = in_country(Target.objects.filter(activity_indicator_id__in=ids), country)
    return {
        target.activity_indicator_id: target
        for target in first_of_each(targets, "activity_indicator_id", "-date", "-pk")
    }


def seen_values(user: AnyUser | None) -> QuerySet[ResultValue]:
    """The values the reader may see: approved ones for the public (`user` None)."""
    return ResultValue.objects.public() if user is None else ResultValue.objects.visible_to(user)


def country_links(
    country: Country, user: AnyUser | None, *, reported_only: bool = False
) -> QuerySet[ActivityIndicator]:
    """The indicators of the country's activities, those with a value the reader may see
    first, then by activity and indicator: the order of the progress table, a page of which
    is shown (the busiest countries have thousands). `reported_only`: those with a value
    alone (the results page's table), not sorted on it: the sort would ask every value of
    the coalition whether it is one of theirs."""
    reported = in_country(seen_values(user).filter(activity_indicator=OuterRef("pk")), country)
    links = ActivityIndicator.objects.filter(activity__country=country).select_related(
        "activity", "indicator"
    )
    order = ["activity__title", "activity_id", "indicator__position", "indicator__code"]
    if reported_only:
        return links.filter(Exists(reported)).order_by(*order)
    return links.alias(reported=Exists(reported)).order_by("-reported", *order)


def progress_of(
    links: Iterable[ActivityIndicator], country: Country, user: AnyUser | None
) -> list[Progress]:
    """Each of these indicators (a page of them) with its latest value the reader may see,
    that value's parts and the latest target: three queries."""
    links = list(links)
    ids = [link.pk for link in links]
    actual = latest_values(seen_values(user), country, ids)
    targets = latest_targets(country, ids)
    parts = parts_of([value.pk for value in actual.values()])
    rows = []
    for link in links:
        value = actual.get(link.pk)
        rows.append(
            Progress(link, value, targets.get(link.pk), parts.get(value.pk, []) if value else [])
        )
    return rows


@dataclass(frozen=True)
class Latest:
    """An indicator of an activity's latest value the reader may see, in brief."""

    link_id: int
    indicator_id: int
    value_id: int
    value: Decimal
    period_end: datetime.date


LATEST_FIELDS = (
    "activity_indicator_id",
    "activity_indicator__indicator_id",
    "pk",
    "value",
    "period__end",
)


def latest_in_country(country: Country, user: AnyUser | None) -> list[Latest]:
    """Each indicator of the country's activities with a value the reader may see: its
    latest one, in brief (one query, however many values each has)."""
    links = ActivityIndicator.objects.filter(activity__country=country)
    values = in_country(seen_values(user).filter(activity_indicator__in=links), country)
    return [
        Latest(*row)
        for row in first_of_each(
            values, "activity_indicator_id", "-period__end", "-pk"
        ).values_list(
            "activity_indicator_id",
            "activity_indicator__indicator_id",
            "pk",
            "value",
            "period__end",
        )
    ]


def headlines(latest: list[Latest]) -> list[Headline]:
    """Each indicator counted in numbers (not milestones), its activities' latest values
    combined by its rule (one query: the indicators)."""
    by_indicator: dict[int, list[Decimal]] = {}
    for row in latest:
        by_indicator.setdefault(row.indicator_id, []).append(row.value)
    found = []
    for indicator in Indicator.objects.filter(pk__in=list(by_indicator)).exclude(
        unit=Unit.MILESTONE
    ):
        combined = combine(indicator, by_indicator[indicator.pk])
        if combined.value is None:
            continue
        found.append(
            Headline(
                indicator,
                translated(indicator, "name"),
                combined.value,
                combined.sentence(),
                combined.count,
            )
        )
    found.sort(key=lambda headline: (headline.indicator.position, headline.indicator.code))
    return found


def latest_progress(
    latest: list[Latest], rows: int, country: Country, user: AnyUser | None
) -> list[Progress]:
    """The `rows` most recently reported indicators of activities, latest first, with their
    value (with its activity and indicator), its parts and the latest target (three
    queries)."""
    recent = sorted(latest, key=lambda row: (row.period_end, row.value_id), reverse=True)[:rows]
    values = ResultValue.objects.select_related(
        "period", "activity_indicator__activity", "activity_indicator__indicator"
    ).in_bulk([row.value_id for row in recent])
    targets = latest_targets(country, [row.link_id for row in recent])
    parts = parts_of(list(values))
    return [
        Progress(
            values[row.value_id].activity_indicator,
            values[row.value_id],
            targets.get(row.link_id),
            parts.get(row.value_id, []),
        )
        for row in recent
    ]


def parts_of(value_ids: list[int]) -> dict[int, list[tuple[str, Decimal]]]:
    labels = part_labels()
    parts: dict[int, list[tuple[str, Decimal]]] = {}
    for result_id, dimension, category, value in (
        ValuePart.objects.filter(result_id__in=value_ids)
        .order_by("result_id", "dimension", "pk")
        .values_list("result_id", "dimension", "category", "value")
    ):
        parts.setdefault(result_id, []).append((labels.get((dimension, category), category), value))
    return parts


def coverage_series(figures: Iterable[CoverageFigure]) -> list[CoverageSeries]:
    series: dict[int, CoverageSeries] = {}
    grouped: dict[int, list[CoverageFigure]] = {}
    for figure in figures:
        grouped.setdefault(figure.indicator_id, []).append(figure)
    for indicator_id, points in grouped.items():
        indicator = points[0].indicator
        points.sort(key=lambda figure: figure.year)
        highest = (
            Decimal(100)
            if indicator.unit == Unit.PERCENT
            else max(figure.value for figure in points)
        )
        series[indicator_id] = CoverageSeries(
            indicator,
            translated(indicator, "name"),
            [CoveragePoint(figure, bar_width(figure.value, highest)) for figure in points],
        )
    return sorted(series.values(), key=lambda item: (item.indicator.position, item.indicator.code))


def milestones_of(country: Country, user: AnyUser | None) -> list[CountryMilestone]:
    found = (
        CountryMilestone.objects.public()
        if user is None
        else CountryMilestone.objects.visible_to(user)
    )
    return list(
        found.filter(country=country)
        .prefetch_related(Prefetch("agencies", queryset=Agency.objects.order_by("acronym")))
        .order_by("-achieved_on", "pk")
    )


def figures_of(country: Country, user: AnyUser | None) -> list[CoverageFigure]:
    found = (
        CoverageFigure.objects.public() if user is None else CoverageFigure.objects.visible_to(user)
    )
    return list(found.filter(country=country).select_related("indicator").order_by("year", "pk"))


def country_results(
    country: Country, user: AnyUser | None = None, *, rows: int | None = None
) -> CountryResults:
    """The country's results as `user` may see them (None: the public, approved only), with
    its `rows` most recently reported indicators of activities (None: none; the results page
    asks a page of the whole table apart, country_links and progress_of).

    The public's are the same for every visitor and read every value of the country's
    activities: they are kept until the data changes (core.kept), for the country page,
    its results page and its brief alike. A member's, which depend on their agencies, are
    worked out each time."""
    if user is None:
        return kept(
            f"country-results:{country.pk}:{rows}",
            lambda: _country_results(country, None, rows),
        )
    return _country_results(country, user, rows)


def _country_results(country: Country, user: AnyUser | None, rows: int | None) -> CountryResults:
    latest = latest_in_country(country, user)
    return CountryResults(
        country=country,
        milestones=milestones_of(country, user),
        coverage=coverage_series(figures_of(country, user)),
        progress=latest_progress(latest, rows, country, user) if rows and latest else [],
        headlines=headlines(latest),
        reported_count=len(latest),
    )

"""What a country's results are, as one reader may see them: its milestones, its national
coverage figures over the years, and each activity's progress against its target, with the
people counts combined by each indicator's rule (results.aggregation).

Read by the country page's results section (results.country_page), the country's public
results page and the one-page brief (overview). The same seven queries whatever the number
of values: every activity indicator of the country, each one's latest value and latest
target, that value's disaggregation, the milestones with their agencies, the figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet

from accounts.roles import AnyUser
from agencies.models import Agency
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
    progress: list[Progress]  # every activity indicator, those with a value first
    headlines: list[Headline]

    @property
    def is_empty(self) -> bool:
        return not (self.milestones or self.coverage or self.headlines or self.reported)

    @property
    def reported(self) -> list[Progress]:
        """The progress rows with a value."""
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


def country_progress(country: Country, user: AnyUser | None) -> list[Progress]:
    """Every indicator of the country's activities with its latest value (approved ones only
    for `user` None: the public) and target; reported ones first."""
    links = list(
        ActivityIndicator.objects.filter(activity__country=country)
        .select_related("activity", "indicator")
        .order_by("activity__title", "activity_id", "indicator__position", "indicator__code")
    )
    ids = [link.pk for link in links]
    seen = ResultValue.objects.public() if user is None else ResultValue.objects.visible_to(user)
    actual = latest_values(seen, country, ids)
    targets = latest_targets(country, ids)
    labels = part_labels()
    parts: dict[int, list[tuple[str, Decimal]]] = {}
    for result_id, dimension, category, value in (
        ValuePart.objects.filter(result_id__in=[value.pk for value in actual.values()])
        .order_by("result_id", "dimension", "pk")
        .values_list("result_id", "dimension", "category", "value")
    ):
        parts.setdefault(result_id, []).append((labels.get((dimension, category), category), value))
    rows = []
    for link in links:
        value = actual.get(link.pk)
        rows.append(
            Progress(link, value, targets.get(link.pk), parts.get(value.pk, []) if value else [])
        )
    rows.sort(key=lambda row: row.actual is None)  # stable: the order above within each
    return rows


def headlines(progress: list[Progress]) -> list[Headline]:
    """Each indicator counted in numbers (not milestones), its activities' latest values
    combined by its rule."""
    by_indicator: dict[int, list[Progress]] = {}
    for row in progress:
        if row.actual is not None and not row.is_milestone:
            by_indicator.setdefault(row.indicator.pk, []).append(row)
    found = []
    for rows in by_indicator.values():
        indicator = rows[0].indicator
        combined = combine(indicator, [row.actual.value for row in rows])
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


def country_results(country: Country, user: AnyUser | None = None) -> CountryResults:
    """The country's results as `user` may see them (None: the public, approved only)."""
    progress = country_progress(country, user)
    return CountryResults(
        country=country,
        milestones=milestones_of(country, user),
        coverage=coverage_series(figures_of(country, user)),
        progress=progress,
        headlines=headlines(progress),
    )

"""The front page's results: people newly covered (each activity's latest approved value,
combined by the indicator's rule: several activities may reach the same people) and the
countries with a new law or scheme this year (an approved milestone, or an activity's
approved law value, achieved this year); and the values behind each, for the page they link
to. Approved values only: the front page is the public's."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.db.models.functions import Coalesce

from core.kept import kept
from core.latest import first_of_each
from results.aggregation import Combined, combine
from results.models import CountryMilestone, Indicator, ResultValue

PEOPLE_NEW = "PEOPLE-NEW"
LAW = "LAW"


@dataclass(frozen=True)
class PeopleFigure:
    indicator: Indicator
    combined: Combined

    @property
    def value(self) -> Decimal | None:
        return self.combined.value


@dataclass(frozen=True)
class ResultFigures:
    people: PeopleFigure | None  # None: the indicator is not in the library
    law_countries: int
    year: int


def latest_people_values(indicator: Indicator) -> QuerySet[ResultValue]:
    """Each activity's latest approved value of the indicator (by period)."""
    values = ResultValue.objects.public().filter(activity_indicator__indicator=indicator)
    return first_of_each(values, "activity_indicator_id", "-period__end", "-pk")


def law_values(year: int) -> QuerySet[ResultValue]:
    """Activities' approved law values reached (a milestone, dated) in the year."""
    return ResultValue.objects.public().filter(
        activity_indicator__indicator__code=LAW, achieved_on__year=year
    )


def law_milestones(year: int) -> QuerySet[CountryMilestone]:
    return CountryMilestone.objects.public().filter(achieved_on__year=year)


def law_countries(year: int) -> QuerySet:
    """The ids of the countries with an approved milestone in the year, or an activity's law
    adopted (its country's, or the one the value is for), once each (UNION)."""
    milestones = law_milestones(year).order_by().values_list("country_id")
    laws = (
        law_values(year)
        .order_by()
        .values_list(Coalesce("country_id", "activity_indicator__activity__country_id"))
    )
    return milestones.union(laws)


def people_figure() -> PeopleFigure | None:
    indicator = Indicator.objects.filter(code=PEOPLE_NEW).first()
    if indicator is None:
        return None
    values = latest_people_values(indicator).values_list("value", flat=True)
    return PeopleFigure(indicator, combine(indicator, list(values)))


def result_figures(today: datetime.date) -> ResultFigures:
    """Kept until the data changes (core.kept): the people figure reads every activity's
    latest value."""
    return kept(
        f"result-figures-{today.year}",
        lambda: ResultFigures(
            people=people_figure(),
            law_countries=law_countries(today.year).count(),
            year=today.year,
        ),
    )

"""An activity's results as IATI 2.03 <result> elements: approved values only, the file is
public (results.models: only approved values are).

One <result> per indicator of the activity that has an approved value, with:
- type: impact (3) for SDG 1.3.1 and its components, outcome (2) for other counts of
  people, output (1) for the rest (laws, dialogues, assessments, costings);
- aggregation-status: true only for indicators whose values are summed over activities;
- <indicator measure=...>: unit (1) for people, numbers and amounts, percentage (2),
  nominal (3) for a milestone (1 reached, 0 not); ascending; its <reference>s: our own
  code (vocabulary 99) and, for SDG 1.3.1 and its components, the SDG indicator 1.3.1
  (vocabulary 9, UN SDG indicators);
- <baseline year iso-date value> when the activity has one;
- one <period> per reporting period with an approved value: its <target> (the activity's
  target due at the period's end or later, else its last one) and its <actual>s: the value,
  then one per part with a <dimension name value> (sex female/male, age children...). A
  value for one of a multi-country activity's countries carries the country as a
  dimension too (name "country", ISO alpha-3).

Read a chunk of activities at a time (results_by_activity): four queries per chunk, so the
whole file streams with flat memory like the activities themselves.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django_countries import countries as iso_countries
from lxml import etree
from lxml.etree import SubElement

from results.models import (
    ActivityIndicator,
    Aggregation,
    Indicator,
    ResultValue,
    Target,
    Unit,
    ValuePart,
)
from results.open_data import number, target_for

OUTPUT, OUTCOME, IMPACT = "1", "2", "3"
UNIT, PERCENTAGE, NOMINAL = "1", "2", "3"
MEASURE = {
    Unit.PEOPLE: UNIT,
    Unit.NUMBER: UNIT,
    Unit.AMOUNT: UNIT,
    Unit.PERCENT: PERCENTAGE,
    Unit.MILESTONE: NOMINAL,
}
SDG_INDICATOR_VOCABULARY, SDG_1_3_1 = "9", "1.3.1"
OWN_VOCABULARY = "99"
# IATI's dimension values as its guidance writes them (sex female/male); other categories by
# their code in results.disaggregations.
SEX_WORDS = {"f": "female", "m": "male"}


@dataclass(frozen=True, slots=True)
class Actual:
    value: Decimal
    dimensions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ResultPeriod:
    start: datetime.date
    end: datetime.date
    target: Decimal | None
    actuals: tuple[Actual, ...]


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    indicator_id: int
    baseline_value: Decimal | None
    baseline_date: datetime.date | None
    periods: tuple[ResultPeriod, ...]


def dimension(dimension_code: str, category: str) -> tuple[str, str]:
    if dimension_code == "sex":
        return ("sex", SEX_WORDS.get(category, category))
    return (dimension_code, category)


def results_by_activity(activity_ids: list[int]) -> dict[int, tuple[IndicatorResult, ...]]:
    """The approved results of these activities, by activity: four queries."""
    values = (
        ResultValue.objects.public()
        .filter(activity_indicator__activity_id__in=activity_ids)
        .order_by("activity_indicator_id", "period__start", "country__code", "pk")
        .values_list(
            "pk", "activity_indicator_id", "period__start", "period__end", "country__code",
            "value",
        )
    )  # fmt: skip
    values = list(values)
    if not values:
        return {}
    links = {
        pk: rest
        for pk, *rest in ActivityIndicator.objects.filter(
            pk__in={row[1] for row in values}
        ).values_list("pk", "activity_id", "indicator_id", "baseline_value", "baseline_date")
    }
    parts: dict[int, list[tuple[str, str, Decimal]]] = defaultdict(list)
    for result_id, dimension_code, category, value in (
        ValuePart.objects.filter(result_id__in=[row[0] for row in values])
        .order_by("result_id", "dimension", "pk")
        .values_list("result_id", "dimension", "category", "value")
    ):
        parts[result_id].append((dimension_code, category, value))
    targets: dict[int, list] = defaultdict(list)
    for link_id, date, country_id, value in (
        Target.objects.filter(activity_indicator_id__in=links)
        .order_by("date", "pk")
        .values_list("activity_indicator_id", "date", "country_id", "value")
    ):
        targets[link_id].append((date, country_id, value))

    # link -> (start, end) -> actuals
    periods: dict[int, dict[tuple, list[Actual]]] = defaultdict(lambda: defaultdict(list))
    for pk, link_id, start, end, country, value in values:
        where = (("country", iso_countries.alpha3(country)),) if country else ()
        actuals = periods[link_id][(start, end)]
        actuals.append(Actual(value, where))
        for dimension_code, category, part in parts.get(pk, ()):
            actuals.append(Actual(part, (*where, dimension(dimension_code, category))))
    found: dict[int, list[IndicatorResult]] = defaultdict(list)
    for link_id, by_period in periods.items():
        activity_id, indicator_id, baseline_value, baseline_date = links[link_id]
        found[activity_id].append(
            IndicatorResult(
                indicator_id,
                baseline_value,
                baseline_date,
                tuple(
                    ResultPeriod(start, end, target_for(targets[link_id], None, end), tuple(acts))
                    for (start, end), acts in by_period.items()
                ),
            )
        )
    return {pk: tuple(items) for pk, items in found.items()}


class IndicatorWords:
    """The indicators' English names and codes, read once per file."""

    def __init__(self) -> None:
        self.indicators = {indicator.pk: indicator for indicator in Indicator.objects.all()}
        with translation.override("en"):
            self.units = dict(Unit.choices)


def result_type(indicator: Indicator) -> str:
    if indicator.sdg_component:
        return IMPACT
    return OUTCOME if indicator.unit == Unit.PEOPLE else OUTPUT


def shown(value: Decimal) -> str:
    return str(number(value))


def result_elements(
    parent: etree._Element, results: Iterable[IndicatorResult], words: IndicatorWords
) -> None:
    for result in results:
        indicator = words.indicators[result.indicator_id]
        summed = "1" if indicator.aggregation == Aggregation.SUM else "0"
        element = SubElement(
            parent, "result", {"type": result_type(indicator), "aggregation-status": summed}
        )
        SubElement(SubElement(element, "title"), "narrative").text = indicator.name
        measured = SubElement(
            element,
            "indicator",
            {"measure": MEASURE[indicator.unit], "ascending": "1", "aggregation-status": summed},
        )
        SubElement(SubElement(measured, "title"), "narrative").text = indicator.name
        if indicator.definition:
            description = SubElement(measured, "description")
            SubElement(description, "narrative").text = indicator.definition
        SubElement(measured, "reference", {"vocabulary": OWN_VOCABULARY, "code": indicator.code})
        if indicator.sdg_component:
            SubElement(
                measured,
                "reference",
                {"vocabulary": SDG_INDICATOR_VOCABULARY, "code": SDG_1_3_1},
            )
        if result.baseline_value is not None and result.baseline_date is not None:
            SubElement(
                measured,
                "baseline",
                {
                    "year": str(result.baseline_date.year),
                    "iso-date": result.baseline_date.isoformat(),
                    "value": shown(result.baseline_value),
                },
            )
        for period in result.periods:
            period_element(measured, period)


def period_element(parent: etree._Element, period: ResultPeriod) -> None:
    element = SubElement(parent, "period")
    SubElement(element, "period-start", {"iso-date": period.start.isoformat()})
    SubElement(element, "period-end", {"iso-date": period.end.isoformat()})
    if period.target is not None:
        SubElement(element, "target", {"value": shown(period.target)})
    for actual in period.actuals:
        actual_element = SubElement(element, "actual", {"value": shown(actual.value)})
        for name, value in actual.dimensions:
            SubElement(actual_element, "dimension", {"name": name, "value": value})

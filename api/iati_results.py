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

Read for a batch of activities at a time (results_by_activity), only those that have results
(activities_with_results, one query for the file): two queries per batch of a thousand
activities with results, so the whole file streams with flat memory like the activities
themselves, and a large matrix of which few activities report results asks few times.
"""

import datetime
import functools
from collections import defaultdict
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from django.db.models import QuerySet
from django_countries import countries as iso_countries
from lxml import etree

from activities.models import Activity
from api import iati_markup as markup
from results.models import (
    Aggregation,
    Indicator,
    ResultValue,
    Target,
    Unit,
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


@functools.cache
def dimension(name: str, value: str) -> str:
    """A <dimension> element (sex female/male; other categories by their code)."""
    if name == "sex":
        value = SEX_WORDS.get(value, value)
    return markup.empty("dimension", (("name", name), ("value", value)))


@functools.cache
def country_dimension(code: str) -> str:
    return dimension("country", iso_countries.alpha3(code)) if code else ""


def activities_with_results(activities: QuerySet[Activity]) -> set[int]:
    """The ids of those of `activities` that have an approved value: one query."""
    return set(
        ResultValue.objects.public()
        .filter(activity_indicator__activity__in=activities.order_by().values("pk"))
        .order_by()
        .values_list("activity_indicator__activity_id", flat=True)
        .distinct()
    )


def results_by_activity(
    activity_ids: list[int], words: "IndicatorWords"
) -> dict[int, tuple[str, ...]]:
    """The approved results of these activities, by activity, as their <result> elements in
    the 2.03 schema's order (text, api.iati_markup: building each of a file's hundreds of
    thousands of periods and actuals as an lxml element was most of the file's time). Two
    queries, each asking by the activities' ids (a thousand of them), never by the values'
    own ids."""
    # Each approved value with its parts (a row per part, or one row with no part): the
    # parts in the values' own query rather than a query of their own, which joined the
    # values and their activities all over again.
    values = list(
        ResultValue.objects.public()
        .filter(activity_indicator__activity_id__in=activity_ids)
        .order_by(
            "activity_indicator_id", "period__start", "country__code", "pk",
            "parts__dimension", "parts__pk",
        )
        .values_list(
            "pk", "activity_indicator_id", "period__start", "period__end", "country__code",
            "value", "activity_indicator__activity_id", "activity_indicator__indicator_id",
            "activity_indicator__baseline_value", "activity_indicator__baseline_date",
            "parts__dimension", "parts__category", "parts__value",
        )
    )  # fmt: skip
    if not values:
        return {}
    targets: dict[int, list] = defaultdict(list)
    for link_id, date, country_id, value in (
        Target.objects.filter(activity_indicator__activity_id__in=activity_ids)
        .order_by("date", "pk")
        .values_list("activity_indicator_id", "date", "country_id", "value")
    ):
        targets[link_id].append((date, country_id, value))

    # link -> its activity, indicator and baseline; link -> (start, end) -> its <actual>s
    links: dict[int, tuple] = {}
    periods: dict[int, dict[tuple, list[str]]] = {}
    last_pk = None
    where = ""
    actuals: list[str] = []
    for pk, link_id, start, end, country, value, *link, part_of, category, part in values:
        if pk != last_pk:  # the value itself, then its parts
            last_pk = pk
            by_period = periods.get(link_id)
            if by_period is None:
                by_period = periods[link_id] = {}
                links[link_id] = link
            actuals = by_period.get((start, end))
            if actuals is None:
                actuals = by_period[(start, end)] = []
            where = country_dimension(country or "")
            actuals.append(actual_xml(value, where))
        if part_of is not None:
            actuals.append(actual_xml(part, where + dimension(part_of, category)))
    # What is written is let go as it goes: memory holds one copy of a batch's results.
    del values
    found: dict[int, list[str]] = defaultdict(list)
    while periods:
        link_id, by_period = periods.popitem()
        activity_id, indicator_id, baseline_value, baseline_date = links[link_id]
        pieces = [words.heads[indicator_id]]
        if baseline_value is not None and baseline_date is not None:
            pieces.append(
                f'<baseline year="{baseline_date.year}" iso-date="{baseline_date.isoformat()}" '
                f'value="{shown(baseline_value)}"/>'
            )
        for (start, end), actuals in by_period.items():
            target = target_for(targets.get(link_id, []), None, end)
            pieces.append(period_xml(start, end, target, actuals))
        pieces.append("</indicator></result>")
        found[activity_id].append("".join(pieces))
    return {pk: tuple(reversed(results)) for pk, results in found.items()}


class IndicatorWords:
    """Each indicator's unchanging part of a <result> (type, title, measure, references),
    written once per file: a result is that head, its baseline and its periods."""

    def __init__(self) -> None:
        self.heads = {indicator.pk: result_head(indicator) for indicator in Indicator.objects.all()}


def result_type(indicator: Indicator) -> str:
    if indicator.sdg_component:
        return IMPACT
    return OUTCOME if indicator.unit == Unit.PEOPLE else OUTPUT


def shown(value: Decimal) -> str:
    return str(number(value))


def result_head(indicator: Indicator) -> str:
    summed = "1" if indicator.aggregation == Aggregation.SUM else "0"
    title = f"<title><narrative>{escape(indicator.name)}</narrative></title>"
    pieces = [
        f'<result type="{result_type(indicator)}" aggregation-status="{summed}">{title}',
        f'<indicator measure="{MEASURE[indicator.unit]}" ascending="1" '
        f'aggregation-status="{summed}">{title}',
    ]
    if indicator.definition:
        pieces.append(
            f"<description><narrative>{escape(indicator.definition)}</narrative></description>"
        )
    pieces.append(f'<reference vocabulary="{OWN_VOCABULARY}" code={quoteattr(indicator.code)}/>')
    if indicator.sdg_component:
        pieces.append(f'<reference vocabulary="{SDG_INDICATOR_VOCABULARY}" code="{SDG_1_3_1}"/>')
    # Read and written back by lxml, once per indicator: its reading of the text (a
    # definition typed in a browser's text box ends its lines with \r\n, read as \n) is
    # what the file has always said.
    closing = "</indicator></result>"
    written = etree.tostring(etree.fromstring("".join(pieces) + closing), encoding="utf-8")
    return written.decode()[: -len(closing)]


def period_xml(
    start: datetime.date, end: datetime.date, target: Decimal | None, actuals: list[str]
) -> str:
    target_xml = "" if target is None else f'<target value="{shown(target)}"/>'
    return (
        f'<period><period-start iso-date="{start.isoformat()}"/>'
        f'<period-end iso-date="{end.isoformat()}"/>{target_xml}{"".join(actuals)}</period>'
    )


def actual_xml(value: Decimal, dimensions: str) -> str:
    """An <actual>, with its <dimension>s (written once for each kind) if a part."""
    if dimensions:
        return f'<actual value="{shown(value)}">{dimensions}</actual>'
    return f'<actual value="{shown(value)}"/>'

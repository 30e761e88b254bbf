"""Synthetic results for the benchmark and the tests at scale: two indicators on every
activity (people newly covered and SDG 1.3.1 coverage), four reporting periods, each value
split by sex. For 10,000 activities: 20,000 indicators of activities, 80,000 values and
160,000 parts, written with bulk_create in a few seconds.

The same seed gives the same results. Most values are approved (the public sees them), the
rest are drafts, submitted or returned, as in a round still under way. bulk_create skips
save() and signals: no history rows, which is fine for measuring pages.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from activities.models import Activity
from results.models import (
    ActivityIndicator,
    Indicator,
    ReportingPeriod,
    ResultValue,
    ReviewStatus,
    Target,
    Unit,
    ValuePart,
)
from results.starting_set import INDICATORS

BATCH_SIZE = 2000
PEOPLE, COVERAGE = "PEOPLE-NEW", "SDG-1.3.1"
# (label, start, end) of the four periods.
PERIODS = [
    (f"{year} H{half}", datetime.date(year, 1 + 6 * (half - 1), 1),
     datetime.date(year, 6, 30) if half == 1 else datetime.date(year, 12, 31))
    for year in (2025, 2026) for half in (1, 2)
]  # fmt: skip
STATUS_WEIGHTS = [
    (ReviewStatus.APPROVED, 80),
    (ReviewStatus.SUBMITTED, 10),
    (ReviewStatus.DRAFT, 7),
    (ReviewStatus.RETURNED, 3),
]


def the_indicators() -> list[Indicator]:
    """The two indicators every activity reports on: from the starting set (its migration
    loads them), made here if a database lacks them."""
    fields = dict(INDICATORS)
    found = []
    for position, code in enumerate((PEOPLE, COVERAGE), start=1):
        indicator, _created = Indicator.objects.get_or_create(
            code=code, defaults={"position": position, **fields[code]}
        )
        found.append(indicator)
    return found


def the_periods() -> list[ReportingPeriod]:
    return [
        ReportingPeriod.objects.get_or_create(label=label, defaults={"start": start, "end": end})[0]
        for label, start, end in PERIODS
    ]


@transaction.atomic
def make_results(activities=None, *, seed: int = 19) -> dict[str, int]:
    """Results for `activities` (every activity by default); returns what was written."""
    rng = random.Random(seed)
    activity_ids = list(
        (activities if activities is not None else Activity.objects.all())
        .order_by("pk")
        .values_list("pk", "country_id")
    )
    indicators, periods = the_indicators(), the_periods()
    links = ActivityIndicator.objects.bulk_create(
        [
            ActivityIndicator(
                activity_id=pk,
                indicator=indicator,
                baseline_value=baseline(rng, indicator),
                baseline_date=datetime.date(2024, 12, 31),
            )
            for pk, _country in activity_ids
            for indicator in indicators
        ],
        batch_size=BATCH_SIZE,
    )
    targets = [
        Target(activity_indicator=link, value=target(rng, link.indicator),
               date=datetime.date(2026, 12, 31))
        for link in links
    ]  # fmt: skip
    Target.objects.bulk_create(targets, batch_size=BATCH_SIZE)
    statuses, weights = zip(*STATUS_WEIGHTS, strict=True)
    values = []
    for link in links:
        for period in periods:
            values.append(
                ResultValue(
                    activity_indicator=link,
                    period=period,
                    value=amount(rng, link.indicator),
                    status=rng.choices(statuses, weights)[0],
                    evidence_note="Programme records",
                )
            )
    values = ResultValue.objects.bulk_create(values, batch_size=BATCH_SIZE)
    parts = []
    for value in values:
        women, men = by_sex(rng, value)
        parts.append(ValuePart(result=value, dimension="sex", category="f", value=women))
        parts.append(ValuePart(result=value, dimension="sex", category="m", value=men))
    ValuePart.objects.bulk_create(parts, batch_size=BATCH_SIZE)
    return {
        "indicators of activities": len(links),
        "targets": len(targets),
        "values": len(values),
        "parts": len(parts),
    }


def baseline(rng: random.Random, indicator: Indicator) -> Decimal:
    if indicator.unit == Unit.PEOPLE:
        return Decimal(rng.randrange(0, 5000))
    return Decimal(rng.randrange(100, 6000)) / 100


def target(rng: random.Random, indicator: Indicator) -> Decimal:
    if indicator.unit == Unit.PEOPLE:
        return Decimal(rng.randrange(5_000, 200_000, 100))
    return Decimal(rng.randrange(6000, 10000)) / 100


def amount(rng: random.Random, indicator: Indicator) -> Decimal:
    if indicator.unit == Unit.PEOPLE:
        return Decimal(rng.randrange(100, 150_000))
    return Decimal(rng.randrange(1000, 9900)) / 100


def by_sex(rng: random.Random, value: ResultValue) -> tuple[Decimal, Decimal]:
    """People: two parts adding up to the value; a percentage: each sex's own coverage."""
    if value.activity_indicator.indicator.unit == Unit.PEOPLE:
        women = (value.value * Decimal(rng.randrange(40, 60)) / 100).quantize(Decimal(1))
        return women, value.value - women
    spread = Decimal(rng.randrange(-500, 500)) / 100
    return max(Decimal(0), value.value - spread), min(Decimal(100), value.value + spread)

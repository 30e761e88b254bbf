"""A country with results of every kind: two activities reporting people newly covered (one
of agency A, one of agency B), a law adopted, SDG 1.3.1 coverage over three years, a
milestone; each with an approved value and one not approved yet (agency A's draft)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from activities.models import Activity, Role
from countries.models import Country
from results.models import (
    ActivityIndicator,
    Aggregation,
    CountryMilestone,
    CoverageFigure,
    Indicator,
    ReportingPeriod,
    ResultValue,
    ReviewStatus,
    Target,
    Unit,
    ValuePart,
)
from tests.factories import make_activity, make_country

TODAY = datetime.date.today()


def indicator(code: str, unit: str, aggregation: str, name: str, **fields) -> Indicator:
    found, _created = Indicator.objects.update_or_create(
        code=code, defaults={"unit": unit, "aggregation": aggregation, "name": name, **fields}
    )
    return found


def period(label: str, year: int, half: int = 1) -> ReportingPeriod:
    start = datetime.date(year, 1 if half == 1 else 7, 1)
    end = datetime.date(year, 6, 30) if half == 1 else datetime.date(year, 12, 31)
    found, _created = ReportingPeriod.objects.get_or_create(
        label=label, defaults={"start": start, "end": end}
    )
    return found


def report(
    link: ActivityIndicator,
    when: ReportingPeriod,
    value: int | str,
    status: str = ReviewStatus.APPROVED,
    parts: dict[tuple[str, str], int] | None = None,
    **fields,
) -> ResultValue:
    result = ResultValue.objects.create(
        activity_indicator=link, period=when, value=Decimal(value), status=status, **fields
    )
    for (dimension, category), part in (parts or {}).items():
        ValuePart.objects.create(
            result=result, dimension=dimension, category=category, value=Decimal(part)
        )
    return result


@dataclass
class Showcase:
    country: Country
    people: Indicator
    law: Indicator
    coverage: Indicator
    ours: Activity  # agency A's
    theirs: Activity  # agency B's
    draft: ResultValue  # agency A's, not approved
    milestone: CountryMilestone
    draft_milestone: CountryMilestone


def people_indicator() -> Indicator:
    return indicator("PEOPLE-NEW", Unit.PEOPLE, Aggregation.LARGEST, "People newly covered")


def build_showcase(country: Country, agency_a, agency_b) -> Showcase:
    people = people_indicator()
    law = indicator("LAW", Unit.MILESTONE, Aggregation.NONE, "Law or policy adopted")
    coverage = indicator(
        "SDG-1.3.1", Unit.PERCENT, Aggregation.NONE, "Population covered (SDG 1.3.1)"
    )
    first, second = period("2025 H2", 2025, 2), period("2026 H1", 2026, 1)
    ours = make_activity(country, {agency_a: Role.LEAD}, title="Child benefit rollout")
    theirs = make_activity(country, {agency_b: Role.LEAD}, title="Pension reform support")
    ours_people = ActivityIndicator.objects.create(
        activity=ours, indicator=people, baseline_value=0
    )
    Target.objects.create(
        activity_indicator=ours_people, value=20000, date=datetime.date(2027, 12, 31)
    )
    report(ours_people, first, 8000)
    report(ours_people, second, 12400, parts={("sex", "f"): 6500, ("sex", "m"): 5900})
    theirs_people = ActivityIndicator.objects.create(activity=theirs, indicator=people)
    Target.objects.create(
        activity_indicator=theirs_people, value=5000, date=datetime.date(2026, 12, 31)
    )
    report(theirs_people, second, 5000)
    ours_law = ActivityIndicator.objects.create(activity=ours, indicator=law)
    report(ours_law, second, 1, achieved_on=TODAY.replace(month=1, day=15))
    # Agency A's later value, not approved: theirs and the secretariat's only.
    third = period("2026 H2", 2026, 2)
    draft = report(ours_people, third, 77777, status=ReviewStatus.SUBMITTED)
    for year, value in ((2019, 31), (2022, 38), (2024, 45)):
        CoverageFigure.objects.create(
            country=country,
            indicator=coverage,
            value=value,
            year=year,
            source="ILO World Social Protection Report",
            status=ReviewStatus.APPROVED,
        )
    milestone = CountryMilestone.objects.create(
        country=country,
        title="Universal child benefit law adopted",
        achieved_on=TODAY.replace(month=1, day=10),
        source="https://example.org/gazette",
        status=ReviewStatus.APPROVED,
    )
    milestone.agencies.set([agency_a])
    draft_milestone = CountryMilestone.objects.create(
        country=country,
        title="Social pension decree drafted",
        achieved_on=TODAY.replace(month=1, day=5),
        status=ReviewStatus.DRAFT,
    )
    draft_milestone.agencies.set([agency_a])
    return Showcase(country, people, law, coverage, ours, theirs, draft, milestone, draft_milestone)


@pytest.fixture
def showcase(agency_a, agency_b) -> Showcase:
    return build_showcase(make_country("VN"), agency_a, agency_b)

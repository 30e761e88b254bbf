"""A small world of results for the open data tests: two agencies' activities in two
countries, approved and draft values, one split by sex, a locked period."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from activities.models import Role
from results.models import (
    ActivityIndicator,
    Indicator,
    ReportingPeriod,
    ResultValue,
    ReviewStatus,
    Target,
    ValuePart,
)
from tests.factories import make_activity, make_country

FORMULA = '=HYPERLINK("http://evil.example","click")'


def build_results(agency_a, agency_b) -> SimpleNamespace:
    viet_nam, senegal = make_country("VN"), make_country("SN")
    costing = make_activity(
        viet_nam, {agency_a: Role.LEAD}, title="Costing a child benefit",
        start_date=datetime.date(2024, 1, 1),
    )  # fmt: skip
    law = make_activity(senegal, {agency_b: Role.LEAD}, title="Pension law")
    current = ReportingPeriod.objects.create(
        label="2026 H1", start=datetime.date(2026, 1, 1), end=datetime.date(2026, 6, 30)
    )
    locked = ReportingPeriod.objects.create(
        label="2025 H2",
        start=datetime.date(2025, 7, 1),
        end=datetime.date(2025, 12, 31),
        locked_at=timezone.now(),
    )
    people = Indicator.objects.get(code="PEOPLE-NEW")
    coverage = Indicator.objects.get(code="SDG-1.3.1")
    costing_people = ActivityIndicator.objects.create(
        activity=costing, indicator=people, baseline_value=Decimal(1000),
        baseline_date=datetime.date(2024, 1, 1),
    )  # fmt: skip
    Target.objects.create(
        activity_indicator=costing_people, value=Decimal(20000), date=datetime.date(2026, 12, 31)
    )
    costing_coverage = ActivityIndicator.objects.create(activity=costing, indicator=coverage)
    law_people = ActivityIndicator.objects.create(activity=law, indicator=people)
    approved = ResultValue.objects.create(
        activity_indicator=costing_people,
        period=current,
        value=Decimal(12400),
        status=ReviewStatus.APPROVED,
        evidence_url="https://example.org/report.pdf",
        comment=FORMULA,
    )
    ValuePart.objects.create(result=approved, dimension="sex", category="f", value=Decimal(7000))
    ValuePart.objects.create(result=approved, dimension="sex", category="m", value=Decimal(5400))
    draft = ResultValue.objects.create(
        activity_indicator=costing_coverage, period=current, value=Decimal("45.5")
    )
    submitted = ResultValue.objects.create(
        activity_indicator=law_people,
        period=locked,
        value=Decimal(300),
        status=ReviewStatus.SUBMITTED,
    )
    return SimpleNamespace(
        viet_nam=viet_nam, senegal=senegal, costing=costing, law=law, current=current,
        locked=locked, people=people, coverage=coverage, costing_people=costing_people,
        costing_coverage=costing_coverage, law_people=law_people, approved=approved,
        draft=draft, submitted=submitted, a=agency_a, b=agency_b,
    )  # fmt: skip

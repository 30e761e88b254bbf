import datetime
from decimal import Decimal

import pytest

from activities.models import Role
from results.models import ActivityIndicator, Indicator, ReportingPeriod, ResultValue
from tests.factories import make_activity, make_country


@pytest.fixture
def senegal(db):
    return make_country("SN")


@pytest.fixture
def activity_a(agency_a, senegal):
    """Agency A's activity in Senegal, 2024 to 2027."""
    return make_activity(
        senegal,
        {agency_a: Role.LEAD},
        title="Child benefit reform",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2027, 12, 31),
    )


@pytest.fixture
def people_new(db):
    return Indicator.objects.get(code="PEOPLE-NEW")


@pytest.fixture
def period(db):
    return ReportingPeriod.objects.create(
        label="2025", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31)
    )


@pytest.fixture
def link(activity_a, people_new):
    return ActivityIndicator.objects.create(activity=activity_a, indicator=people_new)


@pytest.fixture
def draft(link, period, member_a):
    return ResultValue.objects.create(
        activity_indicator=link, period=period, value=Decimal(1000), submitted_by=member_a
    )

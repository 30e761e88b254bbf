import datetime

import pytest

from activities.models import Role
from tests.factories import make_activity, make_country


@pytest.fixture
def country(db):
    return make_country("VN")


@pytest.fixture
def activity_a(agency_a, country):
    """An activity led by agency A (so member_a may edit it, member_b may not)."""
    return make_activity(
        country,
        {agency_a: Role.LEAD},
        title="Costing the floor",
        start_date=datetime.date(2024, 1, 1),
    )


@pytest.fixture
def activity_b(agency_b, country):
    return make_activity(country, {agency_b: Role.LEAD}, title="B's own work")

"""Our words become IATI codes: roles, statuses, dates, guarantee shares."""

import datetime

import pytest

from activities.models import ActivityStatus, Role
from api.iati import ACTIVITY_STATUS, PARTICIPATION_ROLE, activity_dates, percentages
from tests.factories import make_activity


def test_it_maps_funder_lead_and_partner_to_iati_roles():
    assert PARTICIPATION_ROLE[Role.FUNDER] == "1"
    assert (PARTICIPATION_ROLE[Role.LEAD], PARTICIPATION_ROLE[Role.PARTNER]) == ("2", "4")


def test_it_maps_every_status_to_an_iati_status():
    assert set(ACTIVITY_STATUS) == set(ActivityStatus.values)
    assert ACTIVITY_STATUS[ActivityStatus.SUSPENDED] == "6"


@pytest.mark.parametrize(
    ("status", "start", "end", "expected"),
    [
        ("ongoing", "2012-01-01", "2030-01-01", ["2", "3"]),
        ("ongoing", "2029-01-01", None, ["1"]),
        ("completed", "2010-01-01", "2011-12-31", ["2", "4"]),
        ("planned", "2010-01-01", "2011-12-31", ["1", "3"]),
    ],
)
@pytest.mark.django_db
def test_it_calls_a_date_actual_only_once_it_happened(status, start, end, expected):
    activity = make_activity(
        status=status,
        start_date=datetime.date.fromisoformat(start),
        end_date=datetime.date.fromisoformat(end) if end else None,
    )
    today = datetime.date(2025, 1, 1)
    assert [kind for kind, _date in activity_dates(activity, today)] == expected


def test_it_splits_100_percent_among_the_guarantees():
    assert percentages(3) == ["33.33", "33.33", "33.34"]
    assert percentages(4) == ["25.00", "25.00", "25.00", "25.00"]

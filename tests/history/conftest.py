"""An activity with three versions: created with A as lead, retitled, then B made lead."""

import pytest

from activities.models import ActivityAgency, ActivityStatus
from tests.factories import Role, make_activity


@pytest.fixture
def activity(agency_a, agency_b, secretariat):
    activity = make_activity(
        agencies={agency_a: Role.LEAD}, title="First title", status=ActivityStatus.PLANNED
    )
    activity._history_user = secretariat
    activity.title = "Second title"
    activity.status = ActivityStatus.ONGOING
    activity.save()
    activity.title = "Third title"
    activity.save()
    link = ActivityAgency.objects.get(activity=activity, agency=agency_a)
    link.role = Role.PARTNER
    link.save()
    ActivityAgency.objects.create(activity=activity, agency=agency_b, role=Role.LEAD)
    return activity


@pytest.fixture
def first_version(activity):
    return activity.history.order_by("history_date").first()


@pytest.fixture
def second_version(activity):
    return activity.history.order_by("history_date")[1]

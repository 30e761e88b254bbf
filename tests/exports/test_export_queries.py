"""An export costs the same few queries for 2 activities or 20: none per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.exports import export_response
from activities.models import Activity, Tool
from tests.exports.matrix import body
from tests.factories import Role, make_activity, make_agency, make_focal_point

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def activities(db) -> list[Activity]:
    ilo, who = make_agency("ILO"), make_agency("WHO")
    tool = Tool.objects.create(name="Rapid Assessment Protocol")
    found = []
    for number in range(20):
        activity = make_activity(
            agencies={ilo: Role.LEAD, who: Role.PARTNER},
            focal_point=make_focal_point(ilo, name=f"Person {number}"),
        )
        activity.tools_used.add(tool)
        found.append(activity)
    return found


def export(references: list[str], fmt: str) -> int:
    queryset = Activity.objects.filter(reference__in=references).order_by("title")
    return len(body(export_response(queryset, fmt, include_contacts=True, filename="m")))


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "csv", "hxl", "hxl-long"])
def test_it_exports_in_a_fixed_number_of_queries(activities, fmt, django_assert_num_queries):
    references = [activity.reference for activity in activities]
    with CaptureQueriesContext(connection) as small:
        export(references[:2], fmt)
    with django_assert_num_queries(len(small)):
        export(references, fmt)
    # The rows, their ids, countries, focal points, agencies, two tool lists, countries
    # covered, places and themes; the spreadsheets' notes read the agencies, tools and
    # themes they list.
    assert len(small) <= (12 if fmt in ("xlsx", "ods") else 9)

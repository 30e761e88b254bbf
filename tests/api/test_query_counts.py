"""A page of activities costs the same queries at 10 rows as at 100, with a token or not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.models import Role, Tool
from tests.factories import make_activity, make_country, make_focal_point

pytestmark = pytest.mark.django_db

URL = reverse("api:activity-list")
# Token, filter choices (countries, agencies), count, rows, agencies, tools used, needed,
# countries covered, places inside them, themes.
QUERIES = 11


@pytest.fixture
def many(agency_a, agency_b):
    tool = Tool.objects.create(name="RAP")
    for code in ("VN", "MZ", "PE", "KH"):
        country = make_country(code)
        person = make_focal_point(agency_a, country)
        for _ in range(30):
            activity = make_activity(
                country, {agency_a: Role.LEAD, agency_b: Role.PARTNER}, focal_point=person
            )
            activity.tools_used.add(tool)


def count_queries(client, query: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    return len(captured)


def test_it_costs_the_same_at_10_and_100_rows(viewer_api, many):
    assert count_queries(viewer_api, "page_size=10") == count_queries(viewer_api, "page_size=100")


def test_it_costs_a_fixed_number_of_queries(viewer_api, many, django_assert_num_queries):
    with django_assert_num_queries(QUERIES):
        viewer_api.get(f"{URL}?page_size=100&country=VN,MZ&agency=aga")

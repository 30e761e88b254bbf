"""The API filters the matrix with the matrix page's own filter set: same names, same
meanings, same answers."""

import pytest
from django.urls import reverse

from activities.filters import ActivityFilterSet
from api.views.activities import ActivityViewSet

pytestmark = pytest.mark.django_db

URL = reverse("api:activity-list")


def references(response) -> set[str]:
    return {row["reference"] for row in response.json()["results"]}


def test_it_uses_the_matrix_pages_filter_set():
    # With the places' filters added (tests/api/test_places.py).
    assert issubclass(ActivityViewSet.filterset_class, ActivityFilterSet)


@pytest.mark.parametrize(
    "query",
    [
        "country=VNM",
        "country=mz,vn",
        "agency=agb&agency_role=lead",
        "guarantee=children",
        "status=ongoing&type=costing",
        "year=2014",
        "q=benefit",
        "region=africa",
    ],
)
def test_it_finds_what_the_matrix_page_finds(client, api_client, coalition, query):
    page = client.get(reverse("activities:matrix") + "?" + query)
    shown = {activity.reference for activity in page.context["page"].object_list}
    assert references(api_client.get(f"{URL}?{query}")) == shown
    assert shown


def test_it_sorts_as_the_matrix_does(api_client, coalition):
    rows = api_client.get(f"{URL}?sort=-title").json()["results"]
    assert [row["title"] for row in rows] == ["Costing of the national SPF", "Child benefit law"]


def test_it_filters_focal_points_by_agency_and_country(api_client, coalition):
    response = api_client.get(reverse("api:focal-point-list") + "?agency=aga&country=VNM")
    assert [row["name"] for row in response.json()["results"]] == ["Nguyen Thi Lan"]


def test_it_filters_deliverables_with_the_boards_filters(api_client, coalition):
    url = reverse("api:deliverable-list")
    assert api_client.get(f"{url}?agency=AGA&year=2012").json()["count"] == 1
    assert api_client.get(f"{url}?agency=AGB").json()["count"] == 0


def test_it_filters_steps_by_due_date(api_client, coalition):
    url = reverse("api:step-list")
    assert api_client.get(f"{url}?due_before=2012-03-01&open=true").json()["count"] == 1
    assert api_client.get(f"{url}?due_after=2012-03-01").json()["count"] == 0


def test_it_filters_contributions_with_the_funding_pages_filter_set(api_client, coalition):
    from api.views.funding import ContributionViewSet
    from funding.filters import ContributionFilterSet

    url = reverse("api:contribution-list")
    assert ContributionViewSet.filterset_class is ContributionFilterSet
    assert api_client.get(f"{url}?country=MOZ&channel=flagship-fund").json()["count"] == 1


def test_it_lists_the_countries_where_a_tool_is_used(api_client, coalition):
    rows = api_client.get(reverse("api:tool-list")).json()["results"]
    assert [(row["name"], row["countries_used"]) for row in rows] == [("SPF costing tool", ["VN"])]


def test_it_filters_the_catalogues(api_client, coalition):
    assert api_client.get(reverse("api:process-list") + "?year=2012").json()["count"] == 1
    assert api_client.get(reverse("api:outreach-list") + "?country=MZ").json()["count"] == 0
    assert api_client.get(reverse("api:data-set-list") + "?access=download").json()["count"] == 0

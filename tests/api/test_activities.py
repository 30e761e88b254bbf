"""GET /api/v1/activities/: the matrix rows with their country and agencies."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("api:activity-list")


def by_reference(response) -> dict[str, dict]:
    return {row["reference"]: row for row in response.json()["results"]}


def test_it_lists_each_activity_with_its_country(api_client, coalition):
    rows = by_reference(api_client.get(URL))
    row = rows[coalition.costing.reference]
    assert row["country"] == {
        "code": "VN",
        "alpha3": "VNM",
        "name": "Viet Nam",
        "region": "asia-pacific",
    }
    assert set(rows) == {coalition.costing.reference, coalition.child_law.reference}


def test_it_lists_the_agencies_lead_first_with_their_roles(api_client, coalition):
    row = by_reference(api_client.get(URL))[coalition.costing.reference]
    assert [(a["acronym"], a["role"]) for a in row["agencies"]] == [
        ("AGA", "lead"),
        ("AGB", "partner"),
    ]
    assert row["guarantees"] == ["health"]


def test_it_shows_one_activity_by_its_reference(api_client, coalition):
    response = api_client.get(reverse("api:activity-detail", args=[coalition.costing.reference]))
    assert response.status_code == 200
    assert response.json()["tools_used"] == ["SPF costing tool"]


def test_it_answers_404_for_an_unknown_reference(api_client, coalition):
    response = api_client.get(reverse("api:activity-detail", args=["SPF-NOPE00"]))
    assert response.status_code == 404

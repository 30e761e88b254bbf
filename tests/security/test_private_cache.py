"""`Cache-Control: private, no-store` on every answer that may carry contact details or
assessments: any page or download for a logged-in person, and the personal calendar feed."""

import pytest
from django.urls import reverse

from workplan.feeds import feed_token

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

# (persona, URL name, its arguments, query): pages and downloads with contacts or assessments.
PRIVATE = [
    ("member", "activities:matrix", [], ""),
    ("member", "activities:matrix_export", [], "format=csv"),
    ("member", "activities:matrix_export", [], "format=xlsx"),
    ("member", "countries:detail", ["code"], ""),
    ("member", "countries:export", ["code"], "format=csv"),
    ("member", "agencies:detail", ["acronym"], ""),
    ("member", "agencies:export", ["acronym"], "format=ods"),
    ("member", "countries:assessments", [], ""),
    ("member", "countries:assessments_export", [], "format=csv"),
    ("member", "activities:my_rows", [], ""),
    ("member", "workplan:my_deadlines", [], ""),
    ("secretariat", "rounds:dashboard_export", ["round_id"], "format=csv"),
    ("secretariat", "admin:agencies_focalpoint_changelist", [], ""),
    ("secretariat", "admin:agencies_focalpoint_export", [], ""),
]


def address(coalition, url_name: str, holes: list[str], query: str) -> str:
    values = {
        "code": coalition.activity.country.code,
        "acronym": coalition.agency.acronym,
        "round_id": coalition.part.round_id,
    }
    url = reverse(url_name, args=[values[hole] for hole in holes])
    return f"{url}?{query}" if query else url


@pytest.mark.parametrize(("persona", "url_name", "holes", "query"), PRIVATE)
def test_it_keeps_private_answers_out_of_caches(client, coalition, persona, url_name, holes, query):
    client.force_login(getattr(coalition, persona))
    response = client.get(address(coalition, url_name, holes, query))
    assert response.status_code == 200
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))


def test_it_keeps_the_personal_calendar_feed_out_of_caches(client, coalition):
    url = reverse("workplan:user_calendar", args=[feed_token(coalition.member)])
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_it_leaves_the_public_matrix_cacheable(client, coalition):
    response = client.get(reverse("activities:matrix"))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")

"""The matrix filters on the year an activity started or ends (the dashboard links there)."""

import pytest

pytestmark = pytest.mark.django_db


def titles(response) -> set[str]:
    return {row.title for row in response.context["page"].object_list}


def test_it_lists_the_activities_started_in_a_year(client, coalition):
    assert titles(client.get("/matrix/", {"started": "2025"})) == {
        "SPF task force",
        "Child benefit law",
        "Atoll pensions",
    }


def test_it_lists_the_activities_ending_in_a_year(client, coalition):
    assert titles(client.get("/matrix/", {"ending": "2011"})) == {"Pension study"}


def test_it_names_a_year_that_is_not_one(client, coalition):
    response = client.get("/matrix/", {"ending": "soon"})
    assert response.context["page"].paginator.count == 0
    assert "Ending in year" in response.content.decode()

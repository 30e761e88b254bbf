"""The catalogues are public, like the matrix; the secretariat keeps them in the admin."""

import pytest
from django.urls import reverse

from tests.outcomes import SECRETARIAT_ONLY

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "viewer", "member_a", "member_b", "secretariat", "superuser"]
LISTS = ["catalogues:tools", "catalogues:data_sets", "catalogues:processes", "catalogues:outreach"]
ADMIN = [
    "admin:catalogues_dataset_changelist",
    "admin:catalogues_globalprocess_changelist",
    "admin:catalogues_outreachmaterial_changelist",
    "admin:activities_tool_changelist",
]


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_it_shows_each_catalogue_to_everyone(persona_client, shelf, name):
    response = persona_client.get(reverse(name))
    assert response.status_code == 200
    assert response.context["rows"]


@pytest.mark.parametrize("name", ADMIN)
@pytest.mark.parametrize(
    ("persona_client", "expected"), SECRETARIAT_ONLY, indirect=["persona_client"]
)
def test_it_lets_only_the_secretariat_keep_them(persona_client, shelf, name, expected):
    response = persona_client.get(reverse(name))
    # The admin sends everyone it refuses to its own login page.
    assert (response.status_code == 200) is (expected == 200)


@pytest.mark.parametrize("name", LISTS)
def test_it_downloads_each_catalogue(client, shelf, name):
    response = client.get(reverse(name) + "?format=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_it_filters_data_sets_by_access(client, shelf):
    response = client.get(reverse("catalogues:data_sets") + "?access=api")
    assert [item.name for item in response.context["rows"]] == ["ASPIRE"]


def test_it_filters_outreach_by_country_language_and_audience(client, shelf):
    url = reverse("catalogues:outreach")
    expected = ["What is a social protection floor?"]
    assert [m.title for m in client.get(f"{url}?country=MOZ").context["rows"]] == expected
    assert [
        m.title for m in client.get(f"{url}?language=pt&audience=civil-society").context["rows"]
    ] == expected


def test_it_says_which_filter_is_wrong(client, shelf):
    response = client.get(reverse("catalogues:outreach") + "?medium=booklet&format=csv")
    assert response.status_code == 400
    assert "medium" in response.content.decode()


def test_it_is_in_the_navigation(client, shelf):
    page = client.get(reverse("activities:matrix")).content.decode()
    assert f'href="{reverse("catalogues:tools")}"' in page

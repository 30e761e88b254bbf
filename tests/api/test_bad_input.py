"""Malformed filters get a 400 naming the parameter; page sizes are capped."""

import pytest
from django.urls import reverse

from api.pagination import MAX_PAGE_SIZE
from tests.factories import make_activity

pytestmark = pytest.mark.django_db

URL = reverse("api:activity-list")


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("country=ZZ", "country"),
        ("year=abc", "year"),
        ("year=99999", "year"),
        ("status=bogus", "status"),
        ("agency=NOPE", "agency"),
        ("guarantee=wealth", "guarantee"),
        ("sort=colour", "sort"),
    ],
)
def test_it_names_the_wrong_parameter(api_client, coalition, query, parameter):
    response = api_client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


@pytest.mark.parametrize(
    ("name", "query", "parameter"),
    [
        ("api:step-list", "due_before=31-31-2012", "due_before"),
        ("api:step-list", "deliverable=1.5", "deliverable"),
        ("api:deliverable-list", "status=sleeping", "status"),
        ("api:deliverable-list", "year=twenty", "year"),
        ("api:agency-list", "member=perhaps", "member"),
        ("api:focal-point-list", "level=planet", "level"),
    ],
)
def test_it_names_the_wrong_parameter_on_other_lists(api_client, coalition, name, query, parameter):
    response = api_client.get(f"{reverse(name)}?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_it_caps_the_page_size(api_client, coalition):
    for _ in range(MAX_PAGE_SIZE):
        make_activity(coalition.vn)
    body = api_client.get(f"{URL}?page_size=100000").json()
    assert len(body["results"]) == MAX_PAGE_SIZE
    assert body["next"]


def test_it_answers_404_past_the_last_page(api_client, coalition):
    assert api_client.get(f"{URL}?page=99").status_code == 404
    # Not a page number at all: a bad parameter, as the schema's integer says.
    assert api_client.get(f"{URL}?page=abc").json() == {"page": ["Give a page number from 1."]}


@pytest.mark.parametrize(
    "path",
    ["/api/v1/countries/vn/", "/api/v1/steps/99999999999999999999/"],
)
def test_it_answers_404_for_odd_lookups(api_client, coalition, path):
    assert api_client.get(path).status_code == 404


def test_it_refuses_a_nul_byte_before_any_view(api_client, coalition):
    # The site-wide input check (core.middleware) answers first, for the API as for pages.
    response = api_client.get("/api/v1/agencies/A%00B/")
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]

"""The schema's promises Schemathesis found broken, pinned down one by one: a year filter is
a number, a page is a number from 1 given once, a stored link is a URI, a filter naming data
says so, free text never holds a NUL."""

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def operations(client):
    return json.loads(client.get("/api/schema/?format=json").content)["paths"]


def _parameter(operations, path: str, name: str) -> dict:
    found = operations[path]["get"]["parameters"]
    return next(p for p in found if p["name"] == name)


def test_started_and_ending_are_years_in_the_schema_and_the_api(client, operations):
    for name in ("started", "ending"):
        schema = _parameter(operations, "/api/v1/activities/", name)["schema"]
        assert schema == {"type": "integer", "minimum": 1990, "maximum": 2100}
    assert client.get("/api/v1/activities/?started=2012&ending=2013").status_code == 200


@pytest.mark.parametrize("page", ["", "last", "0", "1.5", "x"])
def test_a_page_is_a_number_from_one(client, page):
    response = client.get(f"/api/v1/steps/?page={page}")
    assert response.status_code == 400
    assert list(response.json()) == ["page"]


@pytest.mark.parametrize("query", ["page=1&page=2", "page_size=5&page_size=10"])
def test_a_page_parameter_given_twice_is_refused(client, query):
    """DRF reads the last of them; a client that sent two meant something else."""
    response = client.get(f"/api/v1/steps/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [query.split("=")[0]]


def test_free_text_parameters_say_a_nul_is_refused(client, operations):
    """core.middleware answers 400 to a NUL anywhere; the schema says so with a pattern."""
    search = _parameter(operations, "/api/v1/activities/", "q")["schema"]
    assert search["pattern"] == "^[^\\x00]*$"
    country = _parameter(operations, "/api/v1/outreach/", "country")["schema"]["items"]
    assert country["pattern"] == "^[^\\x00]*$"
    assert client.get("/api/v1/activities/?q=a%00b").status_code == 400


def test_filters_naming_data_list_no_values_and_say_so(operations):
    country = _parameter(operations, "/api/v1/outreach/", "country")
    assert "enum" not in country["schema"]["items"]
    assert "does not know is a 400" in country["description"]
    assert (
        "does not know is a 400" in _parameter(operations, "/api/v1/tools/", "owner")["description"]
    )


def test_a_link_typed_with_accents_is_served_as_a_uri(client, agency_a):
    agency_a.website = "https://www.ilo.org/es/protección"
    agency_a.save()
    found = client.get(f"/api/v1/agencies/{agency_a.acronym}/").json()
    assert found["website"] == "https://www.ilo.org/es/protecci%C3%B3n"

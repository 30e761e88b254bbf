"""The API says where each activity happens and filters by place: the scope, the region, the
countries (the main one marked and first), the places inside them with their ISO codes,
the themes with their codes and names; filters by country (every activity happening
there), region, scope, place and theme, an unknown place or theme a 400 naming it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.places_world import places_world

pytestmark = pytest.mark.django_db

URL = reverse("api:activity-list")


@pytest.fixture
def world(db):
    return places_world()


def titles(client, query: str) -> set[str]:
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200, response.content
    return {row["title"] for row in response.json()["results"]}


def test_an_anonymous_program_reads_where_each_activity_happens(api_client, world):
    response = api_client.get(f"{URL}?page_size=50")
    rows = {row["title"]: row for row in response.json()["results"]}
    exchange = rows["Senegal-Mali exchange"]
    assert (exchange["scope"], exchange["region"]) == ("multi-country", "")
    assert exchange["country"]["alpha3"] == "SEN"
    assert [(c["alpha3"], c["main"]) for c in exchange["countries"]] == [
        ("SEN", True),
        ("MLI", False),
    ]
    assert exchange["subdivisions"] == [
        {"code": "ML-BKO", "name": "Bamako", "country": "ML"},
        {"code": "SN-DK", "name": "Dakar", "country": "SN"},
    ]
    assert exchange["themes"] == [{"code": "financing", "name": "Financing"}]
    regional = rows["West Africa event"]
    assert (regional["scope"], regional["region"], regional["country"]) == (
        "regional",
        "africa",
        None,
    )
    assert {c["alpha3"] for c in regional["countries"]} == {"SEN", "GHA"}
    everywhere = rows["Global guide"]
    assert (everywhere["scope"], everywhere["country"], everywhere["countries"]) == (
        "global",
        None,
        [],
    )
    detail = api_client.get(reverse("api:activity-detail", args=[world.dakar.reference]))
    assert [t["code"] for t in detail.json()["themes"]] == ["gender", "care"]


def test_theme_names_are_in_the_reader_s_language(api_client, world):
    response = api_client.get(
        reverse("api:activity-detail", args=[world.dakar.reference]), HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert [t["name"] for t in response.json()["themes"]] == [
        "Genre",
        "Soins et accompagnement",
    ]


def test_a_country_finds_its_own_activities_and_those_shared_with_it(api_client, world):
    every_african = {"Senegal-Mali exchange", "Africa forum", "Global guide"}
    assert titles(api_client, "country=MLI") == every_african
    assert titles(api_client, "country=SN") == every_african | {"Dakar pilot", "West Africa event"}
    assert titles(api_client, "country=VN") == {"Global guide"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("scope=regional", {"West Africa event", "Africa forum"}),
        ("scope=global", {"Global guide"}),
        (
            "region=africa",
            {"Dakar pilot", "Senegal-Mali exchange", "West Africa event", "Africa forum"},
        ),
        ("region=asia-pacific", set()),
        ("subdivision=sn-dk", {"Dakar pilot", "Senegal-Mali exchange"}),
        ("subdivision=ML-BKO,SN-TH", {"Dakar pilot", "Senegal-Mali exchange"}),
        ("theme=gender", {"Dakar pilot"}),
        ("theme=gender,universal-health-coverage", {"Dakar pilot", "Global guide"}),
        ("country=SN&scope=multi-country", {"Senegal-Mali exchange"}),
    ],
)
def test_it_filters_by_place_and_theme(api_client, world, query, expected):
    assert titles(api_client, query) == expected


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("subdivision=SN-ZZ", "SN-ZZ"),
        ("theme=astrology", "astrology"),
        ("scope=continental", "continental"),
        ("region=atlantis", "atlantis"),
    ],
)
def test_an_unknown_place_theme_or_scope_is_a_400_naming_it(api_client, world, query, named):
    response = api_client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert named in str(response.json())


def test_places_cost_no_query_per_row(api_client, world):
    def count(query: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api_client.get(f"{URL}?{query}").status_code == 200
        return len(captured)

    assert count("page_size=1") == count("page_size=50")


def test_the_schema_describes_the_places(api_client):
    schema = api_client.get(reverse("api:schema"), HTTP_ACCEPT="application/json").json()
    activity = schema["components"]["schemas"]["Activity"]["properties"]
    for name in ("scope", "region", "countries", "subdivisions", "themes"):
        assert name in activity
    assert (
        activity["country"].get("nullable")
        or "oneOf" in activity["country"]
        or ("allOf" in activity["country"])
    )
    parameters = {p["name"] for p in schema["paths"]["/api/v1/activities/"]["get"]["parameters"]}
    assert {"country", "region", "scope", "subdivision", "theme"} <= parameters

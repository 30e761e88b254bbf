"""A country's page lists its own activities and those it shares with other countries
(several countries, its region, the world), marked as shared; the places inside the
country show on the rows and filter the list; the brief and the agency page name the work
beyond one country too (issue 20)."""

import pytest
from django.urls import reverse

from activities.models import Scope, Theme
from countries.models import Region
from tests.factories import (
    Role,
    make_activity,
    make_agency,
    make_country,
    make_placed_activity,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def west_africa():
    senegal = make_country("SN", region=Region.AFRICA)
    mali = make_country("ML", region=Region.AFRICA)
    peru = make_country("PE", region=Region.AMERICAS)
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    dakar = senegal.subdivisions.get(code="SN-DK")
    segou = mali.subdivisions.get(code="ML-4")
    own = make_activity(senegal, {ilo: Role.LEAD}, title="Senegal's own costing")
    exchange = make_placed_activity(
        Scope.MULTI_COUNTRY,
        {ilo: Role.LEAD, unicef: Role.PARTNER},
        main=mali,
        countries=(senegal,),
        subdivisions=(dakar, segou),
        themes=(Theme.objects.get(code="informal-economy"),),
        title="Exchange on informal workers",
    )
    event = make_placed_activity(
        Scope.REGIONAL, {unicef: Role.LEAD}, region=Region.AFRICA, title="Regional event"
    )
    campaign = make_placed_activity(Scope.GLOBAL, {ilo: Role.LEAD}, title="Global campaign")
    elsewhere = make_activity(peru, {ilo: Role.LEAD}, title="Peru's pensions")
    return locals()


def titles(response) -> list[str]:
    return [activity.title for activity in response.context["page"].object_list]


def test_a_country_lists_its_own_and_the_shared_activities_marked(client, west_africa):
    response = client.get(reverse("countries:detail", args=["SN"]))
    assert titles(response) == [
        "Exchange on informal workers",
        "Global campaign",
        "Regional event",
        "Senegal's own costing",
    ]
    content = response.content.decode()
    # Each shared row says how it includes Senegal; the exchange where in its countries.
    assert content.count('class="shared-note"') == 3
    assert "Regional: Africa" in content and "Also in Mali" in content
    assert ">Global</span>" in content
    assert "Dakar, Ségou" in content
    assert "Informal economy" in content


def test_each_country_of_an_exchange_finds_it(client, west_africa):
    for code in ("SN", "ML"):
        response = client.get(reverse("countries:detail", args=[code]))
        assert "Exchange on informal workers" in titles(response)
    peru = client.get(reverse("countries:detail", args=["PE"]))
    assert titles(peru) == ["Global campaign", "Peru's pensions"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"place": "own"}, ["Senegal's own costing"]),
        (
            {"place": "shared"},
            ["Exchange on informal workers", "Global campaign", "Regional event"],
        ),
        ({"subdivision": "SN-DK"}, ["Exchange on informal workers"]),
        ({"subdivision": "sn-dk", "place": "own"}, []),
        # Another country's place is no filter here.
        (
            {"subdivision": "ML-4"},
            [
                "Exchange on informal workers",
                "Global campaign",
                "Regional event",
                "Senegal's own costing",
            ],
        ),
    ],
)
def test_the_list_narrows_to_its_own_shared_or_a_place(client, west_africa, params, expected):
    response = client.get(reverse("countries:detail", args=["SN"]), params)
    assert titles(response) == expected


def test_the_filter_offers_the_places_activities_name(client, west_africa):
    places = client.get(reverse("countries:detail", args=["SN"])).context["places"]
    assert places["subdivisions"] == [("SN-DK", "Dakar")]


def test_the_download_holds_what_the_page_lists(client, west_africa):
    response = client.get(
        reverse("countries:export", args=["SN"]), {"format": "csv", "place": "shared"}
    )
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8-sig")
    assert "Regional event" in text and "Senegal's own costing" not in text


def test_the_brief_names_the_work_the_country_shares(client, west_africa):
    brief = client.get(reverse("overview:country_brief", args=["SN"])).context["brief"]
    assert [activity.title for activity in brief.activities] == ["Senegal's own costing"]
    assert brief.shared_total == 3
    assert {activity.place_words for activity in brief.shared} == {
        "Several countries: Mali, Senegal",
        "Africa: regional",
        "Global",
    }


def test_the_agency_page_counts_its_regional_and_global_work(client, west_africa):
    response = client.get(reverse("agencies:detail", args=["UNICEF"]))
    assert response.context["beyond"] == [
        {
            "label": "Africa: regional",
            "url": "/matrix/?agency=UNICEF&scope=regional&region=africa",
            "n": 1,
            "leads": 1,
        }
    ]
    # The exchange counts in both its countries.
    assert {row["code"] for row in response.context["where"]} == {"ML", "SN"}
    ilo = client.get(reverse("agencies:detail", args=["ILO"]))
    content = ilo.content.decode()
    assert "Global campaign" in content and ">Global<" in content
    assert "Mali (several countries)" in content


def test_the_grid_has_a_row_per_region_and_one_for_the_world(client, west_africa):
    grid = client.get(reverse("activities:grid")).context["grid"]
    names = [row.name for row in grid.rows]
    assert names[-2:] == ["Africa: regional", "Global"]
    # The exchange counts in its main country.
    totals = {row.name: row.total for row in grid.rows}
    assert totals["Mali"] == 1 and totals["Senegal"] == 1


def test_my_agency_rows_say_where_each_is(client, west_africa):
    from tests.factories import make_member

    client.force_login(make_member(west_africa["unicef"]))
    content = client.get(reverse("activities:my_rows")).content.decode()
    assert "Africa: regional" in content
    assert "Mali (several countries)" in content


@pytest.mark.parametrize("sort", ["country", "-country"])
def test_the_matrix_by_country_lists_the_activities_without_one(client, west_africa, sort):
    response = client.get(reverse("activities:matrix"), {"sort": sort})
    listed = [activity.title for activity in response.context["page"].object_list]
    assert len(listed) == response.context["page"].paginator.count == 5
    assert {"Regional event", "Global campaign"} <= set(listed)

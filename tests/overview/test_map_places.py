"""The map shows the work beyond one country (issue 20): a country's count says how many
activities are its own and how many it shares, a panel per region lists its regional
activities and another the global ones, and the legend counts them."""

import pytest
from django.urls import reverse

from activities.models import Activity, ActivityStatus, Scope
from countries.models import Region
from overview.worldmap import build_map, matrix_map
from tests.factories import Role, make_placed_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(coalition):
    """Beside the coalition's one-country rows: a South-South exchange of Viet Nam (main)
    and Peru, a regional event for the whole of Africa (Mozambique and Togo), and a global
    campaign."""
    exchange = make_placed_activity(
        Scope.MULTI_COUNTRY,
        {coalition.ilo: Role.LEAD},
        main=coalition.vn,
        countries=(coalition.pe,),
        title="South-South exchange on pensions",
        status=ActivityStatus.ONGOING,
    )
    event = make_placed_activity(
        Scope.REGIONAL,
        {coalition.unicef: Role.LEAD},
        region=Region.AFRICA,
        title="Joint SPF regional event",
        status=ActivityStatus.PLANNED,
    )
    campaign = make_placed_activity(
        Scope.GLOBAL,
        {coalition.who: Role.LEAD},
        title="Global advocacy for the floors",
        status=ActivityStatus.ONGOING,
    )
    coalition.exchange, coalition.event, coalition.campaign = exchange, event, campaign
    return coalition


def test_a_single_regional_activity_has_its_panel(client, coalition):
    """The only activity beyond one country: one panel, read on its own (issue 20's browser
    journey found /map/ failing with exactly one)."""
    make_placed_activity(
        Scope.REGIONAL,
        {coalition.unicef: Role.LEAD},
        region=Region.AFRICA,
        title="Joint SPF regional event",
        status=ActivityStatus.PLANNED,
    )
    response = client.get(reverse("overview:map"))
    assert response.status_code == 200
    beyond = response.context["map"].beyond
    assert [(panel.key, panel.count) for panel in beyond.regions] == [("africa", 1)]
    assert [a.title for a in beyond.regions[0].activities] == ["Joint SPF regional event"]
    assert "Africa: 1 regional activity" in response.content.decode()


def by_code(world_map):
    return {country.code: (country.own, country.shared) for country in world_map.countries}


def test_a_country_counts_its_own_activities_and_those_it_shares(client, places):
    world_map = client.get(reverse("overview:map")).context["map"]
    assert by_code(world_map) == {
        "VN": (2, 1),  # its two, and the exchange it leads with Peru
        "PE": (1, 1),
        "MZ": (1, 1),  # its law, and the event for the whole of Africa
        "TG": (0, 1),
        "TV": (1, 0),
    }
    vn = next(country for country in world_map.countries if country.code == "VN")
    assert vn.count == 3
    assert "(2 its own, 1 shared with other countries)" in vn.summary
    # Every activity once: five in one country, three beyond.
    assert world_map.total == 8


def test_the_regional_and_global_activities_have_their_panels_and_legend(client, places):
    response = client.get(reverse("overview:map"))
    beyond = response.context["map"].beyond
    assert [(panel.key, panel.count) for panel in beyond.regions] == [("africa", 1)]
    assert [a.title for a in beyond.regions[0].activities] == ["Joint SPF regional event"]
    assert [a.title for a in beyond.global_panel.activities] == ["Global advocacy for the floors"]
    assert beyond.multi_country == 1
    content = response.content.decode()
    # The legend's counts link to the panels, which a keyboard reaches like any link.
    assert 'href="#map-places-africa"' in content and 'id="map-places-africa"' in content
    assert 'href="#map-places-global"' in content and 'id="map-places-global"' in content
    assert "Africa: 1 regional activity" in content
    assert "1 global activity" in content
    assert "1 activity of several countries (counted in each)" in content
    assert "/matrix/?scope=regional&amp;region=africa" in content


def test_the_panels_follow_the_filters(client, places):
    beyond = client.get(reverse("overview:map"), {"status": "planned"}).context["map"].beyond
    assert [(panel.key, panel.count) for panel in beyond.regions] == [("africa", 1)]
    assert beyond.global_panel.count == 0
    assert beyond.multi_country == 0


def test_a_regional_activity_naming_its_countries_counts_in_them_only(client, places):
    make_placed_activity(
        Scope.REGIONAL,
        region=Region.ASIA_PACIFIC,
        countries=(places.vn, places.tv),
        title="Pacific and Mekong exchange",
    )
    world_map = client.get(reverse("overview:map")).context["map"]
    counts = by_code(world_map)
    assert counts["VN"] == (2, 2) and counts["TV"] == (1, 1)
    panel = next(panel for panel in world_map.beyond.regions if panel.key == "asia-pacific")
    assert panel.activities[0].where == "Tuvalu, Viet Nam"


def test_the_whole_matrix_map_from_the_tallies_counts_as_the_rows_do(places):
    from_tallies, from_rows = matrix_map(), build_map(Activity.objects.all())
    assert by_code(from_tallies) == by_code(from_rows)
    assert from_tallies.total == from_rows.total == 8


def test_the_front_page_counts_them_on_its_legend_and_sends_to_the_map(client, places):
    content = client.get(reverse("overview:home")).content.decode()
    assert f'href="{reverse("overview:map")}#map-places-africa"' in content

"""The map counts what the matrix lists for the same filters."""

import pytest
from django.urls import reverse

from activities.matrix import filtered_activities
from tests.factories import Role, make_activity, make_country

pytestmark = pytest.mark.django_db


def shaded(response) -> dict[str, int]:
    return {s.code: s.country.count for s in response.context["map"].shapes if s.country}


def test_it_counts_activities_per_country(client, coalition):
    assert shaded(client.get(reverse("overview:map"))) == {"VN": 2, "MZ": 1, "PE": 1}


@pytest.mark.parametrize(
    "params",
    [
        {"agency": "ILO"},
        {"agency": "unicef", "agency_role": "lead"},
        {"region": "africa"},
        {"status": "ongoing"},
        {"guarantee": "children"},
        {"year": "2025"},
        {"q": "pension"},
    ],
)
def test_it_shades_the_countries_the_matrix_lists_for_the_same_filters(client, coalition, params):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    query.update(params)
    _filterset, activities = filtered_activities(query)
    expected = {a.country.code for a in activities if a.country.code != "TV"}
    assert set(shaded(client.get(reverse("overview:map"), params))) == expected


def test_it_names_the_lead_agencies_of_a_country(client, coalition):
    make_activity(coalition.vn, {coalition.who: Role.LEAD})
    countries = {c.code: c for c in client.get(reverse("overview:map")).context["map"].countries}
    assert countries["VN"].leads == ["ILO", "WHO"]
    assert "Leads: ILO, WHO" in countries["VN"].summary


def test_it_lists_countries_too_small_for_the_map_in_the_table(client, coalition):
    world_map = client.get(reverse("overview:map")).context["map"]
    assert [c.code for c in world_map.off_map] == ["TV"]
    assert "TV" in [c.code for c in world_map.countries]


def test_it_leaves_countries_without_activity_as_unlinked_gaps(client, coalition):
    content = client.get(reverse("overview:map")).content.decode()
    assert 'class="map-gap" d="' in content
    assert f'href="{reverse("countries:detail", args=["TG"])}"' not in content


def test_it_links_a_country_to_its_page_and_its_count_to_the_matrix(client, coalition):
    content = client.get(reverse("overview:map"), {"status": "ongoing"}).content.decode()
    assert f'<a href="{reverse("countries:detail", args=["VN"])}" class="map-country' in content
    assert 'href="/matrix/?status=ongoing&amp;country=VN"' in content


def test_it_says_which_filter_is_wrong_and_shades_nothing(client, coalition):
    response = client.get(reverse("overview:map"), {"country": "ZZ"})
    assert shaded(response) == {}
    assert "Some filters could not be used" in response.content.decode()


def test_it_shades_the_busiest_country_darkest(client, coalition):
    make_country("KH")
    shapes = {s.code: s for s in client.get(reverse("overview:map")).context["map"].shapes}
    assert shapes["VN"].country.step == 5
    assert shapes["MZ"].country.step < 5

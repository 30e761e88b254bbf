"""The part of the map page that htmx redraws when a filter changes."""

import itertools

import pytest
from django.urls import reverse

from activities.models import ActivityType, Role, Scope
from countries.models import Region
from tests.factories import make_activity, make_agency, make_country, make_placed_activity

pytestmark = pytest.mark.django_db


def test_it_answers_the_map_legend_and_table_without_the_page_around_them(client, coalition):
    response = client.get(reverse("overview:map_data"), {"region": "africa"})
    content = response.content.decode()
    assert 'id="world-map"' in content and 'id="map-table"' in content
    assert "<html" not in content and "<form" not in content


def test_it_puts_the_map_page_with_the_filters_in_the_address_bar(client, coalition):
    response = client.get(reverse("overview:map_data"), {"region": "africa", "agency": "ILO"})
    assert response["HX-Replace-Url"] == "/map/?region=africa&agency=ILO"


def test_it_wires_the_filter_form_to_redraw_the_map(client, coalition):
    content = client.get(reverse("overview:map")).content.decode()
    assert f'hx-get="{reverse("overview:map_data")}"' in content
    assert 'hx-target="#world-map"' in content


def populate(size: int) -> None:
    countries = [
        make_country(code, region=region)
        for code, region in [
            ("VN", Region.ASIA_PACIFIC),
            ("MZ", Region.AFRICA),
            ("PE", Region.AMERICAS),
        ]
    ]
    agencies = [make_agency(acronym) for acronym in ("ILO", "UNICEF", "WHO")]
    pairs = zip(itertools.cycle(countries), itertools.cycle(agencies))
    for n, (country, agency) in zip(range(size), pairs, strict=False):
        make_activity(country, {agency: Role.LEAD}, activity_type=ActivityType.values[n % 9])


# The filter form's two choice lists, country codes, counts and lead agencies per country,
# and the countries' statuses (the coalition's layer, decisions.map_layer); beyond one
# country (overview.map_places): activities per scope and region, the regional and global
# ones listed, the countries the shared ones name. The whole matrix's map reads its counts
# beyond one country from the tallies, and lists none (no query) when it has none.
MAP_QUERIES = 9
WHOLE_MAP_QUERIES_WITHOUT_PLACES = MAP_QUERIES - 1


@pytest.mark.parametrize("size", [3, 60])
@pytest.mark.parametrize("params", [{}, {"agency": "ILO", "region": "africa", "year": "2012"}])
def test_it_costs_the_same_queries_for_3_or_60_activities(
    client, django_assert_num_queries, size, params
):
    populate(size)
    with django_assert_num_queries(MAP_QUERIES if params else WHOLE_MAP_QUERIES_WITHOUT_PLACES):
        assert client.get(reverse("overview:map_data"), params).status_code == 200


def test_it_leaves_empty_fields_out_of_the_address_and_links(client, coalition):
    params = {"q": "", "region": "africa", "agency": "", "agency_role": "any", "status": ""}
    response = client.get(reverse("overview:map_data"), params)
    assert response["HX-Replace-Url"] == "/map/?region=africa"
    assert 'href="/matrix/?region=africa"' in response.content.decode()


def populate_places(size: int) -> None:
    """`size` one-country activities, and as many beyond one country: exchanges of two
    countries, regional ones for Africa (of its countries, or the whole region), global."""
    populate(size)
    vn, mz, pe = (make_country(code) for code in ("VN", "MZ", "PE"))
    for n in range(size):
        kind = n % 4
        if kind == 0:
            make_placed_activity(Scope.MULTI_COUNTRY, main=vn, countries=(pe,))
        elif kind == 1:
            make_placed_activity(Scope.REGIONAL, region=Region.AFRICA, countries=(mz,))
        elif kind == 2:
            make_placed_activity(Scope.REGIONAL, region=Region.AFRICA)
        else:
            make_placed_activity(Scope.GLOBAL)


# With regional or global activities to list, the countries they name: one more.
MAP_QUERIES_WITH_PLACES = MAP_QUERIES + 1


@pytest.mark.parametrize("size", [4, 40])
@pytest.mark.parametrize("params", [{}, {"year": "2012", "agency_role": "any"}])
def test_the_work_beyond_one_country_costs_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, size, params
):
    populate_places(size)
    with django_assert_num_queries(MAP_QUERIES_WITH_PLACES):
        assert client.get(reverse("overview:map_data"), params).status_code == 200

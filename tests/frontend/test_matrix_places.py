"""The matrix and places (issue 20): a country filter finds the country's own rows and the
shared ones that include it, each marked; filters for scope, region, place and theme; the
accent-blind search reads places and themes; the cost does not grow with the rows."""

import pytest
from django.urls import reverse

from activities.models import Role, Scope, Theme
from activities.places import set_places, set_themes
from countries.models import Region, Subdivision
from tests.factories import make_activity, make_agency, make_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows():
    ilo = make_agency("ILO")
    sn, ml = make_country("SN", Region.AFRICA), make_country("ML", Region.AFRICA)
    vn = make_country("VN", Region.ASIA_PACIFIC)
    found = {
        "own": make_activity(sn, {ilo: Role.LEAD}, title="Costing in Senegal"),
        "pair": make_activity(sn, {ilo: Role.LEAD}, title="Exchange"),
        "africa": make_activity(sn, {ilo: Role.LEAD}, title="West Africa event"),
        "world": make_activity(sn, {ilo: Role.LEAD}, title="Global advocacy"),
        "viet": make_activity(vn, {ilo: Role.LEAD}, title="Viet Nam work"),
    }
    thies = Subdivision.objects.get(code="SN-TH")
    set_places(
        found["pair"],
        scope=Scope.MULTI_COUNTRY,
        region="",
        main=sn,
        countries=[ml],
        subdivisions=[thies],
    )
    set_places(found["africa"], scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[])
    set_places(found["world"], scope=Scope.GLOBAL, region="", main=None, countries=[])
    set_themes(found["pair"], [Theme.objects.get(code="care")])
    return found


def titles(client, **query):
    response = client.get(reverse("activities:matrix"), query)
    assert response.status_code == 200
    return response, {row.title for row in response.context["page"].object_list}


def test_a_country_filter_finds_its_shared_rows_marked_as_such(client, rows):
    response, found = titles(client, country="ML")
    assert found == {"Exchange", "West Africa event", "Global advocacy"}
    html = response.content.decode()
    assert "Also in Senegal" in html
    assert "Regional: Africa" in html
    assert '<span class="shared-note">Global</span>' in html
    _response, found = titles(client, country="SN")
    assert found == {"Costing in Senegal", "Exchange", "West Africa event", "Global advocacy"}
    _response, found = titles(client, country="VN")
    assert found == {"Viet Nam work", "Global advocacy"}


def test_the_unfiltered_matrix_names_the_places(client, rows):
    html = titles(client)[0].content.decode()
    assert "Senegal, Mali" in html
    assert "Africa: regional" in html
    assert "Thiès" in html  # the places of a row


def test_filters_for_scope_region_place_and_theme(client, rows):
    assert titles(client, scope="regional")[1] == {"West Africa event"}
    assert titles(client, scope="global")[1] == {"Global advocacy"}
    assert titles(client, region="africa")[1] == {
        "Costing in Senegal",
        "Exchange",
        "West Africa event",
    }
    assert titles(client, region="asia-pacific")[1] == {"Viet Nam work"}
    assert titles(client, subdivision="SN-TH")[1] == {"Exchange"}
    assert titles(client, theme="care")[1] == {"Exchange"}
    # The place and theme filters offer what is in use, in the reader's words.
    response = titles(client)[0]
    form = response.context["filter"].form
    assert ("SN-TH", "Thiès (Senegal)") in list(form.fields["subdivision"].choices)


def test_the_search_reads_places_and_themes_accents_aside(client, rows):
    assert titles(client, q="thies")[1] == {"Exchange"}
    assert titles(client, q="soins")[1] == {"Exchange"}  # the French name of "Care"


def test_the_matrix_costs_the_same_queries_with_more_shared_rows(client, rows):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        titles(client, country="SN")
    sn, ml = rows["own"].country, rows["pair"].countries.get(code="ML")
    for n in range(8):
        more = make_activity(sn, title=f"More {n}")
        set_places(more, scope=Scope.MULTI_COUNTRY, region="", main=None, countries=[sn, ml])
        set_themes(more, [Theme.objects.get(code="gender")])
    with CaptureQueriesContext(connection) as after:
        response, found = titles(client, country="SN")
    assert len(found) == 12
    assert len(after) == len(before)
    assert response.status_code == 200


def test_a_place_or_theme_filter_reads_the_choices_once(client, rows):
    """Validated, drawn and named in the filter's chip: the places and themes are read once
    per request, as on the unfiltered page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def reads(**query):
        with CaptureQueriesContext(connection) as captured:
            response, found = titles(client, **query)
        places = [q for q in captured if 'FROM "countries_subdivision"' in q["sql"]]
        themes = [q for q in captured if 'FROM "activities_theme"' in q["sql"]]
        return response, found, len(places), len(themes), len(captured)

    _response, _found, places, themes, unfiltered = reads()
    assert (places, themes) == (1, 1)
    response, found, places, themes, filtered = reads(subdivision="SN-TH", theme="care")
    assert found == {"Exchange"}
    assert (places, themes) == (1, 1)
    chips = {chip.label: chip.value for chip in response.context["active_filters"]}
    assert chips == {"Place in a country": "Thiès (Senegal)", "Theme": "Care"}
    assert 'value="SN-TH" selected' in response.content.decode()
    assert filtered == unfiltered

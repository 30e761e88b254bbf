"""The admin edits where an activity happens with the same rules as the member's form
(activities.places): errors refuse the save, warnings are shown, the links keep history."""

import pytest
from django.urls import reverse

from activities.models import ActivityCountry, Role, Theme
from countries.models import Region, Subdivision
from tests.admin.forms import activity_post
from tests.factories import make_activity, make_agency, make_country

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_the_admin_sets_countries_places_and_themes(superuser_client):
    ilo = make_agency("ILO")
    senegal, mali = make_country("SN", Region.AFRICA), make_country("ML", Region.AFRICA)
    activity = make_activity(senegal, {ilo: Role.LEAD})
    link = activity.participations.get()
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    page = superuser_client.get(url)
    assert page.status_code == 200
    assert 'name="covered_countries"' in page.content.decode()
    dakar = Subdivision.objects.get(code="SN-DK")
    gender = Theme.objects.get(code="gender")
    data = activity_post(
        activity,
        [(ilo, Role.LEAD, link)],
        scope="multi-country",
        covered_countries=[senegal.pk, mali.pk],
        places=[dakar.pk],
        theme_choices=[gender.pk],
    )
    response = superuser_client.post(url, data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.scope == "multi-country"
    assert set(activity.countries.all()) == {senegal, mali}
    assert list(activity.subdivisions.all()) == [dakar]
    assert list(activity.themes.all()) == [gender]
    # Each link in the history, with who wrote it.
    added = ActivityCountry.history.get(activity_id=activity.pk, country_id=mali.pk)
    assert added.history_user.is_superuser

    # A place in a country not covered: refused, nothing changed.
    thies = Subdivision.objects.get(code="SN-TH")
    data = activity_post(
        activity,
        [(ilo, Role.LEAD, link)],
        scope="multi-country",
        country="",
        covered_countries=[mali.pk, make_country("GH", Region.AFRICA).pk],
        places=[thies.pk],
    )
    response = superuser_client.post(url, data)
    assert response.status_code == 200
    assert "Thiès (Senegal): in a country the activity does not cover" in response.content.decode()
    assert set(activity.countries.all()) == {senegal, mali}


def test_the_places_are_searched_as_one_types(superuser_client):
    make_country("SN", Region.AFRICA)
    response = superuser_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "activities",
            "model_name": "activity",
            "field_name": "subdivisions",
            "term": "thies",
        },
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Thiès"]

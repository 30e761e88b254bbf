"""Editing where an activity happens (issue 20): a member changes an activity's countries,
places and themes only when one of their agencies takes part; the rules' errors refuse the
save, their warnings are shown and the save goes through; the history shows the change."""

import pytest
from django.urls import reverse

from activities.models import Activity, Scope, Theme
from countries.models import Region, Subdivision
from tests.factories import make_country

pytestmark = pytest.mark.postgres

ON_A = {
    "anonymous": 302,
    "viewer": 403,
    "member_a": "ok",
    "member_b": 403,
    "secretariat": "ok",
    "superuser": "ok",
}


def _places(activity):
    activity = Activity.objects.get(pk=activity.pk)
    return (
        activity.scope,
        activity.country_id,
        sorted(activity.countries.values_list("code", flat=True)),
        sorted(activity.subdivisions.values_list("code", flat=True)),
        sorted(activity.themes.values_list("code", flat=True)),
    )


def _edit(activity, **places):
    return {
        "title": activity.title,
        "activity_type": activity.activity_type,
        "status": activity.status,
        "version": Activity.objects.get(pk=activity.pk).version,
        "agencies-TOTAL_FORMS": 1,
        "agencies-INITIAL_FORMS": 0,
        "agencies-0-agency": "AGA",
        "agencies-0-role": "lead",
        **places,
    }


@pytest.mark.parametrize("persona_client", list(ON_A), indirect=True)
def test_who_may_change_the_countries(persona_client, request, activity_a):
    laos = make_country("LA", Region.ASIA_PACIFIC)
    vientiane = Subdivision.objects.get(code="LA-VT")
    care = Theme.objects.get(code="care")
    before = _places(activity_a)
    data = _edit(
        activity_a,
        scope=Scope.MULTI_COUNTRY,
        country="VN",
        countries=[laos.pk],
        subdivisions=[vientiane.pk],
        themes=[care.pk],
    )
    response = persona_client.post(reverse("activities:activity_edit", args=[activity_a.pk]), data)
    expected = ON_A[request.node.callspec.params["persona_client"]]
    if expected == "ok":
        assert response.status_code == 302, response.context["form"].errors
        assert _places(activity_a) == (
            "multi-country",
            activity_a.country_id,
            ["LA", "VN"],
            ["LA-VT"],
            ["care"],
        )
    else:
        if expected == 302:
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == expected
        assert _places(activity_a) == before


def test_a_broken_rule_refuses_the_save_and_says_why(member_a_client, activity_a):
    hanoi = Subdivision.objects.get(code="VN-HN")
    dakar_country = make_country("SN", Region.AFRICA)
    dakar = Subdivision.objects.get(code="SN-DK")
    before = _places(activity_a)
    url = reverse("activities:activity_edit", args=[activity_a.pk])
    response = member_a_client.post(
        url, _edit(activity_a, scope=Scope.MULTI_COUNTRY, country="VN", countries=[])
    )
    assert response.status_code == 200
    assert "at least two" in response.context["form"].errors["countries"][0]
    response = member_a_client.post(
        url, _edit(activity_a, scope=Scope.COUNTRY, country="VN", subdivisions=[hanoi.pk, dakar.pk])
    )
    assert response.status_code == 200
    assert "Dakar" in response.context["form"].errors["subdivisions"][0]
    response = member_a_client.post(url, _edit(activity_a, scope=Scope.COUNTRY, country=""))
    assert "country" in response.context["form"].errors
    assert _places(activity_a) == before
    assert dakar_country.pk


def test_a_regional_activity_with_a_country_outside_is_saved_with_a_warning(
    member_a_client, activity_a
):
    senegal = make_country("SN", Region.AFRICA)
    url = reverse("activities:activity_edit", args=[activity_a.pk])
    data = _edit(
        activity_a, scope=Scope.REGIONAL, region=Region.AFRICA, country="", countries=[senegal.pk]
    )
    data["countries"] = [senegal.pk, activity_a.country_id]
    response = member_a_client.post(url, data, follow=True)
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert any("not in Africa" in m and "Viet Nam" in m for m in shown), shown
    assert _places(activity_a)[:3] == ("regional", None, ["SN", "VN"])
    # The history page shows the change of places.
    page = member_a_client.get(reverse("activities:history", args=[activity_a.reference]))
    latest = page.context["versions"][0]
    labels = {change.label: (change.old, change.new) for change in latest.changes}
    assert labels["Countries"] == ("Viet Nam", "Senegal, Viet Nam")
    assert labels["scope"] == ("One country", "Regional")


def test_the_places_offered_follow_the_countries_chosen(member_a_client, activity_a):
    senegal = make_country("SN", Region.AFRICA)
    hanoi = Subdivision.objects.get(code="VN-HN")
    url = reverse("activities:subdivision_options")
    response = member_a_client.get(
        url, {"countries": [senegal.pk], "country": "Viet Nam", "subdivisions": [hanoi.pk]}
    )
    html = response.content.decode()
    assert 'label="Senegal"' in html and "Dakar" in html
    assert f'value="{hanoi.pk}" selected' in html
    response = member_a_client.get(url, {"countries": [senegal.pk], "subdivisions": [hanoi.pk]})
    assert "Hà Nội" not in response.content.decode()

import pytest
from django.urls import reverse

from agencies.models import FocalPoint
from tests.factories import make_focal_point

pytestmark = pytest.mark.postgres

ADD = reverse("agencies:focal_point_add")


def _data(agency, **fields):
    data = {
        "agency": agency.pk,
        "name": "Mai Tran",
        "position": "",
        "level": "country",
        "country": "Vietnam",
        "region": "",
        "email": "mai@example.org",
        "phone": "",
    }
    data.update(fields)
    return data


def test_it_adds_a_focal_point_to_the_members_agency(member_a_client, agency_a, country):
    response = member_a_client.post(ADD, _data(agency_a))
    person = FocalPoint.objects.get(name="Mai Tran")
    assert (person.agency, person.country) == (agency_a, country)
    assert response.url == reverse("agencies:detail", args=["AGA"])


def test_it_refuses_another_agency_in_the_form(member_a_client, agency_b, country):
    response = member_a_client.post(ADD, _data(agency_b))
    assert not FocalPoint.objects.exists()
    assert response.context["form"].has_error("agency", "invalid_choice")


def test_it_says_which_field_breaks_the_level_rule(member_a_client, agency_a, country):
    response = member_a_client.post(ADD, _data(agency_a, country=""))
    assert not FocalPoint.objects.exists()
    assert response.context["form"].errors["country"] == ["A country focal point needs a country."]


def test_it_edits_the_members_focal_point(member_a_client, agency_a):
    person = make_focal_point(agency_a, name="Old name")
    url = reverse("agencies:focal_point_edit", args=[person.pk])
    member_a_client.post(url, _data(agency_a, level="global", country="", name="New name"))
    person.refresh_from_db()
    assert (person.name, person.level) == ("New name", "global")


def test_it_refuses_a_forged_post_for_another_agencys_focal_point(member_b_client, agency_a):
    person = make_focal_point(agency_a, name="Kept")
    url = reverse("agencies:focal_point_edit", args=[person.pk])
    response = member_b_client.post(url, _data(agency_a, level="global", country="", name="X"))
    person.refresh_from_db()
    assert response.status_code == 403
    assert person.name == "Kept"

import pytest
from django.urls import reverse

from activities.models import Activity, Role

pytestmark = pytest.mark.postgres

URL = reverse("activities:activity_add")


def _data(**fields):
    data = {
        "country": "Viet Nam",
        "title": "Fiscal space study",
        "description": "",
        "activity_type": "costing",
        "status": "planned",
        "start_date": "2025-02-01",
        "end_date": "",
        "focal_point": "",
        "funding": "",
        "agencies-TOTAL_FORMS": "2",
        "agencies-INITIAL_FORMS": "0",
        "agencies-0-agency": "AGA",
        "agencies-0-role": Role.LEAD,
        "agencies-1-agency": "",
        "agencies-1-role": Role.PARTNER,
    }
    data.update(fields)
    return data


def test_it_creates_an_activity_with_the_members_agency(member_a_client, country, agency_a):
    response = member_a_client.post(URL, _data())
    activity = Activity.objects.get(title="Fiscal space study")
    assert response.status_code == 302
    assert [(p.agency, p.role) for p in activity.participations.all()] == [(agency_a, "lead")]


def test_it_offers_the_members_agency_as_lead(member_a_client, agency_a):
    response = member_a_client.get(URL)
    formset = response.context["formset"]
    assert formset.forms[0]["agency"].value() == "AGA"
    assert formset.forms[0]["role"].value() == Role.LEAD


def test_it_refuses_an_activity_without_the_members_agency(member_a_client, country, agency_b):
    response = member_a_client.post(URL, _data(**{"agencies-0-agency": "AGB"}))
    assert not Activity.objects.exists()
    assert "One of your agencies (AGA) must take part" in response.content.decode()


def test_it_names_the_country_it_did_not_recognise(member_a_client, country, agency_a):
    response = member_a_client.post(URL, _data(country="Atlantis"))
    assert not Activity.objects.exists()
    assert response.context["form"].errors["country"] == [
        "“Atlantis” is not a country we know: pick one from the list."
    ]


def test_it_accepts_an_iso_code_for_the_country(member_a_client, country, agency_a):
    member_a_client.post(URL, _data(country="vnm"))
    assert Activity.objects.get().country == country


def test_it_names_the_agency_it_did_not_recognise(member_a_client, country, agency_a):
    response = member_a_client.post(URL, _data(**{"agencies-1-agency": "NOPE"}))
    assert not Activity.objects.exists()
    assert "“NOPE” is not an agency we know" in response.content.decode()


def test_it_refuses_two_leads(member_a_client, country, agency_a, agency_b):
    data = _data(**{"agencies-1-agency": "AGB", "agencies-1-role": Role.LEAD})
    response = member_a_client.post(URL, data)
    assert not Activity.objects.exists()
    assert "Only one agency can lead an activity" in response.content.decode()


def test_it_refuses_an_end_before_the_start(member_a_client, country, agency_a):
    response = member_a_client.post(URL, _data(end_date="2024-01-01"))
    assert not Activity.objects.exists()
    assert response.context["form"].errors["end_date"] == [
        "The end date cannot be before the start date."
    ]


def test_it_lists_every_error_in_a_summary_at_the_top(member_a_client, country, agency_a):
    html = member_a_client.post(URL, _data(country="Atlantis", title="")).content.decode()
    summary = html.split('id="error-summary"')[1].split("</div>")[0]
    assert 'href="#id_country"' in summary
    assert 'href="#id_title"' in summary

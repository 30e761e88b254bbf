"""Who works in a country, as the country page and its printed brief list it: one rule
(ActivityAgency.objects.agencies_in), leaders first, then the busiest, then by acronym."""

import pytest
from django.urls import reverse

from activities.models import ActivityAgency, Role
from tests.factories import make_activity, make_agency, make_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def senegal():
    country = make_country("SN", region="africa")
    ilo, unicef, wfp, fao = (make_agency(name) for name in ("ILO", "UNICEF", "WFP", "fao"))
    make_activity(country, {ilo: Role.LEAD, unicef: Role.PARTNER})
    make_activity(country, {unicef: Role.LEAD, wfp: Role.PARTNER, fao: Role.PARTNER})
    make_activity(country, {ilo: Role.PARTNER, wfp: Role.FUNDER, fao: Role.PARTNER})
    make_activity(country, {unicef: Role.PARTNER})
    # Elsewhere: not counted.
    make_activity(make_country("VN"), {wfp: Role.LEAD})
    return country


EXPECTED = [
    {"acronym": "UNICEF", "n": 3, "leads": 1},
    {"acronym": "ILO", "n": 2, "leads": 1},
    {"acronym": "fao", "n": 2, "leads": 0},
    {"acronym": "WFP", "n": 2, "leads": 0},
]


def test_it_lists_leaders_first_then_the_busiest(senegal):
    assert ActivityAgency.objects.agencies_in(senegal.pk) == EXPECTED


def test_the_country_page_and_its_brief_list_the_same(client, senegal):
    page = client.get(reverse("countries:detail", args=["SN"]))
    brief = client.get(reverse("overview:country_brief", args=["SN"]))
    assert page.context["agencies"] == brief.context["brief"].agencies == EXPECTED

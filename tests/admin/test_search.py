import pytest
from django.urls import reverse

from activities.models import Role
from tests.factories import make_activity, make_agency, make_country

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def listed(client, model: str, term: str) -> list:
    response = client.get(reverse(f"admin:{model}_changelist"), {"q": term})
    return list(response.context["cl"].result_list)


def test_it_finds_an_agency_by_a_spelling_variant(superuser_client):
    women = make_agency("UN Women", name="UN Entity for Gender Equality", name_variants="UNWomen")
    make_agency("UNICEF")
    assert listed(superuser_client, "agencies_agency", "unwomen") == [women]


def test_it_finds_a_country_by_its_alpha3_code(superuser_client):
    viet_nam = make_country("VN", name_variants="Vietnam")
    make_country("LA")
    assert listed(superuser_client, "countries_country", "VNM") == [viet_nam]
    assert listed(superuser_client, "countries_country", "vietnam") == [viet_nam]


def test_it_finds_activities_by_country_name(superuser_client):
    ilo = make_agency("ILO")
    in_laos = make_activity(country=make_country("LA"), agencies={ilo: Role.LEAD})
    make_activity(country=make_country("VN"))
    assert listed(superuser_client, "activities_activity", "Lao") == [in_laos]

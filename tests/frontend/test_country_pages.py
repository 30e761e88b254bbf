import pytest

from activities.models import Role
from agencies.models import FocalLevel, FocalPoint
from countries.models import Region
from tests.factories import make_agency, make_focal_point

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["VN", "vnm", "vn", "VNM"])
def test_it_finds_a_country_by_alpha2_or_alpha3_code_in_any_case(client, world, code):
    response = client.get(f"/countries/{code}/")
    assert response.status_code == 200
    assert response.context["country"] == world.vn


@pytest.mark.parametrize("code", ["ZZ", "XYZ", "FR", "viet-nam"])
def test_it_answers_404_for_an_unknown_country(client, world, code):
    assert client.get(f"/countries/{code}/").status_code == 404


def test_it_lists_the_activities_and_who_leads_them(client, world):
    response = client.get("/countries/VN/")
    assert list(response.context["page"].object_list) == [world.costing]
    leads = {row["acronym"]: row["leads"] for row in response.context["agencies"]}
    assert leads == {"ILO": 1, "UNICEF": 0}


def test_it_lists_contacts_at_three_levels_for_agencies_active_there(client, world):
    regional = FocalPoint.objects.create(
        agency=world.unicef, name="Asia desk", level=FocalLevel.REGIONAL, region=Region.ASIA_PACIFIC
    )
    global_ = make_focal_point(world.ilo, None, name="Geneva desk")
    make_focal_point(make_agency("IDLE"), None, name="Not active there")
    make_focal_point(world.unicef, world.mz, name="Maputo office")
    contacts = client.get("/countries/VN/").context["contacts"]
    assert contacts == {"country": [world.person], "regional": [regional], "global": [global_]}


def test_it_lists_countries_with_activities_by_region(client, world):
    regions = dict(client.get("/countries/").context["regions"])
    assert [country.code for country in regions["Africa"]] == ["MZ"]
    assert "Europe and Central Asia" not in regions


def test_it_counts_activities_per_country_in_the_index(client, world):
    from tests.factories import make_activity

    make_activity(world.vn, {world.ilo: Role.PARTNER})
    regions = dict(client.get("/countries/").context["regions"])
    assert regions["Asia and the Pacific"][0].n == 2


def test_it_paginates_the_activities_of_a_busy_country(client, world, settings):
    from tests.factories import make_activity

    settings.SPF_MATRIX_PAGE_SIZE = 1
    make_activity(world.vn, title="Zz second")
    response = client.get("/countries/VN/", {"page": "2"})
    assert [activity.title for activity in response.context["page"]] == ["Zz second"]
    assert response.context["page"].paginator.count == 2

import pytest

from activities.models import Role
from tests.factories import make_activity, make_agency, make_focal_point

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("acronym", ["ILO", "ilo", "Ilo"])
def test_it_finds_an_agency_by_acronym_in_any_case(client, world, acronym):
    response = client.get(f"/agencies/{acronym}/")
    assert response.status_code == 200
    assert response.context["agency"] == world.ilo


def test_it_answers_404_for_an_unknown_acronym(client, world):
    assert client.get("/agencies/NOPE/").status_code == 404


def test_it_serves_acronyms_with_spaces_and_slashes(client, db):
    make_agency("FES/ILO")
    make_agency("UN Women")
    assert client.get("/agencies/FES/ILO/").status_code == 200
    assert client.get("/agencies/UN%20Women/").status_code == 200


def test_it_shows_where_the_agency_works_with_counts(client, world):
    make_activity(world.vn, {world.ilo: Role.PARTNER})
    where = {
        row["code"]: (row["n"], row["leads"])
        for row in client.get("/agencies/ILO/").context["where"]
    }
    assert where == {"VN": (2, 1), "MZ": (1, 0)}


def test_it_lists_what_the_agency_leads(client, world):
    response = client.get("/agencies/UNICEF/")
    assert response.context["leads"] == [world.child_law]


def test_it_lists_the_agencys_focal_points(client, world):
    geneva = make_focal_point(world.ilo, None, name="Geneva desk")
    contacts = client.get("/agencies/ILO/").context["contacts"]
    assert contacts["global"] == [geneva]
    assert contacts["country"] == [world.person]


def test_it_counts_participations_and_leads_in_the_index(client, world):
    agencies = {a.acronym: (a.n, a.leads) for a in client.get("/agencies/").context["agencies"]}
    assert agencies == {"ILO": (2, 1), "UNICEF": (2, 1), "WHO": (1, 1)}

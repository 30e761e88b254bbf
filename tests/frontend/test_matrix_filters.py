import pytest

from tests.frontend.conftest import shown

pytestmark = pytest.mark.django_db


def test_it_filters_by_country_code(client, world):
    response = client.get("/matrix/", {"country": "VN"})
    assert shown(response) == {world.costing.reference}


def test_it_accepts_several_countries_in_any_case_and_alpha3(client, world):
    response = client.get("/matrix/?country=vn&country=MOZ")
    assert shown(response) == {world.costing.reference, world.child_law.reference}


def test_it_filters_by_region(client, world):
    response = client.get("/matrix/", {"region": "africa"})
    assert shown(response) == {world.child_law.reference}


def test_it_filters_by_agency_in_any_role(client, world):
    response = client.get("/matrix/", {"agency": "ilo"})
    assert shown(response) == {world.costing.reference, world.child_law.reference}


def test_it_filters_by_agency_as_lead_only(client, world):
    response = client.get("/matrix/", {"agency": "ILO", "agency_role": "lead"})
    assert shown(response) == {world.costing.reference}


def test_it_filters_by_guarantee(client, world):
    response = client.get("/matrix/", {"guarantee": "children"})
    assert shown(response) == {world.child_law.reference}


def test_it_filters_by_type(client, world):
    response = client.get("/matrix/", {"type": "study"})
    assert shown(response) == {world.pensions.reference}


def test_it_filters_by_status(client, world):
    response = client.get("/matrix/", {"status": "planned"})
    assert shown(response) == {world.child_law.reference}


def test_it_filters_by_year_running(client, world):
    response = client.get("/matrix/", {"year": "2013"})
    assert shown(response) == {world.costing.reference}


def test_it_combines_filters(client, world):
    response = client.get("/matrix/", {"agency": "UNICEF", "status": "ongoing"})
    assert shown(response) == {world.costing.reference}


def test_it_shows_the_chosen_filters_as_removable_chips(client, world):
    response = client.get("/matrix/", {"country": "VN", "status": "ongoing"})
    chips = {chip.label: chip for chip in response.context["active_filters"]}
    assert chips["Country"].value == "Viet Nam"
    assert chips["Country"].remove_query == "status=ongoing"

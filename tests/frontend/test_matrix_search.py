import pytest

from tests.frontend.conftest import shown

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("costing", {"costing"}),  # title
        ("insurance", {"pensions"}),  # description
        ("mozambique", {"child_law"}),  # country name
        ("children's fund", {"costing", "child_law"}),  # agency name, every word must match
        ("who", {"pensions"}),  # agency acronym
        ("Nguyen", {"costing"}),  # focal point
    ],
)
def test_it_searches_the_text_of_a_row(client, world, q, expected):
    response = client.get("/matrix/", {"q": q})
    assert shown(response) == {getattr(world, name).reference for name in expected}


def test_it_finds_an_activity_by_reference(client, world):
    response = client.get("/matrix/", {"q": world.pensions.reference.lower()})
    assert shown(response) == {world.pensions.reference}


def test_it_finds_country_names_in_the_visitors_language(client, world):
    response = client.get("/matrix/", {"q": "Pérou"}, headers={"accept-language": "fr"})
    assert shown(response) == {world.pensions.reference}


def test_it_lists_an_activity_once_when_several_agencies_match(client, world):
    response = client.get("/matrix/", {"q": "i"})
    references = [activity.reference for activity in response.context["page"].object_list]
    assert len(references) == len(set(references))
    assert response.context["page"].paginator.count == len(references)

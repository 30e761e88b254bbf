import pytest

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [activity.title for activity in response.context["page"].object_list]


def test_it_sorts_by_country_name_by_default(client, world):
    response = client.get("/matrix/")
    # Mozambique, Peru, Viet Nam
    assert titles(response) == [world.child_law.title, world.pensions.title, world.costing.title]


def test_it_sorts_by_start_date_descending(client, world):
    response = client.get("/matrix/", {"sort": "-start"})
    assert titles(response) == [world.child_law.title, world.costing.title, world.pensions.title]


def test_it_falls_back_to_the_default_sort_for_an_unknown_one(client, world):
    response = client.get("/matrix/", {"sort": "password"})
    assert response.context["sort"] == "country"
    assert titles(response)[0] == world.child_law.title


def test_it_keeps_the_filters_and_sort_in_pagination_links(client, world, settings):
    settings.SPF_MATRIX_PAGE_SIZE = 1
    response = client.get("/matrix/", {"agency": "ILO", "sort": "title"})
    assert response.context["page"].paginator.num_pages == 2
    assert b'href="?agency=ILO&amp;sort=title&amp;page=2"' in response.content


def test_it_keeps_the_filters_in_the_export_links(client, world):
    response = client.get("/matrix/", {"country": "VN", "page": "1"})
    assert b"/export/?country=VN&amp;format=csv" in response.content
    assert b"/export/?country=VN&amp;format=xlsx" in response.content

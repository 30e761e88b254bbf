import pytest

from tests.frontend.conftest import shown

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("params", "label", "value"),
    [
        ({"country": "ZZ"}, "Country", "ZZ"),
        ({"status": "bogus"}, "Status", "bogus"),
        ({"agency": "NOPE"}, "Agency", "NOPE"),
        ({"year": "abc"}, "Running in year", "abc"),
        ({"year": "99999"}, "Running in year", "99999"),
        ({"guarantee": "wealth"}, "R202 guarantee", "wealth"),
    ],
)
def test_it_shows_nothing_and_names_an_unknown_filter_value(client, world, params, label, value):
    response = client.get("/matrix/", params)
    assert response.status_code == 200
    assert shown(response) == set()
    chip = next(chip for chip in response.context["active_filters"] if chip.label == label)
    assert chip.error and chip.value == value


def test_it_gives_the_reason_for_the_error(client, world):
    response = client.get("/matrix/", {"country": "ZZ"})
    assert b"ZZ is not one of the available choices" in response.content


def test_it_shows_the_last_page_past_the_end(client, world, settings):
    settings.SPF_MATRIX_PAGE_SIZE = 2
    response = client.get("/matrix/", {"page": "99"})
    assert response.status_code == 200
    assert response.context["page"].number == 2


def test_it_shows_the_first_page_for_a_page_that_is_not_a_number(client, world, settings):
    settings.SPF_MATRIX_PAGE_SIZE = 2
    response = client.get("/matrix/", {"page": "abc"})
    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_it_refuses_an_unknown_export_format_with_a_reason(client, world):
    response = client.get("/export/", {"format": "pdf"})
    assert response.status_code == 400
    assert b"csv or xlsx" in response.content

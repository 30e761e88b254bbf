"""A NUL byte or an over-long value in a request is a 400 with a plain message, never a 500
(PostgreSQL refuses NUL in text)."""

import pytest
from django.conf import settings

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

# The addresses that answered 500 before (issue 11).
NUL_ADDRESSES = [
    "/agencies/%00/",
    "/agencies/%00/export/",
    "/workplan/calendar/agency/%00.ics",
    "/activities/%00/history/",
    "/activities/focal-point-options/?q=a%00b",
    "/countries/VN/?page=%00",
]


@pytest.mark.parametrize("url", NUL_ADDRESSES)
def test_it_refuses_a_nul_byte_in_the_address(secretariat_client, url):
    response = secretariat_client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_it_refuses_a_nul_byte_in_a_form(client):
    response = client.post("/accounts/login/", {"username": "ana\x00", "password": "x"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_it_refuses_a_nul_byte_in_a_cookie(client):
    client.cookies[settings.SESSION_COOKIE_NAME] = "a" * 31 + "\x00"
    assert client.get("/").status_code == 400


def test_it_refuses_an_over_long_query_value_and_names_it(client):
    response = client.get("/", {"q": "x" * 1001})
    assert response.status_code == 400
    assert "“q”" in response.content.decode()


def test_it_refuses_an_over_long_part_of_the_address(client):
    response = client.get("/static/" + "x" * 256)
    assert response.status_code == 400
    assert "255" in response.content.decode()


def test_it_accepts_a_long_search_within_the_limit(client):
    assert client.get("/matrix/", {"q": "x" * 1000}).status_code == 200


def test_it_counts_an_over_long_login_as_a_failure(client):
    response = client.post("/accounts/login/", {"username": "x" * 5000, "password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].errors

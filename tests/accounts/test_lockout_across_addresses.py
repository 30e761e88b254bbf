"""An account is paused after five wrong passwords, wherever they come from."""

import pytest

from tests.accounts.logins import PASSWORD, attempt, logged_in
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def ana(db):
    return make_user("ana", email="Ana.Gomez@example.org")


def test_it_pauses_an_account_guessed_from_as_many_addresses_as_tries(client, settings, ana):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ana", address=f"198.51.100.{n + 1}")
    response = attempt(client, "ana", PASSWORD, address="198.51.100.99")
    assert response.status_code == 429
    assert not logged_in(client)


def test_it_gives_a_second_address_no_fresh_tries(client, settings, ana):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ana", address="198.51.100.1")
    response = attempt(client, "ana", PASSWORD, address="192.0.2.7")
    assert response.status_code == 429
    assert not logged_in(client)


def test_it_pauses_an_unknown_login_the_same_way(client, settings, ana):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "nobody@example.org", address=f"198.51.100.{n + 1}")
    response = attempt(client, "nobody@example.org", address="192.0.2.7")
    assert response.status_code == 429
    assert "Logging in with this account is paused" in response.content.decode()

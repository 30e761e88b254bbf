"""One address trying many accounts is paused, however many accounts it tries."""

import pytest

from tests.accounts.logins import PASSWORD, attempt, logged_in
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

GUESSER = "198.51.100.66"


@pytest.fixture
def bea(db):
    return make_user("bea", email="bea@example.org")


def spray(client, settings, count: int | None = None) -> None:
    """One wrong password for each of many accounts, all from the guesser's address."""
    for n in range(count or settings.SPF_LOGIN_ADDRESS_FAILURE_LIMIT):
        attempt(client, f"person{n}@example.org", address=GUESSER)


def test_it_pauses_an_address_that_guesses_at_many_accounts(client, settings, bea):
    spray(client, settings)
    response = attempt(client, "bea@example.org", PASSWORD, address=GUESSER)
    assert response.status_code == 429
    assert "Logging in from this address is paused" in response.content.decode()


def test_it_lets_the_same_account_in_from_another_address(client, settings, bea):
    spray(client, settings)
    response = attempt(client, "bea@example.org", PASSWORD, address="192.0.2.7")
    assert response.status_code == 302
    assert logged_in(client)


def test_it_does_not_pause_an_office_for_a_few_typos(client, settings, bea):
    spray(client, settings, settings.SPF_LOGIN_ADDRESS_FAILURE_LIMIT - 1)
    response = attempt(client, "bea@example.org", PASSWORD, address=GUESSER)
    assert response.status_code == 302


def test_it_keeps_the_address_count_when_the_guesser_logs_in_with_their_own_account(
    client, settings, bea
):
    spray(client, settings, settings.SPF_LOGIN_ADDRESS_FAILURE_LIMIT - 1)
    assert attempt(client, "bea@example.org", PASSWORD, address=GUESSER).status_code == 302
    client.logout()
    attempt(client, "someone-else@example.org", address=GUESSER)
    response = attempt(client, "bea@example.org", PASSWORD, address=GUESSER)
    assert response.status_code == 429

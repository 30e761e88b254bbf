"""Behind trusted proxies, failures are counted under the client's address, not the proxy's,
and an address the client wrote into X-Forwarded-For itself is never believed."""

import pytest

from tests.accounts.logins import PASSWORD, attempt, through_proxy
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def behind_one_proxy(settings):
    settings.SPF_TRUSTED_PROXIES = 1


@pytest.fixture
def bea(db):
    return make_user("bea", email="bea@example.org")


def test_it_does_not_pause_everyone_behind_the_proxy_for_one_guesser(
    client, settings, behind_one_proxy, bea
):
    for n in range(settings.SPF_LOGIN_ADDRESS_FAILURE_LIMIT):
        through_proxy(client, f"person{n}@example.org", forwarded="198.51.100.66")
    response = through_proxy(client, "bea@example.org", PASSWORD, forwarded="192.0.2.7")
    assert response.status_code == 302


def test_it_pauses_the_guesser_behind_the_proxy(client, settings, behind_one_proxy, bea):
    for n in range(settings.SPF_LOGIN_ADDRESS_FAILURE_LIMIT):
        through_proxy(client, f"person{n}@example.org", forwarded="198.51.100.66")
    response = through_proxy(client, "bea@example.org", PASSWORD, forwarded="198.51.100.66")
    assert response.status_code == 429


def test_it_ignores_the_addresses_a_client_forges_in_the_header(
    client, settings, behind_one_proxy, bea
):
    # The proxy appends the real address after whatever the client sent.
    for n in range(settings.SPF_LOGIN_ADDRESS_FAILURE_LIMIT):
        forged = f"192.0.2.{n + 1}, 198.51.100.66"
        through_proxy(client, f"person{n}@example.org", forwarded=forged)
    response = through_proxy(
        client, "bea@example.org", PASSWORD, forwarded="192.0.2.99, 198.51.100.66"
    )
    assert response.status_code == 429


def test_it_believes_no_header_without_a_trusted_proxy(client, settings, bea):
    for n in range(settings.SPF_LOGIN_ADDRESS_FAILURE_LIMIT):
        attempt(
            client,
            f"person{n}@example.org",
            address="198.51.100.66",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n + 1}",
        )
    response = attempt(client, "bea@example.org", PASSWORD, address="198.51.100.66")
    assert response.status_code == 429

"""A username and its email, in any case, are one account: their failures add up."""

import pytest

from tests.accounts.logins import PASSWORD, attempt, logged_in
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def admin_person(db):
    return make_user("admin", email="Admin@Example.org")


def test_it_counts_the_username_and_the_email_together(client, settings, admin_person):
    # The probe of issue 11: wrong as "admin", then wrong as the email, then the right one.
    logins = ["admin", "admin@example.org"]
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, logins[n % 2], address=f"198.51.100.{n + 1}")
    response = attempt(client, "admin", PASSWORD, address="192.0.2.7")
    assert response.status_code == 429
    assert not logged_in(client)


def test_it_counts_any_case_of_the_email_and_username_as_one(client, settings, admin_person):
    logins = ["ADMIN@EXAMPLE.ORG", "Admin", "admin@example.ORG", "ADMIN", "aDmin@example.org"]
    for login in logins[: settings.AXES_FAILURE_LIMIT]:
        attempt(client, login)
    response = attempt(client, "admin@example.org", PASSWORD, address="192.0.2.7")
    assert response.status_code == 429
    assert not logged_in(client)


def test_it_still_lets_the_person_in_after_four_mistakes_in_all(client, settings, admin_person):
    logins = ["admin", "ADMIN@example.org"]
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, logins[n % 2])
    response = attempt(client, "admin@example.org", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)

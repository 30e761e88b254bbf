"""A person whose account is paused sets a new password by email and logs in at once."""

import pytest
from django.urls import reverse

from tests.accounts.helpers import link_path
from tests.accounts.logins import PASSWORD, attempt, logged_in
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

NEW_PASSWORD = "a-new-Passphrase-42"


@pytest.fixture
def paused_ana(client, settings):
    ana = make_user("ana", email="ana@example.org")
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ana@example.org", address=f"198.51.100.{n + 1}")
    assert attempt(client, "ana@example.org", PASSWORD).status_code == 429
    return ana


def reset_by_email(client, mailoutbox, email: str) -> None:
    client.post(reverse("password_reset"), {"email": email})
    # The emailed link redirects to the form (Django hides the token from the address bar).
    form_page = client.get(link_path(mailoutbox[-1]), follow=True)
    data = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    response = client.post(form_page.redirect_chain[-1][0], data)
    assert response.status_code == 302, response.content.decode()


def test_it_lifts_the_pause_when_the_password_is_reset_by_email(client, mailoutbox, paused_ana):
    reset_by_email(client, mailoutbox, "ana@example.org")
    response = attempt(client, "ana@example.org", NEW_PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_it_offers_the_reset_on_the_pause_page(client, paused_ana):
    response = attempt(client, "ana@example.org", PASSWORD)
    assert response.status_code == 429
    assert reverse("password_reset") in response.content.decode()


def test_it_keeps_the_pause_without_a_reset(client, paused_ana):
    response = attempt(client, "ana", PASSWORD, address="192.0.2.7")
    assert response.status_code == 429
    assert not logged_in(client)

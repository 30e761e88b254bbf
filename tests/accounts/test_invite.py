import pytest
from django.contrib.auth.models import User

from accounts.models import SECRETARIAT_GROUP
from tests.accounts.helpers import html_body, invite

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_creates_the_account_with_profile_and_memberships(
    secretariat_client, agency_a, agency_b
):
    invite(secretariat_client, agencies=[agency_a.pk, agency_b.pk], language="es")
    user = User.objects.get(email="ana.gomez@example.org")
    assert user.username == "ana.gomez@example.org"
    assert not user.has_usable_password()
    assert user.profile.language == "es"
    assert set(user.profile.agencies.all()) == {agency_a, agency_b}


def test_it_sends_one_invitation_email_to_the_invitee(secretariat_client, mailoutbox):
    response = invite(secretariat_client)
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["ana.gomez@example.org"]]
    assert "/accounts/invitation/" in mailoutbox[0].body


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_it_writes_the_email_in_the_invitees_language(secretariat_client, mailoutbox, language):
    invite(secretariat_client, language=language)
    message = mailoutbox[0]
    assert message.extra_headers["Content-Language"] == language
    assert f'<html lang="{language}">' in html_body(message)


def test_it_makes_a_secretariat_invitee_staff_in_the_group(secretariat_client):
    invite(secretariat_client, secretariat="on")
    user = User.objects.get(email="ana.gomez@example.org")
    assert user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == [SECRETARIAT_GROUP]


def test_it_refuses_an_email_that_already_has_an_account(secretariat_client, member_a, mailoutbox):
    before = User.objects.count()
    response = invite(secretariat_client, email=member_a.email.upper())
    assert response.status_code == 200
    assert "already has an account" in response.content.decode()
    assert User.objects.count() == before
    assert mailoutbox == []


def test_it_names_the_missing_field(secretariat_client):
    response = invite(secretariat_client, email="not-an-email", first_name="")
    errors = response.context["form"].errors
    assert set(errors) == {"email", "first_name"}
    assert not User.objects.filter(username="not-an-email").exists()


def test_it_makes_no_account_when_the_email_cannot_be_sent(secretariat_client, settings):
    # A mail server that refuses connections (nothing listens on port 9 of loopback).
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    response = invite(secretariat_client)
    assert "could not be sent" in response.content.decode()
    assert not User.objects.filter(email="ana.gomez@example.org").exists()

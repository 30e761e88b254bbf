import datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts import invitations
from tests.accounts.helpers import link_path

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

INVALID = "This invitation link has expired or has already been used."
NEW_PASSWORD = {"new_password1": "a-long-Passphrase-42", "new_password2": "a-long-Passphrase-42"}


def invite(email: str = "ana.gomez@example.org") -> str:
    """Invite someone; the path of the link they got by email."""
    invitations.invite(invitations.Invitee(email=email, first_name="Ana"))
    return link_path(mail.outbox[-1])


@pytest.fixture
def link(db, mailoutbox) -> str:
    return invite()


def invitee() -> User:
    return User.objects.get(email="ana.gomez@example.org")


def test_it_shows_the_set_password_form(client, link):
    response = client.get(link)
    assert response.status_code == 200
    assert "new_password1" in response.context["form"].fields


def test_it_sets_the_password_and_logs_the_person_in(client, link):
    response = client.post(link, NEW_PASSWORD, follow=True)
    assert invitee().check_password(NEW_PASSWORD["new_password1"])
    assert response.context["user"] == invitee()
    assert "Welcome" in response.content.decode()


def test_it_works_only_once(client, link):
    client.post(link, NEW_PASSWORD)
    client.logout()
    response = client.post(
        link, {"new_password1": "another-Pass-99x", "new_password2": "another-Pass-99x"}
    )
    assert response.status_code == 400
    assert INVALID in response.content.decode()
    assert invitee().check_password(NEW_PASSWORD["new_password1"])


def test_it_expires_after_the_reset_timeout(client, link, settings):
    later = timezone.now() + datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    with time_machine.travel(later, tick=False):
        response = client.post(link, NEW_PASSWORD)
    assert INVALID in response.content.decode()
    assert not invitee().has_usable_password()


def test_it_still_works_just_before_the_timeout(client, link, settings):
    later = timezone.now() + datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT - 60)
    with time_machine.travel(later, tick=False):
        response = client.get(link)
    assert response.status_code == 200
    assert "form" in response.context


@pytest.mark.parametrize(
    ("uidb64", "token"),
    [("not-base64!", "abc-def"), ("MTIzNDU2Nzg5", "abc-def"), ("", "x"), ("8J-YgA", "a-b")],
)
def test_it_answers_a_malformed_link_plainly(client, link, uidb64, token):
    url = reverse("accept_invitation", args=[uidb64 or "AA", token])
    response = client.post(url, NEW_PASSWORD)
    assert response.status_code == 400
    assert INVALID in response.content.decode()
    assert not invitee().has_usable_password()


def test_it_refuses_the_token_of_another_person(client, link):
    ana_token = link.split("/")[-2]
    bo_uid = invite("bo@example.org").split("/")[-3]
    response = client.get(reverse("accept_invitation", args=[bo_uid, ana_token]))
    assert response.status_code == 400
    assert not User.objects.get(email="bo@example.org").has_usable_password()


def test_it_applies_the_password_validators(client, link):
    response = client.post(link, {"new_password1": "12345678", "new_password2": "12345678"})
    assert "new_password2" in response.context["form"].errors
    assert not invitee().has_usable_password()


def test_it_refuses_a_deactivated_account(client, link):
    User.objects.filter(email="ana.gomez@example.org").update(is_active=False)
    response = client.get(link)
    assert response.status_code == 400
    assert INVALID in response.content.decode()


def test_it_takes_a_member_to_their_agencys_rows(client, mailoutbox, agency_a):
    try:
        my_rows = reverse("activities:my_rows")
    except NoReverseMatch:
        pytest.skip('no "My agency\'s rows" page yet')
    invitations.invite(
        invitations.Invitee(email="m@example.org", first_name="M", agencies=(agency_a,))
    )
    response = client.post(link_path(mailoutbox[-1]), NEW_PASSWORD)
    assert response["Location"] == my_rows
    assert User.objects.get(email="m@example.org").has_usable_password()


def test_it_takes_a_person_without_agency_to_the_matrix(client, link):
    response = client.post(link, NEW_PASSWORD)
    assert response["Location"] == reverse("activities:matrix")

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from accounts import invitations
from tests.accounts.helpers import html_body, link_path
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

NEW = "a-fresh-Passphrase-7"


def ask_reset(client, email: str):
    return client.post(reverse("password_reset"), {"email": email})


def test_it_sends_a_reset_email_in_the_persons_language(client, mailoutbox):
    person = make_user("ana", email="ana@example.org")
    person.profile.language = "fr"
    person.profile.save()
    response = ask_reset(client, "ANA@example.org")
    assert response["Location"] == reverse("password_reset_done")
    assert [message.to for message in mailoutbox] == [["ana@example.org"]]
    assert '<html lang="fr">' in html_body(mailoutbox[0])


def test_it_sets_a_new_password_from_the_link(client, mailoutbox):
    person = make_user("ana", email="ana@example.org")
    ask_reset(client, person.email)
    form_url = client.get(link_path(mailoutbox[0]))["Location"]
    response = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert response["Location"] == reverse("password_reset_complete")
    assert User.objects.get(pk=person.pk).check_password(NEW)


def test_it_refuses_the_reset_link_a_second_time(client, mailoutbox):
    person = make_user("ana", email="ana@example.org")
    ask_reset(client, person.email)
    link = link_path(mailoutbox[0])
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    response = client.get(link, follow=True)
    assert "has expired or has already been used" in response.content.decode()


def test_it_tells_nothing_about_unknown_addresses(client, mailoutbox):
    response = ask_reset(client, "nobody@example.org")
    assert response["Location"] == reverse("password_reset_done")
    assert mailoutbox == []


def test_it_serves_an_invitee_who_lost_the_invitation(client, mailoutbox):
    invitations.invite(invitations.Invitee(email="bo@example.org", first_name="Bo"))
    ask_reset(client, "bo@example.org")
    assert len(mailoutbox) == 2
    assert "/accounts/password-reset/" in mailoutbox[1].body

"""Who reaches which accounts page, persona by persona."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ADMIN_ONLY = ["admin:auth_user_invite", "admin:auth_user_changelist"]
OPEN_PAGES = ["login", "password_reset", "password_reset_done", "password_reset_complete"]

# Non-staff personas meet the admin's login page; the secretariat and superusers get in.
ADMIN_MATRIX = [
    ("anonymous", 302),
    ("viewer", 302),
    ("member_a", 302),
    ("member_b", 302),
    ("secretariat", 200),
    ("superuser", 200),
]
PERSONAS = [persona for persona, _status in ADMIN_MATRIX]


@pytest.mark.parametrize("url_name", ADMIN_ONLY)
@pytest.mark.parametrize(("persona_client", "expected"), ADMIN_MATRIX, indirect=["persona_client"])
def test_it_opens_the_people_admin_to_the_secretariat_only(persona_client, expected, url_name):
    response = persona_client.get(reverse(url_name))
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("url_name", OPEN_PAGES)
@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_it_opens_the_login_and_reset_pages_to_everyone(persona_client, url_name):
    response = persona_client.get(reverse(url_name))
    assert response.status_code == 200


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_it_answers_a_bad_invitation_link_to_everyone_without_error(persona_client):
    response = persona_client.get(reverse("accept_invitation", args=["Mw", "bad-token"]))
    assert response.status_code == 400
    assert "expired or has already been used" in response.content.decode()


def test_it_refuses_the_invite_page_to_staff_outside_the_secretariat(client):
    client.force_login(make_user("clerk", is_staff=True))
    response = client.get(reverse("admin:auth_user_invite"))
    assert response.status_code == 403


def test_it_refuses_an_invitation_posted_by_staff_outside_the_secretariat(client, mailoutbox):
    client.force_login(make_user("clerk", is_staff=True))
    response = client.post(
        reverse("admin:auth_user_invite"),
        {"email": "x@example.org", "first_name": "X", "language": "en"},
    )
    assert response.status_code == 403
    assert not User.objects.filter(email="x@example.org").exists()
    assert mailoutbox == []


@pytest.mark.parametrize(("persona_client", "expected"), ADMIN_MATRIX, indirect=["persona_client"])
def test_it_lets_only_the_secretariat_resend_invitations(persona_client, expected, mailoutbox, db):
    waiting = User.objects.create_user("waiting", "waiting@example.org")
    persona_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "resend_invitation", "_selected_action": [waiting.pk]},
    )
    assert len(mailoutbox) == (1 if expected == 200 else 0)

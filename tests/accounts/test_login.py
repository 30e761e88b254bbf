import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

PASSWORD = "test-password-123"


@pytest.fixture
def person(db):
    return make_user("ana", email="Ana.Gomez@example.org")


@pytest.mark.parametrize("login", ["ana.gomez@example.org", "ANA.GOMEZ@EXAMPLE.ORG", " ana"])
def test_it_logs_in_with_the_email_in_any_case_or_the_username(client, person, login):
    response = client.post(reverse("login"), {"username": login.strip(), "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("login")).context["user"] == person


def test_it_labels_the_login_field_email(client):
    response = client.get(reverse("login"))
    assert response.context["form"].fields["username"].label == "Email"
    assert 'inputmode="email"' in response.content.decode()


def test_it_says_plainly_when_email_and_password_do_not_match(client, person):
    response = client.post(reverse("login"), {"username": person.email, "password": "nope"})
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()


def test_it_logs_out_only_by_post(client, person):
    client.force_login(person)
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("login")).context["user"] == person
    client.post(reverse("logout"))
    assert not client.get(reverse("login")).context["user"].is_authenticated


def test_it_keeps_csrf_on_the_login_form(person):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("login"), {"username": person.email, "password": PASSWORD})
    assert response.status_code == 403

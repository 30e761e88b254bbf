"""A person replaces their calendar address from "My deadlines"; a new password replaces it
too. The old address stops at once."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable
from workplan.feeds import feed_token

REPLACE = reverse("workplan:replace_calendar_feed")


def feed_url(token: str) -> str:
    return reverse("workplan:user_calendar", args=[token])


@pytest.fixture
def member(db):
    agency = make_agency("ILO")
    make_deliverable(datetime.date(2030, 6, 1), agencies=(agency,))
    return make_member(agency, username="mina")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def test_it_stops_the_old_address_once_replaced(member_client, member):
    old = feed_token(member)
    member_client.post(REPLACE)
    assert member_client.get(feed_url(old)).status_code == 404
    assert member_client.get(feed_url(feed_token(member))).status_code == 200


def test_it_shows_the_new_address_on_my_deadlines(member_client, member):
    old = feed_token(member)
    page = member_client.post(REPLACE, follow=True).content.decode()
    assert feed_url(feed_token(member)) in page
    assert feed_url(old) not in page


def test_it_replaces_the_address_when_the_password_changes(member):
    old = feed_token(member)
    member.set_password("a-new-password-42")
    member.save()
    assert feed_token(member) != old


def test_it_keeps_the_address_when_other_fields_change(member):
    old = feed_token(member)
    member.first_name = "Mina"
    member.save()
    assert feed_token(member) == old


def test_it_replaces_only_on_post(member_client, member):
    old = feed_token(member)
    assert member_client.get(REPLACE).status_code == 405
    assert feed_token(member) == old


def test_it_refuses_a_post_without_the_csrf_token(member, db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    old = feed_token(member)
    assert client.post(REPLACE).status_code == 403
    assert feed_token(member) == old


def test_it_sends_anonymous_visitors_to_log_in(client, db):
    response = client.post(REPLACE)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_it_refuses_an_unknown_token(client, db):
    assert client.get(feed_url("not-a-token")).status_code == 404


def test_it_keeps_the_address_when_django_upgrades_the_password_hash(member):
    from django.contrib.auth.hashers import make_password

    member.password = make_password("same-password-42", hasher="pbkdf2_sha256")
    member.save()
    old, hashed = feed_token(member), member.password
    assert member.check_password("same-password-42")  # rehashed with the preferred hasher
    assert (member.password != hashed, feed_token(member)) == (True, old)

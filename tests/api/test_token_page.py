"""/api/token/: a person sees their API token, makes it, or replaces it."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.outcomes import LOGIN, outcome

pytestmark = pytest.mark.django_db

URL = reverse("api:token")


def test_it_sends_a_visitor_to_log_in(client):
    assert outcome(client.get(URL)) == LOGIN
    assert outcome(client.post(URL)) == LOGIN


def test_it_makes_a_token_on_request(viewer_client, viewer):
    response = viewer_client.post(URL, follow=True)
    key = Token.objects.get(user=viewer).key
    assert key in response.content.decode()


def test_it_replaces_the_token_and_the_old_one_stops_working(viewer_client, viewer):
    old = Token.objects.create(user=viewer).key
    viewer_client.post(URL)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {old}")
    assert api.get(reverse("api:country-list")).status_code == 401
    assert Token.objects.get(user=viewer).key != old


def test_it_shows_only_the_persons_own_token(viewer_client, viewer, member_a):
    other = Token.objects.create(user=member_a).key
    response = viewer_client.get(URL)
    assert response.status_code == 200
    assert other not in response.content.decode()


def test_it_needs_the_csrf_token_to_replace_it(viewer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(viewer)
    assert client.post(URL).status_code == 403
    assert not Token.objects.filter(user=viewer).exists()

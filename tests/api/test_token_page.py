"""/api/token/: a person makes or replaces their API token; its key is shown once and kept
only as a digest; `Authorization: Token <key>` keeps working; tokens made before the hub
hashed them are hashed in place by the migration and keep working."""

import hashlib
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from api.models import ApiToken
from api.tokens import issue
from tests.outcomes import LOGIN, outcome

pytestmark = pytest.mark.django_db

URL = reverse("api:token")
COUNTRIES = reverse("api:country-list")


def reads_with(key: str) -> int:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api.get(COUNTRIES).status_code


def shown_key(response) -> str:
    text = response.content.decode()
    return text.split("Authorization: Token ")[1].split("<")[0]


def test_it_sends_a_visitor_to_log_in(client):
    assert outcome(client.get(URL)) == LOGIN
    assert outcome(client.post(URL)) == LOGIN


def test_it_shows_the_new_key_once_and_stores_only_its_digest(viewer_client, viewer):
    key = shown_key(viewer_client.post(URL))
    assert reads_with(key) == 200
    stored = ApiToken.objects.get(user=viewer)
    assert stored.digest == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {stored.digest, stored.prefix}
    later = viewer_client.get(URL).content.decode()
    assert key not in later
    assert f"<code>{key[:6]}</code>" in later


def test_it_replaces_the_token_and_the_old_one_stops_working(viewer_client, viewer):
    old = issue(viewer)
    new = shown_key(viewer_client.post(URL))
    assert (reads_with(old), reads_with(new)) == (401, 200)
    assert ApiToken.objects.filter(user=viewer).count() == 1


def test_it_refuses_an_inactive_persons_key(viewer):
    key = issue(viewer)
    viewer.is_active = False
    viewer.save()
    assert reads_with(key) == 401


def test_it_needs_the_csrf_token_to_replace_it(viewer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(viewer)
    assert client.post(URL).status_code == 403
    assert not ApiToken.objects.filter(user=viewer).exists()


def test_the_migration_hashes_clear_tokens_in_place(viewer):
    """A table of DRF's clear keys, as a database made before the move holds it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, "
            "created timestamp with time zone NOT NULL, user_id integer NOT NULL)"
        )
        cursor.execute("INSERT INTO authtoken_token VALUES (%s, now(), %s)", ["a" * 40, viewer.pk])
    migration = importlib.import_module("api.migrations.0002_hash_existing_tokens")
    with connection.schema_editor() as editor:
        migration.hash_existing_tokens(apps, editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM authtoken_token")
        assert cursor.fetchone() == (0,)
    assert reads_with("a" * 40) == 200
    assert ApiToken.objects.get(user=viewer).prefix == "aaaaaa"

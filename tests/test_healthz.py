"""/healthz reports the database and the broker, for load balancers and Docker."""

import json
import os
import socket

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_broker(url: str):
    return override_settings(CELERY_BROKER_URL=url, CELERY_TASK_ALWAYS_EAGER=False)


@pytest.mark.redis
@pytest.mark.django_db
def test_it_answers_ok_for_the_database_and_the_broker(client):
    with with_broker(REDIS_URL):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok", "static": "not configured"}


@pytest.mark.django_db
def test_it_stays_healthy_when_tasks_run_in_process(client):
    with override_settings(CELERY_BROKER_URL="memory://", CELERY_TASK_ALWAYS_EAGER=True):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["broker"] == "not configured"


@pytest.mark.django_db
def test_it_answers_503_naming_the_broker_when_it_is_down(client):
    with with_broker(f"redis://127.0.0.1:{closed_port()}/0"):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error: ")
    assert response.json()["database"] == "ok"


@pytest.mark.postgres
def test_it_answers_503_naming_the_database_when_it_is_down(client, django_db_blocker):
    # A real refused connection: the default database pointed at a port with no server.
    settings_dict = connection.settings_dict
    saved_port = settings_dict["PORT"]
    with django_db_blocker.unblock():
        connection.close()
        settings_dict["PORT"] = str(closed_port())
        try:
            response = client.get(reverse("healthz"))
        finally:
            connection.close()
            settings_dict["PORT"] = saved_port
    assert response.status_code == 503
    assert response.json()["database"].startswith("error: ")


@pytest.mark.django_db
@override_settings(SPF_PRIVATE_SITE=True)
def test_it_needs_no_login_on_a_private_site(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert "database" in response.json()


@pytest.mark.django_db
def test_it_is_never_cached(client):
    response = client.get(reverse("healthz"))
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}


@pytest.mark.django_db
def test_it_answers_503_without_the_static_manifest(client, settings, tmp_path):
    """collectstatic never ran: every page would be a 500, so the instance cannot serve."""
    settings.STORAGES = MANIFEST_STORAGE
    settings.STATIC_ROOT = tmp_path
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert "run collectstatic" in response.json()["static"]


@pytest.mark.django_db
def test_it_answers_ok_with_the_manifest_collectstatic_writes(client, settings, tmp_path):
    settings.STORAGES = MANIFEST_STORAGE
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "css").mkdir()
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "paths": {"css/hub.css": "css/hub.0123456789ab.css"}})
    )
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["static"] == "ok"

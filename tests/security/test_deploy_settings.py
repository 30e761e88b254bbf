"""What production mode (DEBUG=0) must say or refuse: SITE_URL unset is a deploy check
error, the language cookie is Secure and SameSite, every answer carries a
Permissions-Policy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "deploy-test-0123456789abcdefghijklmnopqrstuvwxyz-0123456789",
    "ALLOWED_HOSTS": "hub.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for the whole run (when it is
    # collected), which the deploy check rightly refuses: production never has it.
    leave_out = ("SITE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environ = {k: v for k, v in os.environ.items() if k not in leave_out}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**environ, **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_site_url_unset_is_an_error_of_the_deploy_check(settings):
    settings.DEBUG = False
    settings.SITE_URL_FROM_ENVIRONMENT = False
    settings.SITE_URL = "http://127.0.0.1:8000"  # the default (a debug run may follow its host)
    errors = [e for e in run_checks(include_deployment_checks=True) if e.id == "spf.E001"]
    assert len(errors) == 1
    assert "http://127.0.0.1:8000" in errors[0].msg
    settings.SITE_URL_FROM_ENVIRONMENT = True
    assert not [e for e in run_checks(include_deployment_checks=True) if e.id == "spf.E001"]


def test_manage_check_deploy_fails_without_site_url_and_passes_with_it():
    refused = manage("check", "--deploy", "--fail-level", "ERROR")
    assert refused.returncode != 0
    assert "spf.E001" in refused.stderr + refused.stdout
    passed = manage(
        "check", "--deploy", "--fail-level", "ERROR", SITE_URL="https://hub.example.org"
    )
    assert passed.returncode == 0, passed.stderr


def test_the_language_cookie_is_secure_and_same_site_in_production():
    shown = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_SAMESITE, s.LANGUAGE_COOKIE_HTTPONLY)",
        SITE_URL="https://hub.example.org",
    )
    assert shown.stdout.split()[-3:] == ["True", "Lax", "True"], shown.stderr


@pytest.mark.django_db
def test_the_language_switch_sets_the_cookie_same_site(client):
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    cookie = response.cookies["django_language"]
    assert (cookie.value, cookie["samesite"], cookie["httponly"]) == ("fr", "Lax", True)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/matrix/", "/healthz", "/api/v1/", "/accounts/login/"])
def test_every_answer_carries_a_permissions_policy(client, url):
    policy = client.get(url)["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy

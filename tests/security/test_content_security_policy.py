"""Every answer carries a Content-Security-Policy that lets no inline script run."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = [
    ("anonymous", "activities:matrix"),
    ("anonymous", "login"),
    ("anonymous", "activities:matrix_export"),
    ("superuser", "admin:index"),
    ("superuser", "admin:activities_activity_changelist"),
]


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize(("persona", "url_name"), PAGES)
def test_it_sends_the_policy_with_every_page(client, superuser, persona, url_name):
    if persona == "superuser":
        client.force_login(superuser)
    policy = directives(client.get(reverse(url_name)))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"


def hashes(values: list[str]) -> list[str]:
    return [value for value in values if value.startswith("'sha256-")]


def test_it_allows_no_inline_script_but_one_known_handler(client):
    policy = directives(client.get(reverse("activities:matrix")))
    assert "'unsafe-inline'" not in policy["script-src"]
    assert len(hashes(policy["script-src"])) == 1


def test_it_allows_no_inline_style_but_three_known_attributes(client):
    policy = directives(client.get(reverse("activities:matrix")))
    assert "'unsafe-inline'" not in policy["style-src"]
    assert len(hashes(policy["style-src"])) == 3


def test_it_forbids_framing_plugins_and_foreign_forms(client):
    policy = directives(client.get(reverse("activities:matrix")))
    assert policy["frame-ancestors"] == ["'none'"]
    assert (policy["object-src"], policy["form-action"]) == (["'none'"], ["'self'"])


def test_it_sends_the_policy_with_a_not_found_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "script-src 'self'" in response["Content-Security-Policy"]

"""In a dev run without SITE_URL, emails' links lead to where the dev server is reached."""

import pytest
from django.urls import reverse

from tests.accounts.helpers import INVITE_URL

pytestmark = pytest.mark.django_db

FOLLOW = "core.devserver.FollowDevServerMiddleware"


@pytest.fixture
def dev_run(settings):
    settings.DEBUG = True
    settings.SITE_URL_FROM_ENVIRONMENT = False
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    settings.SITE_URL = settings.SITE_URL  # restored after the test: the middleware changes it
    if FOLLOW not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [FOLLOW, *settings.MIDDLEWARE]
    return settings


def invite_from(client, host: str) -> None:
    data = {"email": "ana@example.org", "first_name": "Ana", "language": "en"}
    assert client.post(reverse(INVITE_URL), data, HTTP_HOST=host).status_code == 302


def test_it_links_an_invitation_to_the_dev_server_s_address(
    dev_run, secretariat_client, mailoutbox
):
    invite_from(secretariat_client, "localhost:8765")
    assert "http://localhost:8765/accounts/invitation/" in mailoutbox[0].body


def test_it_keeps_a_site_url_set_in_the_environment(dev_run, secretariat_client, mailoutbox):
    dev_run.SITE_URL_FROM_ENVIRONMENT = True
    dev_run.SITE_URL = "https://hub.example.org"
    invite_from(secretariat_client, "localhost:8765")
    assert "https://hub.example.org/accounts/invitation/" in mailoutbox[0].body

"""A person's pages come in their profile's language once they log in, whatever the browser
asks; the header's switch writes the choice on the profile; visitors get their browser's."""

import pytest
from django.conf import settings

from accounts.language import SESSION_KEY
from tests.week.conftest import log_in

pytestmark = pytest.mark.django_db


def test_it_shows_a_french_member_french_pages_after_login(client, french_member):
    log_in(client, french_member)
    content = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fr">' in content
    assert "Matrice" in content


def test_it_keeps_the_profile_language_over_an_english_cookie(client, french_member):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    log_in(client, french_member)
    response = client.get("/")
    assert '<html lang="fr">' in response.content.decode()
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_it_writes_the_header_switch_on_the_profile(client, french_member):
    log_in(client, french_member)
    client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    french_member.profile.refresh_from_db()
    assert french_member.profile.language == "es"
    assert '<html lang="es">' in client.get("/").content.decode()


def test_it_keeps_the_language_after_logging_out(client, french_member):
    log_in(client, french_member)
    client.get("/")
    client.post("/accounts/logout/")
    assert '<html lang="fr">' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_it_offers_a_first_visitor_the_browser_language(client, db):
    content = client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9,en;q=0.5").content.decode()
    assert '<html lang="es">' in content


def test_it_changes_no_profile_when_a_visitor_switches(client, french_member):
    client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    french_member.profile.refresh_from_db()
    assert french_member.profile.language == "fr"


def test_it_remembers_the_language_in_the_session_at_login(client, french_member):
    log_in(client, french_member)
    assert client.session[SESSION_KEY] == "fr"

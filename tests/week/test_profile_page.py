"""Every logged-in person has a profile page: name, language, digest, agencies, calendar
address, password change; linked from the header."""

import pytest

from workplan.models import CalendarFeed

pytestmark = pytest.mark.django_db


def test_it_sends_a_visitor_to_log_in(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_is_linked_from_the_header(member_a_client):
    assert 'href="/accounts/profile/"' in member_a_client.get("/").content.decode()


def test_it_lists_the_person_s_agencies(member_a_client):
    content = member_a_client.get("/accounts/profile/").content.decode()
    assert "AGA" in content
    assert "Agency A" in content


def test_it_shows_the_calendar_address_and_its_replace_button(member_a_client, member_a):
    content = member_a_client.get("/accounts/profile/").content.decode()
    assert CalendarFeed.objects.get(user=member_a).token in content
    assert 'action="/workplan/my-deadlines/calendar/replace/"' in content


def test_it_links_to_django_s_password_change(member_a_client):
    assert (
        'href="/accounts/password/"' in member_a_client.get("/accounts/profile/").content.decode()
    )
    assert member_a_client.get("/accounts/password/").status_code == 200


def test_it_saves_name_language_and_digest(member_a_client, member_a):
    response = member_a_client.post(
        "/accounts/profile/",
        {"first_name": "Ana", "last_name": "Pérez", "language": "es", "receives_digest": ""},
    )
    assert response.status_code == 302
    member_a.refresh_from_db()
    member_a.profile.refresh_from_db()
    assert (member_a.get_full_name(), member_a.profile.language) == ("Ana Pérez", "es")
    assert member_a.profile.receives_digest is False


def test_it_shows_the_next_page_in_the_language_just_saved(member_a_client):
    member_a_client.post(
        "/accounts/profile/",
        {"first_name": "Ana", "language": "fr", "receives_digest": "on"},
    )
    assert '<html lang="fr">' in member_a_client.get("/accounts/profile/").content.decode()


def test_it_names_the_missing_first_name(member_a_client):
    response = member_a_client.post("/accounts/profile/", {"first_name": "", "language": "en"})
    assert response.status_code == 200
    assert response.context["form"].errors["first_name"]


def test_it_offers_the_browser_s_language_when_the_profile_has_another(member_a_client):
    content = member_a_client.get(
        "/accounts/profile/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9"
    ).content.decode()
    assert 'name="language" value="fr"' in content


def test_it_lets_a_person_change_their_password(member_a_client, member_a):
    response = member_a_client.post(
        "/accounts/password/",
        {
            "old_password": "test-password-123",
            "new_password1": "a-new-long-passphrase-42",
            "new_password2": "a-new-long-passphrase-42",
        },
    )
    assert response["Location"] == "/accounts/password/done/"
    member_a.refresh_from_db()
    assert member_a.check_password("a-new-long-passphrase-42")

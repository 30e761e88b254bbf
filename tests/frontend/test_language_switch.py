import pytest

pytestmark = pytest.mark.django_db


def test_it_switches_the_page_language_to_french(client, world):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="fr">' in client.get("/").content.decode()


def test_it_offers_the_three_languages_with_a_csrf_protected_form(client, world, member_a):
    content = client.get("/").content.decode()
    assert all(f'value="{code}"' in content for code in ("en", "fr", "es"))
    # A visitor's switch only sets their cookie: no token, so the page can be kept in the
    # cache for every visitor (core.public_cache). A person's switch writes their profile.
    assert 'name="csrfmiddlewaretoken"' not in content
    client.force_login(member_a)
    assert 'name="csrfmiddlewaretoken"' in client.get("/").content.decode()


def test_it_shows_localized_country_names(client, world):
    client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    assert "Perú" in client.get("/matrix/").content.decode()

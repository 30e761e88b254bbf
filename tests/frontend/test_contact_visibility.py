import pytest

from tests.factories import make_focal_point

pytestmark = pytest.mark.django_db

PAGES = ["/matrix/", "/countries/VN/", "/agencies/ILO/"]


@pytest.mark.parametrize("url", PAGES)
def test_it_hides_emails_and_phones_from_anonymous_visitors(client, world, url):
    content = client.get(url).content.decode()
    assert world.person.name in content
    assert world.person.email not in content and world.person.phone not in content


@pytest.mark.parametrize("url", PAGES)
def test_it_shows_emails_and_phones_to_logged_in_users(viewer_client, world, url):
    content = viewer_client.get(url).content.decode()
    assert world.person.email in content
    assert world.person.phone in content


def test_it_hides_regional_and_global_contacts_too(client, world):
    geneva = make_focal_point(world.ilo, None, name="Geneva desk", email="geneva@ilo.example.org")
    content = client.get("/countries/VN/").content.decode()
    assert geneva.name in content
    assert geneva.email not in content

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def private(settings):
    settings.SPF_PRIVATE_SITE = True


@pytest.mark.parametrize(
    "url", ["/", "/grid/", "/countries/VN/", "/agencies/ILO/", "/export/?format=csv"]
)
def test_it_sends_anonymous_visitors_to_the_login_page(client, world, private, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_it_lets_logged_in_users_through(viewer_client, world, private):
    response = viewer_client.get("/matrix/")
    assert response.status_code == 200
    assert world.costing.title in response.content.decode()

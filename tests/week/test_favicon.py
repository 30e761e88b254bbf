"""/favicon.ico answers (browsers ask for it on every site), even on a private site."""

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_it_sends_favicon_ico_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.ico")


def test_it_ships_the_icon_files():
    assert finders.find("favicon.ico") and finders.find("favicon.svg")


def test_it_names_the_icon_in_every_page(client):
    assert 'rel="icon"' in client.get("/").content.decode()


def test_it_serves_the_icon_on_a_private_site(client, settings):
    settings.SPF_PRIVATE_SITE = True
    assert client.get("/favicon.ico").status_code == 301

"""Who sees the dashboard and downloads it: members and the secretariat."""

import pytest
from django.urls import reverse

from tests.outcomes import MEMBERS_AND_SECRETARIAT, outcome

pytestmark = pytest.mark.django_db

PAGES = ["overview:dashboard", "overview:dashboard_export"]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(
    ("persona_client", "expected"), MEMBERS_AND_SECRETARIAT, indirect=["persona_client"]
)
def test_it_lets_members_and_the_secretariat_in(persona_client, expected, name):
    assert outcome(persona_client.get(reverse(name))) == expected


PUBLIC = [
    ("overview:home", {}),
    ("overview:map", {}),
    ("overview:map_data", {}),
]


@pytest.mark.parametrize(("name", "params"), PUBLIC)
@pytest.mark.parametrize(
    "persona_client",
    ["anonymous", "viewer", "member_a", "member_b", "secretariat", "superuser"],
    indirect=True,
)
def test_it_shows_the_front_page_and_map_to_everyone(persona_client, name, params):
    assert outcome(persona_client.get(reverse(name), params)) == 200


@pytest.mark.parametrize("name", ["overview:home", "overview:map", "overview:map_data"])
def test_it_asks_for_a_login_on_a_private_site(client, settings, name):
    settings.SPF_PRIVATE_SITE = True
    assert outcome(client.get(reverse(name))) == "login"


def test_it_offers_the_dashboard_in_the_menu_to_members_only(client, member_a, viewer):
    client.force_login(viewer)
    assert reverse("overview:dashboard") not in client.get("/").content.decode()
    client.force_login(member_a)
    assert reverse("overview:dashboard") in client.get("/").content.decode()

"""Who sees the overview's pages and downloads: the dashboard is for members and the
secretariat; the front page, the map, the country brief and the timeline are public
(unless the whole site is private)."""

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
    ("overview:home", []),
    ("overview:map", []),
    ("overview:map_data", []),
    ("overview:country_brief", ["VN"]),
    ("overview:country_results", ["VN"]),
    ("overview:results_people", []),
    ("overview:results_laws", []),
    ("workplan:timeline", []),
]


@pytest.mark.parametrize(("name", "args"), PUBLIC)
@pytest.mark.parametrize(
    "persona_client",
    ["anonymous", "viewer", "member_a", "member_b", "secretariat", "superuser"],
    indirect=True,
)
def test_it_shows_the_public_pages_to_everyone(persona_client, name, args):
    from tests.factories import make_country

    make_country("VN")
    assert outcome(persona_client.get(reverse(name, args=args))) == 200


@pytest.mark.parametrize(("name", "args"), PUBLIC)
def test_it_asks_for_a_login_on_a_private_site(client, settings, name, args):
    settings.SPF_PRIVATE_SITE = True
    assert outcome(client.get(reverse(name, args=args))) == "login"


def test_it_offers_the_dashboard_in_the_menu_to_members_only(client, member_a, viewer):
    client.force_login(viewer)
    assert reverse("overview:dashboard") not in client.get("/").content.decode()
    client.force_login(member_a)
    assert reverse("overview:dashboard") in client.get("/").content.decode()

"""Who sees what: the board is public, my deadlines needs a login, feeds follow their rules."""

import datetime

import pytest
from django.urls import reverse

from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 6, 1)
PERSONAS = ["anonymous", "viewer", "member_a", "member_b", "secretariat", "superuser"]


@pytest.fixture(autouse=True)
def plan(agency_a, agency_b):
    make_deliverable(DUE, agencies=(agency_a,), title="Deliverable of A")
    make_deliverable(DUE, agencies=(agency_b,), title="Deliverable of B")


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_it_shows_the_board_to_everyone(persona_client):
    response = persona_client.get(reverse("workplan:board_year", args=[2030]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("persona_client", "expected"),
    [
        ("anonymous", 302),
        ("viewer", 200),
        ("member_a", 200),
        ("member_b", 200),
        ("secretariat", 200),
        ("superuser", 200),
    ],
    indirect=["persona_client"],
)
def test_it_needs_a_login_for_my_deadlines(persona_client, expected: int):
    assert persona_client.get(reverse("workplan:my_deadlines")).status_code == expected


@pytest.mark.parametrize(
    ("persona_client", "mine", "theirs"),
    [
        ("member_a", "Deliverable of A", "Deliverable of B"),
        ("member_b", "Deliverable of B", "Deliverable of A"),
    ],
    indirect=["persona_client"],
)
def test_it_lists_only_my_agencys_deadlines(persona_client, mine: str, theirs: str):
    page = persona_client.get(reverse("workplan:my_deadlines")).content.decode()
    assert mine in page
    assert theirs not in page


@pytest.mark.parametrize("persona_client", ["anonymous", "member_b"], indirect=True)
def test_it_serves_the_agency_feed_publicly(persona_client):
    url = reverse("workplan:agency_calendar", args=["AGA"])
    assert persona_client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("persona_client", "expected"),
    # Calendar apps cannot follow a login redirect: on a private site an anonymous fetch of
    # an agency feed is simply not found, while logged-in people and per-user links work.
    [("anonymous", 404), ("member_b", 200)],
    indirect=["persona_client"],
)
def test_it_keeps_the_agency_feed_for_users_on_a_private_site(
    persona_client, settings, expected: int
):
    settings.SPF_PRIVATE_SITE = True
    url = reverse("workplan:agency_calendar", args=["AGA"])
    assert persona_client.get(url).status_code == expected

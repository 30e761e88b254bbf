"""The current update round's completion on the dashboard."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rounds.models import Outcome
from rounds.services import answer_row, close_round, open_round, submit_part
from tests.factories import Role, make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def update_round(secretariat, agency_a, agency_b, member_a):
    rows = [make_activity(agencies={agency_a: Role.LEAD}) for _ in range(3)]
    make_activity(agencies={agency_b: Role.LEAD})
    update_round = open_round(
        secretariat,
        title="Mid-year update",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
        agencies=[agency_a, agency_b],
    )
    part_a = update_round.parts.get(agency=agency_a)
    answer_row(member_a, part_a, rows[0].pk, Outcome.CONFIRMED)
    answer_row(member_a, part_a, rows[1].pk, Outcome.EDITED)
    submit_part(member_a, part_a)
    return update_round


def test_it_gives_the_round_s_totals(member_a_client, update_round):
    completion = member_a_client.get(reverse("overview:dashboard")).context["dashboard"].round
    assert (completion.submitted, completion.agencies) == (1, 2)
    assert (completion.answered, completion.rows, completion.percent) == (2, 4, 50)


def test_it_shows_each_agency_s_progress_to_the_secretariat_only(
    client, member_a, secretariat, update_round
):
    client.force_login(member_a)
    assert (
        "Rows answered, by agency" not in client.get(reverse("overview:dashboard")).content.decode()
    )
    client.force_login(secretariat)
    assert "Rows answered, by agency" in client.get(reverse("overview:dashboard")).content.decode()


def test_it_prefers_the_open_round_to_a_later_closed_one(
    member_a_client, secretariat, update_round
):
    later = open_round(secretariat, title="Closed one", deadline=timezone.localdate(), agencies=[])
    close_round(later)
    completion = member_a_client.get(reverse("overview:dashboard")).context["dashboard"].round
    assert completion.round == update_round


def test_it_says_when_no_round_was_ever_opened(member_a_client):
    response = member_a_client.get(reverse("overview:dashboard"))
    assert response.context["dashboard"].round is None
    assert "No update round has been opened yet." in response.content.decode()

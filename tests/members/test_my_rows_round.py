import pytest
from django.urls import reverse

from rounds.models import Outcome, RoundAgency, RowConfirmation, UpdateRound

pytestmark = pytest.mark.postgres

URL = reverse("activities:my_rows")


@pytest.fixture
def part(agency_a):
    update_round = UpdateRound.objects.create(title="Call 2025", deadline="2030-05-31")
    return RoundAgency.objects.create(round=update_round, agency=agency_a)


def test_it_shows_the_open_round_in_a_banner(member_a_client, activity_a, part):
    html = member_a_client.get(URL).content.decode()
    assert "Call 2025" in html
    assert "0 of 1 row answered" in html


def test_it_says_which_rows_wait_for_an_answer(member_a_client, activity_a, part, country):
    from tests.factories import make_activity

    other = make_activity(country, {part.agency: "partner"})
    RowConfirmation.objects.create(
        round=part.round, agency=part.agency, activity=other, outcome=Outcome.CONFIRMED
    )
    rows = {row.pk: row for row in member_a_client.get(URL).context["rows"]}
    assert [a.label for a in rows[activity_a.pk].round_answers] == ["To confirm"]
    assert [a.label for a in rows[other.pk].round_answers] == ["Confirmed"]


def test_it_shows_no_round_column_without_an_open_round(member_a_client, activity_a, part):
    part.round.closed_at = "2025-01-01T00:00:00Z"
    part.round.save()
    response = member_a_client.get(URL)
    assert response.context["show_round"] is False
    assert "Call 2025" not in response.content.decode()

"""Locked periods: a closed round's answers stand; a later edit is a new version, not a
rewrite of the round's record; the secretariat unlocks an agency's part with a reason."""

import pytest
from django.urls import reverse

from activities.services import update_activity
from rounds.models import Outcome, RoundAgency, RowConfirmation
from rounds.services import answer_row, close_round
from tests.members.helpers import logged_in

pytestmark = pytest.mark.postgres


@pytest.fixture
def closed_part(part_a, rows_a, member_a):
    """A confirmed row 0 of agency A, then the round closed."""
    answer_row(member_a, part_a, rows_a[0].pk, Outcome.CONFIRMED, rows_a[0].version)
    close_round(part_a.round)
    return RoundAgency.objects.select_related("round").get(pk=part_a.pk)


def test_a_later_edit_leaves_the_rounds_record(closed_part, rows_a, member_a):
    row = rows_a[0]
    answered = row.version
    row.title = "Edited after the close"
    update_activity(member_a, row, row.version)
    answer = RowConfirmation.objects.get(round=closed_part.round, activity=row)
    assert (answer.outcome, answer.activity_version) == (Outcome.CONFIRMED, answered)
    assert row.version == answered + 1


def test_a_closed_part_takes_no_answer(closed_part, rows_a, member_a_client):
    url = reverse(
        "rounds:confirm_row", kwargs={"part_id": closed_part.pk, "activity_id": rows_a[1].pk}
    )
    response = member_a_client.post(url, follow=True)
    assert "is closed: it accepts no more answers" in response.content.decode()
    assert RowConfirmation.objects.count() == 1


def test_unlocking_needs_a_reason(closed_part, secretariat_client):
    response = secretariat_client.post(
        reverse("rounds:unlock", kwargs={"part_id": closed_part.pk}), {"reason": ""}, follow=True
    )
    assert "Give a reason for unlocking" in response.content.decode()
    assert RoundAgency.objects.get(pk=closed_part.pk).unlocked_at is None


def test_an_unlocked_part_answers_again_until_locked(
    closed_part, rows_a, secretariat, member_a_client
):
    secretariat_client = logged_in(secretariat)
    secretariat_client.post(
        reverse("rounds:unlock", kwargs={"part_id": closed_part.pk}),
        {"reason": "AGA was on mission"},
    )
    part = RoundAgency.objects.get(pk=closed_part.pk)
    assert part.unlock_reason == "AGA was on mission"
    assert part.history.filter(unlock_reason="AGA was on mission").exists()
    url = reverse(
        "rounds:confirm_row", kwargs={"part_id": closed_part.pk, "activity_id": rows_a[1].pk}
    )
    member_a_client.post(url)
    assert RowConfirmation.objects.count() == 2
    secretariat_client.post(reverse("rounds:lock", kwargs={"part_id": closed_part.pk}))
    url = reverse(
        "rounds:confirm_row", kwargs={"part_id": closed_part.pk, "activity_id": rows_a[2].pk}
    )
    member_a_client.post(url)
    assert RowConfirmation.objects.count() == 2

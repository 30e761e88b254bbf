"""Who may do what in rounds, for every page and action, GET and POST."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rounds.models import RoundAgency, RowConfirmation, UpdateRound
from tests.outcomes import AGENCY_A_AND_SECRETARIAT, SECRETARIAT_ONLY, outcome

# Answering for agency A: its members and the secretariat.
AGENCY_A = AGENCY_A_AND_SECRETARIAT


@pytest.mark.parametrize("persona_client, expected", SECRETARIAT_ONLY, indirect=["persona_client"])
@pytest.mark.parametrize("name", ["index", "open", "dashboard", "dashboard_export"])
def test_it_shows_round_pages_to_the_secretariat_only(persona_client, expected, name, part_a):
    kwargs = {"round_id": part_a.round_id} if name.startswith("dashboard") else {}
    response = persona_client.get(reverse(f"rounds:{name}", kwargs=kwargs))
    assert outcome(response) == expected


@pytest.mark.parametrize("persona_client, expected", SECRETARIAT_ONLY, indirect=["persona_client"])
def test_it_lets_only_the_secretariat_open_a_round(persona_client, expected, agency_a):
    data = {
        "title": "Forged round",
        "deadline": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
        "agencies": [agency_a.pk],
    }
    response = persona_client.post(reverse("rounds:open"), data)
    assert outcome(response) == expected
    assert UpdateRound.objects.exists() == (expected == 200)


@pytest.mark.parametrize("persona_client, expected", SECRETARIAT_ONLY, indirect=["persona_client"])
@pytest.mark.parametrize("action", ["close", "reopen"])
def test_it_lets_only_the_secretariat_close_and_reopen(
    persona_client, expected, action, update_round
):
    if action == "reopen":
        UpdateRound.objects.filter(pk=update_round.pk).update(closed_at=timezone.now())
    url = reverse(f"rounds:{action}", kwargs={"round_id": update_round.pk})
    response = persona_client.post(url, {"confirm": "1"})
    update_round.refresh_from_db()
    assert outcome(response) == expected
    changed = update_round.is_open == (action == "reopen")
    assert changed == (expected == 200)


@pytest.mark.parametrize("persona_client, expected", AGENCY_A, indirect=["persona_client"])
def test_it_shows_agency_as_checklist_to_its_people(persona_client, expected, part_a):
    response = persona_client.get(reverse("rounds:checklist", kwargs={"part_id": part_a.pk}))
    assert outcome(response) == expected


@pytest.mark.parametrize("persona_client, expected", AGENCY_A, indirect=["persona_client"])
@pytest.mark.parametrize("action", ["confirm_row", "close_row"])
def test_it_takes_answers_for_agency_a_from_its_people_only(
    persona_client, expected, action, part_a, rows_a
):
    activity = rows_a[0]
    url = reverse(f"rounds:{action}", kwargs={"part_id": part_a.pk, "activity_id": activity.pk})
    response = persona_client.post(url, {"version": activity.version})
    assert outcome(response) == expected
    assert RowConfirmation.objects.exists() == (expected == 200)


@pytest.mark.parametrize("persona_client, expected", AGENCY_A, indirect=["persona_client"])
def test_it_takes_agency_as_submission_from_its_people_only(persona_client, expected, part_a):
    response = persona_client.post(reverse("rounds:submit", kwargs={"part_id": part_a.pk}))
    assert outcome(response) == expected
    submitted = RoundAgency.objects.get(pk=part_a.pk).submitted_at is not None
    assert submitted == (expected == 200)

from django.urls import reverse

from rounds.models import RoundAgency, RowConfirmation
from rounds.services import close_round


def _confirm(client, part, activity):
    url = reverse("rounds:confirm_row", kwargs={"part_id": part.pk, "activity_id": activity.pk})
    return client.post(url, follow=True)


def test_it_refuses_confirmations_and_changes_nothing(
    member_a_client, update_round, part_a, rows_a
):
    close_round(update_round)
    response = _confirm(member_a_client, part_a, rows_a[0])
    assert not RowConfirmation.objects.exists()
    assert RoundAgency.objects.get(pk=part_a.pk).last_activity_at is None
    assert "is closed" in response.content.decode()


def test_it_answers_409_to_htmx(member_a_client, update_round, part_a, rows_a):
    close_round(update_round)
    url = reverse("rounds:confirm_row", kwargs={"part_id": part_a.pk, "activity_id": rows_a[0].pk})
    response = member_a_client.post(url, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert not RowConfirmation.objects.exists()


def test_it_refuses_submissions(member_a_client, update_round, part_a):
    close_round(update_round)
    member_a_client.post(reverse("rounds:submit", kwargs={"part_id": part_a.pk}))
    assert RoundAgency.objects.get(pk=part_a.pk).submitted_at is None


def test_it_refuses_closing_rows(member_a_client, update_round, part_a, rows_a):
    close_round(update_round)
    url = reverse("rounds:close_row", kwargs={"part_id": part_a.pk, "activity_id": rows_a[0].pk})
    member_a_client.post(url, {"version": rows_a[0].version})
    rows_a[0].refresh_from_db()
    assert rows_a[0].status == "ongoing"
    assert not RowConfirmation.objects.exists()


def test_it_takes_answers_again_once_reopened(
    member_a_client, secretariat, update_round, part_a, rows_a
):
    from django.test import Client

    close_round(update_round)
    secretariat_client = Client()
    secretariat_client.force_login(secretariat)
    secretariat_client.post(reverse("rounds:reopen", kwargs={"round_id": update_round.pk}))
    _confirm(member_a_client, part_a, rows_a[0])
    update_round.refresh_from_db()
    assert update_round.is_open
    assert RowConfirmation.objects.count() == 1


def test_it_asks_to_confirm_before_closing(secretariat_client, update_round):
    url = reverse("rounds:close", kwargs={"round_id": update_round.pk})
    response = secretariat_client.post(url)
    update_round.refresh_from_db()
    assert update_round.is_open
    assert response.status_code == 200
    # It names the agencies that have not submitted, and its form confirms.
    assert "AGA" in response.content.decode() and 'name="confirm"' in response.content.decode()


def test_it_closes_from_the_dashboard(secretariat_client, update_round):
    response = secretariat_client.post(
        reverse("rounds:close", kwargs={"round_id": update_round.pk}), {"confirm": "1"}
    )
    update_round.refresh_from_db()
    assert update_round.closed_at is not None
    assert response.url == reverse("rounds:dashboard", kwargs={"round_id": update_round.pk})

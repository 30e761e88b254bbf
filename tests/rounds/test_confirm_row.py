from django.urls import reverse

from rounds.models import Outcome, RoundAgency, RowConfirmation


def _confirm(client, part, activity, **headers):
    url = reverse("rounds:confirm_row", kwargs={"part_id": part.pk, "activity_id": activity.pk})
    return client.post(url, headers=headers)


def test_it_records_the_confirmation(member_a_client, member_a, part_a, rows_a):
    response = _confirm(member_a_client, part_a, rows_a[0])
    answer = RowConfirmation.objects.get()
    assert (answer.activity, answer.outcome, answer.confirmed_by) == (
        rows_a[0],
        Outcome.CONFIRMED,
        member_a,
    )
    assert response.url == reverse("rounds:checklist", kwargs={"part_id": part_a.pk})


def test_it_notes_the_last_activity_of_the_part(member_a_client, part_a, rows_a):
    assert part_a.last_activity_at is None
    _confirm(member_a_client, part_a, rows_a[0])
    assert RoundAgency.objects.get(pk=part_a.pk).last_activity_at is not None


def test_it_returns_the_row_to_htmx(member_a_client, part_a, rows_a):
    response = _confirm(member_a_client, part_a, rows_a[1], HX_Request="true")
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="row-{rows_a[1].pk}"')
    assert "Confirmed as current" in html


def test_it_keeps_one_answer_per_row(member_a_client, part_a, rows_a):
    _confirm(member_a_client, part_a, rows_a[0])
    _confirm(member_a_client, part_a, rows_a[0])
    assert RowConfirmation.objects.count() == 1


def test_it_refuses_a_row_that_is_not_the_agencys(member_a_client, part_a, row_b):
    response = _confirm(member_a_client, part_a, row_b)
    assert response.status_code == 404
    assert not RowConfirmation.objects.exists()


def test_it_refuses_get(member_a_client, part_a, rows_a):
    url = reverse("rounds:confirm_row", kwargs={"part_id": part_a.pk, "activity_id": rows_a[0].pk})
    assert member_a_client.get(url).status_code == 405
    assert not RowConfirmation.objects.exists()


def test_it_stays_lean(member_a_client, part_a, rows_a, django_assert_num_queries):
    url = reverse("rounds:confirm_row", kwargs={"part_id": part_a.pk, "activity_id": rows_a[0].pk})
    # Session, user, part, memberships, row, then savepoint, upsert, part touch, release,
    # and one count for the progress line and the submit block sent out of band.
    with django_assert_num_queries(10):
        response = member_a_client.post(url, headers={"HX-Request": "true"})
    assert response.status_code == 200

"""A member answering for another agency's part gets the hub's 403 page, which says why."""

from django.urls import reverse

from rounds.models import RowConfirmation


def test_it_explains_why_a_forged_answer_is_refused(member_b_client, part_a, rows_a):
    url = reverse("rounds:confirm_row", kwargs={"part_id": part_a.pk, "activity_id": rows_a[0].pk})
    response = member_b_client.post(url)
    assert response.status_code == 403
    assert "You do not speak for this agency." in response.content.decode()


def test_it_records_nothing_for_a_forged_answer(member_b_client, part_a, rows_a):
    url = reverse("rounds:confirm_row", kwargs={"part_id": part_a.pk, "activity_id": rows_a[0].pk})
    member_b_client.post(url)
    assert not RowConfirmation.objects.exists()

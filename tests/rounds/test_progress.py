from django.urls import reverse

from rounds.models import Outcome
from rounds.services import answer_row, answered_rows


def test_it_counts_rows_answered_on_the_checklist(member_a_client, member_a, part_a, rows_a):
    answer_row(member_a, part_a, rows_a[0].pk, Outcome.CONFIRMED)
    response = member_a_client.get(reverse("rounds:checklist", kwargs={"part_id": part_a.pk}))
    assert (response.context["answered"], response.context["total"]) == (1, 3)
    assert "1 of 3 rows answered" in response.content.decode()


def test_it_lists_the_agencys_rows_only(member_a_client, part_a, rows_a, row_b):
    response = member_a_client.get(reverse("rounds:checklist", kwargs={"part_id": part_a.pk}))
    listed = {row.pk for row, _answer, _url in response.context["rows"]}
    assert listed == {row.pk for row in rows_a}


def test_it_stops_counting_a_row_the_agency_left(member_a, part_a, rows_a):
    answer_row(member_a, part_a, rows_a[1].pk, Outcome.CONFIRMED)
    assert answered_rows(part_a) == 1
    rows_a[1].participations.all().delete()
    assert answered_rows(part_a) == 0

from rounds.models import Outcome, RoundAgency, RowConfirmation
from rounds.services import close_round, record_close, record_edit


def test_it_records_an_edit_in_the_open_part(member_a, part_a, rows_a):
    assert record_edit(member_a, rows_a[0]) == 1
    answer = RowConfirmation.objects.get()
    assert (answer.agency_id, answer.outcome) == (part_a.agency_id, Outcome.EDITED)
    assert RoundAgency.objects.get(pk=part_a.pk).last_activity_at is not None


def test_it_records_nothing_for_the_secretariat(secretariat, part_a, rows_a):
    assert record_edit(secretariat, rows_a[0]) == 0
    assert not RowConfirmation.objects.exists()


def test_it_records_nothing_in_a_closed_round(member_a, update_round, rows_a):
    close_round(update_round)
    assert record_edit(member_a, rows_a[0]) == 0
    assert not RowConfirmation.objects.exists()


def test_it_records_a_close_from_the_member_pages(member_a, part_a, rows_a):
    assert record_close(member_a, rows_a[1]) == 1
    assert RowConfirmation.objects.get().outcome == Outcome.CLOSED

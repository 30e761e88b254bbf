import datetime

import time_machine
from django.urls import reverse
from django.utils import timezone

from rounds.models import RoundAgency, RoundAgencyStatus


def _submit(client, part):
    """Submit as the confirmation page does (with rows unanswered, it asks first)."""
    url = reverse("rounds:submit", kwargs={"part_id": part.pk})
    return client.post(url, {"confirm": "1"}, follow=True)


def test_it_marks_the_part_submitted_by_whom(member_a_client, member_a, part_a, rows_a):
    _submit(member_a_client, part_a)
    part = RoundAgency.objects.get(pk=part_a.pk)
    assert part.submitted_by == member_a
    assert part.status == RoundAgencyStatus.SUBMITTED


def test_it_accepts_unanswered_rows_with_a_warning(member_a_client, part_a, rows_a):
    response = _submit(member_a_client, part_a)
    assert RoundAgency.objects.get(pk=part_a.pk).submitted_at is not None
    assert "3 rows were left unanswered." in response.content.decode()


def test_it_warns_before_submitting_with_unanswered_rows(member_a_client, part_a, rows_a):
    html = member_a_client.get(reverse("rounds:checklist", kwargs={"part_id": part_a.pk}))
    assert "3 rows are not answered yet" in html.content.decode()
    assert "Submit…" in html.content.decode()


def test_it_marks_a_submission_after_the_deadline_late(member_a_client, part_a, rows_a):
    after = timezone.now() + datetime.timedelta(days=11)
    with time_machine.travel(after, tick=False):
        _submit(member_a_client, part_a)
    part = RoundAgency.objects.select_related("round").get(pk=part_a.pk)
    assert part.submitted_at is not None
    assert part.is_late


def test_it_does_not_mark_an_early_submission_late(member_a_client, part_a, rows_a):
    _submit(member_a_client, part_a)
    part = RoundAgency.objects.select_related("round").get(pk=part_a.pk)
    assert part.submitted_at is not None
    assert not part.is_late


def test_it_keeps_the_first_submission(member_a_client, part_a, rows_a):
    _submit(member_a_client, part_a)
    first = RoundAgency.objects.get(pk=part_a.pk).submitted_at
    response = _submit(member_a_client, part_a)
    assert RoundAgency.objects.get(pk=part_a.pk).submitted_at == first
    assert "already submitted" in response.content.decode()

"""draft -> submitted -> approved, or returned with a reason (its author emailed in their
language); a locked value is unlocked with a reason kept in the history; a stale page is
refused."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from results import services
from results.concurrency import StaleEdit
from results.models import ResultValue, ReviewStatus

pytestmark = pytest.mark.django_db


def test_a_value_goes_through_the_review_and_only_approved_is_public(
    draft, member_a, member_b, secretariat
):
    visible = ResultValue.objects.visible_to
    assert list(ResultValue.objects.public()) == []
    assert list(visible(member_a)) == [draft] and list(visible(member_b)) == []
    services.submit(member_a, draft)
    assert draft.status == ReviewStatus.SUBMITTED and draft.submitted_by == member_a
    services.approve(secretariat, draft)
    assert list(ResultValue.objects.public()) == [draft]
    assert list(visible(member_b)) == [draft]
    assert draft.history.first().history_user == secretariat


def test_returning_needs_a_reason_and_tells_the_member_in_their_language(
    draft, member_a, secretariat, django_capture_on_commit_callbacks
):
    member_a.profile.language = "fr"
    member_a.profile.save()
    services.submit(member_a, draft)
    with pytest.raises(ValidationError):
        services.return_for_revision(secretariat, draft, "  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.return_for_revision(secretariat, draft, "Give the source of the 1,000.")
    draft.refresh_from_db()
    assert draft.status == ReviewStatus.RETURNED
    assert draft.history.first().history_change_reason == "Give the source of the 1,000."
    [email] = mail.outbox
    assert email.to == [member_a.email]
    assert "renvoyé" in email.subject.lower() or "renvoy" in email.body
    assert "Give the source of the 1,000." in email.body
    assert f"/results/values/{draft.pk}/" in email.body


def test_only_a_submitted_value_is_approved(draft, secretariat):
    with pytest.raises(ValidationError):
        services.approve(secretariat, draft)


def test_a_stale_page_is_refused_and_changes_nothing(draft, member_a, secretariat):
    seen = draft.version
    other = ResultValue.objects.get(pk=draft.pk)
    other.value = 2000
    services.save_value(secretariat, other, seen, {})
    draft.value = 3000
    with pytest.raises(StaleEdit) as refused:
        services.save_value(member_a, draft, seen, {("sex", "f"): 10})
    assert "secretariat saved this" in refused.value.message()
    stored = ResultValue.objects.get(pk=draft.pk)
    assert stored.value == 2000 and not stored.parts.exists()


def test_unlocking_a_locked_value_keeps_the_reason(draft, period, secretariat):
    services.lock_period(secretariat, period)
    draft.refresh_from_db()
    assert draft.is_locked
    with pytest.raises(ValidationError):
        services.unlock_value(secretariat, draft, "")
    services.unlock_value(secretariat, draft, "Ministry corrected its figure")
    assert not draft.is_locked
    assert draft.history.first().history_change_reason == "Ministry corrected its figure"
    services.lock_period(secretariat, period)
    draft.refresh_from_db()
    assert draft.is_locked and period.locked_at > timezone.now() - timezone.timedelta(minutes=1)

"""A reminder left "being sent" by a worker that died becomes "uncertain" at the next sweep:
left for a person by default (at most once), or sent again when the setting says so."""

import datetime

import pytest

from reminders.models import ReminderLog, ReminderStatus
from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 3, 31)
NOON = datetime.datetime.combine(DUE, datetime.time(12), tzinfo=datetime.UTC)


@pytest.fixture
def interrupted(db) -> ReminderLog:
    """Mina's due-day reminder, handed to SMTP an hour before noon by a worker that died."""
    agency = make_agency("ILO")
    deliverable = make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    return ReminderLog.objects.create(
        recipient="mina@example.org",
        step=deliverable.steps.get(),
        kind="due",
        due_date=DUE,
        what="Step 1",
        status=ReminderStatus.SENDING,
        attempts=1,
        claimed_at=NOON - datetime.timedelta(hours=1),
        last_attempt_at=NOON - datetime.timedelta(hours=1),
    )


def test_it_marks_a_reminder_stuck_in_sending_uncertain(run_sweep, interrupted):
    assert run_sweep(DUE) == []
    interrupted.refresh_from_db()
    assert interrupted.status == ReminderStatus.UNCERTAIN
    assert "may not have gone out" in interrupted.last_error


def test_it_leaves_a_reminder_being_sent_right_now_alone(run_sweep, interrupted):
    ReminderLog.objects.update(last_attempt_at=NOON - datetime.timedelta(minutes=1))
    run_sweep(DUE)
    assert ReminderLog.objects.get().status == ReminderStatus.SENDING


def test_it_sends_an_uncertain_reminder_again_when_told_to(run_sweep, interrupted, settings):
    settings.SPF_REMINDER_RESEND_UNCERTAIN = True
    sent = run_sweep(DUE)
    assert [message.to for message in sent] == [["mina@example.org"]]
    assert ReminderLog.objects.get().status == ReminderStatus.SENT


def test_it_waits_the_stated_time_before_calling_a_reminder_stuck(run_sweep, interrupted, settings):
    settings.SPF_REMINDER_STUCK_MINUTES = 90
    run_sweep(DUE)
    row = ReminderLog.objects.get()
    assert (row.status, row.last_error) == (ReminderStatus.SENDING, "")

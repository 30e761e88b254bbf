"""A worker down for days sends the one reminder that applies when it is back, not a flood."""

import datetime

from reminders.models import ReminderLog
from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 3, 31)


def test_it_sends_only_the_latest_reminder_after_five_days_down(run_sweep, db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    # Down from 6 days before (before-3 was due at 3) until the due day + 1.
    run_sweep(DUE - datetime.timedelta(days=14))
    sent = run_sweep(DUE + datetime.timedelta(days=1))
    assert len(sent) == 1
    assert list(ReminderLog.objects.order_by("pk").values_list("kind", flat=True)) == [
        "before-14",
        "due",
    ]


def test_it_catches_up_a_reminder_missed_the_day_before(run_sweep, db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    sent = run_sweep(DUE - datetime.timedelta(days=2))
    assert len(sent) == 1
    assert ReminderLog.objects.get().kind == "before-3"


def test_it_says_a_caught_up_due_day_reminder_was_due(run_sweep, db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    (message,) = run_sweep(DUE + datetime.timedelta(days=2))
    assert "was due on 31 March 2030" in message.body

"""Each email's reminders move on their own: "sending" while it is handed over, "sent" as
soon as it went, so a worker killed mid-task leaves at most that one email in doubt."""

import datetime

import pytest

from reminders.models import ReminderLog, ReminderStatus
from tests.factories import make_agency, make_member
from tests.workplan import backends
from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 3, 31)


@pytest.fixture
def watched(settings):
    settings.EMAIL_BACKEND = "tests.workplan.backends.LogWatchingBackend"
    backends.seen.clear()
    return backends.seen


def test_it_records_each_email_as_sent_before_the_next_goes(run_sweep, watched, db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    for username in ("ana", "ben", "chloe"):
        make_member(agency, username=username)
    run_sweep(DUE)
    assert watched == [(0, 1), (1, 1), (2, 1)]
    assert ReminderLog.objects.filter(status=ReminderStatus.SENT).count() == 3


def test_it_leaves_alone_the_rows_another_run_took(db):
    """A redelivered task, or one re-queued by a later sweep, sends nothing twice: of one
    email's rows, it takes only those still waiting."""
    from django.utils import timezone

    from reminders.sending import take

    agency = make_agency("ILO")
    step = make_deliverable(DUE, agencies=(agency,)).steps.get()
    rows = [
        ReminderLog.objects.create(
            recipient="ana@example.org",
            step=step,
            kind=kind,
            due_date=DUE,
            what="Step 1",
            claimed_at=timezone.now(),
        )
        for kind in ("before-3", "due")
    ]
    ReminderLog.objects.filter(pk=rows[0].pk).update(status=ReminderStatus.SENDING)
    assert [row.pk for row in take(rows, sent=[])] == [rows[1].pk]
    assert ReminderLog.objects.get(pk=rows[0].pk).attempts == 0

"""An SMTP server that is down: the send is retried, then logged as failed in the admin."""

import datetime
import socket

import pytest

from reminders.models import ReminderLog, ReminderStatus
from reminders.tasks import MAX_RETRIES
from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 3, 31)


def closed_port() -> int:
    """A local port nothing listens on: bound, then released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dead_smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_TIMEOUT = 2


def test_it_logs_the_reminder_as_failed_after_the_retries(run_sweep, dead_smtp, db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    run_sweep(DUE)
    row = ReminderLog.objects.get()
    assert (row.status, row.attempts) == (ReminderStatus.FAILED, MAX_RETRIES + 1)
    assert "Connection refused" in row.last_error


def test_it_does_not_claim_a_failed_reminder_again(run_sweep, dead_smtp, db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    run_sweep(DUE)
    run_sweep(DUE)
    assert ReminderLog.objects.get().attempts == MAX_RETRIES + 1

"""A real Celery worker on the local Redis and PostgreSQL, emails into a local SMTP sink:
two sweeps at once deliver each reminder exactly once."""

import time

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from reminders.models import ReminderLog, ReminderStatus
from tests.factories import make_agency, make_focal_point, make_member
from tests.workplan.conftest import make_deliverable
from tests.workplan.workers import Sink, flush, free_port, redis_url, start_worker, stop, wait_for

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def smtp_sink():
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield sink, controller.port
    controller.stop()


@pytest.fixture
def worker(smtp_sink, tmp_path):
    _sink, port = smtp_sink
    url = redis_url(5)
    broker = flush(url)  # nothing left over from an earlier run
    process = start_worker(url, port, tmp_path / "worker.log")
    try:
        yield broker
    finally:
        stop(process)
        # Shown by pytest only when the test failed.
        print((tmp_path / "worker.log").read_text(errors="replace")[-5000:])


def test_it_delivers_each_reminder_once_from_two_sweeps_at_once(worker, smtp_sink):
    sink, _port = smtp_sink
    agency = make_agency("ILO")
    for username in ("ana", "ben", "chloe"):
        make_member(agency, username=username)
    point = make_focal_point(agency, email="fp@example.org")
    today = timezone.localdate()
    make_deliverable(today, agencies=(agency,), contacts=(point,))
    make_deliverable(today, agencies=(agency,))

    # Both sweeps queued at once: the worker's two processes run them side by side.
    worker.send_task("workplan.sweep_reminders")
    worker.send_task("workplan.sweep_reminders")
    wait_for(lambda: ReminderLog.objects.filter(status=ReminderStatus.SENT).count() == 7)
    time.sleep(2)  # time enough for a duplicate to show up, if there were one

    addresses = sorted(address for rcpt_tos, _content in sink.received for address in rcpt_tos)
    assert addresses == [
        "ana@example.org",
        "ben@example.org",
        "chloe@example.org",
        "fp@example.org",
    ]
    assert ReminderLog.objects.filter(status=ReminderStatus.SENT).count() == 7

"""A real Celery worker on the local Redis and PostgreSQL, emails into a local SMTP sink:
two sweeps at once deliver each reminder exactly once."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from celery import Celery
from django.db import connection
from django.utils import timezone

from tests.factories import make_agency, make_focal_point, make_member
from tests.workplan.conftest import make_deliverable
from workplan.models import ReminderLog, ReminderStatus

# A Redis database of its own, so other tests' queues never meet this worker.
REDIS_URL = "redis://127.0.0.1:6379/5"
ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 40

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


class Sink:
    """Keeps every message the SMTP server receives."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.received.append((list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_sink():
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield sink, controller.port
    controller.stop()


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(smtp_sink, tmp_path):
    _sink, port = smtp_sink
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
    }
    broker = Celery(broker=REDIS_URL)
    with broker.connection_for_write() as conn:
        conn.default_channel.client.flushdb()  # nothing left over from an earlier run
    celery = Path(sys.executable).with_name("celery")
    log = (tmp_path / "worker.log").open("wb")
    process = subprocess.Popen(
        [str(celery), "-A", "spf_coalition", "worker", "--pool=prefork", "-c", "2", "-l", "info"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield broker
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
        # Shown by pytest only when the test failed.
        print((tmp_path / "worker.log").read_text(errors="replace")[-5000:])


def wait_for(condition, seconds: float = WAIT_S) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)


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

"""A worker killed (SIGKILL) in the middle of sending 900 reminders: after the next sweep,
counted at the SMTP sink, none went twice and at most the emails the pool was handing over
at that instant are in doubt: lost (at most once, the default) or sent again (at least once,
SPF_REMINDER_RESEND_UNCERTAIN)."""

import time

import pytest
from aiosmtpd.controller import Controller
from django.db.models import Count
from django.utils import timezone

from agencies.models import FocalLevel, FocalPoint
from reminders.models import ReminderLog, ReminderStatus
from tests.factories import make_agency
from tests.workplan.conftest import make_deliverable
from tests.workplan.workers import (
    Sink,
    flush,
    free_port,
    kill,
    redis_url,
    start_worker,
    stop,
    wait_for,
)

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

DELIVERABLES, CONTACTS_EACH = 30, 30  # 900 reminders, one email each
REMINDERS = DELIVERABLES * CONTACTS_EACH
POOL = 2  # the worker's processes: at most one email each in the air at the kill
STUCK_MINUTES = 0.05  # 3 s: rows untouched that long are stuck (30 min in production)


@pytest.fixture
def smtp_sink():
    sink = Sink(delay=0.01)  # a relay's latency: the sweep lasts long enough to be cut
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield sink, controller.port
    controller.stop()


@pytest.fixture
def nine_hundred_due(db):
    """30 deliverables due today, each with 30 contacts of their own (900 addresses)."""
    agency = make_agency("ILO")
    today = timezone.localdate()
    for d in range(DELIVERABLES):
        points = FocalPoint.objects.bulk_create(
            FocalPoint(
                agency=agency,
                name=f"Contact {d}-{c}",
                email=f"c{d}-{c}@example.org",
                level=FocalLevel.GLOBAL,
            )
            for c in range(CONTACTS_EACH)
        )
        make_deliverable(today, contacts=tuple(points))


def statuses() -> dict[str, int]:
    rows = ReminderLog.objects.values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def kill_mid_sweep_then_sweep_again(sink, port, tmp_path, resend: bool) -> dict[str, int]:
    """Figures of a run: sent at the sink, duplicates, lost, uncertain rows."""
    url = redis_url(6)
    broker = flush(url)
    env = {
        "SPF_REMINDER_STUCK_MINUTES": str(STUCK_MINUTES),
        "SPF_REMINDER_RESEND_UNCERTAIN": "1" if resend else "0",
    }
    log = tmp_path / "workers.log"
    first = start_worker(url, port, log, env)
    second = None
    try:
        broker.send_task("workplan.sweep_reminders")
        assert wait_for(lambda: len(sink.received) >= REMINDERS // 3, seconds=60, step=0.02)
        kill(first)
        at_kill = statuses()
        assert at_kill.get(ReminderStatus.CLAIMED, 0) > 0, "the kill came after the sweep"
        assert at_kill.get(ReminderStatus.SENDING, 0) <= POOL

        time.sleep(STUCK_MINUTES * 60 + 1)  # the stuck rows are now old enough
        second = start_worker(url, port, log, env)
        broker.send_task("workplan.sweep_reminders")
        settled = {ReminderStatus.SENT, ReminderStatus.UNCERTAIN}
        assert wait_for(
            lambda: sum(statuses().values()) == REMINDERS and set(statuses()) <= settled,
            seconds=90,
        ), statuses()
        time.sleep(2)  # time enough for a duplicate to show up, if there were one
    finally:
        stop(first)
        if second is not None:
            stop(second)
        print(log.read_text(errors="replace")[-5000:])  # shown only when the test failed

    counts = sink.per_address()
    figures = {
        "sent": sum(counts.values()),
        "duplicates": sum(n - 1 for n in counts.values() if n > 1),
        "lost": REMINDERS - len(counts),
        "uncertain": statuses().get(ReminderStatus.UNCERTAIN, 0),
        "sending_at_kill": at_kill.get(ReminderStatus.SENDING, 0),
        "sent_before_kill": at_kill.get(ReminderStatus.SENT, 0),
    }
    print("figures", figures)
    return figures


def test_it_sends_none_twice_and_loses_at_most_the_pools_emails(
    smtp_sink, nine_hundred_due, tmp_path
):
    sink, port = smtp_sink
    figures = kill_mid_sweep_then_sweep_again(sink, port, tmp_path, resend=False)
    assert figures["duplicates"] == 0
    assert figures["lost"] <= figures["uncertain"] <= POOL


def test_it_loses_none_when_told_to_send_uncertain_ones_again(
    smtp_sink, nine_hundred_due, tmp_path
):
    sink, port = smtp_sink
    figures = kill_mid_sweep_then_sweep_again(sink, port, tmp_path, resend=True)
    assert figures["lost"] == 0
    assert figures["duplicates"] <= figures["sending_at_kill"] <= POOL

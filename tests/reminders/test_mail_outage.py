"""A long mail server outage loses no reminder: failed ones are tried again by the sweeps,
waiting longer each time, for SPF_REMINDER_RETRY_HOURS; the secretariat gets one summary
when mail works again; the admin's banner and /healthz (a warning, still 200) count the
failed and uncertain ones."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from reminders.models import MailOutage, ReminderLog, ReminderStatus
from reminders.sweep import sweep
from reminders.tasks import MAX_RETRIES, queue_sending
from tests.factories import make_agency, make_member, make_secretariat
from tests.workplan.conftest import make_deliverable

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

DUE = datetime.date(2030, 3, 29)
SUMMARY = "Reminder emails go out again after a mail server outage"


class SwitchableServer(EmailBackend):
    """The mail server: refuses everything while `down`."""

    down = False

    def send_messages(self, messages):
        if SwitchableServer.down:
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


@pytest.fixture
def server(settings):
    settings.EMAIL_BACKEND = "tests.reminders.test_mail_outage.SwitchableServer"
    SwitchableServer.down = False
    yield SwitchableServer
    SwitchableServer.down = False


@pytest.fixture
def sweep_at(django_capture_on_commit_callbacks):
    """sweep_at(hh, mm, day=DUE) sweeps at that time (UTC); returns the emails it sent."""

    def run(hour: int, minute: int = 0, day: datetime.date = DUE) -> list[mail.EmailMessage]:
        before = len(mail.outbox)
        moment = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=datetime.UTC)
        with (
            time_machine.travel(moment, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            sweep(queue_sending)
        return mail.outbox[before:]

    return run


@pytest.fixture
def mina(db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    make_secretariat(username="sec")


def summaries(messages) -> list[list[str]]:
    return [message.to for message in messages if message.subject == SUMMARY]


def reminders_to(messages, address: str) -> int:
    return sum(message.to == [address] and message.subject != SUMMARY for message in messages)


def test_a_failed_reminder_goes_out_when_mail_works_again(mina, server, sweep_at):
    server.down = True
    assert sweep_at(12, 0) == []
    row = ReminderLog.objects.get()
    assert (row.status, row.attempts) == (ReminderStatus.FAILED, MAX_RETRIES + 1)
    assert MailOutage.objects.filter(is_open=True).count() == 1

    server.down = False
    assert sweep_at(12, 10) == []  # its wait (16 minutes after 4 attempts) is not over
    sent = sweep_at(12, 20)
    assert reminders_to(sent, "mina@example.org") == 1
    assert ReminderLog.objects.get().status == ReminderStatus.SENT
    # One summary for the secretariat, naming what went and what is left.
    assert summaries(sent) == [["sec@example.org"]]
    (summary,) = [message for message in sent if message.subject == SUMMARY]
    assert "1 reminder went out since the outage began." in summary.body
    assert "0 reminders still failed" in summary.body
    assert not MailOutage.objects.filter(is_open=True).exists()


def test_the_summary_goes_once(mina, server, sweep_at):
    server.down = True
    sweep_at(12, 0)
    server.down = False
    first = sweep_at(12, 30)
    later = sweep_at(13, 0) + sweep_at(12, 0, day=DUE + datetime.timedelta(days=1))
    assert len(summaries(first)) == 1
    assert summaries(later) == []


def test_it_keeps_trying_with_longer_waits_through_a_long_outage(mina, server, sweep_at):
    server.down = True
    tries = []
    for hour, minute in [(12, 0), (12, 20), (12, 45), (13, 0), (13, 20), (14, 0), (15, 0)]:
        sweep_at(hour, minute)
        tries.append(ReminderLog.objects.get().attempts)
    # 4 tries by the task; a sweep whose wait is over (16 minutes, then an hour) gives the
    # row to the task again, for 4 more.
    assert tries == [4, 8, 8, 8, 12, 12, 16]
    server.down = False
    assert reminders_to(sweep_at(16, 30), "mina@example.org") == 1


def test_it_gives_up_after_the_retry_window(mina, server, sweep_at, settings):
    settings.SPF_REMINDER_RETRY_HOURS = 24
    server.down = True
    sweep_at(12, 0)
    server.down = False
    assert sweep_at(12, 30, day=DUE + datetime.timedelta(days=1)) == []
    assert ReminderLog.objects.get().status == ReminderStatus.FAILED


def test_the_banner_and_healthz_count_failed_and_uncertain(mina, server, sweep_at, client):
    server.down = True
    sweep_at(12, 0)
    row = ReminderLog.objects.get()
    ReminderLog.objects.create(
        recipient="ana@example.org",
        step=row.step,
        kind="due",
        due_date=DUE,
        what="Step 1",
        status=ReminderStatus.UNCERTAIN,
        attempts=1,
        claimed_at=row.claimed_at,
    )
    health = client.get(reverse("healthz"))
    assert health.status_code == 200
    assert health.json()["warnings"] == {"reminders": "1 failed, 1 uncertain reminder(s)"}
    client.force_login(make_secretariat(username="sec2", is_superuser=True))
    page = client.get(reverse("admin:index")).content.decode()
    assert "1 reminder failed: the mail server refused it." in page
    assert "1 reminder is uncertain" in page
    log = client.get(reverse("admin:reminders_reminderlog_changelist")).content.decode()
    assert "?status__exact=failed" in log

"""`manage.py send_reminders` runs the same sweep once; --dry-run shows what would go; a past
--date needs --resend-past, a future one --send-early, and the emails are worded as of that
day."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from reminders.models import ReminderLog
from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 3, 31)


def test_it_sends_what_is_due_on_the_given_day(db, mailoutbox, django_capture_on_commit_callbacks):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", date="2030-03-31", send_early=True, stdout=out)
    assert [message.to for message in mailoutbox] == [["mina@example.org"]]
    assert out.getvalue().startswith("1 reminder(s) claimed")


def test_it_names_the_option_of_a_bad_date(db):
    with pytest.raises(CommandError, match="--date"):
        call_command("send_reminders", date="31/03/2030")


PAST = datetime.date(2024, 3, 29)


@pytest.fixture
def due_in_the_past(db):
    """Mina's deliverable, due on PAST (a Friday long gone)."""
    agency = make_agency("ILO")
    make_deliverable(PAST, agencies=(agency,))
    make_member(agency, username="mina")


def test_it_lists_what_would_go_in_a_dry_run(db, mailoutbox):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    out = io.StringIO()
    call_command("send_reminders", date="2030-03-31", dry_run=True, stdout=out)
    assert "mina@example.org\n  due" in out.getvalue()
    assert "1 reminder(s) to 1 person(s) would be claimed" in out.getvalue()


def test_it_writes_and_sends_nothing_in_a_dry_run(db, mailoutbox):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    call_command("send_reminders", date="2030-03-31", dry_run=True, stdout=io.StringIO())
    assert not ReminderLog.objects.exists()
    assert mailoutbox == []


def test_it_leaves_out_of_a_dry_run_what_already_went(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", date="2030-03-31", send_early=True, stdout=io.StringIO())
    out = io.StringIO()
    call_command("send_reminders", date="2030-03-31", dry_run=True, stdout=out)
    assert "0 reminder(s) to 0 person(s)" in out.getvalue()


def test_it_refuses_a_past_date_saying_why(due_in_the_past, mailoutbox):
    with pytest.raises(CommandError, match=r"in the past.*--resend-past"):
        call_command("send_reminders", date=PAST.isoformat())
    assert not ReminderLog.objects.exists()


def test_it_words_a_past_sweep_by_its_own_day(
    due_in_the_past, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "send_reminders", date=PAST.isoformat(), resend_past=True, stdout=io.StringIO()
        )
    (message,) = mailoutbox
    assert "due on 29 March 2024" in message.body
    assert "was due on" not in message.body


def test_it_refuses_a_future_date_saying_why(db, mailoutbox):
    """Sent now as of 2030, Mina's step (due 31 March 2030) would read as due or overdue
    today, and its reminders would never go out on their real days."""
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    with pytest.raises(CommandError, match=r"in the future.*--send-early"):
        call_command("send_reminders", date="2030-04-10", stdout=io.StringIO())
    assert not ReminderLog.objects.exists()
    assert mailoutbox == []


def test_it_sweeps_today_without_a_flag(db):
    today = timezone.localdate().isoformat()
    out = io.StringIO()
    call_command("send_reminders", date=today, stdout=out)
    assert out.getvalue().startswith("0 reminder(s) claimed")

"""`manage.py send_reminders` runs the same sweep once."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 3, 31)


def test_it_sends_what_is_due_on_the_given_day(db, mailoutbox, django_capture_on_commit_callbacks):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    make_member(agency, username="mina")
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", date="2030-03-31", stdout=out)
    assert [message.to for message in mailoutbox] == [["mina@example.org"]]
    assert out.getvalue().startswith("1 reminder(s) claimed")


def test_it_names_the_option_of_a_bad_date(db):
    with pytest.raises(CommandError, match="--date"):
        call_command("send_reminders", date="31/03/2030")

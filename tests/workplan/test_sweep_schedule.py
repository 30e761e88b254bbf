"""The sweep on a fixed clock: 14 and 3 days before, on the day, weekly overdue."""

import datetime

import pytest

from reminders.models import ReminderLog
from tests.factories import make_agency, make_member, make_secretariat
from tests.workplan.conftest import make_deliverable, recipients

DUE = datetime.date(2030, 3, 31)


@pytest.fixture
def member(db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    return make_member(agency, username="mina")


@pytest.mark.parametrize(("days_ahead", "kind"), [(14, "before-14"), (3, "before-3"), (0, "due")])
def test_it_reminds_the_member_on_the_policy_days(run_sweep, member, days_ahead: int, kind: str):
    sent = run_sweep(DUE - datetime.timedelta(days=days_ahead))
    assert recipients(sent) == ["mina@example.org"]
    assert ReminderLog.objects.get().kind == kind


def test_it_sends_nothing_between_the_policy_days(run_sweep, member):
    run_sweep(DUE - datetime.timedelta(days=14))
    assert run_sweep(DUE - datetime.timedelta(days=10)) == []


def test_it_copies_the_secretariat_once_a_week_while_overdue(run_sweep, member):
    make_secretariat(username="sec")
    first = run_sweep(DUE + datetime.timedelta(days=7))
    assert recipients(first) == ["mina@example.org", "sec@example.org"]
    assert run_sweep(DUE + datetime.timedelta(days=10)) == []
    assert len(run_sweep(DUE + datetime.timedelta(days=14))) == 2


def test_it_does_not_copy_the_secretariat_before_the_due_date(run_sweep, member):
    make_secretariat(username="sec")
    assert recipients(run_sweep(DUE)) == ["mina@example.org"]

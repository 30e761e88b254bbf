"""Moving a due date re-arms the reminders; a done step sends nothing."""

import datetime

import pytest

from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 3, 31)


@pytest.fixture
def step(db):
    agency = make_agency("ILO")
    make_member(agency, username="mina")
    return make_deliverable(DUE, agencies=(agency,)).steps.get()


def test_it_reminds_again_for_the_new_date(run_sweep, step):
    run_sweep(DUE - datetime.timedelta(days=3))
    step.due_date = DUE + datetime.timedelta(days=30)
    step.save()
    later = DUE + datetime.timedelta(days=30 - 3)
    assert len(run_sweep(later)) == 1


def test_it_does_not_repeat_a_reminder_for_an_unchanged_date(run_sweep, step):
    run_sweep(DUE - datetime.timedelta(days=3))
    assert run_sweep(DUE - datetime.timedelta(days=2)) == []


def test_it_sends_nothing_for_a_completed_step(run_sweep, step):
    step.completed_on = DUE - datetime.timedelta(days=5)
    step.save()
    assert run_sweep(DUE) == []


def test_it_sends_nothing_for_a_deliverable_at_full_progress(run_sweep, step):
    step.deliverable.progress = 100
    step.deliverable.save()
    assert run_sweep(DUE) == []

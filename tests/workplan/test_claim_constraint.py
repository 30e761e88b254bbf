"""The database itself refuses a second claim of the same reminder."""

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from reminders.models import ReminderLog
from tests.factories import make_agency
from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 3, 31)


def claim_row(step, **fields) -> ReminderLog:
    fields = {
        "recipient": "mina@example.org",
        "step": step,
        "kind": "due",
        "due_date": DUE,
        "what": step.title,
        "claimed_at": timezone.now(),
        **fields,
    }
    return ReminderLog.objects.create(**fields)


def test_it_refuses_a_duplicate_claim(db):
    step = make_deliverable(DUE, agencies=(make_agency("ILO"),)).steps.get()
    claim_row(step)
    with pytest.raises(IntegrityError):
        claim_row(step)


def test_it_accepts_the_same_reminder_for_a_new_due_date(db):
    step = make_deliverable(DUE, agencies=(make_agency("ILO"),)).steps.get()
    claim_row(step)
    claim_row(step, due_date=DUE + datetime.timedelta(days=7))
    assert ReminderLog.objects.count() == 2

"""Builders and fixtures for the workplan tests: deliverables with dated steps, a sweep run
on a fixed day with its send tasks executed in-process."""

import datetime
import itertools

import pytest
import time_machine
from django.core import mail

from agencies.models import Agency, FocalPoint
from reminders.sweep import sweep
from reminders.tasks import queue_sending
from spf_coalition.celery import app as celery_app
from workplan.models import Area, Deliverable, Step, Workplan

_seq = itertools.count(1)


def make_deliverable(
    *due_dates: datetime.date,
    agencies: tuple[Agency, ...] = (),
    contacts: tuple[FocalPoint, ...] = (),
    year: int = 2030,
    **fields,
) -> Deliverable:
    """A deliverable of the `year` workplan with one open step per due date."""
    plan, _ = Workplan.objects.get_or_create(year=year, defaults={"title": f"Workplan {year}"})
    area, _ = Area.objects.get_or_create(workplan=plan, number=1, defaults={"title": "Area"})
    fields.setdefault("title", f"Deliverable {next(_seq)}")
    deliverable = Deliverable.objects.create(area=area, **fields)
    deliverable.responsible_agencies.set(agencies)
    deliverable.contacts.set(contacts)
    for n, due in enumerate(due_dates, start=1):
        Step.objects.create(deliverable=deliverable, title=f"Step {n}", due_date=due)
    return deliverable


@pytest.fixture(autouse=True)
def eager_celery():
    """Send tasks run in the test's process, whatever REDIS_URL says."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def run_sweep(django_capture_on_commit_callbacks):
    """run_sweep(day) sweeps as of `day` (noon UTC) and returns the emails sent by it."""

    def run(day: datetime.date) -> list[mail.EmailMessage]:
        before = len(mail.outbox)
        moment = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
        with (
            time_machine.travel(moment, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            sweep(queue_sending)
        return mail.outbox[before:]

    return run


def recipients(messages: list[mail.EmailMessage]) -> list[str]:
    return sorted(address for message in messages for address in message.to)

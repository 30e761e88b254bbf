"""The derived status of a deliverable, on a fixed day."""

import datetime

import pytest

from tests.workplan.conftest import make_deliverable
from workplan.models import Deliverable
from workplan.status import with_status

TODAY = datetime.date(2030, 3, 1)


def status_of(deliverable: Deliverable) -> str:
    return with_status(Deliverable.objects.filter(pk=deliverable.pk), TODAY).get().status


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("due_in", "progress", "expected"),
    [
        ((60,), None, "not-started"),
        ((60,), 10, "on-track"),
        ((-1, 60), None, "late"),
        ((5,), None, "at-risk"),
        ((5,), 90, "on-track"),
        ((5,), 100, "done"),
    ],
)
def test_it_derives_the_status_from_dates_and_progress(db, due_in, progress, expected):
    deliverable = make_deliverable(*(days(n) for n in due_in), progress=progress)
    assert status_of(deliverable) == expected


def test_it_is_done_when_every_step_is_completed(db):
    deliverable = make_deliverable(days(-10), days(-1))
    deliverable.steps.update(completed_on=days(-2))
    assert status_of(deliverable) == "done"


def test_it_is_on_track_once_a_step_is_completed(db):
    deliverable = make_deliverable(days(-10), days(60))
    deliverable.steps.filter(due_date=days(-10)).update(completed_on=days(-12))
    assert status_of(deliverable) == "on-track"

"""Which reminder kind a step calls for on a given day, under the default policy (14,3)."""

import datetime

import pytest

from reminders.due import kind_due
from workplan.models import ReminderPolicy

DUE = datetime.date(2030, 3, 31)


@pytest.mark.parametrize(
    ("days_ahead", "expected"),
    [
        (15, None),
        (14, "before-14"),
        (4, "before-14"),
        (3, "before-3"),
        (1, "before-3"),
        (0, "due"),
        (-6, "due"),
        (-7, "overdue-1"),
        (-13, "overdue-1"),
        (-14, "overdue-2"),
    ],
)
def test_it_picks_the_latest_kind_that_applies(days_ahead: int, expected: str | None):
    today = DUE - datetime.timedelta(days=days_ahead)
    assert kind_due(DUE, today, ReminderPolicy()) == expected


def test_it_stops_overdue_reminders_after_the_policy_weeks():
    policy = ReminderPolicy(overdue_stop_after_weeks=2)
    assert kind_due(DUE, DUE + datetime.timedelta(days=14), policy) == "overdue-2"
    assert kind_due(DUE, DUE + datetime.timedelta(days=15), policy) is None


def test_it_sends_nothing_on_the_day_when_the_policy_says_so():
    policy = ReminderPolicy(on_due_day=False)
    assert kind_due(DUE, DUE, policy) is None
    assert kind_due(DUE, DUE + datetime.timedelta(days=7), policy) == "overdue-1"


def test_it_refuses_days_that_are_not_whole_positive_numbers():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        ReminderPolicy(days_before="14,-3").clean()
    assert "days_before" in error.value.message_dict

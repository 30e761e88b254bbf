"""Reminder sources are registered explicitly; the rounds app registers its own."""

import datetime

from rounds.reminders import round_reminders
from workplan.reminders import register_source, registered_sources, step_reminders


def test_it_sweeps_the_steps_and_the_registered_rounds():
    assert registered_sources() == (step_reminders, round_reminders)


def test_it_registers_a_source_once():
    def nothing_due(policy, today: datetime.date):
        return iter(())

    try:
        register_source(nothing_due)
        register_source(nothing_due)
        assert registered_sources().count(nothing_due) == 1
    finally:
        from workplan import reminders

        reminders._sources.remove(nothing_due)

"""The sweep names its sources: the engine sits above the apps whose deadlines it reminds
about (workplan steps, update rounds), so nothing registers with it."""

from reminders.rounds import round_reminders
from reminders.steps import step_reminders
from reminders.sweep import SOURCES


def test_it_sweeps_the_steps_and_the_rounds():
    assert (step_reminders, round_reminders) == SOURCES

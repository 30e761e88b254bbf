"""The front page's figures: a handful of counts, each one query whatever the data size."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from activities import tallies
from workplan.models import Deliverable, Step, Workplan
from workplan.status import DONE, LATE, with_status

# "Due soon" on the front page and the dashboard.
DUE_DAYS = 30


@dataclass(frozen=True)
class FrontFigures:
    countries: int  # with at least one activity
    agencies: int  # taking part in at least one activity
    running: int  # activities running at some point this year
    year: int
    due_soon: int  # deliverables with an open step due in the next DUE_DAYS days
    due_days: int = DUE_DAYS


def deliverables_due(today: datetime.date, days: int = DUE_DAYS) -> QuerySet[Deliverable]:
    """Deliverables not done with an open step due from today to `days` days ahead."""
    soon = Step.objects.filter(
        deliverable=OuterRef("pk"),
        completed_on__isnull=True,
        due_date__gte=today,
        due_date__lte=today + datetime.timedelta(days=days),
    )
    return with_status(Deliverable.objects.filter(Exists(soon)), today).exclude(status=DONE)


def current_plan() -> Workplan | None:
    """The plan the workplan board opens on (this year's, else the latest), so that the
    dashboard and the brief count what the board shows."""
    plan, _years = Workplan.objects.of_year(None)
    return plan


def deliverables_late(today: datetime.date, plan: Workplan | None) -> QuerySet[Deliverable]:
    """Deliverables of the plan that the board marks late: an open step's due date has
    passed. (Older plans' open steps stay late for ever: they are the board's business.)"""
    return with_status(Deliverable.objects.filter(area__workplan=plan), today).filter(status=LATE)


def front_figures(today: datetime.date) -> FrontFigures:
    """The matrix's counts come from its tallies (activities.tallies), kept on every write:
    the page's cost does not grow with the number of activities."""
    return FrontFigures(
        countries=tallies.countries_with_activities(),
        agencies=tallies.agencies_taking_part(),
        running=tallies.running_in(today.year),
        year=today.year,
        due_soon=deliverables_due(today).count(),
    )

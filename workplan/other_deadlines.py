"""Deadlines that are not workplan steps (an update round's, say), for "My deadlines" and the
calendar feeds.

The workplan sits below the apps that own such deadlines, so it does not import them: each
registers a source with `register_deadline_source` from its AppConfig.ready (rounds does).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


@dataclass(frozen=True)
class Deadline:
    """One dated thing a person or an agency must do, as "My deadlines" and feeds show it."""

    uid: str  # stable across changes, unique among all deadlines ("round-part-12")
    title: str
    due_date: datetime.date
    part_of: str  # what it belongs to, e.g. the agency asked
    path: str  # the page where it is done (site-relative)
    done_on: datetime.date | None = None
    group: str = ""  # what it is grouped under with its kin (the round, for each agency)
    agency_ids: tuple[int, ...] = ()  # the agencies that answer for it
    # The ReminderLog column and value of its reminders, e.g. ("round_part_id", 12).
    reminder_target: tuple[str, int] | None = None


@dataclass(frozen=True)
class DeadlineSource:
    of_user: Callable[[AbstractBaseUser | AnonymousUser], list[Deadline]]
    of_agency: Callable[[int], list[Deadline]]
    still_open: Callable[[], list[Deadline]]


_sources: dict[str, DeadlineSource] = {}


def register_deadline_source(
    name: str,
    of_user: Callable[[AbstractBaseUser | AnonymousUser], list[Deadline]],
    of_agency: Callable[[int], list[Deadline]],
    still_open: Callable[[], list[Deadline]],
) -> None:
    """Add the deadlines `of_user(user)` and `of_agency(agency_id)` of a person's and an
    agency's pages and feeds, and `still_open()`, every one not done yet across the coalition
    (the secretariat's page). One source per name."""
    _sources[name] = DeadlineSource(of_user, of_agency, still_open)


def deadlines_of_user(user: AbstractBaseUser | AnonymousUser) -> list[Deadline]:
    if not user.is_authenticated:
        return []
    found = [d for source in _sources.values() for d in source.of_user(user)]
    return sorted(found, key=lambda deadline: (deadline.due_date, deadline.uid))


def deadlines_of_agency(agency_id: int) -> list[Deadline]:
    found = [d for source in _sources.values() for d in source.of_agency(agency_id)]
    return sorted(found, key=lambda deadline: (deadline.due_date, deadline.uid))


def open_deadlines() -> list[Deadline]:
    found = [d for source in _sources.values() for d in source.still_open()]
    return sorted(found, key=lambda deadline: (deadline.due_date, deadline.uid))

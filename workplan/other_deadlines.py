"""Deadlines that are not workplan steps (an update round's, say), for "My deadlines" and the
calendar feeds.

The workplan sits below the apps that own such deadlines, so it does not import them: it asks
them with a signal (core.signals), and each answers with its list of Deadline.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.dispatch import Signal

from core.signals import answers


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


# Asked with `user` (a logged-in person) for "My deadlines" and the person's calendar feed;
# each receiver returns a list of Deadline. Receivers: rounds.deadlines.of_user
# (RoundsConfig.ready).
deadlines_of_user_asked = Signal()
# Asked with `agency_id` for the agency's calendar feed; each receiver returns a list of
# Deadline. Receivers: rounds.deadlines.of_agency (RoundsConfig.ready).
deadlines_of_agency_asked = Signal()


def earliest_first(found: list[list[Deadline]]) -> list[Deadline]:
    deadlines = [deadline for answer in found for deadline in answer]
    return sorted(deadlines, key=lambda deadline: (deadline.due_date, deadline.uid))


def deadlines_of_user(user: AbstractBaseUser | AnonymousUser) -> list[Deadline]:
    if not user.is_authenticated:
        return []
    return earliest_first(answers(deadlines_of_user_asked, sender=Deadline, user=user))


def deadlines_of_agency(agency_id: int) -> list[Deadline]:
    return earliest_first(answers(deadlines_of_agency_asked, sender=Deadline, agency_id=agency_id))

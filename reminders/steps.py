"""Workplan steps as a reminder source: an open dated step reminds its deliverable's contacts
and the members of its responsible agencies."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse

from reminders.due import Due, DueItem, due_items
from workplan.models import Deliverable, ReminderPolicy, Step


def board_url(year: int) -> str:
    return f"{settings.SITE_URL}{reverse('workplan:board_year', args=[year])}"


def step_reminders(policy: ReminderPolicy, today: datetime.date) -> Iterator[list[DueItem]]:
    """Due reminders of open dated steps, to their deliverable's contacts and members."""
    steps = Step.objects.filter(completed_on__isnull=True).filter(
        Q(deliverable__progress__isnull=True) | Q(deliverable__progress__lt=100)
    )
    urls: dict[int, str] = {}  # reverse() once per workplan year, not once per step

    def describe(row: tuple) -> Due:
        pk, title, due_date, deliverable_id, part_of, year = row
        if year not in urls:
            urls[year] = board_url(year)
        link = f"{urls[year]}#d{deliverable_id}"
        return Due(due_date, deliverable_id, title, part_of, link, {"step_id": pk})

    columns = (
        "title",
        "due_date",
        "deliverable_id",
        "deliverable__title",
        "deliverable__area__workplan__year",
    )
    return due_items(policy, today, steps, "due_date", columns, describe, responsible_people)


def responsible_people(deliverable_ids: Iterable[int]) -> dict[int, list[str]]:
    """Email addresses per deliverable: named contacts, then members of responsible agencies."""
    ids = list(deliverable_ids)
    found: dict[int, dict[str, None]] = defaultdict(dict)
    contacts = (
        Deliverable.contacts.through.objects.filter(deliverable_id__in=ids)
        .exclude(focalpoint__email="")
        .values_list("deliverable_id", Lower("focalpoint__email"))
    )
    members = (
        Deliverable.responsible_agencies.through.objects.filter(
            deliverable_id__in=ids, agency__memberships__profile__user__is_active=True
        )
        .exclude(agency__memberships__profile__user__email="")
        .values_list("deliverable_id", Lower("agency__memberships__profile__user__email"))
    )
    for deliverable_id, email in [*contacts, *members]:
        found[deliverable_id][email] = None
    return {key: list(emails) for key, emails in found.items()}

"""What is due as of a day: the kind of reminder a dated thing is due, and the shared loop
that turns a source's rows into reminders to people (reminders.steps, reminders.rounds).

Which reminder a thing is due, as of `today` (a step completed, or of a deliverable at 100 %,
a submitted round part, is due nothing):
- before its due date: the latest "days before" threshold crossed (with 14,3: "before-14" from
  14 to 4 days ahead, "before-3" from 3 days to 1 day ahead);
- from the due day until the first overdue reminder: "due" (if the policy reminds on the day);
- then every `overdue_every_days`: "overdue-1", "overdue-2"... with the secretariat copied,
  until `overdue_stop_after_weeks`.
Only the latest applicable kind is ever claimed, so a worker that was down for days sends one
reminder when it comes back (catch-up), never the stale ones it missed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.db.models.functions import Lower

from accounts.models import SECRETARIAT_GROUP
from workplan.models import ReminderPolicy

# Rows read per batch: each batch costs the same few queries, whatever its size.
BATCH_SIZE = 1000
# Without overdue reminders, the due-day reminder is still sent this many days late (catch-up).
DUE_DAY_CATCH_UP_DAYS = 7


@dataclass(frozen=True)
class DueItem:
    recipient: str  # lower-cased email address
    kind: str
    due_date: datetime.date
    what: str
    part_of: str
    link: str
    copy: bool = False
    target: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Due:
    """One dated thing as a source reads it, before the policy and the recipients apply.

    `group` keys whose people are reminded (a deliverable, an agency); `target` names the
    ReminderLog column that points back at the thing."""

    due_date: datetime.date
    group: int
    what: str
    part_of: str
    link: str
    target: dict[str, int]


def kind_due(
    due_date: datetime.date,
    today: datetime.date,
    policy: ReminderPolicy,
    day_list: tuple[int, ...] | None = None,
) -> str | None:
    """The one reminder kind a step due on `due_date` calls for on `today`, if any.

    `day_list`: policy.day_list(), when the caller parsed it once for many steps."""
    days = (due_date - today).days
    if days > 0:
        crossed = [day for day in day_list or policy.day_list() if day >= days]
        return f"before-{min(crossed)}" if crossed else None
    late = -days
    every = policy.overdue_every_days
    if every and late >= every:
        stop = policy.overdue_stop_after_weeks
        if stop and late > stop * 7:
            return None
        return f"overdue-{late // every}"
    if policy.on_due_day and late < (every or DUE_DAY_CATCH_UP_DAYS):
        return "due"
    return None


def due_window(
    policy: ReminderPolicy, today: datetime.date
) -> tuple[datetime.date | None, datetime.date]:
    """The due dates that can call for a reminder today (earliest None: no lower bound)."""
    days = policy.day_list()
    latest = today + datetime.timedelta(days=days[0] if days else 0)
    every, stop = policy.overdue_every_days, policy.overdue_stop_after_weeks
    if every and not stop:
        return None, latest
    back = stop * 7 if every else DUE_DAY_CATCH_UP_DAYS
    return today - datetime.timedelta(days=back), latest


def due_items(
    policy: ReminderPolicy,
    today: datetime.date,
    candidates: QuerySet,
    due_field: str,
    columns: tuple[str, ...],
    describe: Callable[[tuple], Due],
    people: Callable[[set[int]], dict[int, list[str]]],
) -> Iterator[list[DueItem]]:
    """The shared loop of the sources: the reminders due as of `today`, in batches.

    `candidates` are read in keyset batches of BATCH_SIZE by primary key, within the due
    window on `due_field`; `describe` turns a row (pk, *columns) into a Due; `people` gives
    the addresses of each group in one query per batch. Each batch costs the same few
    queries, whatever its size. Overdue reminders copy the secretariat when the policy
    says so (each address once per item: a member of the secretariat is not copied twice).
    """
    earliest, latest = due_window(policy, today)
    candidates = candidates.filter(**{f"{due_field}__lte": latest})
    if earliest is not None:
        candidates = candidates.filter(**{f"{due_field}__gte": earliest})
    secretariat: list[str] | None = None
    day_list = policy.day_list()
    last_pk = 0
    while True:
        batch = list(
            candidates.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", *columns)[:BATCH_SIZE]
        )
        if not batch:
            return
        last_pk = batch[-1][0]
        due = [
            (thing, kind_due(thing.due_date, today, policy, day_list))
            for thing in map(describe, batch)
        ]
        due = [(thing, kind) for thing, kind in due if kind]
        if not due:
            continue
        addresses = people({thing.group for thing, _kind in due})
        if secretariat is None and policy.copy_secretariat_when_overdue:
            secretariat = secretariat_emails()
        items: list[DueItem] = []
        for thing, kind in due:
            recipients = dict.fromkeys(addresses.get(thing.group, ()), False)
            if kind.startswith("overdue-") and policy.copy_secretariat_when_overdue:
                for email in secretariat or ():
                    recipients.setdefault(email, True)
            items.extend(
                DueItem(
                    email,
                    kind,
                    thing.due_date,
                    thing.what,
                    thing.part_of,
                    thing.link,
                    copy,
                    thing.target,
                )
                for email, copy in recipients.items()
            )
        if items:
            yield items


def secretariat_emails() -> list[str]:
    users = User.objects.filter(groups__name=SECRETARIAT_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list(Lower("email"), flat=True)))

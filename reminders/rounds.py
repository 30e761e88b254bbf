"""Update-round reminders: a reminder source of the sweep (reminders.sweep.SOURCES).

An agency asked in an open round that has not submitted its part is reminded like a dated
step, with the round's deadline as the due date and the same policy: the members who speak
for the agency get the latest applicable kind, and the secretariat is copied once it is
overdue. A submitted part or a closed round is due nothing. The log row names the part
(ReminderLog.round_part); its unique constraint keeps each reminder to once per (recipient,
part, kind, deadline), so moving the deadline re-arms the reminders.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from reminders.due import Due, DueItem, due_items
from rounds.models import RoundAgency
from workplan.models import ReminderPolicy


def checklist_url(part_id: int) -> str:
    """The agency's checklist for the round: "my agency's rows" in that round."""
    return f"{settings.SITE_URL}{reverse('rounds:checklist', kwargs={'part_id': part_id})}"


def kind_starts(kind: str, deadline: datetime.date, policy: ReminderPolicy) -> datetime.date:
    """The first day a reminder kind applies to a deadline ("before-14": 14 days ahead)."""
    if kind.startswith("before-"):
        return deadline - datetime.timedelta(days=int(kind.removeprefix("before-")))
    if kind.startswith("overdue-"):
        late = int(kind.removeprefix("overdue-")) * (policy.overdue_every_days or 1)
        return deadline + datetime.timedelta(days=late)
    return deadline


def round_reminders(policy: ReminderPolicy, today: datetime.date) -> Iterator[list[DueItem]]:
    """Due reminders of the parts of open rounds not yet submitted, to the agency's members.

    `what` is the round's title and `part_of` the agency: the emails word the request
    ("please confirm your agency's rows by ...") in the recipient's language.

    A reminder whose time had already come when the round opened is not sent: the opening
    email said the same a moment ago (a round opened 10 days ahead of its deadline gets no
    "14 days left" reminder right after it).
    """
    parts = RoundAgency.objects.filter(round__closed_at__isnull=True, submitted_at__isnull=True)
    columns = (
        "agency_id",
        "agency__acronym",
        "round__title",
        "round__deadline",
        "round__opened_at",
    )
    opened: dict[int, datetime.date] = {}

    def describe(row: tuple) -> Due:
        pk, agency_id, acronym, title, deadline, opened_at = row
        opened[pk] = timezone.localtime(opened_at).date()
        return Due(deadline, agency_id, title, acronym, checklist_url(pk), {"round_part_id": pk})

    batches = due_items(policy, today, parts, "round__deadline", columns, describe, agency_members)
    for items in batches:
        kept = [
            item
            for item in items
            if kind_starts(item.kind, item.due_date, policy) > opened[item.target["round_part_id"]]
        ]
        if kept:
            yield kept


def agency_members(agency_ids: Iterable[int]) -> dict[int, list[str]]:
    """Email addresses of the active users who speak for each agency, in one query."""
    found: dict[int, dict[str, None]] = defaultdict(dict)
    rows = (
        Membership.objects.filter(agency_id__in=list(agency_ids), profile__user__is_active=True)
        .exclude(profile__user__email="")
        .values_list("agency_id", Lower("profile__user__email"))
    )
    for agency_id, email in rows:
        found[agency_id][email] = None
    return {key: list(emails) for key, emails in found.items()}

"""Update-round reminders: the second reminder source (see workplan.reminders, SOURCES).

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

from accounts.models import Membership
from rounds.models import RoundAgency
from workplan.models import ReminderPolicy
from workplan.reminders import BATCH_SIZE, DueItem, due_window, kind_due, secretariat_emails


def checklist_url(part_id: int) -> str:
    """The agency's checklist for the round: "my agency's rows" in that round."""
    return f"{settings.SITE_URL}{reverse('rounds:checklist', kwargs={'part_id': part_id})}"


def round_reminders(policy: ReminderPolicy, today: datetime.date) -> Iterator[list[DueItem]]:
    """Due reminders of the parts of open rounds not yet submitted, to the agency's members.

    `what` is the round's title and `part_of` the agency: the emails word the request
    ("please confirm your agency's rows by ...") in the recipient's language."""
    earliest, latest = due_window(policy, today)
    parts = RoundAgency.objects.filter(
        round__closed_at__isnull=True, submitted_at__isnull=True, round__deadline__lte=latest
    )
    if earliest is not None:
        parts = parts.filter(round__deadline__gte=earliest)
    secretariat: list[str] | None = None
    day_list = policy.day_list()
    last_pk = 0
    while True:
        batch = list(
            parts.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", "agency_id", "agency__acronym", "round__title", "round__deadline")[
                :BATCH_SIZE
            ]
        )
        if not batch:
            return
        last_pk = batch[-1][0]
        due = [(row, kind_due(row[4], today, policy, day_list)) for row in batch]
        due = [(row, kind) for row, kind in due if kind]
        if not due:
            continue
        members = agency_members({row[1] for row, _kind in due})
        if secretariat is None and policy.copy_secretariat_when_overdue:
            secretariat = secretariat_emails()
        items: list[DueItem] = []
        for (pk, agency_id, acronym, title, deadline), kind in due:
            recipients = dict.fromkeys(members.get(agency_id, ()), False)
            if kind.startswith("overdue-") and policy.copy_secretariat_when_overdue:
                for email in secretariat or ():
                    recipients.setdefault(email, True)
            link = checklist_url(pk)
            items.extend(
                DueItem(email, kind, deadline, title, acronym, link, copy, {"round_part_id": pk})
                for email, copy in recipients.items()
            )
        if items:
            yield items


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

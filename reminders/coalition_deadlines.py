"""Every deadline still open across the coalition, for the secretariat: workplan steps and
update rounds' parts, grouped by agency or by deliverable, each with the reminders sent about
it (who, when). It lives with the reminder log, above both kinds of deadline."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from agencies.models import Agency
from reminders.kinds import kind_label
from reminders.models import ReminderLog
from rounds.deadlines import as_deadline, open_parts
from workplan.models import Deliverable, Step
from workplan.status import DONE, with_status


def board_path(deliverable: Deliverable) -> str:
    year = deliverable.area.workplan.year
    return f"{reverse('workplan:board_year', args=[year])}#d{deliverable.pk}"


@dataclass
class OpenItem:
    """A step or another deadline, with the agencies answering for it and its reminders."""

    title: str
    due_date: datetime.date
    late: bool
    path: str
    deliverable: Deliverable | None = None  # None for another app's deadline
    part_of: str = ""
    group: str = ""  # another app's deadlines: what they are grouped under (a round)
    agencies: list[Agency] = field(default_factory=list)
    reminders: list[ReminderLog] = field(default_factory=list)


@dataclass
class Group:
    title: str
    path: str = ""
    items: list[OpenItem] = field(default_factory=list)

    @property
    def late_count(self) -> int:
        return sum(1 for item in self.items if item.late)


def open_steps(today: datetime.date) -> QuerySet[Step]:
    """Steps not completed, of deliverables not done (progress under 100 %)."""
    not_done = with_status(Deliverable.objects.all(), today).exclude(status=DONE)
    return (
        Step.objects.filter(completed_on__isnull=True, deliverable__in=not_done.values("pk"))
        .select_related("deliverable__area__workplan")
        .prefetch_related(
            Prefetch(
                "deliverable__responsible_agencies", queryset=Agency.objects.order_by("acronym")
            )
        )
        .order_by("due_date", "pk")
    )


def reminders_about(column: str, ids: list[int]) -> dict[int, list[ReminderLog]]:
    """The reminders handed over about these steps (column "step_id") or round parts
    ("round_part_id"), oldest first, by the thing's id. One query."""
    found: dict[int, list[ReminderLog]] = defaultdict(list)
    if not ids:
        return found
    rows = ReminderLog.objects.filter(**{f"{column}__in": ids}).order_by("claimed_at", "pk")
    for row in rows:
        row.kind_words = kind_label(row.kind)
        found[getattr(row, column)].append(row)
    return found


def open_items(today: datetime.date) -> list[OpenItem]:
    """Everything open, earliest due first: steps, and the parts of open rounds that the
    agencies asked have not submitted yet."""
    steps = list(open_steps(today))
    parts = list(open_parts().filter(submitted_at__isnull=True).order_by("round__deadline", "pk"))
    about_steps = reminders_about("step_id", [step.pk for step in steps])
    about_parts = reminders_about("round_part_id", [part.pk for part in parts])
    items = [
        OpenItem(
            title=step.title,
            due_date=step.due_date,
            late=step.due_date < today,
            path=board_path(step.deliverable),
            deliverable=step.deliverable,
            part_of=step.deliverable.title,
            agencies=list(step.deliverable.responsible_agencies.all()),
            reminders=about_steps.get(step.pk, []),
        )
        for step in steps
    ]
    for part in parts:
        deadline = as_deadline(part)
        items.append(
            OpenItem(
                title=deadline.title,
                due_date=deadline.due_date,
                late=deadline.due_date < today,
                path=deadline.path,
                part_of=deadline.part_of,
                group=deadline.group,
                agencies=[part.agency],
                reminders=about_parts.get(part.pk, []),
            )
        )
    return sorted(items, key=lambda item: item.due_date)


def by_agency(items: list[OpenItem]) -> list[Group]:
    """One group per agency answering (an item of two agencies is in both); the items that
    name no agency last."""
    groups: dict[int | None, Group] = {}
    for item in items:
        for agency in item.agencies or [None]:
            key = agency.pk if agency else None
            if key not in groups:
                title = f"{agency.acronym} · {agency.name}" if agency else _("No agency named")
                path = reverse("agencies:detail", args=[agency.acronym]) if agency else ""
                groups[key] = Group(title, path)
            groups[key].items.append(item)
    named = sorted(
        (group for key, group in groups.items() if key is not None),
        key=lambda group: group.title.lower(),
    )
    return named + ([groups[None]] if None in groups else [])


def by_deliverable(items: list[OpenItem]) -> list[Group]:
    """One group per deliverable, then one per other kind of deadline (each round)."""
    groups: dict[object, Group] = {}
    for item in items:
        key = item.deliverable.pk if item.deliverable else item.group or item.title
        if key not in groups:
            title = item.deliverable.title if item.deliverable else item.group or item.title
            groups[key] = Group(title, item.path if item.deliverable else "")
        groups[key].items.append(item)
    return list(groups.values())

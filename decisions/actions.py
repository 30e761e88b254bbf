"""An action point is chased like any deadline of the workplan: it is kept as a deliverable
of its own (owner agency responsible, owner person as contact) with one dated step, in the
area "Action points of meetings" of the year it is due. Reminders then go to exactly its
owner agency's members and its owner person, and the step shows in "My deadlines" and in
the calendar feeds with nothing added there."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from decisions.models import ActionPoint, ActionStatus
from workplan.models import Area, Deliverable, Step, Workplan
from workplan.steps import keep_dated_step

# Stored in English like the rest of the plan's titles; found again by it.
AREA_TITLE = "Action points of meetings"


def action_area(year: int) -> Area:
    """The year's area for action points (and the year's workplan, made if there is none)."""
    workplan, _created = Workplan.objects.get_or_create(
        year=year, defaults={"title": f"Workplan {year}"}
    )
    area = workplan.areas.filter(title=AREA_TITLE).first()
    if area is None:
        last = workplan.areas.aggregate(last=Max("number"))["last"] or 0
        area = Area.objects.create(workplan=workplan, number=last + 1, title=AREA_TITLE)
    return area


@transaction.atomic
def sync_action_step(action: ActionPoint) -> Step:
    """Make the workplan say what the action point says: its deliverable (title, area of the
    due year, owner agency and person) and its step (title, due date, completed when the
    action is done or dropped, open again when reopened)."""
    step = action.step
    deliverable = step.deliverable if step is not None else None
    area = action_area(action.due_date.year)
    title = action.text[:300]
    if deliverable is None:
        deliverable = Deliverable.objects.create(
            area=area, title=title, objective=str(action.meeting)[:1000]
        )
    elif (deliverable.area_id, deliverable.title) != (area.pk, title):
        deliverable.area, deliverable.title = area, title
        deliverable.save(update_fields=["area", "title"])
    deliverable.responsible_agencies.set([action.owner_agency_id])
    deliverable.contacts.set([action.owner_person_id] if action.owner_person_id else [])

    finished = action.status != ActionStatus.OPEN
    if step is not None and step.completed_on is not None and not finished:
        step.completed_on = None  # reopened: chased again
        step.save(update_fields=["completed_on"])
    step = keep_dated_step(
        step, deliverable_id=deliverable.pk, title=title, due_date=action.due_date
    )
    if finished and step.completed_on is None:
        step.completed_on = timezone.localdate()
        step.due_note = str(action.get_status_display())
        step.save(update_fields=["completed_on", "due_note"])
    if action.step_id != step.pk:
        ActionPoint.objects.filter(pk=action.pk).update(step=step)
        action.step = step
    return step


def step_completed(step: Step) -> None:
    """A step finished elsewhere (its output uploaded): the action point it mirrors is done."""
    ActionPoint.objects.filter(step=step, status=ActionStatus.OPEN).update(status=ActionStatus.DONE)


def remove_action_step(action: ActionPoint) -> None:
    """The action point is gone: its deliverable and step go with it."""
    if action.step_id is not None:
        Deliverable.objects.filter(steps__pk=action.step_id).delete()

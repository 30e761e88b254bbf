"""A dated thing kept elsewhere in the hub (a global process's input deadline, a meeting's
action point) mirrored as a dated step of the workplan, so that reminders, "My deadlines"
and the calendar feeds chase it like any other step. Written once for every such source."""

import datetime

from workplan.models import Step


def keep_dated_step(
    step: Step | None,
    *,
    deliverable_id: int | None,
    title: str,
    due_date: datetime.date | None,
) -> Step | None:
    """The step as the source wants it now: created, moved or retitled; removed (None) when
    the source no longer has a date or a deliverable. A step already completed is history:
    it is left as it is (and returned)."""
    if step is not None and step.completed_on is not None:
        return step
    if not (due_date and deliverable_id):
        if step is not None:
            step.delete()
        return None
    if step is None:
        return Step.objects.create(deliverable_id=deliverable_id, title=title, due_date=due_date)
    if (step.deliverable_id, step.title, step.due_date) != (deliverable_id, title, due_date):
        step.deliverable_id, step.title, step.due_date = deliverable_id, title, due_date
        step.save()
    return step

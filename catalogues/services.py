"""A global process's input deadline, kept as a dated step of its workplan deliverable."""

from django.db import transaction
from django.utils.translation import gettext as _

from catalogues.models import GlobalProcess
from workplan.models import Step


@transaction.atomic
def sync_input_step(process: GlobalProcess) -> Step | None:
    """Create, move or remove the step "Coalition input to <process>" so that it matches the
    process's deadline and deliverable. A step already completed is left as it is."""
    step = process.input_step
    wanted = process.input_deadline and process.deliverable_id
    if not wanted:
        if step is not None and step.completed_on is None:
            process.input_step = None
            process.save(update_fields=["input_step"])
            step.delete()
        return None
    title = _("Coalition input to %(process)s") % {"process": process.name}
    if step is None:
        step = Step.objects.create(
            deliverable_id=process.deliverable_id, title=title, due_date=process.input_deadline
        )
        process.input_step = step
        process.save(update_fields=["input_step"])
    elif step.completed_on is None:
        step.deliverable_id = process.deliverable_id
        step.title = title
        step.due_date = process.input_deadline
        step.save()
    return step

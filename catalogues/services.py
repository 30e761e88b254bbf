"""A global process's input deadline, kept as a dated step of its workplan deliverable."""

from django.db import transaction
from django.utils.translation import gettext as _

from catalogues.models import GlobalProcess
from workplan.models import Step
from workplan.steps import keep_dated_step


@transaction.atomic
def sync_input_step(process: GlobalProcess) -> Step | None:
    """Create, move or remove the step "Coalition input to <process>" so that it matches the
    process's deadline and deliverable. A step already completed is left as it is."""
    step = keep_dated_step(
        process.input_step,
        deliverable_id=process.deliverable_id if process.input_deadline else None,
        title=_("Coalition input to %(process)s") % {"process": process.name},
        due_date=process.input_deadline,
    )
    if step != process.input_step:
        process.input_step = step
        process.save(update_fields=["input_step"])
    return step

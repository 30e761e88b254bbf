"""The workplan as a spreadsheet: one row per dated step, with its deliverable's details.

One row per step (not per deliverable) so that due dates are real dates a spreadsheet
sorts and filters; a deliverable without steps still gets one row. Feed a WorkplanTable to
core.spreadsheets.responses.table_response for CSV, XLSX or ODS:

    table_response(WorkplanTable(deliverables, include_contacts=...), fmt, filename=...)

`deliverables` is whatever the board shows (its filters applied), in the board's order.
"""

import datetime
from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.spreadsheets.cells import ColumnNote
from workplan.models import Deliverable, Step

COLUMNS: list[tuple[Any, Any]] = [
    (_("Workplan year"), _("The year of the workplan.")),
    (_("Area number"), _("The area's number in the workplan (1 Country operations...).")),
    (_("Area"), _("The area's title.")),
    (_("Deliverable"), _("What is delivered.")),
    (_("Objective"), _("Why it is delivered.")),
    (_("Responsible agencies"), _("Agency acronyms, separated by semicolons.")),
    (_("Responsible people"), _("Names, separated by semicolons.")),
    (_("Responsible (as written)"), _("Groups no agency list captures.")),
    (_("Step"), _("A dated step of the deliverable (empty when it has none).")),
    (_("Due date"), _("When the step is due.")),
    (_("Due (as written)"), _('How the plan words the date, e.g. "End 2012 and ongoing".')),
    (_("Completed on"), _("When the step was done (empty while open).")),
    (_("Overdue"), _("yes: the step is open and its due date has passed.")),
]
CONTACT_COLUMN = (
    _("Responsible people's emails"),
    _("Shown to logged-in users only."),
)


class WorkplanTable:
    """The header, then one row per step of each deliverable, in the deliverables' order."""

    def __init__(
        self,
        deliverables: QuerySet[Deliverable],
        *,
        include_contacts: bool,
        today: datetime.date | None = None,
    ) -> None:
        self.deliverables = deliverables
        self.include_contacts = include_contacts
        self.today = today or timezone.localdate()

    def columns(self) -> list[tuple[Any, Any]]:
        return [*COLUMNS, *([CONTACT_COLUMN] if self.include_contacts else [])]

    def column_notes(self) -> list[ColumnNote]:
        allowed = {str(_("Overdue")): f"{gettext('yes')}; {gettext('no')}"}
        notes = []
        for header, meaning in self.columns():
            notes.append(ColumnNote(str(header), str(meaning), allowed.get(str(header), "")))
        return notes

    def iter_table(self) -> Iterator[list[Any]]:
        yield [str(header) for header, _meaning in self.columns()]
        yes, no = gettext("yes"), gettext("no")
        steps = Prefetch("steps", queryset=Step.objects.order_by("due_date", "id"))
        rows = self.deliverables.select_related("area__workplan").prefetch_related(
            "responsible_agencies", "contacts", steps
        )
        for deliverable in rows:
            agencies = sorted(agency.acronym for agency in deliverable.responsible_agencies.all())
            people = sorted(deliverable.contacts.all(), key=lambda person: person.name)
            head = [
                deliverable.area.workplan.year,
                deliverable.area.number,
                deliverable.area.title,
                deliverable.title,
                deliverable.objective,
                "; ".join(agencies),
                "; ".join(person.name for person in people),
                deliverable.responsible_note,
            ]
            tail = ["; ".join(p.email for p in people if p.email)] if self.include_contacts else []
            for step in deliverable.steps.all() or [None]:
                if step is None:
                    yield [*head, "", None, "", None, no, *tail]
                    continue
                overdue = step.completed_on is None and step.due_date < self.today
                yield [
                    *head,
                    step.title,
                    step.due_date,
                    step.due_note,
                    step.completed_on,
                    yes if overdue else no,
                    *tail,
                ]

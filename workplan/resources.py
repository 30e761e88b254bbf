"""Workplan deliverables in spreadsheets, by year, area number and title."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import widgets
from import_export.fields import Field

from agencies.resources import AgencyListWidget, FocalPointListWidget
from core.resources import HubResource, join_list
from workplan.models import Area, Deliverable

YEAR_HEADER = _("Workplan year")


class AreaWidget(widgets.Widget):
    """An area by its number; the row's workplan year says which workplan."""

    def export_value(self, area: Area | None) -> Any:
        return area.number if area is not None else None

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        return self.export_value(value)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Area | None:
        number = str(value or "").strip()
        year = str((row or {}).get(str(YEAR_HEADER)) or "").strip()
        if not number:
            return None
        area = None
        if number.isdigit() and year.isdigit():
            area = Area.objects.filter(workplan__year=int(year), number=int(number)).first()
        if area is None:
            raise ValueError(
                gettext("No area %(number)s in the %(year)s workplan.")
                % {"number": number, "year": year}
            )
        return area


class DeliverableResource(HubResource):
    workplan_year = Field(column_name=YEAR_HEADER, readonly=True)
    area = Field("area", column_name=_("Area number"), widget=AreaWidget())
    area_title = Field(column_name=_("Area"), readonly=True)
    title = Field("title", column_name=_("Deliverable"), widget=widgets.CharWidget())
    objective = Field("objective", column_name=_("Objective"), widget=widgets.CharWidget())
    how = Field("how", column_name=_("How it is done"), widget=widgets.CharWidget())
    responsible_agencies = Field(
        "responsible_agencies", column_name=_("Responsible agencies"), widget=AgencyListWidget()
    )
    contacts = Field("contacts", column_name=_("Responsible people"), widget=FocalPointListWidget())
    responsible_note = Field(
        "responsible_note", column_name=_("Responsible (as written)"), widget=widgets.CharWidget()
    )
    steps = Field(column_name=_("Dated steps"), readonly=True)
    next_due = Field(column_name=_("Next due"), readonly=True)

    class Meta:
        model = Deliverable
        name = _("Deliverables (by year, area and title)")
        fields = (
            "workplan_year",
            "area",
            "area_title",
            "title",
            "objective",
            "how",
            "responsible_agencies",
            "contacts",
            "responsible_note",
            "steps",
            "next_due",
        )
        export_order = fields
        import_id_fields = ("area", "title")
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def prepare_export_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset.select_related("area__workplan").prefetch_related(
            "responsible_agencies", "contacts", "steps"
        )

    def dehydrate_workplan_year(self, deliverable: Deliverable) -> int | None:
        return deliverable.area.workplan.year if deliverable.area_id else None

    def dehydrate_area_title(self, deliverable: Deliverable) -> str:
        return deliverable.area.title if deliverable.area_id else ""

    def dehydrate_steps(self, deliverable: Deliverable) -> str:
        if deliverable.pk is None:
            return ""
        return join_list(f"{s.due_date:%Y-%m-%d}: {s.title}" for s in deliverable.steps.all())

    def dehydrate_next_due(self, deliverable: Deliverable) -> Any:
        if deliverable.pk is None:
            return None
        open_steps = [s.due_date for s in deliverable.steps.all() if s.completed_on is None]
        return min(open_steps, default=None)

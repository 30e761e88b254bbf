"""SPF activities in spreadsheets: the matrix as people read it, edit it and send it back.

Rows are matched on the activity's public reference; countries travel as ISO alpha-3
codes, agencies as acronyms (one column per role), focal points and tools by name.
"""

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export import widgets
from import_export.fields import Field

from activities.models import (
    Activity,
    ActivityAgency,
    ActivityStatus,
    ActivityType,
    Guarantee,
    Role,
    Tool,
    new_reference,
    role_order,
)
from agencies.models import Agency, FocalPoint
from agencies.resources import AgencyNamesWidget, one_focal_point
from core.names import name_key
from core.resources import (
    EXPORT_CHUNK,
    ChoiceWidget,
    HubResource,
    YesNoWidget,
    join_list,
    split_list,
)
from countries.resources import CountryWidget

# The agency columns, one per role, in the order the matrix shows them.
ROLE_COLUMNS: dict[str, str] = {
    "lead_agency": Role.LEAD,
    "co_lead_agencies": Role.CO_LEAD,
    "partner_agencies": Role.PARTNER,
    "funder_agencies": Role.FUNDER,
}
FOCAL_EMAIL_HEADER = _("Focal point email")


@dataclass(frozen=True)
class RolePlan:
    """The agencies an imported row asks for, limited to the role columns the file has."""

    wanted: dict[int, str]  # agency id -> role
    managed: frozenset[str]  # roles whose column is in the file


def set_participations(
    activity: Activity, wanted: dict[int, str], managed: Collection[str] = tuple(Role.values)
) -> bool:
    """Give the activity exactly the `wanted` agencies in the `managed` roles.

    Links in other roles are left alone unless `wanted` names their agency. Each link is
    saved on its own so its history records who changed it. Returns True on any change.
    """
    current = {link.agency_id: link for link in activity.participations.all()}
    changed = False
    for agency_id, link in current.items():
        if agency_id not in wanted and link.role in managed:
            link.delete()
            changed = True
    # Demote before promoting: the database allows one lead at every single step.
    last_the_lead = lambda item: item[1] == Role.LEAD  # noqa: E731
    updates = [
        (current[agency_id], role)
        for agency_id, role in wanted.items()
        if agency_id in current and current[agency_id].role != role
    ]
    for link, role in sorted(updates, key=last_the_lead):
        link.role = role
        link.save(update_fields=["role"])
        changed = True
    for agency_id, role in sorted(wanted.items(), key=last_the_lead):
        if agency_id not in current:
            ActivityAgency.objects.create(activity=activity, agency_id=agency_id, role=role)
            changed = True
    return changed


TOOL_COLUMNS = ("tools_used", "tools_needed")
NO_NAMES: dict[str, str] = dict.fromkeys((*Role.values, *TOOL_COLUMNS), "")


def attach_export_names(activities: list[Activity]) -> None:
    """Give each activity `export_names`: its agencies by role and its tools, as cells.

    Three queries for the whole list. Django's prefetch_related would build a model
    instance and a queryset for every link; measured on 10,000 activities that was half
    the time of an XLSX export, which plain (id, name) rows avoid.
    """
    names = {activity.pk: {key: [] for key in NO_NAMES} for activity in activities}
    links = (
        ActivityAgency.objects.filter(activity_id__in=names)
        .order_by(role_order(), "agency__acronym")
        .values_list("activity_id", "role", "agency__acronym")
    )
    for activity_id, role, acronym in links:
        names[activity_id][role].append(acronym)
    for column in TOOL_COLUMNS:
        through = getattr(Activity, column).through
        rows = (
            through.objects.filter(activity_id__in=names)
            .order_by("tool__name")
            .values_list("activity_id", "tool__name")
        )
        for activity_id, tool in rows:
            names[activity_id][column].append(tool)
    for activity in activities:
        cells = names[activity.pk]
        activity.export_names = {key: join_list(values) for key, values in cells.items()}


class ReferenceWidget(widgets.CharWidget):
    """References are typed by people: ignore spaces and case."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        return str(value or "").strip().upper()


class FocalPointWidget(widgets.Widget):
    """The focal point by name; an email in the row settles two people with one name."""

    def export_value(self, person: FocalPoint | None) -> str:
        return person.name if person is not None else ""

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> FocalPoint | None:
        name = str(value or "").strip()
        email = str((row or {}).get(str(FOCAL_EMAIL_HEADER)) or "").strip()
        return one_focal_point(name, email) if name or email else None


class ToolListWidget(widgets.ManyToManyWidget):
    """SPF tools by name (or acronym), separated by semicolons."""

    def __init__(self) -> None:
        super().__init__(Tool, field="name", separator=";")
        self._index: dict[str, Tool] | None = None

    def export_value(self, tools: Any) -> str:
        return join_list(tool.name for tool in tools.all()) if tools is not None else ""

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> list[Tool]:
        if self._index is None:
            self._index = {}
            for tool in Tool.objects.all():
                self._index[name_key(tool.name)] = tool
                if tool.acronym:
                    self._index.setdefault(name_key(tool.acronym), tool)
        names = split_list(value)
        unknown = [name for name in names if name_key(name) not in self._index]
        if unknown:
            message = ngettext(
                "Unknown SPF tool: %(names)s.", "Unknown SPF tools: %(names)s.", len(unknown)
            )
            raise ValueError(message % {"names": ", ".join(unknown)})
        return [self._index[name_key(name)] for name in names]


def yes_no(attribute: str, guarantee: Guarantee) -> Field:
    return Field(attribute, column_name=guarantee.label, widget=YesNoWidget())


class ActivityResource(HubResource):
    """The matrix: one row per activity, the same columns in the admin and the front end."""

    reference = Field(
        "reference", column_name=_("Reference"), widget=ReferenceWidget(), default=new_reference
    )
    country_code = Field("country", column_name=_("Country code"), widget=CountryWidget())
    country = Field(column_name=_("Country"), readonly=True)
    title = Field("title", column_name=_("Title"), widget=widgets.CharWidget())
    description = Field("description", column_name=_("Description"), widget=widgets.CharWidget())
    activity_type = Field("activity_type", column_name=_("Type"), widget=ChoiceWidget(ActivityType))
    status = Field("status", column_name=_("Status"), widget=ChoiceWidget(ActivityStatus))
    covers_health = yes_no("covers_health", Guarantee.HEALTH)
    covers_children = yes_no("covers_children", Guarantee.CHILDREN)
    covers_working_age = yes_no("covers_working_age", Guarantee.WORKING_AGE)
    covers_older_persons = yes_no("covers_older_persons", Guarantee.OLDER_PERSONS)
    start_date = Field("start_date", column_name=_("Start date"), widget=widgets.DateWidget())
    end_date = Field("end_date", column_name=_("End date"), widget=widgets.DateWidget())
    lead_agency = Field(column_name=_("Lead agency"), widget=AgencyNamesWidget())
    co_lead_agencies = Field(column_name=_("Co-lead agencies"), widget=AgencyNamesWidget())
    partner_agencies = Field(column_name=_("Partner agencies"), widget=AgencyNamesWidget())
    funder_agencies = Field(column_name=_("Funding agencies"), widget=AgencyNamesWidget())
    focal_point = Field("focal_point", column_name=_("Focal point"), widget=FocalPointWidget())
    focal_point_email = Field(column_name=FOCAL_EMAIL_HEADER, readonly=True)
    focal_point_phone = Field(column_name=_("Focal point phone"), readonly=True)
    tools_used = Field("tools_used", column_name=_("Tools used"), widget=ToolListWidget())
    tools_needed = Field("tools_needed", column_name=_("Tools needed"), widget=ToolListWidget())
    funding = Field("funding", column_name=_("Funding"), widget=widgets.CharWidget())
    updated_at = Field("updated_at", column_name=_("Last updated"), readonly=True)

    contact_fields = ("focal_point_email", "focal_point_phone")

    class Meta:
        model = Activity
        name = _("SPF activities (matrix)")
        fields = (
            "reference",
            "country_code",
            "country",
            "title",
            "description",
            "activity_type",
            "status",
            "covers_health",
            "covers_children",
            "covers_working_age",
            "covers_older_persons",
            "start_date",
            "end_date",
            *ROLE_COLUMNS,
            "focal_point",
            "focal_point_email",
            "focal_point_phone",
            "tools_used",
            "tools_needed",
            "funding",
            "updated_at",
        )
        export_order = fields
        import_id_fields = ("reference",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        chunk_size = 2000

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._countries: dict[int, tuple[str, str]] = {}

    def iter_objects(self, queryset: QuerySet) -> Iterator[Activity]:
        # The caller's prefetches are dropped: attach_export_names does that job faster.
        rows = queryset.prefetch_related(None).select_related("country", "focal_point")
        records = rows.iterator(chunk_size=EXPORT_CHUNK)
        while chunk := list(islice(records, EXPORT_CHUNK)):
            attach_export_names(chunk)
            yield from chunk

    def names(self, activity: Activity) -> dict[str, str]:
        """The agency and tool cells of the activity (read on demand outside exports)."""
        if activity.pk is None:
            return NO_NAMES
        if "export_names" not in activity.__dict__:
            attach_export_names([activity])
        return activity.export_names

    def country_cells(self, activity: Activity) -> tuple[str, str]:
        """(alpha-3 code, localised name): worked out once per country, not once per row."""
        if not activity.country_id:
            return ("", "")
        cells = self._countries.get(activity.country_id)
        if cells is None:
            country = activity.country
            cells = self._countries[activity.country_id] = (country.alpha3, str(country))
        return cells

    def dehydrate_country_code(self, activity: Activity) -> str:
        return self.country_cells(activity)[0]

    def dehydrate_country(self, activity: Activity) -> str:
        return self.country_cells(activity)[1]

    def dehydrate_lead_agency(self, activity: Activity) -> str:
        return self.names(activity)[Role.LEAD]

    def dehydrate_co_lead_agencies(self, activity: Activity) -> str:
        return self.names(activity)[Role.CO_LEAD]

    def dehydrate_partner_agencies(self, activity: Activity) -> str:
        return self.names(activity)[Role.PARTNER]

    def dehydrate_funder_agencies(self, activity: Activity) -> str:
        return self.names(activity)[Role.FUNDER]

    def dehydrate_focal_point(self, activity: Activity) -> str:
        return activity.focal_point.name if activity.focal_point_id else ""

    def dehydrate_focal_point_email(self, activity: Activity) -> str:
        return activity.focal_point.email if activity.focal_point_id else ""

    def dehydrate_focal_point_phone(self, activity: Activity) -> str:
        return activity.focal_point.phone if activity.focal_point_id else ""

    def dehydrate_tools_used(self, activity: Activity) -> str:
        return self.names(activity)["tools_used"]

    def dehydrate_tools_needed(self, activity: Activity) -> str:
        return self.names(activity)["tools_needed"]

    # Import: agencies and tools are checked with the row, written after it is saved.

    def role_plan(self, row: dict) -> RolePlan | None:
        """The agencies the row's role columns ask for; None when the file has none."""
        present = [name for name in ROLE_COLUMNS if str(self.fields[name].column_name) in row]
        if not present:
            return None
        wanted: dict[Agency, str] = {}
        errors: dict[str, str] = {}
        for name in present:
            role = ROLE_COLUMNS[name]
            try:
                agencies = self.fields[name].clean(row)
            except ValueError as error:
                errors[name] = str(error)
                continue
            if role == Role.LEAD and len(agencies) > 1:
                errors[name] = gettext("Only one agency can lead an activity.")
            for agency in agencies:
                if wanted.setdefault(agency, role) != role:
                    errors[name] = gettext("%(agency)s is listed in two roles.") % {
                        "agency": agency.acronym
                    }
        if errors:
            raise ValidationError(errors)
        managed = frozenset(ROLE_COLUMNS[name] for name in present)
        return RolePlan({agency.pk: role for agency, role in wanted.items()}, managed)

    def import_instance(self, instance: Activity, row: dict, **kwargs: Any) -> None:
        errors: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # Tools are saved after the row: check them now so a typo is reported with the row.
        for name in ("tools_used", "tools_needed"):
            if str(self.fields[name].column_name) in row:
                try:
                    self.fields[name].clean(row)
                except ValueError as error:
                    errors[name] = [str(error)]
        try:
            instance._role_plan = self.role_plan(row)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def roles_differ(self, activity: Activity, plan: RolePlan) -> bool:
        if activity.pk is None:
            return bool(plan.wanted)
        current = {link.agency_id: link.role for link in activity.participations.all()}
        if any(current.get(agency_id) != role for agency_id, role in plan.wanted.items()):
            return True
        return any(
            role in plan.managed and agency_id not in plan.wanted
            for agency_id, role in current.items()
        )

    def skip_row(self, instance: Any, original: Any, row: Any, import_validation_errors=None):
        if not super().skip_row(instance, original, row, import_validation_errors):
            return False
        plan = getattr(instance, "_role_plan", None)
        return plan is None or not self.roles_differ(original, plan)

    def after_save_instance(self, instance: Activity, row: dict, **kwargs: Any) -> None:
        plan = getattr(instance, "_role_plan", None)
        if plan is not None and self.writes_allowed(kwargs):
            set_participations(instance, plan.wanted, plan.managed)

"""SPF activities in spreadsheets: the matrix's columns, as people read them.

Countries travel as ISO alpha-3 codes, agencies as acronyms (one column per role), focal
points and tools by name. These are the export's columns (the front-end downloads and the
admin's export); the way back in is the spreadsheet import (imports), which reads the same
headers in every site language: one import, for the admin too.
"""

from collections.abc import Iterator
from itertools import islice
from typing import Any

from django.db.models import QuerySet
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
    role_order,
)
from agencies.models import FocalPoint
from agencies.resources import AgencyNamesWidget
from core.resources import (
    EXPORT_CHUNK,
    ChoiceWidget,
    HubResource,
    YesNoWidget,
    join_list,
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


class FocalPointWidget(widgets.Widget):
    """The focal point by name."""

    def export_value(self, person: FocalPoint | None) -> str:
        return person.name if person is not None else ""

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)


class ToolListWidget(widgets.Widget):
    """SPF tools by name, separated by semicolons."""

    def export_value(self, tools: Any) -> str:
        return join_list(tool.name for tool in tools.all()) if tools is not None else ""

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)


def yes_no(attribute: str, guarantee: Guarantee) -> Field:
    return Field(attribute, column_name=guarantee.label, widget=YesNoWidget())


class ActivityResource(HubResource):
    """The matrix: one row per activity, the same columns in the admin and the front end."""

    reference = Field("reference", column_name=_("Reference"), widget=widgets.CharWidget())
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
    # The version downloaded: an import of the file then never undoes a newer edit.
    version = Field("version", column_name=_("Version"), readonly=True)

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
            "version",
        )
        export_order = fields

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

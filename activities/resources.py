"""SPF activities in spreadsheets: the matrix's columns, as people read them.

Countries travel as ISO alpha-3 codes (a list, the main country first, with the scope and
the region beside them), places inside them as ISO 3166-2 codes, agencies as acronyms (one
column per role), focal points, tools and themes by name. These are the export's columns
(the front-end downloads and the admin's export); the way back in is the spreadsheet
import (imports), which reads the same headers in every site language: one import, for the
admin too.
"""

from collections import defaultdict, namedtuple
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from import_export import widgets
from import_export.fields import Field

from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityAgency,
    ActivityStatus,
    ActivityType,
    Guarantee,
    Role,
    role_order,
)
from activities.place_cells import (
    NO_PLACES,
    PlaceCells,
    Places,
    PlaceWriter,
    covered_countries,
    places_by_activity,
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
from countries.models import Country

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

# The activity's own columns an export reads, fetched as plain values: a model instance
# per row (and one for its country and focal point) was a third of an XLSX export's time.
EXPORT_VALUES = (
    "pk",
    "reference",
    "scope",
    "region",
    "country_id",
    "title",
    "description",
    "activity_type",
    "status",
    *GUARANTEE_FIELDS.values(),
    "start_date",
    "end_date",
    "focal_point_id",
    "funding",
    "updated_at",
    "version",
)
# One activity as an export reads it: the model's attribute names (so the resource's
# getters read it like an Activity), its country and focal point (shared between rows),
# its agency and tool cells, and its places (activities.place_cells).
ExportRecord = namedtuple(
    "ExportRecord",
    [*EXPORT_VALUES, "country", "focal_point", "export_names", "places", "countries"],
)
COUNTRY_AT = EXPORT_VALUES.index("country_id")
FOCAL_POINT_AT = EXPORT_VALUES.index("focal_point_id")


def id_subquery(queryset: QuerySet[Activity]) -> Any:
    """The queryset's ids as a subquery (one query whatever the number of rows), or as a
    list when it is sliced (a sliced queryset cannot be reordered into a subquery)."""
    if queryset.query.is_sliced:
        return list(queryset.values_list("pk", flat=True))
    return queryset.order_by().values("pk")


def names_by_activity(ids: Any) -> dict[int, dict[str, str]]:
    """Each activity's agencies by role and its tools, as cells: three queries in all.

    Plain (id, name) rows: Django's prefetch_related would build a model instance and a
    queryset for every link (half the time of an XLSX export, measured on 10,000 rows).
    """
    found: defaultdict[int, defaultdict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    links = (
        ActivityAgency.objects.filter(activity_id__in=ids)
        .order_by(role_order(), "agency__acronym")
        .values_list("activity_id", "role", "agency__acronym")
    )
    for activity_id, role, acronym in links:
        found[activity_id][role].append(acronym)
    for column in TOOL_COLUMNS:
        through = getattr(Activity, column).through
        rows = (
            through.objects.filter(activity_id__in=ids)
            .order_by("tool__name")
            .values_list("activity_id", "tool__name")
        )
        for activity_id, tool in rows:
            found[activity_id][column].append(tool)
    return {
        activity_id: {**NO_NAMES, **{key: join_list(names) for key, names in cells.items()}}
        for activity_id, cells in found.items()
    }


def attach_export_names(activities: list[Activity]) -> None:
    """Give each activity `export_names`: its agencies by role and its tools, as cells."""
    names = names_by_activity([activity.pk for activity in activities])
    for activity in activities:
        activity.export_names = names.get(activity.pk, NO_NAMES)


def export_records(queryset: QuerySet[Activity]) -> Iterator[ExportRecord]:
    """The queryset's activities, in its order, as ExportRecords: nine queries in all.

    The caller's select_related and prefetches are dropped: countries, focal points,
    agencies, tools, places and themes are read once for the whole export (a few hundred
    countries and people, shared by thousands of rows).
    """
    rows = queryset.select_related(None).prefetch_related(None)
    ids = id_subquery(rows)
    chosen = Activity.objects.filter(pk__in=ids)
    # Every country covered is in the coverage, the main one included (activities.places).
    countries = {c.pk: c for c in covered_countries(ids)}
    people = FocalPoint.objects.filter(pk__in=chosen.values("focal_point_id"))
    people = {person.pk: person for person in people.only("name", "email", "phone")}
    names = names_by_activity(ids)
    places = places_by_activity(ids)
    make = ExportRecord._make
    for values in rows.values_list(*EXPORT_VALUES).iterator(chunk_size=EXPORT_CHUNK):
        yield make(
            (
                *values,
                countries.get(values[COUNTRY_AT]),
                people.get(values[FOCAL_POINT_AT]),
                names.get(values[0], NO_NAMES),
                places.get(values[0], NO_PLACES),
                countries,
            )
        )


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
    scope = Field(column_name=_("Scope"), readonly=True)
    country_code = Field(column_name=_("Country code"), readonly=True)
    main_country = Field(column_name=_("Main country"), readonly=True)
    country = Field(column_name=_("Country"), readonly=True)
    region = Field(column_name=_("Region"), readonly=True)
    subdivision_codes = Field(column_name=_("Subdivision codes"), readonly=True)
    subdivisions = Field(column_name=_("Subdivisions"), readonly=True)
    title = Field("title", column_name=_("Title"), widget=widgets.CharWidget())
    description = Field("description", column_name=_("Description"), widget=widgets.CharWidget())
    activity_type = Field("activity_type", column_name=_("Type"), widget=ChoiceWidget(ActivityType))
    status = Field("status", column_name=_("Status"), widget=ChoiceWidget(ActivityStatus))
    covers_health = yes_no("covers_health", Guarantee.HEALTH)
    covers_children = yes_no("covers_children", Guarantee.CHILDREN)
    covers_working_age = yes_no("covers_working_age", Guarantee.WORKING_AGE)
    covers_older_persons = yes_no("covers_older_persons", Guarantee.OLDER_PERSONS)
    themes = Field(column_name=_("Themes"), readonly=True)
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
            "scope",
            "country_code",
            "main_country",
            "country",
            "region",
            "subdivision_codes",
            "subdivisions",
            "title",
            "description",
            "activity_type",
            "status",
            "covers_health",
            "covers_children",
            "covers_working_age",
            "covers_older_persons",
            "themes",
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
        self.place_writer = PlaceWriter()
        self._cells: tuple[Any, PlaceCells] | None = None

    def iter_objects(self, queryset: QuerySet) -> Iterator[Any]:
        """Records read like activities (see export_records): a few queries in all."""
        return export_records(queryset)

    def names(self, activity: Any) -> dict[str, str]:
        """The agency and tool cells of the activity (read on demand outside exports)."""
        names = getattr(activity, "export_names", None)  # an export's records have them
        if names is None:
            if activity.pk is None:
                return NO_NAMES
            attach_export_names([activity])
            names = activity.export_names
        return names

    def place_cells(self, activity: Any) -> PlaceCells:
        """The scope, countries, region, places and themes cells of a record (worked out
        once per record: eight columns read them), or of an activity outside exports."""
        if self._cells is not None and self._cells[0] is activity:
            return self._cells[1]
        places = getattr(activity, "places", None)
        if isinstance(places, Places):
            countries = activity.countries
        else:  # an Activity (the admin's import preview): its places read now
            found = places_by_activity([activity.pk]) if activity.pk else {}
            places = found.get(activity.pk, NO_PLACES)
            countries = {c.pk: c for c in Country.objects.filter(pk__in=places.countries)}
        cells = self.place_writer.cells(activity, places, countries)
        self._cells = (activity, cells)
        return cells

    def dehydrate_scope(self, activity: Activity) -> str:
        return self.place_cells(activity).scope

    def dehydrate_country_code(self, activity: Activity) -> str:
        return self.place_cells(activity).codes

    def dehydrate_main_country(self, activity: Activity) -> str:
        return self.place_cells(activity).main

    def dehydrate_country(self, activity: Activity) -> str:
        return self.place_cells(activity).names

    def dehydrate_region(self, activity: Activity) -> str:
        return self.place_cells(activity).region

    def dehydrate_subdivision_codes(self, activity: Activity) -> str:
        return self.place_cells(activity).subdivision_codes

    def dehydrate_subdivisions(self, activity: Activity) -> str:
        return self.place_cells(activity).subdivisions

    def dehydrate_themes(self, activity: Activity) -> str:
        return self.place_cells(activity).themes

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

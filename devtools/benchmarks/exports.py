"""Export timings: the real XLSX export of the whole matrix, the floor it could reach, and a
peer (django-import-export's own export of the same columns)."""

import io
from collections.abc import Iterable
from typing import Any

import xlsxwriter
from django.db import connection
from django.db.models import QuerySet
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django_countries import countries as iso_countries
from import_export import resources
from import_export.fields import Field
from import_export.formats.base_formats import XLSX

from activities.exports import export_response
from activities.matrix import filtered_activities
from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityAgency,
    ActivityCountry,
    ActivityStatus,
    ActivitySubdivision,
    ActivityTheme,
    ActivityType,
    Role,
    Scope,
    Theme,
    Tool,
)
from agencies.models import Agency, FocalPoint
from countries.models import Country, Region, Subdivision
from devtools.benchmarks.core import BenchContext, Figures, best_of, consume

EXPORT_RUNS = 3
PEER_RUNS = 1  # the peer takes several times longer: one run says enough


def matrix_queryset() -> QuerySet[Activity]:
    """The unfiltered matrix, as the export view builds it."""
    return filtered_activities(QueryDict())[1].for_matrix()


def bench_export_xlsx(ctx: BenchContext) -> Figures:
    ctx.progress("timing the XLSX export of the whole matrix...")

    def export() -> int:
        # A fresh queryset each time: a reused one would serve its cached rows.
        response = export_response(
            matrix_queryset(), "xlsx", include_contacts=True, filename="bench"
        )
        return consume(response)

    seconds = best_of(EXPORT_RUNS, export)
    with CaptureQueriesContext(connection) as captured:
        export()
    return {"export_xlsx_10k_s": seconds, "export_xlsx_queries": len(captured)}


def bench_export_raw(ctx: BenchContext) -> Figures:
    ctx.progress("timing the raw XLSX floor (one query, plain XlsxWriter rows)...")
    return {"export_xlsx_raw_s": best_of(EXPORT_RUNS, raw_export)}


def raw_export() -> int:
    """The floor: the same cells fetched with one SQL query and written with the library the
    hub writes XLSX with (XlsxWriter, constant_memory mode, as core.spreadsheets.xlsx), in
    its fastest plain way: write_row of the query's rows, with no header style, widths,
    frozen pane, autofilter or second sheet. The query gives the cells the reader sees
    (alpha-3 codes, labels, "yes"/"no"), so both write the same strings; what is left
    between this and the hub's export is the hub's own work (fetching, cells, layout)."""
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "remove_timezone": True,  # spreadsheets have no time zones (nor has the hub's)
            "default_date_format": "yyyy-mm-dd",
        },
    )
    sheet = workbook.add_worksheet("Activities")
    with connection.cursor() as cursor:
        cursor.execute(raw_sql())
        sheet.write_row(0, 0, [column.name for column in cursor.description])
        for number, row in enumerate(cursor.fetchall(), start=1):
            sheet.write_row(number, 0, row)
    workbook.close()
    return out.tell()


def sql_text(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def sql_case(column: str, pairs: Iterable[tuple[str, Any]]) -> str:
    """A CASE turning the column's stored values into the words the reader sees."""
    whens = " ".join(f"WHEN {sql_text(value)} THEN {sql_text(shown)}" for value, shown in pairs)
    return f"CASE {column} {whens} ELSE '' END"


def raw_sql() -> str:
    """The export's 32 columns (contacts included) for every activity, in one query."""
    activity, link = Activity._meta.db_table, ActivityAgency._meta.db_table
    country, agency = Country._meta.db_table, Agency._meta.db_table
    point, tool = FocalPoint._meta.db_table, Tool._meta.db_table
    used = Activity.tools_used.through._meta.db_table
    needed = Activity.tools_needed.through._meta.db_table
    covered, place = ActivityCountry._meta.db_table, ActivitySubdivision._meta.db_table
    subdivision, themed, theme = (
        Subdivision._meta.db_table,
        ActivityTheme._meta.db_table,
        Theme._meta.db_table,
    )
    codes = [(code, iso_countries.alpha3(code)) for code, _n in iso_countries]
    alpha3 = sql_case("c.code", codes)

    def countries(cell: str) -> str:
        """The countries covered, the main one first, then by name."""
        return (
            f"(SELECT string_agg({cell}, '; ' ORDER BY cc.id = a.country_id DESC, cc.name)"
            f" FROM {covered} x JOIN {country} cc ON cc.id = x.country_id"
            f" WHERE x.activity_id = a.id)"
        )

    def places(column: str) -> str:
        return (
            f"(SELECT string_agg(s.{column}, '; ' ORDER BY s.code)"
            f" FROM {place} x JOIN {subdivision} s ON s.id = x.subdivision_id"
            f" WHERE x.activity_id = a.id)"
        )

    themes = (
        f"(SELECT string_agg(t.name, '; ' ORDER BY t.position, t.name)"
        f" FROM {themed} x JOIN {theme} t ON t.id = x.theme_id WHERE x.activity_id = a.id)"
    )
    region = (
        f"CASE WHEN a.scope = '{Scope.REGIONAL}' THEN {sql_case('a.region', Region.choices)}"
        f" ELSE {sql_case('c.region', Region.choices)} END"
    )

    def names(role: str) -> str:
        return f"string_agg(g.acronym, '; ' ORDER BY g.acronym) FILTER (WHERE l.role = '{role}')"

    def tools(table: str) -> str:
        return (
            f"(SELECT string_agg(t.name, '; ' ORDER BY t.name)"
            f" FROM {table} x JOIN {tool} t ON t.id = x.tool_id WHERE x.activity_id = a.id)"
        )

    def yes_no(column: str) -> str:
        return f"CASE WHEN a.{column} THEN 'yes' ELSE 'no' END AS {column}"

    return f"""
        SELECT a.reference, {sql_case("a.scope", Scope.choices)} AS scope,
               {countries(sql_case("cc.code", codes))} AS codes, {alpha3} AS main,
               {countries("cc.name")} AS countries, {region} AS region,
               {places("code")} AS subdivision_codes, {places("name")} AS subdivisions,
               a.title, a.description,
               {sql_case("a.activity_type", ActivityType.choices)} AS activity_type,
               {sql_case("a.status", ActivityStatus.choices)} AS status,
               {", ".join(yes_no(column) for column in GUARANTEE_FIELDS.values())},
               {themes} AS themes, a.start_date, a.end_date,
               {names(Role.LEAD)} AS lead, {names(Role.CO_LEAD)} AS co_leads,
               {names(Role.PARTNER)} AS partners, {names(Role.FUNDER)} AS funders,
               fp.name AS focal_point, fp.email, fp.phone,
               {tools(used)} AS tools_used, {tools(needed)} AS tools_needed,
               a.funding, a.updated_at, a.version
        FROM {activity} a
        LEFT JOIN {country} c ON c.id = a.country_id
        LEFT JOIN {link} l ON l.activity_id = a.id
        LEFT JOIN {agency} g ON g.id = l.agency_id
        LEFT JOIN {point} fp ON fp.id = a.focal_point_id
        GROUP BY a.id, c.id, fp.id
        ORDER BY c.name, a.title, a.id
    """


# The peer ---------------------------------------------------------------------------------


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


class PeerExportResource(resources.ModelResource):
    """The same 26 columns as django-import-export's documentation would write them: a plain
    ModelResource, dehydrate methods for what is not a model field, the related rows read
    through select_related / prefetch_related (the matrix queryset has both)."""

    reference = Field("reference", column_name="Reference")
    country_code = Field(column_name="Country code")
    country = Field(column_name="Country")
    region = Field(column_name="Region")
    title = Field("title", column_name="Title")
    description = Field("description", column_name="Description")
    activity_type = Field(column_name="Type")
    status = Field(column_name="Status")
    covers_health = Field(column_name="Essential health care")
    covers_children = Field(column_name="Income security for children")
    covers_working_age = Field(column_name="Income security in working age")
    covers_older_persons = Field(column_name="Income security for older persons")
    start_date = Field("start_date", column_name="Start date")
    end_date = Field("end_date", column_name="End date")
    lead_agency = Field(column_name="Lead agency")
    co_lead_agencies = Field(column_name="Co-lead agencies")
    partner_agencies = Field(column_name="Partner agencies")
    funder_agencies = Field(column_name="Funding agencies")
    focal_point = Field(column_name="Focal point")
    focal_point_email = Field(column_name="Focal point email")
    focal_point_phone = Field(column_name="Focal point phone")
    tools_used = Field(column_name="Tools used")
    tools_needed = Field(column_name="Tools needed")
    funding = Field("funding", column_name="Funding")
    updated_at = Field("updated_at", column_name="Last updated")
    version = Field("version", column_name="Version")

    class Meta:
        model = Activity
        fields = (
            "reference",
            "country_code",
            "country",
            "region",
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
            "lead_agency",
            "co_lead_agencies",
            "partner_agencies",
            "funder_agencies",
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

    def dehydrate_country_code(self, activity: Activity) -> str:
        return activity.country.alpha3 if activity.country else ""

    def dehydrate_country(self, activity: Activity) -> str:
        return str(activity.country) if activity.country else ""

    def dehydrate_region(self, activity: Activity) -> str:
        return activity.country.get_region_display() if activity.country else ""

    def dehydrate_activity_type(self, activity: Activity) -> str:
        return activity.get_activity_type_display()

    def dehydrate_status(self, activity: Activity) -> str:
        return activity.get_status_display()

    def dehydrate_covers_health(self, activity: Activity) -> str:
        return yes_no(activity.covers_health)

    def dehydrate_covers_children(self, activity: Activity) -> str:
        return yes_no(activity.covers_children)

    def dehydrate_covers_working_age(self, activity: Activity) -> str:
        return yes_no(activity.covers_working_age)

    def dehydrate_covers_older_persons(self, activity: Activity) -> str:
        return yes_no(activity.covers_older_persons)

    def agencies(self, activity: Activity, role: str) -> str:
        return "; ".join(p.agency.acronym for p in activity.participations.all() if p.role == role)

    def dehydrate_lead_agency(self, activity: Activity) -> str:
        return self.agencies(activity, Role.LEAD)

    def dehydrate_co_lead_agencies(self, activity: Activity) -> str:
        return self.agencies(activity, Role.CO_LEAD)

    def dehydrate_partner_agencies(self, activity: Activity) -> str:
        return self.agencies(activity, Role.PARTNER)

    def dehydrate_funder_agencies(self, activity: Activity) -> str:
        return self.agencies(activity, Role.FUNDER)

    def dehydrate_focal_point(self, activity: Activity) -> str:
        return activity.focal_point.name if activity.focal_point else ""

    def dehydrate_focal_point_email(self, activity: Activity) -> str:
        return activity.focal_point.email if activity.focal_point else ""

    def dehydrate_focal_point_phone(self, activity: Activity) -> str:
        return activity.focal_point.phone if activity.focal_point else ""

    def dehydrate_tools_used(self, activity: Activity) -> str:
        return "; ".join(tool.name for tool in activity.tools_used.all())

    def dehydrate_tools_needed(self, activity: Activity) -> str:
        return "; ".join(tool.name for tool in activity.tools_needed.all())


def peer_export() -> Any:
    """As django-import-export's admin exports XLSX: resource.export(), then the format."""
    dataset = PeerExportResource().export(queryset=matrix_queryset(), force_native_type=True)
    return XLSX().export_data(dataset)


def bench_peer_export(ctx: BenchContext) -> Figures:
    ctx.progress("timing the peer: django-import-export's own XLSX export of the matrix...")
    return {"peer_export_xlsx_10k_s": best_of(PEER_RUNS, peer_export)}

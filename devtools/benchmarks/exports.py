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
    """A CASE turning the column's stored values into the words the reader sees (for the
    few values of a choice: a table of 250 ISO codes is a VALUES list joined instead)."""
    whens = " ".join(f"WHEN {sql_text(value)} THEN {sql_text(shown)}" for value, shown in pairs)
    return f"CASE {column} {whens} ELSE '' END"


def sql_values(pairs: Iterable[tuple[str, str]]) -> str:
    return ", ".join(f"({sql_text(key)}, {sql_text(value)})" for key, value in pairs)


def raw_sql() -> str:
    """The export's 31 columns (contacts included) for every activity, in one query.

    Each list column is aggregated once per table (GROUP BY activity, hash-joined to the
    activities), not by a subquery per row: correlated subqueries with a CASE of 250
    country codes in them cost PostgreSQL seconds of planning and JIT compiling at 10,000
    rows, which made this "floor" slower than the export it is a floor of. The cells are
    the export's: the countries' alpha-3 codes and names with the main one first, then by
    name; the region of a regional activity, else its countries' regions in that order;
    places by code; themes in the coalition's order; agencies by acronym; tools by name.
    """
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
    codes = sql_values((code, iso_countries.alpha3(code)) for code, _name in iso_countries)

    def names(role: str) -> str:
        return f"string_agg(g.acronym, '; ' ORDER BY g.acronym) FILTER (WHERE l.role = '{role}')"

    def tools(table: str) -> str:
        return (
            f"SELECT x.activity_id, string_agg(t.name, '; ' ORDER BY t.name) AS names"
            f" FROM {table} x JOIN {tool} t ON t.id = x.tool_id GROUP BY x.activity_id"
        )

    def yes_no(column: str) -> str:
        return f"CASE WHEN a.{column} THEN 'yes' ELSE 'no' END AS {column}"

    return f"""
        WITH iso (code, alpha3) AS (VALUES {codes}),
        land AS (
            SELECT c.id, c.name, iso.alpha3, {sql_case("c.region", Region.choices)} AS region
            FROM {country} c LEFT JOIN iso ON iso.code = c.code
        ),
        covered AS (
            SELECT x.activity_id, k.alpha3, k.name, k.region,
                   row_number() OVER (
                       PARTITION BY x.activity_id ORDER BY k.id = a.country_id DESC, k.name
                   ) AS place
            FROM {covered} x
            JOIN {activity} a ON a.id = x.activity_id
            JOIN land k ON k.id = x.country_id
        ),
        countries AS (
            SELECT activity_id, string_agg(alpha3, '; ' ORDER BY place) AS codes,
                   string_agg(name, '; ' ORDER BY place) AS names
            FROM covered GROUP BY activity_id
        ),
        regions AS (
            SELECT activity_id, string_agg(region, '; ' ORDER BY place) AS names
            FROM (
                SELECT activity_id, region, min(place) AS place FROM covered
                WHERE region <> '' GROUP BY activity_id, region
            ) first_seen
            GROUP BY activity_id
        ),
        places AS (
            SELECT x.activity_id, string_agg(s.code, '; ' ORDER BY s.code) AS codes,
                   string_agg(s.name, '; ' ORDER BY s.code) AS names
            FROM {place} x JOIN {subdivision} s ON s.id = x.subdivision_id
            GROUP BY x.activity_id
        ),
        themes AS (
            SELECT x.activity_id, string_agg(t.name, '; ' ORDER BY t.position, t.name) AS names
            FROM {themed} x JOIN {theme} t ON t.id = x.theme_id GROUP BY x.activity_id
        ),
        agencies AS (
            SELECT l.activity_id, {names(Role.LEAD)} AS lead, {names(Role.CO_LEAD)} AS co_leads,
                   {names(Role.PARTNER)} AS partners, {names(Role.FUNDER)} AS funders
            FROM {link} l JOIN {agency} g ON g.id = l.agency_id GROUP BY l.activity_id
        ),
        used AS ({tools(used)}),
        needed AS ({tools(needed)})
        SELECT a.reference, {sql_case("a.scope", Scope.choices)} AS scope,
               countries.codes, c.alpha3 AS main, countries.names AS countries,
               CASE WHEN a.scope = '{Scope.REGIONAL}'
                    THEN {sql_case("a.region", Region.choices)} ELSE regions.names END AS region,
               places.codes AS subdivision_codes, places.names AS subdivisions,
               a.title, a.description,
               {sql_case("a.activity_type", ActivityType.choices)} AS activity_type,
               {sql_case("a.status", ActivityStatus.choices)} AS status,
               {", ".join(yes_no(column) for column in GUARANTEE_FIELDS.values())},
               themes.names AS themes, a.start_date, a.end_date,
               agencies.lead, agencies.co_leads, agencies.partners, agencies.funders,
               fp.name AS focal_point, fp.email, fp.phone,
               used.names AS tools_used, needed.names AS tools_needed,
               a.funding, a.updated_at, a.version
        FROM {activity} a
        LEFT JOIN land c ON c.id = a.country_id
        LEFT JOIN countries ON countries.activity_id = a.id
        LEFT JOIN regions ON regions.activity_id = a.id
        LEFT JOIN places ON places.activity_id = a.id
        LEFT JOIN themes ON themes.activity_id = a.id
        LEFT JOIN agencies ON agencies.activity_id = a.id
        LEFT JOIN used ON used.activity_id = a.id
        LEFT JOIN needed ON needed.activity_id = a.id
        LEFT JOIN {point} fp ON fp.id = a.focal_point_id
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

"""Export timings: the real XLSX export of the whole matrix, and the floor it could reach."""

import io

from django.db import connection
from django.db.models import QuerySet
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from activities.matrix import filtered_activities
from activities.models import Activity, ActivityAgency, Role, Tool
from agencies.models import Agency, FocalPoint
from countries.models import Country
from devtools.benchmarks.core import BenchContext, Figures, NotMeasured, best_of, consume

EXPORT_RUNS = 3


def matrix_queryset() -> QuerySet[Activity]:
    """The unfiltered matrix, as the export view builds it."""
    return filtered_activities(QueryDict())[1].for_matrix()


def bench_export_xlsx(ctx: BenchContext) -> Figures:
    try:
        from activities.exports import export_response
    except ImportError as error:
        raise NotMeasured("activities.exports is not importable yet") from error
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
    ctx.progress("timing the raw XLSX floor (one query, write-only workbook)...")
    return {"export_xlsx_raw_s": best_of(EXPORT_RUNS, raw_export)}


def raw_export() -> int:
    """The same rows in one SQL query, straight into a write-only workbook."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Activities")
    with connection.cursor() as cursor:
        cursor.execute(raw_sql())
        sheet.append([column.name for column in cursor.description])
        for row in cursor.fetchall():
            # openpyxl refuses time-zone-aware datetimes, as the real export must too.
            sheet.append([v.replace(tzinfo=None) if hasattr(v, "tzinfo") else v for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.tell()


def raw_sql() -> str:
    """The export's 25 columns (contacts included) for every activity, in one query."""
    activity, link = Activity._meta.db_table, ActivityAgency._meta.db_table
    country, agency = Country._meta.db_table, Agency._meta.db_table
    point, tool = FocalPoint._meta.db_table, Tool._meta.db_table
    used = Activity.tools_used.through._meta.db_table
    needed = Activity.tools_needed.through._meta.db_table

    def names(role: str) -> str:
        return f"string_agg(g.acronym, '; ' ORDER BY g.acronym) FILTER (WHERE l.role = '{role}')"

    def tools(table: str) -> str:
        return (
            f"(SELECT string_agg(coalesce(nullif(t.acronym, ''), t.name), '; ' ORDER BY t.name)"
            f" FROM {table} x JOIN {tool} t ON t.id = x.tool_id WHERE x.activity_id = a.id)"
        )

    return f"""
        SELECT a.reference, c.code, c.name AS country, a.title, a.description,
               a.activity_type, a.status, a.covers_health, a.covers_children,
               a.covers_working_age, a.covers_older_persons, a.start_date, a.end_date,
               {names(Role.LEAD)} AS lead, {names(Role.CO_LEAD)} AS co_leads,
               {names(Role.PARTNER)} AS partners, {names(Role.FUNDER)} AS funders,
               fp.name AS focal_point, fp.email, fp.phone,
               {tools(used)} AS tools_used, {tools(needed)} AS tools_needed,
               a.funding, a.updated_at, a.version
        FROM {activity} a
        JOIN {country} c ON c.id = a.country_id
        LEFT JOIN {link} l ON l.activity_id = a.id
        LEFT JOIN {agency} g ON g.id = l.agency_id
        LEFT JOIN {point} fp ON fp.id = a.focal_point_id
        GROUP BY a.id, c.id, fp.id
        ORDER BY c.name, a.title, a.id
    """

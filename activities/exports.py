"""The matrix as a CSV, XLSX, ODS or HXL download, fast enough for every activity at once.

Columns and headers come from ActivityResource, so the admin's export, the front end's
downloads and the import (which matches these headers) agree; the rows skip
django-import-export's per-cell machinery and go straight to the streaming writers of
core.spreadsheets (see the README's benchmark notes).

Readers' rights: contact details (focal point email and phone) only when the caller says
the reader may see them (logged-in users). Country assessments are never part of an
activity export: they have their own download, for members only (assessments/views.py).
"""

from collections.abc import Iterator
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.hxl import hxl_rows  # HXL has its own columns
from activities.models import Activity, ActivityStatus, ActivityType, Scope, Theme, Tool
from activities.resources import ActivityResource
from agencies.models import Agency
from core.spreadsheets.cells import ColumnNote
from core.spreadsheets.responses import csv_response, format_error, table_response
from core.translations import translated
from countries.models import Region

HXL_FORMATS = ("hxl", "hxl-long")
FORMATS = ("csv", "xlsx", "ods", *HXL_FORMATS)

__all__ = ["FORMATS", "ActivityTable", "activity_download", "export_response"]

AGENCY_LIST = _("Agency acronyms as listed in the hub (Agencies page), separated by semicolons.")
# What each column holds, for the "About these columns" sheet and the import template.
MEANINGS: dict[str, Any] = {
    "reference": _(
        "The activity's stable public reference. Keep it when you edit and send the file "
        "back; leave it empty for a new activity."
    ),
    "scope": _("Where the activity happens: one country, several countries, a region, or global."),
    "country_code": _(
        "The countries it covers, as ISO 3166-1 alpha-3 codes separated by semicolons, the "
        "main one first; empty for a global activity. A region's name or “Global” here "
        "says the scope."
    ),
    "main_country": _(
        "The main country among them, as its ISO alpha-3 code (optional for several "
        "countries; none for a regional or global activity)."
    ),
    "country": _("The countries' names (for reading; the codes are what counts)."),
    "region": _(
        "The ILO region of a regional activity; for the others, their countries' regions "
        "(for reading)."
    ),
    "subdivision_codes": _(
        "Places inside the countries (provinces, regions, states), as ISO 3166-2 codes "
        "separated by semicolons, e.g. SN-DK."
    ),
    "subdivisions": _(
        "The places' names (read when there is no code column: English, French, Spanish or "
        "local spellings)."
    ),
    "themes": _("The coalition's themes the activity works on, separated by semicolons."),
    "title": _("A short name for the activity."),
    "description": _("What is done, with whom, for whom."),
    "activity_type": _("The kind of work."),
    "status": _("Where the activity stands."),
    "covers_health": _("Does it touch this guarantee of ILO Recommendation 202?"),
    "covers_children": _("Does it touch this guarantee of ILO Recommendation 202?"),
    "covers_working_age": _("Does it touch this guarantee of ILO Recommendation 202?"),
    "covers_older_persons": _("Does it touch this guarantee of ILO Recommendation 202?"),
    "start_date": _("When it starts or started."),
    "end_date": _("When it ends or ended (not before the start date)."),
    "lead_agency": _("The agency that leads it (at most one)."),
    "co_lead_agencies": _("Agencies sharing the lead."),
    "partner_agencies": _("Other agencies taking part."),
    "funder_agencies": _("Agencies or donors funding it."),
    "focal_point": _("The person to contact, by name."),
    "focal_point_email": _("The focal point's email (shown to logged-in users only)."),
    "focal_point_phone": _("The focal point's phone (shown to logged-in users only)."),
    "tools_used": _("SPF tools the activity uses, separated by semicolons."),
    "tools_needed": _("SPF tools the activity would need, separated by semicolons."),
    "funding": _("Funding sources and amounts, as free text."),
    "updated_at": _("When the activity was last changed in the hub (not imported)."),
    "version": _(
        "The activity's version when the file was downloaded: keep it, so that sending the "
        "file back never undoes a change made in the hub since."
    ),
}


def labels(choices: Any) -> str:
    return "; ".join(str(label) for label in choices.labels)


def allowed_values() -> dict[str, str]:
    """The values each column accepts, read from the hub (three small queries)."""
    acronyms = "; ".join(Agency.objects.order_by("acronym").values_list("acronym", flat=True))
    tools = "; ".join(Tool.objects.order_by("name").values_list("name", flat=True))
    yes_no = f"{gettext('yes')}; {gettext('no')}"
    agencies = f"{AGENCY_LIST} {acronyms}"
    date = gettext("A date (YYYY-MM-DD).")
    return {
        "reference": gettext("SPF- followed by six letters or digits, e.g. SPF-7K2M9Q."),
        "scope": labels(Scope),
        "country_code": gettext(
            "ISO 3166-1 alpha-3 codes, e.g. VNM (Viet Nam), SEN (Senegal); a region: %(regions)s; "
            "or Global."
        )
        % {"regions": labels(Region)},
        "main_country": gettext("One ISO 3166-1 alpha-3 code among the countries."),
        "region": labels(Region),
        "subdivision_codes": gettext("ISO 3166-2 codes of the countries' first-level places."),
        "themes": "; ".join(translated(theme, "name") for theme in Theme.objects.all()),
        "activity_type": labels(ActivityType),
        "status": labels(ActivityStatus),
        "covers_health": yes_no,
        "covers_children": yes_no,
        "covers_working_age": yes_no,
        "covers_older_persons": yes_no,
        "start_date": date,
        "end_date": date,
        "lead_agency": gettext("One acronym: %(acronyms)s") % {"acronyms": acronyms},
        "co_lead_agencies": agencies,
        "partner_agencies": agencies,
        "funder_agencies": agencies,
        "tools_used": tools,
        "tools_needed": tools,
    }


def resource_notes(resource: ActivityResource) -> dict[str, ColumnNote]:
    """A note for each column the resource exports, keyed by field name."""
    allowed = allowed_values()
    notes = {}
    for field in resource.get_export_fields():
        name = resource.get_field_name(field)
        notes[name] = ColumnNote(
            str(field.column_name), str(MEANINGS.get(name, "")), allowed.get(name, "")
        )
    return notes


class ActivityTable:
    """The header, then one row per activity of the queryset, in the queryset's order."""

    def __init__(self, queryset: QuerySet[Activity], *, include_contacts: bool) -> None:
        self.queryset = queryset
        self.resource = ActivityResource(include_contacts=include_contacts)

    def iter_table(self) -> Iterator[list[Any]]:
        return self.resource.iter_table(self.queryset)

    def column_notes(self) -> list[ColumnNote]:
        return list(resource_notes(self.resource).values())


def export_response(
    queryset: QuerySet[Activity], fmt: str, *, include_contacts: bool, filename: str
) -> HttpResponse | StreamingHttpResponse:
    """Exactly the queryset's activities as `fmt` (one of FORMATS); ValueError otherwise.

    Contact details (focal point email and phone) are included only when asked for.
    "hxl" is a CSV with an HXL hashtag row, one row per activity; "hxl-long" has one row
    per activity and agency (see activities.hxl).
    """
    if fmt in HXL_FORMATS:
        return hxl_response(queryset, fmt, include_contacts=include_contacts, filename=filename)
    table = ActivityTable(queryset, include_contacts=include_contacts)
    return table_response(table, fmt, filename=filename, sheet_title=gettext("SPF activities"))


def hxl_response(
    queryset: QuerySet, fmt: str, *, include_contacts: bool, filename: str, resource=None
) -> StreamingHttpResponse:
    """The activities as HXL ("hxl" wide, "hxl-long"), read by `resource` (activities.hxl)."""
    rows = hxl_rows(
        queryset, long=fmt == "hxl-long", include_contacts=include_contacts, resource=resource
    )
    suffix = "-hxl-long" if fmt == "hxl-long" else "-hxl"
    # HXL is for machines: no byte order mark, no formula guard (see core.spreadsheets.csvfile).
    name = filename.removesuffix(".csv") + suffix
    return csv_response(rows, filename=name, for_spreadsheets=False)


class PastActivityTable(ActivityTable):
    """The same columns as ActivityTable, for past records (activities.as_of)."""

    def __init__(self, rows: QuerySet, when: Any, *, include_contacts: bool) -> None:
        from activities.as_of import PastActivityResource

        self.queryset = rows
        self.resource = PastActivityResource(when, include_contacts=include_contacts)


def past_download(
    request: HttpRequest, rows: QuerySet, moment: Any, name: str
) -> HttpResponse | StreamingHttpResponse:
    """A download of the matrix as of `moment` (past records), in any of FORMATS."""
    from activities.as_of import PastActivityResource

    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        return format_error(fmt, FORMATS)
    include_contacts = request.user.has_perm("activities.view_contacts")
    filename = f"{name}-as-of-{timezone.localtime(moment.when):%Y-%m-%d}"
    if fmt in HXL_FORMATS:
        resource = PastActivityResource(moment.when, include_contacts=include_contacts)
        return hxl_response(
            rows, fmt, include_contacts=include_contacts, filename=filename, resource=resource
        )
    table = PastActivityTable(rows, moment.when, include_contacts=include_contacts)
    title = gettext("As of %(date)s") % {"date": f"{timezone.localtime(moment.when):%Y-%m-%d}"}
    return table_response(table, fmt, filename=filename, sheet_title=title)


def activity_download(
    request: HttpRequest, queryset: QuerySet[Activity], name: str
) -> HttpResponse | StreamingHttpResponse:
    """The download a list page links to: ?format= one of FORMATS; contacts for those
    allowed to see them (activities/rules.py: activities.view_contacts)."""
    if not request.user.has_perm("activities.export_activity"):
        raise PermissionDenied
    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        return format_error(fmt, FORMATS)
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}"
    return export_response(
        queryset,
        fmt,
        include_contacts=request.user.has_perm("activities.view_contacts"),
        filename=filename,
    )

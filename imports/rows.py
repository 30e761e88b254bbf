"""One imported row: its cells read into the values an Activity stores, or its errors.

Only the columns the file has are read; a column that is absent leaves the activity's
field as it is. Every problem of a row is collected (not just the first), each naming
its column, its value and the reason.
"""

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from activities.models import GUARANTEE_FIELDS, Activity, Role
from activities.resources import ROLE_COLUMNS
from imports.matching import CellError, Lookup, read_date
from imports.parsing import Formula, column_title

TEXT_FIELDS = ("title", "description", "funding")
BOOL_FIELDS = tuple(GUARANTEE_FIELDS.values())
DATE_FIELDS = ("start_date", "end_date")
TOOL_FIELDS = ("tools_used", "tools_needed")
REFERENCE_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
TITLE_MAX = Activity._meta.get_field("title").max_length
REFERENCE_MAX = Activity._meta.get_field("reference").max_length

Error = tuple[str, str, str]  # (column header, value as written, reason)


@dataclass(slots=True)
class RowInput:
    """A row as read: stored values for the columns it has, and its errors."""

    number: int
    reference: str
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)

    def error(self, column: str, value: Any, reason: str) -> None:
        self.errors.append((column_title(column), shown(value), reason))


def shown(value: Any) -> str:
    """A cell as the person typed it (for messages)."""
    if isinstance(value, Formula):
        return value.text
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    return str(value)


def text_of(value: Any) -> str:
    """A text cell; Excel turns "2012" typed in a text column into a number."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def managed_roles(fields: list[str]) -> frozenset[str]:
    """The roles whose column the file has (the others are left as they are)."""
    return frozenset(role for name, role in ROLE_COLUMNS.items() if name in fields)


def read_row(number: int, cells: dict[str, Any], lookup: Lookup) -> RowInput:
    reference = cells.get("reference")
    row = RowInput(number, text_of(reference).replace(" ", "").upper())
    for name, value in cells.items():
        if isinstance(value, Formula):
            row.error(
                name,
                value,
                _(
                    "This cell holds a formula: type (or paste) its value instead. To keep "
                    "text starting with “=”, put a quote (') before it."
                ),
            )
    if row.errors:
        return row
    if row.reference and (
        len(row.reference) > REFERENCE_MAX or not REFERENCE_RE.match(row.reference)
    ):
        row.error("reference", reference, _("This is not a reference such as SPF-7K2M9Q."))
    read_country(row, cells, lookup)
    read_scalars(row, cells, lookup)
    read_roles(row, cells, lookup)
    read_links(row, cells, lookup)
    start, end = row.values.get("start_date"), row.values.get("end_date")
    if start and end and end < start:
        row.error("end_date", end, _("The end date cannot be before the start date."))
    return row


def attempt(row: RowInput, name: str, value: Any, read: Any) -> Any:
    try:
        return read(value)
    except CellError as error:
        row.error(name, value, str(error))
        return None


def read_country(row: RowInput, cells: dict[str, Any], lookup: Lookup) -> None:
    # The code is the key; the (localised) name column is read when the code is blank.
    for name in ("country_code", "country"):
        value = cells.get(name)
        if text_of(value):
            found = attempt(row, name, value, lookup.country)
            if found is not None:
                row.values["country_id"] = found
            return
    name = "country_code" if "country_code" in cells else "country"
    row.error(name, "", _("A country is required."))


def read_scalars(row: RowInput, cells: dict[str, Any], lookup: Lookup) -> None:
    for name in TEXT_FIELDS:
        if name in cells:
            row.values[name] = text_of(cells[name])
    if "title" in row.values:
        if not row.values["title"]:
            row.error("title", "", _("A title is required."))
        elif len(row.values["title"]) > TITLE_MAX:
            row.error(
                "title", "", _("The title is longer than %(max)s characters.") % {"max": TITLE_MAX}
            )
    if "activity_type" in cells:
        if text_of(cells["activity_type"]):
            found = attempt(row, "activity_type", cells["activity_type"], lookup.activity_type)
            row.values["activity_type"] = found
        else:
            row.error("activity_type", "", _("A type is required."))
    # A blank status keeps the activity's status (a new one starts as ongoing).
    if text_of(cells.get("status")):
        row.values["status"] = attempt(row, "status", cells["status"], lookup.status)
    for name in BOOL_FIELDS:
        if name in cells:
            row.values[name] = attempt(row, name, cells[name], lookup.yes_no)
    for name in DATE_FIELDS:
        if name in cells:
            row.values[name] = attempt(row, name, cells[name], read_date)


def read_roles(row: RowInput, cells: dict[str, Any], lookup: Lookup) -> None:
    wanted: dict[int, str] = {}
    present = [name for name in ROLE_COLUMNS if name in cells]
    for name in present:
        role = ROLE_COLUMNS[name]
        found = attempt(row, name, cells[name], lookup.agency_list)
        if found is None:
            continue
        if role == Role.LEAD and len(found) > 1:
            row.error(name, cells[name], _("Only one agency can lead an activity."))
        for agency_id in found:
            if wanted.setdefault(agency_id, role) != role:
                row.error(
                    name,
                    cells[name],
                    _("%(agency)s is listed in two roles.")
                    % {"agency": lookup.acronyms[agency_id]},
                )
    if present:
        row.values["roles"] = wanted


def read_links(row: RowInput, cells: dict[str, Any], lookup: Lookup) -> None:
    if "focal_point" in cells:
        email = cells.get("focal_point_email")
        value = cells["focal_point"]
        try:
            row.values["focal_point_id"] = lookup.focal_point(value, email)
        except CellError as error:
            column = "focal_point_email" if text_of(email) else "focal_point"
            row.error(column, email if text_of(email) else value, str(error))
    for name in TOOL_FIELDS:
        if name in cells:
            row.values[name] = attempt(row, name, cells[name], lookup.tool_list)

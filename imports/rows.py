"""One imported row: its cells read into the values an Activity stores, or its errors.

Only the columns the file has are read; a column that is absent leaves the activity's
field as it is. Every problem of a row is collected (not just the first), each naming
its column, its value and the reason.
"""

import datetime
import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from activities import participations
from activities.models import GUARANTEE_FIELDS, Activity, Role, check_dates
from activities.resources import ROLE_COLUMNS
from core.spreadsheets.reading import Formula
from imports.columns import GUARANTEES, column_title
from imports.matching import CellError, Lookup
from imports.places import (
    PLACE_SETS,
    SUBDIVISION_COLUMNS,
    read_places,
    read_subdivisions,
    read_themes,
)

TEXT_FIELDS = ("title", "description", "funding")
ROLE_RANK = {role: rank for rank, role in enumerate(Role.values)}
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
    # The reference of the activity a row without one probably is (imports.probable_matches).
    probable: str = ""
    # [column index, cells] of a row that seems shifted right from that column (see
    # imports.shapes): the preview offers its realignment.
    shifted: list[int] | None = None
    # The value names whose cells were blank: "not stated" on a row matched without a
    # reference (imports.compare leaves them as the hub has them), unless blank clears.
    blank: frozenset[str] = frozenset()
    # (kind, value as written) of the values the hub does not know (imports.matching).
    unknown: list[tuple[str, str]] = field(default_factory=list)
    # The reference of the activity a row without one maybe is (a reworded title): the
    # person says whether it is.
    maybe: str = ""

    def error(self, column: str, value: Any, reason: str) -> None:
        self.errors.append((column_title(column), shown(value), reason))


def shown(value: Any) -> str:
    """A cell as the person typed it (for messages): a year keyed in as a number is 2012."""
    if isinstance(value, Formula):
        return value.text
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
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
    if text_of(cells.get("version")):
        version = text_of(cells["version"])
        if version.isdecimal() and row.reference:
            row.values["version"] = int(version)
        elif row.reference:
            row.error(
                "version", version, _("This is not a version: keep the number the download gave.")
            )
    row.blank = blank_values(cells)
    read_places(row, cells, lookup)
    if any(name in cells for name in SUBDIVISION_COLUMNS):
        read_subdivisions(row, cells, lookup)
    if "themes" in cells:
        read_themes(row, cells, lookup)
    read_scalars(row, cells, lookup)
    read_roles(row, cells, lookup)
    read_links(row, cells, lookup)
    start, end = row.values.get("start_date"), row.values.get("end_date")
    try:
        check_dates(start, end)
    except ValidationError as error:
        row.error("end_date", cells.get("end_date", end), error.messages[0])
    share_values(row, lookup)
    return row


# The values many rows have equal, kept once (Lookup.share); all immutable.
SHARED_VALUES = (*DATE_FIELDS, *TOOL_FIELDS, *PLACE_SETS)


def share_values(row: RowInput, lookup: Lookup) -> None:
    values = row.values
    for name in SHARED_VALUES:
        value = values.get(name)
        if value is not None:
            values[name] = lookup.share(value)
    row.blank = lookup.share(row.blank)


# The values a blank cell of each column stands for (see RowInput.blank).
BLANK_VALUES: dict[str, tuple[str, ...]] = {
    GUARANTEES: BOOL_FIELDS,
    "subdivision_codes": ("subdivisions",),
    "subdivisions": ("subdivisions",),
    "focal_point": ("focal_point_id",),
    **{name: (f"role:{role}",) for name, role in ROLE_COLUMNS.items()},
}
# The place columns state the row's whole place together (imports.places): never "not
# stated" one by one.
NOT_BLANKABLE = (
    "reference",
    "version",
    "scope",
    "country_code",
    "main_country",
    "country",
    "region",
    "title",
    "focal_point_email",
)


NOTHING_BLANK: frozenset[str] = frozenset()  # shared: most rows of a 10,000-row file


def blank_values(cells: dict[str, Any]) -> frozenset[str]:
    blank = set()
    for name, value in cells.items():
        if name not in NOT_BLANKABLE and not text_of(value):
            blank.update(BLANK_VALUES.get(name, (name,)))
    if "focal_point_id" in blank and text_of(cells.get("focal_point_email")):
        blank.discard("focal_point_id")
    if "subdivisions" in blank and any(text_of(cells.get(n)) for n in SUBDIVISION_COLUMNS):
        blank.discard("subdivisions")
    return frozenset(blank) if blank else NOTHING_BLANK


def attempt(row: RowInput, name: str, value: Any, read: Any) -> Any:
    try:
        return read(value)
    except CellError as error:
        row.error(name, value, str(error))
        if error.kind:
            row.unknown.extend((error.kind, written) for written in error.unknown)
        return None


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
    # A blank type is an error on a new row, "not stated" on a matched one (imports.compare).
    if text_of(cells.get("activity_type")):
        found = attempt(row, "activity_type", cells["activity_type"], lookup.activity_type)
        row.values["activity_type"] = found
    # A blank status keeps the activity's status (a new one starts as ongoing).
    if text_of(cells.get("status")):
        row.values["status"] = attempt(row, "status", cells["status"], lookup.status)
    for name in BOOL_FIELDS:
        if name in cells:
            row.values[name] = attempt(row, name, cells[name], lookup.yes_no)
    if GUARANTEES in cells:  # one list column for the four flags
        found = attempt(row, GUARANTEES, cells[GUARANTEES], lookup.guarantee_list)
        if found is not None:
            for name in BOOL_FIELDS:
                row.values[name] = name in found
    for name in DATE_FIELDS:
        if name in cells:
            read = partial(lookup.date, end=name == "end_date")
            row.values[name] = attempt(row, name, cells[name], read)


def read_roles(row: RowInput, cells: dict[str, Any], lookup: Lookup) -> None:
    """The agencies the role columns name (the one-lead and member rules come in compare)."""
    wanted: dict[int, str] = {}
    present = [name for name in ROLE_COLUMNS if name in cells]
    for name in present:
        found = attempt(row, name, cells[name], lookup.agency_list)
        for agency_id in found or ():
            try:
                participations.add(
                    wanted, agency_id, ROLE_COLUMNS[name], lookup.acronyms[agency_id]
                )
            except ValidationError as error:
                row.error(name, cells[name], error.messages[0])
    if present:
        row.values["roles"] = wanted


def read_links(row: RowInput, cells: dict[str, Any], lookup: Lookup) -> None:
    if "focal_point" in cells or "focal_point_email" in cells:
        read_focal_point(row, cells, lookup)
    for name in TOOL_FIELDS:
        if name in cells:
            found = attempt(row, name, cells[name], lookup.tools_named)
            if found is not None:
                row.values[name], new = found
                if new:
                    row.values.setdefault("new_tools", {})[name] = new


def read_focal_point(row: RowInput, cells: dict[str, Any], lookup: Lookup) -> None:
    """The row's focal point; a new one, or a new email for one, goes in row.values too."""
    name, email = text_of(cells.get("focal_point")), text_of(cells.get("focal_point_email"))
    if not name and not email:
        row.values["focal_point_id"] = None
        return
    roles = row.values.get("roles") or {}
    agencies = sorted(roles, key=lambda pk: ROLE_RANK[roles[pk]])  # the lead first
    try:
        person = lookup.focal_point(name, email, agencies)
    except CellError as error:
        column = "focal_point" if name else "focal_point_email"
        row.error(column, name or email, str(error))
        return
    if person.pk is None and person.new is None:
        if person.proposed:  # another agency's new person: the row keeps its focal point
            row.values["proposed_focal_point"] = list(person.proposed)
        return
    row.values["focal_point_id"] = person.pk
    if person.email:
        row.values["focal_point_new_email"] = [person.pk, person.email]
    if person.new:
        row.values["new_focal_point"] = list(person.new)

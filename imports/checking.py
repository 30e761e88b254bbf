"""A file read into checked rows: its sheet read (imports.parsing), its columns matched
(imports.columns, or the person's mapping), each row read and matched (imports.rows); and
the checked rows kept compactly between the preview and the apply.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from imports.columns import Column, column_title, guess_columns, mapping_problems
from imports.dates import file_order
from imports.longfile import regroup_long
from imports.matching import Lookup
from imports.parsing import ImportFileError, read_sheet
from imports.rows import DATE_FIELDS, TOOL_FIELDS, RowInput, managed_roles, read_row

PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]


@dataclass
class Checked:
    rows: list[RowInput]
    managed: frozenset[str]
    lookup: Lookup
    ignored: list[str] = field(default_factory=list)  # headers of the columns not read
    fields: list[str] = field(default_factory=list)  # the field of each column


class NeedsMapping(Exception):
    """The file's columns are not all the hub's: the person says what each one holds."""

    def __init__(self, columns: list[Column]) -> None:
        super().__init__("columns to map")
        self.columns = columns


Choose = Callable[[list[Column]], "list[str] | None"]


def recognised(columns: list[Column]) -> list[str] | None:
    """The fields of a file whose every column is recognised without doubt, else None."""
    if not all(column.exact for column in columns):
        return None
    fields = [column.field for column in columns]
    for name in dict.fromkeys(name for name in fields if name):
        if fields.count(name) > 1:
            raise ImportFileError(
                _("The column “%(column)s” appears twice: keep one.")
                % {"column": column_title(name)}
            )
    problems = mapping_problems(fields)
    if problems:
        raise ImportFileError(
            " ".join(problems) + " " + _("Download the import template to see them.")
        )
    return fields


def check_file(
    data: bytes, progress: Progress | None = None, choose: Choose | None = None, user: Any = None
) -> Checked:
    """Every row of the file read and matched; ImportFileError for an unreadable file,
    NeedsMapping when its columns need the person's word (`choose` may give it)."""
    # A long HXL file (one row per activity and agency) is read one row per activity.
    sheet = regroup_long(read_sheet(data))
    columns = guess_columns(sheet.headers, sheet.tags, sheet.samples())
    fields = (choose(columns) if choose else None) or recognised(columns)
    if fields is None or len(fields) != len(columns):
        raise NeedsMapping(columns)
    lookup = Lookup(user)
    rows: list[RowInput] = []
    first_row_of: dict[str, int] = {}
    chosen = [(index, name) for index, name in enumerate(fields) if name]
    # Day first or month first is decided for the whole file: its rows are read twice.
    table = list(sheet.rows())
    dated = [index for index, name in chosen if name in DATE_FIELDS]
    lookup.dates = file_order(cells[index] for _number, cells in table for index in dated)
    for number, cells in table:
        row = read_row(number, {name: cells[index] for index, name in chosen}, lookup)
        if row.reference:
            first = first_row_of.setdefault(row.reference, number)
            if first != number:
                row.error(
                    "reference",
                    row.reference,
                    _("%(reference)s is also on row %(row)s: each reference can appear once.")
                    % {"reference": row.reference, "row": first},
                )
        rows.append(row)
        if progress and len(rows) % PROGRESS_EVERY == 0:
            progress(len(rows), len(table))
    if not rows:
        raise ImportFileError(_("The file has column headers but no rows to import."))
    if progress:
        progress(len(rows), len(rows))
    ignored = [
        column.header or column.tag or f"#{column.index + 1}"
        for column, name in zip(columns, fields, strict=True)
        if not name and (column.header or column.samples)
    ]
    managed = managed_roles([name for _index, name in chosen])
    return Checked(rows, managed, lookup, ignored, list(fields))


# In checked_rows, a value a row does not have (PostgreSQL's JSON refuses "\u0000").
ABSENT = "\u0001"


def rows_to_json(checked: Checked) -> dict:
    """The checked rows, compactly, for the apply: the value names once, then each row's
    values in that order (dates as ISO, sets as lists). A third of the size of a dict per
    row, and as much less to write at the preview and to read at the apply."""
    names: dict[str, None] = {}
    for row in checked.rows:
        names.update(dict.fromkeys(row.values))
    keys = list(names)
    encoded = []
    for row in checked.rows:
        values = row.values
        cells = []
        for name in keys:
            value = values.get(name, ABSENT)
            if name in DATE_FIELDS and value not in (None, ABSENT):
                value = value.isoformat()
            elif name in TOOL_FIELDS and value is not ABSENT:
                value = sorted(value)
            elif name == "roles" and value is not ABSENT:
                value = [[pk, role] for pk, role in value.items()]
            cells.append(value)
        encoded.append([row.number, row.reference, cells])
    return {"managed": sorted(checked.managed), "keys": keys, "rows": encoded}


def rows_from_json(data: dict, user: Any = None) -> Checked:
    keys = data["keys"]
    rows = []
    for number, reference, cells in data["rows"]:
        values = {name: value for name, value in zip(keys, cells, strict=True) if value != ABSENT}
        for name in DATE_FIELDS:
            if values.get(name) is not None:
                values[name] = datetime.date.fromisoformat(values[name])
        for name in TOOL_FIELDS:
            if name in values:
                values[name] = frozenset(values[name])
        if "roles" in values:
            values["roles"] = {pk: role for pk, role in values["roles"]}
        rows.append(RowInput(number, reference, values))
    return Checked(rows, frozenset(data["managed"]), Lookup(user))

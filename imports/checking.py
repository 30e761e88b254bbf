"""A file read into checked rows: its sheet read (imports.parsing), its columns matched
(imports.columns, or the person's mapping), each row read and matched (imports.rows); and
the checked rows kept compactly between the preview and the apply.
"""

import datetime
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.names import name_key
from core.spreadsheets.reading import Workbook
from imports.columns import (
    GUARANTEES,
    WHOLE_FILE_FIELDS,
    Column,
    column_title,
    guess_columns,
    mapping_problems,
)
from imports.dates import file_order
from imports.longfile import regroup_long
from imports.matching import Lookup
from imports.parsing import ImportFileError, read_sheet
from imports.places import PLACE_SETS
from imports.rows import DATE_FIELDS, NOTHING_BLANK, TOOL_FIELDS, RowInput, managed_roles, read_row
from imports.shapes import cells_past, find_shift, leave_out_notes, realigned

PROGRESS_EVERY = 500
# The fields whose cell a semicolon file may have split into several, the lists of many
# first (a realignment that reads as well from two columns goes to the first here).
SPLITTABLE = (
    "partner_agencies",
    "co_lead_agencies",
    "funder_agencies",
    *TOOL_FIELDS,
    GUARANTEES,
    "lead_agency",
    "description",
    "title",
    "funding",
)

Progress = Callable[[int, int], None]


@dataclass
class Checked:
    rows: list[RowInput]
    managed: frozenset[str]
    lookup: Lookup
    ignored: list[str] = field(default_factory=list)  # headers of the columns not read
    fields: list[str] = field(default_factory=list)  # the field of each column
    not_read: list[list[Any]] = field(default_factory=list)  # [row, kind, text]: totals, notes
    # [row, kind, value]: rows the person left out for a value the hub does not know.
    left_out: list[list[Any]] = field(default_factory=list)
    sheet: str = ""  # the workbook's sheet read
    sheets: list[str] = field(default_factory=list)  # the workbook's sheets


@dataclass(frozen=True)
class FileChoices:
    """The person's choices on the preview page about reading the file (ImportJob.choices):
    which sheet, which shifted rows to realign, whether a blank cell clears the hub's value
    on a row matched without a reference (else it means "not stated")."""

    sheet: str = ""
    realign: frozenset[int] = frozenset()
    blank_clears: bool = False
    whole_file: dict[str, str] = field(default_factory=dict)  # field -> value for every row
    # Unknown values whose rows the person leaves out: (kind, name key).
    left_out: frozenset[tuple[str, str]] = frozenset()
    new_tools: frozenset[str] = frozenset()  # unknown tools confirmed as new (name keys)
    skip: frozenset[int] = frozenset()  # rows with errors the person leaves out

    @classmethod
    def of(cls, data: dict | None) -> "FileChoices":
        data = data or {}
        return cls(
            str(data.get("sheet", "")),
            frozenset(data.get("realign", ())),
            bool(data.get("blank_clears")),
            dict(data.get("whole_file") or {}),
            frozenset((kind, key) for kind, key in data.get("left_out", ())),
            frozenset(data.get("new_tools", ())),
            frozenset(data.get("skip", ())),
        )


class NeedsMapping(Exception):
    """The file's columns are not all the hub's: the person says what each one holds."""

    def __init__(self, columns: list[Column], sheet: str = "", sheets: list[str] | None = None):
        super().__init__("columns to map")
        self.columns = columns
        self.sheet, self.sheets = sheet, sheets or []


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
    if problems and not mapping_problems(fields, WHOLE_FILE_FIELDS):
        return None  # only a type or a country missing: the mapping step may give it
    if problems:
        raise ImportFileError(
            " ".join(problems) + " " + _("Download the import template to see them.")
        )
    return fields


def check_file(
    data: bytes,
    progress: Progress | None = None,
    choose: Choose | None = None,
    user: Any = None,
    choices: FileChoices | None = None,
    workbook: Workbook | None = None,
) -> Checked:
    """Every row of the file read and matched; ImportFileError for an unreadable file,
    NeedsMapping when its columns need the person's word (`choose` may give it).
    `workbook`: the file opened already (core.spreadsheets.reading.shared_workbook)."""
    choices = choices or FileChoices()
    # A long HXL file (one row per activity and agency) is read one row per activity.
    sheet = regroup_long(read_sheet(data, choices.sheet, workbook))
    columns = guess_columns(sheet.headers, sheet.tags, sheet.samples())
    fields = (choose(columns) if choose else None) or recognised(columns)
    if fields is None or len(fields) != len(columns):
        raise NeedsMapping(columns, sheet.name, sheet.sheets)
    lookup = Lookup(user)
    rows: list[RowInput] = []
    first_row_of: dict[str, int] = {}
    chosen = [(index, name) for index, name in enumerate(fields) if name]
    # Day first or month first is decided for the whole file: its rows are read twice.
    table, not_read = leave_out_notes(list(sheet.rows()))
    # The rows are in `table` now: the workbook as read goes, and each row's cells go once
    # the row is read (below), so that a large file is not held twice while it is checked.
    sheet_name, all_sheets = sheet.name, sheet.sheets
    del sheet
    if workbook is not None:
        workbook.forget()
    width = len(columns)
    # Where a list typed without quotes may have become several cells (imports.shapes).
    splittable = sorted(
        (index for index, name in chosen if name in SPLITTABLE),
        key=lambda index: SPLITTABLE.index(fields[index]),
    )

    # A value given for the whole file, for a field no column holds.
    whole = {name: value for name, value in choices.whole_file.items() if name not in fields}

    def read(number: int, cells: list[Any]) -> RowInput:
        return read_row(number, {**whole, **{name: cells[index] for index, name in chosen}}, lookup)

    dated = [index for index, name in chosen if name in DATE_FIELDS]
    lookup.dates = file_order(cells[index] for _number, cells in table for index in dated)
    lookup.new_tools = set(choices.new_tools)
    left_out: list[list[Any]] = []
    total = len(table)
    table.reverse()
    while table:
        number, cells = table.pop()
        if number in choices.skip:
            left_out.append([number, "", ""])
            continue
        row = read(number, cells)
        if row.errors or cells_past(cells, width):
            row = read_shifted(row, cells, width, splittable, read, choices, fields)
        out = [
            (kind, value)
            for kind, value in row.unknown
            if (kind, name_key(value)) in choices.left_out
        ]
        if out:
            left_out.append([number, out[0][0], out[0][1]])
            continue
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
            progress(len(rows), total)
    if not rows and not left_out:
        raise ImportFileError(_("The file has column headers but no rows to import."))
    if progress:
        progress(len(rows), len(rows))
    ignored = [
        column.header or column.tag or f"#{column.index + 1}"
        for column, name in zip(columns, fields, strict=True)
        if not name and (column.header or column.samples)
    ]
    managed = managed_roles([name for _index, name in chosen])
    return Checked(
        rows,
        managed,
        lookup,
        ignored,
        list(fields),
        not_read=not_read,
        left_out=left_out,
        sheet=sheet_name,
        sheets=all_sheets,
    )


def read_shifted(
    row: RowInput,
    cells: list[Any],
    width: int,
    splittable: list[int],
    read: Callable[[int, list[Any]], RowInput],
    choices: FileChoices,
    fields: list[str],
) -> RowInput:
    """A row wider than the header, or with errors that a realignment removes: realigned
    when the person chose so, else an error offering it (never a cell dropped silently)."""
    found = find_shift(
        cells, width, splittable, lambda moved: len(read(row.number, moved).errors), len(row.errors)
    )
    if found is None:
        past = cells_past(cells, width)
        if past:
            row.error(
                _("(past the last column)"),
                "; ".join(str(cell) for cell in past),
                _(
                    "This row has cells past the last column: they are not read. Put each "
                    "cell under its header."
                ),
            )
        return row
    at, shift = found
    if row.number in choices.realign:
        return read(row.number, realigned(cells, at, shift))
    shifted = RowInput(row.number, row.reference)
    shifted.shifted = [at, shift]
    shifted.error(
        fields[at],
        "; ".join(str(cell) for cell in cells[at : at + shift + 1] if cell not in (None, "")),
        ngettext(
            "This row seems shifted %(count)s column right from “%(column)s” (a list typed "
            "without quotes?): realign it to read these cells as one list.",
            "This row seems shifted %(count)s columns right from “%(column)s” (a list typed "
            "without quotes?): realign it to read these cells as one list.",
            shift,
        )
        % {"count": shift, "column": column_title(fields[at])},
    )
    return shifted


# The values that are sets of ids (kept as lists in JSON).
SET_VALUES = (*TOOL_FIELDS, *PLACE_SETS)
# In the stored rows, a value a row does not have.
ABSENT = "\u0001"
# Rows encoded (and compressed) together by pack_rows: a line of JSON each thousand rows.
PACK_ROWS = 1000
# zlib's fastest level: the stored form is read once, and level 1 makes it a fifth.
PACK_LEVEL = 1
UNPACK_BYTES = 1 << 16


def pack_rows(checked: Checked) -> bytes:
    """The checked rows, compactly, for the apply (ImportJob.checked_rows): compressed
    lines of JSON, the managed roles and the value names first, then the rows' values in
    that order (dates as ISO, sets as lists), a line each thousand rows.

    A third of the size of a dict per row; and bytes that PostgreSQL keeps as they are,
    where a JSON column parsed and compressed again 4.5 MB of text per 10,000 rows (a tenth
    of a large import's time). Encoded a thousand rows at a time, never all at once (the
    import's peak memory)."""
    keys = value_names(checked.rows)
    packer = zlib.compressobj(PACK_LEVEL)
    head = {"managed": sorted(checked.managed), "keys": keys}
    parts = [packer.compress(json.dumps(head).encode() + b"\n")]
    rows = checked.rows
    for start in range(0, len(rows), PACK_ROWS):
        part = [encoded_row(row, keys) for row in rows[start : start + PACK_ROWS]]
        parts.append(packer.compress(json.dumps(part).encode() + b"\n"))
    parts.append(packer.flush())
    return b"".join(parts)


def value_names(rows: list[RowInput]) -> list[str]:
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row.values))
    return list(names)


def encoded_row(row: RowInput, keys: list[str]) -> list[Any]:
    values = row.values
    cells = []
    for name in keys:
        value = values.get(name, ABSENT)
        if name in DATE_FIELDS and value not in (None, ABSENT):
            value = value.isoformat()
        elif name in SET_VALUES and value is not ABSENT:
            value = sorted(value)
        elif name == "roles" and value is not ABSENT:
            value = [[pk, role] for pk, role in value.items()]
        cells.append(value)
    return [row.number, row.reference, cells, sorted(row.blank)]


def unpack_rows(packed: bytes, user: Any = None) -> Checked:
    """pack_rows's rows back, decompressed and decoded a part at a time: neither the whole
    text nor every row's encoded form is held at once."""
    lines = packed_lines(packed)
    head = json.loads(next(lines))
    encoded = (row for line in lines for row in json.loads(line))
    rows = list(decoded_rows(head["keys"], encoded))
    return Checked(rows, frozenset(head["managed"]), Lookup(user))


def packed_lines(packed: bytes) -> Iterator[bytes]:
    unpacker = zlib.decompressobj()
    rest = b""
    view = memoryview(packed)
    for start in range(0, len(packed), UNPACK_BYTES):
        *lines, rest = (rest + unpacker.decompress(view[start : start + UNPACK_BYTES])).split(b"\n")
        yield from lines
    rest += unpacker.flush()
    if rest:
        yield rest


def decoded_rows(keys: list[str], encoded: Iterable[list[Any]]) -> Iterator[RowInput]:
    """Rows from their encoded form. Equal dates, tool sets and sets of blank names are one
    object shared by the rows that have them (a file's rows repeat a few of each)."""
    shared: dict[Any, Any] = {}

    def once(value: Any) -> Any:
        return shared.setdefault(value, value)

    for number, reference, cells, *blank in encoded:
        values = {name: value for name, value in zip(keys, cells, strict=True) if value != ABSENT}
        for name in DATE_FIELDS:
            if values.get(name) is not None:
                values[name] = once(datetime.date.fromisoformat(values[name]))
        for name in SET_VALUES:
            if name in values:
                values[name] = once(frozenset(values[name]))
        if "roles" in values:
            values["roles"] = {pk: role for pk, role in values["roles"]}
        stated = once(frozenset(blank[0])) if blank and blank[0] else NOTHING_BLANK
        yield RowInput(number, reference, values, blank=stated)

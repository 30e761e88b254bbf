"""Reading an uploaded matrix: CSV or XLSX in, numbered rows of cells out.

Rows are streamed (csv.reader, openpyxl's read-only mode), so a 10,000-row workbook never
sits in memory as cell objects. Headers are matched in any site language (and by field
name), so a file exported in French imports for someone working in English. Everything
that makes a file unreadable raises ImportFileError with a message for the person who
uploaded it; problems with single cells are left to imports.matching, row by row.
"""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from core.names import name_key
from core.spreadsheets.cells import restore

# A header row is looked for among the first rows of a sheet (a title row may come first).
HEADER_SCAN_ROWS = 10
# A row needs this many known headers to count as the header row.
MIN_KNOWN_HEADERS = 2
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 .xls (and other Office binary files)

# Columns read from a file (others, such as "Last updated", are ignored).
REQUIRED = ("title", "activity_type")
COUNTRY_COLUMNS = ("country_code", "country")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why and what to do."""

    @property
    def message(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Formula:
    """A cell holding a spreadsheet formula (refused: its value is not in the file)."""

    text: str


Row = tuple[int, dict[str, Any]]  # (row number as the spreadsheet shows it, field -> cell)


@dataclass
class Table:
    """The sheet that holds the matrix: its columns and a stream of its non-blank rows."""

    fields: list[str]  # field names of the recognised columns, in file order
    rows: Iterator[Row]
    estimated_rows: int
    sheet_name: str = ""


def max_bytes() -> int:
    return getattr(settings, "SPF_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_size(size: int) -> None:
    limit = max_bytes()
    if size > limit:
        raise ImportFileError(
            _("The file is %(size)s MB; the import takes files up to %(limit)s MB.")
            % {"size": round(size / 1024 / 1024, 1), "limit": limit // 1024 // 1024}
        )


@cache
def _header_keys(language: str) -> dict[str, str]:
    from activities.resources import ActivityResource

    keys: dict[str, str] = {}
    resource = ActivityResource()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for field_name, field in resource.fields.items():
                keys[name_key(str(field.column_name))] = field_name
    keys.update({name_key(field_name): field_name for field_name in resource.fields})
    return keys


def header_keys() -> dict[str, str]:
    """name_key(header in any site language, or field name) -> ActivityResource field."""
    return _header_keys(translation.get_language() or "")


@cache
def _column_titles(language: str) -> dict[str, str]:
    from activities.resources import ActivityResource

    return {name: str(field.column_name) for name, field in ActivityResource().fields.items()}


def column_title(field_name: str) -> str:
    """The column's header in the current language (for messages)."""
    return _column_titles(translation.get_language() or "").get(field_name, field_name)


def clean_cell(value: Any) -> Any:
    """Trim text, unify line breaks, take off our own formula guard; keep dates and numbers."""
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        return restore(text)
    return value


def is_blank(values: list[Any]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


def match_header(cells: list[Any]) -> dict[int, str] | None:
    """Column index -> field for a row that looks like our header row, else None."""
    keys = header_keys()
    found: dict[int, str] = {}
    for index, cell in enumerate(cells):
        field = keys.get(name_key(str(cell))) if isinstance(cell, str) else None
        if field is not None:
            if field in found.values():
                raise ImportFileError(
                    _("The column “%(column)s” appears twice: keep one.")
                    % {"column": column_title(field)}
                )
            found[index] = field
    return found if len(found) >= MIN_KNOWN_HEADERS else None


def check_required(columns: dict[int, str]) -> None:
    present = set(columns.values())
    missing = [column_title(name) for name in REQUIRED if name not in present]
    if not present.intersection(COUNTRY_COLUMNS):
        missing.insert(0, column_title("country_code"))
    if missing:
        raise ImportFileError(
            _(
                "Required columns are missing: %(columns)s. Download the import template "
                "to see them."
            )
            % {"columns": ", ".join(missing)}
        )


def read_table(data: bytes) -> Table:
    """The matrix in an uploaded file (XLSX or CSV), or ImportFileError."""
    check_size(len(data))
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data)
    if data.startswith(OLE_MAGIC):
        raise ImportFileError(
            _("This is an old Excel (.xls) file: save it as .xlsx or CSV and upload it again.")
        )
    return read_csv(decode(data))


# CSV ------------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise not_a_spreadsheet()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Excel on Windows saves "CSV" in the system code page: Windows-1252 in Europe, a
    # superset of Latin-1 except five unused bytes, which Latin-1 always decodes.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def not_a_spreadsheet() -> ImportFileError:
    return ImportFileError(
        _("This file is not a spreadsheet the import can read: upload an XLSX or CSV file.")
    )


def delimiter_of(line: str) -> str:
    """Excel writes ";" where the decimal mark is a comma, and some tools use tabs."""
    counts = {mark: line.count(mark) for mark in (",", ";", "\t")}
    return max(counts, key=lambda mark: counts[mark])


def read_csv(text: str) -> Table:
    start = text[: 64 * 1024].splitlines()[:HEADER_SCAN_ROWS]
    first = next((line for line in start if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter_of(first))
    try:
        head = [row for _, row in zip(range(HEADER_SCAN_ROWS), reader, strict=False)]
    except csv.Error as error:
        raise not_a_spreadsheet() from error
    found = (
        (number, match_header([clean_cell(cell) for cell in cells]))
        for number, cells in enumerate(head, start=1)
    )
    number, columns = next(((n, c) for n, c in found if c), (0, None))
    if not columns:
        raise ImportFileError(
            _(
                "No header row found: the first row must hold the column headers of the "
                "matrix (Reference, Country code, Title, Type...)."
            )
        )
    check_required(columns)
    # The rows after the header: those already read, then the rest of the reader.
    rest = head[number:]

    def rows() -> Iterator[Row]:
        row_number = number
        for cells in _chain(rest, reader):
            row_number += 1
            values = [cells[i] if i < len(cells) else "" for i in columns]
            if is_blank(values):
                continue
            yield (
                row_number,
                {
                    field: csv_cell(cells[i]) if i < len(cells) else ""
                    for i, field in columns.items()
                },
            )

    return Table(list(columns.values()), rows(), max(0, text.count("\n") - number))


def _chain(first: list[list[str]], rest: Iterator[list[str]]) -> Iterator[list[str]]:
    yield from first
    try:
        yield from rest
    except csv.Error as error:
        raise not_a_spreadsheet() from error


def csv_cell(text: str) -> Any:
    # A CSV has no formulas, but Excel runs "=..." when it opens one: refuse it too.
    # (Checked before clean_cell takes off the quote that marks "'=..." as text.)
    stripped = text.strip()
    if stripped.startswith("=") and len(stripped) > 1:
        return Formula(stripped)
    return clean_cell(text)


# XLSX -----------------------------------------------------------------------------------


def read_xlsx(data: bytes) -> Table:
    try:
        # data_only=False: a formula is seen as a formula, not as its last cached value.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise not_a_spreadsheet() from error
    except Exception as error:  # openpyxl raises its own kinds for an ODS or a damaged zip
        raise not_a_spreadsheet() from error
    names = list(book.sheetnames)
    for sheet in book.worksheets:
        found = xlsx_header(sheet)
        if found is None:
            continue
        header_row, columns = found
        check_required(columns)
        estimated = max(0, (sheet.max_row or 0) - header_row)
        return Table(
            list(columns.values()),
            xlsx_rows(book, sheet, header_row, columns),
            estimated,
            sheet.title,
        )
    book.close()
    raise ImportFileError(
        _(
            "No sheet of this workbook has the matrix's header row (Reference, Country code, "
            "Title, Type...). Sheets found: %(sheets)s."
        )
        % {"sheets": ", ".join(names) or "-"}
    )


def xlsx_header(sheet: Any) -> tuple[int, dict[int, str]] | None:
    for number, cells in enumerate(sheet.iter_rows(max_row=HEADER_SCAN_ROWS), start=1):
        columns = match_header([clean_cell(cell.value) for cell in cells])
        if columns:
            return number, columns
    return None


def xlsx_rows(book: Any, sheet: Any, header_row: int, columns: dict[int, str]) -> Iterator[Row]:
    try:
        width = max(columns) + 1
        rows = sheet.iter_rows(min_row=header_row + 1, max_col=width)
        for number, cells in enumerate(rows, start=header_row + 1):
            values = [xlsx_cell(cells[i]) if i < len(cells) else None for i in columns]
            if is_blank(values):
                continue
            yield number, dict(zip(columns.values(), values, strict=True))
    finally:
        book.close()


def xlsx_cell(cell: Any) -> Any:
    if getattr(cell, "data_type", None) == "f":
        return Formula(str(cell.value))
    value = cell.value
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    return clean_cell(value)


def estimate_rows(data: bytes) -> int:
    """About how many rows the file has, cheaply (to choose between request and task)."""
    if data.startswith(XLSX_MAGIC):
        try:
            book = load_workbook(io.BytesIO(data), read_only=True)
        except Exception:  # unreadable: the preview says why, in the request
            return 0
        try:
            return max((sheet.max_row or 0 for sheet in book.worksheets), default=0)
        finally:
            book.close()
    return data.count(b"\n")

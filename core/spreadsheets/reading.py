"""Reading a spreadsheet file people upload: CSV, XLSX or ODS, one set of rules for every import.

The activity import (imports.parsing) and the admin's imports of agencies, focal points,
countries and deliverables (core.admin_formats) read files through these functions, so a file
one of them accepts, the other reads the same way:
- workbooks with python-calamine (a Rust reader, several times faster than openpyxl);
- CSV in any of the delimiters spreadsheet programs write (comma, semicolon, tab) and the
  usual encodings (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252);
- text trimmed and our own formula guard taken off; a formula refused (its value is not
  data the person typed), in a CSV as in a workbook;
- an old .xls, a file too large or no spreadsheet at all: UnreadableFile, with a message
  for the person who uploaded it.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _
from lxml import etree
from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

from core.spreadsheets.cells import restore

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# A CSV's delimiter is read from its first filled line among these.
DELIMITER_SCAN_LINES = 10
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 .xls (and other Office binary files)


class UnreadableFile(Exception):
    """The file as a whole cannot be read; the message says why and what to do."""

    @property
    def message(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Formula:
    """A cell holding a spreadsheet formula (refused: its value is not in the file)."""

    text: str


def max_bytes() -> int:
    return getattr(settings, "SPF_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_size(size: int) -> None:
    limit = max_bytes()
    if size > limit:
        raise UnreadableFile(
            _("The file is %(size)s MB; the import takes files up to %(limit)s MB.")
            % {"size": round(size / 1024 / 1024, 1), "limit": limit // 1024 // 1024}
        )


def not_a_spreadsheet() -> UnreadableFile:
    return UnreadableFile(
        _("This file is not a spreadsheet the import can read: upload an XLSX, ODS or CSV file.")
    )


def clean_cell(value: Any) -> Any:
    """Trim text, unify line breaks, take off our own formula guard; keep dates and numbers."""
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        return restore(text) if text else None
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    return value


def is_blank(values: list[Any]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


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


def delimiter_of(line: str) -> str:
    """Excel writes ";" where the decimal mark is a comma, and some tools use tabs."""
    counts = {mark: line.count(mark) for mark in (",", ";", "\t")}
    return max(counts, key=lambda mark: counts[mark])


def csv_cell(text: str) -> Any:
    # A CSV has no formulas, but Excel runs "=..." when it opens one: refuse it too.
    # (Checked before clean_cell takes off the quote that marks "'=..." as text.)
    stripped = text.strip()
    if stripped.startswith("=") and len(stripped) > 1:
        return Formula(stripped)
    return clean_cell(text)


def refuse_old_excel(data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        raise UnreadableFile(
            _("This is an old Excel (.xls) file: save it as .xlsx or CSV and upload it again.")
        )


def open_workbook(data: bytes) -> tuple[CalamineWorkbook, list[str]]:
    """The workbook and the names of its visible sheets, or UnreadableFile."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [m.name for m in book.sheets_metadata if m.visible == SheetVisibleEnum.Visible]
    except (CalamineError, zipfile.BadZipFile, OSError, ValueError) as error:
        raise not_a_spreadsheet() from error
    except Exception as error:  # the reader's own kinds, for a damaged file
        raise not_a_spreadsheet() from error
    return book, sheets


class Workbook:
    """An uploaded workbook opened once, each sheet loaded once for every reader that looks
    at it: an upload is tried as a results file, then as the matrix, and loading a sheet
    is most of reading a large workbook (a second load was a tenth of a 10,000-row import,
    and as much memory again). forget() lets the loaded sheets go."""

    def __init__(self, data: bytes) -> None:
        self.book, self.sheets = open_workbook(data)
        self._loaded: dict[str, Any] = {}

    def sheet(self, name: str) -> Any:
        loaded = self._loaded.get(name)
        if loaded is None:
            loaded = self._loaded[name] = self.book.get_sheet_by_name(name)
        return loaded

    def forget(self) -> None:
        self._loaded.clear()


def shared_workbook(data: bytes) -> Workbook | None:
    """The upload opened for several readers; None for a CSV, or for a file the readers
    refuse (each says why when it opens the file itself)."""
    if not data.startswith(ZIP_MAGIC) or len(data) > max_bytes():
        return None
    try:
        return Workbook(data)
    except UnreadableFile:
        return None


def formula_cells(data: bytes, sheet_name: str) -> dict[tuple[int, int], str]:
    """(row, column) from 0 -> formula, for the sheet's cells holding one.

    The reader gives each formula's last computed value, which is not what the person sees
    as their data (and may be stale): those cells are refused, as in a CSV. Read from the
    file's XML only when it has formulas at all.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "content.xml" in names:
                if not holds(archive, "content.xml", b"table:formula"):
                    return {}
                with archive.open("content.xml") as content:
                    return ods_formulas(content, sheet_name)
            path = xlsx_sheet_path(archive, sheet_name)
            if path is None or path not in names or not holds(archive, path, b"<f"):
                return {}
            with archive.open(path) as xml:
                return xlsx_formulas(xml)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        return {}


# The sheet's XML is read this much at a time: at 100,000 rows it is 150 MB, which the
# reader had loaded already (python-calamine), so reading it whole doubled the memory.
XML_CHUNK = 1 << 20


def holds(archive: zipfile.ZipFile, path: str, text: bytes) -> bool:
    """Whether the archive's file has `text`, read a part at a time."""
    tail = b""
    with archive.open(path) as member:
        while block := member.read(XML_CHUNK):
            if text in tail + block[: len(text) - 1] or text in block:
                return True
            tail = block[-(len(text) - 1) :]
    return False


XLSX_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def xlsx_sheet_path(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    book = etree.fromstring(archive.read("xl/workbook.xml"))
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    relations = rels.iter(f"{PACKAGE_REL_NS}Relationship")
    targets = {rel.get("Id"): rel.get("Target", "") for rel in relations}
    for sheet in book.iter(f"{XLSX_NS}sheet"):
        if sheet.get("name") == sheet_name:
            target = targets.get(sheet.get(f"{REL_NS}id"), "")
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return None


def column_index(reference: str) -> tuple[int, int]:
    """(row, column) from 0 of a cell reference such as "AB12"."""
    letters = re.match(r"[A-Z]+", reference).group(0)  # type: ignore[union-attr]
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(reference[len(letters) :]) - 1, column - 1


def xlsx_formulas(xml: IO[bytes]) -> dict[tuple[int, int], str]:
    found = {}
    for _event, cell in etree.iterparse(xml, tag=f"{XLSX_NS}c"):
        formula = cell.find(f"{XLSX_NS}f")
        if formula is not None and cell.get("r"):
            found[column_index(cell.get("r"))] = "=" + (formula.text or "")
        cell.clear()
    return found


def ods_formulas(content: IO[bytes], sheet_name: str) -> dict[tuple[int, int], str]:
    found = {}
    table = f"{{{ODS_TABLE}}}"
    for _event, element in etree.iterparse(content, tag=f"{table}table"):
        if element.get(f"{table}name") != sheet_name:
            element.clear()
            continue
        row = 0
        for row_element in element.iter(f"{table}table-row"):
            column = 0
            for cell in row_element:
                repeat = int(cell.get(f"{table}number-columns-repeated", "1"))
                formula = cell.get(f"{table}formula")
                if formula:
                    found[(row, column)] = "=" + formula.split(":", 1)[-1].lstrip("=")
                column += repeat
            row += int(row_element.get(f"{table}number-rows-repeated", "1"))
        break
    return found


def csv_rows(text: str) -> Iterator[list[Any]]:
    """The rows of a CSV text, each cell read by csv_cell, in the delimiter that its first
    filled line uses."""
    start = text[: 64 * 1024].splitlines()[:DELIMITER_SCAN_LINES]
    first = next((line for line in start if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter_of(first))
    shared: dict[str, str] = {}
    try:
        for row in reader:
            yield share_texts([csv_cell(cell) for cell in row], shared)
    except csv.Error as error:
        raise not_a_spreadsheet() from error


# Texts up to this long are kept once per file (see share_texts): codes, choices, lists of
# acronyms; titles and descriptions, rarely repeated, are left as they are.
SHARED_TEXT = 40


def share_texts(row: list[Any], shared: dict[str, str]) -> list[Any]:
    """The row with each short text replaced by the one equal text `shared` keeps: they
    repeat down a column ("Ongoing", "Yes", a country's code, an agency's acronym), and one
    object per cell was half of a large file's table of cells."""
    for column, cell in enumerate(row):
        if type(cell) is str and len(cell) <= SHARED_TEXT:
            row[column] = shared.setdefault(cell, cell)
    return row


def sheet_rows(data: bytes, sheet: Any, name: str, start: int = 0) -> Iterator[list[Any]]:
    """The rows of a workbook's sheet from row `start` (0: its first), each cell cleaned and
    a formula given as a Formula. `data` is the workbook's file, whose XML has the formulas."""
    # The reader's rows start at the sheet's first row, its columns at the first used one.
    offset = (sheet.start or (0, 0))[1]
    formulas: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for (at_row, at_column), text in formula_cells(data, name).items():
        formulas[at_row].append((at_column - offset, text))
    shared: dict[str, str] = {}
    for index, values in enumerate(islice(sheet.iter_rows(), start, None), start=start):
        row = share_texts([clean_cell(value) for value in values], shared)
        for column, text in formulas.get(index, ()):
            if 0 <= column < len(row):
                row[column] = Formula(text)
        yield row


@dataclass
class Table:
    """A plain table: the first non-blank row as headers, the rows under it numbered as the
    spreadsheet shows them (blank rows skipped)."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]]


def read_table(data: bytes) -> Table:
    """The first visible sheet of a workbook, or a CSV, as a Table; UnreadableFile when the
    file cannot be read or holds a formula (the message names its row and column)."""
    check_size(len(data))
    if not data.strip():
        raise UnreadableFile(_("The file is empty."))
    refuse_old_excel(data)
    if data.startswith(ZIP_MAGIC):
        book, sheets = open_workbook(data)
        if not sheets:
            raise not_a_spreadsheet()
        cells = list(sheet_rows(data, book.get_sheet_by_name(sheets[0]), sheets[0]))
    else:
        cells = list(csv_rows(decode(data)))
    # A formula is not blank: is_blank() sees only empty cells.
    numbered = [(number, row) for number, row in enumerate(cells, start=1) if not is_blank(row)]
    if not numbered:
        raise UnreadableFile(_("The file is empty."))
    (_number, header), *rows = numbered
    headers = ["" if cell is None else str(cell).strip() for cell in header]
    width = len(headers)
    table = Table(headers, [(number, (row + [None] * width)[:width]) for number, row in rows])
    for number, row in table.rows:
        for column, cell in enumerate(row):
            if isinstance(cell, Formula):
                raise UnreadableFile(
                    _(
                        "Row %(row)s, column “%(column)s” holds a formula (%(formula)s): "
                        "type its value instead, nothing was imported."
                    )
                    % {"row": number, "column": headers[column] or column + 1, "formula": cell.text}
                )
    return table

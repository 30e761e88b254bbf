"""Reading an uploaded spreadsheet: CSV, XLSX or ODS in, its header row and numbered rows out.

Workbooks are read with python-calamine (a Rust reader, several times faster than openpyxl),
CSV with the csv module in any delimiter and the usual encodings. The header row is looked
for among the first rows of each sheet (a title row may come first); an HXL hashtag row
under it (or in its place) is recognised and kept apart from the data. Everything that
makes a file unreadable raises ImportFileError with a message for the person who uploaded
it; which hub field each column holds is imports.columns' business, single cells are
imports.matching's.
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
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from lxml import etree
from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

from core.spreadsheets.cells import restore
from imports.columns import SAMPLE_ROWS, guess_header, guess_tag

# A header row is looked for among the first rows of a sheet (a title row may come first).
HEADER_SCAN_ROWS = 10
# A row needs this many recognised headers (or hashtags) to count as the header row.
MIN_KNOWN_HEADERS = 2
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 .xls (and other Office binary files)
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why and what to do."""

    @property
    def message(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Formula:
    """A cell holding a spreadsheet formula (refused: its value is not in the file)."""

    text: str


Row = tuple[int, list[Any]]  # (row number as the spreadsheet shows it, cells)


@dataclass
class Sheet:
    """The table of a file: its header row, its HXL hashtags if any, and its data rows."""

    headers: list[str]
    tags: list[str]  # one per column, "" where the file has no hashtag
    head: list[Row]  # the first data rows, read already (samples for the mapping step)
    rest: Iterator[Row]
    estimated_rows: int
    name: str = ""

    def rows(self) -> Iterator[Row]:
        """Every non-blank data row, the first ones included."""
        yield from self.head
        yield from self.rest

    def samples(self) -> list[list[Any]]:
        return [cells for _number, cells in self.head[:SAMPLE_ROWS]]


def max_bytes() -> int:
    return getattr(settings, "SPF_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_size(size: int) -> None:
    limit = max_bytes()
    if size > limit:
        raise ImportFileError(
            _("The file is %(size)s MB; the import takes files up to %(limit)s MB.")
            % {"size": round(size / 1024 / 1024, 1), "limit": limit // 1024 // 1024}
        )


def not_a_spreadsheet() -> ImportFileError:
    return ImportFileError(
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


def texts(cells: list[Any]) -> list[str]:
    return ["" if cell is None else str(cell).strip() for cell in cells]


def is_tag_row(cells: list[str]) -> bool:
    """An HXL hashtag row: every filled cell a hashtag (#country+code)."""
    filled = [cell for cell in cells if cell]
    return bool(filled) and all(re.match(r"^#[A-Za-z]", cell) for cell in filled)


@dataclass
class HeaderRow:
    index: int  # position among the rows read (0-based)
    headers: list[str]
    tags: list[str]
    data_from: int  # position of the first data row
    score: int


def find_header(head: list[list[Any]]) -> HeaderRow | None:
    """The header row among a sheet's first rows (and the hashtag row under it, if any)."""
    rows = [texts(cells) for cells in head]
    for index, cells in enumerate(rows):
        if is_tag_row(cells):
            previous = rows[index - 1] if index else []
            headers = previous if previous and not is_blank(previous) else cells
            score = sum(1 for tag in cells if tag and guess_tag(tag))
            if score >= MIN_KNOWN_HEADERS:
                start = index - 1 if headers is previous else index
                return HeaderRow(start, headers, cells, index + 1, score)
            continue
        score = sum(1 for cell in cells if guess_header(cell)[0])
        if score < MIN_KNOWN_HEADERS:
            continue
        below = rows[index + 1] if index + 1 < len(rows) else []
        if is_tag_row(below):
            return HeaderRow(index, cells, below, index + 2, score + len(below))
        return HeaderRow(index, cells, [""] * len(cells), index + 1, score)
    return None


def read_sheet(data: bytes) -> Sheet:
    """The table in an uploaded file (XLSX, ODS or CSV), or ImportFileError."""
    check_size(len(data))
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if data.startswith(ZIP_MAGIC):
        return read_workbook(data)
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


def read_csv(text: str) -> Sheet:
    start = text[: 64 * 1024].splitlines()[:HEADER_SCAN_ROWS]
    first = next((line for line in start if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter_of(first))
    try:
        head = [[csv_cell(cell) for cell in row] for row in islice(reader, HEADER_SCAN_ROWS)]
    except csv.Error as error:
        raise not_a_spreadsheet() from error
    found = find_header(head)
    if found is None:
        raise ImportFileError(
            _(
                "No header row found: the first row must hold the column headers "
                "(Reference, Country, Title, Type...), in English, French or Spanish."
            )
        )

    def cells() -> Iterator[list[Any]]:
        yield from head[found.data_from :]
        try:
            for row in reader:
                yield [csv_cell(cell) for cell in row]
        except csv.Error as error:
            raise not_a_spreadsheet() from error

    rows = numbered(cells(), found.data_from + 1, len(found.headers))
    return sheet_of(found, rows, max(0, text.count("\n") - found.data_from))


def numbered(rows: Iterator[list[Any]], first: int, width: int) -> Iterator[Row]:
    """(row number, cells cut or padded to the header's width) of the non-blank rows."""
    for number, cells in enumerate(rows, start=first):
        cells = (cells + [None] * width)[:width]
        if not is_blank(cells):
            yield number, cells


def sheet_of(found: HeaderRow, rows: Iterator[Row], estimated: int, name: str = "") -> Sheet:
    head = list(islice(rows, SAMPLE_ROWS))
    tags = (found.tags + [""] * len(found.headers))[: len(found.headers)]
    return Sheet(found.headers, tags, head, rows, estimated, name)


# XLSX and ODS ---------------------------------------------------------------------------


def read_workbook(data: bytes) -> Sheet:
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [m.name for m in book.sheets_metadata if m.visible == SheetVisibleEnum.Visible]
    except (CalamineError, zipfile.BadZipFile, OSError, ValueError) as error:
        raise not_a_spreadsheet() from error
    except Exception as error:  # the reader's own kinds, for a damaged file
        raise not_a_spreadsheet() from error
    best: tuple[HeaderRow, Any, str] | None = None
    for name in sheets:
        sheet = book.get_sheet_by_name(name)
        head = [row for row in islice(sheet.iter_rows(), HEADER_SCAN_ROWS)]
        found = find_header(head)
        if found is not None and (best is None or found.score > best[0].score):
            best = (found, sheet, name)
    if best is None:
        raise ImportFileError(
            _(
                "No sheet of this workbook has a header row the import recognises (Reference, "
                "Country, Title, Type...). Sheets found: %(sheets)s."
            )
            % {"sheets": ", ".join(sheets) or "-"}
        )
    found, sheet, name = best
    offset = (sheet.start or (0, 0))[1]
    formulas: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for (at_row, at_column), text in formula_cells(data, name).items():
        formulas[at_row].append((at_column - offset, text))
    width = len(found.headers)

    def cells() -> Iterator[list[Any]]:
        rows = islice(sheet.iter_rows(), found.data_from, None)
        for index, values in enumerate(rows, start=found.data_from):
            row = [clean_cell(value) for value in values]
            for column, text in formulas.get(index, ()):
                if 0 <= column < len(row):
                    row[column] = Formula(text)
            yield row

    rows = numbered(cells(), found.data_from + 1, width)
    return sheet_of(found, rows, max(0, sheet.total_height - found.data_from), name)


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
                content = archive.read("content.xml")
                return ods_formulas(content, sheet_name) if b"table:formula" in content else {}
            path = xlsx_sheet_path(archive, sheet_name)
            if path is None or path not in names:
                return {}
            xml = archive.read(path)
            return xlsx_formulas(xml) if b"<f" in xml else {}
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        return {}


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


def xlsx_formulas(xml: bytes) -> dict[tuple[int, int], str]:
    found = {}
    for _event, cell in etree.iterparse(io.BytesIO(xml), tag=f"{XLSX_NS}c"):
        formula = cell.find(f"{XLSX_NS}f")
        if formula is not None and cell.get("r"):
            found[column_index(cell.get("r"))] = "=" + (formula.text or "")
        cell.clear()
    return found


def ods_formulas(content: bytes, sheet_name: str) -> dict[tuple[int, int], str]:
    found = {}
    table = f"{{{ODS_TABLE}}}"
    for _event, element in etree.iterparse(io.BytesIO(content), tag=f"{table}table"):
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


def estimate_rows(data: bytes) -> int:
    """About how many rows the file has, cheaply (to choose between request and task)."""
    if data.startswith(ZIP_MAGIC):
        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            heights = (book.get_sheet_by_name(name).total_height for name in book.sheet_names)
            return max(heights, default=0)
        except Exception:  # unreadable: the preview says why, in the request
            return 0
    return data.count(b"\n")

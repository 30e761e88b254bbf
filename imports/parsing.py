"""Reading an uploaded spreadsheet: CSV, XLSX or ODS in, its header row and numbered rows out.

The file is read by core.spreadsheets.reading (python-calamine for workbooks, CSV in any
delimiter and the usual encodings, formulas refused), as every import of the hub reads it;
what is the activity import's own is here. The header row is looked
for among the first rows of each sheet (a title row may come first); an HXL hashtag row
under it (or in its place) is recognised and kept apart from the data. Everything that
makes a file unreadable raises ImportFileError with a message for the person who uploaded
it; which hub field each column holds is imports.columns' business, single cells are
imports.matching's.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from core.spreadsheets.reading import (
    ZIP_MAGIC,
    Formula,
    UnreadableFile,
    Workbook,
    check_size,
    csv_rows,
    decode,
    is_blank,
    open_workbook,
    refuse_old_excel,
    sheet_rows,
)
from imports.columns import SAMPLE_ROWS, guess_header, guess_tag

# A header row is looked for among the first rows of a sheet (a title row may come first).
HEADER_SCAN_ROWS = 10
# A row needs this many recognised headers (or hashtags) to count as the header row.
MIN_KNOWN_HEADERS = 2
# Unreadable files are the core reader's: the import says ImportFileError for the same thing.
ImportFileError = UnreadableFile


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
    sheets: list[str] = field(default_factory=list)  # a workbook's sheets, to choose another

    def rows(self) -> Iterator[Row]:
        """Every non-blank data row, the first ones included."""
        yield from self.head
        yield from self.rest

    def samples(self) -> list[list[Any]]:
        return [cells for _number, cells in self.head[:SAMPLE_ROWS]]


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


def read_sheet(data: bytes, sheet: str = "", workbook: Workbook | None = None) -> Sheet:
    """The table in an uploaded file (XLSX, ODS or CSV), or ImportFileError; `sheet` is the
    workbook's sheet the person chose (else the one whose header row is the most sure);
    `workbook`, the file opened already (core.spreadsheets.reading.shared_workbook)."""
    check_size(len(data))
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    refuse_old_excel(data)
    if data.startswith(ZIP_MAGIC):
        return read_workbook(data, sheet, workbook)
    return read_csv(decode(data))


# CSV ------------------------------------------------------------------------------------


def read_csv(text: str) -> Sheet:
    rows = csv_rows(text)
    head = list(islice(rows, HEADER_SCAN_ROWS))
    found = find_header(head)
    if found is None:
        raise ImportFileError(
            _(
                "No header row found: the first row must hold the column headers "
                "(Reference, Country, Title, Type...), in English, French or Spanish."
            )
        )

    hxl = any(found.tags)

    def cells() -> Iterator[list[Any]]:
        for row in chain(head[found.data_from :], rows):
            # An HXL file is for machines, never guarded: "=..." in it is text, not a
            # formula a spreadsheet program would run (core.spreadsheets.csvfile).
            yield [cell.text if isinstance(cell, Formula) else cell for cell in row] if hxl else row

    numbered_rows = numbered(cells(), found.data_from + 1, len(found.headers))
    return sheet_of(found, numbered_rows, max(0, text.count("\n") - found.data_from))


def numbered(rows: Iterator[list[Any]], first: int, width: int) -> Iterator[Row]:
    """(row number, cells padded to the header's width) of the non-blank rows. Cells past
    the header's width are kept: a shifted row is found from them (imports.shapes)."""
    for number, cells in enumerate(rows, start=first):
        if len(cells) < width:
            cells = cells + [None] * (width - len(cells))
        if not is_blank(cells):
            yield number, cells


def sheet_of(
    found: HeaderRow,
    rows: Iterator[Row],
    estimated: int,
    name: str = "",
    sheets: list[str] | None = None,
) -> Sheet:
    head = list(islice(rows, SAMPLE_ROWS))
    tags = (found.tags + [""] * len(found.headers))[: len(found.headers)]
    return Sheet(found.headers, tags, head, rows, estimated, name, sheets or [])


# XLSX and ODS ---------------------------------------------------------------------------


def read_workbook(data: bytes, chosen: str = "", workbook: Workbook | None = None) -> Sheet:
    book = workbook or Workbook(data)
    sheets = book.sheets
    best: tuple[HeaderRow, Any, str] | None = None
    if chosen and chosen not in sheets:
        raise ImportFileError(_("This workbook has no sheet “%(sheet)s”.") % {"sheet": chosen})
    for name in [chosen] if chosen else sheets:
        sheet = book.sheet(name)
        head = [row for row in islice(sheet.iter_rows(), HEADER_SCAN_ROWS)]
        found = find_header(head)
        if found is not None and (best is None or found.score > best[0].score):
            best = (found, sheet, name)
    if best is None and chosen:
        raise ImportFileError(
            _(
                "The sheet “%(sheet)s” has no header row the import recognises (Reference, "
                "Country, Title, Type...): choose another sheet."
            )
            % {"sheet": chosen}
        )
    if best is None:
        raise ImportFileError(
            _(
                "No sheet of this workbook has a header row the import recognises (Reference, "
                "Country, Title, Type...). Sheets found: %(sheets)s."
            )
            % {"sheets": ", ".join(sheets) or "-"}
        )
    found, sheet, name = best
    cells = sheet_rows(data, sheet, name, start=found.data_from)
    rows = numbered(cells, found.data_from + 1, len(found.headers))
    return sheet_of(found, rows, max(0, sheet.total_height - found.data_from), name, sheets)


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


def sheet_names(data: bytes) -> list[str]:
    """The visible sheets of a workbook ([] for a CSV or an unreadable file)."""
    if not data.startswith(ZIP_MAGIC):
        return []
    try:
        return open_workbook(data)[1]
    except ImportFileError:
        return []

"""A results file read: its header row found among a sheet's first rows, in English, French
or Spanish or by its HXL hashtags (the columns of results.open_data, the layout of the
results' downloads), and its rows numbered as the spreadsheet shows them. A file that is not
a results file is left to the activities' import (imports.parsing). Checking the rows is
imports.results_file's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from django.conf import settings
from django.utils import translation

from core.names import name_key
from core.spreadsheets.reading import (
    ZIP_MAGIC,
    Formula,
    Workbook,
    check_size,
    csv_rows,
    decode,
    is_blank,
    refuse_old_excel,
    sheet_rows,
)
from results.open_data import Column, columns

HEADER_SCAN_ROWS = 10
# The columns a results file must have (and the one that tells it from an activities file).
REQUIRED = ("reference", "indicator_code", "period", "value")


def tag_key(tag: str) -> tuple[str, frozenset[str]]:
    """An HXL hashtag as HXL compares them: its hashtag and its attributes, in any order."""
    name, *attributes = tag.strip().lower().split("+")
    return name.strip(), frozenset(attribute.strip() for attribute in attributes)


def known_columns() -> tuple[dict[str, Column], dict[tuple, Column]]:
    """Every column by its header in each site language (folded) and by its hashtag."""
    by_header: dict[str, Column] = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for column in columns(hxl=True):
                by_header.setdefault(name_key(str(column.header)), column)
    by_tag = {tag_key(column.tag): column for column in columns(hxl=True)}
    return by_header, by_tag


@dataclass
class ResultsSheet:
    """The table of a results file: which column each of its columns is, and its rows."""

    keys: list[str | None]  # the column's key (results.open_data), None if not read
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]
    hxl: bool = False

    def header_of(self, key: str) -> str:
        for header, found in zip(self.headers, self.keys, strict=False):
            if found == key:
                return header
        return key


def texts(cells: list[Any]) -> list[str]:
    return ["" if cell is None else str(cell).strip() for cell in cells]


def match_header(rows: list[list[Any]]) -> tuple[list[str | None], list[str], int, bool] | None:
    """(column keys, headers, first data row index, whether HXL) of a results table among a
    sheet's first rows, or None when these rows are not a results file's."""
    by_header, by_tag = known_columns()
    for index, row in enumerate(rows):
        cells = texts(row)
        if any(cell.startswith("#") for cell in cells if cell):
            keys = [by_tag.get(tag_key(cell)) if cell else None for cell in cells]
            headers = texts(rows[index - 1]) if index else cells
            hxl = True
        else:
            keys = [by_header.get(name_key(cell)) if cell else None for cell in cells]
            headers, hxl = cells, False
        found = [column.key if column else None for column in keys]
        if all(key in found for key in REQUIRED):
            below = texts(rows[index + 1]) if index + 1 < len(rows) else []
            if not hxl and below and any(cell.startswith("#") for cell in below if cell):
                tagged = [by_tag.get(tag_key(cell)) if cell else None for cell in below]
                found = [c.key if c else k for c, k in zip(tagged, found, strict=False)]
                return found, headers, index + 2, True
            return found, headers, index + 1, hxl
    return None


def read_results_sheet(
    data: bytes, sheet: str = "", workbook: Workbook | None = None
) -> ResultsSheet | None:
    """The results table of an uploaded file, or None when the file is not a results file
    (the activities import reads it then). UnreadableFile for a file nobody could read.
    `workbook`: the file opened already (core.spreadsheets.reading.shared_workbook)."""
    check_size(len(data))
    if not data.strip():
        return None
    refuse_old_excel(data)
    if data.startswith(ZIP_MAGIC):
        book = workbook or Workbook(data)
        for name in [sheet] if sheet in book.sheets else book.sheets:
            table = book.sheet(name)
            head = [list(row) for row in islice(table.iter_rows(), HEADER_SCAN_ROWS)]
            found = match_header(head)
            if found is not None:
                keys, headers, start, hxl = found
                rows = sheet_rows(data, table, name, start=start)
                return ResultsSheet(keys, headers, numbered(rows, start + 1, hxl), hxl)
        return None
    rows = csv_rows(decode(data))
    head = list(islice(rows, HEADER_SCAN_ROWS))
    found = match_header(head)
    if found is None:
        return None
    keys, headers, start, hxl = found
    rest = chain(head[start:], rows)
    return ResultsSheet(keys, headers, numbered(rest, start + 1, hxl), hxl)


def numbered(rows, first: int, hxl: bool) -> Iterator[tuple[int, list[Any]]]:
    for number, cells in enumerate(rows, start=first):
        if hxl:  # HXL is for machines, never guarded: "=..." in it is text
            cells = [cell.text if isinstance(cell, Formula) else cell for cell in cells]
        if not is_blank(cells):
            yield number, list(cells)

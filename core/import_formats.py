"""The file formats of the admin's imports and downloads (django-import-export), read and
written by the hub's own reader and writer.

Imports (agencies, focal points, countries, deliverables): whatever the person uploads, CSV
(any delimiter, the usual encodings), XLSX or ODS, is read by core.spreadsheets.reading
exactly as the activity import reads it; the reader knows the file by its content, so the
admin offers one choice, not a format per extension whose rules differ. XLSX downloads: the
writer of the front end's downloads.
"""

from itertools import chain
from typing import Any

import tablib
from django.utils.translation import gettext_lazy as _
from import_export.formats import base_formats
from import_export.formats.base_formats import Format

from core.spreadsheets.reading import read_table
from core.spreadsheets.xlsx import render_xlsx


class SpreadsheetFile(Format):
    def get_title(self) -> Any:
        return _("Spreadsheet (CSV, XLSX or ODS)")

    def create_dataset(self, in_stream: bytes | str) -> tablib.Dataset:
        data = in_stream.encode() if isinstance(in_stream, str) else bytes(in_stream)
        table = read_table(data)
        dataset = tablib.Dataset(headers=table.headers)
        for _number, cells in table.rows:
            dataset.append(cells)
        return dataset

    def get_extension(self) -> str:
        return "csv"

    def can_import(self) -> bool:
        return True


class HubXLSX(base_formats.XLSX):
    """The admin's XLSX downloads, written by the hub's own writer (core.spreadsheets.xlsx):
    text in string cells that spreadsheet programs never evaluate, so that a phone number
    "+41 22 ..." shows as typed, without the guard a writer that runs "=..." needs."""

    def export_data(self, dataset: tablib.Dataset, **kwargs: Any) -> bytes:
        # The values come as they are (core.resources.export_cell): the writer types them.
        return render_xlsx(chain([dataset.headers], dataset))

"""The file format of the admin's imports of agencies, focal points, countries and
deliverables (django-import-export), read by the hub's one reader.

Whatever the person uploads, CSV (any delimiter, the usual encodings), XLSX or ODS, is read by
core.spreadsheets.reading exactly as the activity import reads it: the reader knows the file
by its content, so the admin offers one choice, not a format per extension whose rules differ.
"""

from typing import Any

import tablib
from django.utils.translation import gettext_lazy as _
from import_export.formats.base_formats import Format

from core.spreadsheets.reading import read_table


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

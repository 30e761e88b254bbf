"""CSV text for downloads, streamed in chunks.

A CSV meant for spreadsheet programs starts with a byte order mark (Excel reads UTF-8 only
so) and guards text that a spreadsheet would run as a formula ("+258 21 123 456" shows as
'+258...; see cells.neutralise). A CSV meant for machines (HXL) has neither: its readers
(libhxl, pandas) would keep the mark in the first header and the apostrophe in the value.
"""

import csv
import io
from collections.abc import Iterable, Iterator

from core.spreadsheets.cells import Row, plain_cell, text_cell

# CSV rows are sent to the client in batches of about this many characters.
CSV_CHUNK = 64 * 1024


def iter_csv(table: Iterable[Row], *, for_spreadsheets: bool = True) -> Iterator[str]:
    """CSV text in chunks: for spreadsheet programs, or for machines (see above)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    cell = text_cell if for_spreadsheets else plain_cell
    if for_spreadsheets:
        buffer.write("\ufeff")
    for row in table:
        writer.writerow([cell(value) for value in row])
        if buffer.tell() >= CSV_CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()

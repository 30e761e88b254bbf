"""CSV text for downloads: formula-safe cells, streamed in chunks."""

import csv
import io
from collections.abc import Iterable, Iterator

from core.spreadsheets.cells import Row, text_cell

# CSV rows are sent to the client in batches of about this many characters.
CSV_CHUNK = 64 * 1024


def iter_csv(table: Iterable[Row]) -> Iterator[str]:
    """CSV text in chunks, starting with a byte order mark so Excel reads UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    for row in table:
        writer.writerow([text_cell(value) for value in row])
        if buffer.tell() >= CSV_CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()

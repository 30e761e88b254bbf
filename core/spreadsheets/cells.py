"""Spreadsheet cells shared by the hub's writers: safe values, widths, column notes.

Formula injection is met in two ways. A CSV has no cell types: a spreadsheet opening it
runs text starting with = + - @ as a formula, so CSV cells get a guard (a leading
apostrophe, `text_cell`). XLSX and ODS cells are typed: text is written as a string cell,
which no spreadsheet evaluates, and shows exactly as typed (`typed_cell`, `sheet_text`).
The import's `restore` takes the CSV guard off again.

An exporter is a small object whose `iter_table()` yields the header row first and then
the data rows, as plain Python values (str, date, datetime, numbers, None). It may also
have `column_notes()`: one ColumnNote per column, which the XLSX and ODS downloads show on
a second sheet ("About these columns"). The writers beside this module (csvfile, xlsx,
ods; `responses` picks one) turn such a table into a download; they never look at models,
so the matrix, the workplan, the country and agency lists and the round dashboard all
share them.
"""

import datetime
import decimal
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# OWASP's advice: prefix such cells with a single quote, which spreadsheets show as text.
NEUTRALISER = "'"
# Control characters XML 1.0 (and so XLSX and ODS) cannot hold: dropped, they carry no
# meaning in a cell anyway.
CONTROL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")

# Column widths are worked out from the header and this many rows (not the whole file:
# measuring 10,000 rows would cost as much as writing them).
WIDTH_SAMPLE = 200
MIN_WIDTH, MAX_WIDTH = 8, 50
ABOUT_SHEET = _("About these columns")

Row = Sequence[Any]


@dataclass(frozen=True)
class ColumnNote:
    """What a column holds and which values it takes, for the "About these columns" sheet."""

    header: str
    meaning: str
    allowed: str = ""


class TableExporter(Protocol):
    def iter_table(self) -> Iterator[Row]:
        """Yield the header row, then one row per record."""
        ...


def neutralise(text: str) -> str:
    """Make text that a spreadsheet would run as a formula read as plain text.

    Text that already starts with quotes before a formula character ("'=x") gets one more,
    so that `restore` gives back exactly what the person typed.
    """
    if text.lstrip(NEUTRALISER).startswith(FORMULA_TRIGGERS):
        return NEUTRALISER + text
    return text


def restore(text: str) -> str:
    """Undo `neutralise` on a value read back from one of our own spreadsheets."""
    if text[:1] == NEUTRALISER and text[1:].lstrip(NEUTRALISER).startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def naive_local(value: datetime.datetime, zone: Any = None) -> datetime.datetime:
    """Spreadsheets have no time zones: show aware datetimes in the site's time zone (or in
    `zone`, the current one read once by a writer of many rows)."""
    if timezone.is_aware(value):
        return timezone.localtime(value, zone).replace(tzinfo=None)
    return value


def text_cell(value: Any) -> str:
    """A value as CSV text: ISO dates, formula-safe strings, empty for None."""
    if type(value) is str or isinstance(value, Promise):
        return neutralise(str(value))
    return plain_cell(value)


def plain_cell(value: Any) -> str:
    """A value as CSV text for machines (HXL): ISO dates, text as it is, empty for None."""
    kind = type(value)
    if kind is str:
        return value
    if value is None:
        return ""
    if kind is datetime.date:
        return value.isoformat()
    if kind is datetime.datetime:
        return naive_local(value).isoformat(sep=" ", timespec="minutes")
    return str(value)


def native_cell(value: Any) -> Any:
    """A value for a writer that runs text starting with "=" as a formula (tablib's XLSX,
    behind django-import-export's admin export): real dates and numbers, guarded strings."""
    kind = type(value)
    if kind is str:
        return CONTROL_CHARACTERS_RE.sub("", neutralise(value))
    if kind is datetime.datetime:
        return naive_local(value)
    if isinstance(value, Promise):
        return native_cell(str(value))
    return value


def sheet_text(text: str) -> str:
    """Text for a typed string cell of an XLSX or ODS download, shown exactly as typed.

    A cell typed as a string (XLSX: an inline string; ODS: office:value-type="string") is
    never evaluated, whatever it starts with: "+41 22 799 61 11", "- draft" and even
    "=1+1" show as typed, without the CSV's visible apostrophe. Only text that already
    looks guarded (quotes before a formula character, "'=x") gets one more quote, so that
    the import's `restore` (which also reads older downloads, guarded the CSV way) gives
    back exactly what was typed.
    """
    if not text.isprintable():  # (a quick test: most cells have no line break or tab)
        text = CONTROL_CHARACTERS_RE.sub("", text)
    if text[:1] == NEUTRALISER and restore(text) != text:
        return NEUTRALISER + text
    return text


# What the typed writers (XLSX, ODS) write as themselves; anything else is written as text.
NATIVE_TYPES = (bool, int, float, decimal.Decimal, datetime.date)


def typed_cell(value: Any) -> Any:
    """A value as a typed cell of the XLSX and ODS writers: strings as string cells (see
    `sheet_text`), dates as dates (local time, no zone), numbers and booleans as such."""
    kind = type(value)
    if kind is str:
        return sheet_text(value)
    if value is None or kind is datetime.date:
        return value
    if isinstance(value, datetime.datetime):
        return naive_local(value)
    if isinstance(value, NATIVE_TYPES):
        return value
    return sheet_text(str(value))


def sheet_name(title: str) -> str:
    """Sheet names cannot hold []*?:/\\ in spreadsheets; keep them short like Excel does."""
    name = "".join(" " if char in "[]*?:/\\" else char for char in title)[:31]
    # Excel also refuses a name starting or ending with an apostrophe.
    return name.strip("'") or "Sheet1"


def column_notes(table: TableExporter, header: Sequence[Any]) -> list[ColumnNote]:
    """The table's notes on its columns, or bare headers when it has none."""
    notes = getattr(table, "column_notes", None)
    if notes is not None:
        return list(notes())
    return [ColumnNote(str(title), "") for title in header]


def about_table(notes: Iterable[ColumnNote]) -> list[list[str]]:
    """The second sheet's rows: a header, then one row per column of the download."""
    header = [gettext("Column"), gettext("What it holds"), gettext("Allowed values")]
    return [header, *([str(n.header), str(n.meaning), str(n.allowed)] for n in notes)]


def shown_length(value: Any) -> int:
    """Roughly how many characters wide a cell is shown (its longest line)."""
    if value is None:
        return 0
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def column_widths(header: Sequence[Any], sample: Sequence[Row]) -> list[int]:
    """Widths in characters from the header and a sample of rows, within sensible bounds."""
    widths = []
    for index, title in enumerate(header):
        longest = max(
            [shown_length(title), *(shown_length(row[index]) for row in sample if index < len(row))]
        )
        widths.append(max(MIN_WIDTH, min(longest + 2, MAX_WIDTH)))
    return widths

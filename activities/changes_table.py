"""What changed between two moments, as a download: one line per field changed."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext_lazy

from activities.changes import Changes
from core.spreadsheets.cells import ColumnNote

COLUMNS: list[tuple[Any, Any]] = [
    (gettext_lazy("Country"), gettext_lazy("The activity's country.")),
    (gettext_lazy("Agencies"), gettext_lazy("The agencies taking part, at the end.")),
    (gettext_lazy("Reference"), gettext_lazy("The activity's stable reference.")),
    (gettext_lazy("Title"), gettext_lazy("The activity's title.")),
    (gettext_lazy("Change"), gettext_lazy("new, closed, changed or deleted.")),
    (gettext_lazy("Field"), gettext_lazy("What changed (empty for a row deleted).")),
    (gettext_lazy("Before"), gettext_lazy("Its value at the start.")),
    (gettext_lazy("After"), gettext_lazy("Its value at the end.")),
    (gettext_lazy("By"), gettext_lazy("Who last changed it.")),
    (gettext_lazy("When"), gettext_lazy("When they did.")),
]


class ChangesTable:
    def __init__(self, changes: Changes) -> None:
        self.changes = changes

    def column_notes(self) -> list[ColumnNote]:
        return [ColumnNote(str(header), str(meaning), "") for header, meaning in COLUMNS]

    def iter_table(self) -> Iterator[Sequence[Any]]:
        yield [str(header) for header, _meaning in COLUMNS]
        for row in self.changes.rows:
            start = [row.country, "; ".join(row.agencies), row.reference, row.title]
            if not row.fields:
                yield [*start, row.kind_label, "", "", "", "", None]
            for change in row.fields:
                yield [
                    *start,
                    row.kind_label,
                    change.label,
                    change.old,
                    change.new,
                    change.who,
                    change.when,
                ]

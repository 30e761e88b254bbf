"""The round dashboard as a spreadsheet (through core.spreadsheets)."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.spreadsheets.cells import ColumnNote
from rounds.models import RoundAgency, RoundAgencyStatus

# (header, what it holds), in the file's order.
COLUMNS: list[tuple[Any, Any]] = [
    (gettext_lazy("Agency"), gettext_lazy("The acronym of the agency asked.")),
    (gettext_lazy("Status"), gettext_lazy("Where the agency is in this round.")),
    (gettext_lazy("Late"), gettext_lazy("yes: submitted after the round's deadline.")),
    (
        gettext_lazy("Rows answered"),
        gettext_lazy("Rows the agency confirmed, edited or closed in this round."),
    ),
    (gettext_lazy("Rows"), gettext_lazy("The activities the agency takes part in.")),
    (gettext_lazy("Last activity"), gettext_lazy("When the agency last worked on its rows.")),
    (gettext_lazy("Submitted by"), gettext_lazy("Who submitted the agency's answers.")),
    (gettext_lazy("Submitted"), gettext_lazy("When they were submitted (empty until then).")),
]


class DashboardTable:
    """Header, then one row per agency asked, in the order given."""

    def __init__(self, parts: Sequence[RoundAgency]) -> None:
        self.parts = parts

    def column_notes(self) -> list[ColumnNote]:
        yes_no = f"{_('yes')}; {_('no')}"
        allowed = {
            str(COLUMNS[1][0]): "; ".join(str(label) for label in RoundAgencyStatus.labels),
            str(COLUMNS[2][0]): yes_no,
        }
        return [
            ColumnNote(str(header), str(meaning), allowed.get(str(header), ""))
            for header, meaning in COLUMNS
        ]

    def iter_table(self) -> Iterator[Sequence[Any]]:
        yield [str(header) for header, _meaning in COLUMNS]
        yes, no = _("yes"), _("no")
        for part in self.parts:
            yield [
                part.agency.acronym,
                part.status_label,
                yes if part.is_late else no,
                part.answered_count,
                part.row_count,
                part.last_activity_at,
                part.submitted_by.get_username() if part.submitted_by else "",
                part.submitted_at,
            ]

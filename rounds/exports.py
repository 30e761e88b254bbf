"""The round dashboard as a spreadsheet (through spf_coalition.exporters)."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _

from rounds.models import RoundAgency


class DashboardTable:
    """Header, then one row per agency asked, in the order given."""

    def __init__(self, parts: Sequence[RoundAgency]) -> None:
        self.parts = parts

    def iter_table(self) -> Iterator[Sequence[Any]]:
        yield [
            _("Agency"),
            _("Status"),
            _("Late"),
            _("Rows answered"),
            _("Rows"),
            _("Last activity"),
            _("Submitted by"),
            _("Submitted"),
        ]
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

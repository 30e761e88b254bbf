"""Downloads of the funding page: the contributions listed, and the totals (per currency)."""

from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.spreadsheets.cells import ColumnNote, Row
from funding.models import Contribution
from funding.totals import DIMENSION_LABELS, DIMENSIONS, totals


class ContributionTable:
    def __init__(
        self, contributions: QuerySet[Contribution], *, with_amounts: bool, with_notes: bool
    ) -> None:
        self.contributions = contributions
        self.with_amounts = with_amounts
        self.with_notes = with_notes

    def headers(self) -> list[str]:
        money = [_("Amount"), _("Currency")] if self.with_amounts else []
        return [
            _("Partner"),
            _("Channel"),
            *money,
            _("Pledged or paid"),
            _("From (year)"),
            _("To (year)"),
            _("Countries"),
            _("Themes"),
            *([_("Note")] if self.with_notes else []),
        ]

    def iter_table(self) -> Iterator[Row]:
        yield self.headers()
        for item in self.contributions:
            money = [item.amount, item.currency] if self.with_amounts else []
            yield [
                item.partner.acronym,
                item.get_channel_display(),
                *money,
                item.get_status_display(),
                item.start_year,
                item.end_year,
                ", ".join(country.code.alpha3 for country in item.countries.all()),
                ", ".join(item.theme_labels),
                *([item.note] if self.with_notes else []),
            ]

    def column_notes(self) -> list[ColumnNote]:
        return [
            ColumnNote(_("Amount"), _("The amount in its own currency (never converted).")),
            ColumnNote(_("Currency"), _("ISO 4217 code.")),
            ColumnNote(_("Countries"), _("ISO alpha-3 codes; empty: not country-specific.")),
        ]


class TotalsTable:
    """Every total of the page in one sheet: by partner, channel, year and country."""

    def __init__(self, contributions: QuerySet[Contribution]) -> None:
        self.contributions = contributions

    def iter_table(self) -> Iterator[Row]:
        yield [_("Totals by"), _("Of"), _("Currency"), _("Pledged"), _("Paid"), _("Total")]
        for by in DIMENSIONS:
            for total in totals(self.contributions, by):
                label = str(DIMENSION_LABELS[by])
                row = [total.pledged, total.paid, total.total]
                yield [label, total.label, total.currency, *row]

    def column_notes(self) -> list[ColumnNote]:
        return [
            ColumnNote(
                _("Currency"),
                _(
                    "Each row sums one currency only: amounts in different currencies are "
                    "never added together."
                ),
            ),
            ColumnNote(
                _("Of"),
                _(
                    "For countries: a contribution to several countries counts in full for "
                    "each of them."
                ),
            ),
        ]

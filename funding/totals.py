"""Totals of contributions per partner, channel, year or country: one row per key AND
currency. Two currencies are never added together; a key funded in two currencies gets two
rows, and the page says so.

A contribution earmarked for several countries counts in full for each of them in the
per-country totals (the money is not split by country); one for no country counts under
"not country-specific".
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from core.svg_bars import bar_width
from funding.models import Channel, Contribution, ContributionStatus

DIMENSIONS: dict[str, tuple[str, str]] = {
    # name: (field grouped on, field shown)
    "partner": ("partner__acronym", "partner__acronym"),
    "channel": ("channel", "channel"),
    "year": ("start_year", "start_year"),
    "country": ("countries__code", "countries__name"),
}
DIMENSION_LABELS = {
    "partner": _("Partner"),
    "channel": _("Channel"),
    "year": _("Year"),
    "country": _("Country"),
}
NOT_COUNTRY_SPECIFIC = _("Not country-specific")


@dataclass(frozen=True)
class Total:
    key: str
    label: str
    currency: str
    pledged: Decimal
    paid: Decimal

    @property
    def total(self) -> Decimal:
        return self.pledged + self.paid


def totals(contributions: QuerySet[Contribution], by: str) -> list[Total]:
    """Sums per `by` (one of DIMENSIONS) and currency, pledged and paid apart."""
    field, shown = DIMENSIONS[by]
    zero = Decimal("0.00")
    rows = (
        Contribution.objects.filter(pk__in=contributions.values("pk"))
        .values(field, shown, "currency")
        .annotate(
            pledged=Sum("amount", filter=Q(status=ContributionStatus.PLEDGED)),
            paid=Sum("amount", filter=Q(status=ContributionStatus.PAID)),
        )
        .order_by(shown, "currency")
    )
    channels = dict(Channel.choices)
    found = []
    for row in rows:
        key = row[field]
        if by == "channel":
            label = str(channels.get(key, key))
        elif key is None:
            label = str(NOT_COUNTRY_SPECIFIC)
        else:
            label = str(row[shown])
        found.append(
            Total(
                key="" if key is None else str(key),
                label=label,
                currency=row["currency"],
                pledged=row["pledged"] or zero,
                paid=row["paid"] or zero,
            )
        )
    return found


def grand_totals(contributions: QuerySet[Contribution]) -> list[Total]:
    """All the contributions shown, one row per currency."""
    rows = (
        Contribution.objects.filter(pk__in=contributions.values("pk"))
        .values("currency")
        .annotate(
            pledged=Sum("amount", filter=Q(status=ContributionStatus.PLEDGED)),
            paid=Sum("amount", filter=Q(status=ContributionStatus.PAID)),
        )
        .order_by("currency")
    )
    zero = Decimal("0.00")
    return [
        Total("", row["currency"], row["currency"], row["pledged"] or zero, row["paid"] or zero)
        for row in rows
    ]


@dataclass(frozen=True)
class Bar:
    """One total drawn as a bar: paid first, then pledged, in percent of the longest bar of
    its currency (the SVG <rect>s' widths, as the dashboard's bars)."""

    total: Total
    highest: Decimal

    @property
    def paid_width(self) -> str:
        return bar_width(self.total.paid, self.highest)

    @property
    def pledged_width(self) -> str:
        return bar_width(self.total.pledged, self.highest)


@dataclass(frozen=True)
class Series:
    """The bars of one currency: a chart never puts two currencies on one scale."""

    currency: str
    bars: list[Bar]


def by_currency(found: list[Total]) -> list[Series]:
    """`found` (totals of one dimension) as one series per currency, in currency order, each
    bar in the order of `found` (the table's order, so that both read alike)."""
    currencies = sorted({total.currency for total in found})
    series = []
    for currency in currencies:
        rows = [total for total in found if total.currency == currency]
        highest = max(total.total for total in rows)
        series.append(Series(currency, [Bar(total, highest) for total in rows]))
    return series


def several_currencies(found: list[Total]) -> bool:
    return len({total.currency for total in found}) > 1

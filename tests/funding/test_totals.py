"""Totals per partner, channel, year and country, per currency: never across currencies."""

from decimal import Decimal

import pytest

from funding.models import Contribution
from funding.totals import grand_totals, totals

pytestmark = pytest.mark.django_db


def as_tuples(found) -> list[tuple]:
    return [(t.label, t.currency, t.pledged, t.paid) for t in found]


def test_it_gives_one_total_per_currency(funds):
    found = as_tuples(grand_totals(Contribution.objects.all()))
    assert found == [
        ("EUR", "EUR", Decimal("250000.00"), Decimal("1000000.00")),
        ("USD", "USD", Decimal("0.00"), Decimal("300000.00")),
    ]


def test_it_totals_each_partner_in_its_currencies(funds):
    found = as_tuples(totals(Contribution.objects.all(), "partner"))
    assert found == [
        ("AFD", "USD", Decimal("0.00"), Decimal("300000.00")),
        ("FIN-MFA", "EUR", Decimal("250000.00"), Decimal("1000000.00")),
    ]


def test_it_never_adds_two_currencies_for_one_partner(funds):
    from tests.funding.conftest import make_contribution

    make_contribution(funds.afd, "100.00", "EUR")
    found = as_tuples(totals(Contribution.objects.all(), "partner"))
    assert ("AFD", "EUR", Decimal("100.00"), Decimal("0.00")) in found
    assert ("AFD", "USD", Decimal("0.00"), Decimal("300000.00")) in found


def test_it_counts_a_contribution_in_full_for_each_country(funds):
    found = as_tuples(totals(Contribution.objects.all(), "country"))
    assert ("Mozambique", "EUR", Decimal("250000.00"), Decimal("1000000.00")) in found
    assert ("Cambodia", "EUR", Decimal("0.00"), Decimal("1000000.00")) in found


def test_it_puts_unearmarked_money_apart(funds):
    found = as_tuples(totals(Contribution.objects.all(), "country"))
    assert ("Not country-specific", "USD", Decimal("0.00"), Decimal("300000.00")) in found


def test_it_totals_per_year_and_channel(funds):
    years = as_tuples(totals(Contribution.objects.all(), "year"))
    assert [(label, currency) for label, currency, *_ in years] == [
        ("2021", "EUR"),
        ("2022", "USD"),
    ]
    channels = as_tuples(totals(Contribution.objects.all(), "channel"))
    assert ("Bilateral", "USD", Decimal("0.00"), Decimal("300000.00")) in channels

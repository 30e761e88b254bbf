"""Contributions in two currencies from two partners, for two countries."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from countries.models import Region
from funding.models import Channel, Contribution, ContributionStatus
from tests.factories import make_agency, make_country


def make_contribution(partner, amount: str, currency: str = "USD", countries=(), **fields):
    fields.setdefault("channel", Channel.MULTI_DONOR_TRUST_FUND)
    fields.setdefault("start_year", 2021)
    contribution = Contribution.objects.create(
        partner=partner, amount=Decimal(amount), currency=currency, **fields
    )
    contribution.countries.set(countries)
    return contribution


@pytest.fixture
def funds(db) -> SimpleNamespace:
    finland = make_agency("FIN-MFA", name="Ministry for Foreign Affairs of Finland")
    afd = make_agency("AFD", name="Agence française de développement")
    mz = make_country("MZ", region=Region.AFRICA)
    kh = make_country("KH", region=Region.ASIA_PACIFIC)
    return SimpleNamespace(
        finland=finland,
        afd=afd,
        mz=mz,
        kh=kh,
        fund=make_contribution(
            finland, "1000000.00", "EUR", [mz, kh], status=ContributionStatus.PAID
        ),
        pledge=make_contribution(finland, "250000.00", "EUR", [mz]),
        bilateral=make_contribution(
            afd,
            "300000.00",
            "USD",
            channel=Channel.BILATERAL,
            start_year=2022,
            status=ContributionStatus.PAID,
        ),
    )

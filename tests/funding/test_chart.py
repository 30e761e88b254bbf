"""The funding page's chart: one series per currency (never one scale for two), each beside
the table of the same numbers; only for those who see amounts."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from funding.models import Contribution
from funding.totals import by_currency, totals

pytestmark = pytest.mark.django_db

URL = reverse("funding:index")


def test_it_draws_one_series_per_currency(funds):
    series = by_currency(totals(Contribution.objects.all(), "partner"))
    assert [(s.currency, [bar.total.label for bar in s.bars]) for s in series] == [
        ("EUR", ["FIN-MFA"]),
        ("USD", ["AFD"]),
    ]


def test_it_scales_each_currency_on_its_own(funds):
    eur, usd = by_currency(totals(Contribution.objects.all(), "partner"))
    # 1,000,000 paid and 250,000 pledged in EUR; 300,000 paid in USD: both are the longest
    # bar of their own currency.
    assert (eur.bars[0].paid_width, eur.bars[0].pledged_width) == ("80.0", "20.0")
    assert (usd.bars[0].paid_width, usd.bars[0].pledged_width) == ("100.0", "0.0")


def test_it_shows_the_chart_beside_its_table_to_members(member_a_client, funds):
    page = member_a_client.get(URL).content.decode()
    chart = page[page.index('id="chart-partner"') :]
    assert re.search(r'id="totals-partner".*id="chart-partner"', page, re.DOTALL)
    assert "By Partner, in EUR" in chart and "By Partner, in USD" in chart
    assert str(Decimal("1250000.00")) in chart


@pytest.mark.parametrize("persona_client", ["anonymous", "viewer"], indirect=True)
def test_it_draws_no_amounts_for_those_who_may_not_see_them(persona_client, funds):
    page = persona_client.get(URL).content.decode()
    assert 'class="bar-chart"' not in page
    assert "1250000" not in page

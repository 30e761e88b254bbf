"""An amount is money: a Decimal with its ISO 4217 currency, or it is refused."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from funding.forms import ContributionForm
from funding.models import Contribution
from tests.factories import make_agency

pytestmark = pytest.mark.django_db


def form_data(partner, **overrides) -> dict:
    data = {
        "partner": partner.pk,
        "channel": "flagship-fund",
        "amount": "5000.00",
        "currency": "CHF",
        "status": "pledged",
        "start_year": "2021",
    }
    return {**data, **overrides}


@pytest.mark.parametrize("currency", ["", "usd", "XXX", "ABC"])
def test_it_refuses_a_contribution_without_a_currency_in_the_database(currency):
    partner = make_agency("KBF")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Contribution.objects.create(
            partner=partner,
            channel="other",
            amount=Decimal("10"),
            currency=currency,
            start_year=2021,
        )
    assert not Contribution.objects.exists()


def test_it_asks_for_the_currency_in_the_form():
    form = ContributionForm(data=form_data(make_agency("KBF"), currency=""))
    assert not form.is_valid()
    assert "currency" in form.errors


def test_it_refuses_an_unknown_currency_in_the_form():
    form = ContributionForm(data=form_data(make_agency("KBF"), currency="ABC"))
    assert not form.is_valid()
    assert list(form.errors) == ["currency"]


def test_it_refuses_an_amount_of_zero():
    form = ContributionForm(data=form_data(make_agency("KBF"), amount="0"))
    assert not form.is_valid()
    assert "amount must be more than zero" in str(form.errors)


def test_it_keeps_the_amount_exact():
    form = ContributionForm(data=form_data(make_agency("KBF"), amount="0.10", currency="EUR"))
    contribution = form.save()
    contribution.refresh_from_db()
    assert contribution.amount == Decimal("0.10")
    assert contribution.currency == "EUR"


def test_it_refuses_a_period_ending_before_it_starts():
    form = ContributionForm(data=form_data(make_agency("KBF"), end_year="2019"))
    assert not form.is_valid()
    assert "cannot end before it starts" in str(form.errors)


def test_it_refuses_an_activity_budget_without_a_currency():
    from funding.models import ActivityBudget
    from tests.factories import make_activity

    activity = make_activity()
    with transaction.atomic(), pytest.raises(IntegrityError):
        ActivityBudget.objects.create(
            activity=activity, year=2012, amount=Decimal("10"), currency=""
        )
    assert not ActivityBudget.objects.exists()

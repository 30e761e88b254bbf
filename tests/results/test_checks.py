"""Bad values get a clear message on the field at fault, and nothing is saved."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from results.checks import check_value, part_field
from results.models import Indicator, ReportingPeriod

pytestmark = pytest.mark.django_db


def check(indicator, activity, period, value, parts=None, **kw):
    return check_value(indicator, activity, period, value, parts, **kw)


def test_a_good_value_with_parts_adding_up_passes(people_new, activity_a, period):
    found = check(
        people_new, activity_a, period, "12 400", {("sex", "f"): "6200", ("sex", "m"): "6,200"}
    )
    assert found.ok and not found.warnings
    assert found.value == Decimal(12400)
    assert found.parts == {("sex", "f"): Decimal(6200), ("sex", "m"): Decimal(6200)}


def test_a_non_number_is_named(people_new, activity_a, period):
    found = check(people_new, activity_a, period, "lots")
    assert found.errors == {"value": "“lots” is not a number."}


def test_a_percent_above_100_is_refused(activity_a, period):
    sdg = Indicator.objects.get(code="SDG-1.3.1")
    assert "between 0 and 100" in check(sdg, activity_a, period, "120").errors["value"]
    assert check(sdg, activity_a, period, "45,5").ok


def test_a_negative_count_is_refused(people_new, activity_a, period):
    assert "negative" in check(people_new, activity_a, period, "-3").errors["value"]


def test_a_period_outside_the_activity_s_dates_is_refused(people_new, activity_a):
    early = ReportingPeriod.objects.create(
        label="2020", start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31)
    )
    message = check(people_new, activity_a, early, "5").errors["period"]
    assert "outside the activity's dates" in message and "2020" in message


def test_a_locked_period_is_refused_unless_the_value_was_unlocked(
    people_new, activity_a, period, draft
):
    period.locked_at = timezone.now()
    period.save()
    assert "locked" in check(people_new, activity_a, period, "5").errors["period"]
    assert "locked" in check(people_new, activity_a, period, "5", existing=draft).errors["period"]
    draft.unlocked_at = timezone.now()
    assert check(people_new, activity_a, period, "5", existing=draft).ok


def test_parts_exceeding_the_total_are_an_error_and_parts_short_of_it_a_warning(
    people_new, activity_a, period
):
    over = check(people_new, activity_a, period, "100", {("sex", "f"): "80", ("sex", "m"): "30"})
    assert "exceed the total" in over.errors[part_field("sex", "f")]
    short = check(people_new, activity_a, period, "100", {("sex", "f"): "50"})
    assert short.ok
    assert short.warnings == ["The parts by Sex (50) do not add up to the total (100)."]


def test_a_dimension_the_indicator_does_not_take_is_refused(activity_a, period):
    mothers = Indicator.objects.get(code="SDG-1.3.1-mothers")
    found = check(mothers, activity_a, period, "40", {("area", "rural"): "20"})
    assert "not split by Rural or urban" in found.errors[part_field("area", "rural")]


def test_an_amount_without_currency_is_refused(activity_a, period):
    spending = Indicator(code="SPEND", name="Spending", unit="amount", aggregation="sum")
    assert "currency" in check(spending, activity_a, period, "10").errors["value"]
    assert check(spending, activity_a, period, "10", currency="usd").ok
    spending.currency = "EUR"
    assert (
        "EUR, not USD" in check(spending, activity_a, period, "10", currency="USD").errors["value"]
    )


def test_a_milestone_reached_needs_its_date(activity_a, period):
    law = Indicator.objects.get(code="DIALOGUE")
    assert "date" in check(law, activity_a, period, "1").errors["achieved_on"]
    assert check(law, activity_a, period, "1", achieved_on=datetime.date(2025, 5, 1)).ok
    assert "reached (1) or not (0)" in check(law, activity_a, period, "2").errors["value"]


def test_a_country_the_activity_does_not_cover_is_refused(people_new, activity_a, period):
    from tests.factories import make_country

    mali = make_country("ML")
    found = check(people_new, activity_a, period, "5", country_id=mali.pk)
    assert found.errors["country"] == "The activity does not cover this country."

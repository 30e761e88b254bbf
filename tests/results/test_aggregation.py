"""People counts are not summed blindly: the indicator's rule decides, and the sentence
says which rule it used."""

from decimal import Decimal

import pytest
from django.utils import translation

from results.aggregation import combine
from results.models import Indicator

pytestmark = pytest.mark.django_db


def test_largest_is_a_floor():
    people = Indicator.objects.get(code="PEOPLE-NEW")
    found = combine(people, [Decimal(12400), Decimal(3000), Decimal(800)])
    assert (found.value, found.rule, found.count) == (Decimal(12400), "largest", 3)
    assert found.sentence() == "at least 12,400: the largest of 3 activities"


def test_sum_adds_and_latest_takes_the_last_and_never_gives_no_figure():
    assert (
        combine(Indicator.objects.get(code="LAW"), [1, 2]).sentence()
        == "3: the sum of 2 activities"
    )
    sdg = Indicator.objects.get(code="SDG-1.3.1")
    assert (
        combine(sdg, [Decimal("40"), Decimal("45.5")]).sentence()
        == "45.5 %: the latest of 2 activities"
    )
    never = combine(Indicator.objects.get(code="ABND"), [1, 1])
    assert never.value is None and never.sentence() == "not added up: 2 activities reported"
    assert combine(sdg, []).sentence() == "no value reported"


def test_the_sentence_is_in_the_reader_s_language():
    people = Indicator.objects.get(code="PEOPLE-NEW")
    with translation.override("fr"):
        sentence = combine(people, [Decimal(12400), Decimal(1)]).sentence()
    assert sentence.startswith(("au moins 12\u202f400", "au moins 12\xa0400"))

"""The bench's synthetic results: two indicators on every activity, four periods, each value
split by sex (people's parts adding up to the value), the same every time."""

import pytest

from devtools.benchmarks.results_data import make_results
from results.models import ActivityIndicator, ResultValue, ValuePart
from tests.factories import make_activity, make_agency

pytestmark = pytest.mark.django_db


def test_every_activity_gets_two_indicators_four_periods_and_values_by_sex():
    agency = make_agency("ILO")
    for number in range(3):
        make_activity(agencies={agency: "lead"}, title=f"Activity {number}")
    counts = make_results()
    assert counts == {"indicators of activities": 6, "targets": 6, "values": 24, "parts": 48}
    assert ActivityIndicator.objects.values("activity").distinct().count() == 3
    for value in ResultValue.objects.filter(activity_indicator__indicator__code="PEOPLE-NEW"):
        parts = dict(value.parts.values_list("category", "value"))
        assert set(parts) == {"f", "m"}
        assert parts["f"] + parts["m"] == value.value
    assert ValuePart.objects.filter(dimension="sex").count() == 48
    assert ResultValue.objects.filter(status="approved").exists()


def test_the_same_seed_gives_the_same_values():
    make_activity(title="One")
    make_results()
    first = sorted(ResultValue.objects.values_list("value", "status"))
    ResultValue.objects.all().delete()
    ActivityIndicator.objects.all().delete()
    make_results()
    assert sorted(ResultValue.objects.values_list("value", "status")) == first

"""The results endpoints: what a value, an indicator, a milestone and a coverage figure look
like, and the filters by country, agency, indicator and period (a value naming nothing is a
400 naming the parameter)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def listed(client, name: str, query: str = "") -> list[dict]:
    response = client.get(reverse(name) + (f"?{query}" if query else ""))
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_value_carries_its_keys_its_parts_and_its_status(api_client, coalition):
    (value,) = listed(api_client, "api:result-value-list")
    assert value["activity"] == coalition.costing.reference
    assert value["indicator"] == "PEOPLE-NEW"
    assert value["period"] == "2013 H1"
    assert value["country"] is None
    assert value["value"] == "12400.00"
    assert value["parts"] == [{"dimension": "sex", "category": "f", "value": "7000.00"}]
    assert value["status"] == "approved"


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("country=VNM", 1),
        ("country=MZ", 0),
        ("agency=aga", 1),
        ("indicator=PEOPLE-NEW", 1),
        ("indicator=LAW", 0),
        ("period=2013 H1", 1),
    ],
)
def test_the_values_filter_by_country_agency_indicator_and_period(
    api_client, coalition, query, count
):
    assert len(listed(api_client, "api:result-value-list", query)) == count


@pytest.mark.parametrize("query", ["country=QQQ", "agency=NOPE", "indicator=NOPE", "period=x"])
def test_a_filter_naming_nothing_is_a_400_naming_it(api_client, coalition, query):
    response = api_client.get(reverse("api:result-value-list") + f"?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_the_indicators_come_in_three_languages(api_client, coalition):
    body = api_client.get(reverse("api:indicator-detail", args=["SDG-1.3.1"])).json()
    assert body["unit"] == "percent"
    assert body["dimensions"] == ["sex"]
    assert body["name_fr"] and body["name_es"]
    assert len(listed(api_client, "api:indicator-list", "unit=milestone")) == 3


def test_milestones_and_figures_name_their_country_activities_and_agencies(api_client, coalition):
    (milestone,) = listed(api_client, "api:milestone-list", "country=VN")
    assert milestone["country"] == "VNM"
    assert milestone["activities"] == [coalition.costing.reference]
    assert milestone["agencies"] == ["AGA"]
    assert listed(api_client, "api:milestone-list", "agency=AGB") == []
    (figure,) = listed(api_client, "api:coverage-figure-list", "indicator=SDG-1.3.1&year=2013")
    assert (figure["value"], figure["indicator"]) == ("38.50", "SDG-1.3.1")


def test_the_values_list_reads_a_constant_number_of_queries(
    api_client, coalition, django_assert_num_queries
):
    import datetime

    from results.models import ReportingPeriod, ResultValue, ReviewStatus, ValuePart

    url = reverse("api:result-value-list")
    api_client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        api_client.get(url)
    link = coalition.approved_value.activity_indicator
    for year in range(2000, 2010):
        period = ReportingPeriod.objects.create(
            label=str(year), start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31)
        )
        value = ResultValue.objects.create(
            activity_indicator=link, period=period, value=year, status=ReviewStatus.APPROVED
        )
        ValuePart.objects.create(result=value, dimension="sex", category="m", value=1)
    with django_assert_num_queries(len(few)):
        assert len(api_client.get(url).json()["results"]) == 11

"""Each bar of the dashboard counts what its link lists in the matrix."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def charts(member_a_client, coalition):
    dashboard = member_a_client.get(reverse("overview:dashboard")).context["dashboard"]
    return {chart.key: chart for chart in dashboard.charts}


def counts(chart) -> dict[str, int]:
    return {bar.label: bar.count for bar in chart.bars}


def test_it_counts_activities_by_region_every_region_listed(charts):
    assert counts(charts["region"]) == {
        "Africa": 1,
        "Americas": 1,
        "Arab States": 0,
        "Asia and the Pacific": 3,
        "Europe and Central Asia": 0,
    }


def test_it_counts_activities_by_guarantee_status_and_type(charts):
    assert counts(charts["guarantee"])["Essential health care"] == 1
    assert counts(charts["status"]) == {"Planned": 1, "Ongoing": 3, "Completed": 1, "Suspended": 0}
    assert counts(charts["type"])["Study or assessment"] == 2


def test_it_counts_agencies_by_countries_and_lead_roles(charts):
    assert counts(charts["agency-countries"]) == {"UNICEF": 3, "ILO": 2, "WHO": 1}
    assert counts(charts["agency-leads"]) == {"ILO": 2, "UNICEF": 1, "WHO": 1}


def test_it_counts_activities_started_and_ending_per_year_without_skipping_a_year(charts):
    started = counts(charts["started"])
    assert list(started) == [str(year) for year in range(2010, 2026)]
    assert (started["2010"], started["2011"], started["2025"]) == (1, 0, 3)
    assert counts(charts["ending"]) == {
        **{str(year): 0 for year in range(2012, 2026)},
        "2011": 1,
        "2026": 1,
    }


ACTIVITY_CHARTS = ["region", "guarantee", "type", "status", "agency-leads", "started", "ending"]


@pytest.mark.parametrize("key", ACTIVITY_CHARTS)
def test_it_links_every_bar_to_the_matrix_rows_it_counts(member_a_client, charts, key):
    for bar in charts[key].bars:
        listed = member_a_client.get(bar.url).context["page"].paginator.count
        assert listed == bar.count, (key, bar.label)


def test_it_links_an_agency_s_countries_to_its_rows_in_the_matrix(member_a_client, charts):
    for bar in charts["agency-countries"].bars:
        page = member_a_client.get(bar.url).context["page"]
        assert len({row.country_id for row in page.object_list}) == bar.count


def test_it_draws_each_bar_in_proportion_to_the_highest(charts):
    widths = {bar.label: bar.width for bar in charts["region"].bars}
    assert widths["Asia and the Pacific"] == "100.0"
    assert widths["Africa"] == "33.3"
    assert widths["Arab States"] == "0.0"

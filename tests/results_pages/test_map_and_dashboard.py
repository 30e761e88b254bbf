"""The map's results layer (SDG 1.3.1 coverage shading, milestones outlined, links a keyboard
reaches) and the dashboard's progress by indicator, country, agency and guarantee."""

import datetime

import pytest
from django.urls import reverse

from overview.result_charts import result_charts
from tests.factories import make_country
from tests.results_pages.conftest import build_showcase

pytestmark = pytest.mark.django_db


def test_the_results_layer_shades_coverage_and_outlines_milestones(client, showcase):
    page = client.get(reverse("overview:map") + "?layer=results").content.decode()
    results_url = reverse("overview:country_results", args=["VN"])
    # A link (reached by Tab) shaded by 45 %: the third step of five.
    assert f'<a href="{results_url}" class="map-country map-cover-3 map-milestone"' in page
    assert "SDG 1.3.1 coverage 45 % (2024)" in page
    assert "Universal child benefit law adopted" in page
    assert "Social pension decree drafted" not in page
    assert 'id="map-results-table"' in page
    # An activity's law adopted is a milestone too; people newly covered, by the rule.
    assert f"Law or policy adopted ({showcase.ours.reference})" in page
    assert "people newly covered: at least 12,400: the largest of 2 activities" in page


def test_the_layer_keeps_to_the_selected_year(client, showcase):
    year = datetime.date.today().year
    page = client.get(reverse("overview:map_data") + f"?layer=results&year={year - 5}")
    text = page.content.decode()
    assert "Universal child benefit law adopted" not in text
    assert "45 %" in text  # coverage is the latest reported, whatever the year
    assert "layer=results" in page["HX-Replace-Url"]


def test_the_activities_layer_is_unchanged(client, showcase):
    page = client.get(reverse("overview:map")).content.decode()
    assert "map-cover-" not in page
    assert "layer=results" in page  # the switch to the results layer


def test_the_map_data_queries_do_not_grow(client, agency_a, agency_b, django_assert_num_queries):
    build_showcase(make_country("VN"), agency_a, agency_b)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("overview:map_data") + "?layer=results"
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    build_showcase(make_country("MZ"), agency_a, agency_b)
    with django_assert_num_queries(len(first)):
        client.get(url)


def test_the_dashboard_counts_targets_reached(secretariat_client, showcase):
    charts = {chart.key: chart for chart in result_charts()}
    (people,) = [
        bar for bar in charts["results-indicator"].bars if bar.label == "People newly covered"
    ]
    # Agency B's 5,000 of 5,000 reached; agency A's 12,400 of 20,000 not (its 77,777 is
    # not approved).
    assert (people.targets, people.reported, people.reached) == (2, 2, 1)
    agencies = {bar.label: (bar.targets, bar.reached) for bar in charts["results-agency"].bars}
    assert agencies == {"AGA": (1, 0), "AGB": (1, 1)}
    (country,) = charts["results-country"].bars
    assert country.url == reverse("overview:country_results", args=["VN"])
    page = secretariat_client.get(reverse("overview:dashboard")).content.decode()
    assert 'id="chart-results-guarantee"' in page
    assert "Targets reached, by agency" in page


def test_the_dashboard_download_has_the_results(secretariat_client, showcase):
    response = secretariat_client.get(reverse("overview:dashboard_export") + "?format=csv")
    body = (
        b"".join(response).decode("utf-8-sig")
        if response.streaming
        else response.content.decode("utf-8-sig")
    )
    assert "Targets reached, by indicator" in body

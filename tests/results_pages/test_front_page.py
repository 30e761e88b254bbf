"""The front page's results figures: people newly covered by the indicator's rule, the
countries with a new law or scheme this year, each linking to the values behind it; kept in
the cache of public answers until a result is approved."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from results.models import ReviewStatus
from tests.factories import make_country
from tests.results_pages.conftest import build_showcase

pytestmark = pytest.mark.django_db


def test_the_figures_say_their_rule_and_link_to_their_values(client, showcase):
    page = client.get("/").content.decode()
    assert "12,400" in page and "the largest of 2 activities" in page
    assert reverse("overview:results_people") in page
    year = datetime.date.today().year
    assert f"{reverse('overview:results_laws')}?year={year}" in page
    assert f"country with a new law or scheme in {year}" in page


def test_the_values_behind_people_newly_covered(client, showcase):
    page = client.get(reverse("overview:results_people")).content.decode()
    assert "Child benefit rollout" in page and "Pension reform support" in page
    assert "12,400" in page and "5,000" in page
    assert "77,777" not in page


def test_the_values_behind_new_laws(client, showcase):
    page = client.get(reverse("overview:results_laws")).content.decode()
    assert "Universal child benefit law adopted" in page
    assert "Child benefit rollout" in page  # its law value
    assert "Social pension decree drafted" not in page
    last_year = client.get(reverse("overview:results_laws") + "?year=2001").content.decode()
    assert "Universal child benefit law adopted" not in last_year


@pytest.mark.parametrize("year", ["-1", "0", "99999", "twenty"])
def test_a_year_no_date_can_be_made_of_is_this_year(client, showcase, year):
    response = client.get(reverse("overview:results_laws") + f"?year={year}")
    assert response.status_code == 200
    assert "Universal child benefit law adopted" in response.content.decode()


def test_a_law_counts_its_country_once(client, agency_a, agency_b):
    build_showcase(make_country("VN"), agency_a, agency_b)
    page = client.get(reverse("overview:results_laws")).content.decode()
    assert "1 country with a new law or scheme" in page


def test_an_approval_shows_on_the_cached_front_page(client, settings, showcase):
    settings.SPF_PUBLIC_CACHE = True
    cache.clear()
    assert "77,777" not in client.get("/").content.decode()
    assert "77,777" not in client.get("/").content.decode()  # served from the cache
    showcase.draft.status = ReviewStatus.APPROVED
    showcase.draft.save()
    assert "77,777" in client.get("/").content.decode()


def test_the_kept_figures_follow_a_write(client, showcase):
    """The people figure is kept until the data changes (core.kept), not for ever."""
    assert "77,777" not in client.get("/").content.decode()
    showcase.draft.status = ReviewStatus.APPROVED
    showcase.draft.save()
    assert "77,777" in client.get("/").content.decode()


def test_the_kept_figures_are_read_back_until_a_write(client, showcase):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get("/")
    with CaptureQueriesContext(connection) as again:
        client.get("/")
    # The people newly covered (its indicator and values) and the law countries: kept.
    assert len(again) == len(first) - 3

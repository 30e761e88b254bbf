"""Pages cost as many queries for 10,000 activities as for 40 (synthetic coalition).

Each size is built inside a savepoint that is rolled back, so one test can compare both.
The small size is under one page of rows (50 on the matrix, 100 in the admin): a query per
row would then show as a difference, not hide behind two equally full pages.
"""

import pytest
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django_countries import countries as iso_countries

from activities.models import Activity
from devtools.synthetic import build_coalition

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

SMALL, LARGE = 40, 10_000
# 12, one for the Follow button of a country's or an agency's page (does the person follow it),
# and one for the rows' countries, places and themes (activities.matrix_table, one UNION).
FRONT_END_BUDGET = 14
# The country page also shows the coalition's work there (decisions.country_page): status,
# joint workplan, documents, and the two questions of who the reader is (member, secretariat)
# that decide which of them they see.
# The country page also reads the places inside the country that activities name (its
# filter) and its results (the activities' latest values, milestones, coverage figures), and
# it reads its page's ids before their rows (Activity.objects.covering_ids).
PAGE_BUDGETS = {"countries:detail": 17 + 1 + 3 + 1}

FRONT_END_PAGES = [
    ("activities:matrix", ""),
    # Broad enough to match rows at the small size too (an empty page skips its prefetches).
    ("activities:matrix", "status=ongoing&agency=ILO"),
    ("activities:grid", ""),
    ("countries:detail", ""),
]


def page_url(name: str, query: str) -> str:
    """The page's URL; the country page shows the country with the most activities."""
    kwargs = None
    if name == "countries:detail":
        busiest = (
            Activity.objects.filter(country__isnull=False)
            .values("country__code")
            .annotate(n=Count("id"))
            .order_by("-n", "country__code")
            .first()
        )
        kwargs = {"code": iso_countries.alpha3(busiest["country__code"])}
    try:
        url = reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        pytest.skip(f"{name} does not resolve yet")
    return f"{url}?{query}" if query else url


def queries_at(size: int, client: Client, name: str, query: str = "") -> int:
    """Queries of one request to the page over a coalition of `size` activities."""
    with transaction.atomic():
        build_coalition(activities=size, deliverables=20)
        url = page_url(name, query)
        client.get(url)  # warm-up: per-process caches (content types...) fill once
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        transaction.set_rollback(True)
    return len(captured)


@pytest.mark.parametrize(("name", "query"), FRONT_END_PAGES)
def test_it_keeps_front_end_queries_flat_at_10000_activities(viewer_client, name, query):
    small = queries_at(SMALL, viewer_client, name, query)
    large = queries_at(LARGE, viewer_client, name, query)
    assert large == small
    assert large <= PAGE_BUDGETS.get(name, FRONT_END_BUDGET)


def test_it_keeps_the_admin_activity_list_queries_flat_at_10000_activities(superuser_client):
    name = "admin:activities_activity_changelist"
    small = queries_at(SMALL, superuser_client, name)
    large = queries_at(LARGE, superuser_client, name)
    assert large == small

"""The dashboard costs the same queries for 3 activities as for 100 (the bench counts them
at 10,000: `dashboard_queries`)."""

import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import ActivityStatus, ActivityType, Role
from countries.models import Region
from rounds.services import open_round
from tests.factories import make_activity, make_agency, make_country
from tests.overview.conftest import make_deliverable

pytestmark = pytest.mark.django_db


def populate(size: int, secretariat) -> None:
    regions = [("VN", Region.ASIA_PACIFIC), ("MZ", Region.AFRICA), ("PE", Region.AMERICAS)]
    countries = [make_country(code, region=region) for code, region in regions]
    agencies = [make_agency(acronym) for acronym in ("ILO", "UNICEF", "WHO")]
    pairs = zip(itertools.cycle(countries), itertools.cycle(agencies), strict=False)
    for n, (country, agency) in zip(range(size), pairs, strict=False):
        make_activity(
            country,
            {agency: Role.LEAD, agencies[(n + 1) % 3]: Role.PARTNER},
            activity_type=ActivityType.values[n % 9],
            status=ActivityStatus.values[n % 4],
            start_date=datetime.date(2010 + n % 12, 1, 1),
            end_date=datetime.date(2022 + n % 5, 1, 1),
        )
    today = timezone.localdate()
    # Late and due-soon deliverables at both sizes (an empty list skips its prefetch).
    for n in range(max(2, size // 3)):
        days = n % 20 + 1
        due = today + datetime.timedelta(days=days if n % 2 else -days)
        make_deliverable((due, None), agencies=(agencies[n % 3],))
    open_round(secretariat, title="Round", deadline=today, agencies=agencies)


# Session, user, their agencies and groups; activities by region, type, status and guarantee;
# by start and end year; agencies; the round and its parts; the plans' years and the current
# plan (of_year); deliverables due and late, each with the agencies of those
# listed; the results' progress grouped by indicator, country and guarantee, and by agency,
# in one statement (nothing to name: no indicator, country or agency looked up).
DASHBOARD_QUERIES = 16


@pytest.mark.parametrize("size", [3, 100])
def test_it_costs_the_same_queries_for_3_or_100_activities(
    secretariat_client, secretariat, django_assert_num_queries, size
):
    populate(size, secretariat)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        assert secretariat_client.get(reverse("overview:dashboard")).status_code == 200

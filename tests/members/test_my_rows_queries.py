import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.models import Role
from rounds.models import Outcome, RoundAgency, RowConfirmation, UpdateRound
from tests.factories import make_activity, make_agency

pytestmark = pytest.mark.postgres


def _rows(agency, partner, country, count):
    return [
        make_activity(country, {agency: Role.LEAD, partner: Role.PARTNER}) for _ in range(count)
    ]


def _count_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("activities:my_rows"))
    assert response.status_code == 200
    return len(captured)


def test_it_costs_the_same_queries_for_5_and_60_rows(member_a_client, agency_a, activity_a):
    partner = make_agency("PRT")
    country = activity_a.country
    _rows(agency_a, partner, country, 4)
    small = _count_queries(member_a_client)
    _rows(agency_a, partner, country, 55)
    assert _count_queries(member_a_client) == small


def test_it_costs_the_same_queries_with_a_round_open(
    member_a, member_a_client, agency_a, activity_a
):
    update_round = UpdateRound.objects.create(title="2025", deadline="2030-01-01")
    RoundAgency.objects.create(round=update_round, agency=agency_a)
    partner = make_agency("PRT")
    rows = _rows(agency_a, partner, activity_a.country, 4)
    small = _count_queries(member_a_client)
    more = _rows(agency_a, partner, activity_a.country, 55)
    for row in [*rows, *more]:
        RowConfirmation.objects.create(
            round=update_round, agency=agency_a, activity=row, outcome=Outcome.CONFIRMED
        )
    assert _count_queries(member_a_client) == small

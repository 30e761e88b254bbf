"""The board, my deadlines and the feeds cost the same number of queries at two sizes."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import make_agency, make_focal_point, make_member
from tests.workplan.conftest import make_deliverable
from workplan.feeds import feed_token

DUE = datetime.date(2030, 6, 1)


def build(size: int):
    agency = make_agency(f"AG{size}")
    point = make_focal_point(agency)
    for _n in range(size):
        make_deliverable(DUE, DUE, agencies=(agency,), contacts=(point,))
    return agency


@pytest.mark.parametrize("size", [2, 12])
def test_it_draws_the_board_in_constant_queries(client, db, size, django_assert_num_queries):
    build(size)
    url = reverse("workplan:board_year", args=[2030])
    # years, plan, agencies, deliverables, their agencies, contacts, steps, areas
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_it_lists_my_deadlines_in_constant_queries(client, db, size, django_assert_num_queries):
    member = make_member(build(size))
    feed_token(member)  # made on the first visit (a few queries, once)
    client.force_login(member)
    # session, user, memberships (shared with the page header), steps, open rounds (banner),
    # the rounds' deadlines (workplan.other_deadlines), the calendar feed's address
    with django_assert_num_queries(7):
        assert client.get(reverse("workplan:my_deadlines")).status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_it_writes_the_agency_feed_in_constant_queries(client, db, size, django_assert_num_queries):
    agency = build(size)
    # agency, steps, the rounds' deadlines (workplan.other_deadlines)
    with django_assert_num_queries(3):
        response = client.get(reverse("workplan:agency_calendar", args=[agency.acronym]))
    assert response.content.count(b"BEGIN:VEVENT") == 2 * size

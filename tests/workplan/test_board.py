"""The workplan board: by area, with status, filters in the URL, contacts for logged-in users."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.factories import make_agency, make_focal_point
from tests.workplan.conftest import make_deliverable

TODAY = datetime.datetime(2030, 3, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fixed_clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def plan(db):
    ilo, who = make_agency("ILO"), make_agency("WHO")
    point = make_focal_point(ilo, name="Ines Contact", email="ines@example.org")
    late = make_deliverable(datetime.date(2030, 2, 1), agencies=(ilo,), contacts=(point,))
    later = make_deliverable(datetime.date(2030, 9, 1), agencies=(who,))
    return late, later


def board(client, query: str = "") -> str:
    return client.get(reverse("workplan:board_year", args=[2030]) + query).content.decode()


def test_it_lists_every_deliverable_with_its_status(client, plan):
    page = board(client)
    assert plan[0].title in page and plan[1].title in page
    assert "status--late" in page


def test_it_filters_by_agency(client, plan):
    page = board(client, "?agency=WHO")
    assert plan[1].title in page
    assert plan[0].title not in page


def test_it_filters_by_status(client, plan):
    page = board(client, "?status=late")
    assert plan[0].title in page
    assert plan[1].title not in page


def test_it_names_the_filter_it_cannot_use(client, plan):
    page = board(client, "?status=sleeping")
    assert "Status" in page and "Select a valid choice" in page
    assert plan[0].title not in page


def test_it_hides_contact_details_from_visitors(client, plan):
    page = board(client)
    assert "Ines Contact" in page
    assert "ines@example.org" not in page


def test_it_shows_contact_details_to_logged_in_users(viewer_client, plan):
    assert "ines@example.org" in board(viewer_client)


def test_it_opens_on_this_years_plan(client, plan):
    assert plan[0].title in client.get(reverse("workplan:board")).content.decode()


def test_it_answers_404_for_a_year_without_plan(client, plan):
    assert client.get(reverse("workplan:board_year", args=[1999])).status_code == 404

"""Which plan the board, the dashboard and the country brief show: Workplan.objects.of_year,
one rule (the board answers 404 for a year without a plan; the others never ask one)."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from workplan.models import Workplan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans():
    return {year: Workplan.objects.create(year=year, title=f"Plan {year}") for year in (2012, 2013)}


def test_it_finds_no_plan_when_there_is_none():
    assert Workplan.objects.of_year(None) == (None, [])
    assert Workplan.objects.of_year(2012) == (None, [])


@time_machine.travel(datetime.date(2012, 5, 1), tick=False)
def test_it_opens_on_this_year_s_plan(plans):
    assert Workplan.objects.of_year(None) == (plans[2012], [2013, 2012])


@time_machine.travel(datetime.date(2030, 5, 1), tick=False)
def test_it_opens_on_the_latest_plan_when_this_year_has_none(plans):
    assert Workplan.objects.of_year(None)[0] == plans[2013]


def test_it_gives_the_plan_of_the_year_asked_or_none(plans):
    assert Workplan.objects.of_year(2012)[0] == plans[2012]
    assert Workplan.objects.of_year(1999) == (None, [2013, 2012])


def test_the_board_answers_404_for_a_year_without_a_plan(client, plans):
    assert client.get(reverse("workplan:board_year", args=[1999])).status_code == 404
    assert client.get(reverse("workplan:board_year", args=[2012])).status_code == 200

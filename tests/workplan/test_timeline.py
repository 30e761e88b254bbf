"""The workplan timeline: steps on a time axis by area, today marked, late and done told
apart, filtered by agency and area."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.factories import make_agency
from tests.workplan.conftest import make_deliverable
from workplan.models import Area, Step, Workplan

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2030, 5, 15)


@pytest.fixture(autouse=True)
def today():
    moment = datetime.datetime.combine(TODAY, datetime.time(12), tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        yield TODAY


@pytest.fixture
def plan():
    """The 2030 plan: area 1 with a done, an open and a late step; area 2 with an open one."""
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    matrix = make_deliverable(
        datetime.date(2030, 2, 28), datetime.date(2030, 5, 31), agencies=(ilo,), title="Matrix"
    )
    Step.objects.filter(deliverable=matrix, due_date__month=2).update(
        completed_on=datetime.date(2030, 2, 27)
    )
    make_deliverable(datetime.date(2030, 4, 30), agencies=(unicef,), title="Outreach")
    area_2 = Area.objects.create(
        workplan=Workplan.objects.get(year=2030), number=2, title="Funding"
    )
    funding = make_deliverable(datetime.date(2030, 10, 31), agencies=(ilo,), title="Donor round")
    funding.area = area_2
    funding.save()
    return Workplan.objects.get(year=2030)


def timeline(client, **params):
    return client.get(reverse("workplan:timeline"), params).context["timeline"]


def test_it_places_each_step_by_its_due_date_on_the_year(client, plan):
    tl = timeline(client)
    assert (tl.axis.start, tl.axis.end) == (datetime.date(2030, 1, 1), datetime.date(2031, 1, 1))
    matrix = tl.areas[0].rows[0]
    assert tl.axis.at(datetime.date(2030, 7, 2)) == "49.86%"
    assert [s.x for s in matrix.steps] == ["15.89%", "41.10%"]  # 28 Feb, 31 May
    assert (matrix.x_first, matrix.x_last) == ("15.89%", "41.10%")


def test_it_tells_late_done_and_open_steps_apart(client, plan):
    rows = {row.deliverable.title: row for area in timeline(client).areas for row in area.rows}
    assert [s.state for s in rows["Matrix"].steps] == ["done", "open"]
    assert [s.state for s in rows["Outreach"].steps] == ["late"]


def test_it_groups_deliverables_by_area_in_order(client, plan):
    areas = timeline(client).areas
    assert [a.area.number for a in areas] == [1, 2]
    assert [row.deliverable.title for row in areas[1].rows] == ["Donor round"]


def test_it_marks_today_within_the_axis_only(client, plan):
    assert timeline(client).today_x == timeline(client).axis.at(TODAY)
    other = client.get(reverse("workplan:timeline_year", args=[2029]))
    assert other.status_code == 404  # no 2029 plan


def test_it_stretches_the_axis_to_a_step_due_after_the_year(client, plan):
    make_deliverable(datetime.date(2031, 3, 10), title="Follow-up")
    assert timeline(client).axis.end == datetime.date(2031, 4, 1)


def test_it_filters_by_responsible_agency_and_area(client, plan):
    titles = [r.deliverable.title for a in timeline(client, agency="ILO").areas for r in a.rows]
    assert titles == ["Matrix", "Donor round"]
    assert [a.area.number for a in timeline(client, area="2").areas] == [2]


def test_it_says_which_filter_is_wrong_and_shows_nothing(client, plan):
    response = client.get(reverse("workplan:timeline"), {"agency": "NOPE"})
    assert response.context["timeline"].count == 0
    assert "Responsible agency" in response.content.decode()


def test_it_draws_the_marks_as_svg_without_inline_style(client, plan):
    content = client.get(reverse("workplan:timeline")).content.decode()
    assert 'class="marker marker--late"' in content and 'class="today"' in content
    assert "style=" not in content.split("<main", 1)[1]


@pytest.mark.parametrize("size", [2, 40])
def test_it_costs_the_same_queries_for_2_or_40_deliverables(
    client, django_assert_num_queries, size
):
    agency = make_agency("ILO")
    for n in range(size):
        make_deliverable(datetime.date(2030, 1 + n % 12, 1), agencies=(agency,))
    # Plan years and plan; agencies and areas for the filters; deliverables, their agencies
    # and steps.
    with django_assert_num_queries(7):
        assert client.get(reverse("workplan:timeline")).status_code == 200

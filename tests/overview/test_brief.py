"""The printable country brief: what it shows, and to whom."""

import datetime

import pytest
from django.urls import reverse

from activities.models import ActivityStatus
from countries.models import CountryAssessment, Rating, SelectionCriterion
from tests.factories import Role, make_activity, make_focal_point
from tests.overview.conftest import make_deliverable

pytestmark = pytest.mark.django_db


def brief(client, code="VN"):
    return client.get(reverse("overview:country_brief", args=[code])).context["brief"]


def test_it_lists_running_activities_first_with_their_lead(client, coalition):
    make_activity(coalition.vn, {coalition.who: Role.LEAD}, status=ActivityStatus.COMPLETED)
    activities = brief(client).activities
    assert [a.status for a in activities] == ["ongoing", "ongoing", "completed"]
    assert activities[0].participations.all()[0].role == Role.LEAD


def test_it_keeps_to_ten_activities_and_says_how_many_are_left_out(client, coalition):
    for _ in range(10):
        make_activity(coalition.vn, {coalition.ilo: Role.LEAD})
    response = client.get(reverse("overview:country_brief", args=["VN"]))
    shown = response.context["brief"]
    assert (len(shown.activities), shown.left_out) == (10, 2)
    assert "And 2 more activities" in response.content.decode()


def test_it_shows_contacts_to_logged_in_visitors_only(client, viewer, coalition):
    assert brief(client).contacts is None
    assert (
        coalition.person.email
        not in client.get(reverse("overview:country_brief", args=["VN"])).content.decode()
    )
    client.force_login(viewer)
    assert brief(client).contacts == [coalition.person]


def test_it_shows_the_selection_criteria_to_members_only(
    client, viewer, member_a, coalition, today
):
    criterion = SelectionCriterion.objects.create(number=1, title="A country request exists")
    CountryAssessment.objects.create(
        country=coalition.vn,
        criterion=criterion,
        rating=Rating.MET,
        assessed_on=today - datetime.timedelta(days=400),
    )
    client.force_login(viewer)
    assert brief(client).assessments is None
    client.force_login(member_a)
    assessments = brief(client).assessments
    assert [a.rating for a in assessments] == [Rating.MET]
    assert assessments[0].is_stale


def test_it_lists_the_open_deliverables_of_the_agencies_working_there(client, coalition, today):
    soon = today + datetime.timedelta(days=20)
    make_deliverable((soon, None), agencies=(coalition.ilo,), title="ILO's open one")
    make_deliverable((soon, today), agencies=(coalition.ilo,), title="ILO's done one")
    make_deliverable((soon, None), agencies=(coalition.who,), title="WHO's, not in Viet Nam")
    assert [d.title for d in brief(client).deliverables] == ["ILO's open one"]


def test_it_draws_the_country_on_a_small_map_of_its_neighbours(client, coalition):
    locator = brief(client).locator
    assert locator.country.code == "VN"
    assert {"LA", "KH", "TH"} <= {shape.code for shape in locator.others}
    assert "FR" not in {shape.code for shape in locator.others}


def test_it_draws_no_map_for_a_country_too_small_for_it(client, coalition):
    response = client.get(reverse("overview:country_brief", args=["TV"]))
    assert response.status_code == 200
    assert response.context["brief"].locator is None


def test_it_answers_404_for_an_unknown_country(client, coalition):
    assert client.get(reverse("overview:country_brief", args=["ZZ"])).status_code == 404
    assert client.get(reverse("overview:country_brief", args=["TG"])).status_code == 200


def test_it_is_linked_from_the_country_page(client, coalition):
    page = client.get(reverse("countries:detail", args=["VN"])).content.decode()
    assert reverse("overview:country_brief", args=["VN"]) in page


@pytest.mark.parametrize("size", [2, 40])
def test_it_costs_the_same_queries_for_2_or_40_activities(
    member_a_client, coalition, django_assert_num_queries, size, today
):
    for _ in range(size):
        make_activity(coalition.vn, {coalition.ilo: Role.LEAD, coalition.unicef: Role.PARTNER})
        make_focal_point(coalition.unicef, coalition.vn)
    make_deliverable((today, None), agencies=(coalition.ilo,))
    # Session, user, their agencies; country; activities by status, the first ten and
    # their agencies; agencies; contacts; assessments and the member agencies leading there;
    # plans' years and the current plan (of_year); deliverables and their
    # agencies; the results (results.country_results: the activities' indicators, whether
    # the reader is the secretariat (who sees every value), the milestones, the coverage
    # figures; none reported, so no values, targets or parts).
    with django_assert_num_queries(20):
        member_a_client.get(reverse("overview:country_brief", args=["VN"]))

import pytest
from django.urls import reverse

from tests.factories import make_member
from tests.members.helpers import form_data, logged_in

pytestmark = pytest.mark.postgres


def _two_edits(member_a, agency_a, activity_a):
    """Two members of A open the edit page, then both save: the first wins."""
    first, second = logged_in(member_a), logged_in(make_member(agency_a))
    url = reverse("activities:activity_edit", kwargs={"pk": activity_a.pk})
    data_1 = form_data(first.get(url))
    data_2 = form_data(second.get(url))
    first.post(url, {**data_1, "title": "First title"})
    return second.post(url, {**data_2, "title": "Second title", "funding": "EU"})


def test_it_refuses_the_second_save_and_keeps_the_first(member_a, agency_a, activity_a):
    response = _two_edits(member_a, agency_a, activity_a)
    activity_a.refresh_from_db()
    assert response.status_code == 200
    assert (activity_a.title, activity_a.funding, activity_a.version) == ("First title", "", 2)


def test_it_says_what_the_other_person_changed(member_a, agency_a, activity_a):
    response = _two_edits(member_a, agency_a, activity_a)
    html = response.content.decode()
    assert "Someone else saved this activity" in html
    assert "“Costing the floor” → “First title” (member_a)" in html


def test_it_keeps_the_second_persons_text_in_the_form(member_a, agency_a, activity_a):
    response = _two_edits(member_a, agency_a, activity_a)
    assert response.context["form"]["title"].value() == "Second title"
    assert response.context["form"]["version"].value() == "1"

import pytest
from django.urls import reverse

from tests.factories import make_member
from tests.members.helpers import form_data, logged_in

pytestmark = pytest.mark.postgres


def test_it_refuses_the_second_of_two_quick_edits(member_a, agency_a, activity_a):
    first, second = logged_in(member_a), logged_in(make_member(agency_a))
    xpath = f'//tr[@id="row-{activity_a.pk}"]//form'
    page = reverse("activities:my_rows")
    data_1 = form_data(first.get(page), xpath)
    data_2 = form_data(second.get(page), xpath)
    url = reverse("activities:quick_edit", kwargs={"pk": activity_a.pk})
    first.post(url, {**data_1, "status": "suspended"}, HTTP_HX_REQUEST="true")
    response = second.post(url, {**data_2, "status": "completed"}, HTTP_HX_REQUEST="true")
    activity_a.refresh_from_db()
    assert activity_a.status == "suspended"
    assert "Someone else saved this activity" in response.content.decode()


def test_it_shows_the_stored_row_after_a_conflict(member_a, agency_a, activity_a):
    first, second = logged_in(member_a), logged_in(make_member(agency_a))
    url = reverse("activities:quick_edit", kwargs={"pk": activity_a.pk})
    data = {"status": "suspended", "start_date": "", "end_date": "", "version": 1}
    first.post(url, data, HTTP_HX_REQUEST="true")
    response = second.post(url, {**data, "status": "planned"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'name="version" value="2"' in html
    assert '<option value="suspended" selected>' in html

import datetime

import pytest
from django.urls import reverse

from activities.models import Activity, ActivityStatus
from tests.members.helpers import form_data

pytestmark = pytest.mark.postgres


def _url(name, activity):
    return reverse(f"activities:{name}", kwargs={"pk": activity.pk})


def test_it_duplicates_with_a_new_reference_as_planned(member_a_client, activity_a, agency_b):
    activity_a.participations.create(agency=agency_b, role="partner")
    response = member_a_client.post(_url("activity_duplicate", activity_a), {"version": 1})
    copy = Activity.objects.exclude(pk=activity_a.pk).get()
    assert (copy.title, copy.status, copy.start_date) == (activity_a.title, "planned", None)
    assert copy.reference != activity_a.reference
    assert sorted(copy.agencies.values_list("acronym", flat=True)) == ["AGA", "AGB"]
    assert response.url.startswith(_url("activity_edit", copy))


def test_it_closes_with_today_as_the_end_date(member_a_client, activity_a):
    page = member_a_client.get(_url("activity_close", activity_a))
    member_a_client.post(_url("activity_close", activity_a), form_data(page))
    activity_a.refresh_from_db()
    assert activity_a.status == ActivityStatus.COMPLETED
    assert activity_a.end_date == datetime.date.today()


def test_it_says_the_end_date_in_the_language_s_format(member_a_client, activity_a):
    data = {"version": 1, "end_date": "2024-03-05"}
    response = member_a_client.post(_url("activity_close", activity_a), data, follow=True)
    assert "completed on 5 March 2024." in response.content.decode()


def test_it_refuses_to_close_before_the_start(member_a_client, activity_a):
    data = {"version": 1, "end_date": "2023-12-31"}
    response = member_a_client.post(_url("activity_close", activity_a), data)
    activity_a.refresh_from_db()
    assert activity_a.status == ActivityStatus.ONGOING
    assert "The end date cannot be before the start date (2024-01-01)" in response.content.decode()


def test_it_deletes_after_confirmation(member_a_client, activity_a):
    response = member_a_client.post(
        _url("activity_delete", activity_a), {"version": 1}, follow=True
    )
    assert not Activity.objects.filter(pk=activity_a.pk).exists()
    assert "Deleted “Costing the floor”" in response.content.decode()


def test_it_does_not_delete_a_row_changed_since_the_confirmation(member_a_client, activity_a):
    activity_a.title = "Changed meanwhile"
    activity_a.save()
    response = member_a_client.post(_url("activity_delete", activity_a), {"version": 1})
    assert Activity.objects.filter(pk=activity_a.pk).exists()
    assert "Someone else saved this activity" in response.content.decode()

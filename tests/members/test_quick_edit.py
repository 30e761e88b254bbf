import datetime

import pytest
from django.urls import reverse

from activities.models import ActivityStatus

pytestmark = pytest.mark.postgres

HTMX = {"HTTP_HX_REQUEST": "true"}


def _post(client, activity, **fields):
    data = {
        "status": ActivityStatus.ONGOING,
        "start_date": "2024-01-01",
        "end_date": "",
        "version": activity.version,
        "agency": "AGA",
        **fields,
    }
    url = reverse("activities:quick_edit", kwargs={"pk": activity.pk})
    return client.post(url, data, **HTMX)


def test_it_saves_status_and_dates_and_returns_the_row(member_a_client, activity_a):
    response = _post(member_a_client, activity_a, status="suspended", end_date="2026-06-30")
    activity_a.refresh_from_db()
    assert (activity_a.status, activity_a.end_date) == ("suspended", datetime.date(2026, 6, 30))
    assert response.content.decode().lstrip().startswith(f'<tr id="row-{activity_a.pk}"')


def test_it_returns_the_new_version_in_the_row(member_a_client, activity_a):
    response = _post(member_a_client, activity_a, status="completed")
    assert f'name="version" value="{activity_a.version + 1}"' in response.content.decode()


def test_it_refuses_an_end_before_the_start_with_a_message(member_a_client, activity_a):
    response = _post(member_a_client, activity_a, end_date="2020-01-01", status="completed")
    activity_a.refresh_from_db()
    assert activity_a.status == ActivityStatus.ONGOING
    assert "End date: The end date cannot be before the start date." in response.content.decode()


def test_it_redirects_with_a_message_without_javascript(member_a_client, activity_a):
    url = reverse("activities:quick_edit", kwargs={"pk": activity_a.pk})
    data = {"status": "planned", "start_date": "", "end_date": "", "version": activity_a.version}
    response = member_a_client.post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("activities:my_rows")
    assert "Saved “Costing the floor”." in response.content.decode()


def test_it_refuses_a_forged_post_for_another_agencys_row(member_b_client, activity_a):
    response = _post(member_b_client, activity_a, status="suspended")
    activity_a.refresh_from_db()
    assert response.status_code == 403
    assert (activity_a.status, activity_a.version) == (ActivityStatus.ONGOING, 1)


def test_it_refuses_get(member_a_client, activity_a):
    url = reverse("activities:quick_edit", kwargs={"pk": activity_a.pk})
    assert member_a_client.get(url).status_code == 405

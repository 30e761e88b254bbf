from django.urls import reverse

from activities.models import Activity, ActivityStatus
from rounds.models import Outcome, RowConfirmation


def _close(client, part, activity, version):
    url = reverse("rounds:close_row", kwargs={"part_id": part.pk, "activity_id": activity.pk})
    return client.post(url, {"version": version})


def test_it_marks_the_activity_completed(member_a_client, part_a, rows_a):
    activity = rows_a[0]
    _close(member_a_client, part_a, activity, activity.version)
    stored = Activity.objects.get(pk=activity.pk)
    assert stored.status == ActivityStatus.COMPLETED
    assert stored.version == activity.version + 1


def test_it_records_the_row_as_closed(member_a_client, part_a, rows_a):
    _close(member_a_client, part_a, rows_a[0], rows_a[0].version)
    assert RowConfirmation.objects.get().outcome == Outcome.CLOSED


def test_it_refuses_a_stale_version_and_changes_nothing(member_a_client, part_a, rows_a):
    activity = rows_a[0]
    activity.title = "Changed by someone else"
    activity.save()
    response = _close(member_a_client, part_a, activity, activity.version - 1)
    assert Activity.objects.get(pk=activity.pk).status == ActivityStatus.ONGOING
    messages = [str(message) for message in response.wsgi_request._messages]
    assert "Someone else saved this activity" in messages[0]


def test_it_says_which_field_is_wrong(member_a_client, part_a, rows_a):
    response = _close(member_a_client, part_a, rows_a[0], "abc")
    assert response.status_code == 400
    assert "version" in response.content.decode()

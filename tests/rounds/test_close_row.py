import datetime

import time_machine
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, ActivityStatus
from activities.signals import activity_closed
from follows.digest import send_follow_digests
from follows.models import Follow
from rounds.models import Outcome, RowConfirmation
from tests.factories import make_user


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


# Closing from the checklist is closing as everywhere (activities.services.close_activity).


def test_it_gives_the_row_its_end_date(member_a_client, part_a, rows_a):
    activity = rows_a[0]
    _close(member_a_client, part_a, activity, activity.version)
    assert Activity.objects.get(pk=activity.pk).end_date == timezone.localdate()


def test_it_keeps_an_end_date_the_row_already_has(member_a_client, part_a, rows_a):
    activity = rows_a[0]
    activity.end_date = datetime.date(2013, 6, 30)
    activity.save()
    _close(member_a_client, part_a, activity, activity.version)
    assert Activity.objects.get(pk=activity.pk).end_date == datetime.date(2013, 6, 30)


def test_it_tells_the_matrix_s_listeners(member_a_client, member_a, part_a, rows_a):
    heard = []

    def listener(sender, *, user, activity, **kwargs):
        heard.append((user.pk, activity.pk))

    activity_closed.connect(listener)
    try:
        _close(member_a_client, part_a, rows_a[0], rows_a[0].version)
    finally:
        activity_closed.disconnect(listener)
    assert heard == [(member_a.pk, rows_a[0].pk)]


def test_followers_read_it_in_their_digest(member_a_client, part_a, rows_a, mailoutbox):
    activity = rows_a[0]
    follower = make_user("follower", email="follower@example.org")
    with time_machine.travel(timezone.now() - datetime.timedelta(hours=1), tick=False):
        Follow.objects.create(user=follower, country=activity.country)
    _close(member_a_client, part_a, activity, activity.version)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1), tick=False):
        assert send_follow_digests() == 1
    assert f"CLOSED · {activity.reference} {activity.title}" in mailoutbox[0].body
    assert "by member_a" in mailoutbox[0].body


def test_it_refuses_a_row_starting_after_today_and_changes_nothing(member_a_client, part_a, rows_a):
    activity = rows_a[0]
    activity.start_date = timezone.localdate() + datetime.timedelta(days=30)
    activity.save()
    response = _close(member_a_client, part_a, activity, activity.version)
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.status, stored.end_date) == (ActivityStatus.ONGOING, None)
    assert not RowConfirmation.objects.exists()
    messages = [str(message) for message in response.wsgi_request._messages]
    assert "cannot be before the start date" in messages[0]


def test_the_secretariat_closing_answers_for_the_part_s_agency(secretariat_client, part_a, rows_a):
    _close(secretariat_client, part_a, rows_a[0], rows_a[0].version)
    answer = RowConfirmation.objects.get()
    assert (answer.agency_id, answer.outcome) == (part_a.agency_id, Outcome.CLOSED)

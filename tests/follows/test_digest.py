"""The weekly email of what changed in the followed rows: new, edited, closed, by whom, with a
link to the history; each change told once; in the follower's language."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from activities.models import ActivityStatus
from follows.digest import send_follow_digests
from follows.models import Follow
from tests.factories import Role, make_activity, make_country, make_member

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2030, 6, 3, 6, 0, tzinfo=datetime.UTC)


@pytest.fixture
def follower(agency_a):
    person = make_member(agency_a, username="marie", email="marie@example.org")
    with time_machine.travel(MONDAY - datetime.timedelta(days=14), tick=False):
        Follow.objects.create(user=person, country=make_country("SN", region="africa"))
    return person


def during_the_week(**changes):
    with time_machine.travel(MONDAY - datetime.timedelta(days=2), tick=False):
        return make_activity(make_country("SN", region="africa"), **changes)


def send(at=MONDAY):
    with time_machine.travel(at, tick=False):
        return send_follow_digests()


def test_it_tells_a_follower_of_a_new_row(follower, mailoutbox, agency_b):
    activity = during_the_week(agencies={agency_b: Role.LEAD}, title="Pension study")
    assert send() == 1
    body = mailoutbox[0].body
    assert f"NEW · {activity.reference} Pension study" in body
    assert f"/activities/{activity.reference}/history/" in body


def test_it_says_a_closed_row_was_closed_and_by_whom(follower, mailoutbox, member_b):
    activity = during_the_week(title="Costing")
    with time_machine.travel(MONDAY - datetime.timedelta(days=1), tick=False):
        activity.status = ActivityStatus.COMPLETED
        activity._history_user = member_b
        activity.save()
    send()
    assert f"CLOSED · {activity.reference} Costing" in mailoutbox[0].body
    assert "by member_b" in mailoutbox[0].body


def test_it_tells_each_change_once(follower, mailoutbox):
    during_the_week(title="Costing")
    send()
    send(MONDAY + datetime.timedelta(days=7))
    assert len(mailoutbox) == 1


def test_it_leaves_out_rows_of_other_countries(follower, mailoutbox):
    with time_machine.travel(MONDAY - datetime.timedelta(days=2), tick=False):
        make_activity(make_country("VN"), title="Elsewhere")
    assert send() == 0


def test_it_follows_an_agency_s_rows_wherever_they_are(agency_b, mailoutbox):
    person = make_member(agency_b, username="ben", email="ben@example.org")
    Follow.objects.create(user=person, agency=agency_b)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=False):
        make_activity(make_country("VN"), {agency_b: Role.PARTNER}, title="Joint study")
    send(timezone.now() + datetime.timedelta(hours=2))
    assert "Joint study" in mailoutbox[0].body


def test_it_writes_in_the_follower_s_language(follower, mailoutbox):
    follower.profile.language = "es"
    follower.profile.save()
    during_the_week(title="Costing")
    send()
    assert mailoutbox[0].extra_headers["Content-Language"] == "es"
    assert 'lang="es"' in mailoutbox[0].alternatives[0][0]


def test_it_sends_one_email_to_a_person_following_several(follower, agency_b, mailoutbox):
    Follow.objects.create(user=follower, agency=agency_b)
    during_the_week(agencies={agency_b: Role.LEAD}, title="Pension study")
    assert send() == 1
    assert mailoutbox[0].body.count("Pension study") == 1

"""The public decision log, its Atom feed, the minutes' sanitising and the follow digest."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from decisions.minutes import render_minutes
from decisions.models import Decision, Meeting
from follows.digest import send_follow_digests
from follows.models import Follow

pytestmark = pytest.mark.django_db


def test_the_public_log_and_feed_hold_only_the_public_decision(coalition):
    anonymous = Client()
    log = anonymous.get(reverse("decisions:log")).content.decode()
    assert "Identify pilot countries and self-starters" in log
    assert "funding strategy paper" not in log
    feed = anonymous.get(reverse("decisions:feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    text = feed.content.decode()
    assert "Identify pilot countries and self-starters" in text
    assert "funding strategy paper" not in text


def test_the_feed_holds_no_members_only_decision_even_for_a_member(member_a_client, coalition):
    text = member_a_client.get(reverse("decisions:feed")).content.decode()
    assert "funding strategy paper" not in text


def test_members_read_the_whole_log(member_b_client, coalition):
    text = member_b_client.get(reverse("decisions:log")).content.decode()
    assert "Draft a 5 page funding strategy paper" in text
    assert "members only" in text


def test_a_public_decision_of_a_members_only_meeting_says_so(member_a_client, coalition):
    page = member_a_client.get(reverse("decisions:meeting", args=[coalition.meeting.pk]))
    assert "although this meeting's minutes are for members only" in page.content.decode()


def test_the_log_downloads_the_rows_the_reader_sees(client, coalition):
    response = client.get(reverse("decisions:log") + "?format=csv")
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].lstrip("\ufeff").startswith("Decided on,Decision")
    assert len(rows) == 2 and "Identify pilot countries" in rows[1]


def test_the_log_in_french_says_its_headers_in_french(client, coalition):
    response = client.get(reverse("decisions:log") + "?format=csv", HTTP_ACCEPT_LANGUAGE="fr")
    header = b"".join(response.streaming_content).decode().splitlines()[0]
    assert header.lstrip("\ufeff").startswith("Décidé le")


def test_minutes_keep_their_formatting_and_lose_any_script():
    html = render_minutes(
        "## Points\n\n- **Rio+20** [link](https://example.org)\n"
        '<script>alert(1)</script><a href="javascript:alert(2)" onclick="x()">bad</a>'
    )
    assert "<strong>Rio+20</strong>" in html and "<h2>Points</h2>" in html
    assert 'href="https://example.org"' in html
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html


def test_the_follow_digest_tells_a_follower_of_the_new_public_decision(viewer, coalition):
    Follow.objects.create(user=viewer, country=coalition.vn)
    meeting = coalition.meeting
    Decision.objects.create(
        meeting=meeting, text="Meet again after Rio+20", decided_on=meeting.date, is_public=True
    )
    Decision.objects.create(meeting=meeting, text="Hire a consultant", decided_on=meeting.date)
    sent = send_follow_digests(now=timezone.now() + datetime.timedelta(minutes=1))
    assert sent == 1
    body = mail.outbox[0].body
    assert "Meet again after Rio+20" in body
    assert "Hire a consultant" not in body  # members only; the viewer is not one
    assert "Identify pilot countries" not in body  # recorded before they followed


def test_a_meeting_with_public_minutes_shows_them_to_anyone(client, coalition):
    Meeting.objects.filter(pk=coalition.meeting.pk).update(minutes_public=True)
    page = client.get(reverse("decisions:meeting", args=[coalition.meeting.pk])).content.decode()
    assert "<h2>Notes</h2>" in page
    # Action points stay with the members.
    assert "Send the matrix to all members" not in page

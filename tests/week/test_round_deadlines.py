"""A round's deadline is in "My deadlines" and in the person's and the agency's calendar
feeds; once the part is submitted, "My deadlines" says so."""

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from rounds.models import RoundAgency
from tests.week.conftest import open_test_round
from workplan.feeds import feed_token

pytestmark = pytest.mark.django_db


def summaries(response) -> list[str]:
    calendar = icalendar.Calendar.from_ical(response.content)
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


def test_it_lists_the_round_in_the_member_s_deadlines(member_a_client, secretariat, agency_a):
    open_test_round(secretariat, agency_a)
    content = member_a_client.get(reverse("workplan:my_deadlines")).content.decode()
    assert "Update round “Mid-year update”: confirm AGA&#x27;s rows" in content


def test_it_leaves_the_round_out_of_another_agency_s_deadlines(
    member_b_client, secretariat, agency_a
):
    open_test_round(secretariat, agency_a)
    content = member_b_client.get(reverse("workplan:my_deadlines")).content.decode()
    assert "Mid-year update" not in content


def test_it_says_when_the_part_was_submitted(member_a_client, secretariat, agency_a):
    update_round = open_test_round(secretariat, agency_a)
    RoundAgency.objects.filter(round=update_round).update(submitted_at=timezone.now())
    content = member_a_client.get(reverse("workplan:my_deadlines")).content.decode()
    assert "submitted on" in content


def test_it_puts_the_round_in_the_person_s_feed(client, member_a, secretariat, agency_a):
    update_round = open_test_round(secretariat, agency_a)
    url = reverse("workplan:user_calendar", args=[feed_token(member_a)])
    events = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")
    assert [event.decoded("DTSTART") for event in events] == [update_round.deadline]


def test_it_puts_the_round_in_the_agency_s_feed(client, secretariat, agency_a):
    open_test_round(secretariat, agency_a)
    response = client.get(reverse("workplan:agency_calendar", args=["AGA"]))
    assert summaries(response) == ["Update round “Mid-year update”: confirm AGA's rows"]


def test_it_drops_a_closed_round_from_the_feed(client, secretariat, agency_a):
    update_round = open_test_round(secretariat, agency_a)
    update_round.closed_at = timezone.now()
    update_round.save()
    assert summaries(client.get(reverse("workplan:agency_calendar", args=["AGA"]))) == []

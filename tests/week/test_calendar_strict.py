"""Calendar feeds parse with a strict reader (icalendar) and hold at least one component even
with no deadline (RFC 5545, 3.6: a calendar has one or more components)."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from tests.factories import make_agency
from tests.workplan.conftest import make_deliverable

pytestmark = pytest.mark.django_db


def parsed(client, acronym: str) -> icalendar.Calendar:
    response = client.get(reverse("workplan:agency_calendar", args=[acronym]))
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content)


def test_it_keeps_an_empty_feed_a_valid_calendar(client):
    make_agency("ILO")
    calendar = parsed(client, "ILO")
    assert calendar.subcomponents
    assert [component.name for component in calendar.subcomponents] == ["VTIMEZONE"]


def test_it_gives_the_site_time_zone_a_usable_definition(client):
    make_agency("ILO")
    (zone,) = parsed(client, "ILO").walk("VTIMEZONE")
    assert zone.to_tz().utcoffset(datetime.datetime(2030, 1, 1)) == datetime.timedelta(0)


def test_it_reads_each_step_back_as_an_all_day_event(client):
    agency = make_agency("ILO")
    make_deliverable(datetime.date(2030, 6, 1), agencies=(agency,), title="Matrix, sent; all")
    (event,) = parsed(client, "ILO").walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.date(2030, 6, 1)
    assert str(event["DESCRIPTION"]).startswith("Matrix, sent; all")

"""The .ics feeds: RFC 5545 lines (CRLF, 75-octet folding, escaping) and one event per step."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable
from workplan.calendar import escape_text, fold
from workplan.feeds import feed_token

DUE = datetime.date(2030, 6, 1)


def unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


@pytest.fixture
def feed(client, db) -> bytes:
    agency = make_agency("ILO")
    long_title = "Mapping of SPF tools, data; indicators\\ and more " + "é" * 60
    make_deliverable(DUE, agencies=(agency,), title=long_title)
    return client.get(reverse("workplan:agency_calendar", args=["ilo"])).content


def test_it_ends_every_line_with_crlf_within_75_octets(feed):
    lines = feed.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75


def test_it_writes_an_all_day_event_per_step(feed):
    lines = unfold(feed.decode())
    assert "DTSTART;VALUE=DATE:20300601" in lines
    assert sum(line.startswith("UID:step-") for line in lines) == 1


def test_it_escapes_commas_semicolons_and_backslashes(feed):
    description = next(line for line in unfold(feed.decode()) if line.startswith("DESCRIPTION:"))
    assert description.startswith("DESCRIPTION:Mapping of SPF tools\\, data\\; indicators\\\\ and")


def test_it_never_folds_inside_a_character():
    folded = fold("SUMMARY:" + "é" * 100)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "é" * 100


def test_it_escapes_newlines():
    assert escape_text("a\nb") == "a\\nb"


def test_it_serves_a_members_deadlines_on_their_token(client, db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    member = make_member(agency)
    response = client.get(reverse("workplan:user_calendar", args=[feed_token(member)]))
    assert response["Content-Type"] == "text/calendar"
    assert response.content.count(b"BEGIN:VEVENT") == 1


def test_it_refuses_a_forged_token(client, db):
    url = reverse("workplan:user_calendar", args=["1:forged"])
    assert client.get(url).status_code == 404

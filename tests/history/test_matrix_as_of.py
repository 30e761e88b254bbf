"""The matrix, a country's page and their downloads as of a past date, from the history."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.models import Activity, Role
from activities.services import update_activity
from tests.factories import make_activity, make_country

pytestmark = pytest.mark.postgres

JAN = datetime.datetime(2026, 1, 10, 12, tzinfo=datetime.UTC)
MARCH = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def past(agency_a, agency_b, secretariat):
    """In January: "Old title" (AGA lead) and "Gone later" in Senegal. In March: the first
    renamed with AGB co-lead, the second deleted."""
    senegal = make_country("SN")
    with time_machine.travel(JAN, tick=False):
        kept = make_activity(senegal, {agency_a: Role.LEAD}, title="Old title")
        gone = make_activity(senegal, {agency_b: Role.LEAD}, title="Gone later")
    with time_machine.travel(MARCH, tick=False):
        kept.title = "New title"
        update_activity(
            secretariat, kept, kept.version, {agency_a: Role.LEAD, agency_b: Role.CO_LEAD}
        )
        Activity.objects.get(pk=gone.pk).delete()
    return kept


def test_the_matrix_as_of_a_date_shows_the_rows_as_they_were(client, past):
    page = client.get(reverse("activities:matrix"), {"as_of": "2026-02-01"})
    text = page.content.decode()
    assert "A past view: the matrix as it was on" in text
    assert "Old title" in text and "Gone later" in text and "New title" not in text
    assert "role--co-lead" not in text


def test_today_shows_the_present(client, past):
    text = client.get(reverse("activities:matrix")).content.decode()
    assert "New title" in text and "Gone later" not in text and "A past view" not in text


def test_the_filters_apply_to_the_past(client, past):
    text = client.get(
        reverse("activities:matrix"), {"as_of": "2026-02-01", "agency": "AGB"}
    ).content.decode()
    assert "Gone later" in text and "Old title" not in text


def test_a_date_before_the_first_record_is_refused_clearly(client, past):
    page = client.get(reverse("activities:matrix"), {"as_of": "2025-12-31"})
    assert page.status_code == 400
    assert "The hub has no record before" in page.content.decode()


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "31/01/2026"])
def test_a_wrong_date_is_refused(client, past, value):
    page = client.get(reverse("activities:matrix"), {"as_of": value})
    assert page.status_code == 400
    assert "is not a date" in page.content.decode()


def test_a_moment_as_a_rounds_close_gives_it(client, past):
    moment = (MARCH - datetime.timedelta(seconds=1)).isoformat()
    text = client.get(reverse("activities:matrix"), {"as_of": moment}).content.decode()
    assert "Old title" in text


def test_the_country_page_as_of(client, past):
    url = reverse("countries:detail", args=["SN"])
    text = client.get(url, {"as_of": "2026-02-01"}).content.decode()
    assert "A past view" in text and "Old title" in text and "Gone later" in text


@pytest.mark.parametrize(
    "name, args", [("activities:matrix_export", []), ("countries:export", ["SN"])]
)
def test_the_downloads_as_of(client, past, name, args):
    response = client.get(reverse(name, args=args), {"as_of": "2026-02-01", "format": "csv"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8-sig")
    assert "Old title" in text and "Gone later" in text and "New title" not in text
    assert "as-of-2026-02-01" in response["Content-Disposition"]


def test_a_download_before_the_first_record_is_refused(client, past):
    response = client.get(
        reverse("activities:matrix_export"), {"as_of": "2020-01-01", "format": "csv"}
    )
    assert response.status_code == 400
    assert "The hub has no record before" in response.content.decode()


def _queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("activities:matrix"), params)
    return len(queries)


def test_the_past_matrix_costs_the_same_queries_for_few_and_many_rows(client, agency_a):
    country = make_country("VN")
    with time_machine.travel(JAN, tick=False):
        for number in range(3):
            make_activity(country, {agency_a: Role.LEAD}, title=f"Few {number}")
    few = _queries(client, {"as_of": "2026-02-01"})
    with time_machine.travel(JAN, tick=False):
        for number in range(20):
            make_activity(country, {agency_a: Role.LEAD}, title=f"Many {number}")
    assert _queries(client, {"as_of": "2026-02-01"}) == few


def test_an_agencys_download_as_of(client, past):
    response = client.get(
        reverse("agencies:export", args=["AGB"]), {"as_of": "2026-02-01", "format": "csv"}
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Gone later" in text and "Old title" not in text


@pytest.mark.parametrize("fmt", ["hxl", "hxl-long"])
def test_the_hxl_files_of_a_past_view(client, past, fmt):
    response = client.get(
        reverse("activities:matrix_export"), {"as_of": "2026-02-01", "format": fmt}
    )
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode("utf-8").splitlines()
    assert lines[1].startswith("#meta+id,#activity+scope,#country+code,#country+code+main")
    body = "\n".join(lines[2:])
    assert "Old title" in body and "Gone later" in body and "New title" not in body
    assert "AGB" in body  # Gone later's lead, as it was

"""The round dashboard downloads as CSV, XLSX and ODS, for the secretariat only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rounds.services import open_round
from tests.exports.matrix import body, ods_sheets, read_download
from tests.factories import make_agency

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

FORMATS = ["csv", "xlsx", "ods"]


@pytest.fixture
def round_id(secretariat) -> int:
    agencies = [make_agency(acronym) for acronym in ("UNICEF", "ILO", "WHO")]
    deadline = timezone.localdate() + datetime.timedelta(days=7)
    update_round = open_round(
        secretariat, title="Mid-year", deadline=deadline, agencies=agencies, message=""
    )
    return update_round.pk


def export_url(round_id: int) -> str:
    return reverse("rounds:dashboard_export", kwargs={"round_id": round_id})


def shown(client, round_id: int, sort: str) -> list[str]:
    url = reverse("rounds:dashboard", kwargs={"round_id": round_id})
    response = client.get(url, {"sort": sort})
    return [part.agency.acronym for part in response.context["parts"]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_it_downloads_the_dashboard_rows_in_its_sort(secretariat_client, round_id, fmt):
    response = secretariat_client.get(export_url(round_id), {"format": fmt, "sort": "-agency"})
    rows = read_download(response, fmt)
    assert [row["Agency"] for row in rows] == shown(secretariat_client, round_id, "-agency")
    assert len(rows) == 3


def test_it_starts_the_csv_with_a_byte_order_mark(secretariat_client, round_id):
    response = secretariat_client.get(export_url(round_id), {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert body(response).startswith("\ufeff".encode())


def test_it_keeps_xlsx_when_no_format_is_named(secretariat_client, round_id):
    old_link = reverse("rounds:dashboard_export_xlsx", kwargs={"round_id": round_id})
    response = secretariat_client.get(old_link)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert len(read_download(response, "xlsx")) == 3


def test_it_explains_each_column_with_its_allowed_values(secretariat_client, round_id):
    response = secretariat_client.get(export_url(round_id), {"format": "ods"})
    about = {row["Column"]: row for row in ods_sheets(response)[1].dict}
    assert list(about) == list(read_download(response, "ods")[0])
    assert "Not started" in about["Status"]["Allowed values"]


@pytest.mark.parametrize("persona_client", ["member_a", "viewer"], indirect=True)
def test_it_refuses_the_download_to_others_than_the_secretariat(persona_client, round_id):
    response = persona_client.get(export_url(round_id), {"format": "csv"})
    assert response.status_code == 403
    assert b"UNICEF" not in response.content


def test_it_sends_anonymous_readers_to_the_login_page(client, round_id):
    response = client.get(export_url(round_id), {"format": "csv"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_refuses_an_unknown_format_naming_the_choices(secretariat_client, round_id):
    response = secretariat_client.get(export_url(round_id), {"format": "pdf"})
    assert response.status_code == 400
    assert "pdf" in response.content.decode() and "ods" in response.content.decode()

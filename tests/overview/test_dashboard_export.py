import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.overview.test_dashboard_round import update_round  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def sheet(response) -> list[list[object]]:
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def test_it_downloads_every_bar_s_number_as_xlsx(member_a_client, coalition):
    response = member_a_client.get(reverse("overview:dashboard_export"))
    rows = sheet(response)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert rows[0] == ["Chart", "Item", "Count", "Out of", "Due", "Link"]
    assert [
        "Activities by region",
        "Asia and the Pacific",
        3,
        None,
        None,
        "/matrix/?region=asia-pacific",
    ] in rows


def test_it_gives_members_the_round_s_totals_but_not_each_agency_s(
    client,
    member_a,
    secretariat,
    update_round,  # noqa: F811
):
    client.force_login(member_a)
    member_rows = round_rows(sheet(client.get(reverse("overview:dashboard_export"))))
    client.force_login(secretariat)
    secretariat_rows = round_rows(sheet(client.get(reverse("overview:dashboard_export"))))
    assert member_rows == ["All agencies asked"]
    assert secretariat_rows == ["All agencies asked", "AGA", "AGB"]


def round_rows(rows: list[list[object]]) -> list[object]:
    return [row[1] for row in rows if str(row[0]).startswith("Rows answered in the round")]


def test_it_refuses_an_unknown_format_and_names_it(member_a_client):
    response = member_a_client.get(reverse("overview:dashboard_export"), {"format": "pdf"})
    assert response.status_code == 400
    assert "pdf" in response.content.decode()
